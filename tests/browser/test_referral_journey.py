"""A practitioner refers a person with a rehabilitation activity requirement to a commissioned
accommodation provider; the provider's staff (a partner role seeing only their referrals) record the
initial assessment and an action plan; the practitioner finds it on My work and approves it. Every page
passes axe and works at 320 px (issue 12 item 3)."""

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
    """A PO with a RAR case, and an accommodation provider in the same region with one staff sign-in.
    Runs in a ``manage.py shell`` on the live database."""
    from probation.accounts.tests.factories import (
        PDUFactory,
        RegionFactory,
        StaffFactory,
        TeamFactory,
        UserFactory,
    )
    from probation.people.tests.factories import PersonFactory
    from probation.referrals.tests.factories import ProviderFactory, provider_user, rar_requirement

    # Each journey builds in its own process on the shared live database: move the sequences on so
    # codes made by factories never meet an earlier journey's.
    for made in (UserFactory, PDUFactory, TeamFactory, StaffFactory):
        made.reset_sequence(int(tag) * 100)
    PersonFactory.reset_sequence(int(tag) % 800_000)  # CRNs stay seven characters
    region = RegionFactory(code=f"R{tag[:2]}", name=f"Referral region {tag}")
    team = TeamFactory(code=f"RF{tag}", pdu=PDUFactory(code=f"RF{tag}", region=region))
    po = UserFactory(
        username=f"rfpo-{tag}", role="practitioner", staff=StaffFactory(code=f"RF{tag}", team=team)
    )
    requirement = rar_requirement(po.staff, ordered=20)
    person = requirement.sentence.person
    person.first_name, person.surname = "Robin", "REFERRED"
    person.save()
    provider = ProviderFactory(region=region, name=f"Safe Homes {tag}", contract_type="ACC")
    staff = provider_user(provider, username=f"rfprov-{tag}")
    for user in (po, staff):
        user.set_password(password)
        user.save()
    return {"po": po.username, "provider": staff.username, "crn": person.crn, "provider_name": provider.name}


@pytest.fixture
def journey(live_url: str, live_database: Path) -> dict[str, str]:
    tag = f"{secrets.randbelow(10**6):06d}"
    code = (
        "import json; from tests.browser.test_referral_journey import build; "
        f"print(json.dumps(build({PASSWORD!r}, {tag!r})))"
    )
    return json.loads(manage(live_database, "shell", "-c", code).strip().splitlines()[-1])


def _date(scope, day: dt.date) -> None:
    scope.get_by_label("Day", exact=True).fill(str(day.day))
    scope.get_by_label("Month", exact=True).fill(str(day.month))
    scope.get_by_label("Year", exact=True).fill(str(day.year))


def test_refer_record_an_action_plan_and_approve_it(page, journey):
    crn, today = journey["crn"], dt.date.today()

    _sign_in(page, journey["po"])
    page.goto(f"/cases/{crn}/referrals")
    _check(page)
    page.get_by_role("link", name="Make a referral").click()
    page.get_by_label(journey["provider_name"], exact=False).check()
    _check(page)
    page.get_by_role("button", name="Continue").click()
    expect(page.get_by_role("heading", name=f"Refer to {journey['provider_name']}")).to_be_visible()
    page.get_by_label("RAR of 20 days", exact=False).check()
    page.get_by_label("Accommodation", exact=True).check()
    page.get_by_label("High: Homeless", exact=False).check()
    page.get_by_label("Secures suitable supported housing").check()
    page.get_by_label("Maximum enforceable days").fill("6")
    _date(page, today + dt.timedelta(days=90))
    page.get_by_label("Risk information for the provider").fill(
        "Meet in the office; two staff for the first visit."
    )
    _check(page)
    page.get_by_role("button", name="Send the referral").click()
    expect(page.get_by_text(f"Referral sent to {journey['provider_name']}")).to_be_visible()
    _check(page)

    _sign_in(page, journey["provider"])
    nav = page.get_by_role("navigation", name="Menu")
    expect(nav.get_by_role("link")).to_have_text(["Referrals"])
    nav.get_by_role("link", name="Referrals").click()
    _check(page)
    page.get_by_role("link", name="Robin REFERRED").click()
    expect(page.get_by_text("two staff for the first visit")).to_be_visible()
    _check(page)
    page.get_by_role("link", name="Record the initial assessment").click()
    _date(page, today)
    _check(page)
    page.get_by_role("button", name="Save the assessment").click()
    expect(page.get_by_text("Record the initial assessment: saved")).to_be_visible()
    page.get_by_role("link", name="Submit an action plan").click()
    page.get_by_label("Activities").fill("Weekly housing support; a tenancy course.")
    page.get_by_label("Number of sessions").fill("6")
    _check(page)
    page.get_by_role("button", name="Submit the action plan for approval").click()
    expect(page.get_by_text("Awaiting approval")).to_be_visible()
    assert page.goto(f"/cases/{crn}").status == 404  # no case record for provider staff

    _sign_in(page, journey["po"])
    page.goto("/work")
    row = page.get_by_role("table", name="Commissioned services needing you").locator("tr", has_text=crn)
    expect(row).to_contain_text("Action plan to approve")
    _check(page)
    row.get_by_role("link").click()
    expect(page.get_by_text("is waiting for your approval")).to_be_visible()
    _check(page)
    page.get_by_role("button", name="Approve this action plan").click()
    expect(page.get_by_text("Action plan approved")).to_be_visible()
    expect(page.get_by_text("In progress").first).to_be_visible()
    _check(page)
