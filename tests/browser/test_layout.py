"""Layout on a phone and on a desktop: the pages a practitioner uses between visits work at 320 px
with no sideways scrolling (tables stack into label and value rows), and every role's top navigation
fits on one line at 1020 px with room for one more short item. Every page is checked with axe."""

import sqlite3

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import axe_violations
from tests.browser.test_practitioner_journey import _sign_in

pytestmark = pytest.mark.browser

PHONE = {"width": 320, "height": 640}
DESKTOP = {"width": 1020, "height": 800}
ROLES = ["po", "pso", "spo", "admin-case", "court", "vlo", "ap", "partner", "sysadmin"]


def _po_case_and_outstanding_contact(database) -> tuple[str, int, str]:
    """The demo PO's open case with the most contacts, and one of the PO's appointments needing an
    outcome (its case's CRN and the contact's id)."""
    with sqlite3.connect(database) as db:
        (crn,) = db.execute(
            "SELECT p.crn FROM people_person p JOIN accounts_user u ON u.staff_id = p.officer_id "
            "JOIN contacts_contact c ON c.person_id = p.id "
            "WHERE u.username = 'po' AND NOT p.has_exclusions AND NOT p.is_restricted "
            "GROUP BY p.id ORDER BY COUNT(c.id) DESC, p.crn LIMIT 1"
        ).fetchone()
        contact_id, contact_crn = db.execute(
            "SELECT c.id, p.crn FROM contacts_contact c JOIN people_person p ON p.id = c.person_id "
            "JOIN accounts_user u ON u.staff_id = p.officer_id "
            "WHERE u.username = 'po' AND NOT p.has_exclusions AND NOT p.is_restricted "
            "AND c.is_appointment AND c.outcome = '' AND c.cancelled_at IS NULL "
            "AND c.starts_at < datetime('now') ORDER BY c.starts_at DESC LIMIT 1"
        ).fetchone()
    return crn, contact_id, contact_crn


def _assert_fits_a_phone(page, path: str) -> None:
    response = page.goto(path)
    assert response.status == 200, path
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], f"{path} is {width} px wide at 320 px"
    assert axe_violations(page) == [], path


def test_a_practitioners_pages_work_on_a_phone_without_scrolling_sideways(page, live_database):
    crn, contact_id, contact_crn = _po_case_and_outstanding_contact(live_database)
    page.set_viewport_size(PHONE)
    _sign_in(page, "po")
    expect(page.get_by_role("heading", name="My cases")).to_be_visible()

    for path in (
        "/work",
        "/cases/mine",
        "/diary",
        f"/cases/{crn}/",
        f"/cases/{crn}/contacts",
        f"/cases/{contact_crn}/contacts/{contact_id}/outcome",
        "/contacts/outstanding",
    ):
        _assert_fits_a_phone(page, path)


def test_a_managers_team_work_fits_a_phone(page):
    page.set_viewport_size(PHONE)
    _sign_in(page, "spo")

    _assert_fits_a_phone(page, "/work/team")


def _nav_rows(page) -> set[int]:
    """The distinct vertical positions of the navigation's items."""
    return set(
        page.evaluate(
            """() => [...document.querySelector('.govuk-service-navigation__list').children]
                .map(li => Math.round(li.getBoundingClientRect().top))"""
        )
    )


@pytest.mark.parametrize("username", ROLES)
def test_every_roles_navigation_fits_one_line_on_a_desktop(page, username):
    page.set_viewport_size(DESKTOP)
    _sign_in(page, username)
    expect(page.locator(".govuk-service-navigation__list")).to_be_visible()
    assert axe_violations(page) == []

    assert len(_nav_rows(page)) == 1


def test_the_case_tabs_fit_one_line_on_a_desktop(page, live_database):
    crn, _, _ = _po_case_and_outstanding_contact(live_database)
    page.set_viewport_size(DESKTOP)
    _sign_in(page, "po")
    page.goto(f"/cases/{crn}/rosh")

    tabs = page.evaluate(
        "() => [...document.querySelectorAll('.app-case-tabs .moj-sub-navigation__item')]"
        ".map(li => Math.round(li.getBoundingClientRect().top))"
    )
    assert len(tabs) == 6
    assert len(set(tabs)) == 1
    expect(page.locator(".app-case-sections")).to_contain_text("RoSH and RMP")
    assert axe_violations(page) == []
