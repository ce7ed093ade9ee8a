"""A probation officer records a high RoSH and writes the risk management plan; the RoSH shows in
the case header and on My cases; a senior PO then cannot allocate the case to a PSO. Every page
passes axe."""

import datetime as dt
import os

import pytest
from playwright.sync_api import expect

from probation.core.clock import today_uk
from tests.browser.conftest import axe_violations

pytestmark = pytest.mark.browser
PASSWORD = os.environ.get("DEMO_PASSWORD", "demo-password-1")


def _check_accessible(page) -> None:
    assert axe_violations(page) == []


def _sign_in(page, username: str) -> None:
    page.context.clear_cookies()
    page.goto("/sign-in")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()


def _fill_date(page, legend: str, day: dt.date) -> None:
    group = page.get_by_role("group", name=legend)
    group.get_by_label("Day").fill(str(day.day))
    group.get_by_label("Month").fill(str(day.month))
    group.get_by_label("Year").fill(str(day.year))


def _rate(page, legend: str, level: str) -> None:
    page.get_by_role("group", name=legend).get_by_label(level, exact=True).check()


def test_officer_records_high_rosh_and_plan_then_pso_allocation_is_refused(page):
    _sign_in(page, "po")
    expect(page.get_by_role("heading", name="My cases")).to_be_visible()
    page.locator("tbody tr td a").first.click()
    expect(page.get_by_role("heading", name="Overview", exact=True)).to_be_visible()
    crn = page.url.rstrip("/").rsplit("/", 1)[-1]

    page.goto(f"/cases/{crn}/rosh")
    expect(page.get_by_role("heading", name="RoSH and risk management plan", exact=True)).to_be_visible()
    _check_accessible(page)

    page.get_by_role("link", name="Record a RoSH assessment").click()
    expect(page.get_by_role("heading", name="Record a RoSH assessment")).to_be_visible()
    _check_accessible(page)
    page.get_by_role("button", name="Save RoSH assessment").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text(
        "Select the risk to the public in the community"
    )
    _check_accessible(page)

    _fill_date(page, "Assessment date", today_uk())
    _rate(page, "Risk to children in the community", "Low")
    _rate(page, "Risk to the public in the community", "High")
    _rate(page, "Risk to a known adult in the community", "Medium")
    _rate(page, "Risk to staff in the community", "Low")
    _rate(page, "Risk to prisoners in custody", "Medium")
    page.get_by_label("Nature of the risk").fill("Serious violence when intoxicated")
    page.get_by_label("Who is at risk").fill("Members of the public in licensed premises")
    page.get_by_role("button", name="Save RoSH assessment").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("Overall RoSH: High")
    expect(page.locator(".app-case-header .app-tag-list")).to_contain_text("High RoSH")
    _check_accessible(page)

    page.goto("/cases/mine")
    expect(page.locator("tbody tr", has_text=crn)).to_contain_text("High")
    _check_accessible(page)

    page.goto(f"/cases/{crn}/rosh")
    page.get_by_role("link", name="Write the risk management plan").click()
    expect(page.get_by_role("heading", name="Risk management plan")).to_be_visible()
    _check_accessible(page)
    page.get_by_label("Supervision").fill("Weekly office appointments and home visits")
    page.get_by_label("Monitoring and control").fill("Licence conditions: curfew and exclusion zone")
    page.get_by_label("Interventions and treatment").fill("Alcohol treatment requirement")
    page.get_by_label("Contingency plan").fill("Breach and recall if curfew is broken")
    _fill_date(page, "Next review date", today_uk() + dt.timedelta(days=90))
    page.get_by_role("button", name="Save risk management plan").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("Risk management plan saved")
    expect(page.get_by_text("Versions of the plan")).to_be_visible()
    _check_accessible(page)

    _sign_in(page, "spo")
    page.goto(f"/cases/{crn}/allocate")
    expect(page.get_by_role("heading", name="Allocate or transfer this case")).to_be_visible()
    _check_accessible(page)
    select = page.get_by_label("Responsible officer")
    pso = select.locator("option", has_text="Probation Services Officer").first.get_attribute("value")
    select.select_option(pso)
    page.get_by_label("Workload balancing").check()
    page.get_by_label("Why this officer?").fill("Most capacity in the team")
    page.get_by_role("button", name="Allocate case").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text(
        "Cases with high or very high RoSH must be held by a probation officer"
    )
    _check_accessible(page)
