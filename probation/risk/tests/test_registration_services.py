"""Registration services: every rule and refusal, RoSH exclusivity, versions, scope and the audit."""

import datetime as dt
from unittest import mock

import pytest
from django.db import DatabaseError

from probation.audit.models import AuditEvent
from probation.audit.services import AuditWriteError
from probation.core.clock import today_uk
from probation.core.errors import ConflictError, ServiceError
from probation.people.models import PersonChange
from probation.risk.models import Registration, RegistrationReview
from probation.risk.services.registrations import (
    registration_add,
    registration_deregister,
    registration_review,
    registration_update,
)

pytestmark = pytest.mark.django_db
TODAY = today_uk()


def _add(actor, person, register_type="ALSH", **kwargs):
    kwargs.setdefault("registered_on", dt.date(2025, 1, 15))
    return registration_add(actor=actor, crn=person.crn, register_type=register_type, **kwargs)


def _on(service, actor, crn, registration, version=1, **kwargs):
    """Review, change or deregister ``registration`` through ``service``, expecting ``version``."""
    return service(actor=actor, crn=crn, registration_id=registration.pk, expected_version=version, **kwargs)


def _nothing_written():
    return Registration.objects.count() == 0 and AuditEvent.objects.count() == 0


# --- Adding ---------------------------------------------------------------------------------------


def test_adding_sets_officer_user_and_next_review_from_the_period_and_audits(case, officer_user):
    registration = _add(officer_user, case, "ALSH", notes="  Disclosed at induction  ")

    assert registration.registering_officer == officer_user.staff
    assert registration.registered_by == officer_user
    assert registration.next_review_on == dt.date(2025, 7, 15)
    assert (registration.notes, registration.version) == ("Disclosed at induction", 1)
    event = AuditEvent.objects.get()
    assert (event.action, event.crn, event.object_type, event.object_id) == (
        "create",
        case.crn,
        "registration",
        str(registration.pk),
    )
    assert event.detail == {"type": "ALSH", "category": "", "level": ""}


def test_a_type_with_no_review_period_has_no_next_review(case, officer_user):
    assert _add(officer_user, case, "REG30").next_review_on is None


def test_mappa_is_added_with_its_category_and_level_and_reviewed_every_three_months(case, officer_user):
    registration = _add(officer_user, case, "MAPP", category="M2", level="M3")

    assert (registration.category, registration.level) == ("M2", "M3")
    assert registration.next_review_on == dt.date(2025, 4, 15)


@pytest.mark.parametrize(
    ("kwargs", "field", "message"),
    [
        ({"register_type": "XXXX"}, "register_type", "Select the type of registration"),
        ({"registered_on": TODAY + dt.timedelta(days=1)}, "registered_on", "Registration date must be today"),
        ({"register_type": "MAPP", "level": "M1"}, "category", "Select the MAPPA category"),
        ({"register_type": "MAPP", "category": "M1"}, "level", "Select the MAPPA level"),
        ({"register_type": "MAPP", "category": "M5", "level": "M1"}, "category", "Select the MAPPA category"),
        ({"register_type": "MAPP", "category": "M1", "level": "M4"}, "level", "Select the MAPPA level"),
        ({"register_type": "ALSH", "category": "M1"}, "category", "Only MAPPA registrations have a category"),
    ],
)
def test_an_invalid_registration_is_refused_with_a_clear_message_and_nothing_written(
    case, officer_user, kwargs, field, message
):
    with pytest.raises(ServiceError, match=message) as refused:
        _add(officer_user, case, **kwargs)

    assert refused.value.field == field
    assert _nothing_written()


def test_a_second_active_registration_of_the_same_type_is_refused(case, officer_user):
    _add(officer_user, case, "WEAP")

    with pytest.raises(ServiceError, match="already has an active Weapons registration") as refused:
        _add(officer_user, case, "WEAP", registered_on=dt.date(2025, 2, 1))

    assert refused.value.field == "register_type"
    assert Registration.objects.count() == 1
    assert AuditEvent.objects.count() == 1


def test_a_type_can_be_registered_again_after_it_was_deregistered(case, officer_user):
    first = _add(officer_user, case, "WEAP")
    _on(
        registration_deregister,
        officer_user,
        case.crn,
        first,
        deregistered_on=dt.date(2025, 3, 1),
        reason="Order ended",
    )

    again = _add(officer_user, case, "WEAP", registered_on=dt.date(2025, 4, 1))

    assert list(Registration.objects.active().filter(person=case)) == [again]


# --- RoSH exclusivity (reference-data.md § RoSH) --------------------------------------------------


def test_adding_a_rosh_registration_ends_the_current_one_on_the_same_day(case, officer_user):
    high = _add(officer_user, case, "RHRH")

    very_high = _add(officer_user, case, "RVHR", registered_on=dt.date(2025, 3, 10))

    high.refresh_from_db()
    assert high.deregistered_on == dt.date(2025, 3, 10)
    assert high.deregistration_reason == "Replaced by Very high RoSH registration"
    assert (high.deregistering_officer, high.deregistered_by, high.version) == (
        officer_user.staff,
        officer_user,
        2,
    )
    assert list(Registration.objects.active().filter(person=case)) == [very_high]
    ended, created = AuditEvent.objects.order_by("seq")[1:]
    assert (ended.action, ended.object_id, ended.detail["replaced_by"]) == ("update", str(high.pk), "RVHR")
    assert (created.action, created.object_id) == ("create", str(very_high.pk))
    assert PersonChange.objects.get(entity="registration", entity_id=high.pk).changes["deregistered_on"] == [
        None,
        "2025-03-10",
    ]


def test_other_registrations_are_untouched_by_a_new_rosh_level(case, officer_user):
    mappa = _add(officer_user, case, "MAPP", category="M1", level="M1")
    _add(officer_user, case, "RLRH")

    _add(officer_user, case, "RMRH", registered_on=dt.date(2025, 2, 1))

    assert set(Registration.objects.active().values_list("register_type", flat=True)) == {"MAPP", "RMRH"}
    mappa.refresh_from_db()
    assert mappa.version == 1


def test_the_same_rosh_level_again_is_refused_not_replaced(case, officer_user):
    high = _add(officer_user, case, "RHRH")

    with pytest.raises(ServiceError, match="already has an active High RoSH registration"):
        _add(officer_user, case, "RHRH", registered_on=dt.date(2025, 2, 1))

    high.refresh_from_db()
    assert (high.deregistered_on, high.version) == (None, 1)


def test_a_rosh_registration_dated_before_the_current_one_is_refused_and_changes_nothing(case, officer_user):
    high = _add(officer_user, case, "RHRH", registered_on=dt.date(2025, 3, 1))

    with pytest.raises(ServiceError, match="on or after the start of the current High RoSH") as refused:
        _add(officer_user, case, "RMRH", registered_on=dt.date(2025, 2, 1))

    high.refresh_from_db()
    assert refused.value.field == "registered_on"
    assert (high.deregistered_on, high.version, Registration.objects.count()) == (None, 1, 1)
    assert PersonChange.objects.count() == 0


def test_if_the_audit_cannot_be_written_the_old_rosh_stays_active(case, officer_user):
    high = _add(officer_user, case, "RHRH")

    with (
        mock.patch("probation.audit.services.AuditEvent.save", side_effect=DatabaseError("disk full")),
        pytest.raises(AuditWriteError),
    ):
        _add(officer_user, case, "RVHR", registered_on=dt.date(2025, 3, 1))

    high.refresh_from_db()
    assert (high.deregistered_on, high.version, Registration.objects.count()) == (None, 1, 1)
    assert PersonChange.objects.count() == 0


# --- Reviewing ------------------------------------------------------------------------------------


def test_a_review_is_recorded_and_sets_the_next_review_from_the_review_date(case, officer_user):
    registration = _add(officer_user, case, "MAPP", category="M2", level="M2")

    review = _on(
        registration_review,
        officer_user,
        case.crn,
        registration,
        reviewed_on=dt.date(2025, 4, 20),
        notes="MAPPA meeting: remains level 2",
    )

    registration.refresh_from_db()
    assert (review.next_review_on, registration.next_review_on) == (
        dt.date(2025, 7, 20),
        dt.date(2025, 7, 20),
    )
    assert (review.reviewing_officer, review.reviewed_by, registration.version) == (
        officer_user.staff,
        officer_user,
        2,
    )
    event = AuditEvent.objects.latest("seq")
    assert (event.action, event.object_type, event.detail["review"]) == ("update", "registration", review.pk)


@pytest.mark.parametrize(
    ("reviewed_on", "message"),
    [
        (TODAY + dt.timedelta(days=1), "Review date must be today or in the past"),
        (dt.date(2025, 1, 14), "Review date must be on or after the registration date"),
    ],
)
def test_an_impossible_review_date_is_refused(case, officer_user, reviewed_on, message):
    registration = _add(officer_user, case, "ALSH")

    with pytest.raises(ServiceError, match=message):
        _on(registration_review, officer_user, case.crn, registration, reviewed_on=reviewed_on)

    assert RegistrationReview.objects.count() == 0
    assert Registration.objects.get().version == 1


def test_a_review_before_the_last_review_is_refused(case, officer_user):
    registration = _add(officer_user, case, "ALSH")
    _on(registration_review, officer_user, case.crn, registration, reviewed_on=dt.date(2025, 6, 1))

    with pytest.raises(ServiceError, match=r"on or after the last review \(1 June 2025\)"):
        _on(registration_review, officer_user, case.crn, registration, 2, reviewed_on=dt.date(2025, 5, 1))


def test_a_review_from_an_old_version_is_refused_and_says_what_changed(case, officer_user, spo_user):
    registration = _add(officer_user, case, "ALSH")
    _on(registration_review, spo_user, case.crn, registration, reviewed_on=dt.date(2025, 6, 1))

    with pytest.raises(ConflictError) as refused:
        _on(registration_review, officer_user, case.crn, registration, reviewed_on=dt.date(2025, 6, 2))

    [change] = refused.value.changes
    assert (change.label, change.theirs, change.by) == ("Next review date", "1 December 2025", str(spo_user))
    assert RegistrationReview.objects.count() == 1


# --- Changing -------------------------------------------------------------------------------------


def test_changing_mappa_level_bumps_the_version_records_the_change_and_audits(case, officer_user):
    registration = _add(officer_user, case, "MAPP", category="M1", level="M1")

    changed = _on(
        registration_update,
        officer_user,
        case.crn,
        registration,
        category="M1",
        level="M2",
        notes="Escalated to level 2",
    )

    registration.refresh_from_db()
    assert sorted(changed) == ["level", "notes"]
    assert (registration.level, registration.version) == ("M2", 2)
    assert PersonChange.objects.get(entity="registration").changes["level"] == ["M1", "M2"]
    assert AuditEvent.objects.latest("seq").detail == {"fields": changed, "version": 2}


def test_saving_without_changes_writes_nothing(case, officer_user):
    registration = _add(officer_user, case, "ALSH", notes="Note")

    assert _on(registration_update, officer_user, case.crn, registration, notes="Note") == []
    assert (Registration.objects.get().version, AuditEvent.objects.count()) == (1, 1)


@pytest.mark.parametrize(
    ("register_type", "kwargs", "message"),
    [
        ("MAPP", {"category": "M1", "level": ""}, "Select the MAPPA level"),
        ("ALSH", {"category": "M1", "level": "M1"}, "Only MAPPA registrations have a category and level"),
    ],
)
def test_a_change_breaking_the_category_rules_is_refused(case, officer_user, register_type, kwargs, message):
    extra = {"category": "M1", "level": "M1"} if register_type == "MAPP" else {}
    registration = _add(officer_user, case, register_type, **extra)

    with pytest.raises(ServiceError, match=message):
        registration_update(
            actor=officer_user, crn=case.crn, registration_id=registration.pk, expected_version=1, **kwargs
        )

    registration.refresh_from_db()
    assert (registration.category, registration.version) == (extra.get("category", ""), 1)


def test_a_change_from_an_old_version_is_refused_and_lists_the_other_change(case, officer_user, spo_user):
    registration = _add(officer_user, case, "MAPP", category="M1", level="M1")
    _on(registration_update, spo_user, case.crn, registration, category="M1", level="M3")

    with pytest.raises(ConflictError) as refused:
        _on(
            registration_update, officer_user, case.crn, registration, category="M1", level="M1", notes="Mine"
        )

    [change] = refused.value.changes
    assert (change.label.lower(), change.theirs) == ("mappa level", "Level 3: senior multi-agency management")
    registration.refresh_from_db()
    assert (registration.level, registration.notes, registration.version) == ("M3", "", 2)


# --- Deregistering --------------------------------------------------------------------------------


def test_deregistering_records_date_reason_and_who_and_audits(case, officer_user):
    registration = _add(officer_user, case, "ALSH")

    _on(
        registration_deregister,
        officer_user,
        case.crn,
        registration,
        deregistered_on=dt.date(2025, 5, 1),
        reason="  No longer a concern  ",
    )

    registration.refresh_from_db()
    assert (registration.deregistered_on, registration.deregistration_reason) == (
        dt.date(2025, 5, 1),
        "No longer a concern",
    )
    assert (registration.deregistering_officer, registration.version) == (officer_user.staff, 2)
    assert AuditEvent.objects.latest("seq").detail["deregistered_on"] == "2025-05-01"


@pytest.mark.parametrize(
    ("deregistered_on", "reason", "field", "message"),
    [
        (dt.date(2025, 5, 1), "   ", "reason", "Enter the reason for deregistering"),
        (TODAY + dt.timedelta(days=1), "Ended", "deregistered_on", "Deregistration date must be today"),
        (dt.date(2025, 1, 14), "Ended", "deregistered_on", "must be on or after the registration date"),
    ],
)
def test_an_invalid_deregistration_is_refused(case, officer_user, deregistered_on, reason, field, message):
    registration = _add(officer_user, case, "ALSH")

    with pytest.raises(ServiceError, match=message) as refused:
        _on(
            registration_deregister,
            officer_user,
            case.crn,
            registration,
            deregistered_on=deregistered_on,
            reason=reason,
        )

    registration.refresh_from_db()
    assert refused.value.field == field
    assert (registration.deregistered_on, registration.version, AuditEvent.objects.count()) == (None, 1, 1)


@pytest.mark.parametrize("action", ["review", "update", "deregister"])
def test_an_ended_registration_cannot_be_changed(case, officer_user, action):
    registration = _add(officer_user, case, "ALSH")
    _on(
        registration_deregister,
        officer_user,
        case.crn,
        registration,
        deregistered_on=dt.date(2025, 2, 1),
        reason="Ended",
    )
    call = {
        "review": lambda: _on(
            registration_review, officer_user, case.crn, registration, 2, reviewed_on=TODAY
        ),
        "update": lambda: _on(registration_update, officer_user, case.crn, registration, 2, notes="x"),
        "deregister": lambda: _on(
            registration_deregister,
            officer_user,
            case.crn,
            registration,
            2,
            deregistered_on=TODAY,
            reason="Again",
        ),
    }[action]

    with pytest.raises(ServiceError, match="This registration ended on 1 February 2025"):
        call()

    assert Registration.objects.get().version == 2
