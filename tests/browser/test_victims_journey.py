"""A custodial sentence for a violent offence puts the case in the victim contact scheme; the VLO of
the region finds it on the unit list, records the victim and an exclusion-zone request; the COM sees
the request on the case, without the victim's address, and includes it; the VLO sees the outcome
(issue 15). The unit's manager reallocates the case to another VLO, who sends the offer of the scheme by email
to a victim who chose email. Every page passes axe; the daily pages work at 320 px."""

import json
import secrets
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import manage
from tests.browser.test_senior_po_journey import PASSWORD, _check, _sign_in

pytestmark = pytest.mark.browser


def build(password: str, tag: str) -> dict[str, str]:
    """A PO's case sentenced ten days ago to 30 months for a sexual assault (recorded through the
    sentences service, as the court officer's page does), and a VLO of the same region."""
    import datetime as dt

    from probation.accounts.tests.factories import PDUFactory, StaffFactory, TeamFactory, UserFactory
    from probation.core.clock import today_uk
    from probation.people.tests.factories import PersonFactory
    from probation.sentences.services.events import OffenceInput, SentenceInput, event_create

    for made in (UserFactory, PDUFactory, TeamFactory, StaffFactory):
        made.reset_sequence(int(tag) * 100)
    team = TeamFactory(code=f"VJ{tag}", name="Victims journey team", pdu=PDUFactory(code=f"VJ{tag}"))
    po = UserFactory(
        username=f"vpo-{tag}", role="practitioner", staff=StaffFactory(code=f"VP{tag}", team=team)
    )
    unit = TeamFactory(code=f"VU{tag}", name="Victim liaison unit", pdu=PDUFactory(region=team.pdu.region))
    vlo = UserFactory(
        username=f"vlo-{tag}", role="vlo", staff=StaffFactory(code=f"VL{tag}", team=unit, grade="VLO")
    )
    colleague = UserFactory(
        username=f"vlo2-{tag}",
        role="vlo",
        staff=StaffFactory(
            code=f"VM{tag}", team=unit, grade="VLO", forename="Nia", surname=f"Colleague{tag}"
        ),
    )
    manager = UserFactory(
        username=f"vlom-{tag}",
        role="vlo_manager",
        staff=StaffFactory(code=f"VN{tag}", team=unit, grade="VLO"),
    )
    for user in (po, vlo, colleague, manager):
        user.set_password(password)
        user.save()
    person = PersonFactory(crn=f"J{tag}", officer=po.staff, first_name="Dale", surname="Offender")
    day = today_uk() - dt.timedelta(days=10)
    event_create(
        actor=po,
        crn=person.crn,
        conviction_date=day,
        court="Leeds Crown Court",
        main_offence=OffenceInput("02000", day - dt.timedelta(days=90)),
        sentence=SentenceInput(type="custodial", sentence_date=day, start_date=day, custodial_months=30),
    )
    return {
        "po": po.username,
        "vlo": vlo.username,
        "vlo2": colleague.username,
        "manager": manager.username,
        "crn": person.crn,
        "tag": tag,
    }


@pytest.fixture
def journey(live_url: str, live_database: Path) -> dict[str, str]:
    tag = f"{secrets.randbelow(10**6):06d}"
    code = (
        "import json; from tests.browser.test_victims_journey import build; "
        f"print(json.dumps(build({PASSWORD!r}, {tag!r})))"
    )
    return json.loads(manage(live_database, "shell", "-c", code).strip().splitlines()[-1])


def _date(page, group: str, day: str, month: str, year: str) -> None:
    fields = page.get_by_role("group", name=group)
    fields.get_by_label("Day").fill(day)
    fields.get_by_label("Month").fill(month)
    fields.get_by_label("Year").fill(year)


def test_a_sentence_brings_the_case_in_and_the_com_sees_the_request_without_an_address(page, journey):
    _sign_in(page, journey["vlo"])
    page.get_by_role("navigation", name="Menu").get_by_role("link", name="Victim liaison").click()
    expect(page.get_by_role("heading", name="Victim liaison unit")).to_be_visible()
    _check(page)
    page.locator("tr", has_text=journey["crn"]).get_by_role("link", name="Dale Offender").click()
    expect(page.get_by_role("heading", name="Victim contact scheme")).to_be_visible()
    _check(page)

    page.get_by_role("link", name="Add a victim or representative").click()
    page.get_by_label("First name").fill("Alys")
    page.get_by_label("Last name").fill("Morgan")
    page.get_by_label("Address").fill("17 Orchard Way\nLeeds")
    page.get_by_label("Postcode").fill("LS6 2QT")
    page.get_by_role("textbox", name="Phone").fill("07700 900456")
    _check(page)
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_role("heading", name="Alys Morgan")).to_be_visible()
    _check(page)

    page.get_by_role("link", name="Send a request to the COM").click()
    page.get_by_label("Exclusion zone").check()
    page.get_by_label("Request for the COM").fill("Keep away from 17 Orchard Way")
    page.get_by_role("button", name="Send to the COM").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("The request must not give a location")
    page.get_by_label("Request for the COM").fill("An exclusion zone around the victim's home area")
    page.get_by_role("button", name="Send to the COM").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("Request sent to the COM")

    _sign_in(page, journey["po"])
    page.goto(f"/cases/{journey['crn']}/")
    expect(page.get_by_text("Victim contact scheme", exact=True)).to_be_visible()
    page.goto(f"/cases/{journey['crn']}/victim-contact")
    expect(page.get_by_text("An exclusion zone around the victim's home area")).to_be_visible()
    content = page.content()
    for secret in ("Alys", "Morgan", "Orchard Way", "LS6 2QT", "07700 900456"):
        assert secret not in content, secret
    _check(page)
    page.get_by_role("link", name="Decide").click()
    page.get_by_label("Include in the licence").check()
    page.get_by_label("Reason").fill("Necessary and proportionate")
    _check(page)
    page.get_by_role("button", name="Save decision").click()
    expect(page.get_by_text("Included on")).to_be_visible()

    _sign_in(page, journey["vlo"])
    page.goto("/victims/unit")
    page.locator("tr", has_text=journey["crn"]).get_by_role("link", name="Dale Offender").click()
    expect(page.get_by_text("Included: Necessary and proportionate")).to_be_visible()


def test_the_manager_reallocates_the_case_and_a_letter_goes_by_email(page, journey):
    _sign_in(page, journey["manager"])
    page.get_by_role("navigation", name="Menu").get_by_role("link", name="Victim liaison").click()
    expect(page.get_by_role("heading", name="Victim liaison unit")).to_be_visible()
    page.locator("tr", has_text=journey["crn"]).get_by_role("link", name="Dale Offender").click()
    expect(page.get_by_role("link", name="Add a victim or representative")).to_have_count(0)
    page.get_by_role("link", name="Allocate the case").click()
    expect(page.get_by_role("heading", name="Allocate the case to a victim liaison officer")).to_be_visible()
    _check(page)
    page.get_by_role("button", name="Allocate").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text(
        "Select a victim liaison officer of the unit"
    )
    _check(page)
    page.get_by_label(f"Nia Colleague{journey['tag']} (0 open cases)").check()
    page.get_by_role("button", name="Allocate").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("Case allocated")
    expect(page.get_by_text(f"Allocated to Nia Colleague{journey['tag']}")).to_be_visible()
    _check(page)

    _sign_in(page, journey["vlo2"])
    page.goto("/victims/unit")
    expect(page.get_by_role("cell", name=f"Nia Colleague{journey['tag']}")).to_be_visible()
    page.locator("tr", has_text=journey["crn"]).get_by_role("link", name="Dale Offender").click()
    page.get_by_role("link", name="Add a victim or representative").click()
    page.get_by_label("First name").fill("Bethan")
    page.get_by_label("Last name").fill("Price")
    page.get_by_role("textbox", name="Email").fill("bethan.price@example.org")
    page.get_by_role("radio", name="Email").check()
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_role("heading", name="Bethan Price")).to_be_visible()
    page.get_by_role("link", name="Send a letter").click()
    page.get_by_label("Offer of the victim contact scheme").check()
    _check(page)
    page.get_by_role("button", name="Send letter").click()
    expect(page.locator(".govuk-notification-banner").first).to_contain_text("Letter sent")
    sent = page.locator(".govuk-list li").filter(has_text="(PDF)")
    expect(sent).to_contain_text("email")
    expect(sent).to_contain_text("Sent")
    expect(page.get_by_text("Letter sent by email: Offer of the victim contact scheme")).to_be_visible()
    _check(page)
