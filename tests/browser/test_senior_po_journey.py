"""A senior PO's day starts with their decisions: they sign in and land on Decisions, which lists a
recall recommendation awaiting their decision (built here with the factories, not taken from the demo
data); the link opens the decision form, and they decide. They also transfer a case to a team in
another PDU, leaving the officer to that team's manager, who finds it on their Decisions page. Every
page passes axe and fits 320 px."""

import json
import secrets
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import axe_violations, manage

pytestmark = pytest.mark.browser
PASSWORD = "senior-po-journey-passphrase"


def build(password: str, tag: str) -> dict[str, str]:
    """In the live server's database: a team with a senior PO and a PO, and a case of the PO's on
    licence whose recall the PO has recommended. Runs in a ``manage.py shell`` on that database."""
    from probation.accounts.tests.factories import PDUFactory, StaffFactory, TeamFactory, UserFactory
    from probation.core.clock import now
    from probation.enforcement.services.recall import RecallRecommendation, recall_recommend, recall_start
    from probation.enforcement.tests.test_breach_workflow_data import licence_for
    from probation.people.models import Allocation
    from probation.people.tests.factories import PersonFactory

    # Each journey builds in a fresh process: start the factories' sequences (usernames, event
    # numbers) where no earlier journey on this database left them.
    for made in (UserFactory, PDUFactory, TeamFactory, StaffFactory):
        made.reset_sequence(int(tag) * 100)

    team = TeamFactory(
        code=f"J{tag}", name="Journey team", pdu=PDUFactory(code=f"J{tag}", name="Journey PDU")
    )
    spo = UserFactory(
        username=f"spo-{tag}", role="senior_po", staff=StaffFactory(code=f"JS{tag}", team=team, grade="SPO")
    )
    spo.set_password(password)
    spo.save()
    po = UserFactory(
        username=f"po-{tag}", role="practitioner", staff=StaffFactory(code=f"JP{tag}", team=team, grade="PO")
    )
    person = PersonFactory(crn=f"Y{tag}", officer=po.staff, first_name="Dale", surname="Journeyman")
    licence = licence_for(person)
    recall = recall_start(
        actor=po,
        crn=person.crn,
        sentence_id=licence.sentence_id,
        circumstances="Left the address",
        emergency=False,
    )
    recall_recommend(
        actor=po,
        crn=person.crn,
        recall_id=recall.pk,
        expected_version=1,
        answers=RecallRecommendation(
            condition_ids=[licence.conditions.order_by("ordinal")[4].pk],
            alternatives=["warning"],
            alternatives_notes="",
            charged_with_new_offence=False,
            referred_to_parole_board=False,
            victims_in_contact_scheme=False,
            recommendation="recall",
            recommended_type="fixed_term",
            reason="Whereabouts unknown for a week",
        ),
    )
    receiving = TeamFactory(code=f"K{tag}", name=f"Receiving team {tag}", pdu=PDUFactory(code=f"K{tag}"))
    other_spo = UserFactory(
        username=f"spo2-{tag}",
        role="senior_po",
        staff=StaffFactory(code=f"KS{tag}", team=receiving, grade="SPO"),
    )
    other_spo.set_password(password)
    other_spo.save()
    StaffFactory(code=f"KP{tag}", team=receiving, grade="PO", forename="Rhian", surname="Receiver")
    moving = PersonFactory(crn=f"W{tag}", officer=po.staff, first_name="Mo", surname="Mover")
    Allocation.objects.create(person=moving, team=team, officer=po.staff, started_at=now(), reason="initial")
    return {
        "username": spo.username,
        "crn": person.crn,
        "receiving_username": other_spo.username,
        "receiving_team": receiving.name,
        "moving_crn": moving.crn,
    }


@pytest.fixture
def journey(live_url: str, live_database: Path) -> dict[str, str]:
    tag = f"{secrets.randbelow(10**6):06d}"
    code = (
        "import json; from tests.browser.test_senior_po_journey import build; "
        f"print(json.dumps(build({PASSWORD!r}, {tag!r})))"
    )
    return json.loads(manage(live_database, "shell", "-c", code).strip().splitlines()[-1])


def _check(page) -> None:
    assert axe_violations(page) == []
    page.set_viewport_size({"width": 320, "height": 800})
    # What sticks out past 320 px, to name it if the page scrolls sideways.
    wide = page.evaluate(
        "() => [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > 321)"
        ".slice(0, 8).map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right))"
    )
    assert page.evaluate("document.documentElement.scrollWidth") <= 320, wide
    page.set_viewport_size({"width": 1280, "height": 800})


def _sign_in(page, username: str) -> None:
    page.context.clear_cookies()
    page.goto("/sign-in")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()


def test_a_senior_po_lands_on_decisions_and_decides_a_recall(page, journey):
    _sign_in(page, journey["username"])

    expect(page.get_by_role("heading", name="Decisions", exact=True)).to_be_visible()
    expect(page.get_by_role("navigation", name="Menu").get_by_role("link").first).to_have_text("Decisions")
    expect(page.get_by_role("heading", name="Recall recommendations to decide (1)")).to_be_visible()
    _check(page)

    page.get_by_role("link", name=f"Decide on the recall for JOURNEYMAN, Dale ({journey['crn']})").click()
    expect(page.get_by_role("heading", name="Decide on the recall")).to_be_visible()
    _check(page)
    page.get_by_role("radio", name="Recall", exact=True).check()
    page.get_by_role("radio", name="Fixed-term", exact=False).first.check()
    page.get_by_label("Rationale for the decision").fill("Whereabouts unknown: recall agreed.")
    page.get_by_role("button", name="Record decision").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("Recall decision recorded")

    page.get_by_role("link", name="Decisions", exact=True).first.click()
    expect(page.get_by_role("heading", name="Recall recommendations to decide (0)")).to_be_visible()
    _check(page)


def test_a_transfer_to_another_pdu_reaches_the_receiving_manager(page, journey):
    crn, team = journey["moving_crn"], journey["receiving_team"]
    _sign_in(page, journey["username"])
    page.goto(f"/cases/{crn}/allocation")
    page.get_by_role("link", name="Transfer to another team or PDU").click()
    expect(page.get_by_role("heading", name="Transfer this case: choose the team")).to_be_visible()
    _check(page)
    select = page.get_by_label("Team to transfer to")
    select.select_option(
        label=next(o for o in select.locator("option").all_inner_texts() if o.startswith(team))
    )
    page.get_by_role("button", name="Continue").click()
    expect(page.get_by_role("heading", name=f"Transfer this case to {team}")).to_be_visible()
    expect(page.get_by_label("Rhian Receiver (Probation Officer, " + team + "): 0 cases")).to_be_visible()
    _check(page)
    page.get_by_label(f"No officer yet: {team}’s manager allocates it").check()
    page.get_by_label("Transfer to another team").check()
    page.get_by_role("button", name="Transfer case").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("Case transferred")
    expect(page.get_by_text("Transferred from Journey team")).to_be_visible()
    _check(page)

    _sign_in(page, journey["receiving_username"])
    expect(page.get_by_role("heading", name="Cases to allocate (1)")).to_be_visible()
    expect(page.get_by_text("Transferred in from Journey team")).to_be_visible()
    _check(page)
    page.get_by_role("link", name=f"Allocate for MOVER, Mo ({crn})").click()
    expect(page.get_by_role("heading", name="Allocate or transfer this case")).to_be_visible()
