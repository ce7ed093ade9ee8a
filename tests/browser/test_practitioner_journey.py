"""A practitioner signs in, searches, opens a case and edits an address; every page passes axe."""

import os
import re
import sqlite3

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import axe_violations

pytestmark = pytest.mark.browser
PASSWORD = os.environ.get("DEMO_PASSWORD", "demo-password-1")


def _check_accessible(page) -> None:
    assert axe_violations(page) == []


def _sign_in(page, username: str) -> None:
    page.goto("/sign-in")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()


def test_sign_in_page_is_accessible_and_shows_errors(page):
    page.goto("/sign-in")
    _check_accessible(page)

    page.get_by_role("button", name="Sign in").click()

    expect(page.locator(".govuk-error-summary")).to_contain_text("Enter your username")
    expect(page).to_have_title(re.compile("^Error: Sign in"))
    _check_accessible(page)


def test_practitioner_searches_opens_a_case_and_edits_an_address(page):
    _sign_in(page, "po")
    expect(page.get_by_role("heading", name="My cases")).to_be_visible()
    _check_accessible(page)
    first_case = page.locator("tbody tr td a").first
    name = first_case.inner_text()
    surname = name.split(",")[0]

    page.get_by_role("link", name="Search").click()
    page.get_by_label("CRN, PNC number or name").fill(surname.lower())
    page.get_by_role("button", name="Search").click()
    expect(page.get_by_role("link", name=name).first).to_be_visible()
    _check_accessible(page)

    page.get_by_role("link", name=name).first.click()
    expect(page.get_by_role("heading", name="Overview", exact=True)).to_be_visible()
    _check_accessible(page)

    page.locator(".app-case-tabs").get_by_role("link", name="Personal details").click()
    expect(page.get_by_role("heading", name="Personal details")).to_be_visible()
    _check_accessible(page)

    page.get_by_role("link", name="Addresses").click()
    expect(page.get_by_role("heading", name="Addresses")).to_be_visible()
    _check_accessible(page)
    page.locator(".govuk-summary-card__action a").first.click()
    expect(page.get_by_role("heading", name="Change an address")).to_be_visible()
    _check_accessible(page)

    page.get_by_label("Postcode").fill("NOT VALID")
    page.get_by_role("button", name="Save").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Enter a real postcode")
    _check_accessible(page)

    page.get_by_label("Telephone").fill("0113 496 0123")
    page.get_by_label("Postcode").fill("LS1 4AP")
    page.get_by_role("button", name="Save").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("Address saved")
    expect(page.get_by_text("0113 496 0123")).to_be_visible()
    _check_accessible(page)


def _case_excluding(database, username: str) -> str:
    with sqlite3.connect(database) as db:
        (crn,) = db.execute(
            "SELECT p.crn FROM people_person p JOIN people_exclusion e ON e.person_id = p.id "
            "JOIN accounts_user u ON u.id = e.user_id WHERE u.username = ? ORDER BY p.crn LIMIT 1",
            [username],
        ).fetchone()
    return crn


def test_excluded_case_shows_restricted_in_search_and_not_found_when_opened(page, live_database):
    crn = _case_excluding(live_database, "po")
    _sign_in(page, "po")

    page.goto(f"/search?q={crn}")
    expect(page.locator("tr.app-restricted-row")).to_contain_text(crn)
    _check_accessible(page)

    response = page.goto(f"/cases/{crn}/")
    assert response.status == 404
    expect(page.get_by_role("heading", name="Page not found")).to_be_visible()
    _check_accessible(page)


def test_idle_user_is_warned_can_stay_signed_in_and_is_then_signed_out(page):
    page.clock.install()
    _sign_in(page, "po")
    expect(page.get_by_role("heading", name="My cases")).to_be_visible()

    page.clock.fast_forward("28:05")
    dialog = page.get_by_role("dialog")
    expect(dialog).to_contain_text("You’re about to be signed out")
    _check_accessible(page)
    dialog.get_by_role("button", name="Stay signed in").click()
    expect(dialog).to_be_hidden()

    page.clock.fast_forward("30:05")
    expect(page.get_by_role("heading", name="Sign in")).to_be_visible()
    expect(page.get_by_text("You were signed out because you had not used the service")).to_be_visible()
