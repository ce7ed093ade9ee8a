"""A person's drug and alcohol tests (issue 12 item 5): the list with trends, chart and schedules;
recording a test; one test with its history; its laboratory result; the officer's decision.
Thin views: the case shell loads the person through the policy and audits each page once."""

from typing import Any

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from probation.accounts.http import AuthenticatedHttpRequest
from probation.contacts.times import local
from probation.core.clock import today_uk
from probation.core.errors import ConflictError, NotFound, ServiceError
from probation.drug_testing.forms.records import DecisionForm, DrugTestForm, LabResultForm
from probation.drug_testing.models import DrugTest
from probation.drug_testing.presenters.records import (
    drr_schedules,
    drug_test_rows,
    monitoring,
    month_rows,
    results_chart,
    trend,
)
from probation.drug_testing.presenters.test import basis_choices, test_summary
from probation.drug_testing.selectors.bases import abstinence_requirements, drr_requirements
from probation.drug_testing.selectors.records import drug_test_get, drug_test_list
from probation.drug_testing.services.access import Writer, may_decide, writer_for
from probation.drug_testing.services.decisions import drug_test_decide
from probation.drug_testing.services.records import drug_test_record, drug_test_record_lab_result
from probation.people.shell import CasePageView
from probation.rules.drug_testing.bases import Basis
from probation.rules.drug_testing.results import ResultState, decisions_for


class DrugTestsView(CasePageView):
    section = "drug-tests"
    person_details = False
    template_name = "drug_testing/tests.html"

    def page_context(self) -> dict[str, Any]:
        today = today_uk()
        tests = list(drug_test_list(person=self.person))
        months = month_rows(tests, today=today)
        self.shown = [t.pk for t in tests]
        return {
            "rows": drug_test_rows(tests),
            "trend": trend(tests),
            "months": months,
            "chart": results_chart(months),
            "schedules": drr_schedules(drr_requirements(self.person), tests, today=today),
            "monitoring": monitoring(abstinence_requirements(self.person), today=today),
            "may_record": writer_for(self.request.user, self.person) is not None,
        }

    def audit_detail(self) -> dict[str, Any]:
        return {"drug_tests": self.shown}


class DrugTestRecordView(CasePageView):
    section = "drug-tests"
    page = "record"
    person_details = False
    template_name = "drug_testing/record.html"

    def may_open(self) -> bool:
        self.writer = writer_for(self.request.user, self.person)
        return self.writer is not None

    def form(self, data: Any = None) -> DrugTestForm:
        only_ap = self.writer is Writer.APPROVED_PREMISES
        return DrugTestForm(data=data, bases=basis_choices(self.person, only_ap=only_ap))

    def page_context(self, form: DrugTestForm | None = None) -> dict[str, Any]:
        return {"form": form or self.form()}

    def post(self, request: AuthenticatedHttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        form = self.form(request.POST)
        if form.is_valid():
            try:
                test = drug_test_record(
                    actor=request.user,
                    crn=self.person.crn,
                    data=form.to_input(),
                    submission_key=form.cleaned_data["submission_key"],
                )
            except ServiceError as error:
                form.add_service_error(error)
            else:
                messages.success(request, "Test recorded")
                return redirect("drug_testing:test", self.person.crn, test.pk)
        return render(request, self.template_name, self.case_context() | self.page_context(form))


class _OneTestView(CasePageView):
    section = "drug-tests"
    person_details = False
    test: DrugTest

    def may_open(self) -> bool:
        try:
            self.test = drug_test_get(person=self.person, test_id=self.kwargs["test_id"])
        except NotFound:
            return False
        return True

    def audit_object(self) -> tuple[str, object]:
        return "drug_test", self.test.pk

    def test_url(self) -> str:
        return reverse("drug_testing:test", args=[self.person.crn, self.test.pk])


class DrugTestView(_OneTestView):
    page = "test"
    template_name = "drug_testing/test.html"

    def page_context(self) -> dict[str, Any]:
        writer = writer_for(self.request.user, self.person)
        state = ResultState(self.test.state)
        ap_only = writer is Writer.APPROVED_PREMISES and self.test.basis != Basis.APPROVED_PREMISES
        return {
            "test": self.test,
            "summary": test_summary(self.test),
            "may_update": writer is not None
            and not ap_only
            and not self.test.decision
            and not (self.test.refused or self.test.tampered),
            "may_decide": bool(decisions_for(state, Basis(self.test.basis)))
            and not self.test.decision
            and may_decide(self.request.user, self.person),
        }


class DrugTestLabResultView(_OneTestView):
    page = "lab-result"
    template_name = "drug_testing/form.html"
    title = "Laboratory result"

    def may_open(self) -> bool:
        if not super().may_open():
            return False
        writer = writer_for(self.request.user, self.person)
        if writer is Writer.APPROVED_PREMISES:
            return self.test.basis == Basis.APPROVED_PREMISES
        return writer is not None

    def form(self, data: Any = None) -> LabResultForm:
        test = self.test
        results = {r.substance: r for r in test.results.all()}
        initial: dict[str, Any] = {
            "version": test.version,
            "lab_reference": test.lab_reference,
            "dispatched_on": test.dispatched_on,
            "received_on": test.lab_received_on,
            "result_on": test.result_on,
            "admitted": test.admitted_substances,
            "explained": test.explained_substances,
            "verification_notes": test.verification_notes,
            "chain_broken_reason": test.chain_broken_reason,
        }
        for name, row in results.items():
            initial |= {f"screening_{name}": row.screening, f"confirmation_{name}": row.confirmation}
            initial[f"cutoff_{name}"] = row.cutoff
        return LabResultForm(data=data, initial=initial, substances=sorted(results))

    def page_context(self, form: Any = None, conflict: ConflictError | None = None) -> dict[str, Any]:
        return {
            "form": form or self.form(),
            "title": self.title,
            "test": self.test,
            "taken_at": local(self.test.taken_at),
            "back_url": self.test_url(),
            "conflict": conflict,
        }

    def save(self, form: Any) -> None:
        drug_test_record_lab_result(
            actor=self.request.user,
            crn=self.person.crn,
            test_id=self.test.pk,
            expected_version=form.cleaned_data["version"],
            data=form.to_input(),
        )

    def post(self, request: AuthenticatedHttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        form = self.form(request.POST)
        if form.is_valid():
            try:
                self.save(form)
            except ConflictError as conflict:
                context = self.page_context(self.form(), conflict)
                return render(request, self.template_name, self.case_context() | context, status=409)
            except ServiceError as error:
                form.add_service_error(error)
            else:
                messages.success(request, f"{self.title} saved")
                return redirect(self.test_url())
        return render(request, self.template_name, self.case_context() | self.page_context(form))


class DrugTestDecideView(DrugTestLabResultView):
    page = "decision"
    title = "Decision on a positive test"

    def may_open(self) -> bool:
        # Open while the result asks for a decision, even once made: a second officer posting is told
        # who decided (the service's refusal), not shown a missing page.
        return (
            _OneTestView.may_open(self)
            and may_decide(self.request.user, self.person)
            and bool(decisions_for(ResultState(self.test.state), Basis(self.test.basis)))
        )

    def form(self, data: Any = None) -> DecisionForm:  # type: ignore[override]
        decisions = decisions_for(ResultState(self.test.state), Basis(self.test.basis))
        return DecisionForm(data=data, initial={"version": self.test.version}, decisions=decisions)

    def save(self, form: Any) -> None:
        drug_test_decide(
            actor=self.request.user,
            crn=self.person.crn,
            test_id=self.test.pk,
            expected_version=form.cleaned_data["version"],
            decision=form.cleaned_data["decision"],
            notes=form.cleaned_data["notes"],
        )
