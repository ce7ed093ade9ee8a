"""A practitioner flags a case as very high RoSH and reads why its tier is now protect level A;
every page passes axe."""

import os
import re

import pytest
from playwright.sync_api import expect

from probation.core.clock import today_uk
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


def test_practitioner_adds_very_high_rosh_and_sees_why_the_tier_is_a(page):
    _sign_in(page, "po")
    expect(page.get_by_role("heading", name="My cases")).to_be_visible()
    _check_accessible(page)
    # The second case: the registrations journey uses the first one.
    page.locator("tbody tr td a").nth(1).click()
    expect(page.get_by_role("heading", name="Overview", exact=True)).to_be_visible()
    _check_accessible(page)

    page.get_by_role("link", name="Risk flags").click()
    page.get_by_role("link", name="Add a registration").click()
    page.get_by_label("Very high RoSH (RVHR)").check()
    page.get_by_role("button", name="Continue").click()
    expect(page.get_by_role("heading", name="Add a registration: Very high RoSH")).to_be_visible()
    today = today_uk()
    group = page.get_by_role("group", name="Registration date")
    group.get_by_label("Day").fill(str(today.day))
    group.get_by_label("Month").fill(str(today.month))
    group.get_by_label("Year").fill(str(today.year))
    page.get_by_role("button", name="Add registration").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("Very high RoSH registration added")
    _check_accessible(page)

    # The demo case history gives the case sentences (and perhaps a breach), so the change level and
    # any enforcement points vary; very high RoSH alone makes the protect level A.
    page.locator(".app-case-header").get_by_role("link", name=re.compile(r"^A[0-3]\b")).click()
    expect(page.get_by_role("heading", name="Tier", exact=True)).to_be_visible()
    expect(page.locator("#current-tier")).to_have_text(re.compile(r"^A[0-3]$"))
    breakdown = page.get_by_role("table", name=re.compile(r"^Protect level A: \d+ points"))
    expect(breakdown).to_contain_text("RoSH very high scores 150")
    expect(page.get_by_role("table", name="Tier history")).to_contain_text("Very high RoSH added")
    _check_accessible(page)
