"""A positive drug test awaiting confirmation (issue 12 item 5): the practitioner records an instant
oral fluid test under the person's drug rehabilitation requirement with a non-negative result for
cocaine; it shows as presumptive, awaiting confirmation, with no decision offered; the laboratory
confirms it; the officer records a decision (referral to treatment, never an automatic breach). Every
page passes axe and fits 320 px."""

import datetime as dt
import json
import secrets
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import manage
from tests.browser.test_senior_po_journey import PASSWORD, _check, _sign_in

pytestmark = pytest.mark.browser


def build(password: str, tag: str) -> dict[str, str]:
    """A PO holding a case with a drug rehabilitation requirement (run in ``manage.py shell``)."""
    from probation.accounts.tests.factories import PDUFactory, StaffFactory, TeamFactory, UserFactory
    from probation.drug_testing.tests.factories import drr_case

    # Each journey builds in its own process on the shared live database: move the sequences on so
    # codes made by factories never meet an earlier journey's.
    for made in (UserFactory, PDUFactory, TeamFactory, StaffFactory):
        made.reset_sequence(int(tag) * 100)

    po = UserFactory(
        username=f"dtpo-{tag}", role="practitioner", staff=StaffFactory(code=f"DT{tag}", team=TeamFactory())
    )
    po.set_password(password)
    po.save()
    person = drr_case(po, crn=f"D{tag}", first_name="Dana", surname="TESTER")
    return {"po": po.username, "crn": person.crn}


@pytest.fixture
def journey(live_url: str, live_database: Path) -> dict[str, str]:
    tag = f"{secrets.randbelow(10**6):06d}"
    code = (
        "import json; from tests.browser.test_drug_testing_journey import build; "
        f"print(json.dumps(build({PASSWORD!r}, {tag!r})))"
    )
    return json.loads(manage(live_database, "shell", "-c", code).strip().splitlines()[-1])


def _date(page, name: str, day: dt.date) -> None:
    page.locator(f"[name={name}_0]").fill(str(day.day))
    page.locator(f"[name={name}_1]").fill(str(day.month))
    page.locator(f"[name={name}_2]").fill(str(day.year))


def test_a_positive_instant_test_awaits_confirmation_then_the_officer_decides(page, journey):
    crn = journey["crn"]
    # A minute after midnight at the earliest, so the test is in the past whenever the journey runs.
    taken = max(
        dt.datetime.now(ZoneInfo("Europe/London")) - dt.timedelta(hours=1),
        dt.datetime.now(ZoneInfo("Europe/London")).replace(hour=0, minute=1),
    )
    _sign_in(page, journey["po"])
    page.goto(f"/cases/{crn}/drug-tests")
    expect(page.get_by_role("heading", name="Drug and alcohol tests")).to_be_visible()
    _check(page)

    page.get_by_role("link", name="Record a test").click()
    _check(page)
    page.get_by_label("Drug rehabilitation requirement (DRR)").check()
    _date(page, "taken_on", taken.date())
    page.get_by_label("Time taken").fill(taken.strftime("%H:%M"))
    page.get_by_label("Instant oral fluid test").check()
    substances = page.get_by_role("group", name="Substances tested for")
    substances.get_by_label("Cocaine (including crack)").check()
    substances.get_by_label("Opiates (heroin)").check()
    page.get_by_label("Instant result: Cocaine (including crack)").select_option("non_negative")
    page.get_by_label("Instant result: Opiates (heroin)").select_option("negative")
    page.get_by_label("No medication declared").check()
    page.get_by_role("button", name="Record the test").click()

    expect(page.get_by_text("Presumptive positive: awaiting confirmation", exact=True)).to_be_visible()
    expect(page.get_by_role("link", name="Record a decision")).to_have_count(0)
    _check(page)

    page.get_by_role("link", name="Record the laboratory result").click()
    _check(page)
    page.get_by_label("Laboratory reference").fill("LAB-2026-0042")
    for name in ("dispatched_on", "received_on", "result_on"):
        _date(page, name, taken.date())
    page.get_by_label("Confirmation: Cocaine (including crack)").select_option("non_negative")
    page.get_by_role("button", name="Save the laboratory result").click()

    expect(page.get_by_text("Confirmed positive").first).to_be_visible()
    page.get_by_role("link", name="Record a decision").click()
    _check(page)
    page.get_by_label("Refer to or step up treatment").check()
    page.get_by_label("Reasons").fill("First positive in three months; refer back to the drug service.")
    page.get_by_role("button", name="Record the decision").click()

    expect(page.get_by_text("Decision:").first).to_be_visible()
    expect(page.get_by_text("Refer to or step up treatment").first).to_be_visible()
    _check(page)
