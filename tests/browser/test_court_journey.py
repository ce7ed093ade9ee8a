"""A court officer imports a list file (a malformed one first), confirms a match, opens the court duty
page and sets a hearing's preparation. Every page passes axe and fits a 320 px phone."""

import datetime as dt
import os
import sqlite3
import subprocess
import sys

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import ROOT, axe_violations

pytestmark = pytest.mark.browser
PASSWORD = os.environ.get("DEMO_PASSWORD", "demo-password-1")
HEADER = (
    "court,date,session,room,time,listing_number,surname,forenames,date_of_birth,pnc,cro,address,"
    "offence_code,offence_wording,plea\n"
)


def _checked(page) -> None:
    """axe finds nothing at desktop width, and at 320 px nothing scrolls sideways."""
    assert axe_violations(page) == []
    page.set_viewport_size({"width": 320, "height": 640})
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    assert axe_violations(page) == []
    page.set_viewport_size({"width": 1280, "height": 800})


@pytest.fixture(scope="module")
def courts(live_url, live_database):
    """The demo courts and lists (generate_court_lists is idempotent, so a seed that already ran it is
    fine); returns the court officer's magistrates' court and a person of its PDU with a PNC number."""
    env = os.environ | {
        "DJANGO_SETTINGS_MODULE": "config.settings.test",
        "DATABASE_URL": f"sqlite:///{live_database}",
    }
    subprocess.run(
        [sys.executable, str(ROOT / "manage.py"), "generate_court_lists", "--days", "2"],
        env=env,
        check=True,
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
    )
    with sqlite3.connect(live_database) as db:
        return db.execute(
            "SELECT c.code, c.name, p.pnc_number, p.first_name, p.surname, p.date_of_birth "
            "FROM court_court c JOIN people_person p ON p.pdu_id = c.pdu_id "
            "JOIN accounts_team t ON t.pdu_id = c.pdu_id JOIN accounts_staff s ON s.team_id = t.id "
            "JOIN accounts_user u ON u.staff_id = s.id "
            "WHERE u.username = 'court' AND c.kind = 'magistrates' AND p.pnc_number != '' "
            "AND NOT p.is_restricted AND NOT p.has_exclusions ORDER BY p.crn LIMIT 1"
        ).fetchone()


def _sitting_day() -> dt.date:
    """A weekday beyond the generated lists."""
    day = dt.date.today() + dt.timedelta(days=21)
    while day.weekday() >= 5:
        day += dt.timedelta(days=1)
    return day


def _sign_in(page, username: str) -> None:
    page.goto("/sign-in")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()


def test_court_officer_imports_a_list_confirms_a_match_and_prepares(page, courts, tmp_path):
    code, court_name, pnc, first_name, surname, born = courts
    day = _sitting_day().isoformat()
    good = tmp_path / "list.csv"
    good.write_text(
        HEADER
        + f"{code},{day},morning,1,10:00,1,{surname.upper()},{first_name},{born},{pnc},,,TH68010,Stole a bicycle,guilty\n"
        + f"{code},{day},morning,2,10:30,2,QUARTERMAINE,Ottoline,1991-02-03,,,,RT88191,Drove with excess alcohol,\n"
    )
    bad = tmp_path / "bad.csv"
    bad.write_text(HEADER + f"{code},{day},morning,1,25:00,1,SMITH,,1990-01-01,NOTAPNC,,,TH68010,Theft,\n")
    _sign_in(page, "court")

    page.get_by_role("link", name="Courts").click()
    expect(page.get_by_role("heading", name="Courts", exact=True)).to_be_visible()
    _checked(page)
    page.get_by_role("button", name="Import a court list").click()
    expect(page.get_by_role("heading", name="Import a court list")).to_be_visible()
    _checked(page)

    page.get_by_label("Court list file").set_input_files(str(bad))
    page.get_by_role("button", name="Import list").click()
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_contain_text("Row 2: Enter the defendant’s forenames")
    expect(summary).to_contain_text("Row 2: Enter the PNC number in the format 2004/0046583U")
    _checked(page)

    page.get_by_label("Court list file").set_input_files(str(good))
    page.get_by_role("button", name="Import list").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("2 defendants imported")
    expect(page.get_by_role("heading", name=court_name)).to_be_visible()
    _checked(page)

    page.get_by_role("link", name="Check match for listing 1").click()
    expect(page.get_by_text("PNC number matches exactly")).to_be_visible()
    _checked(page)
    first_match = page.locator(".govuk-summary-card").first
    crn = first_match.locator(".govuk-summary-card__title").inner_text().split()[-1]
    first_match.get_by_role("button", name="This is the defendant").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("Match confirmed")

    page.get_by_role("link", name="Court duty page for this day").click()
    card = page.locator(".govuk-summary-card").first
    expect(card).to_contain_text(crn)
    expect(card).to_contain_text("No previous reports")
    _checked(page)

    card.get_by_role("link", name="Change preparation for listing 1").click()
    expect(page.get_by_role("heading", name="Preparation for")).to_be_visible()
    _checked(page)
    page.get_by_label("In progress").check()
    page.get_by_label("Notes").fill("Asked the supervising officer for an update")
    page.get_by_role("button", name="Save").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("Preparation saved")
    first = page.locator(".govuk-summary-card").first
    expect(first).to_contain_text("In progress")
    expect(first).to_contain_text("Asked the supervising officer for an update")
    _checked(page)
