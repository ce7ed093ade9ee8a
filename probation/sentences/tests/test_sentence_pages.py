"""The sentences list, the sentence page (summary, timeline, requirement progress, licence, panels)
and the forms, through the browser-facing views."""

import datetime as dt

import pytest
from django.urls import reverse

from probation.audit.models import AuditEvent
from probation.core.clock import today_uk
from probation.core.panels import Panel, register_panel
from probation.core.panels import _registry as panel_registry
from probation.frontend.tests.forms import date_fields
from probation.sentences.models import Event, Sentence
from probation.sentences.presenters import timeline, unpaid_work_risk
from probation.sentences.tests.factories import (
    CustodialSentenceFactory,
    EventOffenceFactory,
    LicenceConditionFactory,
    LicenceFactory,
    RequirementFactory,
    SentenceFactory,
)

pytestmark = pytest.mark.django_db
TODAY = today_uk()


def _order(case, start, **kwargs):
    sentence = SentenceFactory(
        event__person=case,
        event__conviction_date=start,
        expected_end_date=start.replace(year=start.year + 1),
        **kwargs,
    )
    EventOffenceFactory(event=sentence.event)
    return sentence


def test_list_shows_events_current_first_with_offence_court_type_and_status(client, case, officer_user):
    ended = _order(
        case, dt.date(2025, 1, 6), terminated_on=dt.date(2025, 8, 1), termination_reason="completed"
    )
    current = _order(case, dt.date(2024, 5, 1))
    client.force_login(officer_user)

    response = client.get(reverse("sentences:list", args=[case.crn]))

    body = response.content.decode()
    assert response.status_code == 200
    assert body.index(f"Event {current.event.number}") < body.index(f"Event {ended.event.number}")
    assert "Theft from the person of another" in body
    assert "Leeds Magistrates&#x27; Court" in body
    assert "Community order" in body
    assert "12 months" in body
    assert "Terminated" in body
    assert "6 January 2025 to 1 August 2025 (Completed)" in body
    assert "Record a conviction and sentence" in body
    audit = AuditEvent.objects.get(action="view", object_type="sentence")
    assert audit.detail == {"section": "sentences", "shown": [current.event_id, ended.event_id]}


def test_list_query_count_does_not_grow_with_events(
    client, case, officer_user, django_assert_max_num_queries
):
    client.force_login(officer_user)
    _order(case, dt.date(2025, 1, 6))
    url = reverse("sentences:list", args=[case.crn])
    with django_assert_max_num_queries(40) as one:
        client.get(url)
    for month in range(2, 7):
        _order(case, dt.date(2025, month, 6))

    with django_assert_max_num_queries(len(one)):
        client.get(url)


def test_sentence_page_shows_summary_timeline_progress_and_audits_the_view(client, case, officer_user):
    start = TODAY - dt.timedelta(days=100)
    sentence = _order(case, start)
    RequirementFactory(sentence=sentence, ordered=100, done=5)
    RequirementFactory(sentence=sentence, type="rehabilitation_activity", ordered=20, done=3)
    RequirementFactory(
        sentence=sentence, type="curfew", ordered=8, electronic_monitoring=True, details="7pm to 7am"
    )
    client.force_login(officer_user)

    response = client.get(reverse("sentences:sentence-detail", args=[case.crn, sentence.pk]))

    body = response.content.decode()
    assert response.status_code == 200
    assert "Timeline" in body
    assert "% elapsed" in body
    assert "5 of 100 hours credited (5%)" in body
    assert "At risk" in body
    assert "At the current rate" in body
    assert "3 of 20 days used (15%)" in body
    assert "8 hours a day" in body
    assert "7pm to 7am" in body
    assert "Electronic monitoring" in body
    assert "Terminate sentence" in body
    assert "Add a requirement" in body
    audit = AuditEvent.objects.get(action="view")
    assert (audit.object_type, audit.object_id, audit.detail) == (
        "sentence",
        str(sentence.pk),
        {"section": "sentences", "page": "sentence"},
    )


def test_sentence_page_shows_the_licence_and_its_conditions(client, case, officer_user):
    licence = LicenceFactory(sentence__event__person=case, pss_end_date=None)
    EventOffenceFactory(event=licence.sentence.event)
    LicenceConditionFactory(licence=licence)
    LicenceConditionFactory(
        licence=licence, kind="bespoke", category="", text="Attend the drug intervention programme"
    )
    client.force_login(officer_user)

    body = client.get(
        reverse("sentences:sentence-detail", args=[case.crn, licence.sentence_id])
    ).content.decode()

    assert "Licence expiry date (LED)" in body
    assert "1 June 2027" in body
    assert "Not commit any offence." in body
    assert "Exclusion zone:" in body
    assert "Attend the drug intervention programme" in body
    assert "Add a licence condition" in body


def test_custodial_sentence_without_licence_offers_to_record_release(client, case, officer_user):
    sentence = CustodialSentenceFactory(event__person=case)
    client.force_login(officer_user)

    body = client.get(reverse("sentences:sentence-detail", args=[case.crn, sentence.pk])).content.decode()

    assert "Record release on licence" in body
    assert "No release on licence recorded." in body


def test_panels_registered_for_the_sentence_slot_render_after_the_requirements(client, case, officer_user):
    sentence = _order(case, dt.date(2025, 1, 6))
    seen = {}

    def builder(*, request, person, sentence, **kwargs):
        seen["args"] = (person.pk, sentence.pk)
        return Panel("sentences/_bar.html", {"marker": 1})

    register_panel("sentence", builder)
    try:
        client.force_login(officer_user)
        response = client.get(reverse("sentences:sentence-detail", args=[case.crn, sentence.pk]))
    finally:
        panel_registry["sentence"].remove((0, builder))

    assert response.status_code == 200
    assert seen["args"] == (case.pk, sentence.pk)


def test_timeline_marks_today_and_states_it_in_words():
    sentence = Sentence(
        start_date=dt.date(2026, 1, 1),
        expected_end_date=dt.date(2026, 12, 31),
        sentence_date=dt.date(2026, 1, 1),
    )

    shown = timeline(sentence, today=dt.date(2026, 7, 2))

    assert shown.percent == 50
    assert shown.text == (
        "50% elapsed: started on 1 January 2026, today is 2 July 2026, expected to end on 31 December 2026 "
        "(182 days left)."
    )
    assert (
        timeline(Sentence(start_date=dt.date(2026, 1, 1), expected_end_date=None), today=dt.date(2026, 7, 2))
        is None
    )


@pytest.mark.parametrize(
    ("done", "today", "at_risk"),
    [
        (0, dt.date(2026, 1, 20), False),  # too early to judge the rate
        (10, dt.date(2026, 4, 1), True),  # 10 hours in 3 months: about 40 of 100 by the deadline
        (30, dt.date(2026, 4, 1), False),
        (90, dt.date(2027, 1, 2), True),  # deadline passed with hours left
        (100, dt.date(2027, 1, 2), False),
    ],
)
def test_unpaid_work_is_at_risk_when_overdue_or_the_rate_will_not_finish(done, today, at_risk):
    assert (
        bool(unpaid_work_risk(order_date=dt.date(2026, 1, 1), ordered=100, done=done, today=today)) is at_risk
    )


def test_recording_a_conviction_through_the_form_goes_to_the_new_sentence(client, case, officer_user):
    client.force_login(officer_user)
    data = {
        "conviction_date_0": "2", "conviction_date_1": "3", "conviction_date_2": "2026",
        "court": "Leeds Crown Court",
        "main_code": "10400", "main_date_0": "15", "main_date_1": "1", "main_date_2": "2026",
        "additional_1_code": "02700", "additional_1_date_0": "10", "additional_1_date_1": "1", "additional_1_date_2": "2026",
        "sentence_type": "suspended_sentence_order",
        "sentence_date_0": "2", "sentence_date_1": "3", "sentence_date_2": "2026",
        "start_date_0": "2", "start_date_1": "3", "start_date_2": "2026",
        "length_months": "18", "custodial_months": "6", "kind": "standard_determinate",
        "requirement_type": "unpaid_work", "requirement_amount": "120",
    }  # fmt: skip

    response = client.post(reverse("sentences:event-create", args=[case.crn]), data)

    sentence = Sentence.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("sentences:sentence-detail", args=[case.crn, sentence.pk])
    assert (sentence.custodial_months, sentence.length_months, sentence.event.offences.count()) == (6, 18, 2)
    assert list(sentence.requirements.values_list("type", "ordered")) == [("unpaid_work", 120)]


def test_an_unknown_offence_code_is_shown_next_to_its_field_and_nothing_is_saved(client, case, officer_user):
    client.force_login(officer_user)
    data = {
        "conviction_date_0": "2", "conviction_date_1": "3", "conviction_date_2": "2026", "court": "Leeds",
        "main_code": "99999", "main_date_0": "15", "main_date_1": "1", "main_date_2": "2026",
        "sentence_type": "community_order", "length_months": "12", "kind": "standard_determinate",
        "sentence_date_0": "2", "sentence_date_1": "3", "sentence_date_2": "2026",
        "start_date_0": "2", "start_date_1": "3", "start_date_2": "2026",
    }  # fmt: skip

    response = client.post(reverse("sentences:event-create", args=[case.crn]), data)

    assert response.status_code == 200
    assert "Main offence code 99999 is not a known Home Office offence code" in response.content.decode()
    assert Event.objects.count() == 0


def test_a_stale_termination_form_shows_what_changed(client, case, officer_user):
    sentence = _order(case, dt.date(2025, 1, 6))
    Sentence.objects.filter(pk=sentence.pk).update(version=2)
    client.force_login(officer_user)
    data = {
        **date_fields("terminated_on", dt.date(2025, 9, 1)),
        "reason": "completed",
        "version": "1",
    }

    response = client.post(reverse("sentences:sentence-terminate", args=[case.crn, sentence.pk]), data)

    assert response.status_code == 409
    assert "Your changes were not saved" in response.content.decode()
    assert Sentence.objects.get().terminated_on is None


def test_the_conviction_form_shows_every_problem_at_once_and_saves_nothing(client, case, officer_user):
    client.force_login(officer_user)
    tomorrow = today_uk() + dt.timedelta(days=1)
    data = {
        "conviction_date_0": "2", "conviction_date_1": "3", "conviction_date_2": "2026", "court": "",
        "main_code": "99999", **date_fields("main_date", dt.date(2026, 3, 3)),
        "sentence_type": "community_order", "length_months": "", "kind": "standard_determinate",
        **date_fields("sentence_date", tomorrow), **date_fields("start_date", tomorrow),
    }  # fmt: skip

    response = client.post(reverse("sentences:event-create", args=[case.crn]), data)

    body = response.content.decode()
    summary = body.split("govuk-error-summary__list", 1)[1].split("</ul>", 1)[0]
    for message in (
        "Enter the convicting court",
        "Main offence code 99999 is not a known Home Office offence code",
        "Main offence date must be on or before the date of conviction (2 March 2026)",
        "Date of sentence must be today or in the past",
        "Enter the length of the order",
    ):
        assert message in summary
    assert Event.objects.count() == 0


def test_a_second_additional_offence_alone_is_named_by_its_slot(client, case, officer_user):
    client.force_login(officer_user)
    data = {
        "conviction_date_0": "2", "conviction_date_1": "3", "conviction_date_2": "2026", "court": "Leeds",
        "main_code": "10400", **date_fields("main_date", dt.date(2026, 1, 15)),
        "additional_2_code": "1", **date_fields("additional_2_date", dt.date(2026, 1, 15)),
        "sentence_type": "community_order", "length_months": "12", "kind": "standard_determinate",
        **date_fields("sentence_date", dt.date(2026, 3, 2)), **date_fields("start_date", dt.date(2026, 3, 2)),
    }  # fmt: skip

    response = client.post(reverse("sentences:event-create", args=[case.crn]), data)

    assert "Additional offence 2 code must be a 5-digit Home Office offence code" in response.content.decode()
    assert Event.objects.count() == 0


def test_a_community_order_with_no_requirement_is_refused_on_the_form(client, case, officer_user):
    client.force_login(officer_user)
    data = {
        "conviction_date_0": "2", "conviction_date_1": "3", "conviction_date_2": "2026", "court": "Leeds",
        "main_code": "10400", **date_fields("main_date", dt.date(2026, 1, 15)),
        "sentence_type": "community_order", "length_months": "12", "kind": "standard_determinate",
        **date_fields("sentence_date", dt.date(2026, 3, 2)), **date_fields("start_date", dt.date(2026, 3, 2)),
        "requirement_type": "",
    }  # fmt: skip

    response = client.post(reverse("sentences:event-create", args=[case.crn]), data)

    body = response.content.decode()
    assert response.status_code == 200
    assert '<a href="#id_requirement_type">A community order must have at least one requirement' in body
    assert Event.objects.count() == 0


def test_the_requirement_form_shows_every_problem_at_once(client, case, officer_user):
    sentence = _order(case, dt.date(2026, 1, 5))
    client.force_login(officer_user)

    response = client.post(
        reverse("sentences:requirement-add", args=[case.crn, sentence.pk]),
        {"type": "exclusion", "amount": "5", "details": "", "electronic_monitoring": ""},
    )

    summary = response.content.decode().split("govuk-error-summary__list", 1)[1].split("</ul>", 1)[0]
    assert "Enter the start date" in summary
    assert "Exclusion requirements have no amount to order." in summary
    assert "Enter the place and period of the exclusion" in summary
    assert sentence.requirements.count() == 0
