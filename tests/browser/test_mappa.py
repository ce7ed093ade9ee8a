"""A practitioner records a MAPPA meeting with an action owned by the police; the police partner
user then sees the meeting and that action but not the minutes. Every page passes axe."""

import datetime as dt
import os
import re
import sqlite3

import pytest
from playwright.sync_api import expect

from probation.core.clock import today_uk
from tests.browser.conftest import axe_violations

pytestmark = pytest.mark.browser
PASSWORD = os.environ.get("DEMO_PASSWORD", "demo-password-1")
MINUTES = "Confidential minutes: disclosure discussed"
ACTION = "Police to visit the home address"
SHARED_CASE = """
    SELECT p.crn FROM people_partnershare s
    JOIN people_person p ON p.id = s.person_id
    JOIN accounts_user partner ON partner.id = s.user_id AND partner.username = 'partner'
    JOIN accounts_user po ON po.username = 'po' AND po.staff_id = p.officer_id
    WHERE p.is_restricted = 0 AND p.has_exclusions = 0
    ORDER BY p.crn LIMIT 1
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


def _shared_crn(live_database) -> str:
    with sqlite3.connect(live_database) as db:
        row = db.execute(SHARED_CASE).fetchone()
    assert row is not None, "the demo data shares some of po's cases with the partner user"
    return row[0]


def _ensure_mappa_flag(page) -> None:
    if page.get_by_text("This person is not MAPPA-managed").count() == 0:
        return
    page.get_by_role("link", name="Add the MAPPA risk flag").click()
    page.get_by_label("MAPPA category").select_option("M2")
    page.get_by_label("MAPPA level").select_option("M2")
    _fill_date(page, "Registration date", today_uk())
    page.get_by_role("button", name="Add registration").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("MAPPA registration added")


def test_practitioner_records_a_meeting_and_the_police_partner_sees_only_their_part(page, live_database):
    crn = _shared_crn(live_database)
    today = today_uk()
    _sign_in(page, "po")
    page.goto(f"/cases/{crn}/mappa")
    expect(page.get_by_role("heading", name="MAPPA", exact=True)).to_be_visible()
    _check_accessible(page)
    _ensure_mappa_flag(page)
    page.goto(f"/cases/{crn}/mappa")

    page.get_by_role("link", name="Record a MAPPA meeting").click()
    expect(page.get_by_role("heading", name="Record a MAPPA meeting")).to_be_visible()
    _check_accessible(page)
    page.get_by_role("button", name="Save meeting").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Select the agencies that attended")
    _check_accessible(page)

    _fill_date(page, "Meeting date", today)
    page.get_by_label("Level 2: multi-agency management").check()
    page.get_by_label("Chair").fill("DI Jane Harper")
    page.get_by_label("Probation", exact=True).check()
    page.get_by_label("Police", exact=True).check()
    page.get_by_label("Minutes or summary").fill(MINUTES)
    page.get_by_label("Decisions").fill("Apply for an exclusion zone")
    _fill_date(page, "Next meeting or review date", today + dt.timedelta(days=30))
    page.get_by_role("button", name="Save meeting").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("MAPPA meeting recorded")
    expect(page.get_by_text(MINUTES)).to_be_visible()
    _check_accessible(page)

    page.get_by_role("link", name=re.compile("^Add an action")).first.click()
    expect(page.get_by_role("heading", name="Add a MAPPA action")).to_be_visible()
    _check_accessible(page)
    page.get_by_label("Action").fill(ACTION)
    page.get_by_label("Owner agency").select_option("Police")
    page.get_by_label("Owner name").fill("PC Ravi Patel")
    _fill_date(page, "Due date", today + dt.timedelta(days=7))
    page.get_by_role("button", name="Add action").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("MAPPA action added")
    expect(page.get_by_text(ACTION).first).to_be_visible()
    _check_accessible(page)

    page.goto("/mappa/actions-due")
    expect(page.get_by_role("heading", name="MAPPA actions due")).to_be_visible()
    expect(page.get_by_role("table", name="Open actions")).to_contain_text(ACTION)
    _check_accessible(page)

    page.context.clear_cookies()
    _sign_in(page, "partner")
    page.goto(f"/cases/{crn}/mappa")
    expect(page.get_by_role("heading", name="MAPPA", exact=True)).to_be_visible()
    expect(page.get_by_text("Level 2: multi-agency management").first).to_be_visible()
    expect(page.get_by_text(ACTION).first).to_be_visible()
    expect(page.get_by_text("Probation, Police").first).to_be_visible()
    expect(page.get_by_text(MINUTES)).to_have_count(0)
    expect(page.get_by_text("DI Jane Harper")).to_have_count(0)
    expect(page.get_by_role("link", name="Record a MAPPA meeting")).to_have_count(0)
    _check_accessible(page)
