"""The referral's services: refer (every problem at once; a double submit makes one referral), the
provider's assessment, action plan versions approved by the practitioner, sessions landing in the
contact log and using RAR days up to the maximum, the report, cancelling and ending early, and two
windows saving at once."""

import datetime as dt

import pytest

from probation.audit.models import AuditEvent
from probation.contacts.models import Contact
from probation.core.clock import today_uk
from probation.core.errors import NotFound, ServiceError
from probation.referrals.models import ActionPlan, Referral, ReferralSession
from probation.referrals.services.provider import (
    SessionInput,
    action_plan_submit,
    referral_assess,
    report_submit,
    session_record,
)
from probation.referrals.services.referrals import (
    ReferralInput,
    action_plan_approve,
    referral_create,
    referral_end,
    session_feedback_seen,
)
from probation.referrals.tests.factories import ProviderFactory, provider_user
from probation.rules.errors import RuleErrors

pytestmark = pytest.mark.django_db
TODAY = today_uk()


def _input(provider, requirement, **changes):
    values = {
        "provider_id": provider.pk,
        "requirement_id": requirement.pk,
        "categories": {"accommodation": ("high", ["accommodation_1"])},
        "maximum_days": 5,
        "complete_by": TODAY + dt.timedelta(days=60),
        "risk_information": "Meet in the office.",
        "form_token": "token-1",
    } | changes
    return ReferralInput(**values)


def test_a_practitioner_refers_and_the_referral_is_audited(officer_user, person, provider, requirement):
    referral = referral_create(actor=officer_user, person=person, data=_input(provider, requirement))

    assert (referral.status, referral.maximum_days, referral.sent_on) == ("sent", 5, TODAY)
    assert list(referral.categories.values_list("category", "complexity", "outcomes")) == [
        ("accommodation", "high", ["accommodation_1"])
    ]
    assert AuditEvent.objects.filter(object_type="crs_referral", action="create", crn=person.crn).count() == 1


def test_a_double_submit_makes_one_referral(officer_user, person, provider, requirement):
    first = referral_create(actor=officer_user, person=person, data=_input(provider, requirement))
    second = referral_create(actor=officer_user, person=person, data=_input(provider, requirement))

    assert first.pk == second.pk
    assert Referral.objects.count() == 1


def test_every_problem_with_a_referral_is_reported_at_once_and_nothing_is_written(
    officer_user, person, provider, requirement
):
    bad = _input(
        provider,
        requirement,
        categories={"accommodation": ("", [])},
        maximum_days=21,
        complete_by=TODAY,
        risk_information=" ",
    )
    with pytest.raises(RuleErrors) as error:
        referral_create(actor=officer_user, person=person, data=bad)

    assert [e.field for e in error.value.errors] == [
        "accommodation-complexity",
        "accommodation-outcomes",
        "maximum_days",
        "complete_by",
        "risk_information",
    ]
    assert Referral.objects.count() == 0


def test_a_provider_in_another_region_cannot_be_chosen(officer_user, person, requirement):
    with pytest.raises(ServiceError) as error:
        referral_create(actor=officer_user, person=person, data=_input(ProviderFactory(), requirement))
    assert error.value.field == "provider"


def test_someone_outside_the_managing_pdu_cannot_refer(person, provider, requirement, provider_staff):
    with pytest.raises(NotFound):
        referral_create(actor=provider_staff, person=person, data=_input(provider, requirement))


def test_assessment_then_plan_versions_then_approval(sent, provider_staff, officer_user, person):
    with pytest.raises(ServiceError, match="after the initial assessment"):
        action_plan_submit(
            actor=provider_staff, referral_id=sent.pk, expected_version=1, activities="x", sessions_planned=3
        )
    referral_assess(actor=provider_staff, referral_id=sent.pk, expected_version=1, assessed_on=TODAY)
    action_plan_submit(
        actor=provider_staff, referral_id=sent.pk, expected_version=2, activities="v1", sessions_planned=3
    )
    action_plan_submit(
        actor=provider_staff, referral_id=sent.pk, expected_version=3, activities="v2", sessions_planned=4
    )

    with pytest.raises(ServiceError, match="newer action plan"):
        action_plan_approve(
            actor=officer_user, person=person, referral_id=sent.pk, expected_version=4, number=1
        )
    referral = action_plan_approve(
        actor=officer_user, person=person, referral_id=sent.pk, expected_version=4, number=2
    )

    assert referral.status == "in_progress"
    assert list(ActionPlan.objects.values_list("number", "activities", "approved_by")) == [
        (2, "v2", officer_user.pk),
        (1, "v1", None),
    ]
    # A new version after approval waits for approval again.
    action_plan_submit(
        actor=provider_staff, referral_id=sent.pk, expected_version=5, activities="v3", sessions_planned=5
    )
    assert Referral.objects.get(pk=sent.pk).status == "plan_submitted"


def test_the_assessment_cannot_be_in_the_future_or_before_the_referral(sent, provider_staff):
    for day in (TODAY + dt.timedelta(days=1), sent.sent_on - dt.timedelta(days=1)):
        with pytest.raises(ServiceError) as error:
            referral_assess(actor=provider_staff, referral_id=sent.pk, expected_version=1, assessed_on=day)
        assert error.value.field == "assessed_on"
    assert Referral.objects.get(pk=sent.pk).status == "sent"


def test_two_windows_saving_at_once_one_wins_and_the_other_is_told(sent, provider_staff):
    referral_assess(actor=provider_staff, referral_id=sent.pk, expected_version=1, assessed_on=TODAY)
    with pytest.raises(ServiceError, match="changed in another window"):
        referral_assess(actor=provider_staff, referral_id=sent.pk, expected_version=1, assessed_on=TODAY)
    assert Referral.objects.get(pk=sent.pk).version == 2


def test_another_providers_staff_cannot_write(sent):
    other = provider_user(ProviderFactory(region=sent.provider.region))
    with pytest.raises(NotFound):
        referral_assess(actor=other, referral_id=sent.pk, expected_version=1, assessed_on=TODAY)


def _session(referral, actor, day, attended="yes", **fields):
    version = Referral.objects.get(pk=referral.pk).version
    data = SessionInput(happened_on=day, delivery="planned_office_visit", attended=attended, **fields)
    return session_record(actor=actor, referral_id=referral.pk, expected_version=version, data=data)


def test_attended_sessions_use_rar_days_up_to_the_referrals_maximum(in_progress, provider_staff, requirement):
    days = [TODAY - dt.timedelta(days=n) for n in (6, 5, 5, 4, 3, 2, 1)]  # two on one day; 6 dates
    Referral.objects.filter(pk=in_progress.pk).update(
        maximum_days=4, assessed_on=TODAY - dt.timedelta(days=10)
    )
    sessions = [_session(in_progress, provider_staff, day) for day in days]

    assert [s.uses_day for s in sessions] == [True, True, False, True, True, False, False]
    assert Referral.objects.get(pk=in_progress.pk).days_used == 4
    requirement.refresh_from_db()
    assert requirement.done == 4
    # Beyond the maximum a session is in the contact log but not linked to the requirement.
    assert [c.requirement_id for c in Contact.objects.order_by("starts_at", "id")] == [
        requirement.pk,
        requirement.pk,
        requirement.pk,
        requirement.pk,
        requirement.pk,
        None,
        None,
    ]
    assert set(Contact.objects.values_list("outcome", flat=True)) == {"ATTC"}


def test_a_missed_session_is_a_failed_to_attend_awaiting_evidence(in_progress, provider_staff):
    with pytest.raises(ServiceError) as error:
        _session(in_progress, provider_staff, TODAY, attended="no")
    assert error.value.field == "absence"

    session = _session(in_progress, provider_staff, TODAY, attended="no", absence="unacceptable")

    assert (session.uses_day, session.contact.outcome) == (False, "AFTA")
    assert session.contact.evidence_due_on is not None


def test_flagged_behaviour_is_attended_failed_to_comply_and_reaches_the_practitioner(
    in_progress, provider_staff, officer_user, person
):
    session = _session(
        in_progress, provider_staff, TODAY, behaviour="Arrived drunk", notify_practitioner=True
    )
    assert session.contact.outcome == "AFTC"

    assert session_feedback_seen(actor=officer_user, person=person, referral_id=in_progress.pk) == 1
    assert ReferralSession.objects.get(pk=session.pk).seen_at is not None


def test_a_session_cannot_be_in_the_future(in_progress, provider_staff):
    with pytest.raises(ServiceError) as error:
        _session(in_progress, provider_staff, TODAY + dt.timedelta(days=1))
    assert error.value.field == "happened_on"
    assert ReferralSession.objects.count() == 0


def test_the_report_answers_each_outcome_and_completes_the_referral(in_progress, provider_staff):
    with pytest.raises(RuleErrors):
        report_submit(
            actor=provider_staff,
            referral_id=in_progress.pk,
            expected_version=1,
            answers={"accommodation_1": "achieved"},
            progress="Good",
            further_work="",
        )
    referral = report_submit(
        actor=provider_staff,
        referral_id=in_progress.pk,
        expected_version=1,
        answers={"accommodation_1": "achieved", "accommodation_2": "partly"},
        progress="Found a flat",
        further_work="",
    )
    assert referral.status == "completed"
    assert referral.report_answers == {"accommodation_1": "achieved", "accommodation_2": "partly"}


def test_ending_before_a_session_cancels_and_after_one_ends_early(
    sent, in_progress, provider_staff, officer_user, person
):
    cancelled = referral_end(
        actor=officer_user, person=person, referral_id=sent.pk, expected_version=1, reason="MIS", notes=""
    )
    _session(in_progress, provider_staff, TODAY)
    with pytest.raises(ServiceError, match="Say why"):
        referral_end(
            actor=officer_user,
            person=person,
            referral_id=in_progress.pk,
            expected_version=2,
            reason="ANO",
            notes="",
        )
    ended = referral_end(
        actor=officer_user,
        person=person,
        referral_id=in_progress.pk,
        expected_version=2,
        reason="NOT",
        notes="",
    )

    assert (cancelled.status, ended.status) == ("cancelled", "ended_early")
    with pytest.raises(ServiceError, match="already ended"):
        referral_end(
            actor=officer_user, person=person, referral_id=sent.pk, expected_version=2, reason="MIS", notes=""
        )
