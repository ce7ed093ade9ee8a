"""The contact log of a case and its change pages: record a contact, book, reschedule, cancel,
record an outcome, decide a failed-to-attend.

The person comes through the case-page shell (CONTACT_VIEW, partner scope, limited access; denied
looks exactly like missing). Change pages are ``CaseFormView``s needing CONTACT_MANAGE in the case's
managing PDU. Every page that shows contacts audits the view first, with ids, never notes.
"""

from functools import cached_property
from typing import Any

from django.conf import settings
from django.urls import reverse

from probation.accounts.policy import Permission, has_permission
from probation.contacts import selectors
from probation.contacts.forms.contacts import ContactFilterForm
from probation.contacts.presenters import contact_row
from probation.contacts.services.checks import CONTACT
from probation.core.clock import now
from probation.frontend.forms import GovukForm
from probation.frontend.return_url import safe_return_url
from probation.people.models import Person
from probation.people.policy import can_change_case
from probation.people.shell import CaseFormView, CasePageView

SECTION = "contacts"


def _filters(form: ContactFilterForm) -> selectors.ContactFilters:
    data = form.cleaned_data if form.is_valid() else {}
    return selectors.ContactFilters(
        type=data.get("type") or "",
        date_from=data.get("date_from"),
        date_to=data.get("date_to"),
        outcome=data.get("outcome") or "",
        sentence_id=data.get("sentence"),
    )


class ContactLogView(CasePageView):
    section = SECTION
    template_name = "contacts/log.html"

    def page_context(self) -> dict[str, Any]:
        request, person = self.request, self.person
        sentences = selectors.sentence_choices(person=person)
        form = ContactFilterForm(request.GET, sentences=sentences)
        filters = _filters(form)
        at = now()
        after = selectors.Cursor.parse(request.GET.get("after", ""))
        page = selectors.contact_list(
            person=person, filters=filters, now=at, after=after, size=settings.PAGE_SIZE
        )
        can_manage = can_change_case(request.user, person, Permission.CONTACT_MANAGE)
        read_sensitive = has_permission(request.user, Permission.CONTACT_VIEW_SENSITIVE)
        here = request.get_full_path()  # a filtered log ("needs an outcome") is returned to as filtered
        rows = [
            contact_row(
                c,
                crn=person.crn,
                now=at,
                can_read_sensitive=read_sensitive,
                can_manage=can_manage,
                return_to=here,
            )
            for c in page.contacts
        ]
        self.shown = {"filters": filters.as_detail(), "shown": [r.pk for r in rows], "after": bool(after)}
        params = request.GET.copy()
        params.pop("after", None)
        next_url = ""
        if page.next_cursor is not None:
            params["after"] = page.next_cursor.token
            next_url = "?" + params.urlencode()
            params.pop("after")
        return {
            "form": form,
            "rows": rows,
            "next_url": next_url,
            "first_url": ("?" + params.urlencode()) if after else "",
            "filtered": any(filters.as_detail().values()),
            "can_manage": can_manage,
        }

    def audit_object(self) -> tuple[str, object]:
        return CONTACT, ""

    def audit_detail(self) -> dict[str, Any]:
        return self.shown


class ContactFormView(CaseFormView):
    permission = Permission.CONTACT_MANAGE
    section = SECTION

    def audit_object(self) -> tuple[str, object]:
        return CONTACT, ""

    def success_url(self) -> str:
        return reverse("contacts:list", args=[self.person.crn])


class ContactChangeView(ContactFormView):
    """A change to one contact of the case; another case's contact is "not found". Opened from a list
    (needs an outcome, My work) with ``?next=``, it returns there after saving and its Back link goes
    there; the form posts to its own URL, so the ``next`` travels with the POST."""

    page = ""

    def success_url(self) -> str:
        return safe_return_url(self.request, super().success_url())

    @cached_property
    def contact(self):
        return selectors.contact_get(person=self.person, contact_id=self.kwargs["contact_id"])

    def audit_object(self) -> tuple[str, object]:
        return CONTACT, self.contact.pk

    def initial(self) -> dict[str, Any]:
        return {"version": self.contact.version}

    @property
    def extra(self) -> dict[str, Any]:
        from probation.contacts.presenters import when

        contact = self.contact
        return {"summary": f"{contact.get_type_display()}, {when(contact)}, with {contact.officer.name}"}


def form_kwargs(person: Person) -> dict[str, Any]:
    return {
        "officers": selectors.officer_choices(person=person),
        "sentences": selectors.sentence_choices(person=person),
        "requirements": selectors.requirement_choices(person=person),
        "conditions": selectors.licence_condition_choices(person=person),
    }


def form_for(view: ContactFormView, form_class: type[GovukForm], data: Any) -> GovukForm:
    return form_class(data=data, initial=view.initial(), **form_kwargs(view.person))
