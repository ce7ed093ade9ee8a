"""A victim's record: details, choices, the separate contact log and their requests. Victim liaison
staff of the case's region only (views/unit.py); each page showing victim data is audited once."""

from typing import Any

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views import View

from probation.accounts.http import AuthenticatedHttpRequest
from probation.accounts.policy import Permission, has_permission
from probation.audit.models import AuditAction
from probation.audit.services import audit_record
from probation.core.errors import ConflictError, ServiceError
from probation.enforcement.letters import render_pdf
from probation.frontend.forms import GovukForm
from probation.victims.forms import (
    LetterForm,
    ParticipationForm,
    RepresentationForm,
    StatementForm,
    VictimContactForm,
    VictimForm,
)
from probation.victims.models import SchemeCase, Victim, VictimRole
from probation.victims.selectors import scope
from probation.victims.services import letters, representations, victims
from probation.victims.services import messages as messages_service
from probation.victims.views.unit import require_vlo

DETAIL_FIELDS = [
    "role",
    "represents_id",
    "relationship",
    "forename",
    "surname",
    "date_of_birth",
    "address",
    "postcode",
    "phone",
    "email",
    "preferred_method",
    "information_level",
    "interpreter_language",
    "accessibility_needs",
]


def _details(data: dict[str, Any]) -> victims.VictimDetails:
    return victims.VictimDetails(**{name: data[name] for name in DETAIL_FIELDS if name in data})


def _victim_choices(case: SchemeCase, exclude: int | None = None) -> list[tuple[int, str]]:
    return [(v.pk, v.name) for v in case.victims.filter(role=VictimRole.VICTIM).exclude(pk=exclude or 0)]


def _audit_view(request: AuthenticatedHttpRequest, victim: Victim, page: str, **detail: Any) -> None:
    audit_record(
        actor=request.user,
        action=AuditAction.VIEW,
        crn=victim.scheme_case.person.crn,
        object_type=victims.VICTIM,
        object_id=victim.pk,
        detail={"page": page, **detail},
    )


class VictimView(View):
    def get(self, request: AuthenticatedHttpRequest, victim_id: int) -> HttpResponse:
        require_vlo(request)
        victim = scope.victim_get(user=request.user, victim_id=victim_id)
        contacts = list(victim.contacts.select_related("recorded_by", "recorded_by__staff"))
        sent = list(victim.letters.select_related("message"))
        statements = list(victim.statements.all())
        requests = list(victim.representations.order_by("sent_on", "id"))
        representatives = list(victim.representatives.all())
        _audit_view(request, victim, "record", contacts=[c.pk for c in contacts])
        case_open = victim.scheme_case.closed_on is None
        return render(
            request,
            "victims/victim.html",
            {
                "victim": victim,
                "case": victim.scheme_case,
                "contacts": contacts,
                "requests": requests,
                "representatives": representatives,
                "letters": sent,
                "statements": statements,
                "can_manage": case_open and has_permission(request.user, Permission.VICTIM_RECORDS_MANAGE),
            },
        )


class _VictimFormView(View):
    """A form about one victim (or, with ``case_id``, a new victim of a case)."""

    title = ""
    success_message = ""
    form_class: type[GovukForm] = GovukForm
    victim: Victim | None = None
    case: SchemeCase

    def load(self, request: AuthenticatedHttpRequest, **kwargs: Any) -> None:
        require_vlo(request, Permission.VICTIM_RECORDS_MANAGE)
        if "victim_id" in kwargs:
            self.victim = scope.victim_get(user=request.user, victim_id=kwargs["victim_id"])
            self.case = self.victim.scheme_case
        else:
            self.case = scope.scheme_case_get(user=request.user, case_id=kwargs["case_id"])

    def form(self, data: Any = None) -> GovukForm:
        return self.form_class(data=data, initial=self.initial())

    def initial(self) -> dict[str, Any]:
        return {}

    def save(self, data: dict[str, Any]) -> Any:
        raise NotImplementedError

    def back_url(self) -> str:
        if self.victim is not None:
            return reverse("victims:victim", args=[self.victim.pk])
        return reverse("victims:scheme-case", args=[self.case.pk])

    def show(self, request: AuthenticatedHttpRequest, form: GovukForm, conflict: Any = None) -> HttpResponse:
        context = {
            "form": form,
            "title": self.title,
            "back_url": self.back_url(),
            "victim": self.victim,
            "case": self.case,
            "conflict": conflict,
        }
        return render(request, "victims/form.html", context, status=409 if conflict else 200)

    def get(self, request: AuthenticatedHttpRequest, **kwargs: Any) -> HttpResponse:
        self.load(request, **kwargs)
        form = self.form()
        if self.victim is not None:
            page = request.resolver_match.url_name if request.resolver_match else None
            _audit_view(request, self.victim, page or "form")
        return self.show(request, form)

    def post(self, request: AuthenticatedHttpRequest, **kwargs: Any) -> HttpResponse:
        self.load(request, **kwargs)
        form = self.form(request.POST)
        if not form.is_valid():
            return self.show(request, form)
        try:
            saved = self.save(form.cleaned_data)
        except ConflictError as conflict:
            return self.show(request, self.form(), conflict)
        except ServiceError as error:
            form.add_service_error(error)
            return self.show(request, form)
        messages.success(request, self.success_message)
        return redirect(self.success_url(saved))

    def success_url(self, saved: Any) -> str:
        return self.back_url()


class VictimCreateView(_VictimFormView):
    title = "Add a victim or representative"
    success_message = "Victim added"

    def form(self, data: Any = None) -> GovukForm:
        return VictimForm(data=data, victims=_victim_choices(self.case))

    def save(self, data: dict[str, Any]) -> Victim:
        return victims.victim_create(actor=self.request.user, case_id=self.case.pk, details=_details(data))  # type: ignore[arg-type]

    def success_url(self, saved: Any) -> str:
        return reverse("victims:victim", args=[saved.pk])


class VictimEditView(_VictimFormView):
    title = "Change details"
    success_message = "Details saved"

    def form(self, data: Any = None) -> GovukForm:
        assert self.victim is not None
        victim = self.victim
        initial = {name: getattr(victim, name) for name in DETAIL_FIELDS} | {"version": victim.version}
        return VictimForm(data=data, initial=initial, victims=_victim_choices(self.case, exclude=victim.pk))

    def save(self, data: dict[str, Any]) -> Victim:
        assert self.victim is not None
        return victims.victim_update(
            actor=self.request.user,  # type: ignore[arg-type]
            victim_id=self.victim.pk,
            expected_version=data.get("version") or 0,
            details=_details(data),
        )


class ParticipationView(_VictimFormView):
    title = "Opt in, opt out or defer"
    success_message = "Decision saved"
    form_class = ParticipationForm

    def initial(self) -> dict[str, Any]:
        assert self.victim is not None
        return {"version": self.victim.version}

    def save(self, data: dict[str, Any]) -> Victim:
        assert self.victim is not None
        return victims.victim_participation_set(
            actor=self.request.user,  # type: ignore[arg-type]
            victim_id=self.victim.pk,
            expected_version=data["version"],
            participation=data["participation"],
            on=data["on"],
        )


class VictimContactCreateView(_VictimFormView):
    title = "Record a contact with the victim"
    success_message = "Contact recorded"
    form_class = VictimContactForm

    def save(self, data: dict[str, Any]) -> Any:
        assert self.victim is not None
        return victims.victim_contact_record(
            actor=self.request.user,  # type: ignore[arg-type]
            victim_id=self.victim.pk,
            contact_date=data["contact_date"],
            method=data["method"],
            summary=data["summary"],
        )


class RepresentationCreateView(_VictimFormView):
    title = "Send a request to the COM"
    success_message = "Request sent to the COM"
    form_class = RepresentationForm

    def save(self, data: dict[str, Any]) -> Any:
        assert self.victim is not None
        return representations.representation_send(
            actor=self.request.user,  # type: ignore[arg-type]
            victim_id=self.victim.pk,
            kind=data["kind"],
            request=data["request"],
        )


class LetterCreateView(_VictimFormView):
    title = "Send a letter"
    success_message = "Letter sent"
    form_class = LetterForm

    def success_url(self, saved: Any) -> str:
        channel = messages_service.message_channel(
            saved.victim.preferred_method, email=saved.victim.email, phone=saved.victim.phone
        )
        how = {"email": "by email", "sms": "by text message"}.get(channel[0]) if channel else None
        messages.info(
            self.request,
            f"The letter is on its way {how}: its delivery shows under Letters"
            if how
            else "Print the letter from the list of letters and post it",
        )
        return self.back_url()

    def save(self, data: dict[str, Any]) -> Any:
        assert self.victim is not None
        return letters.victim_letter_send(
            actor=self.request.user,  # type: ignore[arg-type]
            victim_id=self.victim.pk,
            kind=data["kind"],
            details=data["details"],
            release_month=data["release_month"],
        )


class LetterPdfView(View):
    def get(self, request: AuthenticatedHttpRequest, letter_id: int) -> HttpResponse:
        require_vlo(request)
        content = letters.letter_content(user=request.user, letter_id=letter_id)
        pdf = render_pdf("victims/letters/letter.html", {"c": content})
        audit_record(
            actor=request.user,
            action=AuditAction.EXPORT,
            crn=content.victim.scheme_case.person.crn,
            object_type=letters.LETTER,
            object_id=content.letter.pk,
            detail={"document": "victim_letter", "kind": content.letter.kind},
        )
        response = HttpResponse(pdf, content_type="application/pdf")
        response["Content-Disposition"] = f'attachment; filename="victim-letter-{content.letter.pk}.pdf"'
        return response


class MessageRetryView(View):
    """Send a failed email or text message again (the victim's page shows the failure)."""

    def post(self, request: AuthenticatedHttpRequest, message_id: int) -> HttpResponse:
        require_vlo(request, Permission.VICTIM_RECORDS_MANAGE)
        try:
            message = messages_service.victim_message_retry(actor=request.user, message_id=message_id)
        except ServiceError as error:
            messages.error(request, error.message)
            victim_id = messages_service.message_victim_id(actor=request.user, message_id=message_id)
            return redirect("victims:victim", victim_id)
        if message.status == "sent":
            messages.success(request, "Message sent")
        else:
            messages.error(
                request, "The message could not be sent again. Try later, or send the letter by post"
            )
        return redirect("victims:victim", message.victim_id)


class StatementCreateView(_VictimFormView):
    title = "Victim personal statement for a parole hearing"
    success_message = "Statement recorded"
    form_class = StatementForm

    def save(self, data: dict[str, Any]) -> Any:
        assert self.victim is not None
        return victims.victim_statement_record(
            actor=self.request.user,  # type: ignore[arg-type]
            victim_id=self.victim.pk,
            hearing=data["hearing"],
            delivery=data["delivery"],
            asks_to_attend=data["asks_to_attend"],
            wishes=data["wishes"],
        )
