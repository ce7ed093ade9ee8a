"""Recording a conviction and sentence, adding an offence and terminating a sentence: every rule,
the event number, the audit, the tier hook, and nothing written on a refusal."""

import datetime as dt

import pytest

from probation.accounts.models import Role
from probation.accounts.tests.factories import StaffFactory, UserFactory
from probation.audit.models import AuditEvent
from probation.core.case_changes import register_recalculation, unregister_recalculation
from probation.core.clock import today_uk
from probation.core.errors import ConflictError, NotFound, PermissionDenied, ServiceError
from probation.people.models import Exclusion, Person, PersonChange
from probation.people.tests.factories import PersonFactory
from probation.sentences.models import Event, EventOffence, Requirement, Sentence
from probation.sentences.services.events import (
    OffenceInput,
    RequirementInput,
    SentenceInput,
    event_create,
    offence_add,
    sentence_terminate,
)
from probation.sentences.tests.factories import RequirementFactory, SentenceFactory

pytestmark = pytest.mark.django_db
CONVICTED = dt.date(2026, 3, 2)
ORDERS = ("community_order", "suspended_sentence_order")
TOMORROW = today_uk() + dt.timedelta(days=1)


@pytest.fixture
def hook_calls():
    calls = []

    def record(*, person_id, reason, actor=None):
        calls.append((person_id, reason))

    register_recalculation(record)
    yield calls
    unregister_recalculation(record)


def _sentence(**overrides):
    fields = {
        "type": "community_order",
        "sentence_date": CONVICTED,
        "start_date": CONVICTED,
        "length_months": 12,
    }
    return SentenceInput(**(fields | overrides))


def _create(actor, case, *, sentence=None, additional=(), **overrides):
    sentence = sentence or _sentence()
    kwargs = {
        "conviction_date": CONVICTED,
        "court": " Leeds Magistrates' Court ",
        "main_offence": OffenceInput("10400", dt.date(2026, 1, 15)),
        "requirements": [RequirementInput("unpaid_work", 100)] if sentence.type in ORDERS else [],
    } | overrides
    return event_create(
        actor=actor, crn=case.crn, sentence=sentence, additional_offences=additional, **kwargs
    )


def _state():
    return (
        Event.objects.count(),
        EventOffence.objects.count(),
        list(Sentence.objects.values_list("pk", "version", "terminated_on")),
        list(Requirement.objects.values_list("pk", "version", "terminated_on")),
        PersonChange.objects.count(),
        AuditEvent.objects.count(),
    )


def test_recording_a_community_order_computes_its_end_numbers_the_event_and_audits(
    case, officer_user, hook_calls
):
    event = _create(officer_user, case, additional=[OffenceInput("02700", dt.date(2026, 1, 10), counts=2)])

    sentence = event.sentence
    assert (event.number, event.court) == (1, "Leeds Magistrates' Court")
    assert (sentence.type, sentence.length_months, sentence.expected_end_date) == (
        "community_order",
        12,
        dt.date(2027, 3, 1),
    )
    offences = list(
        event.offences.order_by("-main", "id").values_list("ho_code", "main", "counts", "description")
    )
    assert offences == [
        (
            "10400",
            True,
            1,
            "Assault [Use this code only if you are unable to determine which subcoded Offence applies]",
        ),
        ("02700", False, 2, "Soliciting by a man"),
    ]
    requirement = sentence.requirements.get()
    assert (requirement.type, requirement.ordered, requirement.start_date) == ("unpaid_work", 100, CONVICTED)
    audit = AuditEvent.objects.get()  # one record of the change, the requirement in it
    assert (audit.action, audit.object_id, audit.crn) == ("create", str(event.pk), case.crn)
    assert audit.detail == {
        "number": 1,
        "conviction_date": "2026-03-02",
        "offences": 2,
        "sentence": sentence.pk,
        "sentence_type": "community_order",
        "sentence_date": "2026-03-02",
        "requirements": [requirement.pk],
    }
    assert hook_calls == [(case.pk, "sentence recorded")]


def test_event_numbers_run_on_per_person(case, officer_user):
    other = PersonFactory(officer=officer_user.staff)
    _create(officer_user, other)

    numbers = [_create(officer_user, case).number for _ in range(3)]

    assert numbers == [1, 2, 3]


@pytest.mark.parametrize(
    ("sentence", "expected_end"),
    [
        (
            _sentence(type="suspended_sentence_order", custodial_months=6, length_months=18),
            dt.date(2027, 9, 1),
        ),
        (_sentence(type="custodial", length_months=None, custodial_months=24), dt.date(2028, 3, 1)),
        (
            _sentence(type="custodial", length_months=None, custodial_months=120, kind="indeterminate"),
            None,
        ),
        (_sentence(type="post_sentence_supervision", length_months=12), dt.date(2027, 3, 1)),
    ],
)
def test_each_sentence_type_gets_its_expected_end(case, officer_user, sentence, expected_end):
    assert _create(officer_user, case, sentence=sentence).sentence.expected_end_date == expected_end


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"court": "  "}, "court", "Enter the convicting court"),
        ({"conviction_date": TOMORROW}, "conviction_date", "Date of conviction must be today or in the past"),
        ({"main_offence": OffenceInput("", CONVICTED)}, "main_code", "Enter the main offence code"),
        (
            {"main_offence": OffenceInput("104", CONVICTED)},
            "main_code",
            "Main offence code must be a 5-digit Home Office offence code, like 10400; 104 was given",
        ),
        (
            {"main_offence": OffenceInput("99999", CONVICTED)},
            "main_code",
            "Main offence code 99999 is not a known Home Office offence code",
        ),
        (
            {"main_offence": OffenceInput("08800", CONVICTED)},
            "main_code",
            "Main offence code 08800 is a general category: enter the code of the exact offence",
        ),
        (
            {"main_offence": OffenceInput("10400", dt.date(2026, 3, 3))},
            "main_date",
            "Main offence date must be on or before the date of conviction (2 March 2026)",
        ),
        (
            {"main_offence": OffenceInput("10400", CONVICTED, counts=0)},
            "main_counts",
            "Main offence counts must be at least 1",
        ),
    ],
)
def test_conviction_rules_refuse_and_write_nothing(case, officer_user, overrides, field, message):
    before = _state()

    with pytest.raises(ServiceError) as refused:
        _create(officer_user, case, **overrides)

    assert (refused.value.field, refused.value.message) == (field, message)
    assert _state() == before


def test_a_bad_additional_offence_is_named_by_its_position(case, officer_user):
    with pytest.raises(ServiceError) as refused:
        _create(
            officer_user, case, additional=[OffenceInput("10400", CONVICTED), OffenceInput("1", CONVICTED)]
        )

    assert refused.value.field == "additional_2_code"
    assert Event.objects.count() == 0


@pytest.mark.parametrize(
    ("sentence", "field", "message"),
    [
        (_sentence(type="fine"), "sentence_type", "Select the type of sentence"),
        (
            _sentence(sentence_date=TOMORROW, start_date=TOMORROW),
            "sentence_date",
            "Date of sentence must be today or in the past",
        ),
        (
            _sentence(sentence_date=dt.date(2026, 3, 1)),
            "sentence_date",
            "Date of sentence must be on or after conviction (2 March 2026)",
        ),
        (
            _sentence(sentence_date=dt.date(2026, 3, 5), start_date=dt.date(2026, 3, 4)),
            "start_date",
            "Start date must be on or after the date of sentence (5 March 2026)",
        ),
        (_sentence(length_months=None), "length_months", "Enter the length of the order"),
        (
            _sentence(length_months=37),
            "length_months",
            "A community order lasts at most 3 years (36 months); 37 was given",
        ),
        (_sentence(custodial_months=6), "custodial_months", "A community order has no custodial term"),
        (_sentence(kind="extended"), "kind", "The kind of sentence applies to custodial sentences only"),
        (_sentence(kind="life"), "kind", "Select the kind of custodial sentence"),
        (
            _sentence(type="suspended_sentence_order", custodial_months=25),
            "custodial_months",
            "A suspended sentence order imposed before 22 March 2026 can suspend a term of at most 2 years "
            "(24 months); 25 was given",
        ),
        (
            _sentence(type="suspended_sentence_order", custodial_months=6, length_months=None),
            "length_months",
            "Enter the supervision period",
        ),
        (_sentence(type="custodial", length_months=None), "custodial_months", "Enter the custodial term"),
        (
            _sentence(type="custodial", custodial_months=12),
            "length_months",
            "Leave the length blank for a custodial sentence: licence dates are recorded on release",
        ),
        (
            _sentence(type="post_sentence_supervision", length_months=13),
            "length_months",
            "Post-sentence supervision lasts at most 12 months after release; 13 was given",
        ),
    ],
)
def test_sentence_rules_refuse_and_write_nothing(case, officer_user, sentence, field, message, hook_calls):
    before = _state()

    with pytest.raises(ServiceError) as refused:
        _create(officer_user, case, sentence=sentence)

    assert (refused.value.field, refused.value.message) == (field, message)
    assert _state() == before
    assert hook_calls == []


@pytest.mark.parametrize("role", [Role.COURT_OFFICER, Role.CASE_ADMIN])
def test_court_officers_and_case_admins_may_record_a_sentence(case, role):
    user = UserFactory(role=role, staff=StaffFactory(team=case.team))

    assert _create(user, case).number == 1


def test_staff_elsewhere_read_only_roles_excluded_users_and_admins_are_refused(
    case, officer_user, admin_user
):
    for user in (
        UserFactory(role=Role.SENIOR_PO),
        UserFactory(role=Role.VLO, staff=StaffFactory(team=case.team)),
    ):
        with pytest.raises(PermissionDenied):
            _create(user, case)
    Exclusion.objects.create(person=case, user=officer_user, added_by=officer_user)
    Person.objects.filter(pk=case.pk).update(has_exclusions=True)
    for user in (officer_user, admin_user):
        with pytest.raises(NotFound):
            _create(user, case)

    assert (Event.objects.count(), AuditEvent.objects.count()) == (0, 0)


def test_adding_an_offence_checks_the_code_and_date_against_the_conviction(case, officer_user, hook_calls):
    sentence = SentenceFactory(event__person=case)

    offence = offence_add(
        actor=officer_user, crn=case.crn, event_id=sentence.event_id, ho_code="02700", offence_date=CONVICTED
    )

    assert (offence.main, offence.ho_code, offence.counts) == (False, "02700", 1)
    assert AuditEvent.objects.get().detail == {"event": sentence.event_id, "offence_date": "2026-03-02"}
    assert hook_calls == [(case.pk, "offence added")]
    before = _state()
    for code, date, field in (("123", CONVICTED, "code"), ("10400", dt.date(2026, 3, 3), "date")):
        with pytest.raises(ServiceError) as refused:
            offence_add(
                actor=officer_user, crn=case.crn, event_id=sentence.event_id, ho_code=code, offence_date=date
            )
        assert refused.value.field == field
    assert _state() == before


def test_an_offence_cannot_be_added_to_another_persons_event(case, officer_user):
    other = SentenceFactory(event__person=PersonFactory(officer=officer_user.staff))

    with pytest.raises(NotFound):
        offence_add(
            actor=officer_user, crn=case.crn, event_id=other.event_id, ho_code="10400", offence_date=CONVICTED
        )


def _terminate(actor, case, sentence, **overrides):
    kwargs = {
        "expected_version": 1,
        "terminated_on": dt.date(2026, 9, 1),
        "reason": "early_good_progress",
    } | overrides
    return sentence_terminate(actor=actor, crn=case.crn, sentence_id=sentence.pk, **kwargs)


def test_terminating_a_sentence_ends_its_active_requirements_and_audits(case, officer_user, hook_calls):
    sentence = SentenceFactory(event__person=case)
    active = RequirementFactory(sentence=sentence)
    done = RequirementFactory(
        sentence=sentence, terminated_on=dt.date(2026, 6, 1), termination_reason="completed", done=100
    )

    _terminate(officer_user, case, sentence)

    sentence.refresh_from_db()
    active.refresh_from_db()
    done.refresh_from_db()
    assert (sentence.terminated_on, sentence.termination_reason, sentence.version) == (
        dt.date(2026, 9, 1),
        "early_good_progress",
        2,
    )
    assert (active.terminated_on, active.termination_reason, active.version) == (
        dt.date(2026, 9, 1),
        "order_ended",
        2,
    )
    assert (done.terminated_on, done.termination_reason, done.version) == (
        dt.date(2026, 6, 1),
        "completed",
        1,
    )
    audit = AuditEvent.objects.get()
    assert audit.detail == {
        "terminated_on": "2026-09-01",
        "reason": "early_good_progress",
        "requirements_ended": [active.pk],
        "version": 2,
    }
    assert PersonChange.objects.count() == 2
    assert hook_calls == [(case.pk, "sentence terminated")]


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"reason": "bored"}, "reason", "Select the reason the sentence ended"),
        ({"terminated_on": TOMORROW}, "terminated_on", "Termination date must be today or in the past"),
        (
            {"terminated_on": dt.date(2026, 3, 1)},
            "terminated_on",
            "Termination date must be on or after the date of sentence (2 March 2026)",
        ),
    ],
)
def test_termination_rules_refuse_and_write_nothing(case, officer_user, overrides, field, message):
    sentence = SentenceFactory(event__person=case)
    RequirementFactory(sentence=sentence)
    before = _state()

    with pytest.raises(ServiceError) as refused:
        _terminate(officer_user, case, sentence, **overrides)

    assert (refused.value.field, refused.value.message) == (field, message)
    assert _state() == before


def test_a_stale_termination_is_refused_with_what_changed(case, officer_user):
    sentence = SentenceFactory(event__person=case)
    _terminate(officer_user, case, sentence)
    before = _state()

    with pytest.raises(ConflictError) as refused:
        _terminate(officer_user, case, sentence, terminated_on=dt.date(2026, 10, 1), reason="completed")

    assert {c.label for c in refused.value.changes} == {"Termination date", "Termination reason"}
    assert _state() == before


def test_terminating_an_ended_sentence_again_says_when_it_ended(case, officer_user):
    sentence = SentenceFactory(
        event__person=case, terminated_on=dt.date(2026, 8, 1), termination_reason="completed"
    )

    with pytest.raises(ServiceError) as refused:
        _terminate(officer_user, case, sentence)

    assert refused.value.message == "This sentence already ended on 1 August 2026"


@pytest.mark.parametrize(
    ("sentence_type", "message"),
    [
        ("community_order", "A community order must have at least one requirement"),
        ("suspended_sentence_order", "A suspended sentence order with a supervision period must have"),
    ],
)
def test_an_order_with_no_requirements_is_refused_and_nothing_is_saved(
    case, officer_user, sentence_type, message
):
    before = _state()

    with pytest.raises(ServiceError) as refused:
        _create(
            officer_user,
            case,
            sentence=_sentence(
                type=sentence_type, custodial_months=6 if "suspended" in sentence_type else None
            ),
            requirements=[],
        )

    assert refused.value.field == "requirement_type"
    assert refused.value.message.startswith(message)
    assert _state() == before


def test_a_custodial_sentence_needs_no_requirement_and_may_have_none(case, officer_user):
    custodial = _sentence(type="custodial", custodial_months=12, length_months=None)

    assert _create(officer_user, case, sentence=custodial).sentence.requirements.count() == 0
    with pytest.raises(ServiceError, match="Only community and suspended sentence orders"):
        _create(officer_user, case, sentence=custodial, requirements=[RequirementInput("curfew", 8)])


def test_a_requirement_breaking_its_rules_is_named_on_the_conviction_form_fields(case, officer_user):
    with pytest.raises(ServiceError) as refused:
        _create(officer_user, case, requirements=[RequirementInput("unpaid_work", 500)])

    assert refused.value.field == "requirement_amount"
    assert Event.objects.count() == 0
