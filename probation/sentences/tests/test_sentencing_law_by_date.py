"""A sentence is checked against the law in force on its date of sentence (enforcement.md § Law by
date): suspended sentence orders up to 2 years before 22 March 2026 and 3 years from it, top-up
supervision repealed from that date, and short immediate custodial terms explained by the presumption
to suspend."""

import datetime as dt

import pytest
from django.test import override_settings
from django.urls import reverse

from probation.core.errors import ServiceError
from probation.sentences.models import Event, Sentence
from probation.sentences.services.events import (
    OffenceInput,
    RequirementInput,
    SentenceInput,
    event_create,
)
from probation.sentences.tests.factories import CustodialSentenceFactory, EventOffenceFactory

pytestmark = pytest.mark.django_db
DAY_BEFORE, COMMENCEMENT = dt.date(2026, 3, 21), dt.date(2026, 3, 22)


def _create(actor, case, *, on, sentence_type, **lengths):
    return event_create(
        actor=actor,
        crn=case.crn,
        conviction_date=on,
        court="Leeds Crown Court",
        main_offence=OffenceInput("10400", dt.date(2026, 1, 15)),
        sentence=SentenceInput(type=sentence_type, sentence_date=on, start_date=on, **lengths),
        requirements=[RequirementInput("unpaid_work", 100)]
        if sentence_type != "post_sentence_supervision"
        else [],
    )


def test_a_suspended_sentence_of_30_months_is_refused_the_day_before_the_sentencing_act_2026(
    case, officer_user
):
    with pytest.raises(ServiceError) as refused:
        _create(
            officer_user,
            case,
            on=DAY_BEFORE,
            sentence_type="suspended_sentence_order",
            custodial_months=30,
            length_months=12,
        )

    assert [(e.field, e.message) for e in refused.value.errors] == [
        (
            "custodial_months",
            "A suspended sentence order imposed before 22 March 2026 can suspend a term of at most 2 years "
            "(24 months); 30 was given",
        )
    ]
    assert Event.objects.count() == 0


def test_a_suspended_sentence_of_30_months_with_30_months_supervision_is_recorded_on_the_day(
    case, officer_user
):
    event = _create(
        officer_user,
        case,
        on=COMMENCEMENT,
        sentence_type="suspended_sentence_order",
        custodial_months=30,
        length_months=30,
    )

    assert (event.sentence.custodial_months, event.sentence.length_months) == (30, 30)


def test_a_suspended_sentence_over_3_years_is_refused_on_the_day_naming_the_limit_and_date(
    case, officer_user
):
    with pytest.raises(ServiceError) as refused:
        _create(
            officer_user,
            case,
            on=COMMENCEMENT,
            sentence_type="suspended_sentence_order",
            custodial_months=37,
            length_months=37,
        )

    assert [e.message for e in refused.value.errors] == [
        "A suspended sentence order imposed on or after 22 March 2026 can suspend a term of at most 3 years "
        "(36 months); 37 was given",
        "A suspended sentence order imposed on or after 22 March 2026 has an operational period of at most "
        "3 years (36 months), and its supervision period cannot be longer; 37 was given",
    ]


def test_top_up_supervision_is_recorded_the_day_before_its_repeal(case, officer_user):
    event = _create(
        officer_user, case, on=DAY_BEFORE, sentence_type="post_sentence_supervision", length_months=12
    )

    assert event.sentence.type == "post_sentence_supervision"


def test_top_up_supervision_is_refused_from_its_repeal(case, officer_user):
    with pytest.raises(ServiceError) as refused:
        _create(
            officer_user, case, on=COMMENCEMENT, sentence_type="post_sentence_supervision", length_months=12
        )

    assert (refused.value.field, refused.value.message) == (
        "sentence_type",
        "Post-sentence (top-up) supervision was repealed by the Sentencing Act 2026 from 22 March 2026: a "
        "sentence imposed on or after that date has none",
    )
    assert Sentence.objects.count() == 0


@override_settings(LAW_COMMENCEMENT_DATES={"sentencing_act_2026_suspended_sentences": "2026-03-25"})
def test_a_corrected_commencement_date_in_settings_moves_the_limit(case, officer_user):
    with pytest.raises(
        ServiceError, match="imposed before 25 March 2026 can suspend a term of at most 2 years"
    ):
        _create(
            officer_user,
            case,
            on=COMMENCEMENT,
            sentence_type="suspended_sentence_order",
            custodial_months=30,
            length_months=12,
        )


def test_the_form_shows_the_dated_limit_beside_the_custodial_term(client, case, officer_user):
    client.force_login(officer_user)
    data = {
        "conviction_date_0": "21", "conviction_date_1": "3", "conviction_date_2": "2026",
        "court": "Leeds Crown Court",
        "main_code": "10400", "main_date_0": "15", "main_date_1": "1", "main_date_2": "2026",
        "sentence_type": "suspended_sentence_order",
        "sentence_date_0": "21", "sentence_date_1": "3", "sentence_date_2": "2026",
        "start_date_0": "21", "start_date_1": "3", "start_date_2": "2026",
        "length_months": "12", "custodial_months": "30", "kind": "standard_determinate",
        "requirement_type": "unpaid_work", "requirement_amount": "120",
    }  # fmt: skip

    response = client.post(reverse("sentences:event-create", args=[case.crn]), data)

    body = response.content.decode()
    assert response.status_code == 200
    assert (
        '<a href="#id_custodial_months">A suspended sentence order imposed before 22 March 2026 can suspend '
        "a term of at most 2 years (24 months); 30 was given</a>"
    ) in body
    assert Event.objects.count() == 0


@pytest.mark.parametrize(
    ("on", "months", "shown"),
    [(DAY_BEFORE, 6, False), (COMMENCEMENT, 6, True), (COMMENCEMENT, 12, True), (COMMENCEMENT, 13, False)],
)
def test_a_short_immediate_custodial_term_is_explained_by_the_presumption_to_suspend(
    client, case, officer_user, on, months, shown
):
    sentence = CustodialSentenceFactory(
        event__person=case, sentence_date=on, start_date=on, custodial_months=months
    )
    EventOffenceFactory(event=sentence.event)
    client.force_login(officer_user)

    body = client.get(reverse("sentences:sentence-detail", args=[case.crn, sentence.pk])).content.decode()

    expected = (
        "From 22 March 2026 (Sentencing Act 2026) a custodial term of 12 months or less is presumed to be "
        "suspended unless there are exceptional circumstances."
    )
    assert (expected in body) is shown
