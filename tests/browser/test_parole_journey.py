"""A Parole Board request for a life-sentence prisoner is recorded; the officer writes the PAROM1 from
the pre-filled sections (autosaved), records the date the VLO was contacted, recommends, signs and
opens the PDF; then the hearing and the decision are recorded and the 21-day reconsideration window
shows. Every page passes axe and works at 320 px (issue 14 item 7)."""

import json
import secrets
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import manage
from tests.browser.test_senior_po_journey import PASSWORD, _check, _sign_in

pytestmark = pytest.mark.browser


def build(password: str, tag: str) -> dict[str, str]:
    """A PO holding a life-sentence prisoner. Runs in a ``manage.py shell`` on the live database."""
    import datetime as dt

    from probation.accounts.tests.factories import PDUFactory, StaffFactory, TeamFactory, UserFactory
    from probation.core.clock import today_uk
    from probation.custody.tests.factories import custody_record
    from probation.people.tests.factories import PersonFactory

    for made in (UserFactory, PDUFactory, TeamFactory, StaffFactory):
        made.reset_sequence(int(tag) * 100)
    team = TeamFactory(code=f"PA{tag}", name="Parole team", pdu=PDUFactory(code=f"PA{tag}"))
    po = UserFactory(
        username=f"ppo-{tag}", role="practitioner", staff=StaffFactory(code=f"PP{tag}", team=team, grade="PO")
    )
    po.set_password(password)
    po.save()
    prisoner = PersonFactory(crn=f"L{tag}", team=team, pdu=team.pdu, officer=po.staff, first_name="Lionel")
    custody_record(
        prisoner,
        sentence_date=dt.date(2012, 3, 5),
        months=144,
        release_type="life",
        age_at_sentence=24,
        today=today_uk(),
        prison="HMP Wakefield",
    )
    return {"po": po.username, "crn": prisoner.crn}


@pytest.fixture
def journey(live_url: str, live_database: Path) -> dict[str, str]:
    tag = f"{secrets.randbelow(10**6):06d}"
    code = (
        "import json; from tests.browser.test_parole_journey import build; "
        f"print(json.dumps(build({PASSWORD!r}, {tag!r})))"
    )
    return json.loads(manage(live_database, "shell", "-c", code).strip().splitlines()[-1])


def _date(page, group: str, day) -> None:
    fieldset = page.get_by_role("group", name=group)
    fieldset.get_by_label("Day").fill(str(day.day))
    fieldset.get_by_label("Month").fill(str(day.month))
    fieldset.get_by_label("Year").fill(str(day.year))


def test_request_write_sign_pdf_hearing_and_decision(page, journey):
    import datetime as dt

    crn = journey["crn"]
    today = dt.date.today()
    _sign_in(page, journey["po"])

    page.goto(f"/cases/{crn}/parole/")
    _check(page)
    page.get_by_role("link", name="Record a Parole Board request").click()
    _check(page)
    page.get_by_label("Life sentence").check()
    _date(page, "Target date of the review", today + dt.timedelta(weeks=30))
    page.get_by_role("button", name="Record the request").click()
    expect(page.get_by_text("Parole review recorded")).to_be_visible()
    expect(page.get_by_label("Sentence and key dates")).to_contain_text("Life sentence")
    _check(page)

    page.get_by_label("Current risk and RoSH analysis").fill(
        "Risk to a known adult is high; reduced by work done."
    )
    expect(page.get_by_text("Saved at")).to_be_visible(timeout=10000)  # the autosave
    _date(page, "Date the victim liaison officer was contacted for this hearing", today)
    page.get_by_role("group", name="Are victims in the Victim Contact Scheme?").get_by_label("Yes").check()
    page.get_by_label("Release on licence").check()
    page.get_by_label("Reasons for the recommendation").fill("Kaizen completed; the plan manages the risk.")
    page.get_by_label("The POM agrees").check()
    page.get_by_label("Risk management plan").fill("Weekly supervision, curfew and an exclusion zone.")
    page.get_by_label("Non-disclosable annex").fill("Police intelligence: not for the prisoner.")
    page.get_by_role("button", name="Save draft").click()
    expect(page.get_by_text("Draft saved at")).to_be_visible()

    page.get_by_role("link", name="Sign the report").click()
    _check(page)
    page.get_by_role("button", name="Sign the report").click()
    expect(page.get_by_text("Report signed")).to_be_visible()
    _check(page)

    response = page.request.get(
        page.get_by_role("link", name="PAROM1 (PDF, disclosable)").get_attribute("href")
    )
    assert response.status == 200
    assert response.headers["content-type"] == "application/pdf"

    page.get_by_role("link", name="Record the hearing and the decision").click()
    _check(page)
    _date(page, "Hearing date", today)
    page.get_by_label("Oral hearing").check()
    page.get_by_label("Release directed").check()
    _date(page, "Date of the decision", today)
    page.get_by_role("button", name="Save the hearing").click()
    expect(page.get_by_text("Hearing saved")).to_be_visible()
    window_end = today + dt.timedelta(days=21)
    expect(page.get_by_text(f"Until {window_end.day} {window_end:%B %Y} (open)")).to_be_visible()
    _check(page)
