"""A practitioner applies for an approved-premises place for a high-RoSH licence case (an emergency:
arrival today), a qualified assessor accepts it within its deadline, the Central Referral Unit books a
space in another region, the premises' staff mark the arrival and record a missed sign-in, and the
officer finds it in My work to assess; every page passes axe and works at 320 px (issue 16)."""

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
    """A PO with a high-RoSH licence case in one region, an assessor and a CRU user, and a premises
    with beds in another region. Runs in a ``manage.py shell`` on the live database."""
    from probation.accounts.tests.factories import (
        PDUFactory,
        RegionFactory,
        StaffFactory,
        TeamFactory,
        UserFactory,
    )
    from probation.approved_premises.tests.factories import ap_staff_at, premises_with_beds
    from probation.approved_premises.tests.helpers import licence_case

    home = RegionFactory(code=f"H{tag[:2]}", name=f"Home region {tag}")
    away = RegionFactory(code=f"A{tag[:2]}", name=f"Away region {tag}")
    team = TeamFactory(code=f"AP{tag}", pdu=PDUFactory(code=f"AP{tag}", region=home))
    po = UserFactory(
        username=f"appo-{tag}", role="practitioner", staff=StaffFactory(code=f"AP{tag}", team=team)
    )
    assessor = UserFactory(username=f"apassess-{tag}", role="ap_assessor", staff=None)
    assessor.ap_qualifications.create(qualification="emergency")
    cru = UserFactory(username=f"apcru-{tag}", role="ap_cru", staff=None)
    person = licence_case(po, crn=f"Q{tag}", first_name="Adam", surname="HOSTELLER")
    # A curfew from midnight, so tonight's has started whenever the journey runs.
    premises = premises_with_beds(
        3, name=f"Journey House {tag}", region=away, postcode_district="LS6", curfew_start="00:00"
    )
    staff = ap_staff_at(premises, username=f"apstaff-{tag}")
    for user in (po, assessor, cru, staff):
        user.set_password(password)
        user.save()
    return {
        "staff": staff.username,
        "premises_id": str(premises.pk),
        "po": po.username,
        "assessor": assessor.username,
        "cru": cru.username,
        "crn": person.crn,
        "premises": premises.name,
    }


@pytest.fixture
def journey(live_url: str, live_database: Path) -> dict[str, str]:
    tag = f"{secrets.randbelow(10**6):06d}"
    code = (
        "import json; from tests.browser.test_approved_premises_journey import build; "
        f"print(json.dumps(build({PASSWORD!r}, {tag!r})))"
    )
    return json.loads(manage(live_database, "shell", "-c", code).strip().splitlines()[-1])


def test_apply_assess_book_arrive_and_a_missed_sign_in_reaches_the_officer(page, journey):
    crn = journey["crn"]
    arrival = dt.date.today()

    _sign_in(page, journey["po"])
    page.goto(f"/cases/{crn}/approved-premises/")
    _check(page)
    page.get_by_role("link", name="Apply for a place").click()
    expect(page.get_by_text("Licence (event")).to_be_visible()
    _check(page)
    page.get_by_role("button", name="Start the application").click()
    expect(page.get_by_text("Tier B2 is eligible")).to_be_visible()
    expect(page.get_by_label("RoSH summary")).to_contain_text("Serious violence when intoxicated")
    page.get_by_label("Standard", exact=True).check()
    page.get_by_label("Legal basis").select_option("standard_determinate")
    page.get_by_label("Release type").select_option("licence")
    page.get_by_label("Public protection").check()
    page.get_by_label("Day").first.fill(str(arrival.day))
    page.get_by_label("Month").first.fill(str(arrival.month))
    page.get_by_label("Year").first.fill(str(arrival.year))
    page.get_by_label("Reason for an emergency or short-notice application").select_option("risk_escalated")
    page.get_by_label("Move-on plan").fill("Supported housing in the home area")
    expect(page.get_by_text("Saved at")).to_be_visible(timeout=10000)  # the autosave
    page.get_by_label("I confirm the information is accurate").check()
    _check(page)
    page.get_by_role("button", name="Submit the application").click()
    expect(page.get_by_text("Application submitted for assessment")).to_be_visible()

    _sign_in(page, journey["assessor"])
    page.goto("/approved-premises/assessments/")
    row = page.locator("tr", has_text=crn)
    expect(row).to_contain_text("Emergency")
    _check(page)
    row.get_by_role("link").click()
    expect(page.get_by_text("Decision due by")).to_be_visible()
    _check(page)
    page.get_by_label("Accept", exact=True).check()
    page.get_by_role("button", name="Record the decision").click()
    expect(page.get_by_text("Application accepted")).to_be_visible()

    _sign_in(page, journey["cru"])
    page.get_by_role("link", name="Placements").click()
    _check(page)
    page.locator("tr", has_text=crn).get_by_role("link").click()
    expect(page.get_by_role("heading", name=journey["premises"])).to_be_visible()
    _check(page)
    page.get_by_role("button", name=f"Book a space at {journey['premises']}").click()
    expect(page.get_by_text(f"Space booked at {journey['premises']}")).to_be_visible()
    _check(page)

    _sign_in(page, journey["staff"])
    premises_id = journey["premises_id"]
    page.goto(f"/approved-premises/premises/{premises_id}/today")
    expect(page.get_by_role("heading", name="Expected arrivals (1)")).to_be_visible()
    _check(page)
    page.get_by_role("link", name="Adam HOSTELLER").click()
    form = page.locator("form", has=page.get_by_role("button", name="Record the arrival"))
    form.get_by_label("Day").fill(str(arrival.day))
    form.get_by_label("Month").fill(str(arrival.month))
    form.get_by_label("Year").fill(str(arrival.year))
    form.get_by_label("Time of arrival").fill("00:01")
    _check(page)
    form.get_by_role("button", name="Record the arrival").click()
    expect(page.get_by_text("Arrival recorded")).to_be_visible()

    page.goto(f"/approved-premises/premises/{premises_id}/tonight?night={arrival.isoformat()}")
    register = page.locator("#register")
    expect(register).to_contain_text(crn)
    _check(page)
    register.locator("tr", has_text=crn).get_by_role("button", name="Missed").click()
    expect(
        page.get_by_text("Missed sign-in recorded: the responsible officer has it to assess")
    ).to_be_visible()
    _check(page)

    _sign_in(page, journey["po"])
    page.goto("/work")
    expect(page.get_by_role("table", name="Appointments needing an outcome")).to_contain_text(crn)
    _check(page)
