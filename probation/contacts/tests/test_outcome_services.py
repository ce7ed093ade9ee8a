"""Recording outcomes: allowed outcomes per type, not before the appointment, credit of unpaid work
hours, RAR days and programme sessions under locks, one winner for two officers, AFTA evidence and
its decision, and the enforcement case opened only for an enforceable contact, unacceptable, on a sentence."""

import datetime as dt

import pytest

from probation.contacts.models import EnforcementCase, EnforcementStep
from probation.contacts.services.outcomes import contact_decide_failed_to_attend, contact_record_outcome
from probation.contacts.tests.conftest import at
from probation.contacts.tests.factories import ContactFactory
from probation.contacts.times import local
from probation.core.case_changes import register_recalculation, unregister_recalculation
from probation.core.errors import ServiceError
from probation.rules.calendar.working_days import add_working_days
from probation.sentences.tests.factories import RequirementFactory

pytestmark = pytest.mark.django_db


def _contact(officer_user, sentence, **kwargs):
    kwargs.setdefault("starts_at", at(-1))
    return ContactFactory(sentence=sentence, officer=officer_user.staff, created_by=officer_user, **kwargs)


def _record(user, contact, code, **kwargs):
    return contact_record_outcome(
        actor=user,
        crn=contact.person.crn,
        contact_id=contact.pk,
        expected_version=kwargs.pop("version", contact.version),
        outcome_code=code,
        **kwargs,
    )


def test_attended_outcome_is_recorded_with_who_and_when(officer_user, sentence):
    contact = _record(officer_user, _contact(officer_user, sentence), "ATTC", notes="Went well")

    assert (contact.outcome, contact.outcome_recorded_by, contact.version) == ("ATTC", officer_user, 2)
    assert contact.notes.endswith("Outcome notes: Went well")
    assert not EnforcementCase.objects.exists()


def test_an_outcome_not_allowed_for_the_type_is_refused(officer_user, sentence):
    contact = _contact(officer_user, sentence)

    with pytest.raises(ServiceError, match="not an allowed outcome for a planned office visit") as error:
        _record(officer_user, contact, "TCLN")

    assert error.value.field == "outcome"
    contact.refresh_from_db()
    assert contact.outcome == ""


def test_co10_is_refused_on_a_12_month_order(officer_user, sentence):
    with pytest.raises(ServiceError, match="only for sentences over 24 months"):
        _record(officer_user, _contact(officer_user, sentence), "CO10")


def test_an_appointment_that_has_not_started_cannot_have_an_outcome(officer_user, sentence):
    with pytest.raises(ServiceError, match="has not started yet"):
        _record(officer_user, _contact(officer_user, sentence, starts_at=at(1)), "ATTC")


def test_two_officers_with_the_same_version_one_wins_the_other_is_told(officer_user, spo_user, sentence):
    contact = _contact(officer_user, sentence)
    _record(officer_user, contact, "ATTC", version=1)

    with pytest.raises(ServiceError, match=r"An outcome was recorded by .* at \d\d:\d\d"):
        _record(spo_user, contact, "UAAB", version=1)

    contact.refresh_from_db()
    assert (contact.outcome, contact.outcome_recorded_by) == ("ATTC", officer_user)
    assert not EnforcementCase.objects.exists()


def test_unpaid_work_hours_are_credited_once(officer_user, spo_user, sentence, upw):
    contact = _contact(officer_user, sentence, type="unpaid_work_session", requirement=upw)
    _record(officer_user, contact, "ATTC", hours=7)
    with pytest.raises(ServiceError):
        _record(spo_user, contact, "ATTC", hours=7, version=1)

    upw.refresh_from_db()
    contact.refresh_from_db()
    assert (upw.done, contact.credited) == (7, 420)  # minutes on the contact (ADR 0048)


def test_hours_beyond_the_order_are_refused_and_nothing_changes(officer_user, sentence, upw):
    upw.done = 38
    upw.save()
    contact = _contact(officer_user, sentence, type="unpaid_work_session", requirement=upw)

    with pytest.raises(ServiceError, match=r"Only 2 hours remain .* 3 cannot be credited") as error:
        _record(officer_user, contact, "ATTC", hours=3)

    assert error.value.field == "hours"
    upw.refresh_from_db()
    contact.refresh_from_db()
    assert (upw.done, contact.outcome) == (38, "")


def test_unpaid_work_needs_the_hours(officer_user, sentence, upw):
    with pytest.raises(ServiceError, match="Enter the hours worked"):
        _record(
            officer_user,
            _contact(officer_user, sentence, type="unpaid_work_session", requirement=upw),
            "ATTC",
        )


def test_an_absence_from_unpaid_work_credits_nothing(officer_user, sentence, upw):
    contact = _record(
        officer_user, _contact(officer_user, sentence, type="unpaid_work_session", requirement=upw), "AAME"
    )

    upw.refresh_from_db()
    assert (upw.done, contact.credited) == (0, 0)


def test_rar_days_count_once_per_distinct_date_and_stop_at_the_maximum(officer_user, sentence, rar):
    morning = _contact(officer_user, sentence, requirement=rar, starts_at=at(-2, 9))
    afternoon = _contact(officer_user, sentence, requirement=rar, starts_at=at(-2, 15))
    next_day = _contact(officer_user, sentence, requirement=rar, starts_at=at(-1, 9))
    third_day = _contact(officer_user, sentence, requirement=rar, starts_at=at(0, 0, 30))

    credits = [_record(officer_user, c, "ATTC").credited for c in (morning, afternoon, next_day)]
    with pytest.raises(ServiceError, match="All 2 RAR days have been used"):
        _record(officer_user, third_day, "ATTC")

    rar.refresh_from_db()
    assert (credits, rar.done) == ([1, 0, 1], 2)


def test_a_programme_session_adds_one_session(officer_user, sentence):
    programme = RequirementFactory(sentence=sentence, type="accredited_programme", ordered=20)
    contact = _record(
        officer_user,
        _contact(officer_user, sentence, type="programme_session", requirement=programme),
        "ATTC",
    )

    programme.refresh_from_db()
    assert (programme.done, contact.credited) == (1, 1)


def test_credit_tells_the_tier_hook(officer_user, sentence, upw):
    calls = []

    def hook(**kwargs):
        calls.append(kwargs["reason"])

    register_recalculation(hook)
    try:
        _record(
            officer_user,
            _contact(officer_user, sentence, type="unpaid_work_session", requirement=upw),
            "ATTC",
            hours=2,
        )
    finally:
        unregister_recalculation(hook)

    assert calls == ["contact outcome recorded"]


def test_failed_to_attend_sets_the_evidence_deadline_and_opens_enforcement(officer_user, sentence):
    contact = _record(officer_user, _contact(officer_user, sentence), "AFTA")

    failure = local(contact.starts_at).date()
    assert contact.evidence_due_on == failure + dt.timedelta(days=7)
    case = EnforcementCase.objects.get()
    assert (case.contact, case.status, case.failure_date) == (contact, "awaiting_action", failure)
    assert case.respond_by == add_working_days(failure, 10)
    assert EnforcementStep.objects.get().to_status == "awaiting_action"


@pytest.mark.parametrize(
    ("type_code", "code", "linked", "opens"),
    [
        ("planned_office_visit", "UAAB", True, True),
        ("planned_office_visit", "AFTC", True, True),
        ("planned_office_visit", "UAAB", False, False),  # not linked to a sentence
        ("planned_office_visit", "AAME", True, False),  # acceptable
        ("initial_appointment", "UAAB", True, False),  # neither NS nor carrying out a requirement
        ("drug_test", "TDRT", True, True),
        ("unpaid_work_session", "UAAB", True, True),  # enforceable: carries out the UPW requirement
        ("unpaid_work_session", "ATSH", True, True),  # sent home for behaviour at a project
        ("programme_session", "UAAB", True, True),
    ],
)
def test_enforcement_case_only_for_enforceable_unacceptable_on_a_sentence(
    officer_user, sentence, type_code, code, linked, opens
):
    contact = ContactFactory(
        person=sentence.person,
        sentence=sentence if linked else None,
        type=type_code,
        officer=officer_user.staff,
        starts_at=at(-1),
    )

    _record(officer_user, contact, code)

    assert EnforcementCase.objects.filter(contact=contact).exists() is opens


def test_an_appointment_linked_to_a_requirement_opens_an_enforcement_case(officer_user, sentence):
    drr = RequirementFactory(sentence=sentence, type="drug_rehabilitation", ordered=6)
    contact = _contact(officer_user, sentence, type="alcohol_drug_key_worker_session", requirement=drr)

    _record(officer_user, contact, "UAAB")

    assert EnforcementCase.objects.filter(contact=contact).exists()


def test_deciding_a_failed_to_attend_acceptable_closes_its_enforcement_case(officer_user, sentence):
    contact = _record(officer_user, _contact(officer_user, sentence), "AFTA")

    decided = contact_decide_failed_to_attend(
        actor=officer_user,
        crn=contact.person.crn,
        contact_id=contact.pk,
        expected_version=contact.version,
        outcome_code="AAME",
    )

    case = EnforcementCase.objects.get()
    assert (decided.outcome, decided.evidence_due_on, case.status) == ("AAME", None, "no_further_action")
    assert [s.to_status for s in case.steps.all()] == ["awaiting_action", "no_further_action"]


def test_deciding_a_failed_to_attend_unacceptable_keeps_one_enforcement_case(officer_user, sentence):
    contact = _record(officer_user, _contact(officer_user, sentence), "AFTA")

    decided = contact_decide_failed_to_attend(
        actor=officer_user,
        crn=contact.person.crn,
        contact_id=contact.pk,
        expected_version=contact.version,
        outcome_code="UAAB",
    )

    assert decided.outcome == "UAAB"
    assert EnforcementCase.objects.get().status == "awaiting_action"


def test_only_a_failed_to_attend_can_be_decided(officer_user, sentence):
    contact = _record(officer_user, _contact(officer_user, sentence), "ATTC")

    with pytest.raises(ServiceError, match="no longer awaiting evidence"):
        contact_decide_failed_to_attend(
            actor=officer_user,
            crn=contact.person.crn,
            contact_id=contact.pk,
            expected_version=contact.version,
            outcome_code="UAAB",
        )
    with pytest.raises(ServiceError, match="Select an acceptable absence or unacceptable absence"):
        contact_decide_failed_to_attend(
            actor=officer_user,
            crn=contact.person.crn,
            contact_id=contact.pk,
            expected_version=contact.version,
            outcome_code="ATTC",
        )
