"""Requirements and licences: measures, dates inside the order or licence, the young-adults rule,
supervision after release, standard conditions, condition rules, versions, audit and refusals."""

import datetime as dt

import pytest

from probation.accounts.models import Role
from probation.accounts.tests.factories import UserFactory
from probation.audit.models import AuditEvent
from probation.core.clock import today_uk
from probation.core.errors import ConflictError, NotFound, PermissionDenied, ServiceError
from probation.people.models import PersonChange
from probation.people.tests.factories import PersonFactory
from probation.rules.sentences.licences import STANDARD_LICENCE_CONDITIONS
from probation.sentences.models import Licence, LicenceCondition, Requirement
from probation.sentences.services.licences import (
    LicenceDates,
    licence_condition_add,
    licence_condition_end,
    licence_create,
)
from probation.sentences.services.requirements import RequirementTerms, requirement_add, requirement_terminate
from probation.sentences.tests.factories import (
    CustodialSentenceFactory,
    LicenceConditionFactory,
    LicenceFactory,
    RequirementFactory,
    SentenceFactory,
)

pytestmark = pytest.mark.django_db
START = dt.date(2026, 3, 2)  # the factories' order: 2 March 2026 to 2 March 2027
TOMORROW = today_uk() + dt.timedelta(days=1)


@pytest.fixture
def order(case):
    return SentenceFactory(event__person=case)


def _state():
    return (
        list(Requirement.objects.values_list("pk", "version", "terminated_on")),
        list(Licence.objects.values_list("pk", "version")),
        list(LicenceCondition.objects.values_list("pk", "version", "end_date")),
        PersonChange.objects.count(),
        AuditEvent.objects.count(),
    )


def _add(actor, case, sentence, **overrides):
    kwargs = {"requirement_type": "unpaid_work", "ordered": 120, "start_date": START} | overrides
    return requirement_add(
        actor=actor, crn=case.crn, sentence_id=sentence.pk, terms=RequirementTerms(**kwargs)
    )


def test_adding_unpaid_work_records_the_hours_and_audits(case, order, officer_user):
    requirement = _add(officer_user, case, order, details=" Group placement ")

    assert (requirement.type, requirement.ordered, requirement.done, requirement.details) == (
        "unpaid_work",
        120,
        0,
        "Group placement",
    )
    audit = AuditEvent.objects.get()
    assert (audit.object_type, audit.detail) == (
        "requirement",
        {"sentence": order.pk, "type": "unpaid_work", "ordered": 120, "start_date": "2026-03-02"},
    )


def test_curfew_with_electronic_monitoring_and_an_exclusion_with_its_place(case, order, officer_user):
    curfew = _add(officer_user, case, order, requirement_type="curfew", ordered=8, electronic_monitoring=True)
    exclusion = _add(
        officer_user,
        case,
        order,
        requirement_type="exclusion",
        ordered=None,
        details="Leeds centre, 6 months",
    )

    assert (curfew.ordered, curfew.electronic_monitoring) == (8, True)
    assert exclusion.details == "Leeds centre, 6 months"


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"requirement_type": "community_service"}, "type", "Select the type of requirement"),
        ({"ordered": 39}, "amount", "Unpaid work must be between 40 and 300 hours; 39 was given."),
        ({"ordered": 301}, "amount", "Unpaid work must be between 40 and 300 hours; 301 was given."),
        ({"ordered": None}, "amount", "Enter the hours ordered for unpaid work."),
        (
            {"requirement_type": "residence", "ordered": 3},
            "amount",
            "Residence requirements have no amount to order.",
        ),
        (
            {"requirement_type": "exclusion", "ordered": None},
            "details",
            "Enter the place and period of the exclusion",
        ),
        (
            {"electronic_monitoring": True},
            "electronic_monitoring",
            "Electronic monitoring applies to curfew and exclusion requirements, not unpaid work",
        ),
        (
            {"start_date": dt.date(2026, 3, 1)},
            "start_date",
            "Start date must be on or after the order's start (2 March 2026)",
        ),
        (
            {"start_date": dt.date(2027, 3, 3)},
            "start_date",
            "Start date must be on or before the order's end (2 March 2027)",
        ),
        (
            {"end_date": dt.date(2026, 3, 1)},
            "end_date",
            "End date must be on or after the start date (2 March 2026)",
        ),
        (
            {"end_date": dt.date(2027, 3, 3)},
            "end_date",
            "End date must be on or before the order's end (2 March 2027)",
        ),
        (
            {"requirement_type": "attendance_centre", "ordered": 12},
            "type",
            "An attendance centre requirement is for people aged under 25 when convicted; this person was 40",
        ),
    ],
)
def test_requirement_rules_refuse_and_write_nothing(case, order, officer_user, overrides, field, message):
    before = _state()

    with pytest.raises(ServiceError) as refused:
        _add(officer_user, case, order, **overrides)

    assert (refused.value.field, refused.value.message) == (field, message)
    assert _state() == before


def test_attendance_centre_is_allowed_for_a_young_adult(officer_user):
    young = PersonFactory(officer=officer_user.staff, date_of_birth=dt.date(2002, 1, 1))
    order = SentenceFactory(event__person=young)

    assert _add(officer_user, young, order, requirement_type="attendance_centre", ordered=12).pk


def test_requirements_go_on_current_orders_only(case, officer_user):
    custodial = CustodialSentenceFactory(event__person=case)
    ended = SentenceFactory(
        event__person=case, terminated_on=dt.date(2026, 5, 1), termination_reason="revoked"
    )
    before = _state()

    with pytest.raises(ServiceError) as on_custody:
        _add(officer_user, case, custodial)
    with pytest.raises(ServiceError) as on_ended:
        _add(officer_user, case, ended)

    assert on_custody.value.message == (
        "Requirements can be added to community and suspended sentence orders only, not to a custodial sentence"
    )
    assert on_ended.value.message == "This order ended on 1 May 2026: requirements cannot be added"
    assert _state() == before


def test_another_persons_sentence_and_staff_elsewhere_are_refused(case, order, officer_user):
    other = SentenceFactory(event__person=PersonFactory(officer=officer_user.staff))

    with pytest.raises(NotFound):
        requirement_add(
            actor=officer_user,
            crn=case.crn,
            sentence_id=other.pk,
            terms=RequirementTerms(requirement_type="unpaid_work", ordered=50, start_date=START),
        )
    with pytest.raises(PermissionDenied):
        _add(UserFactory(role=Role.SENIOR_PO), case, order)
    assert Requirement.objects.count() == 0


def _end_requirement(actor, case, requirement, **overrides):
    kwargs = {"expected_version": 1, "terminated_on": dt.date(2026, 8, 1), "reason": "completed"} | overrides
    return requirement_terminate(actor=actor, crn=case.crn, requirement_id=requirement.pk, **kwargs)


def test_ending_a_requirement_is_versioned_and_audited(case, order, officer_user):
    requirement = RequirementFactory(sentence=order)

    _end_requirement(officer_user, case, requirement)

    requirement.refresh_from_db()
    assert (requirement.terminated_on, requirement.termination_reason, requirement.version) == (
        dt.date(2026, 8, 1),
        "completed",
        2,
    )
    assert AuditEvent.objects.get().detail == {
        "terminated_on": "2026-08-01",
        "reason": "completed",
        "version": 2,
    }
    before = _state()
    with pytest.raises(ConflictError):
        _end_requirement(officer_user, case, requirement, reason="removed_by_court")
    with pytest.raises(ServiceError) as again:
        _end_requirement(officer_user, case, requirement, expected_version=2)
    assert again.value.message == "This requirement already ended on 1 August 2026"
    assert _state() == before


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"reason": "x"}, "reason"),
        ({"terminated_on": TOMORROW}, "terminated_on"),
        ({"terminated_on": dt.date(2026, 3, 1)}, "terminated_on"),
    ],
)
def test_requirement_termination_rules_refuse(case, order, officer_user, overrides, field):
    requirement = RequirementFactory(sentence=order)
    before = _state()

    with pytest.raises(ServiceError) as refused:
        _end_requirement(officer_user, case, requirement, **overrides)

    assert refused.value.field == field
    assert _state() == before


# --- Licences -------------------------------------------------------------------------------------


def _licence(actor, case, sentence, **overrides):
    kwargs = {
        "release_date": dt.date(2026, 6, 1),
        "conditional_release_date": dt.date(2026, 6, 1),
        "licence_expiry_date": dt.date(2027, 3, 1),
        "sentence_expiry_date": dt.date(2028, 3, 1),
    } | overrides
    prison = kwargs.pop("releasing_prison", "")
    return licence_create(
        actor=actor,
        crn=case.crn,
        sentence_id=sentence.pk,
        dates=LicenceDates(**kwargs),
        releasing_prison=prison,
    )


def test_release_from_a_long_sentence_is_a_licence_with_the_nine_standard_conditions(case, officer_user):
    sentence = CustodialSentenceFactory(event__person=case, custodial_months=24)

    licence = _licence(officer_user, case, sentence, releasing_prison=" HMP Leeds ")

    assert (licence.supervision, licence.releasing_prison) == ("licence", "HMP Leeds")
    conditions = list(licence.conditions.values_list("kind", "text", "start_date", "ordinal"))
    assert conditions == [
        ("standard", text, dt.date(2026, 6, 1), i)
        for i, text in enumerate(STANDARD_LICENCE_CONDITIONS, start=1)
    ]
    assert AuditEvent.objects.get().detail == {
        "sentence": sentence.pk,
        "supervision": "licence",
        "release_date": "2026-06-01",
        "standard_conditions": 9,
    }


def test_release_from_a_short_sentence_is_post_sentence_supervision_and_needs_its_end(case, officer_user):
    sentence = CustodialSentenceFactory(event__person=case, custodial_months=6)

    with pytest.raises(ServiceError) as refused:
        _licence(officer_user, case, sentence, licence_expiry_date=None)
    licence = _licence(
        officer_user, case, sentence, licence_expiry_date=None, pss_end_date=dt.date(2027, 6, 1)
    )

    assert refused.value.field == "pss_end_date"
    assert licence.supervision == "post_sentence_supervision"


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"licence_expiry_date": None}, "licence_expiry_date", "Enter the licence expiry date (LED)"),
        (
            {"release_date": dt.date(2026, 3, 1)},
            "release_date",
            "Release date must be on or after the date of sentence (2 March 2026)",
        ),
        (
            {"conditional_release_date": dt.date(2026, 3, 1)},
            "conditional_release_date",
            "Conditional release date must be on or after the date of sentence (2 March 2026)",
        ),
        (
            {"licence_expiry_date": dt.date(2026, 5, 31)},
            "licence_expiry_date",
            "Licence expiry date must be on or after the release date (1 June 2026)",
        ),
        ({"top_up_end_date": dt.date(2026, 5, 31)}, "top_up_end_date", None),
        ({"pss_end_date": dt.date(2026, 5, 31)}, "pss_end_date", None),
        ({"sentence_expiry_date": dt.date(2026, 5, 31)}, "sentence_expiry_date", None),
    ],
)
def test_licence_date_rules_refuse_and_write_nothing(case, officer_user, overrides, field, message):
    sentence = CustodialSentenceFactory(event__person=case)
    before = _state()

    with pytest.raises(ServiceError) as refused:
        _licence(officer_user, case, sentence, **overrides)

    assert refused.value.field == field
    if message:
        assert refused.value.message == message
    assert _state() == before


def test_a_licence_needs_a_current_custodial_sentence_without_one(case, order, officer_user):
    custodial = CustodialSentenceFactory(event__person=case)
    _licence(officer_user, case, custodial)
    ended = CustodialSentenceFactory(
        event__person=case, terminated_on=dt.date(2026, 4, 1), termination_reason="other"
    )
    before = _state()

    messages = []
    for sentence in (order, custodial, ended):
        with pytest.raises(ServiceError) as refused:
            _licence(officer_user, case, sentence)
        messages.append(refused.value.message)

    assert messages == [
        "A licence follows a custodial sentence; this is a community order",
        "A licence is already recorded for this sentence",
        "This sentence ended on 1 April 2026",
    ]
    assert _state() == before


@pytest.fixture
def licence(case):
    return LicenceFactory(sentence__event__person=case)  # 1 June 2026 to 1 June 2027


def _condition(actor, case, licence, **overrides):
    kwargs = {
        "kind": "additional",
        "category": "exclusion_zone",
        "text": " Not to enter Leeds city centre ",
        "start_date": dt.date(2026, 6, 1),
    } | overrides
    return licence_condition_add(actor=actor, crn=case.crn, licence_id=licence.pk, **kwargs)


def test_adding_additional_and_bespoke_conditions_orders_them_after_the_standard_ones(
    case, licence, officer_user
):
    additional = _condition(officer_user, case, licence)
    bespoke = _condition(officer_user, case, licence, kind="bespoke", category="", text="Attend the DIP")

    assert (additional.ordinal, additional.text, bespoke.ordinal) == (
        10,
        "Not to enter Leeds city centre",
        11,
    )
    assert [a.detail for a in AuditEvent.objects.order_by("seq")] == [
        {
            "licence": licence.pk,
            "kind": "additional",
            "category": "exclusion_zone",
            "start_date": "2026-06-01",
        },
        {"licence": licence.pk, "kind": "bespoke", "category": "", "start_date": "2026-06-01"},
    ]


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"kind": "standard"}, "kind", "The standard conditions are added with the licence"),
        ({"kind": "special"}, "kind", "Select additional or bespoke condition"),
        ({"category": ""}, "category", "Select the category of the additional condition"),
        ({"kind": "bespoke"}, "category", "A bespoke condition has no category: clear the category"),
        ({"text": "  "}, "text", "Enter the text of the licence condition."),
        (
            {"end_date": dt.date(2026, 5, 1)},
            "end",
            "The condition cannot end (01/05/2026) before it starts (01/06/2026).",
        ),
        (
            {"start_date": dt.date(2026, 5, 31)},
            "start",
            "Start date must be on or after release (1 June 2026)",
        ),
        (
            {"start_date": dt.date(2027, 6, 2)},
            "start",
            "Start date must be on or before the licence ends (1 June 2027)",
        ),
        (
            {"end_date": dt.date(2027, 6, 2)},
            "end",
            "End date must be on or before the licence ends (1 June 2027)",
        ),
    ],
)
def test_condition_rules_refuse_and_write_nothing(case, licence, officer_user, overrides, field, message):
    before = _state()

    with pytest.raises(ServiceError) as refused:
        _condition(officer_user, case, licence, **overrides)

    assert (refused.value.field, refused.value.message) == (field, message)
    assert _state() == before


def _end_condition(actor, case, condition, **overrides):
    kwargs = {"expected_version": 1, "end_date": dt.date(2026, 10, 1)} | overrides
    return licence_condition_end(actor=actor, crn=case.crn, condition_id=condition.pk, **kwargs)


def test_ending_a_condition_is_versioned_and_standard_ones_cannot_end(case, licence, officer_user):
    condition = LicenceConditionFactory(licence=licence)
    standard = licence.conditions.filter(kind="standard").first()

    _end_condition(officer_user, case, condition, end_date=dt.date(2026, 9, 1))
    condition.refresh_from_db()
    before = _state()

    assert (condition.end_date, condition.version) == (dt.date(2026, 9, 1), 2)
    with pytest.raises(ConflictError):
        _end_condition(officer_user, case, condition)
    with pytest.raises(ServiceError) as on_standard:
        _end_condition(officer_user, case, standard)
    with pytest.raises(ServiceError) as too_early:
        _end_condition(
            officer_user, case, LicenceConditionFactory(licence=licence), end_date=dt.date(2026, 5, 1)
        )
    assert on_standard.value.message == "Standard conditions last for the whole licence and cannot be ended"
    assert (too_early.value.field, too_early.value.message) == (
        "end_date",
        "End date must be on or after its start (1 June 2026)",
    )
    assert _state()[3:] == before[3:]
