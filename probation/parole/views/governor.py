"""Reports to prison governors on the case record: the prison's request, then the author's structured
answer, saved and sent (custody-release.md § ROTL, § HDC; open conditions)."""

from functools import cached_property
from typing import Any

from django.urls import reverse

from probation.core.clock import today_uk
from probation.core.errors import NotFound
from probation.frontend.forms import GovukForm
from probation.parole.forms.reviews import GovernorReportForm, GovernorRequestForm
from probation.parole.models import GovernorReport
from probation.parole.presenters import reviews as presenters
from probation.parole.selectors import reviews as selectors
from probation.parole.services import governor as services
from probation.parole.views.reviews import _ParoleForm


class GovernorRequestView(_ParoleForm):
    title = "Record a prison's request for a report to the governor"
    success_message = "Request recorded"

    def get_form(self, data: Any = None) -> GovukForm:
        sentences = [
            (c.pk, selectors.sentence_label(c)) for c in selectors.custody_for_reports(person=self.person)
        ]
        return GovernorRequestForm(
            data=data,
            sentences=sentences,
            authors=selectors.authors_for(person=self.person),
            initial={"author": self.request.user.pk, "requested_on": today_uk()},
        )

    def save(self, data: dict[str, Any]) -> None:
        services.governor_report_request(
            actor=self.request.user,
            person=self.person,
            custody_id=data["custody"],
            kind=data["kind"],
            requested_on=data["requested_on"],
            author=selectors.author_get(data["author"]),
            today=today_uk(),
        )


class GovernorReportView(_ParoleForm):
    page = "governor_report"
    template_name = "parole/governor_form.html"

    @cached_property
    def report(self) -> GovernorReport:
        return selectors.governor_report_get(
            user=self.request.user, person=self.person, report_id=self.kwargs["report_id"]
        )

    def may_open(self) -> bool:
        try:
            report = self.report
        except NotFound:
            return False
        return report.status == "draft" and selectors.may_write(self.request.user, report)

    @property
    def title(self) -> str:  # type: ignore[override]
        return f"Report to the governor: {self.report.get_kind_display()}"

    def get_form(self, data: Any = None) -> GovukForm:
        r = self.report
        initial = {name: getattr(r, name) for name in services.FIELDS} | {"version": r.version}
        return GovernorReportForm(data=data, initial=initial)

    @property
    def extra(self) -> dict[str, Any]:
        return {"rows": presenters.governor_rows(self.report, today=today_uk())}

    def save(self, data: dict[str, Any]) -> None:
        fields = {
            name: data.get(name) or ("" if name != "vlo_consulted_on" else None) for name in services.FIELDS
        }
        report = services.governor_report_save(
            actor=self.request.user,
            report=self.report,
            expected_version=data["version"],
            data=fields,
            send=bool(data.get("send")),
            today=today_uk(),
        )
        self.success_message = "Report sent to the governor" if report.status == "sent" else "Report saved"

    def success_url(self) -> str:
        return reverse("parole:case", args=[self.person.crn])
