"""Changing bookings (issue 16 item 4): the premises' staff ask for an extension of a resident's stay,
the Central Referral Unit approves it and cancels another booking with a reason, then opens the
national view; every page passes axe and works at 320 px."""

import datetime as dt
import json
import secrets
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import manage
from tests.browser.test_senior_po_journey import PASSWORD, _check, _sign_in

pytestmark = pytest.mark.browser


def build(password: str, tag: str) -> dict[str, str]:
    """A premises with a resident and an upcoming booking, its staff member and a CRU user. Runs in a
    ``manage.py shell`` on the live database."""
    from probation.accounts.tests.factories import RegionFactory, UserFactory
    from probation.approved_premises.tests.factories import ap_staff_at, booking, premises_with_beds
    from probation.core.clock import today_uk
    from probation.people.tests.factories import PersonFactory

    today = today_uk()
    premises = premises_with_beds(
        3, name=f"Change House {tag}", region=RegionFactory(code=f"C{tag[:2]}", name=f"Region {tag}")
    )
    resident = PersonFactory(crn=f"R{tag}", first_name="Rita", surname="RESIDENT")
    coming = PersonFactory(crn=f"U{tag}", first_name="Uma", surname="UPCOMING")
    stay = booking(
        resident, premises, today - dt.timedelta(days=10), today + dt.timedelta(days=30), status="arrived"
    )
    later = booking(coming, premises, today + dt.timedelta(days=5), today + dt.timedelta(days=40))
    staff = ap_staff_at(premises, username=f"apchg-{tag}")
    cru = UserFactory(username=f"apchgcru-{tag}", role="ap_cru", staff=None)
    for user in (staff, cru):
        user.set_password(password)
        user.save()
    return {
        "staff": staff.username,
        "cru": cru.username,
        "stay": f"/approved-premises/premises/{premises.pk}/bookings/{stay.pk}",
        "later": f"/approved-premises/premises/{premises.pk}/bookings/{later.pk}",
    }


@pytest.fixture
def journey(live_url: str, live_database: Path) -> dict[str, str]:
    tag = f"{secrets.randbelow(10**6):06d}"
    code = (
        "import json; from tests.browser.test_approved_premises_changes_journey import build; "
        f"print(json.dumps(build({PASSWORD!r}, {tag!r})))"
    )
    return json.loads(manage(live_database, "shell", "-c", code).strip().splitlines()[-1])


def test_extend_a_stay_with_approval_and_cancel_another_booking(page, journey):
    new_departure = dt.date.today() + dt.timedelta(days=44)

    _sign_in(page, journey["staff"])
    page.goto(journey["stay"])
    _check(page)
    form = page.locator("form", has=page.get_by_role("button", name="Ask for the extension"))
    form.get_by_label("Day").fill(str(new_departure.day))
    form.get_by_label("Month").fill(str(new_departure.month))
    form.get_by_label("Year").fill(str(new_departure.year))
    form.get_by_label("Reason for the extension").fill("Move-on flat ready in six weeks")
    form.get_by_role("button", name="Ask for the extension").click()
    expect(page.get_by_text("Extension asked for")).to_be_visible()
    _check(page)

    _sign_in(page, journey["cru"])
    page.goto(journey["stay"])
    expect(page.get_by_role("heading", name="Approve or refuse the extension")).to_be_visible()
    _check(page)
    page.get_by_label("Approve the extension").check()
    page.get_by_role("button", name="Record the decision").click()
    expect(page.get_by_text("Extension approved: the stay is longer")).to_be_visible()
    expect(page.get_by_role("table", name="Changes to this booking, oldest first")).to_contain_text(
        "Move-on flat ready in six weeks"
    )
    _check(page)

    page.goto(journey["later"])
    form = page.locator("form", has=page.get_by_role("button", name="Cancel the booking"))
    form.get_by_label("Reason").select_option("alternative_ap")
    form.get_by_role("button", name="Cancel the booking").click()
    expect(page.get_by_text("Booking cancelled")).to_be_visible()
    expect(page.get_by_text("Cancelled: Alternative AP needed")).to_be_visible()
    _check(page)

    page.goto("/approved-premises/national/")
    expect(page.get_by_role("heading", name="Approved premises: the national view")).to_be_visible()
    _check(page)
