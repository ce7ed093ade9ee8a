"""Drafting and activating the licence (issue 14 item 5): conditions with their justification, optimistic
locking, refusal to activate an unjustified licence with nothing written, the sentence's licence with the
standard conditions in force on release, the first appointment on the day of release, the key event for
the victim contact scheme, and a recall making the licence recalled."""

import datetime as dt

import pytest
from django.db import transaction

from probation.audit.models import AuditEvent
from probation.contacts.models import Contact
from probation.core.errors import ConflictError, NotFound, ServiceError
from probation.core.key_events import (
    KeyEventKind,
    key_event_occurred,
    register_key_event_listener,
    unregister_key_event_listener,
)
from probation.custody.models import CustodyLicence, DraftCondition, LicenceStatus
from probation.custody.services import licence as services
from probation.custody.tests.conftest import TODAY
from probation.custody.tests.factories import custody_record
from probation.people.tests.factories import PersonFactory
from probation.sentences.models import Licence
from probation.sentences.tests.factories import LicenceFactory

pytestmark = pytest.mark.django_db
NOON = dt.time(12, 0)
ZONE = services.ConditionInput(
    "freedom_of_movement",
    "Not to enter the area marked on the attached map without the prior approval of your supervising officer.",
    "The victim lives in this area and asked for the zone; it is drawn wide and leaves the town centre open.",
    victim_related=True,
)


@pytest.fixture
def person(officer_user):
    return PersonFactory(officer=officer_user.staff, date_of_birth=dt.date(1990, 5, 1))


@pytest.fixture
def record(person):
    return custody_record(person, sentence_date=dt.date(2025, 6, 2), months=36)


def _start(user, person, record):
    return services.licence_start(actor=user, person=person, custody_id=record.pk)


def _add(user, person, record, condition=ZONE, version=None):
    licence = CustodyLicence.objects.get(custody=record)
    return services.licence_condition_add(
        actor=user,
        person=person,
        custody_id=record.pk,
        expected_version=licence.version if version is None else version,
        condition=condition,
    )


def _release(user, person, record, *, on=TODAY, at=NOON):
    licence = CustodyLicence.objects.get(custody=record)
    return services.licence_release(
        actor=user,
        person=person,
        custody_id=record.pk,
        expected_version=licence.version,
        released_on=on,
        appointment_time=at,
        today=TODAY,
    )


def test_starting_twice_returns_the_same_draft_with_one_audit_row(officer_user, person, record):
    first = _start(officer_user, person, record)
    second = _start(officer_user, person, record)

    assert first.pk == second.pk
    assert first.status == LicenceStatus.IN_PROGRESS
    assert AuditEvent.objects.filter(object_type=services.LICENCE, action="create").count() == 1


def test_a_sentence_with_a_licence_already_recorded_cannot_start_another(officer_user, person, record):
    LicenceFactory(sentence=record.sentence)
    with pytest.raises(ServiceError, match="already recorded"):
        _start(officer_user, person, record)
    assert not CustodyLicence.objects.exists()


def test_a_condition_sent_twice_is_refused_as_changed_in_another_window(officer_user, person, record):
    licence = _start(officer_user, person, record)
    _add(officer_user, person, record, version=licence.version)

    with pytest.raises(ConflictError):
        _add(officer_user, person, record, version=licence.version)
    assert DraftCondition.objects.count() == 1


def test_a_condition_needs_a_category_and_wording_both_reported_at_once(officer_user, person, record):
    _start(officer_user, person, record)
    with pytest.raises(ServiceError) as refused:
        _add(officer_user, person, record, condition=services.ConditionInput("nonsense", "  ", ""))
    assert [e.field for e in refused.value.errors] == ["category", "text"]
    assert not DraftCondition.objects.exists()


def test_release_is_refused_while_a_condition_lacks_its_justification_and_nothing_is_written(
    officer_user, person, record
):
    _start(officer_user, person, record)
    _add(officer_user, person, record)
    _add(officer_user, person, record, condition=services.ConditionInput("curfew", "Curfew 7pm to 7am", ""))
    before = AuditEvent.objects.count()

    with pytest.raises(ServiceError, match="condition 2"):
        _release(officer_user, person, record)

    licence = CustodyLicence.objects.get(custody=record)
    assert licence.status == LicenceStatus.IN_PROGRESS
    assert not Licence.objects.exists()
    assert not Contact.objects.exists()
    assert AuditEvent.objects.count() == before


def test_release_activates_the_licence_and_books_the_first_appointment_on_the_day(
    officer_user, person, record
):
    heard = []

    def listener(**event):
        heard.append((event["kind"], event["on"], event["detail"]))

    register_key_event_listener(listener)
    try:
        _start(officer_user, person, record)
        _add(officer_user, person, record)
        licence = _release(officer_user, person, record)
    finally:
        unregister_key_event_listener(listener)

    assert licence.status == LicenceStatus.ACTIVE
    assert licence.standard_key == "licence_conditions_policy_v4"
    written = Licence.objects.get(sentence=record.sentence)
    kinds = list(written.conditions.order_by("ordinal").values_list("kind", "category"))
    assert kinds == [("standard", "")] * 6 + [("additional", "exclusion_zone")]
    assert written.release_date == TODAY
    appointment = licence.first_appointment
    assert appointment.type == "initial_appointment"
    assert appointment.starts_at.date() == TODAY
    assert appointment.sentence_id == record.sentence_id
    record.refresh_from_db()
    assert record.released_on == TODAY
    conditions_set = [h for h in heard if h[0] == KeyEventKind.LICENCE_CONDITIONS_SET]
    assert conditions_set == [
        (
            KeyEventKind.LICENCE_CONDITIONS_SET,
            TODAY,
            {"licence": written.pk, "custody": record.pk, "additional": 1, "victim_related": 1},
        )
    ]
    audit = AuditEvent.objects.filter(object_type=services.LICENCE, action="update").get()
    assert audit.detail["first_appointment"] == appointment.pk


@pytest.mark.parametrize(
    ("on", "message"),
    [
        (TODAY + dt.timedelta(days=1), "cannot be in the future"),
        (dt.date(2025, 6, 1), "on or after the sentence"),
    ],
)
def test_impossible_release_dates_are_refused_with_the_reason(officer_user, person, record, on, message):
    _start(officer_user, person, record)
    with pytest.raises(ServiceError, match=message):
        _release(officer_user, person, record, on=on)
    assert CustodyLicence.objects.get().status == LicenceStatus.IN_PROGRESS


def test_an_appointment_time_already_past_is_refused_beside_its_field(officer_user, person, record):
    _start(officer_user, person, record)
    with pytest.raises(ServiceError) as refused:
        _release(officer_user, person, record, at=dt.time(7, 0))
    assert refused.value.field == "appointment_time"
    assert not Licence.objects.exists()


def test_an_active_licence_cannot_be_changed(officer_user, person, record):
    _start(officer_user, person, record)
    _release(officer_user, person, record)
    with pytest.raises(ServiceError, match="no longer be drafted"):
        _add(officer_user, person, record)


def test_a_recall_decided_on_the_sentence_makes_the_licence_recalled(officer_user, person, record):
    _start(officer_user, person, record)
    _release(officer_user, person, record)
    with transaction.atomic():
        key_event_occurred(
            person_id=person.pk, kind=KeyEventKind.RECALLED, on=TODAY, detail={"sentence": record.sentence_id}
        )
    assert CustodyLicence.objects.get().status == LicenceStatus.RECALLED


def test_a_condition_is_changed_and_removed_with_its_version(officer_user, person, record):
    _start(officer_user, person, record)
    row = _add(officer_user, person, record, condition=services.ConditionInput("curfew", "Curfew", ""))
    changed = services.licence_condition_change(
        actor=officer_user,
        person=person,
        custody_id=record.pk,
        condition_id=row.pk,
        expected_version=row.version,
        condition=services.ConditionInput("curfew", "Curfew 7pm to 7am", "Offending at night"),
    )
    assert changed.justification == "Offending at night"
    with pytest.raises(ConflictError):
        services.licence_condition_remove(
            actor=officer_user,
            person=person,
            custody_id=record.pk,
            condition_id=row.pk,
            expected_version=row.version,
        )
    services.licence_condition_remove(
        actor=officer_user,
        person=person,
        custody_id=record.pk,
        condition_id=row.pk,
        expected_version=changed.version,
    )
    assert not DraftCondition.objects.exists()


def test_staff_of_another_pdu_cannot_draft(person, record):
    from probation.people.tests import access

    with pytest.raises(NotFound):
        _start(access.other_pdu_user(), person, record)
