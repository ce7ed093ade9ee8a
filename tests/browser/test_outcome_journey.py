"""Recording outcomes is quick (issue 10 item 3): a probation officer opens the appointments that need
an outcome, clicks a row's "Record outcome", picks an outcome from its group (each with a hint) and lands
back on the list; the same from My work. Every page passes axe at desktop width and at 320 px."""

import os
import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import axe_violations

pytestmark = pytest.mark.browser
PASSWORD = os.environ.get("DEMO_PASSWORD", "demo-password-1")
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 320, "height": 800}


def _check_accessible_at_both_widths(page, *, fits_phone: bool = True) -> None:
    """axe at desktop width and at 320 px, where the page must not scroll sideways (``fits_phone``)."""
    for size in (DESKTOP, PHONE):
        page.set_viewport_size(size)
        assert axe_violations(page) == [], f"at {size['width']} px"
    if fits_phone:
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"], page.url
    page.set_viewport_size(DESKTOP)


def _sign_in(page, username: str) -> None:
    page.goto("/sign-in")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()


def _record_an_acceptable_absence(page) -> None:
    expect(page.get_by_role("heading", name="Record an outcome")).to_be_visible()
    question = page.get_by_role("group", name="What was the outcome?")
    expect(question.get_by_role("heading", name="Attended")).to_be_visible()
    expect(question.get_by_role("heading", name="Did not attend")).to_be_visible()
    expect(
        page.get_by_text("They did not come and you are waiting for evidence of a reason.")
    ).to_be_visible()
    _check_accessible_at_both_widths(page)
    page.get_by_role("button", name="Save outcome").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Select the outcome")
    _check_accessible_at_both_widths(page)
    page.get_by_role("group", name="Acceptable absence").get_by_role("radio").first.check()
    page.get_by_role("button", name="Save outcome").click()


def test_officer_records_an_outcome_from_the_outstanding_list_and_returns_to_it(page):
    _sign_in(page, "po")
    page.goto("/contacts/outstanding")
    expect(page.get_by_role("heading", name="Appointments that need an outcome")).to_be_visible()
    _check_accessible_at_both_widths(page)
    links = page.get_by_role("link", name=re.compile("^Record outcome"))
    assert links.count() > 0, "the demo officer has appointments that need an outcome"
    href = links.first.get_attribute("href") or ""
    assert href.endswith("?next=%2Fcontacts%2Foutstanding")

    links.first.click()
    _record_an_acceptable_absence(page)

    expect(page).to_have_url(re.compile(r"/contacts/outstanding$"))
    expect(page.locator(".govuk-notification-banner")).to_contain_text("Outcome recorded")
    expect(page.locator(f'a[href="{href}"]')).to_have_count(0)
    _check_accessible_at_both_widths(page)


def test_officer_records_an_outcome_from_my_work_and_returns_to_it(page):
    _sign_in(page, "po")
    page.goto("/work")
    link = page.get_by_role("link", name=re.compile("^Record outcome")).first
    href = link.get_attribute("href") or ""
    assert href.endswith("?next=%2Fwork")

    link.click()
    _record_an_acceptable_absence(page)

    expect(page).to_have_url(re.compile(r"/work$"))
    expect(page.locator(".govuk-notification-banner")).to_contain_text("Outcome recorded")
    expect(page.locator(f'a[href="{href}"]')).to_have_count(0)
