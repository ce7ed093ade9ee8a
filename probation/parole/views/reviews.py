"""Parole pages on the case record (the case shell, ADR 0017): the case's reviews and governors'
reports; recording a Parole Board request; the PAROM1 editor with autosave (ADR 0032), sign-off and
the disclosable PDF (ADR 0033, 0046); the hearing and the decision. Viewing needs PAROLE_VIEW; changing
needs PAROLE_MANAGE in the case's PDU, and only the named author writes the report. Anything refused is
the same 404 as a case or record that does not exist."""

import time
from functools import cached_property
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.db import transaction
from django.http import HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone

from probation.accounts.http import AuthenticatedHttpRequest
from probation.accounts.middleware import TOUCHED_KEY
from probation.accounts.policy import Permission
from probation.audit.models import AuditAction
from probation.audit.services import audit_record
from probation.core.clock import LONDON, today_uk
from probation.core.errors import ConflictError, NotFound, ServiceError
from probation.frontend.forms import GovukForm
from probation.parole.forms.reviews import SECTIONS, HearingForm, Parom1Form, ReviewRequestForm, SignForm
from probation.parole.models import ParoleReview
from probation.parole.pdf import parom1_pdf_context, prisoner_identity, render_parom1_pdf
from probation.parole.presenters import reviews as presenters
from probation.parole.selectors import reviews as selectors
from probation.parole.selectors.prefill import parom1_prefill
from probation.parole.services import reviews as services
from probation.people.shell import CaseFormView, CasePageView, CaseView
from probation.victims.selectors.offender_side import scheme_applies

SECTION = "parole"
# Which pre-fill list is shown beside which section of the editor.
PREFILL_FOR = {
    "sentence": "sentence_details",
    "rosh_history": "rosh_history",
    "interventions": "interventions",
    "sentence_plan": "sentence_plan",
    "mappa": "mappa",
    "rmp": "risk_management_plan",
    "release_plan": "release_plan",
}


class ParoleCaseView(CasePageView):
    section = SECTION
    template_name = "parole/case.html"

    def page_context(self) -> dict[str, Any]:
        today = today_uk()
        reviews = selectors.reviews_for_person(user=self.request.user, person=self.person)
        reports = selectors.governor_reports_for_person(user=self.request.user, person=self.person)
        self.shown = {"parole_reviews": [r.pk for r in reviews], "governor_reports": [r.pk for r in reports]}
        can_manage = selectors.may_manage(self.request.user, self.person)
        return {
            "reviews": [{"review": r, "rows": presenters.review_rows(r, today=today)} for r in reviews],
            "governor_reports": [
                {
                    "report": r,
                    "rows": presenters.governor_rows(r, today=today),
                    "text": presenters.governor_text(r),
                }
                for r in reports
            ],
            "can_request": can_manage and selectors.custody_for_parole(person=self.person).exists(),
            "can_request_governor": can_manage and selectors.custody_for_reports(person=self.person).exists(),
            "user_id": self.request.user.pk,
        }

    def audit_detail(self) -> dict[str, Any]:
        return self.shown


class _ParoleForm(CaseFormView):
    view_permission = Permission.PAROLE_VIEW
    permission = Permission.PAROLE_MANAGE
    section = SECTION

    def success_url(self) -> str:
        return reverse("parole:case", args=[self.person.crn])


class ReviewRequestView(_ParoleForm):
    title = "Record a Parole Board request for a report"
    success_message = "Parole review recorded: the PAROM1 is due as shown"
    template_name = "parole/request_form.html"

    def get_form(self, data: Any = None) -> GovukForm:
        sentences = [
            (c.pk, selectors.sentence_label(c)) for c in selectors.custody_for_parole(person=self.person)
        ]
        return ReviewRequestForm(
            data=data,
            sentences=sentences,
            authors=selectors.authors_for(person=self.person),
            initial={"author": self.request.user.pk},
        )

    def save(self, data: dict[str, Any]) -> None:
        author = selectors.author_get(data["author"])
        self.review = services.review_request(
            actor=self.request.user,
            person=self.person,
            custody_id=data["custody"],
            target_on=data["target_on"],
            author=author,
            today=today_uk(),
        )

    def success_url(self) -> str:
        review = getattr(self, "review", None)
        if review is not None:
            return reverse("parole:review", args=[self.person.crn, review.pk])
        return super().success_url()


class _ReviewMixin(CaseView):
    section = SECTION
    view_permission = Permission.PAROLE_VIEW

    @cached_property
    def review(self) -> ParoleReview:
        return selectors.review_get(
            user=self.request.user, person=self.person, review_id=self.kwargs["review_id"]
        )

    def may_open(self) -> bool:
        try:
            self.review  # noqa: B018
        except NotFound:
            return False
        return True

    def audit_object(self) -> tuple[str, object]:
        return "parole_review", self.review.pk


def _read_value(review: ParoleReview, name: str) -> str:
    """A section's value as the read-only report shows it: choices by label, dates in words."""
    value = getattr(review, name)
    if name in ("vlo_contacted_on",):
        return f"VLO contacted for this hearing: {value:%-d %B %Y}" if value else "VLO contact not recorded"
    display = getattr(review, f"get_{name}_display", None)
    return str(display()) if display and value else str(value or "")


def _saved_at() -> str:
    return f"{timezone.now().astimezone(LONDON):%H:%M}"


class ReviewEditorView(_ReviewMixin):
    """The PAROM1: the author's editor while it is a draft, otherwise the report to read."""

    page = "parom1"
    template_name = "parole/review.html"

    def editable(self, review: ParoleReview) -> bool:
        return not review.is_signed and selectors.may_write(self.request.user, review)

    def context(self, review: ParoleReview, form: Parom1Form, **extra: Any) -> dict[str, Any]:
        today = today_uk()
        editable = self.editable(review)
        prefill = parom1_prefill(person=self.person, custody=review.custody, today=today) if editable else {}
        helpers = form.helpers
        return (
            self.case_context()
            | {
                "review": review,
                "rows": presenters.review_rows(review, today=today),
                "steps": presenters.timetable_steps(review),
                "form": form,
                "editable": editable,
                "sections": [
                    {
                        "key": key,
                        "title": title,
                        "helper": helpers[key],
                        "prefill": prefill.get(PREFILL_FOR.get(key, ""), []),
                    }
                    for key, (title, _) in SECTIONS.items()
                ],
                "read_sections": [
                    (title, [_read_value(review, f) for f in fields]) for title, fields in SECTIONS.values()
                ],
                "missing": [m for _, m in services.review_missing_before_signing(review, today=today)],
                "in_scheme": scheme_applies(person_id=self.person.pk),
                "autosave_url": reverse("parole:review-autosave", args=[self.person.crn, review.pk]),
                "can_manage": selectors.may_manage(self.request.user, self.person),
            }
            | extra
        )

    def get(self, request: AuthenticatedHttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        review = self.review
        context = self.context(review, Parom1Form(initial=Parom1Form.initial_from(review)))
        self.record_view()
        return render(request, self.template_name, context)

    def post(self, request: AuthenticatedHttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        review = self.review
        if not selectors.may_write(request.user, review):
            raise NotFound(review.pk)
        form = Parom1Form(data=request.POST)
        if not form.is_valid():
            return render(request, self.template_name, self.context(review, form))
        try:
            services.review_save_draft(
                actor=request.user,
                review=review,
                expected_version=form.cleaned_data["version"],
                data=form.review_data(),
            )
        except ConflictError as conflict:
            fresh = Parom1Form(initial=Parom1Form.initial_from(review))
            return render(
                request, self.template_name, self.context(review, fresh, conflict=conflict), status=409
            )
        except ServiceError as error:
            form.add_service_error(error)
            return render(request, self.template_name, self.context(review, form))
        messages.success(request, f"Draft saved at {_saved_at()}")
        return redirect(request.path)


def _session_seconds_left(request: AuthenticatedHttpRequest) -> int:
    touched = int(request.session.get(TOUCHED_KEY, 0)) or int(time.time())
    return max(0, touched + settings.SESSION_COOKIE_AGE - int(time.time()))


class ReviewAutosaveView(_ReviewMixin):
    """POST only: save what is valid of the editor's form and answer in JSON (ADR 0032)."""

    http_method_names = ["post"]

    def post(self, request: AuthenticatedHttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        review = self.review
        if not selectors.may_write(request.user, review):
            raise NotFound(review.pk)
        form = Parom1Form(data=request.POST)
        form.is_valid()  # the valid fields are saved; the others are reported
        version = form.cleaned_data.get("version")
        if version is None:
            return JsonResponse({"saved": False, "message": "The report could not be saved."}, status=400)
        errors = [str(message) for field in form.errors.values() for message in field]
        try:
            saved = services.review_save_draft(
                actor=request.user,
                review=review,
                expected_version=version,
                data=form.review_data(),
                autosave=True,
            )
        except ConflictError as conflict:
            return JsonResponse({"saved": False, "conflict": True, "message": conflict.message}, status=409)
        except ServiceError as error:
            return JsonResponse({"saved": False, "message": error.message}, status=409)
        return JsonResponse(
            {
                "saved": True,
                "version": saved.review.version,
                "saved_at": _saved_at(),
                "changed": bool(saved.changed),
                "errors": errors,
                "session_seconds_left": _session_seconds_left(request),
            }
        )


class ReviewSignView(_ReviewMixin, CaseFormView):
    form_class = SignForm
    title = "Sign the Parole Board report"
    page = "parom1_sign"
    template_name = "parole/sign.html"

    def may_open(self) -> bool:
        return (
            super().may_open()
            and not self.review.is_signed
            and selectors.may_write(self.request.user, self.review)
        )

    def get_form(self, data: Any = None) -> GovukForm:
        return SignForm(data=data, initial={"version": self.review.version})

    @property
    def extra(self) -> dict[str, Any]:
        return {
            "review": self.review,
            "missing": [m for _, m in services.review_missing_before_signing(self.review, today=today_uk())],
        }

    def save(self, data: dict[str, Any]) -> None:
        services.review_sign(
            actor=self.request.user, review=self.review, expected_version=data["version"], today=today_uk()
        )

    success_message = "Report signed: it can no longer be changed"

    def success_url(self) -> str:
        return reverse("parole:review", args=[self.person.crn, self.review.pk])


class ReviewPdfView(_ReviewMixin):
    def get(self, request: AuthenticatedHttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        review = self.review
        person = self.person
        context = parom1_pdf_context(
            review=review,
            prisoner=prisoner_identity(
                name=person.full_name,
                date_of_birth=person.date_of_birth,
                crn=person.crn,
                pnc=person.pnc_number,
                prison=review.custody.prison,
            ),
        )
        with transaction.atomic():
            audit_record(
                actor=request.user,
                action=AuditAction.EXPORT,
                crn=person.crn,
                object_type="parole_review",
                object_id=review.pk,
                detail={"document": "parom1", "status": review.status},
            )
            pdf = render_parom1_pdf(context)
        response = HttpResponse(pdf, content_type="application/pdf")
        draft = "" if review.is_signed else "-draft"
        response["Content-Disposition"] = f'inline; filename="parom1-{person.crn}-{review.pk}{draft}.pdf"'
        return response


class HearingView(_ReviewMixin, _ParoleForm):
    title = "The hearing and the decision"
    page = "parole_hearing"
    success_message = "Hearing saved"
    template_name = "parole/hearing_form.html"

    def may_open(self) -> bool:
        return _ReviewMixin.may_open(self) and selectors.may_manage(self.request.user, self.person)

    def get_form(self, data: Any = None) -> GovukForm:
        r = self.review
        initial = {
            "hearing_on": r.hearing_on,
            "hearing_type": r.hearing_type,
            "decision": r.decision,
            "decided_on": r.decided_on,
            "version": r.version,
        }
        return HearingForm(data=data, initial=initial)

    @property
    def extra(self) -> dict[str, Any]:
        return {"review": self.review, "rows": presenters.review_rows(self.review, today=today_uk())}

    def save(self, data: dict[str, Any]) -> None:
        services.review_record_hearing(
            actor=self.request.user,
            review=self.review,
            expected_version=data["version"],
            hearing_on=data["hearing_on"],
            hearing_type=data["hearing_type"],
            decision=data.get("decision") or "",
            decided_on=data.get("decided_on"),
            today=today_uk(),
        )
