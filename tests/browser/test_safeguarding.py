"""A practitioner opens one of their cases, goes to its safeguarding children page, records a check
with children's services (meeting the empty-form errors first), records the local authority's
response, then records a safeguarding referral. Every page passes axe."""

import datetime as dt
import os
import sqlite3

import pytest
from playwright.sync_api import expect

from probation.core.clock import today_uk
from tests.browser.conftest import axe_violations

pytestmark = pytest.mark.browser
PASSWORD = os.environ.get("DEMO_PASSWORD", "demo-password-1")
COUNCIL = "Leeds City Council"
CONCERN = "Child seen with unexplained bruising at a home visit"
# One of po's cases they may open; the second one, so this journey does not share a case with others.
PO_CASE = """
    SELECT p.crn FROM people_person p
    JOIN accounts_user po ON po.username = 'po' AND po.staff_id = p.officer_id
    WHERE p.is_restricted = 0 AND p.has_exclusions = 0
    ORDER BY p.crn LIMIT 1 OFFSET 1
"""


def _check_accessible(page) -> None:
    assert axe_violations(page) == []


def _sign_in(page, username: str) -> None:
    page.goto("/sign-in")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()


def _fill_date(page, legend: str, value: dt.date) -> None:
    group = page.get_by_role("group", name=legend)
    group.get_by_label("Day").fill(str(value.day))
    group.get_by_label("Month").fill(str(value.month))
    group.get_by_label("Year").fill(str(value.year))


def _po_crn(live_database) -> str:
    with sqlite3.connect(live_database) as db:
        row = db.execute(PO_CASE).fetchone()
    assert row is not None, "the demo data gives po cases they may open"
    return row[0]


def test_practitioner_records_a_check_its_response_and_a_referral(page, live_database):
    crn = _po_crn(live_database)
    today = today_uk()
    _sign_in(page, "po")
    page.goto(f"/cases/{crn}")
    expect(page.get_by_text(crn).first).to_be_visible()
    page.goto(f"/cases/{crn}/safeguarding")
    expect(page.get_by_role("heading", name="Safeguarding children", exact=True)).to_be_visible()
    _check_accessible(page)

    page.get_by_role("link", name="Record a check").click()
    expect(page.get_by_role("heading", name="Record a check with children's services")).to_be_visible()
    _check_accessible(page)
    page.get_by_role("button", name="Save check").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Enter the local authority")
    expect(page.locator(".govuk-error-summary")).to_contain_text("Select how the check was requested")
    _check_accessible(page)

    page.get_by_label("Local authority").fill(COUNCIL)
    _fill_date(page, "Date requested", today)
    page.get_by_label("Email").check()
    page.get_by_label("Reason for the check").fill("Lives with a partner who has two children under 5")
    page.get_by_role("button", name="Save check").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text(
        "Check with children's services recorded"
    )
    expect(page.get_by_text("Awaiting response").first).to_be_visible()
    _check_accessible(page)

    page.get_by_role("link", name=f"Record the response from {COUNCIL}").first.click()
    expect(page.get_by_role("heading", name="Record the response to a check")).to_be_visible()
    _check_accessible(page)
    _fill_date(page, "Response date", today)
    page.get_by_label("Open – child in need").check()
    page.get_by_label("Response details").fill("Open to the children in need team")
    page.get_by_role("button", name="Save response").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("Response recorded")
    expect(page.get_by_text("Open to the children in need team")).to_be_visible()
    _check_accessible(page)

    page.get_by_role("link", name="Record a referral").click()
    expect(page.get_by_role("heading", name="Record a safeguarding referral")).to_be_visible()
    _check_accessible(page)
    _fill_date(page, "Date referred", today)
    page.get_by_label("Multi-agency safeguarding hub (MASH)").check()
    page.get_by_label("Urgent – a decision is needed within one working day").check()
    page.get_by_label("Concern").fill(CONCERN)
    page.get_by_role("button", name="Save referral").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("Safeguarding referral recorded")
    expect(page.get_by_text(CONCERN)).to_be_visible()
    expect(page.get_by_text("Awaiting outcome").first).to_be_visible()
    _check_accessible(page)
