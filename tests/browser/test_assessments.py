"""A practitioner starts a needs assessment, answers three sections, completes it and sees the
severity of each section; every page type passes axe."""

import os

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import axe_violations

pytestmark = pytest.mark.browser
PASSWORD = os.environ.get("DEMO_PASSWORD", "demo-password-1")
ANSWERS = {
    # 2 + 2 + 2 + 1 = 7: severe
    "Accommodation": [
        ("Is the person of no fixed abode or in transient accommodation?", "Yes"),
        ("Suitability of accommodation", "Significant problems"),
        ("Permanence of accommodation", "Significant problems"),
        ("Suitability of the location of accommodation", "Some problems"),
    ],
    # 2: standard
    "Attitudes": [("Pro-criminal attitudes", "Significant problems")],
    # all unknown: not assessed
    "Drug misuse": [("Is the person currently using drugs?", "Unknown")],
}


def _check_accessible(page) -> None:
    assert axe_violations(page) == []


def _sign_in(page, username: str) -> None:
    page.goto("/sign-in")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()


def _open_assessments(page) -> None:
    page.locator(".app-case-tabs").get_by_role("link", name="Assessments").click()
    expect(page.get_by_role("heading", name="Assessments", exact=True)).to_be_visible()


def test_practitioner_completes_a_needs_assessment_and_sees_severities(page):
    _sign_in(page, "po")
    expect(page.get_by_role("heading", name="My cases")).to_be_visible()
    page.locator("tbody tr td a").first.click()
    expect(page.get_by_role("heading", name="Overview", exact=True)).to_be_visible()
    _open_assessments(page)
    _check_accessible(page)

    page.get_by_role("link", name="Start a new assessment").click()
    expect(page.get_by_role("heading", name="Start a needs assessment")).to_be_visible()
    _check_accessible(page)
    blank = page.get_by_label("Start a blank assessment")
    if blank.count():  # the demo case may have a completed assessment already
        blank.check()
    page.get_by_role("button", name="Start assessment").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("Assessment started")
    expect(page.locator(".govuk-task-list")).to_be_visible()
    _check_accessible(page)

    for section, answers in ANSWERS.items():
        page.locator(".govuk-task-list").get_by_role("link", name=section).click()
        expect(page.get_by_role("heading", name=section, exact=True)).to_be_visible()
        _check_accessible(page)
        for question, answer in answers:
            page.get_by_role("group", name=question).get_by_label(answer, exact=True).check()
        page.get_by_role("button", name="Save and return to the assessment").click()
        expect(page.locator(".govuk-notification-banner")).to_contain_text("Section saved")
    status = page.locator(".govuk-task-list__item", has_text="Accommodation")
    expect(status.locator(".govuk-task-list__status")).to_have_text("Completed")
    expect(page.locator(".govuk-task-list__item", has_text="Attitudes")).to_contain_text("In progress")
    expect(page.locator(".govuk-task-list__item", has_text="Relationships")).to_contain_text("Not started")

    page.get_by_role("link", name="Check answers and complete").click()
    expect(
        page.get_by_role("heading", name="Check your answers before completing the assessment")
    ).to_be_visible()
    _check_accessible(page)
    page.get_by_role("button", name="Complete assessment").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("Assessment completed")

    expect(page.get_by_role("heading", name="Needs assessment")).to_be_visible()
    for heading, tag in [
        ("Accommodation", "Severe need"),
        ("Attitudes", "Standard need"),
        ("Drug misuse", "Section not assessed"),
    ]:
        expect(page.locator(f"h2:has-text('{heading}') + p .govuk-tag")).to_have_text(tag)
    _check_accessible(page)

    page.get_by_role("link", name="Back to assessments").click()
    expect(page.locator("tbody")).to_contain_text("Completed")
    _check_accessible(page)
