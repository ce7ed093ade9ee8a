"""Pages that change a case. Forms check shape; services apply the rules and the audit."""

from functools import cached_property
from typing import Any

from django.contrib import messages
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views import View

from probation.accounts.http import AuthenticatedHttpRequest
from probation.accounts.models import Staff
from probation.accounts.policy import Permission, has_permission
from probation.core.errors import ServiceError
from probation.frontend.forms import GovukForm
from probation.people import selectors
from probation.people.duplicates import PossibleMatch
from probation.people.forms.address import AddressEditForm, AddressForm
from probation.people.forms.other import (
    AllocationForm,
    CircumstanceForm,
    DisabilityForm,
    PartnerShareForm,
    SupportingOfficerForm,
)
from probation.people.forms.person import AliasForm, PersonCreateForm, PersonEditForm
from probation.people.models import Person
from probation.people.presenters import allocation_case_summary, duplicate_rows
from probation.people.services import access as access_services
from probation.people.services import address as address_services
from probation.people.services import allocation as allocation_services
from probation.people.services import circumstances as circumstance_services
from probation.people.services import person as person_services
from probation.people.shell import ALLOCATE_CANDIDATES_SLOT, CaseFormView, render_panels
from probation.people.submissions import OnceOnlySubmissionMixin


class PersonEditView(CaseFormView):
    form_class = PersonEditForm
    title = "Change personal details"
    success_message = "Personal details saved"

    def initial(self) -> dict[str, Any]:
        fields = person_services.PERSON_EDITABLE_FIELDS + person_services.EQUALITY_FIELDS
        return {name: getattr(self.person, name) for name in fields} | {"version": self.person.version}

    def save(self, data: dict[str, Any]) -> None:
        version = data.pop("version")
        person_services.person_update(
            actor=self.request.user, crn=self.person.crn, expected_version=version, data=data
        )


class AliasCreateView(OnceOnlySubmissionMixin, CaseFormView):
    form_class = AliasForm
    title = "Add an alias"
    success_message = "Alias added"

    def save(self, data: dict[str, Any]) -> None:
        person_services.alias_create(actor=self.request.user, crn=self.person.crn, data=data)


class AliasDeleteView(CaseFormView):
    def get(self, request: AuthenticatedHttpRequest, crn: str, **kwargs: Any) -> HttpResponse:
        raise Http404

    def post(
        self, request: AuthenticatedHttpRequest, crn: str, alias_id: int = 0, **kwargs: Any
    ) -> HttpResponse:
        person_services.alias_delete(actor=request.user, crn=crn, alias_id=alias_id)
        messages.success(request, "Alias removed")
        return redirect(self.success_url())


class AddressCreateView(OnceOnlySubmissionMixin, CaseFormView):
    form_class = AddressForm
    title = "Add an address"
    section = "addresses"
    success_message = "Address added"

    def save(self, data: dict[str, Any]) -> None:
        address_services.address_create(actor=self.request.user, crn=self.person.crn, data=data)

    def success_url(self) -> str:
        return reverse("people:case-addresses", args=[self.person.crn])


class AddressEditView(AddressCreateView):
    form_class = AddressEditForm
    title = "Change an address"
    success_message = "Address saved"

    def dispatch(self, request: HttpRequest, crn: str, **kwargs: Any) -> HttpResponseBase:
        self.address_id = kwargs["address_id"]
        return super().dispatch(request, crn, **kwargs)

    def initial(self) -> dict[str, Any]:
        address = selectors.address_get(person=self.person, address_id=self.address_id)
        return {name: getattr(address, name) for name in address_services.ADDRESS_FIELDS} | {
            "version": address.version
        }

    def save(self, data: dict[str, Any]) -> None:
        version = data.pop("version")
        address_services.address_update(
            actor=self.request.user,
            crn=self.person.crn,
            address_id=self.address_id,
            expected_version=version,
            data=data,
        )


class CircumstanceCreateView(OnceOnlySubmissionMixin, CaseFormView):
    form_class: type[GovukForm] = CircumstanceForm
    title = "Add a personal circumstance"
    section = "circumstances"
    success_message = "Circumstance added"

    def save(self, data: dict[str, Any]) -> None:
        circumstance_services.circumstance_create(actor=self.request.user, crn=self.person.crn, data=data)

    def success_url(self) -> str:
        return reverse("people:case-circumstances", args=[self.person.crn])


class DisabilityCreateView(CircumstanceCreateView):
    form_class = DisabilityForm
    title = "Add a disability and adjustments"
    success_message = "Disability added"

    def save(self, data: dict[str, Any]) -> None:
        circumstance_services.disability_create(actor=self.request.user, crn=self.person.crn, data=data)


class AllocateView(CaseFormView):
    """The case's tier and RoSH, then each candidate's capacity now and after taking the case and
    whether their grade may hold it (the panel the workload app registers in the slot
    ``allocate-candidates``), then the form with the reason for the choice."""

    permission = Permission.CASE_ALLOCATE
    form_class = AllocationForm
    template_name = "people/case/allocate.html"
    title = "Allocate or transfer this case"
    section = "allocation"
    success_message = "Case allocated"

    def get_form(self, data: Any = None) -> GovukForm:
        return AllocationForm(data=data, officers=self.candidates)

    @cached_property
    def candidates(self) -> QuerySet[Staff]:
        return selectors.allocation_candidates(user=self.request.user)

    @property
    def extra(self) -> dict[str, Any]:
        officers = list(self.candidates)  # the form's choices reuse this evaluated queryset
        return {
            "case_summary": allocation_case_summary(self.person),
            "candidate_panels": render_panels(
                ALLOCATE_CANDIDATES_SLOT, person=self.person, officers=officers
            ),
        }

    def save(self, data: dict[str, Any]) -> None:
        allocation_services.allocation_create(
            actor=self.request.user,
            crn=self.person.crn,
            officer_id=data["officer"].pk,
            reason=data["reason"],
            notes=data["notes"],
            decision_reason=data["decision_reason"],
        )

    def success_url(self) -> str:
        return reverse("people:case-allocation", args=[self.person.crn])


class SupportingOfficerView(CaseFormView):
    """Add a supporting officer; a POST naming ``end`` ends one instead (the Allocation page's
    "End support" buttons). Same permission and scope as allocating."""

    permission = Permission.CASE_ALLOCATE
    title = "Add a supporting officer"
    section = "allocation"
    success_message = "Supporting officer added"

    def get_form(self, data: Any = None) -> GovukForm:
        return SupportingOfficerForm(
            data=data, officers=selectors.allocation_candidates(user=self.request.user)
        )

    def post(self, request: AuthenticatedHttpRequest, crn: str, **kwargs: Any) -> HttpResponse:
        end = request.POST.get("end", "")
        if not end:
            return super().post(request, crn, **kwargs)
        if not end.isdigit():
            raise Http404
        try:
            ended = allocation_services.supporting_officer_end(
                actor=request.user, crn=self.person.crn, supporting_officer_id=int(end)
            )
        except ServiceError:
            return redirect(self.success_url())  # already ended (a stale page): the history shows it
        messages.success(request, f"{ended.staff.name} is no longer a supporting officer")
        return redirect(self.success_url())

    def save(self, data: dict[str, Any]) -> None:
        allocation_services.supporting_officer_add(
            actor=self.request.user, crn=self.person.crn, staff_id=data["staff"].pk, reason=data["reason"]
        )

    def success_url(self) -> str:
        return reverse("people:case-allocation", args=[self.person.crn])


class PersonCreateView(View):
    """Add a person. When they may already be recorded the page lists the possible matches and
    asks why a new record is needed before a CRN is issued (issue 10 item 5)."""

    template_name = "people/person_create.html"
    request: AuthenticatedHttpRequest  # LoginRequiredMiddleware: never anonymous

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        if not has_permission(self.request.user, Permission.PERSON_CREATE) or self.request.user.staff is None:
            raise Http404
        return super().dispatch(request, *args, **kwargs)

    def get(self, request: AuthenticatedHttpRequest) -> HttpResponse:
        return render(request, self.template_name, {"form": PersonCreateForm()})

    def post(self, request: AuthenticatedHttpRequest) -> HttpResponse:
        form = PersonCreateForm(request.POST)
        matches: list[PossibleMatch] = []
        if form.is_valid():
            seen = form.cleaned_data["duplicates_seen"]
            try:
                person: Person = person_services.person_create(
                    actor=request.user,
                    data=form.cleaned_data,
                    duplicate_reason=form.cleaned_data["duplicate_reason"] if seen else None,
                    duplicates_seen=seen,
                )
            except person_services.PossibleDuplicates as duplicates:
                matches = duplicates.check.matches
                form.duplicates_shown([m.person.crn for m in matches])
                if duplicates.reason_missing:
                    form.add_error("duplicate_reason", duplicates.message)
            except ServiceError as error:
                form.add_service_error(error)
            else:
                messages.success(request, f"{person.full_name} added with CRN {person.crn}")
                return redirect("people:case-overview", person.crn)
        return render(request, self.template_name, {"form": form, "matches": duplicate_rows(matches)})


class PartnerShareView(CaseFormView):
    """Share a case with a partner-agency user, e.g. for a MAPPA meeting, until a set date."""

    form_class = PartnerShareForm
    title = "Share this case with a partner agency"
    section = "allocation"
    success_message = "Case shared"

    @property
    def extra(self) -> dict[str, Any]:
        return {"shares": selectors.partner_share_list(person=self.person)}

    def save(self, data: dict[str, Any]) -> None:
        partner = selectors.partner_user_get(username=data["username"].strip())
        if partner is None:
            raise ServiceError("Enter the username of an active partner agency user", field="username")
        access_services.partner_share_grant(
            actor=self.request.user,
            person=self.person,
            partner=partner,
            reason=data["reason"],
            expires_on=data["expires_on"],
        )

    def success_url(self) -> str:
        return reverse("people:case-allocation", args=[self.person.crn])
