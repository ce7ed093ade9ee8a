"""Safeguarding referral services: every rule and refusal, the linked flag, versions and
conflicts, the audit."""

import datetime as dt

import pytest
from django.db import IntegrityError, transaction

from probation.audit.models import AuditEvent
from probation.core.clock import today_uk
from probation.core.errors import ConflictError, NotFound, ServiceError
from probation.people.models import PersonChange
from probation.people.tests.factories import PersonFactory
from probation.risk.tests.test_registration_factories import RegistrationFactory
from probation.safeguarding.models import SafeguardingReferral
from probation.safeguarding.services.referrals import referral_add, referral_record_outcome
from probation.safeguarding.tests.factories import SafeguardingReferralFactory

pytestmark = pytest.mark.django_db
TODAY = today_uk()


def _add(actor, case, **overrides):
    kwargs = {
        "referred_on": dt.date(2025, 2, 3),
        "referred_to": "mash",
        "referred_to_other": "",
        "concern": " Child seen with bruising ",
        "urgency": "immediate",
        "registration_id": None,
    } | overrides
    return referral_add(actor=actor, crn=case.crn, **kwargs)


def _decide(actor, case, referral, **overrides):
    kwargs = {
        "expected_version": 1,
        "outcome": "section_47",
        "outcome_on": dt.date(2025, 2, 4),
        "outcome_details": " Strategy discussion held ",
    } | overrides
    return referral_record_outcome(actor=actor, crn=case.crn, referral_id=referral.pk, **kwargs)


def _state():
    return (
        list(SafeguardingReferral.objects.values_list("pk", "version", "outcome", "outcome_on")),
        PersonChange.objects.count(),
        AuditEvent.objects.count(),
    )


def test_recording_a_referral_trims_text_awaits_an_outcome_and_audits_without_the_concern(case, officer_user):
    flag = RegistrationFactory(person=case, register_type="RCHD")

    referral = _add(officer_user, case, registration_id=flag.pk)

    assert (referral.concern, referral.outcome, referral.outcome_on, referral.is_awaiting) == (
        "Child seen with bruising",
        "",
        None,
        True,
    )
    assert (referral.registration, referral.referred_by, referral.version) == (flag, officer_user, 1)
    event = AuditEvent.objects.get()
    assert (event.action, event.crn, event.object_type, event.object_id, event.detail) == (
        "create",
        case.crn,
        "safeguarding_referral",
        str(referral.pk),
        {"referred_on": "2025-02-03", "referred_to": "mash", "urgency": "immediate", "registration": flag.pk},
    )


def test_a_referral_to_another_agency_names_it(case, officer_user):
    referral = _add(officer_user, case, referred_to="other", referred_to_other=" NSPCC ")

    assert (referral.referred_to, referral.referred_to_other) == ("other", "NSPCC")


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"referred_on": TODAY + dt.timedelta(days=1)}, "referred_on", "Date referred must be today or"),
        ({"referred_to": "school"}, "referred_to", "Select who the referral was made to"),
        ({"referred_to": "other"}, "referred_to_other", "Enter the other agency"),
        ({"referred_to_other": "NSPCC"}, "referred_to", "Select Other, or clear the other agency"),
        ({"concern": "  "}, "concern", "Enter the concern"),
        ({"urgency": "whenever"}, "urgency", "Select the urgency"),
    ],
)
def test_an_invalid_referral_is_refused_with_a_clear_message_and_nothing_written(
    case, officer_user, overrides, field, message
):
    with pytest.raises(ServiceError, match=message) as refused:
        _add(officer_user, case, **overrides)

    assert refused.value.field == field
    assert _state() == ([], 0, 0)


def test_a_referral_linked_to_an_ended_or_unrelated_or_other_persons_flag_is_refused(case, officer_user):
    ended = RegistrationFactory(
        person=case,
        register_type="RCPR",
        deregistered_on=dt.date(2025, 3, 1),
        deregistration_reason="Plan ended",
    )
    unrelated = RegistrationFactory(person=case, register_type="WEAP")
    elsewhere = RegistrationFactory(person=PersonFactory(), register_type="RCPR")

    for flag, message in (
        (ended, "The child protection flag ended on 1 March 2025"),
        (unrelated, "child protection, child concerns or risk to children flag only"),
        (elsewhere, "Select one of this person's risk flags"),
    ):
        with pytest.raises(ServiceError, match=message):
            _add(officer_user, case, registration_id=flag.pk)

    assert _state() == ([], 0, 0)


def test_recording_the_outcome_is_versioned_and_audited_without_the_details(case, officer_user):
    referral = SafeguardingReferralFactory(person=case)

    _decide(officer_user, case, referral)

    referral.refresh_from_db()
    assert (referral.outcome, referral.outcome_on, referral.outcome_details, referral.version) == (
        "section_47",
        dt.date(2025, 2, 4),
        "Strategy discussion held",
        2,
    )
    assert PersonChange.objects.get(entity="safeguard_referral").changes["outcome"] == ["", "section_47"]
    event = AuditEvent.objects.get()
    assert (event.action, event.object_type, event.detail) == (
        "update",
        "safeguarding_referral",
        {"outcome": "section_47", "outcome_on": "2025-02-04", "version": 2},
    )


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"outcome": ""}, "outcome", "Select the outcome of the referral"),
        ({"outcome_on": TODAY + dt.timedelta(days=1)}, "outcome_on", "Outcome date must be today or"),
        (
            {"outcome_on": dt.date(2025, 2, 2)},
            "outcome_on",
            r"on or after the date referred \(3 February 2025\)",
        ),
        ({"outcome": "other", "outcome_details": " "}, "outcome_details", "Enter the details of the other"),
    ],
)
def test_an_invalid_outcome_is_refused_and_nothing_written(case, officer_user, overrides, field, message):
    referral = SafeguardingReferralFactory(person=case)
    before = _state()

    with pytest.raises(ServiceError, match=message) as refused:
        _decide(officer_user, case, referral, **overrides)

    assert refused.value.field == field
    assert _state() == before


def test_a_referral_already_decided_cannot_be_decided_again(case, officer_user):
    referral = SafeguardingReferralFactory(person=case, outcome="nfa", outcome_on=dt.date(2025, 2, 5))
    before = _state()

    with pytest.raises(ServiceError, match="The outcome of this referral was recorded on 5 February 2025"):
        _decide(officer_user, case, referral)

    assert _state() == before


def test_a_stale_outcome_is_refused_with_what_changed(case, officer_user, spo_user):
    referral = SafeguardingReferralFactory(person=case)
    _decide(spo_user, case, referral, outcome="early_help", outcome_details="")
    before = _state()

    with pytest.raises(ConflictError) as conflict:
        _decide(officer_user, case, referral)

    assert {c.label: c.theirs for c in conflict.value.changes} == {
        "Outcome": "Early help",
        "Outcome date": "4 February 2025",
    }
    assert _state() == before


def test_a_referral_of_another_person_is_not_found(case, officer_user):
    other = SafeguardingReferralFactory(person=PersonFactory(officer=officer_user.staff))

    with pytest.raises(NotFound):
        _decide(officer_user, case, other)


def test_the_database_keeps_outcomes_whole_and_after_the_referral(case):
    for values in (
        {"outcome": "nfa", "outcome_on": dt.date(2025, 2, 1)},
        {"outcome": "nfa", "outcome_on": None},
        {"outcome": "", "outcome_on": dt.date(2025, 2, 5)},
        {"referred_to": "other", "referred_to_other": ""},
    ):
        with pytest.raises(IntegrityError), transaction.atomic():
            SafeguardingReferralFactory(person=case, **values)
