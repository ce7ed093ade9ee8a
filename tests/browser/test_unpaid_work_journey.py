"""On a 390 px phone, an unpaid-work supervisor signs three people in and out of today's session, one
is sent home for behaviour; the probation officer then sees the hours credited on the order and the
enforcement case the failure opened. Every page passes axe and fits 320 px (issue 13)."""

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
    """A PDU with a PO holding three unpaid-work orders, a project running today 09:00–16:00 with a
    supervisor, and the three booked on today's session. Runs in a ``manage.py shell``."""
    import datetime as dt

    from probation.accounts.tests.factories import PDUFactory, StaffFactory, TeamFactory, UserFactory
    from probation.core.clock import today_uk
    from probation.people.tests.factories import PersonFactory
    from probation.sentences.tests.factories import RequirementFactory, SentenceFactory
    from probation.unpaid_work.tests.factories import ProjectDayFactory, ProjectFactory, place, session_on

    for made in (UserFactory, PDUFactory, TeamFactory, StaffFactory, ProjectFactory):
        made.reset_sequence(int(tag) * 100)
    team = TeamFactory(code=f"UW{tag}", name="Payback team", pdu=PDUFactory(code=f"UW{tag}"))
    po = UserFactory(
        username=f"upo-{tag}", role="practitioner", staff=StaffFactory(code=f"UP{tag}", team=team)
    )
    supervisor = UserFactory(
        username=f"usup-{tag}",
        role="upw_supervisor",
        staff=StaffFactory(code=f"US{tag}", team=team, grade="UPWS"),
    )
    staff = UserFactory(
        username=f"ustaff-{tag}",
        role="upw_staff",
        staff=StaffFactory(code=f"UT{tag}", team=team, grade="CPO"),
    )
    for user in (po, supervisor, staff):
        user.set_password(password)
        user.save()
    today = today_uk()
    day = ProjectDayFactory(
        project__pdu=team.pdu,
        project__name=f"Riverside clean-up {tag}",
        supervisor=supervisor.staff,
        weekday=today.weekday(),
    )
    session = session_on(day, today)
    people = []
    for n, surname in enumerate(("Adams", "Brown", "Clarke")):
        person = PersonFactory(crn=f"W{tag[:3]}{n:03d}", officer=po.staff, surname=surname)
        sentence = SentenceFactory(event__person=person, event__conviction_date=today - dt.timedelta(days=60))
        requirement = RequirementFactory(sentence=sentence, ordered=100)
        place(session, requirement, by=supervisor)
        people.append({"crn": person.crn, "sentence": sentence.pk, "surname": surname})
    return {
        "po": po.username,
        "supervisor": supervisor.username,
        "staff": staff.username,
        "session": session.pk,
        "people": people,
        "project": day.project.name,
    }


@pytest.fixture
def journey(live_url: str, live_database: Path) -> dict:
    tag = f"{secrets.randbelow(10**6):06d}"
    code = (
        "import json; from tests.browser.test_unpaid_work_journey import build; "
        f"print(json.dumps(build({PASSWORD!r}, {tag!r})))"
    )
    return json.loads(manage(live_database, "shell", "-c", code).strip().splitlines()[-1])


def _check_phone(page) -> None:
    assert axe_violations(page) == []
    page.set_viewport_size({"width": 320, "height": 800})
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    page.set_viewport_size(PHONE)


def _fill(page, surname: str, outcome: str, signed_in: str, signed_out: str) -> None:
    card = page.locator(".govuk-summary-card", has=page.get_by_role("heading", name=surname))
    card.get_by_label("Outcome").select_option(label=outcome)
    card.get_by_label("Signed in").fill(signed_in)
    card.get_by_label("Signed out").fill(signed_out)


def test_a_supervisor_records_three_people_on_a_phone_and_the_po_sees_hours_and_enforcement(page, journey):
    page.set_viewport_size(PHONE)
    _sign_in(page, journey["supervisor"])
    page.goto("/unpaid-work/sessions")
    _check_phone(page)
    page.get_by_role("link", name=journey["project"]).click()
    expect(page.get_by_role("heading", name=journey["project"])).to_be_visible()
    _check_phone(page)
    _fill(page, "Adams", "Attended – complied", "09:00", "16:00")
    _fill(page, "Brown", "Attended – complied", "09:30", "16:00")
    _fill(page, "Clarke", "Sent home – behaviour", "09:00", "11:00")
    page.get_by_role("button", name="Save sheet").click()

    expect(page.get_by_text("Session sheet saved")).to_be_visible()
    expect(
        page.get_by_text("Attended – sent home (behaviour). Signed in 09:00, out 11:00. Credited 2h.")
    ).to_be_visible()
    _check_phone(page)

    clarke = next(p for p in journey["people"] if p["surname"] == "Clarke")
    _sign_in(page, journey["po"])
    page.goto(f"/cases/{clarke['crn']}/sentences/{clarke['sentence']}")
    expect(page.get_by_text("2 of 100 hours credited")).to_be_visible()
    page.goto(f"/cases/{clarke['crn']}/sentences/{clarke['sentence']}/compliance")
    expect(page.get_by_role("link", name="Record an action").first).to_be_visible()
    assert axe_violations(page) == []


def _date(page, legend: str, day) -> None:
    group = page.get_by_role("group", name=legend)
    group.get_by_label("Day").fill(str(day.day))
    group.get_by_label("Month").fill(str(day.month))
    group.get_by_label("Year").fill(str(day.year))


def test_unpaid_work_staff_credit_ete_hours_and_record_an_extension_on_a_phone(page, journey):
    import datetime as dt

    adams = next(p for p in journey["people"] if p["surname"] == "Adams")
    today = dt.date.today()
    page.set_viewport_size(PHONE)
    _sign_in(page, journey["staff"])
    page.goto(f"/cases/{adams['crn']}/sentences/{adams['sentence']}")
    expect(page.get_by_role("heading", name="Unpaid work progress")).to_be_visible()
    _check_phone(page)

    page.get_by_role("link", name="Credit ETE time").click()
    _check_phone(page)
    _date(page, "Date", today)
    page.get_by_label("Course or activity").fill("Functional Skills maths")
    page.get_by_label("Hours").fill("40")
    page.get_by_role("button", name="Credit ETE time").click()
    expect(page.get_by_text("ETE is capped at 30 % of the order").first).to_be_visible()
    _check_phone(page)
    page.get_by_label("Hours").fill("3")
    page.get_by_role("button", name="Credit ETE time").click()
    expect(page.get_by_text("ETE time credited to the order")).to_be_visible()
    expect(page.get_by_text("3h credited of up to 30h; 27h left")).to_be_visible()

    page.get_by_role("link", name="Record a court's extension").click()
    _date(page, "Date the court granted it", today)
    _date(page, "New deadline", today + dt.timedelta(days=500))
    page.get_by_role("button", name="Record extension").click()
    expect(page.get_by_text("Extension recorded")).to_be_visible()
    expect(page.get_by_text("(extended by the court)")).to_be_visible()
    _check_phone(page)
