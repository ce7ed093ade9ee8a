"""The prisoner's custody pages on the case record (the case shell, ADR 0017): the overview (key dates
with their breakdown, the handover and responsibility, the pre-release plan) and the forms that change
it. Viewing needs CUSTODY_VIEW and the case through the policy; changing needs CUSTODY_MANAGE in the
case's PDU. Anything refused is the same 404 as a case or record that does not exist."""

from typing import Any

from django.urls import reverse

from probation.accounts.policy import Permission, has_permission
from probation.core.clock import today_uk
from probation.core.errors import NotFound
from probation.custody.forms.custody import (
    ConfirmForm,
    CustodyCreateForm,
    PathwaysForm,
    PrisonDatesForm,
    ReleaseInputsForm,
    ReleasePlanForm,
)
from probation.custody.hooks import AP_REFERRAL_SLOT
from probation.custody.models import CustodyRecord, Pathway, PathwayStatus
from probation.custody.presenters import custody as presenters
from probation.custody.selectors import custody as selectors
from probation.custody.services import key_dates as services
from probation.custody.services import planning
from probation.frontend.forms import GovukForm
from probation.people.shell import CaseFormView, CasePageView, render_panels

SECTION = "custody"


class CustodyOverviewView(CasePageView):
    section = SECTION
    template_name = "custody/overview.html"

    def page_context(self) -> dict[str, Any]:
        records = selectors.custody_records_for_person(user=self.request.user, person=self.person)
        self.shown = [r.pk for r in records]
        today = today_uk()
        officer = self.person.officer
        com = f"{officer.forename} {officer.surname}" if officer else ""
        audit: dict[str, Any] = {}
        self.panel_audit = audit  # the ids the approved-premises panels showed (filled as they render)
        return {
            "records": [
                {
                    "record": r,
                    "inputs": presenters.inputs_rows(r),
                    "dates": presenters.date_rows(r),
                    "status": presenters.dates_status(r),
                    "handover": presenters.handover_rows(r, com=com, today=today),
                    "plan": presenters.plan_rows(r),
                    "pathways": presenters.pathway_rows(r),
                    "missing": presenters.missing(r, vlo_told=None)
                    if r.release_date and not r.released_on
                    else [],
                    "ap_panels": render_panels(AP_REFERRAL_SLOT, audit=audit, person=self.person, custody=r)
                    if r.ap_referral_needed
                    else [],
                }
                for r in records
            ],
            "visits": presenters.visit_rows(
                selectors.visits_for_person(user=self.request.user, person=self.person)
            )
            if records
            else [],
            "can_book": records and has_permission(self.request.user, Permission.CONTACT_MANAGE),
            "can_manage": selectors.can_manage(self.request.user, self.person),
            "can_add": selectors.can_manage(self.request.user, self.person)
            and selectors.custodial_sentences_without_record(person=self.person).exists(),
        }

    def audit_detail(self) -> dict[str, Any]:
        return {"custody": self.shown, **self.panel_audit}


class _CustodyForm(CaseFormView):
    view_permission = Permission.CUSTODY_VIEW
    permission = Permission.CUSTODY_MANAGE
    section = SECTION
    record: CustodyRecord

    def may_open(self) -> bool:
        if not super().may_open():
            return False
        custody_id = self.kwargs.get("custody_id")
        if custody_id is not None:
            try:
                self.record = selectors.custody_get(
                    user=self.request.user, person=self.person, custody_id=custody_id
                )
            except NotFound:
                return False
        return True

    def success_url(self) -> str:
        return reverse("custody:overview", args=[self.person.crn])


def _inputs(data: dict[str, Any]) -> services.ReleaseInputs:
    enhanced = {"yes": True, "no": False}.get(data.get("enhanced_resourcing") or "")
    return services.ReleaseInputs(
        release_type=data["release_type"],
        term_months=data["term_months"],
        term_days=data["term_days"],
        extension_months=data["extension_months"],
        age_at_sentence=data["age_at_sentence"],
        offence_flags=tuple(data.get("offence_flags") or ()),
        hdc_exclusions=tuple(data.get("hdc_exclusions") or ()),
        remand_days=data["remand_days"],
        tagged_bail_days=data["tagged_bail_days"],
        added_days=data["added_days"],
        referred_s244zb=data.get("referred_s244zb", False),
        prison=data.get("prison", ""),
        pom_name=data.get("pom_name", ""),
        early_allocation=data.get("early_allocation", False),
        enhanced_resourcing=enhanced,
        immigration=data.get("immigration", False),
        open_conditions_from=data.get("open_conditions_from"),
    )


class CustodyCreateView(_CustodyForm):
    title = "Add a custody record"
    success_message = "Custody record added: check the proposed key dates"

    def get_form(self, data: Any = None) -> GovukForm:
        sentences = [
            (s.pk, f"{s.get_type_display()} of {s.sentence_date:%-d %B %Y} (event {s.event.number})")
            for s in selectors.custodial_sentences_without_record(person=self.person)
        ]
        return CustodyCreateForm(data=data, sentences=sentences)

    def save(self, data: dict[str, Any]) -> None:
        services.custody_record_create(
            actor=self.request.user, person=self.person, sentence_id=data["sentence"], inputs=_inputs(data)
        )


class CustodyInputsView(_CustodyForm):
    title = "Change the release details"
    success_message = "Release details changed: check the proposed key dates again"

    def get_form(self, data: Any = None) -> GovukForm:
        r = self.record
        initial = {name: getattr(r, name) for name in services.INPUT_FIELDS}
        initial["enhanced_resourcing"] = {True: "yes", False: "no"}.get(r.enhanced_resourcing, "")  # type: ignore[arg-type]
        initial["version"] = r.version
        return ReleaseInputsForm(data=data, initial=initial)

    def save(self, data: dict[str, Any]) -> None:
        services.custody_inputs_update(
            actor=self.request.user,
            person=self.person,
            custody_id=self.record.pk,
            expected_version=data.get("version") or 0,
            inputs=_inputs(data),
        )


class KeyDatesConfirmView(_CustodyForm):
    title = "Confirm the proposed key dates"
    success_message = "Key dates confirmed"
    template_name = "custody/confirm.html"

    def get_form(self, data: Any = None) -> GovukForm:
        return ConfirmForm(data=data, initial={"version": self.record.version})

    @property
    def extra(self) -> dict[str, Any]:
        return {"dates": presenters.date_rows(self.record), "steps": self.record.steps}

    def save(self, data: dict[str, Any]) -> None:
        services.key_dates_confirm(
            actor=self.request.user,
            person=self.person,
            custody_id=self.record.pk,
            expected_version=data["version"],
        )


class PrisonDatesView(_CustodyForm):
    title = "Record the prison's dates"
    success_message = "The prison's dates recorded"

    def get_form(self, data: Any = None) -> GovukForm:
        r = self.record
        initial = {n: getattr(r, n) for n in services.PRISON_FIELDS} | {
            "reason": r.difference_reason,
            "version": r.version,
        }
        return PrisonDatesForm(data=data, initial=initial)

    def save(self, data: dict[str, Any]) -> None:
        services.prison_dates_record(
            actor=self.request.user,
            person=self.person,
            custody_id=self.record.pk,
            expected_version=data["version"],
            dates={n: data.get(n) for n in services.PRISON_FIELDS},
            reason=data.get("reason", ""),
        )


class ReleasePlanView(_CustodyForm):
    title = "Release plan"
    success_message = "Release plan saved"

    def get_form(self, data: Any = None) -> GovukForm:
        r = self.record
        initial = {
            "release_address": r.release_address,
            "release_night": r.release_night,
            "ap_referral_needed": r.ap_referral_needed,
            "version": r.version,
        }
        return ReleasePlanForm(data=data, initial=initial)

    def save(self, data: dict[str, Any]) -> None:
        plan = planning.ReleasePlan(
            release_address=data.get("release_address", ""),
            release_night=data.get("release_night", ""),
            ap_referral_needed=data.get("ap_referral_needed", False),
        )
        planning.release_plan_update(
            actor=self.request.user,
            person=self.person,
            custody_id=self.record.pk,
            expected_version=data["version"],
            plan=plan,
        )


class PathwaysView(_CustodyForm):
    title = "Resettlement pathways"
    success_message = "Resettlement pathways saved"

    def get_form(self, data: Any = None) -> GovukForm:
        statuses = {p.pathway: p.status for p in self.record.pathways.all()}
        initial = {v: statuses.get(v, PathwayStatus.NOT_STARTED) for v in Pathway.values}
        return PathwaysForm(data=data, initial=initial | {"version": self.record.version})

    def save(self, data: dict[str, Any]) -> None:
        planning.pathways_update(
            actor=self.request.user,
            person=self.person,
            custody_id=self.record.pk,
            expected_version=data["version"],
            statuses={v: data[v] for v in Pathway.values},
        )
