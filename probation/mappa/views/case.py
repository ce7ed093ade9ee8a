"""The MAPPA page of a case and its change pages.

The person comes through the case-page shell (MAPPA_VIEW, partner shares, limited access;
denied looks exactly like missing). How much a user then sees is ``mappa_view_for`` (policy.py).
Change pages are ``CaseFormView``s needing MAPPA_MANAGE in the case's managing PDU; every page that
shows MAPPA records audits the view first.
"""

from functools import cached_property
from typing import Any

from django.urls import reverse

from probation.accounts.policy import Permission
from probation.core.clock import today_uk
from probation.mappa import selectors
from probation.mappa.forms.meetings import ActionCompleteForm, ActionForm, MeetingForm, MeetingUpdateForm
from probation.mappa.models import MappaAction, MappaMeeting
from probation.mappa.policy import mappa_view_for
from probation.mappa.presenters import action_row, level_label, mappa_status, meeting_rows
from probation.mappa.services import actions as action_services
from probation.mappa.services import meetings as meeting_services
from probation.people.policy import can_change_case
from probation.people.shell import CaseFormView, CasePageView
from probation.people.submissions import OnceOnlySubmissionMixin

SECTION = "mappa"


class MappaCaseView(CasePageView):
    section = SECTION
    template_name = "mappa/case.html"

    def page_context(self) -> dict[str, Any]:
        person = self.person
        view = mappa_view_for(self.request.user)
        can_manage = can_change_case(self.request.user, person, Permission.MAPPA_MANAGE)
        meetings = list(selectors.meeting_list(person=person, view=view))
        rows = meeting_rows(meetings, view=view, crn=person.crn, today=today_uk(), can_manage=can_manage)
        self.shown = {
            "view": "full" if view.full else "partner",
            "meetings": [r.pk for r in rows],
            "actions": [a.pk for r in rows for a in r.actions],
        }
        return {
            "status": mappa_status(selectors.mappa_registration_get(person=person), meetings, view=view),
            "meetings": rows,
            "full": view.full,
            "can_manage": can_manage,
            "add_flag_url": reverse("risk:registration-add-details", args=[person.crn, "MAPP"]),
        }

    def audit_object(self) -> tuple[str, object]:
        return meeting_services.MEETING, ""

    def audit_detail(self) -> dict[str, Any]:
        return self.shown


class MappaFormView(CaseFormView):
    permission = Permission.MAPPA_MANAGE
    template_name = "mappa/form.html"
    section = SECTION

    def success_url(self) -> str:
        return reverse("mappa:case", args=[self.person.crn])


class MeetingAddView(OnceOnlySubmissionMixin, MappaFormView):
    form_class = MeetingForm
    title = "Record a MAPPA meeting"
    success_message = "MAPPA meeting recorded"

    def save(self, data: dict[str, Any]) -> None:
        meeting_services.meeting_add(actor=self.request.user, crn=self.person.crn, data=data)


class MeetingChangeMixin:
    """A page about one meeting of this case; another case's meeting is not found."""

    person: Any
    kwargs: dict[str, Any]

    @cached_property
    def meeting(self) -> MappaMeeting:
        return selectors.meeting_get(person=self.person, meeting_id=self.kwargs["meeting_id"])

    @property
    def extra(self) -> dict[str, Any]:
        held_on, level = self.meeting.held_on, level_label(self.meeting.level)
        return {"meeting_summary": f"Meeting on {held_on:%-d %B %Y}, {level}"}


class MeetingUpdateView(MeetingChangeMixin, MappaFormView):
    form_class = MeetingUpdateForm
    page = "change"
    title = "Change a MAPPA meeting"
    success_message = "MAPPA meeting saved"

    def audit_object(self) -> tuple[str, object]:
        return meeting_services.MEETING, self.meeting.pk

    def initial(self) -> dict[str, Any]:
        return {name: getattr(self.meeting, name) for name in meeting_services.MEETING_FIELDS} | {
            "version": self.meeting.version
        }

    def save(self, data: dict[str, Any]) -> None:
        version = data.pop("version")
        meeting_services.meeting_update(
            actor=self.request.user,
            crn=self.person.crn,
            meeting_id=self.meeting.pk,
            expected_version=version,
            data=data,
        )


class ActionAddView(OnceOnlySubmissionMixin, MeetingChangeMixin, MappaFormView):
    form_class = ActionForm
    title = "Add a MAPPA action"
    success_message = "MAPPA action added"

    def save(self, data: dict[str, Any]) -> None:
        action_services.action_add(
            actor=self.request.user,
            crn=self.person.crn,
            meeting_id=self.meeting.pk,
            description=data["description"],
            owner_agency=data["owner_agency"],
            owner_name=data["owner_name"],
            due_on=data["due_on"],
        )


class ActionCompleteView(MappaFormView):
    form_class = ActionCompleteForm
    page = "complete"
    title = "Mark a MAPPA action as done"
    success_message = "MAPPA action marked as done"

    @cached_property
    def action(self) -> MappaAction:
        return selectors.action_get(person=self.person, action_id=self.kwargs["action_id"])

    @property
    def extra(self) -> dict[str, Any]:
        return {"action": action_row(self.action, crn=self.person.crn, today=today_uk(), can_manage=False)}

    def audit_object(self) -> tuple[str, object]:
        return action_services.ACTION, self.action.pk

    def initial(self) -> dict[str, Any]:
        return {"version": self.action.version}

    def save(self, data: dict[str, Any]) -> None:
        action_services.action_complete(
            actor=self.request.user,
            crn=self.person.crn,
            action_id=self.action.pk,
            expected_version=data["version"],
            completed_on=data["completed_on"],
            notes=data["notes"],
        )
