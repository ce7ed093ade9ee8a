"""A court officer records a report request on a case (an unlawful adjournment first), allocates it
to a probation officer, and reads the requests list and court performance. Every page passes axe and
fits a 320 px phone."""

import datetime as dt
import sqlite3

import pytest
from playwright.sync_api import expect

from tests.browser.test_court_journey import _checked, _sign_in, courts  # noqa: F401 (a fixture)

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def case(courts, live_database):  # noqa: F811
    """The court officer's magistrates' court and the newest person managed in its PDU."""
    with sqlite3.connect(live_database) as db:
        return courts[1], db.execute(
            "SELECT p.crn FROM people_person p JOIN accounts_team t ON t.pdu_id = p.pdu_id "
            "JOIN accounts_staff s ON s.team_id = t.id JOIN accounts_user u ON u.staff_id = s.id "
            "WHERE u.username = 'court' AND NOT p.is_restricted AND NOT p.has_exclusions "
            "ORDER BY p.crn DESC LIMIT 1"
        ).fetchone()[0]


def _fill_date(page, name: str, day: dt.date) -> None:
    page.locator(f"input[name={name}_0]").fill(str(day.day))
    page.locator(f"input[name={name}_1]").fill(str(day.month))
    page.locator(f"input[name={name}_2]").fill(str(day.year))


def test_court_officer_records_and_allocates_a_report_request(page, case):
    court_name, crn = case
    today = dt.date.today()
    _sign_in(page, "court")
    page.goto(f"/cases/{crn}/reports/")
    expect(page.get_by_role("heading", name="Court reports")).to_be_visible()
    _checked(page)

    page.get_by_role("link", name="Record a report request").click()
    page.get_by_label("Court", exact=True).select_option(label=court_name)
    _fill_date(page, "hearing_date", today)
    page.get_by_label("Offences").fill("Theft from a shop")
    page.get_by_label("Short format").check()
    page.get_by_label("Remanded in custody").check()
    _fill_date(page, "adjourned_to", today + dt.timedelta(days=22))
    page.get_by_label("Unpaid work suitability").check()
    page.get_by_role("button", name="Record the request").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("at most 3 weeks")
    _checked(page)

    _fill_date(page, "adjourned_to", today + dt.timedelta(days=7))
    page.get_by_role("button", name="Record the request").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("Report request recorded")
    expect(page.get_by_role("heading", name="Short format report requested by")).to_be_visible()
    _checked(page)

    page.get_by_role("link", name="Allocate an author").click()
    author = page.get_by_label("Author")
    # A probation officer of the court's PDU (a PSO could not take a high RoSH case).
    officers = [t for t in author.locator("option").all_inner_texts() if "(PO," in t or "(SPO," in t]
    assert officers, author.locator("option").all_inner_texts()
    author.select_option(label=officers[0])
    _checked(page)
    page.get_by_role("button", name="Allocate").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("Report allocated")

    page.get_by_role("link", name="Report requests").first.click()
    expect(page.get_by_role("heading", name="Report requests")).to_be_visible()
    _checked(page)
    page.get_by_role("link", name="Court performance").click()
    expect(page.get_by_role("img", name="Reports delivered by the date required, by month")).to_be_visible()
    _checked(page)
