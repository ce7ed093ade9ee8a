"""A probation officer's day (issue 10), acted out by clicking as a user would: sign in, open My work,
open a case from My cases on its Overview (sentences and compliance, next appointments, RoSH, tier,
responsible officer), book an appointment from the overview, record the outcome of a missed appointment
from My work (an unacceptable absence, a failure to comply on the order) and land back there, then
follow the enforcement action it raised to the sentence and send the first warning letter, which the
compliance panel and the overview then show. Every page passes axe; My work, the overview, the contact
log and the outcome form also at 320 px without scrolling sideways."""

import datetime as dt
import os
import re
import sqlite3
from pathlib import Path

import pytest
from playwright.sync_api import expect

from probation.core.clock import today_uk
from probation.rules.calendar.working_days import is_bank_holiday
from probation.rules.contacts.outcomes import UNACCEPTABLE_CODES, OutcomeCode
from tests.browser.conftest import axe_violations
from tests.browser.diary import free_time

pytestmark = pytest.mark.browser
PASSWORD = os.environ.get("DEMO_PASSWORD", "demo-password-1")
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 320, "height": 800}
CIRCUMSTANCES = "You did not come to your office appointment and have given no reason."
# One of po's cases they may open (not restricted, no exclusions, not shared with a partner) with a
# current community order that has requirements, began at least three weeks ago and runs for more than a
# month; with no failure to comply, enforcement action or breach on the person yet (so the failure this
# journey records is the first, which may end in a warning letter). The last such by CRN, away from the cases the other journeys take by offset from
# the first.
PO_CASE = """
    SELECT p.crn, p.id, p.first_name, p.surname, po.staff_id, s.id, s.sentence_date, s.start_date
    FROM people_person p
    JOIN accounts_user po ON po.username = 'po' AND po.staff_id = p.officer_id
    JOIN sentences_sentence s ON s.person_id = p.id
    WHERE p.is_restricted = 0 AND p.has_exclusions = 0
      AND NOT EXISTS (SELECT 1 FROM people_partnershare ps WHERE ps.person_id = p.id)
      AND s.type = 'community_order' AND s.terminated_on IS NULL
      AND s.start_date <= ? AND s.expected_end_date > ?
      AND EXISTS (SELECT 1 FROM sentences_requirement r WHERE r.sentence_id = s.id)
      AND NOT EXISTS (SELECT 1 FROM contacts_enforcementcase e WHERE e.person_id = p.id)
      AND NOT EXISTS (SELECT 1 FROM enforcement_breach b WHERE b.person_id = p.id)
      AND NOT EXISTS (SELECT 1 FROM contacts_contact c WHERE c.person_id = p.id AND c.outcome IN ({failures}))
      AND (SELECT COUNT(*) FROM sentences_sentence o
           WHERE o.person_id = p.id AND o.sentence_date = s.sentence_date AND o.type = s.type) = 1
    ORDER BY p.crn DESC LIMIT 1
"""
# Appointments that could clash (contacts.services.rules.check_clashes) with a new one on a day.
# Outcomes that are, or may become, a failure to comply.
FAILURE_CODES = sorted(UNACCEPTABLE_CODES | {OutcomeCode.AFTA})
HALF_HOURS = [dt.time(h, m) for h in range(10, 17) for m in (0, 30)]


def _check_accessible(page, *, phone: bool = False) -> None:
    """axe at desktop width; with ``phone`` also at 320 px, where the page must not scroll sideways."""
    assert axe_violations(page) == [], page.url
    if phone:
        page.set_viewport_size(PHONE)
        assert axe_violations(page) == [], f"{page.url} at 320 px"
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= PHONE["width"], f"{page.url} is {width} px wide at 320 px"
        page.set_viewport_size(DESKTOP)


def _fill_date(page, legend: str, value: dt.date) -> None:
    group = page.get_by_role("group", name=legend, exact=True)
    group.get_by_label("Day").fill(str(value.day))
    group.get_by_label("Month").fill(str(value.month))
    group.get_by_label("Year").fill(str(value.year))


def _day(value: dt.date) -> str:
    """How the pages write a date: 5 January 2026."""
    return f"{value.day} {value:%B %Y}"


def _clock(at: dt.time) -> str:
    """How the contact log writes a time: 9:30am."""
    return f"{at.hour % 12 or 12}:{at:%M}{'am' if at.hour < 12 else 'pm'}"


class Case:
    def __init__(self, live_database: Path, today: dt.date) -> None:
        self.database = live_database
        with sqlite3.connect(live_database) as db:
            query = PO_CASE.format(failures=", ".join("?" * len(FAILURE_CODES)))
            since, until = today - dt.timedelta(days=21), today + dt.timedelta(days=31)
            row = db.execute(query, (since.isoformat(), until.isoformat(), *FAILURE_CODES)).fetchone()
        assert row is not None, "the demo data gives po a case with a current community order"
        self.crn, self.person_id, first, last, self.officer_id, self.sentence_id, sentenced, starts = row
        self.listed_name = f"{last.upper()}, {first}"
        self.sentence_label = f"Community order of {_day(dt.date.fromisoformat(sentenced))}"
        self.starts_on = dt.date.fromisoformat(starts)

    def free_time(self, day: dt.date, candidates: list[dt.time], minutes: int) -> dt.time | None:
        """The first candidate time on ``day`` when neither po nor the person has an appointment."""
        at = free_time(
            self.database,
            officer_id=self.officer_id,
            person_id=self.person_id,
            day=day,
            candidates=candidates,
            minutes=minutes,
        )
        return at

    def bookable(self, day: dt.date) -> tuple[dt.date, dt.time]:
        """The first weekday from ``day`` that is not a bank holiday (booking one asks for a confirmation)
        with a free half hour for po and the person, and that half hour."""
        for offset in range(21):
            candidate = day + dt.timedelta(days=offset)
            if candidate.weekday() >= 5 or is_bank_holiday(candidate):
                continue
            at = self.free_time(candidate, HALF_HOURS, minutes=30)
            if at is not None:
                return candidate, at
        pytest.fail(f"no bookable half hour for po and {self.crn} in the three weeks from {day}")

    def missed(self, today: dt.date) -> tuple[dt.date, dt.time]:
        """A past weekday on the order with a free quarter hour: when the person missed the visit."""
        for back in range(7, 21):
            candidate = today - dt.timedelta(days=back)
            if candidate < self.starts_on:
                break
            if candidate.weekday() >= 5 or is_bank_holiday(candidate):
                continue
            at = self.free_time(candidate, [dt.time(h, m) for h in range(9, 17) for m in (0, 15, 30, 45)], 1)
            if at is not None:
                return candidate, at
        pytest.fail(f"no free past time for po and {self.crn} on the order")


def _sign_in(page) -> None:
    page.set_viewport_size(DESKTOP)
    page.goto("/sign-in")
    expect(page.get_by_role("heading", name="Sign in")).to_be_visible()
    _check_accessible(page)
    page.get_by_label("Username").fill("po")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()


def _open_my_work(page) -> None:
    page.get_by_role("navigation", name="Menu").get_by_role("link", name="My work").click()
    expect(page.get_by_role("heading", name="My work", level=1)).to_be_visible()
    expect(page.get_by_role("heading", name="Appointments needing an outcome")).to_be_visible()
    _check_accessible(page, phone=True)


def _open_case_from_my_cases(page, case: Case) -> None:
    page.get_by_role("navigation", name="Menu").get_by_role("link", name="My cases").click()
    expect(page.get_by_role("heading", name="My cases", level=1)).to_be_visible()
    page.get_by_label("Filter by CRN or last name").fill(case.crn)
    page.get_by_role("button", name="Apply filter").click()
    expect(page.get_by_role("row").filter(has_text=case.crn)).to_have_count(1)
    _check_accessible(page)
    page.get_by_role("link", name=case.listed_name, exact=True).click()


def _check_overview(page, case: Case) -> None:
    expect(page).to_have_url(re.compile(rf"/cases/{case.crn}/$"))
    expect(page.get_by_role("heading", name="Overview", level=1)).to_be_visible()
    summary = page.locator(".govuk-summary-list").first
    for key in ("Responsible officer", "Tier", "RoSH"):
        expect(summary.locator(".govuk-summary-list__key", has_text=key).first).to_be_visible()
    expect(page.get_by_role("heading", name="Current sentences")).to_be_visible()
    expect(page.get_by_role("link", name=re.compile(r"Community order$")).first).to_be_visible()
    expect(page.get_by_text("No failures to comply within 12 months").first).to_be_visible()
    expect(page.get_by_role("heading", name="Next appointments")).to_be_visible()
    _check_accessible(page, phone=True)


def _book_from_overview(page, case: Case, day: dt.date, at: dt.time) -> None:
    ends = (dt.datetime.combine(day, at) + dt.timedelta(minutes=30)).time()
    page.get_by_role("link", name="Book an appointment").click()
    expect(page.get_by_role("heading", name="Book an appointment")).to_be_visible()
    # The person's risk to staff is shown while booking (issue 3 item 5).
    expect(page.get_by_role("region", name="Risk to staff")).to_contain_text("RoSH:")
    _check_accessible(page)
    page.get_by_label("Type of appointment").select_option(label="Planned office visit")
    _fill_date(page, "Date", day)
    page.get_by_label("Start time").fill(f"{at:%H:%M}")
    page.get_by_label("End time").fill(f"{ends:%H:%M}")
    page.get_by_label("Location").fill("Leeds probation office")
    page.get_by_role("button", name="Book appointment").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("Appointment booked")
    expect(page.get_by_role("heading", name="Contacts", exact=True)).to_be_visible()
    entry = f"Planned office visit, {_day(day)}, {_clock(at)} to {_clock(ends)}"
    expect(page.get_by_role("heading", name=entry, exact=True)).to_be_visible()
    _check_accessible(page, phone=True)


def _record_missed_visit(page, case: Case, day: dt.date, at: dt.time) -> None:
    """Record, from the contact log, the planned office visit on the order that the person missed."""
    page.get_by_role("link", name="Record a contact").click()
    expect(page.get_by_role("heading", name="Record a contact")).to_be_visible()
    _check_accessible(page)
    page.get_by_label("Type of contact").select_option(label="Planned office visit")
    _fill_date(page, "Date", day)
    page.get_by_label("Start time").fill(f"{at:%H:%M}")
    page.get_by_label("Sentence", exact=True).select_option(label=case.sentence_label)
    page.get_by_role("button", name="Save contact").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("Contact recorded")
    _check_accessible(page)


def _record_failure_from_my_work(page, case: Case, day: dt.date, at: dt.time) -> None:
    row = (
        page.locator("#outcomes ~ table")
        .first.get_by_role("row")
        .filter(has_text=case.crn)
        .filter(has_text=f"Planned office visit at {at:%H:%M}")
        .filter(has_text=_day(day))
    )
    expect(row).to_have_count(1)
    link = row.get_by_role("link", name=f"Record outcome for {case.listed_name} ({case.crn})")
    href = link.get_attribute("href") or ""
    assert href.endswith("/outcome?next=%2Fwork"), href
    link.click()

    expect(page.get_by_role("heading", name="Record an outcome")).to_be_visible()
    _check_accessible(page, phone=True)
    page.get_by_role("button", name="Save outcome").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Select the outcome")
    _check_accessible(page, phone=True)
    page.get_by_label("Unacceptable absence (UAAB)").check()
    page.get_by_role("button", name="Save outcome").click()

    expect(page).to_have_url(re.compile(r"/work$"))
    expect(page.locator(".govuk-notification-banner")).to_contain_text("Outcome recorded")
    expect(page.locator(f'a[href="{href}"]')).to_have_count(0)
    _check_accessible(page, phone=True)


def _send_warning_letter(page, case: Case, failed_on: dt.date, today: dt.date) -> None:
    """Follow the enforcement action the failure raised from My work to the sentence and warn."""
    row = (
        page.locator("#enforcement ~ table")
        .first.get_by_role("row")
        .filter(has_text=case.crn)
        .filter(has_text=f"Awaiting action (failure on {_day(failed_on)})")
    )
    expect(row).to_have_count(1)
    row.get_by_role("link", name=f"Sentence for {case.listed_name} ({case.crn})").click()
    expect(page).to_have_url(re.compile(rf"/cases/{case.crn}/sentences/{case.sentence_id}$"))
    panel = page.locator(".app-compliance-panel")
    expect(panel).to_contain_text("1 failure to comply within 12 months")
    _check_accessible(page)

    panel.get_by_role("link", name=f"Record an action for the failure on {_day(failed_on)}").click()
    expect(page.get_by_role("heading", name="Record an enforcement action")).to_be_visible()
    _check_accessible(page)
    page.get_by_label("First warning letter sent").check()
    page.get_by_label("Circumstances of the failure").fill(CIRCUMSTANCES)
    page.get_by_role("button", name="Save action").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("Enforcement action recorded")
    expect(page.get_by_role("heading", name="Compliance and enforcement")).to_be_visible()
    expect(page.get_by_role("link", name="Download the warning letter (PDF)")).to_be_visible()
    _check_accessible(page)

    page.get_by_role("navigation", name="Case record").get_by_role("link", name="Sentences").click()
    page.locator(f'main a[href$="/sentences/{case.sentence_id}"]').first.click()
    expect(page).to_have_url(re.compile(rf"/cases/{case.crn}/sentences/{case.sentence_id}$"))
    panel = page.locator(".app-compliance-panel")
    expect(panel).to_contain_text("1 failure to comply within 12 months")
    expect(panel).to_contain_text(f"{_day(today)}: in force")
    expect(panel).to_contain_text("must lead to breach proceedings")
    _check_accessible(page)


def test_officer_day_from_my_work_and_the_overview(page, live_database):
    today = today_uk()
    case = Case(live_database, today)
    booked_on, booked_at = case.bookable(today + dt.timedelta(days=1))
    missed_on, missed_at = case.missed(today)

    _sign_in(page)
    expect(page.get_by_role("heading", name="My cases", level=1)).to_be_visible()
    _check_accessible(page)
    _open_my_work(page)

    _open_case_from_my_cases(page, case)
    _check_overview(page, case)
    _book_from_overview(page, case, booked_on, booked_at)
    _record_missed_visit(page, case, missed_on, missed_at)

    _open_my_work(page)
    _record_failure_from_my_work(page, case, missed_on, missed_at)
    _send_warning_letter(page, case, missed_on, today)

    page.get_by_role("navigation", name="Case record").get_by_role("link", name="Overview").click()
    expect(page.get_by_role("heading", name="Overview", level=1)).to_be_visible()
    expect(page.get_by_text("1 failure to comply within 12 months").first).to_be_visible()
    expect(page.get_by_text("Failures to comply: 1. Warning in force until")).to_be_visible()
    _check_accessible(page, phone=True)
