"""A practitioner adds a risk flag, sees it in the case header, reviews it and deregisters it; every
page passes axe."""

import os
import re

import pytest
from playwright.sync_api import expect

from probation.core.clock import today_uk
from tests.browser.conftest import axe_violations

pytestmark = pytest.mark.browser
PASSWORD = os.environ.get("DEMO_PASSWORD", "demo-password-1")
# Tried in order: the first one the case does not already have is added (the demo data may flag it).
CANDIDATES = [("MAPP", "MAPPA"), ("WEAP", "Weapons"), ("STRG", "Street gangs"), ("RSTO", "Restraining order")]


def _check_accessible(page) -> None:
    assert axe_violations(page) == []


def _sign_in(page, username: str) -> None:
    page.goto("/sign-in")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()


def _fill_date(page, legend: str) -> None:
    today = today_uk()
    group = page.get_by_role("group", name=legend)
    group.get_by_label("Day").fill(str(today.day))
    group.get_by_label("Month").fill(str(today.month))
    group.get_by_label("Year").fill(str(today.year))


def test_practitioner_adds_reviews_and_deregisters_a_risk_flag(page):
    _sign_in(page, "po")
    expect(page.get_by_role("heading", name="My cases")).to_be_visible()
    page.locator("tbody tr td a").first.click()
    expect(page.get_by_role("heading", name="Overview", exact=True)).to_be_visible()

    page.get_by_role("link", name="Risk flags").click()
    expect(page.get_by_role("heading", name="Risk flags")).to_be_visible()
    _check_accessible(page)
    active = page.locator("table").first.inner_text()
    code, description = next((c, d) for c, d in CANDIDATES if not re.search(rf"\b{c}\b", active))

    page.get_by_role("link", name="Add a registration").click()
    expect(page.get_by_role("heading", name="Add a registration")).to_be_visible()
    _check_accessible(page)
    page.get_by_role("button", name="Continue").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Select the type of registration")
    _check_accessible(page)

    page.get_by_label(f"{description} ({code})").check()
    page.get_by_role("button", name="Continue").click()
    expect(page.get_by_role("heading", name=f"Add a registration: {description}")).to_be_visible()
    _check_accessible(page)
    tag = description
    if code == "MAPP":
        page.get_by_label("MAPPA category").select_option("M2")
        page.get_by_label("MAPPA level").select_option("M2")
        tag = "MAPPA level 2, category 2"
    _fill_date(page, "Registration date")
    page.get_by_label("Notes").fill("Added in the browser journey")
    page.get_by_role("button", name="Add registration").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text(f"{description} registration added")
    header_tags = page.locator(".app-case-header .app-tag-list")
    expect(header_tags).to_contain_text(tag)
    _check_accessible(page)

    page.get_by_role("link", name=f"Review {description}", exact=True).click()
    expect(page.get_by_role("heading", name="Review a registration")).to_be_visible()
    _check_accessible(page)
    _fill_date(page, "Review date")
    page.get_by_label("Notes").fill("Reviewed with the person")
    page.get_by_role("button", name="Record review").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("Review recorded. Next review due")
    _check_accessible(page)

    page.locator("#main-content").get_by_role("link", name=description, exact=True).click()
    expect(page.get_by_role("table", name="Reviews")).to_contain_text("Reviewed with the person")
    _check_accessible(page)
    page.get_by_role("link", name="Deregister").click()
    expect(page.get_by_role("heading", name="Deregister")).to_be_visible()
    _fill_date(page, "Deregistration date")
    page.get_by_label("Reason for deregistering").fill("Risk reduced")
    page.get_by_role("button", name="Deregister").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text(f"{description} registration ended")
    expect(page.get_by_role("table", name="Deregistered")).to_contain_text("Risk reduced")
    expect(page.locator(".app-case-header")).not_to_contain_text(tag)
    _check_accessible(page)


def test_reviews_due_page_is_accessible(page):
    _sign_in(page, "po")
    page.goto("/risk/reviews-due")

    expect(page.get_by_role("heading", name="Registration reviews due")).to_be_visible()
    _check_accessible(page)
