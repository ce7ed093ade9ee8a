"""Issue 11's whole journey, from the court list to a sentence on the record.

A court officer imports the morning list, confirms the defendant's record and results the hearing as a
short-format report requested (a "stand-down" report for the afternoon), records the request and
allocates it; the author opens it from My work, finds the risk section pre-filled from the record,
writes the rest, signs and so locks it, and downloads the PDF for court; the court officer imports the
afternoon list, confirms the same defendant and results the case with a community order pre-filled
from the proposal; the senior PO then finds the person on the PDU's unallocated list (the court
officer cannot allocate, so has no unallocated list). axe finds nothing on every page, at desktop
width and at 320 px.

The defendant was last supervised in another PDU and has no officer now (set up below): sentencing at
this court brings the case to the court's PDU, so the unallocated list shows them only afterwards.
"""

import io
import re

import pytest
from playwright.sync_api import expect
from pypdf import PdfReader

from probation.core.clock import today_uk
from tests.browser.conftest import manage
from tests.browser.test_court_journey import HEADER, _checked, _sign_in

pytestmark = pytest.mark.browser

# A person of the court officer's PDU with no officer, a PNC number and a RoSH assessment, moved to
# another PDU as if last supervised there.
SETUP = """
from django.db.models import Exists, OuterRef
from probation.accounts.models import PDU, User
from probation.court.models import Court
from probation.people.models import Person
from probation.risk.models import RoshAssessment
court_user = User.objects.get(username="court")
pdu = court_user.staff.team.pdu
court = Court.objects.filter(pdu=pdu, kind="magistrates", active=True).order_by("code").first()
person = (
    Person.objects.filter(
        pdu=pdu, officer__isnull=True, is_restricted=False, has_exclusions=False, partner_shares=None
    )
    .exclude(pnc_number="")
    .filter(Exists(RoshAssessment.objects.filter(person=OuterRef("pk"))))
    .order_by("crn")
    .first()
)
author = User.objects.get(username="po").staff.name
elsewhere = PDU.objects.exclude(pk=pdu.pk).order_by("code").first()
Person.objects.filter(pk=person.pk).update(pdu=elsewhere, team=None)
print("|".join([court.code, court.name, person.crn, person.pnc_number, person.first_name, person.surname,
                person.date_of_birth.isoformat(), author]))
"""
PROPOSAL = "A community order of 12 months with 100 hours of unpaid work."
ANALYSIS = "He took the bicycle from outside the library to sell it, to pay a debt."


@pytest.fixture(scope="module")
def defendant(live_url, live_database):
    manage(live_database, "generate_court_lists", "--days", "2")
    return manage(live_database, "shell", "-c", SETUP).strip().splitlines()[-1].split("|")


def _list_file(tmp_path, name: str, session: str, listing: int, defendant: list[str]):
    code, _court, _crn, pnc, first_name, surname, born, _author = defendant
    path = tmp_path / name
    path.write_text(
        HEADER
        + f"{code},{today_uk().isoformat()},{session},3,10:00,{listing},{surname.upper()},{first_name},"
        f"{born},{pnc},,,TH68010,Stole a pedal cycle,guilty\n"
    )
    return path


def _import_and_confirm(page, path, listing: int, crn: str) -> None:
    page.goto("/courts")
    page.get_by_role("button", name="Import a court list").click()
    page.get_by_label("Court list file").set_input_files(str(path))
    page.get_by_role("button", name="Import list").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("1 defendant")
    _checked(page)
    page.get_by_role("link", name=f"Check match for listing {listing}").click()
    expect(page.get_by_text("PNC number matches exactly")).to_be_visible()
    _checked(page)
    match = page.locator(".govuk-summary-card", has_text=crn)
    match.get_by_role("button", name="This is the defendant").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("Match confirmed")
    page.get_by_role("link", name="Court duty page for this day").click()
    expect(page.locator(f"#hearing-{_hearing_id(page, listing)}")).to_contain_text(crn)
    _checked(page)


def _hearing_id(page, listing: int) -> str:
    href = page.get_by_role("link", name=f"Result listing {listing}").get_attribute("href")
    return href.rstrip("/").split("/")[-2]


def _fill_date(page, name: str, day) -> None:
    page.locator(f"input[name={name}_0]").fill(str(day.day))
    page.locator(f"input[name={name}_1]").fill(str(day.month))
    page.locator(f"input[name={name}_2]").fill(str(day.year))


def _court_requests_a_report(page, tmp_path, defendant) -> None:
    crn = defendant[2]
    _import_and_confirm(page, _list_file(tmp_path, "morning.csv", "morning", 901, defendant), 901, crn)
    page.get_by_role("link", name="Result listing 901").click()
    expect(page.get_by_role("heading", name="Result for")).to_be_visible()
    _checked(page)
    page.get_by_label("Report requested").check()
    page.get_by_role("button", name="Save").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("Hearing resulted")
    page.get_by_role("link", name="Result listing 901").click()
    page.get_by_role("link", name="Record the court’s report request").click()
    _checked(page)
    page.get_by_label("Short format").check()
    page.get_by_label("Unconditional bail").check()
    _fill_date(page, "adjourned_to", today_uk())
    page.get_by_role("button", name="Record the request").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("Report request recorded")
    _checked(page)
    page.get_by_role("link", name="Allocate an author").click()
    author = page.get_by_label("Author")
    officer = next(t for t in author.locator("option").all_inner_texts() if t.startswith(defendant[7]))
    author.select_option(label=officer)
    page.get_by_role("button", name="Allocate").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("Report allocated")
    _checked(page)


def _author_writes_signs_and_downloads(page, defendant) -> None:
    crn, first_name, surname = defendant[2], defendant[4], defendant[5]
    page.goto("/work")
    page.get_by_role("link", name=crn).first.click()
    expect(page.get_by_role("heading", name="Pre-sentence report", exact=True)).to_be_visible()
    _checked(page)
    risk = page.get_by_label("Risk of serious harm and reoffending")
    expect(risk).to_have_value(
        re.compile(r"Risk of serious harm in the community: .* \(From the RoSH assessment of ")
    )
    page.get_by_label("Interview").check()
    page.get_by_label("Offence analysis").fill(ANALYSIS)
    page.get_by_label("Proposed sentence", exact=True).fill(PROPOSAL)
    page.get_by_label("Community order").check()
    page.get_by_label("Length or operational period (months)").fill("12")
    page.get_by_role("group", name="Requirements proposed").get_by_label("Unpaid work").check()
    page.get_by_label("Unpaid work: hours").fill("100")
    page.get_by_label("Assessed as suitable for unpaid work").check()
    page.get_by_label("Below the custody threshold").check()
    page.get_by_role("button", name="Save draft").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("Draft saved at")
    _checked(page)

    page.get_by_role("link", name="Read the report and sign it").click()
    expect(page.get_by_role("heading", name="Pre-sentence report")).to_be_visible()
    _checked(page)
    page.get_by_role("link", name="Sign the report").click()
    _checked(page)
    page.get_by_role("group", name="Is this a dangerousness report?").get_by_label("No").check()
    page.get_by_role("button", name="Sign the report").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("locked")
    _checked(page)
    link = page.get_by_role("link", name="Download the report for court (PDF)")
    response = page.request.get(link.get_attribute("href"))
    assert response.status == 200
    assert response.headers["content-type"] == "application/pdf"
    body = response.body()
    assert body.startswith(b"%PDF-")
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(body)).pages).split())
    assert f"{first_name} {surname}".lower() in text.lower()
    assert PROPOSAL in text
    assert "DRAFT" not in text


def _court_results_a_community_order(page, tmp_path, defendant) -> None:
    crn = defendant[2]
    _import_and_confirm(page, _list_file(tmp_path, "afternoon.csv", "afternoon", 902, defendant), 902, crn)
    page.get_by_role("link", name="Result listing 902").click()
    page.get_by_label("Probation sentence", exact=True).check()
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_role("heading", name="Probation sentence for")).to_be_visible()
    expect(page.locator(".govuk-inset-text")).to_contain_text(PROPOSAL)
    expect(page.get_by_label("Community order")).to_be_checked()
    expect(page.get_by_label("Length (months)")).to_have_value("12")
    expect(page.get_by_label("Requirement 1", exact=True)).to_have_value("unpaid_work")
    expect(page.get_by_label("Amount ordered").first).to_have_value("100")
    _checked(page)
    page.get_by_label("Main offence", exact=True).fill("04600")
    _fill_date(page, "main_date", today_uk())
    page.get_by_role("button", name="Save the probation sentence").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("Probation sentence recorded")
    _checked(page)


def test_court_list_to_report_to_community_order_on_the_unallocated_list(
    browser, live_url, defendant, tmp_path
):
    crn = defendant[2]
    spo = browser.new_context(base_url=live_url, bypass_csp=True).new_page()
    _sign_in(spo, "spo")
    spo.goto("/work/unallocated")
    expect(spo.locator("main")).not_to_contain_text(crn)

    court = browser.new_context(base_url=live_url, bypass_csp=True).new_page()
    _sign_in(court, "court")
    _court_requests_a_report(court, tmp_path, defendant)

    author = browser.new_context(base_url=live_url, bypass_csp=True).new_page()
    _sign_in(author, "po")
    _author_writes_signs_and_downloads(author, defendant)
    author.context.close()

    _court_results_a_community_order(court, tmp_path, defendant)
    court.context.close()

    spo.reload()
    expect(spo.locator("main")).to_contain_text(crn)
    _checked(spo)
    spo.context.close()
