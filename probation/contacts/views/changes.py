"""The pages that record contacts and book, move, cancel and close appointments."""

import datetime as dt
from typing import Any

from probation.contacts import selectors
from probation.contacts.forms.contacts import (
    AppointmentForm,
    CancelForm,
    ContactForm,
    OutcomeForm,
    RescheduleForm,
)
from probation.contacts.services import appointments, outcomes
from probation.contacts.times import london_datetime
from probation.contacts.views.case import ContactChangeView, ContactFormView, form_for
from probation.frontend.forms import GovukForm
from probation.people.submissions import OnceOnlySubmissionMixin
from probation.rules.contacts.outcomes import ACCEPTABLE_ABSENCE_CODES, OutcomeCode, check_outcome_allowed
from probation.rules.errors import SentenceRuleError

RESCHEDULED_CODES_EXCLUDED = (OutcomeCode.RSOF, OutcomeCode.RSSR)  # rescheduling has its own page


def _times(data: dict[str, Any]) -> tuple[dt.datetime, dt.datetime | None]:
    starts_at = london_datetime(data["date"], data["start_time"])
    ends_at = london_datetime(data["date"], data["end_time"]) if data.get("end_time") else None
    return starts_at, ends_at


def _details(data: dict[str, Any]) -> appointments.ContactDetails:
    starts_at, ends_at = _times(data)
    return appointments.ContactDetails(
        type_code=data["type"],
        starts_at=starts_at,
        ends_at=ends_at,
        officer_id=data["officer"],
        location=data["location"],
        sentence_id=data.get("sentence"),
        requirement_id=data.get("requirement"),
        licence_condition_id=data.get("licence_condition"),
        notes=data["notes"],
        sensitive=data["sensitive"],
    )


class ContactRecordView(OnceOnlySubmissionMixin, ContactFormView):
    form_class = ContactForm
    title = "Record a contact"
    success_message = "Contact recorded"

    def initial(self) -> dict[str, Any]:
        return {"officer": self.person.officer_id}

    def get_form(self, data: Any = None) -> GovukForm:
        return form_for(self, self.form_class, data)

    def save(self, data: dict[str, Any]) -> None:
        appointments.contact_record(actor=self.request.user, crn=self.person.crn, details=_details(data))


class AppointmentBookView(ContactRecordView):
    form_class = AppointmentForm
    title = "Book an appointment"
    template_name = "contacts/book.html"
    success_message = "Appointment booked"

    page = "book"

    def audit_detail(self) -> dict[str, Any]:
        return {"shown": ["risk_to_staff"]}  # the staff-safety summary this page shows

    @property
    def extra(self) -> dict[str, Any]:
        return {"risk": selectors.staff_risk(person=self.person)}

    def save(self, data: dict[str, Any]) -> None:
        appointments.appointment_book(
            actor=self.request.user,
            crn=self.person.crn,
            details=_details(data),
            reminder=data.get("reminder") or "",
        )


class RescheduleView(ContactChangeView):
    form_class = RescheduleForm
    title = "Reschedule an appointment"
    success_message = "Appointment rescheduled"
    page = "reschedule"

    def save(self, data: dict[str, Any]) -> None:
        starts_at, ends_at = _times(data)
        appointments.appointment_reschedule(
            actor=self.request.user,
            crn=self.person.crn,
            contact_id=self.contact.pk,
            expected_version=data["version"],
            starts_at=starts_at,
            ends_at=ends_at,
            requested_by=data["requested_by"],
        )


class CancelView(ContactChangeView):
    form_class = CancelForm
    title = "Cancel an appointment"
    success_message = "Appointment cancelled"
    page = "cancel"

    def save(self, data: dict[str, Any]) -> None:
        appointments.appointment_cancel(
            actor=self.request.user,
            crn=self.person.crn,
            contact_id=self.contact.pk,
            expected_version=data["version"],
            reason=data["reason"],
        )


class OutcomeView(ContactChangeView):
    form_class = OutcomeForm
    title = "Record an outcome"
    success_message = "Outcome recorded"
    page = "outcome"

    def allowed(self) -> list[OutcomeCode]:
        """The outcomes check_outcome_allowed accepts for this contact, in the outcomes table's order."""
        months = outcomes.sentence_months(self.contact.sentence)
        allowed = []
        for code in OutcomeCode:
            if code in RESCHEDULED_CODES_EXCLUDED:
                continue
            try:
                check_outcome_allowed(self.contact.type, code, sentence_months=months)
            except SentenceRuleError:
                continue
            allowed.append(code)
        return allowed

    def get_form(self, data: Any = None) -> GovukForm:
        requirement = self.contact.requirement
        show_hours = requirement is not None and requirement.type == "unpaid_work"
        return self.form_class(
            data=data,
            initial=self.initial(),
            allowed=self.allowed(),
            show_hours=show_hours,
            type_code=self.contact.type,
            carries_out_requirement=self.contact.links_requirement,
        )

    def save(self, data: dict[str, Any]) -> None:
        outcomes.contact_record_outcome(
            actor=self.request.user,
            crn=self.person.crn,
            contact_id=self.contact.pk,
            expected_version=data["version"],
            outcome_code=data["outcome"],
            notes=data["notes"],
            hours=data.get("hours"),
        )


class DecideView(OutcomeView):
    title = "Decide a failed-to-attend"
    success_message = "Absence decided"
    page = "decide"

    def allowed(self) -> list[OutcomeCode]:
        return [c for c in super().allowed() if c in ACCEPTABLE_ABSENCE_CODES or c is OutcomeCode.UAAB]

    def get_form(self, data: Any = None) -> GovukForm:
        return self.form_class(
            data=data,
            initial=self.initial(),
            allowed=self.allowed(),
            show_hours=False,
            type_code=self.contact.type,
            carries_out_requirement=self.contact.links_requirement,
        )

    def save(self, data: dict[str, Any]) -> None:
        outcomes.contact_decide_failed_to_attend(
            actor=self.request.user,
            crn=self.person.crn,
            contact_id=self.contact.pk,
            expected_version=data["version"],
            outcome_code=data["outcome"],
            notes=data["notes"],
        )
