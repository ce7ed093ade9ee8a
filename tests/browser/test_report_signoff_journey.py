"""A PO signs a dangerousness report naming their senior PO; the senior PO finds it on Decisions,
reads it, countersigns it; the locked report downloads as the court's PDF, without DRAFT. Every page
passes axe and fits a 320 px phone."""

import io
import os

import pytest
from playwright.sync_api import expect
from pypdf import PdfReader

from tests.browser.conftest import axe_violations, manage

pytestmark = pytest.mark.browser
PASSWORD = os.environ.get("DEMO_PASSWORD", "demo-password-1")
ANALYSIS = "He took the bicycle from outside the library to sell it."

SETUP = f"""
import datetime as dt
from probation.accounts.models import User
from probation.court.models import Court
from probation.people.models import Person
from probation.reports.models import Report, ReportRequest
po = User.objects.get(username="po")
spo = User.objects.get(username="spo")
assert spo.staff.team_id == po.staff.team_id
person = Person.objects.filter(officer=po.staff, is_restricted=False, has_exclusions=False).order_by("crn").first()
court = Court.objects.filter(pdu=person.pdu).order_by("code").first() or Court.objects.order_by("code").first()
today = dt.date.today()
request = ReportRequest.objects.create(
    person=person, court=court, type_requested="standard", remand_status="unconditional_bail",
    hearing_date=today, adjourned_to=today + dt.timedelta(days=21), requested_on=today,
    required_by=today + dt.timedelta(days=21), status="allocated", author=po, requested_by=po,
    offences=[{{"code": "TH68010", "wording": "Theft of a pedal cycle"}}],
)
Report.objects.create(
    request=request, report_type="standard", sources=["interview", "cps_summary"],
    offence_analysis={ANALYSIS!r}, proposal="A community order of 12 months with 100 hours of unpaid work.",
    custody_position="below_threshold",
)
print(person.crn, request.pk)
"""


def _checked(page) -> None:
    assert axe_violations(page) == []
    page.set_viewport_size({"width": 320, "height": 640})
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    assert axe_violations(page) == []
    page.set_viewport_size({"width": 1280, "height": 800})


def _sign_in(page, username: str) -> None:
    page.goto("/sign-in")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()


def _pdf_text(response) -> str:
    assert response.status == 200
    assert response.headers["content-type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.body()))
    return " ".join(" ".join(page.extract_text() for page in reader.pages).split())


@pytest.fixture(scope="module")
def report(live_url, live_database):
    manage(live_database, "generate_court_lists", "--days", "2")
    crn, request_id = manage(live_database, "shell", "-c", SETUP).split()[-2:]
    return crn, int(request_id)


def test_po_signs_a_dangerousness_report_and_the_senior_po_countersigns_it(browser, live_url, report):
    crn, request_id = report
    base = f"/cases/{crn}/reports/{request_id}/report"

    po = browser.new_context(base_url=live_url, bypass_csp=True).new_page()
    _sign_in(po, "po")
    po.goto(f"{base}/view")
    expect(po.get_by_role("heading", name="Pre-sentence report")).to_be_visible()
    _checked(po)
    po.get_by_role("link", name="Sign the report").click()
    expect(po.get_by_role("heading", name="Sign the report")).to_be_visible()
    _checked(po)
    po.get_by_role("group", name="Is this a dangerousness report?").get_by_label("Yes").check()
    po.get_by_role("button", name="Sign the report").click()
    expect(po.locator(".govuk-error-summary")).to_contain_text(
        "Select the senior probation officer who reviewed the dangerousness assessment"
    )
    _checked(po)
    po.get_by_label("Senior probation officer").select_option(index=1)
    po.get_by_role("button", name="Sign the report").click()
    expect(po.locator(".govuk-notification-banner")).to_contain_text("to countersign")
    draft = _pdf_text(po.request.get(f"{base}/report.pdf"))
    assert "DRAFT" in draft
    assert ANALYSIS in draft
    po.context.close()

    spo = browser.new_context(base_url=live_url, bypass_csp=True).new_page()
    _sign_in(spo, "spo")
    spo.goto("/work/decisions")
    expect(spo.locator("#reports")).to_contain_text("Reports to countersign (1)")
    _checked(spo)
    spo.get_by_role("link", name="Countersign or return").first.click()
    expect(spo.get_by_role("heading", name="Countersign the report")).to_be_visible()
    _checked(spo)
    spo.get_by_label("Countersign and lock the report").check()
    spo.get_by_role("button", name="Continue").click()
    expect(spo.locator(".govuk-notification-banner")).to_contain_text("Report countersigned and locked")
    _checked(spo)

    link = spo.get_by_role("link", name="Download the report for court (PDF)")
    text = _pdf_text(spo.request.get(link.get_attribute("href")))
    assert "DRAFT" not in text
    assert ANALYSIS in text
    assert crn in text
    spo.context.close()
