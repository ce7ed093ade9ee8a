"""The enforcement-action workflow service: the one-warning-in-12-months rule end to end, respond-by
dates in working days, refused transitions and stale versions writing nothing, and the hook the breach
and recall services call."""

import datetime as dt

import pytest
from django.db import transaction

from probation.accounts.models import Role
from probation.accounts.tests.factories import StaffFactory, UserFactory
from probation.audit.models import AuditEvent
from probation.contacts.models import EnforcementCase, EnforcementStep
from probation.contacts.tests.factories import ContactFactory, EnforcementCaseFactory
from probation.core import case_changes, clock
from probation.core.errors import ConflictError, NotFound, PermissionDenied, ServiceError
from probation.enforcement.services.actions import (
    ActionChoice,
    enforcement_action_options,
    enforcement_action_record,
    enforcement_case_mark_breach_initiated,
)
from probation.people.models import PersonChange
from probation.people.tests.factories import PersonFactory
from probation.rules.enforcement.actions import EnforcementAction as A
from probation.sentences.tests.factories import CustodialSentenceFactory, SentenceFactory

pytestmark = pytest.mark.django_db


class Today:
    day = dt.date(2026, 4, 20)


@pytest.fixture(autouse=True)
def today(monkeypatch):
    Today.day = dt.date(2026, 4, 20)
    monkeypatch.setattr(clock, "today_uk", lambda: Today.day)
    return Today


@pytest.fixture
def person(officer_user):
    return PersonFactory(officer=officer_user.staff)


@pytest.fixture
def order(person):
    return SentenceFactory(event__person=person, event__conviction_date=dt.date(2025, 1, 6))


def open_case(sentence, day):
    contact = ContactFactory(
        sentence=sentence,
        outcome="UAAB",
        starts_at=dt.datetime(day.year, day.month, day.day, 10, tzinfo=dt.UTC),
    )
    return EnforcementCaseFactory(contact=contact)


def record(actor, case, action, **kwargs):
    case.refresh_from_db()
    return enforcement_action_record(
        actor=actor,
        crn=case.person.crn,
        case_id=case.pk,
        expected_version=case.version,
        choice=ActionChoice(action, **kwargs),
    )


def warn(actor, case, on):
    Today.day = on
    return record(actor, case, A.FIRST_WARNING_LETTER, circumstances="You did not attend on 14 April.")


def state():
    return (
        list(EnforcementCase.objects.values_list("pk", "status", "version", "respond_by", "decided_on")),
        EnforcementStep.objects.count(),
        PersonChange.objects.count(),
        AuditEvent.objects.count(),
    )


def test_first_warning_records_the_decision_a_step_and_an_audit_entry(officer_user, order):
    case = open_case(order, dt.date(2026, 4, 14))

    warned = warn(officer_user, case, dt.date(2026, 4, 20))

    assert (warned.status, warned.last_action, warned.decided_on, warned.decided_by) == (
        "first_warning_sent",
        "first_warning_letter",
        dt.date(2026, 4, 20),
        officer_user,
    )
    assert warned.reason == "You did not attend on 14 April."
    step = warned.steps.get()
    assert (step.from_status, step.to_status, step.action, step.actor) == (
        "awaiting_action",
        "first_warning_sent",
        "first_warning_letter",
        officer_user,
    )
    audit = AuditEvent.objects.get(object_type="enforcement_case")
    assert audit.detail["action"] == "first_warning_letter"
    assert "April" not in str(audit.detail)  # no free text in the audit


def test_a_second_failure_within_12_months_of_a_warning_allows_only_breach(officer_user, order):
    warn(officer_user, open_case(order, dt.date(2026, 4, 14)), dt.date(2026, 4, 20))
    second = open_case(order, dt.date(2026, 9, 1))
    Today.day = dt.date(2026, 9, 2)

    options = enforcement_action_options(
        case=EnforcementCase.objects.select_related("sentence").get(pk=second.pk)
    )
    assert set(options.actions) == {
        A.BREACH_OR_RECALL_INITIATED,
        A.REFER_TO_OFFENDER_MANAGER,
        A.DECISION_PENDING_RESPONSE,
    }
    assert options.mandatory_because_of == dt.date(2026, 4, 20)
    before = state()
    with pytest.raises(ServiceError) as refused:
        record(officer_user, second, A.FIRST_WARNING_LETTER, circumstances="Missed again.")
    assert refused.value.field == "action"
    assert "A warning was given on 20 April 2026" in refused.value.message
    assert "breach proceedings must be started" in refused.value.message
    assert state() == before

    breached = record(officer_user, second, A.BREACH_OR_RECALL_INITIATED, note="Pack to follow")
    assert (breached.status, breached.decided_on) == ("breach_or_recall_initiated", dt.date(2026, 9, 2))


def test_after_12_months_a_warning_is_allowed_again(officer_user, order):
    warn(officer_user, open_case(order, dt.date(2025, 4, 14)), dt.date(2025, 4, 20))
    later = open_case(order, dt.date(2026, 4, 20))  # 12 months after the warning: outside its period
    Today.day = dt.date(2026, 4, 21)

    options = enforcement_action_options(
        case=EnforcementCase.objects.select_related("sentence").get(pk=later.pk)
    )
    assert A.FIRST_WARNING_LETTER in options.actions
    assert options.mandatory_because_of is None
    assert record(officer_user, later, A.FIRST_WARNING_LETTER, circumstances="Missed.").status == (
        "first_warning_sent"
    )


def test_a_warning_given_after_the_failure_does_not_make_breach_mandatory_for_it(officer_user, order):
    earlier, later = open_case(order, dt.date(2026, 4, 1)), open_case(order, dt.date(2026, 4, 3))
    warn(officer_user, later, dt.date(2026, 4, 6))

    options = enforcement_action_options(
        case=EnforcementCase.objects.select_related("sentence").get(pk=earlier.pk)
    )

    assert A.FIRST_WARNING_LETTER in options.actions


def test_a_withdrawn_warning_no_longer_makes_breach_mandatory(officer_user, order):
    first = open_case(order, dt.date(2026, 4, 1))
    warn(officer_user, first, dt.date(2026, 4, 2))
    record(officer_user, first, A.WITHDRAW_WARNING, reason="Evidence of a hospital stay received")
    second = open_case(order, dt.date(2026, 4, 14))

    assert record(officer_user, second, A.FIRST_WARNING_LETTER, circumstances="Missed.").status == (
        "first_warning_sent"
    )


def test_withdrawing_a_warning_needs_a_reason(officer_user, order):
    case = open_case(order, dt.date(2026, 4, 1))
    warn(officer_user, case, dt.date(2026, 4, 2))
    before = state()

    with pytest.raises(ServiceError) as refused:
        record(officer_user, case, A.WITHDRAW_WARNING, reason="  ")

    assert (refused.value.field, refused.value.message) == (
        "reason",
        "Give a reason for withdrawing the warning",
    )
    assert state() == before


def test_a_warning_needs_the_circumstances_for_the_letter(officer_user, order):
    case = open_case(order, dt.date(2026, 4, 14))

    with pytest.raises(ServiceError) as refused:
        record(officer_user, case, A.FIRST_WARNING_LETTER)

    assert refused.value.field == "circumstances"


def test_no_further_action_is_not_a_lawful_decision_on_an_order(officer_user, order):
    case = open_case(order, dt.date(2026, 4, 14))

    with pytest.raises(ServiceError) as refused:
        record(officer_user, case, A.NO_FURTHER_ACTION, reason="Settled")

    assert "is not allowed on a community order" in refused.value.message


def test_no_further_action_on_a_licence_needs_a_reason(officer_user, person):
    licence = CustodialSentenceFactory(event__person=person)
    case = open_case(licence, dt.date(2026, 4, 14))
    before = state()

    with pytest.raises(ServiceError) as refused:
        record(officer_user, case, A.NO_FURTHER_ACTION)
    assert (refused.value.field, refused.value.message) == (
        "reason",
        "Give a reason for taking no further action.",
    )
    assert state() == before

    decided = record(officer_user, case, A.NO_FURTHER_ACTION, reason="Car broke down; evidence seen")
    assert (decided.status, decided.reason) == ("no_further_action", "Car broke down; evidence seen")


def test_a_second_warning_letter_is_for_licences_only(officer_user, order, person):
    first = open_case(order, dt.date(2026, 4, 1))
    warn(officer_user, first, dt.date(2026, 4, 2))
    with pytest.raises(ServiceError):
        record(
            officer_user, open_case(order, dt.date(2026, 4, 14)), A.SECOND_WARNING_LETTER, circumstances="x"
        )

    licence = CustodialSentenceFactory(event__person=person)
    warn(officer_user, open_case(licence, dt.date(2026, 4, 1)), dt.date(2026, 4, 2))
    again = open_case(licence, dt.date(2026, 4, 14))
    assert record(officer_user, again, A.SECOND_WARNING_LETTER, circumstances="Missed again.").status == (
        "second_warning_sent"
    )


def test_a_refused_transition_says_what_is_allowed_and_writes_nothing(officer_user, order):
    case = open_case(order, dt.date(2026, 4, 1))
    warn(officer_user, case, dt.date(2026, 4, 2))
    before = state()

    with pytest.raises(ServiceError) as refused:
        record(officer_user, case, A.REFER_TO_OFFENDER_MANAGER)

    assert refused.value.field == "action"
    assert refused.value.message == (
        "Cannot move an enforcement action from 'first warning sent' to 'referred to offender manager' "
        "(allowed next: 'warning withdrawn')."
    )
    assert state() == before


def test_an_unknown_action_is_refused(officer_user, order):
    with pytest.raises(ServiceError) as refused:
        record(officer_user, open_case(order, dt.date(2026, 4, 1)), "send_flowers")

    assert (refused.value.field, refused.value.message) == ("action", "Select the enforcement action")


def test_a_stale_version_is_refused_with_what_changed(officer_user, order):
    case = open_case(order, dt.date(2026, 4, 1))
    stale = case.version
    record(officer_user, case, A.REFER_TO_OFFENDER_MANAGER)
    before = state()

    with pytest.raises(ConflictError) as conflict:
        enforcement_action_record(
            actor=officer_user,
            crn=case.person.crn,
            case_id=case.pk,
            expected_version=stale,
            choice=ActionChoice("decision_pending_response"),
        )

    assert "Status" in [change.label for change in conflict.value.changes]
    assert state() == before


def test_an_interim_action_sets_a_new_respond_by_in_working_days_over_a_bank_holiday(officer_user, order):
    case = open_case(order, dt.date(2026, 8, 20))
    Today.day = dt.date(2026, 8, 27)  # Thursday; Monday 31 August 2026 is the summer bank holiday

    pending = record(officer_user, case, A.DECISION_PENDING_RESPONSE, respond_within_working_days=3)

    assert (pending.status, pending.respond_by, pending.decided_on) == (
        "pending_response",
        dt.date(2026, 9, 2),
        None,
    )
    assert EnforcementCase.objects.open().filter(pk=case.pk).exists()


def test_an_interim_action_keeps_the_respond_by_date_unless_given(officer_user, order):
    case = open_case(order, dt.date(2026, 4, 14))

    assert record(officer_user, case, A.REFER_TO_OFFENDER_MANAGER).respond_by == case.respond_by


def test_only_an_interim_action_sets_a_new_respond_by(officer_user, order):
    case = open_case(order, dt.date(2026, 4, 14))

    with pytest.raises(ServiceError) as refused:
        record(officer_user, case, A.BREACH_OR_RECALL_INITIATED, respond_within_working_days=5)

    assert refused.value.field == "respond_within"


def test_recording_an_action_tells_the_tier_the_case_changed(officer_user, order):
    calls = []

    def spy(*, person_id, reason, actor=None):
        calls.append((person_id, reason))

    case_changes.register_recalculation(spy)
    try:
        record(officer_user, open_case(order, dt.date(2026, 4, 14)), A.REFER_TO_OFFENDER_MANAGER)
    finally:
        case_changes.unregister_recalculation(spy)

    assert calls == [(order.person_id, "enforcement action: refer_to_offender_manager")]


def test_the_service_refuses_other_pdus_roles_without_manage_and_excluded_users(officer_user, order):
    from probation.people.models import Exclusion, Person

    case = open_case(order, dt.date(2026, 4, 14))
    before = state()
    for user in (
        UserFactory(role=Role.SENIOR_PO),
        UserFactory(role=Role.VLO, staff=StaffFactory(team=order.person.team)),
    ):
        with pytest.raises(PermissionDenied):
            record(user, case, A.REFER_TO_OFFENDER_MANAGER)
    Exclusion.objects.create(person=order.person, user=officer_user, added_by=officer_user)
    Person.objects.filter(pk=order.person_id).update(has_exclusions=True)
    with pytest.raises(NotFound):
        record(officer_user, case, A.REFER_TO_OFFENDER_MANAGER)
    assert state() == before


def test_another_persons_enforcement_case_is_not_found(officer_user, order):
    other = open_case(
        SentenceFactory(event__person=PersonFactory(officer=officer_user.staff)), dt.date(2026, 4, 1)
    )

    with pytest.raises(NotFound):
        enforcement_action_record(
            actor=officer_user,
            crn=order.person.crn,
            case_id=other.pk,
            expected_version=1,
            choice=ActionChoice("refer_to_offender_manager"),
        )


def test_breach_services_can_mark_a_case_inside_their_transaction(officer_user, order):
    case = open_case(order, dt.date(2026, 4, 14))

    with transaction.atomic():
        marked = enforcement_case_mark_breach_initiated(actor=officer_user, case=case, note="Breach 7")
        again = enforcement_case_mark_breach_initiated(actor=officer_user, case=case)

    assert (marked.status, marked.decided_by, again.version) == (
        "breach_or_recall_initiated",
        officer_user,
        marked.version,
    )
    assert [s.note for s in marked.steps.all()] == ["Breach 7"]


def test_marking_a_decided_case_as_breach_is_refused(officer_user, order):
    case = open_case(order, dt.date(2026, 4, 1))
    warn(officer_user, case, dt.date(2026, 4, 2))

    with pytest.raises(ServiceError), transaction.atomic():
        enforcement_case_mark_breach_initiated(actor=officer_user, case=case)
