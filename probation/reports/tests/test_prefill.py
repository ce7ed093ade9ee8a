"""The report's pre-fill from the record (issue 11 item 4; court-reports.md § Content, § Never in a
report): each item names its source, harm predictors come first, and nothing is read from victim,
MAPPA-minute, sensitive or not-for-disclosure material."""

import datetime as dt

import pytest

from probation.contacts.tests.factories import ContactFactory, EnforcementCaseFactory
from probation.mappa.tests.factories import MappaMeetingFactory
from probation.reports.models import Report
from probation.reports.selectors.prefill import report_prefill
from probation.reports.services.writing import report_open
from probation.reports.tests.writing_setup import allocated_request, completed_needs, score
from probation.risk.services.rosh import rosh_assessment_create
from probation.risk.tests.test_registration_factories import RegistrationFactory
from probation.scores.tests.factories import CriminalHistoryFactory, current_community_sentence

pytestmark = pytest.mark.django_db
TODAY = dt.date(2026, 12, 3)
RATINGS = {
    "children_community": "low",
    "public_community": "high",
    "known_adult_community": "medium",
    "staff_community": "low",
}


@pytest.fixture
def request_(officer_user):
    return allocated_request(officer_user)


def _lines(request_, section):
    return [item.line for item in report_prefill(request=request_, today=TODAY) if item.section == section]


def test_the_offences_come_from_the_courts_request(request_):
    assert _lines(request_, "offence_analysis") == [
        "Offence: Theft of a pedal cycle (TH68010) (From the court's request of 1 December 2026)"
    ]


def test_previous_sanctions_sentences_and_their_compliance_fill_the_pattern_of_offending(request_):
    person = request_.person
    CriminalHistoryFactory(person=person, previous_sanctions=6, previous_violent_sanctions=1)
    sentence = current_community_sentence(person, sentence_date=dt.date(2026, 2, 1))
    ContactFactory(sentence=sentence, outcome="UAAB", starts_at=dt.datetime(2026, 4, 14, 10, tzinfo=dt.UTC))

    lines = _lines(request_, "pattern_of_offending")

    assert lines[0].startswith("Previous sanctions: 6 (1 violent) (From the criminal history updated ")
    number = sentence.event.number
    assert lines[1].startswith(f"Event {number}: Community order")
    assert lines[1].endswith(
        f"sentenced 1 February 2026, current (From the sentence record of event {number})"
    )
    assert lines[2] == (
        f"Compliance on event {number}: 1 failure to comply, no warnings, no breaches "
        f"(From the enforcement record of event {number})"
    )


def test_need_severities_of_the_latest_completed_assessment_fill_circumstances(request_):
    completed_needs(request_.person)

    assert _lines(request_, "circumstances") == [
        "Accommodation: severe need (From the needs assessment completed 2 March 2026)",
        "Relationships: standard need (From the needs assessment completed 2 March 2026)",
    ]


def test_risk_puts_harm_predictors_first_then_rosh_then_reoffending_then_registrations(
    request_, officer_user
):
    person = request_.person
    score(person, "ogrs3", {"one_year_percent": 34, "two_year_percent": 51, "band": "medium"})
    score(person, "rsr", {"percent": 7.35, "band": "high"}, day=10)
    score(person, "rsr", {"percent": 2.1, "band": "low"}, day=1)  # older: not shown
    rosh_assessment_create(
        actor=officer_user,
        crn=person.crn,
        assessed_on=dt.date(2026, 3, 5),
        ratings=RATINGS,
        evidence={"nature_of_risk": "Violence", "who_is_at_risk": "Ex-partner"},
    )

    lines = _lines(request_, "risk_assessment")

    assert lines[0] == "RSR: 7.35%, high (From RSR score calculated 10 March 2026)"
    assert lines[1] == (
        "Risk of serious harm in the community: high overall (children low, public high, known adult medium, "
        "staff low) (From the RoSH assessment of 5 March 2026)"
    )
    assert lines[2] == (
        "OGRS3: 51% within 2 years (34% within 1 year), medium (From OGRS3 score calculated 12 March 2026)"
    )
    assert lines[3].startswith("Registration: ")  # the RoSH registration the assessment made
    assert lines[3].endswith("(From the registration of 5 March 2026)")


def test_the_report_is_created_with_the_prefill_in_its_sections_and_the_type_requested(
    request_, officer_user
):
    score(request_.person, "ogrs3", {"one_year_percent": 34, "two_year_percent": 51, "band": "medium"})

    report = report_open(actor=officer_user, request=request_)

    assert report.report_type == request_.type_requested
    assert report.offence_analysis.startswith("Offence: Theft of a pedal cycle (TH68010)")
    assert "OGRS3: 51% within 2 years" in report.risk_assessment
    assert "From OGRS3 score calculated 12 March 2026" in report.risk_assessment
    assert (report.proposal, report.rationale) == ("", "")


def test_nothing_from_victim_mappa_sensitive_or_not_for_disclosure_material_is_prefilled(
    request_, officer_user
):
    """Plant each kind of material the report must never carry, with a marker, and search every
    section the pre-fill wrote."""
    person = request_.person
    sentence = current_community_sentence(person)
    ContactFactory(sentence=sentence, notes="SENSITIVE-MARKER victim lives at 4 Elm Road", sensitive=True)
    ContactFactory(sentence=sentence, notes="NFD-MARKER NOT FOR DISCLOSURE police intelligence")
    EnforcementCaseFactory(contact=ContactFactory(sentence=sentence, outcome="UAAB", notes="FTC-NOTE-MARKER"))
    MappaMeetingFactory(person=person, minutes="MAPPA-MINUTES-MARKER", decisions="MAPPA-DECISION-MARKER")
    RegistrationFactory(person=person, register_type="ALSH", notes="REGISTRATION-NOTE-MARKER victim's school")
    rosh_assessment_create(
        actor=officer_user,
        crn=person.crn,
        assessed_on=dt.date(2026, 3, 5),
        ratings=RATINGS,
        evidence={
            "nature_of_risk": "ROSH-NATURE-MARKER",
            "who_is_at_risk": "VICTIM-NAME-MARKER at 4 Elm Road",
        },
    )

    report = report_open(actor=officer_user, request=request_)

    text = " ".join(str(getattr(report, f.name)) for f in Report._meta.concrete_fields)
    prefilled = " ".join(item.line for item in report_prefill(request=request_, today=TODAY))
    for marker in (
        "SENSITIVE-MARKER",
        "NFD-MARKER",
        "FTC-NOTE-MARKER",
        "MAPPA-MINUTES-MARKER",
        "MAPPA-DECISION-MARKER",
        "REGISTRATION-NOTE-MARKER",
        "ROSH-NATURE-MARKER",
        "VICTIM-NAME-MARKER",
        "Elm Road",
    ):
        assert marker not in text, marker
        assert marker not in prefilled, marker
    assert "Registration: " in report.risk_assessment  # the planted registration is there, without its notes
