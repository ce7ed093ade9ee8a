"""Recording contacts and booking, rescheduling and cancelling appointments: clashes for the
officer and the person, links that must be the person's, past/future rules, and the audit."""

import datetime as dt

import pytest

from probation.audit.models import AuditEvent
from probation.contacts.models import Contact
from probation.contacts.services.appointments import (
    ContactDetails,
    appointment_book,
    appointment_cancel,
    appointment_reschedule,
    contact_record,
)
from probation.contacts.tests.conftest import at
from probation.contacts.tests.factories import ContactFactory
from probation.core.errors import ServiceError
from probation.people.tests.factories import PersonFactory
from probation.sentences.tests.factories import RequirementFactory, SentenceFactory

pytestmark = pytest.mark.django_db


def _book(user, person, start, end=None, **kwargs):
    reminder = kwargs.pop("reminder", "")
    details = ContactDetails(
        type_code=kwargs.pop("type_code", "planned_office_visit"),
        starts_at=start,
        ends_at=end or start + dt.timedelta(hours=1),
        location="Leeds Probation Office",
        **kwargs,
    )
    confirmed = kwargs.pop("bank_holiday_confirmed", True)  # relative dates may fall on one
    return appointment_book(
        actor=user, crn=person.crn, details=details, reminder=reminder, bank_holiday_confirmed=confirmed
    )


def test_booking_creates_an_appointment_with_the_case_officer_by_default(officer_user, case, sentence):
    contact = _book(officer_user, case, at(2), sentence_id=sentence.pk, notes="Bring ID")

    assert (contact.is_appointment, contact.officer, contact.sentence, contact.outcome) == (
        True,
        officer_user.staff,
        sentence,
        "",
    )
    event = AuditEvent.objects.get(object_type="contact", action="create")
    assert event.object_id == str(contact.pk)
    assert "Bring ID" not in str(event.detail)


def test_officer_clash_is_refused_with_the_time_and_no_other_persons_details(officer_user, case):
    other = PersonFactory(officer=officer_user.staff)
    _book(officer_user, other, at(2, 10))

    with pytest.raises(ServiceError) as error:
        _book(officer_user, case, at(2, 10, 30))

    assert error.value.field == "start_time"
    assert (
        f"{officer_user.staff.name} already has an appointment from 10:00am to 11:00am" in error.value.message
    )
    assert other.surname not in error.value.message
    assert other.crn not in error.value.message
    assert Contact.objects.count() == 1


def test_person_clash_is_refused_even_with_another_officer(officer_user, case, colleague):
    _book(officer_user, case, at(3, 14))

    with pytest.raises(
        ServiceError, match=r"This person already has planned office visit with .* from 2:00pm to 3:00pm"
    ):
        _book(officer_user, case, at(3, 14, 15), officer_id=colleague.pk)


def test_back_to_back_appointments_do_not_clash(officer_user, case):
    _book(officer_user, case, at(2, 10))
    _book(officer_user, case, at(2, 11))

    assert Contact.objects.count() == 2


def test_cancelled_and_rescheduled_appointments_do_not_clash(officer_user, case):
    ContactFactory(
        person=case, sentence=None, officer=officer_user.staff, starts_at=at(2, 10), cancelled_at=at(-1)
    )
    ContactFactory(
        person=case, sentence=None, officer=officer_user.staff, starts_at=at(2, 10), outcome="RSOF"
    )

    _book(officer_user, case, at(2, 10))


def test_an_appointment_must_be_in_the_future(officer_user, case):
    with pytest.raises(ServiceError, match="must be in the future"):
        _book(officer_user, case, at(-1))


def test_a_non_attendance_type_cannot_be_booked(officer_user, case):
    with pytest.raises(ServiceError, match="Case note is not an appointment type"):
        _book(officer_user, case, at(2), type_code="case_note")


def test_end_before_start_is_refused(officer_user, case):
    with pytest.raises(ServiceError, match="End time must be after the start time"):
        _book(officer_user, case, at(2, 10), at(2, 9))


def test_another_persons_sentence_is_refused(officer_user, case):
    with pytest.raises(ServiceError, match="Select one of this person's sentences"):
        _book(officer_user, case, at(2), sentence_id=SentenceFactory().pk)


def test_a_requirement_of_another_sentence_is_refused(officer_user, case, sentence):
    other = SentenceFactory(event__person=case, event__conviction_date=sentence.sentence_date)
    requirement = RequirementFactory(sentence=other)

    with pytest.raises(ServiceError, match="Select a requirement of the linked sentence"):
        _book(officer_user, case, at(2), sentence_id=sentence.pk, requirement_id=requirement.pk)


def test_a_requirement_without_its_sentence_is_refused(officer_user, case, upw):
    with pytest.raises(ServiceError, match="Select the sentence"):
        _book(officer_user, case, at(2), requirement_id=upw.pk)


def test_a_date_outside_the_sentence_is_refused(officer_user, case, sentence):
    with pytest.raises(ServiceError, match="The date must be within the sentence") as error:
        _book(officer_user, case, at(400), sentence_id=sentence.pk)

    assert error.value.field == "date"


def test_an_officer_from_another_pdu_is_refused(officer_user, case):
    from probation.accounts.tests.factories import StaffFactory

    with pytest.raises(ServiceError, match="probation delivery unit"):
        _book(officer_user, case, at(2), officer_id=StaffFactory().pk)


def test_a_reminder_needs_the_persons_mobile(officer_user, case):
    case.mobile = ""
    case.save()

    with pytest.raises(ServiceError, match="no mobile number"):
        _book(officer_user, case, at(2), reminder="sms")


def test_a_past_contact_is_recorded_and_needs_an_outcome_if_it_is_an_attendance_type(officer_user, case):
    visit = contact_record(
        actor=officer_user, crn=case.crn, details=ContactDetails(type_code="home_visit", starts_at=at(-1))
    )
    note = contact_record(
        actor=officer_user,
        crn=case.crn,
        details=ContactDetails(type_code="case_note", starts_at=at(-1, 12), notes="Called"),
    )

    assert (visit.is_appointment, note.is_appointment) == (True, False)
    assert list(Contact.objects.outstanding(now=at(0, 23))) == [visit]


def test_a_contact_cannot_be_recorded_in_the_future(officer_user, case):
    with pytest.raises(ServiceError, match="cannot be recorded in the future"):
        contact_record(
            actor=officer_user,
            crn=case.crn,
            details=ContactDetails(type_code="case_note", starts_at=at(1), notes="x"),
        )


def test_reschedule_books_the_new_time_and_closes_the_old_with_who_asked(officer_user, case):
    old = _book(officer_user, case, at(2, 10), notes="Original")

    new = appointment_reschedule(
        actor=officer_user,
        crn=case.crn,
        contact_id=old.pk,
        expected_version=old.version,
        starts_at=at(2, 10, 30),
        ends_at=at(2, 11, 30),
        requested_by="person",
    )

    old.refresh_from_db()
    assert (old.outcome, old.rescheduled_to, new.notes, new.type) == ("RSOF", new, "Original", old.type)


def test_reschedule_by_the_service_is_rssr_and_checks_clashes(officer_user, case):
    old = _book(officer_user, case, at(2, 10))
    _book(officer_user, case, at(4, 10))

    with pytest.raises(ServiceError, match="already has"):
        appointment_reschedule(
            actor=officer_user,
            crn=case.crn,
            contact_id=old.pk,
            expected_version=old.version,
            starts_at=at(4, 10),
            ends_at=at(4, 11),
            requested_by="service",
        )
    new = appointment_reschedule(
        actor=officer_user,
        crn=case.crn,
        contact_id=old.pk,
        expected_version=old.version,
        starts_at=at(5, 10),
        ends_at=at(5, 11),
        requested_by="service",
    )

    old.refresh_from_db()
    assert old.outcome == "RSSR"
    assert old.rescheduled_to == new


def test_cancel_needs_a_reason_and_is_refused_after_an_outcome(officer_user, case):
    booked = _book(officer_user, case, at(2))
    with pytest.raises(ServiceError, match="Enter the reason"):
        appointment_cancel(
            actor=officer_user, crn=case.crn, contact_id=booked.pk, expected_version=1, reason=" "
        )

    cancelled = appointment_cancel(
        actor=officer_user, crn=case.crn, contact_id=booked.pk, expected_version=1, reason="Officer ill"
    )
    attended = ContactFactory(
        person=case, sentence=None, officer=officer_user.staff, starts_at=at(-3), outcome="ATTC"
    )

    assert cancelled.cancelled_at is not None
    assert cancelled.cancel_reason == "Officer ill"
    with pytest.raises(ServiceError, match="already has an outcome"):
        appointment_cancel(
            actor=officer_user, crn=case.crn, contact_id=attended.pk, expected_version=1, reason="x"
        )
