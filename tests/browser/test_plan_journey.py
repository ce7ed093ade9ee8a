"""Agreeing a sentence plan with two goals (issue 12 item 1): the practitioner opens the person's plan,
writes a goal in the person's words with a step, saves, adds a second goal whose step a partner agency
does, records that the person agrees, and finds the answer and the first version in the history. The
plan page passes axe and fits 320 px."""

import os

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import axe_violations, manage

pytestmark = pytest.mark.browser
PASSWORD = os.environ.get("DEMO_PASSWORD", "demo-password-1")

FIND_CASE = """
from probation.accounts.models import User
from probation.people.models import Person
from probation.plans.models import Plan
po = User.objects.get(username="po")
person = (
    Person.objects.filter(officer=po.staff, is_restricted=False, has_exclusions=False, partner_shares=None)
    .exclude(pk__in=Plan.objects.values("person_id")).order_by("crn").first()
)
print(person.crn)
"""


@pytest.fixture
def plan_url(live_url, live_database) -> str:
    crn = manage(live_database, "shell", "-c", FIND_CASE).split()[-1]
    return f"/cases/{crn}/plan"


def _sign_in(page, username: str) -> None:
    page.goto("/sign-in")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()


def _goal(page, index: int, title: str, area: str, step: str, actor: str) -> None:
    page.locator(f"#goal-{index}-title").fill(title)
    page.locator(f"#goal-{index}-area").select_option(label=area)
    page.locator(f"#goal-{index}-target").select_option(index=2)  # 6 months from today
    page.locator(f"#goal-{index}-step-0-description").fill(step)
    page.locator(f"#goal-{index}-step-0-actor").select_option(label=actor)


def test_a_practitioner_agrees_a_plan_with_two_goals(page, plan_url):
    _sign_in(page, "po")
    page.goto(plan_url)
    expect(page.get_by_role("heading", name="Sentence plan", exact=True)).to_be_visible()
    assert axe_violations(page) == []

    _goal(
        page,
        0,
        "I want a place of my own",
        "Accommodation",
        "Register with the council",
        "The person on probation",
    )
    page.get_by_role("button", name="Save the plan").click()
    expect(page.get_by_text("Plan saved at")).to_be_visible()
    _goal(page, 1, "Cut down my drinking", "Alcohol use", "Alcohol awareness sessions", "Partnership agency")
    page.get_by_role("button", name="Save the plan").click()
    expect(page.locator("#goal-1-title")).to_have_value("Cut down my drinking")
    assert axe_violations(page) == []
    page.set_viewport_size({"width": 320, "height": 800})
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    page.set_viewport_size({"width": 1280, "height": 800})

    page.get_by_role("link", name="Record the person's answer").click()
    expect(page.get_by_text("I want a place of my own")).to_be_visible()
    assert axe_violations(page) == []
    page.get_by_label("Yes, they agree").check()
    page.get_by_role("button", name="Save the answer").click()

    expect(page.get_by_text("Answer recorded and this version of the plan kept")).to_be_visible()
    expect(page.get_by_text("(version 1)")).to_be_visible()
    page.get_by_role("link", name="Earlier versions and what changed (1)").click()
    expect(page.get_by_text("Version 1:")).to_be_visible()
    expect(page.get_by_text("Cut down my drinking: Goal added")).to_be_visible()
    assert axe_violations(page) == []
