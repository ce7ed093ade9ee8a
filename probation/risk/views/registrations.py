"""Registration pages on the case record ("Risk flags") and the officer's reviews-due list.

Case pages are on the shell (people/shell.py): the person comes through ``case_get`` (role,
partner scope, limited access; denied looks exactly like missing), every view is audited once, and
change pages are ``CaseFormView``s that need REGISTRATION_MANAGE in the case's managing PDU.
"""

from functools import cached_property
from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views import View

from probation.accounts.http import AuthenticatedHttpRequest
from probation.accounts.policy import Permission, has_permission
from probation.audit.models import AuditAction
from probation.audit.services import audit_record
from probation.core.clock import today_uk
from probation.frontend.forms import GovukForm
from probation.people.policy import can_change_case
from probation.people.shell import CaseFormView, CasePageView
from probation.people.submissions import OnceOnlySubmissionMixin
from probation.risk import registers
from probation.risk.forms.registrations import (
    RegistrationAddForm,
    RegistrationDeregisterForm,
    RegistrationReviewForm,
    RegistrationTypeForm,
    RegistrationUpdateForm,
)
from probation.risk.models import Registration
from probation.risk.presenters.registrations import (
    registration_row,
    registration_rows,
    review_rows,
    reviews_due_rows,
)
from probation.risk.selectors import registrations as selectors
from probation.risk.services import registrations as services

SECTION = "registrations"


class RegistrationListView(CasePageView):
    section = SECTION
    template_name = "risk/registrations/list.html"

    def page_context(self) -> dict[str, Any]:
        person = self.person
        active, ended = registration_rows(
            selectors.registration_list(person=person), crn=person.crn, today=today_uk()
        )
        return {
            "active": active,
            "ended": ended,
            "can_manage": can_change_case(self.request.user, person, Permission.REGISTRATION_MANAGE),
        }


class RegistrationDetailView(CasePageView):
    section = SECTION
    template_name = "risk/registrations/detail.html"

    def page_context(self) -> dict[str, Any]:
        person = self.person
        registration = selectors.registration_get(
            person=person, registration_id=self.kwargs["registration_id"]
        )
        return {
            "registration": registration_row(registration, crn=person.crn, today=today_uk()),
            "reviews": review_rows(registration.reviews.all()),
            "can_manage": can_change_case(self.request.user, person, Permission.REGISTRATION_MANAGE),
        }


class RegistrationFormView(CaseFormView):
    permission = Permission.REGISTRATION_MANAGE
    template_name = "risk/registrations/form.html"
    section = SECTION

    def success_url(self) -> str:
        return reverse("risk:registration-list", args=[self.person.crn])


class RegistrationAddView(OnceOnlySubmissionMixin, RegistrationFormView):
    """Adding, step 1: choose the type. Nothing is written until step 2."""

    form_class = RegistrationTypeForm
    title = "Add a registration"
    chosen = ""

    def save(self, data: dict[str, Any]) -> None:
        self.chosen = data["register_type"]

    def success_url(self) -> str:
        if self.chosen:
            return reverse("risk:registration-add-details", args=[self.person.crn, self.chosen])
        return super().success_url()


class RegistrationAddDetailsView(RegistrationFormView):
    """Adding, step 2: what the chosen type needs (MAPPA: category and level), then the service."""

    def dispatch(self, request: HttpRequest, crn: str, **kwargs: Any) -> HttpResponseBase:
        register = registers.register_type(kwargs["register_type"])
        if register is None:
            raise Http404
        self.register = register
        self.title = f"Add a registration: {register.description}"
        return super().dispatch(request, crn, **kwargs)

    @property
    def extra(self) -> dict[str, Any]:
        return {
            "register": self.register,
            "change_type_url": reverse("risk:registration-add", args=[self.person.crn]),
        }

    def get_form(self, data: Any = None) -> GovukForm:
        return RegistrationAddForm(data=data, register=self.register)

    def save(self, data: dict[str, Any]) -> None:
        services.registration_add(
            actor=self.request.user,
            crn=self.person.crn,
            register_type=self.register.code,
            registered_on=data["registered_on"],
            category=data.get("category", ""),
            level=data.get("level", ""),
            notes=data["notes"],
        )
        self.success_message = f"{self.register.description} registration added"


class RegistrationChangeView(RegistrationFormView):
    """A change to one active registration: the form posts the version it showed (ADR 0005)."""

    def dispatch(self, request: HttpRequest, crn: str, **kwargs: Any) -> HttpResponseBase:
        self.registration_id = kwargs["registration_id"]
        return super().dispatch(request, crn, **kwargs)

    @cached_property
    def registration(self) -> Registration:
        return selectors.registration_get(person=self.person, registration_id=self.registration_id)

    @property
    def extra(self) -> dict[str, Any]:
        return {"registration": registration_row(self.registration, crn=self.person.crn, today=today_uk())}

    def get(self, request: AuthenticatedHttpRequest, crn: str, **kwargs: Any) -> HttpResponse:
        if not self.registration.is_active:  # an old link: show what happened instead
            return redirect("risk:registration-detail", self.person.crn, self.registration.pk)
        return super().get(request, crn, **kwargs)

    def initial(self) -> dict[str, Any]:
        return {"version": self.registration.version}


class RegistrationReviewView(RegistrationChangeView):
    form_class = RegistrationReviewForm
    title = "Review a registration"

    def save(self, data: dict[str, Any]) -> None:
        review = services.registration_review(
            actor=self.request.user,
            crn=self.person.crn,
            registration_id=self.registration_id,
            expected_version=data["version"],
            reviewed_on=data["reviewed_on"],
            notes=data["notes"],
        )
        due = review.next_review_on
        self.success_message = (
            f"Review recorded. Next review due {due:%-d %B %Y}" if due else "Review recorded"
        )


class RegistrationUpdateView(RegistrationChangeView):
    title = "Change a registration"
    success_message = "Registration saved"

    def get_form(self, data: Any = None) -> GovukForm:
        return RegistrationUpdateForm(
            data=data,
            initial=self.initial(),
            with_category_and_level=self.registration.register.has_category_and_level,
        )

    def initial(self) -> dict[str, Any]:
        r = self.registration
        return {"category": r.category, "level": r.level, "notes": r.notes, "version": r.version}

    def save(self, data: dict[str, Any]) -> None:
        services.registration_update(
            actor=self.request.user,
            crn=self.person.crn,
            registration_id=self.registration_id,
            expected_version=data["version"],
            category=data.get("category", ""),
            level=data.get("level", ""),
            notes=data["notes"],
        )


class RegistrationDeregisterView(RegistrationChangeView):
    form_class = RegistrationDeregisterForm
    title = "Deregister"

    def save(self, data: dict[str, Any]) -> None:
        registration = services.registration_deregister(
            actor=self.request.user,
            crn=self.person.crn,
            registration_id=self.registration_id,
            expected_version=data["version"],
            deregistered_on=data["deregistered_on"],
            reason=data["reason"],
        )
        self.success_message = f"{registration.register.description} registration ended"


class RegistrationReviewsDueView(View):
    """The signed-in officer's caseload: registrations overdue for review or due soon."""

    def get(self, request: AuthenticatedHttpRequest) -> HttpResponse:
        user = request.user
        allowed = has_permission(user, Permission.CASELOAD_OWN) and has_permission(
            user, Permission.REGISTRATION_VIEW
        )
        if not allowed or user.staff is None:
            raise Http404
        today = today_uk()
        rows = reviews_due_rows(
            selectors.registration_reviews_due(user=user, officer=user.staff, on=today), today=today
        )
        audit_record(
            actor=user,
            action=AuditAction.VIEW,
            object_type="registration_reviews_due",
            object_id=user.staff.code,
            detail={"rows": len(rows)},
        )
        tables = [
            {
                "caption": "Overdue or due today",
                "rows": [r for r in rows if r.next_review_on <= today],
                "empty_text": "No reviews are overdue.",
            },
            {
                "caption": f"Due in the next {selectors.REVIEWS_DUE_WITHIN_DAYS} days",
                "rows": [r for r in rows if r.next_review_on > today],
                "empty_text": "No reviews are due soon.",
            },
        ]
        return render(
            request,
            "risk/registrations/reviews_due.html",
            {"tables": tables, "within_days": selectors.REVIEWS_DUE_WITHIN_DAYS},
        )
