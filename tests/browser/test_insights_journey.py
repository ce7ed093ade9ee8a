"""A head of PDU opens Local information, the needs chart of their PDU, downloads its CSV and reads the
equality figures for breach; the pages pass axe and work at 320 px (issue 17 items 3 and 4)."""

import csv
import io
import json
import secrets
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import manage
from tests.browser.test_senior_po_journey import PASSWORD, _check, _sign_in

pytestmark = pytest.mark.browser


def build(password: str, tag: str) -> dict[str, str]:
    """A PDU with a head of PDU and four assessed cases, three with an accommodation need. Runs in a
    ``manage.py shell`` on the live database."""
    from probation.accounts.tests.factories import PDUFactory, StaffFactory, TeamFactory, UserFactory
    from probation.assessments.tests.factories import CompletedAssessmentFactory
    from probation.people.tests.factories import PersonFactory
    from probation.sentences.tests.factories import SentenceFactory

    for made in (UserFactory, PDUFactory, TeamFactory, StaffFactory):
        made.reset_sequence(int(tag) * 100)
    team = TeamFactory(
        code=f"IN{tag}", name="Insights team", pdu=PDUFactory(code=f"I{tag[:5]}", name="Insightshire")
    )
    head = UserFactory(
        username=f"head-{tag}",
        role="head_of_pdu",
        staff=StaffFactory(code=f"IH{tag}", team=team, grade="HPDU"),
    )
    head.set_password(password)
    head.save()
    officer = StaffFactory(code=f"IO{tag}", team=team, grade="PO")
    for n in range(4):
        person = PersonFactory(crn=f"N{tag[:3]}{n:03d}", officer=officer, tier="C1")
        SentenceFactory(event__person=person)
        need = "yes" if n < 3 else "no"
        CompletedAssessmentFactory(
            person=person, answers={"accommodation": {"no_fixed_abode_or_transient": need}}
        )
    return {"username": head.username, "pdu": team.pdu.code}


@pytest.fixture
def area(live_url: str, live_database: Path) -> dict[str, str]:
    tag = f"{secrets.randbelow(10**6):06d}"
    code = (
        "import json; from tests.browser.test_insights_journey import build; "
        f"print(json.dumps(build({PASSWORD!r}, {tag!r})))"
    )
    found = json.loads(manage(live_database, "shell", "-c", code).strip().splitlines()[-1])
    manage(live_database, "aggregate_insights")
    return found


def test_a_head_of_pdu_opens_the_needs_chart_downloads_its_csv_and_reads_equality(page, area):
    _sign_in(page, area["username"])
    page.get_by_role("navigation", name="Menu").get_by_role("link", name="Local information").click()
    expect(page.get_by_role("heading", name="Local information")).to_be_visible()
    expect(page.get_by_text("Insightshire (PDU)")).to_be_visible()
    _check(page)

    page.get_by_role("link", name="Needs").click()
    expect(page.get_by_role("heading", name="Needs", exact=True)).to_be_visible()
    chart = page.get_by_role("img", name="Needs,")
    expect(chart).to_be_visible()
    expect(chart.locator("text", has_text="75.0%")).to_have_count(1)
    accommodation = page.locator("tr", has=page.get_by_role("rowheader", name="Accommodation"))
    expect(accommodation).to_contain_text("75.0%")
    _check(page)

    with page.expect_download() as download:
        page.get_by_role("link", name="Download needs as CSV").click()
    rows = list(csv.reader(io.StringIO(Path(download.value.path()).read_text())))
    assert rows[0] == ["Area", "Area type", "Area code", "Figure", "Month", "Category", "Count"]
    assert any(r[2] == area["pdu"] and r[5] == "Accommodation" and r[6] == "3" for r in rows)

    page.get_by_role("link", name="Local information: Insightshire").click()
    page.get_by_role("link", name="Breach initiated").click()
    expect(page.get_by_role("heading", name="Equality monitoring: breach initiated")).to_be_visible()
    expect(page.get_by_text("They show differences, not their causes")).to_be_visible()
    expect(page.get_by_role("table", name="Ethnicity")).to_contain_text("fewer than 10")
    _check(page)
