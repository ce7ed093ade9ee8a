"""Offences by name (issue 10 item 7): a practitioner records a conviction by typing words of the
offence into the type-ahead, moves to the offence with the arrow keys and chooses it; the sentence
page then shows the official description. The form, with the list open and after an error, passes axe.
Then adding a person who is already recorded shows the possible match first (item 5)."""

import datetime as dt
import os
import re
import sqlite3

import pytest
from playwright.sync_api import expect

from probation.core.clock import today_uk
from tests.browser.conftest import axe_violations

pytestmark = pytest.mark.browser
PASSWORD = os.environ.get("DEMO_PASSWORD", "demo-password-1")
# The last but one of po's cases they may open (the tier journey takes the last custodial one).
PO_CASE = """
    SELECT p.crn, p.first_name, p.surname, p.date_of_birth FROM people_person p
    JOIN accounts_user po ON po.username = 'po' AND po.staff_id = p.officer_id
    WHERE p.is_restricted = 0 AND p.has_exclusions = 0
      AND NOT EXISTS (SELECT 1 FROM people_partnershare s WHERE s.person_id = p.id)
    ORDER BY p.crn DESC LIMIT 1 OFFSET 1
"""


def _sign_in(page, username: str) -> None:
    page.goto("/sign-in")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()


def _fits_320_px(page) -> None:
    """No horizontal scrolling on a phone (320 CSS pixels wide)."""
    size = page.viewport_size
    page.set_viewport_size({"width": 320, "height": 800})
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    page.set_viewport_size(size)


def _fill_date(page, legend: str, value: dt.date) -> None:
    group = page.get_by_role("group", name=legend)
    group.get_by_label("Day").fill(str(value.day))
    group.get_by_label("Month").fill(str(value.month))
    group.get_by_label("Year").fill(str(value.year))


@pytest.fixture
def po_case(live_database) -> tuple[str, str, str, str]:
    with sqlite3.connect(live_database) as db:
        return db.execute(PO_CASE).fetchone()


def test_typing_words_of_an_offence_and_choosing_it(page, po_case):
    crn = po_case[0]
    convicted_on = today_uk() - dt.timedelta(days=7)
    _sign_in(page, "po")
    page.goto(f"/cases/{crn}/sentences/new")
    expect(page.get_by_role("heading", name="Record a conviction and sentence")).to_be_visible()

    offence = page.get_by_role("combobox", name="Main offence")
    offence.press_sequentially("threats kill", delay=30)
    options = page.get_by_role("listbox", name="Matching offences").get_by_role("option")
    expect(options.first).to_have_text("Making threats to kill (00301)")
    expect(offence).to_have_attribute("aria-expanded", "true")
    assert axe_violations(page) == []
    _fits_320_px(page)

    offence.press("ArrowDown")
    expect(options.first).to_have_attribute("aria-selected", "true")
    expect(offence).to_have_attribute("aria-activedescendant", re.compile(r"-listbox-0$"))
    offence.press("Enter")
    expect(offence).to_have_value("Making threats to kill (00301)")
    expect(offence).to_have_attribute("aria-expanded", "false")

    _fill_date(page, "Date of conviction", convicted_on)
    page.get_by_label("Convicting court").fill("Leeds Magistrates' Court")
    _fill_date(page, "Main offence date", convicted_on - dt.timedelta(days=60))
    page.get_by_label("Additional offence 1", exact=True).fill("libel")
    _fill_date(page, "Additional offence 1 date", convicted_on - dt.timedelta(days=60))
    page.get_by_label("Community order", exact=True).check()
    _fill_date(page, "Date of sentence", convicted_on)
    _fill_date(page, "Start date", convicted_on)
    page.get_by_label("Length (months)").fill("12")
    page.get_by_role("button", name="Save conviction and sentence").click()

    errors = page.locator(".govuk-error-summary")
    expect(errors).to_contain_text("2 offences match “libel”")
    expect(errors).to_contain_text("Libel (06800); Libel (99968)")
    # Every error at once (issue 10 item 8): the order's missing requirement too.
    expect(errors).to_contain_text("A community order must have at least one requirement")
    assert axe_violations(page) == []

    page.get_by_label("Additional offence 1", exact=True).fill("06800")
    page.get_by_label("First requirement").select_option(label="Rehabilitation activity (RAR)")
    page.get_by_label("Amount ordered").fill("20")
    page.get_by_role("button", name="Save conviction and sentence").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("Conviction and sentence recorded")
    expect(page.get_by_role("row", name=re.compile(r"^Making threats to kill Main 00301 "))).to_be_visible()
    expect(page.get_by_role("row", name=re.compile(r"^Libel 06800 "))).to_be_visible()


def test_adding_someone_already_recorded_shows_the_match_first(page, po_case):
    crn, first_name, surname, date_of_birth = po_case
    born = dt.date.fromisoformat(date_of_birth)
    _sign_in(page, "po")
    page.goto("/cases/new")
    page.get_by_label("First name").fill(first_name)
    page.get_by_label("Last name", exact=True).fill(surname)
    _fill_date(page, "Date of birth", born)
    page.get_by_label("Male", exact=True).check()
    page.get_by_label("No", exact=True).check()
    page.get_by_role("button", name="Save").click()

    expect(page.get_by_text("This person may already be recorded. No CRN has been issued.")).to_be_visible()
    table = page.get_by_role("table", name="Possible matches")
    expect(table).to_contain_text(crn)
    expect(table).to_contain_text("Same date of birth and same name")
    assert axe_violations(page) == []
    _fits_320_px(page)

    page.get_by_role("button", name="Add as a new person").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text(
        "Enter why you are adding a new record for someone who may already be recorded"
    )
    assert axe_violations(page) == []
