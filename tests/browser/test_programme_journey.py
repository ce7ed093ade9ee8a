"""On a 390 px phone, a trained PSO facilitator opens yesterday's Building Choices session from My work
and records its register for three people in one save (ATTC, AFTC, UAAB); the probation officer then
sees the session attended on the programme requirement and the enforcement case the absence opened.
Every page passes axe and fits 320 px (issue 12 item 2)."""

import json
import secrets
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import axe_violations, manage
from tests.browser.test_senior_po_journey import PASSWORD, _sign_in

pytestmark = pytest.mark.browser
PHONE = {"width": 390, "height": 844}


def build(password: str, tag: str) -> dict[str, object]:
    """A PDU with a PO holding three programme requirements, a group with two trained facilitators and
    yesterday's session with the three expected. Runs in a ``manage.py shell``."""
    import datetime as dt

    from probation.accounts.tests.factories import PDUFactory, StaffFactory, TeamFactory, UserFactory
    from probation.core.clock import today_uk
    from probation.people.tests.factories import PersonFactory
    from probation.programmes.tests.factories import expect as booked
    from probation.programmes.tests.factories import group, referral, session_on, trained
    from probation.sentences.tests.factories import RequirementFactory, SentenceFactory

    for made in (UserFactory, PDUFactory, TeamFactory, StaffFactory):
        made.reset_sequence(int(tag) * 100)
    team = TeamFactory(code=f"PG{tag}", name="Programmes team", pdu=PDUFactory(code=f"PG{tag}"))
    po = UserFactory(
        username=f"ppo-{tag}", role="practitioner", staff=StaffFactory(code=f"PP{tag}", team=team)
    )
    facilitator = UserFactory(
        username=f"pfac-{tag}",
        role="practitioner",
        staff=StaffFactory(code=f"PF{tag}", team=team, grade="PSO"),
    )
    manager = UserFactory(
        username=f"pmgr-{tag}",
        role="programme_manager",
        staff=StaffFactory(code=f"PM{tag}", team=team, grade="SPO"),
    )
    co = StaffFactory(code=f"PC{tag}", team=team, grade="PO")
    for user in (po, facilitator, manager):
        user.set_password(password)
        user.save()
    for staff in (facilitator.staff, co):
        trained(staff, by=manager)
    bc = group(team.pdu_id, [facilitator.staff, co], by=manager, reference=f"BC-{tag}")
    session = session_on(bc, today_uk() - dt.timedelta(days=1))
    people = []
    for n, surname in enumerate(("Adams", "Brown", "Clarke")):
        person = PersonFactory(crn=f"G{tag[:3]}{n:03d}", officer=po.staff, surname=surname)
        sentence = SentenceFactory(
            event__person=person, event__conviction_date=today_uk() - dt.timedelta(days=60)
        )
        requirement = RequirementFactory(sentence=sentence, type="accredited_programme", ordered=21)
        booked(session, referral(requirement, by=po), by=manager)
        people.append({"crn": person.crn, "sentence": sentence.pk, "surname": surname})
    return {"po": po.username, "facilitator": facilitator.username, "people": people, "group": bc.reference}


@pytest.fixture
def journey(live_url: str, live_database: Path) -> dict:
    tag = f"{secrets.randbelow(10**6):06d}"
    code = (
        "import json; from tests.browser.test_programme_journey import build; "
        f"print(json.dumps(build({PASSWORD!r}, {tag!r})))"
    )
    return json.loads(manage(live_database, "shell", "-c", code).strip().splitlines()[-1])


def _check_phone(page) -> None:
    assert axe_violations(page) == []
    page.set_viewport_size({"width": 320, "height": 800})
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    page.set_viewport_size(PHONE)


def _mark(page, surname: str, outcome: str) -> None:
    card = page.locator(".govuk-summary-card", has=page.get_by_role("heading", name=surname))
    card.get_by_label(outcome).check()


def test_a_facilitator_records_a_register_on_a_phone_and_the_po_sees_progress_and_enforcement(page, journey):
    page.set_viewport_size(PHONE)
    _sign_in(page, journey["facilitator"])
    page.goto("/work")
    page.get_by_role("link", name="Programme sessions you facilitate and their registers").click()
    _check_phone(page)
    page.get_by_role("link", name=f"Building Choices group {journey['group']}").click()
    expect(page.get_by_role("heading", name="Building Choices: session 1")).to_be_visible()
    _check_phone(page)
    _mark(page, "Adams", "ATTC – Attended, complied")
    _mark(page, "Brown", "AFTC – Attended, did not engage (failed to comply)")
    _mark(page, "Clarke", "UAAB – Unacceptable absence")
    page.get_by_role("button", name="Save register").click()

    expect(page.get_by_text("Register saved")).to_be_visible()
    expect(page.get_by_text("1 of 21 sessions attended").first).to_be_visible()
    _check_phone(page)

    clarke = next(p for p in journey["people"] if p["surname"] == "Clarke")
    adams = next(p for p in journey["people"] if p["surname"] == "Adams")
    _sign_in(page, journey["po"])
    page.goto(f"/cases/{adams['crn']}/sentences/{adams['sentence']}")
    expect(page.get_by_text("1 of 21 sessions attended")).to_be_visible()
    page.goto(f"/cases/{clarke['crn']}/sentences/{clarke['sentence']}/compliance")
    expect(page.get_by_role("link", name="Record an action").first).to_be_visible()
    assert axe_violations(page) == []
