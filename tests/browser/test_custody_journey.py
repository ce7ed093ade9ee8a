"""A senior PO finds a prisoner 8 months from release whose handover to a COM has passed with no COM,
allocates one from the handover list, sees the custody page say the community now manages the case,
then reads the releases in the next 12 weeks with what is missing and records one release address;
every page passes axe and works at 320 px (issue 14)."""

import json
import secrets
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import manage
from tests.browser.test_senior_po_journey import PASSWORD, _check, _sign_in

pytestmark = pytest.mark.browser


def build(password: str, tag: str) -> dict[str, str]:
    """A team with a senior PO and a PO; a prisoner with no COM whose 40% release point is 8 months away
    (so the handover, 8 months and 14 days before, has passed); a prisoner of the PO's releasing in six
    weeks with nothing planned. Runs in a ``manage.py shell`` on the live database."""
    import datetime as dt

    from probation.accounts.tests.factories import PDUFactory, StaffFactory, TeamFactory, UserFactory
    from probation.core.clock import today_uk
    from probation.custody.tests.factories import custody_record
    from probation.people.tests.factories import PersonFactory
    from probation.rules.calendar.periods import add_months

    for made in (UserFactory, PDUFactory, TeamFactory, StaffFactory):
        made.reset_sequence(int(tag) * 100)
    today = today_uk()
    team = TeamFactory(code=f"CU{tag}", name="Custody team", pdu=PDUFactory(code=f"CU{tag}"))
    spo = UserFactory(
        username=f"cspo-{tag}", role="senior_po", staff=StaffFactory(code=f"CS{tag}", team=team, grade="SPO")
    )
    spo.set_password(password)
    spo.save()
    po = StaffFactory(code=f"CP{tag}", team=team, grade="PO", forename="Cara", surname="Community")
    release = add_months(today, 8)
    prisoner = PersonFactory(crn=f"P{tag}", team=team, pdu=team.pdu, officer=None, first_name="Harvey")
    # 4 years: 40% is 585 days (the progression model excluded, so 40% stays).
    custody_record(
        prisoner,
        sentence_date=release - dt.timedelta(days=584),
        months=48,
        today=today,
        offence_flags=["progression_excluded"],
        prison="HMP Leeds",
        pom_name="Ann Baxter",
    )
    leaving = PersonFactory(crn=f"R{tag}", team=team, pdu=team.pdu, officer=po, first_name="Robin")
    custody_record(
        leaving,
        sentence_date=today + dt.timedelta(days=42) - dt.timedelta(days=292),
        months=24,
        today=today,
        offence_flags=["progression_excluded"],
    )
    return {"username": spo.username, "prisoner": prisoner.crn, "leaving": leaving.crn, "po": po.name}


@pytest.fixture
def journey(live_url: str, live_database: Path) -> dict[str, str]:
    tag = f"{secrets.randbelow(10**6):06d}"
    code = (
        "import json; from tests.browser.test_custody_journey import build; "
        f"print(json.dumps(build({PASSWORD!r}, {tag!r})))"
    )
    return json.loads(manage(live_database, "shell", "-c", code).strip().splitlines()[-1])


def test_a_prisoner_8_months_from_release_is_handed_over_and_the_releases_show_what_is_missing(page, journey):
    _sign_in(page, journey["username"])
    page.goto("/custody/handovers")
    expect(page.get_by_role("heading", name="Handovers with no COM allocated")).to_be_visible()
    row = page.locator("tr", has_text=journey["prisoner"])
    expect(row).to_contain_text("Due")
    _check(page)
    row.get_by_role("link", name="Allocate a COM").click()

    page.get_by_label("Responsible officer").select_option(
        label=f"{journey['po']} (Probation Officer, Custody team): 1 case"
    )
    page.get_by_label("Initial allocation").check()
    page.get_by_label("Why this officer?").fill("Handover from the prison: community takes over")
    page.get_by_role("button", name="Allocate case").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("Case allocated")

    page.goto("/custody/handovers")
    expect(page.get_by_text("No handovers are near without a COM.")).to_be_visible()

    page.goto(f"/cases/{journey['prisoner']}/custody/")
    expect(page.get_by_text("Community (COM) responsible")).to_be_visible()
    expect(page.get_by_text(journey["po"], exact=True)).to_be_visible()
    page.get_by_text("How the dates were worked out").click()
    expect(page.get_by_text("Release point: 40% of the term.")).to_be_visible()
    _check(page)

    page.goto("/custody/releases")
    leaving = page.locator("tr", has_text=journey["leaving"])
    for missing in ("No release address", "No licence", "No first appointment"):
        expect(leaving).to_contain_text(missing)
    _check(page)
    leaving.get_by_role("link").first.click()
    page.get_by_role("link", name="Change the release plan").click()
    page.get_by_role("textbox", name="Release address").fill("12 Mill Lane, Leeds LS9 8AB")
    page.get_by_label("At the release address").check()
    _check(page)
    page.get_by_role("button", name="Save the release plan").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("Release plan saved")

    page.goto("/custody/releases")
    leaving = page.locator("tr", has_text=journey["leaving"])
    expect(leaving).not_to_contain_text("No release address")
    expect(leaving).to_contain_text("No licence")
