"""A court officer, with no case record yet, scores OGRS3: the empty form shows the error summary,
valid answers show the score and band; every state passes axe."""

import os
import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import axe_violations

pytestmark = pytest.mark.browser
PASSWORD = os.environ.get("DEMO_PASSWORD", "demo-password-1")


@pytest.fixture
def page(browser, live_url):
    """conftest's page, but with CSP bypassed: the service's nonce-only script-src otherwise blocks
    the axe script that axe_violations injects. Drop this once conftest's context sets bypass_csp."""
    context = browser.new_context(base_url=live_url, bypass_csp=True)
    page = context.new_page()
    yield page
    context.close()


def _sign_in(page, username: str) -> None:
    page.goto("/sign-in")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()


def _fill_date(page, legend: str, day: str, month: str, year: str) -> None:
    group = page.get_by_role("group", name=legend)
    group.get_by_label("Day").fill(day)
    group.get_by_label("Month").fill(month)
    group.get_by_label("Year").fill(year)


def test_court_officer_scores_ogrs3_without_a_case(page):
    _sign_in(page, "court")
    page.goto("/risk/calculators")
    expect(page.get_by_role("heading", name="Risk calculators")).to_be_visible()
    assert axe_violations(page) == []

    page.get_by_role("link", name="OGRS3 calculator").click()
    expect(page.get_by_role("heading", name="OGRS3 calculator")).to_be_visible()
    assert axe_violations(page) == []

    page.get_by_role("button", name="Calculate").click()
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_contain_text("Select a gender")
    expect(summary).to_contain_text("Enter the date of birth")
    expect(page).to_have_title(re.compile("^Error: OGRS3 calculator"))
    assert axe_violations(page) == []

    summary.get_by_role("link", name="Select a gender").click()
    expect(page.get_by_label("Male", exact=True)).to_be_focused()

    page.get_by_label("Male", exact=True).check()
    _fill_date(page, "Date of birth", "1", "1", "1990")
    _fill_date(page, "Date of current conviction", "1", "1", "2020")
    _fill_date(page, "Start of follow-up", "1", "2", "2020")
    page.get_by_label("Current offence code").fill("02700")
    page.get_by_label("Total sanctions").fill("5")
    page.get_by_label("Age at first sanction").fill("16")
    page.get_by_role("button", name="Calculate").click()

    result = page.locator("#result")
    expect(result.get_by_role("heading", name="OGRS3 result")).to_be_visible()
    expect(result).to_contain_text("2-year proven reoffending")
    expect(result).to_contain_text("51%")
    expect(result.locator(".govuk-tag")).to_have_text("Medium")
    expect(page.locator(".govuk-error-summary")).to_have_count(0)
    assert axe_violations(page) == []


def test_every_calculator_page_is_accessible(page):
    _sign_in(page, "po")
    for slug in ("ogrs3", "ogp", "ovp", "osp-dc", "osp-iic", "snsv", "rsr"):
        page.goto(f"/risk/calculators/{slug}")
        expect(page.get_by_role("button", name="Calculate")).to_be_visible()
        assert axe_violations(page) == [], slug
