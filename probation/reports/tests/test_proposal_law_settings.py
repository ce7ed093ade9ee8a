"""The report's proposal is judged by the same dated rules as recording the sentence: a deployment that
corrects a commencement date in settings (LAW_COMMENCEMENT_DATES, ADR 0030) changes what the editor
offers and what the proposal check allows, as it changes what the conviction form allows."""

import datetime as dt
import html

import pytest
from django.urls import reverse

from probation.reports.services.writing import report_save_draft
from probation.reports.tests.writing_setup import allocated_request, opened_report
from probation.rules.errors import RuleErrorCollector, RuleErrors
from probation.sentences.services.sentence_limits import SentenceDraft, check_lengths, sentencing_rules_for

pytestmark = pytest.mark.django_db
HEARING = dt.date(2026, 12, 8)
# The Sentencing Act 2026's suspended sentence changes, said (in settings) to start after the hearing.
LATER = {"sentencing_act_2026_suspended_sentences": "2027-01-04"}
SSO_30_MONTHS = {
    "sentence_type": "suspended_sentence_order",
    "length_months": 30,
    "custodial_months": 6,
    "requirements": [{"type": "unpaid_work", "amount": 120}],
}


def _save(report, actor):
    return report_save_draft(
        actor=actor, report=report, expected_version=report.version, data={"proposed_sentence": SSO_30_MONTHS}
    )


def test_a_30_month_operational_period_is_allowed_under_the_2026_act(officer_user):
    report = opened_report(officer_user, hearing_date=HEARING, adjourned_to=HEARING)

    _save(report, officer_user)

    report.refresh_from_db()
    assert report.proposed_sentence["length_months"] == 30


def test_a_later_commencement_in_settings_refuses_the_same_proposal(officer_user, settings):
    settings.LAW_COMMENCEMENT_DATES = LATER
    report = opened_report(officer_user, hearing_date=HEARING, adjourned_to=HEARING)

    with pytest.raises(RuleErrors, match="operational period must be between 6 and 24 months"):
        _save(report, officer_user)


def test_the_editor_offers_what_the_law_in_settings_allows(client, officer_user, settings):
    request = allocated_request(officer_user, hearing_date=HEARING, adjourned_to=HEARING)
    url = reverse("reports:report", args=[request.person.crn, request.pk])
    client.force_login(officer_user)
    before = html.unescape(client.get(url).content.decode())

    settings.LAW_COMMENCEMENT_DATES = LATER
    after = html.unescape(client.get(url).content.decode())

    assert "suspended for 6 to 36 months" in before
    assert "presumed to be suspended" in before
    assert "suspended for 6 to 24 months" in after
    assert "presumed to be suspended" not in after


def _recording_errors() -> list[str]:
    draft = SentenceDraft(
        type="suspended_sentence_order",
        sentence_date=HEARING,
        start_date=HEARING,
        length_months=30,
        custodial_months=6,
    )
    errors = RuleErrorCollector()
    check_lengths(draft, sentencing_rules_for(HEARING, errors), errors)
    return [e.message for e in errors.errors]


def test_recording_the_sentence_follows_the_same_setting(settings):
    assert _recording_errors() == []

    settings.LAW_COMMENCEMENT_DATES = LATER

    assert len(_recording_errors()) == 1
