"""Writing a pre-sentence report (issue 11 item 4): the author opens the report the court asked for,
finds the record's pre-fill in it, types, waits for the autosave to say "Saved at", reloads and finds
the words saved; a second window's stale save is refused with its message; words typed just before
leaving the page are saved as it goes. The editor passes axe and
fits 320 px."""

import os
import re

import pytest
from playwright.sync_api import expect

from probation.core.clock import today_uk
from tests.browser.conftest import axe_violations, manage

pytestmark = pytest.mark.browser
PASSWORD = os.environ.get("DEMO_PASSWORD", "demo-password-1")

# The demo data has no report requests yet (the resulting helper adds them): make one for po's first
# open case, allocated to po, through the ORM of the live server's database.
MAKE_REQUEST = """
import datetime as dt
from probation.accounts.models import User
from probation.core.clock import today_uk
from probation.court.models import Court
from probation.people.models import Person
from probation.reports.models import ReportRequest
po = User.objects.get(username="po")
person = (
    Person.objects.filter(officer=po.staff, is_restricted=False, has_exclusions=False, partner_shares=None)
    .order_by("crn").first()
)
court = Court.objects.filter(pdu=person.pdu).first() or Court.objects.create(
    code="ZZREPORT", name="Report Magistrates' Court", kind="magistrates", pdu=person.pdu
)
today = today_uk()
request = ReportRequest.objects.create(
    person=person, court=court, offences=[{"code": "TH68010", "wording": "Theft of a pedal cycle"}],
    type_requested="short_format", remand_status="unconditional_bail", hearing_date=today,
    adjourned_to=today + dt.timedelta(days=7), requested_on=today, required_by=today + dt.timedelta(days=5),
    status="allocated", author=po, allocated_on=today, requested_by=po,
)
print(person.crn, request.pk)
"""


@pytest.fixture
def report_url(live_url, live_database) -> str:
    crn, request_id = manage(live_database, "shell", "-c", MAKE_REQUEST).split()[-2:]
    return f"/cases/{crn}/reports/{request_id}/report"


def _sign_in(page, username: str) -> None:
    page.goto("/sign-in")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()


def test_typing_is_saved_without_pressing_save_and_a_stale_window_is_refused(page, report_url):
    _sign_in(page, "po")
    page.goto(report_url)
    expect(page.get_by_role("heading", name="Pre-sentence report", exact=True)).to_be_visible()
    offence = page.get_by_label("Offence analysis")
    expect(offence).to_have_value(
        "Offence: Theft of a pedal cycle (TH68010) (From the court's request of " + _request_day(page) + ")"
    )
    assert axe_violations(page) == []

    rationale = page.get_by_label("Rationale")
    rationale.press_sequentially("He needs help with his drinking.", delay=20)
    expect(page.get_by_text("You have 19,968 characters remaining")).to_be_visible()
    expect(page.locator("[data-autosave-status]")).to_have_text(_saved_at_pattern(), timeout=10_000)

    # A second window opened before that save holds the old version: its save is refused.
    stale = page.context.new_page()
    stale.goto(report_url)
    page.reload()
    expect(page.get_by_label("Rationale")).to_have_value("He needs help with his drinking.")

    page.get_by_label("Rationale").press("Control+End")
    page.get_by_label("Rationale").press_sequentially(" And work.", delay=20)
    expect(page.locator("[data-autosave-status]")).to_have_text(_saved_at_pattern(), timeout=10_000)
    stale.get_by_label("Alternatives considered and rejected").press_sequentially("A fine.", delay=20)
    expect(stale.locator("[data-autosave-status]")).to_have_text(
        "This report was changed in another window. Your changes have not been saved. "
        "Copy anything you need, then reload the report to see the latest version.",
        timeout=10_000,
    )
    page.reload()
    expect(page.get_by_label("Rationale")).to_have_value("He needs help with his drinking. And work.")
    expect(page.get_by_label("Alternatives considered and rejected")).to_have_value("")

    # Leaving the page straight after typing (before the 2-second pause) still saves: pagehide.
    page.get_by_label("Circumstances and needs").press("Control+End")
    page.get_by_label("Circumstances and needs").press_sequentially(" Lives with his mother.", delay=10)
    page.goto("/")
    page.wait_for_timeout(1500)
    page.goto(report_url)
    expect(page.get_by_label("Circumstances and needs")).to_have_value(
        re.compile(r"Lives with his mother\.$")
    )

    page.set_viewport_size({"width": 320, "height": 800})
    assert page.evaluate("document.documentElement.scrollWidth") <= 320


def _saved_at_pattern() -> re.Pattern[str]:
    return re.compile(r"^Saved at \d\d:\d\d$")


def _request_day(page) -> str:
    day = today_uk()
    return f"{day.day} {day:%B %Y}"
