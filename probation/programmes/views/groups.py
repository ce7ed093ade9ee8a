"""Treatment managers' pages: the PDU's waiting list, facilitator training, groups, adding people from
the waiting list and booking catch-ups; and a facilitator's sessions. Deny by default: PROGRAMME_MANAGE
for the user's PDU, PROGRAMME_FACILITATE for the sessions they run; out of scope is the same 404 as a
missing id. Each page view is audited."""

import datetime as dt
from typing import Any

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.views import View

from probation.accounts.http import AuthenticatedHttpRequest
from probation.accounts.policy import Permission, has_permission
from probation.audit.models import AuditAction
from probation.audit.services import audit_record
from probation.core.clock import today_uk
from probation.core.errors import ServiceError
from probation.programmes.forms import CatchUpForm, GroupForm, ParticipantForm, TrainingForm
from probation.programmes.models import Group
from probation.programmes.selectors import groups as selectors
from probation.programmes.selectors.referrals import staff_pdu_id, waiting_list
from probation.programmes.services import groups as services
from probation.programmes.services.referrals import catalogue_settings
from probation.rules.programmes.catalogue import CATALOGUE, programmes_in_force
from probation.rules.programmes.delivery import MAX_PARTICIPANTS, Status


def _audit(request: AuthenticatedHttpRequest, object_type: str, object_id: object, **detail: Any) -> None:
    audit_record(
        actor=request.user,
        action=AuditAction.VIEW,
        object_type=object_type,
        object_id=object_id,
        detail=detail,
    )


def _manager(request: AuthenticatedHttpRequest) -> None:
    if not has_permission(request.user, Permission.PROGRAMME_MANAGE) or request.user.staff is None:
        raise Http404


def _form_page(
    request: AuthenticatedHttpRequest, form: Any, title: str, group: Group | None = None
) -> HttpResponse:
    return render(request, "programmes/form.html", {"form": form, "title": title, "group": group})


class WaitingListView(View):
    def get(self, request: AuthenticatedHttpRequest) -> HttpResponse:
        codes = {p.code for p in CATALOGUE}
        programme = request.GET.get("programme", "")
        programme = programme if programme in codes else ""
        lists = waiting_list(user=request.user, programme=programme)
        crns = [row.crn for rows in lists.values() for row in rows]
        _audit(request, "programme_waiting_list", staff_pdu_id(request.user), programme=programme, crns=crns)
        context = {
            "awaiting_assessment": lists[Status.AWAITING_ASSESSMENT],
            "awaiting_allocation": lists[Status.AWAITING_ALLOCATION],
            "programmes": [(p.code, p.name) for p in CATALOGUE],
            "programme": programme,
        }
        return render(request, "programmes/waiting_list.html", context)


class TrainingView(View):
    def _form(self, request: AuthenticatedHttpRequest, data: Any = None) -> TrainingForm:
        return TrainingForm(
            data, staff=[(s.pk, f"{s.name} ({s.grade})") for s in selectors.pdu_staff(user=request.user)]
        )

    def _render(self, request: AuthenticatedHttpRequest, form: TrainingForm) -> HttpResponse:
        training = selectors.training_list(user=request.user)
        return render(request, "programmes/training.html", {"form": form, "training": training})

    def get(self, request: AuthenticatedHttpRequest) -> HttpResponse:
        _manager(request)
        response = self._render(request, self._form(request))
        _audit(request, "programme_training", staff_pdu_id(request.user))
        return response

    def post(self, request: AuthenticatedHttpRequest) -> HttpResponse:
        _manager(request)
        form = self._form(request, request.POST)
        if form.is_valid():
            data = form.cleaned_data
            try:
                services.training_record(
                    actor=request.user,
                    staff_id=data["staff"],
                    programme_code=data["programme"],
                    trained_on=data["trained_on"],
                )
            except ServiceError as error:
                form.add_service_error(error)
            else:
                messages.success(request, "Training recorded")
                return redirect("programmes:training")
        return self._render(request, form)


class GroupListView(View):
    def get(self, request: AuthenticatedHttpRequest) -> HttpResponse:
        groups = list(selectors.groups_list(user=request.user))
        _audit(request, "programme_groups", staff_pdu_id(request.user), groups=[g.pk for g in groups])
        return render(request, "programmes/groups.html", {"groups": groups, "max": MAX_PARTICIPANTS})


class GroupCreateView(View):
    title = "Create a group"

    def _form(self, request: AuthenticatedHttpRequest, data: Any = None) -> GroupForm:
        pdu_id = staff_pdu_id(request.user)
        trained: dict[int, str] = {}
        for p in programmes_in_force(today_uk(), catalogue_settings()):
            for s in selectors.trained_staff(pdu_id=pdu_id, programme=p.code):
                trained[s.pk] = f"{s.name} ({s.get_grade_display()})"
        programmes = [(p.code, p.name) for p in programmes_in_force(today_uk(), catalogue_settings())]
        return GroupForm(
            data, programmes=programmes, facilitators=sorted(trained.items(), key=lambda i: i[1])
        )

    def get(self, request: AuthenticatedHttpRequest) -> HttpResponse:
        _manager(request)
        return _form_page(request, self._form(request), self.title)

    def post(self, request: AuthenticatedHttpRequest) -> HttpResponse:
        _manager(request)
        form = self._form(request, request.POST)
        if form.is_valid():
            d = form.cleaned_data
            try:
                group, warning = services.group_create(
                    actor=request.user,
                    request=services.GroupRequest(
                        programme=d["programme"],
                        reference=d["reference"],
                        starts_on=d["starts_on"],
                        starts_at=d["starts_at"],
                        ends_at=d["ends_at"],
                        venue=d["venue"],
                        facilitator_ids=d["facilitators"],
                    ),
                )
            except ServiceError as error:
                form.add_service_error(error)
            else:
                messages.success(request, f"Group created with its sessions. {warning}".strip())
                return redirect("programmes:group", group.pk)
        return _form_page(request, form, self.title)


class GroupDetailView(View):
    def get(self, request: AuthenticatedHttpRequest, group_id: int) -> HttpResponse:
        group = selectors.group_get(user=request.user, group_id=group_id)
        members = selectors.group_members(user=request.user, group=group)
        sessions = selectors.group_sessions(group=group)
        _audit(request, "programme_group", group.pk, crns=[m.crn for m in members])
        context = {
            "group": group,
            "members": members,
            "sessions": sessions,
            "max": MAX_PARTICIPANTS,
            "today": today_uk(),
        }
        return render(request, "programmes/group.html", context)


class ParticipantAddView(View):
    title = "Add someone from the waiting list"

    def _form(self, request: AuthenticatedHttpRequest, group: Group, data: Any = None) -> ParticipantForm:
        referrals = [
            (
                r.pk,
                f"{r.person.first_name} {r.person.surname} ({r.person.crn}), "
                f"waiting since {r.suitable_from:%-d %B %Y}",
            )
            for r in selectors.allocatable_referrals(user=request.user, group=group)
        ]
        return ParticipantForm(data, referrals=referrals)

    def get(self, request: AuthenticatedHttpRequest, group_id: int) -> HttpResponse:
        group = selectors.group_get(user=request.user, group_id=group_id)
        response = _form_page(request, self._form(request, group), self.title, group)
        _audit(request, "programme_group", group.pk, page="add participant")
        return response

    def post(self, request: AuthenticatedHttpRequest, group_id: int) -> HttpResponse:
        group = selectors.group_get(user=request.user, group_id=group_id)
        form = self._form(request, group, request.POST)
        if form.is_valid():
            try:
                services.participant_add(
                    actor=request.user, group_id=group.pk, referral_id=form.cleaned_data["referral"]
                )
            except ServiceError as error:
                form.add_service_error(error)
            else:
                messages.success(request, "Added: the sessions are on the person's record")
                return redirect("programmes:group", group.pk)
        return _form_page(request, form, self.title, group)


class CatchUpView(View):
    title = "Book a catch-up session"

    def _form(self, request: AuthenticatedHttpRequest, group: Group, data: Any = None) -> CatchUpForm:
        trained = selectors.trained_staff(pdu_id=group.pdu_id, programme=group.programme)
        members = selectors.group_members(user=request.user, group=group)
        return CatchUpForm(
            data,
            facilitators=[(s.pk, f"{s.name} ({s.get_grade_display()})") for s in trained],
            participants=[(m.participant.pk, f"{m.name} ({m.crn})") for m in members if not m.restricted],
        )

    def get(self, request: AuthenticatedHttpRequest, group_id: int) -> HttpResponse:
        group = selectors.group_get(user=request.user, group_id=group_id)
        response = _form_page(request, self._form(request, group), self.title, group)
        _audit(request, "programme_group", group.pk, page="catch-up")
        return response

    def post(self, request: AuthenticatedHttpRequest, group_id: int) -> HttpResponse:
        group = selectors.group_get(user=request.user, group_id=group_id)
        form = self._form(request, group, request.POST)
        if form.is_valid():
            d = form.cleaned_data
            try:
                _, warning = services.catch_up_add(
                    actor=request.user,
                    group_id=group.pk,
                    request=services.CatchUpRequest(
                        number=d["number"],
                        date=d["date"],
                        starts_at=d["starts_at"],
                        ends_at=d["ends_at"],
                        venue=d["venue"],
                        facilitator_ids=d["facilitators"],
                        participant_ids=d["participants"],
                    ),
                )
            except ServiceError as error:
                form.add_service_error(error)
            else:
                messages.success(request, f"Catch-up booked. {warning}".strip())
                return redirect("programmes:group", group.pk)
        return _form_page(request, form, self.title, group)


class MySessionsView(View):
    def get(self, request: AuthenticatedHttpRequest) -> HttpResponse:
        today = today_uk()
        sessions = selectors.my_sessions(
            user=request.user, start=today - dt.timedelta(days=14), end=today + dt.timedelta(days=28)
        )
        _audit(
            request, "programme_my_sessions", request.user.staff_id or "", sessions=[s.pk for s in sessions]
        )
        return render(request, "programmes/my_sessions.html", {"sessions": sessions, "today": today})
