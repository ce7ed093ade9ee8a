"""Recall pages: the "consider a recall" journey through the pages, the decision page (recommendation
read-only, exclusions listed, only allowed types offered), the no-recall letter and the view audit."""

import datetime as dt
import io

import pytest
from django.urls import reverse
from pypdf import PdfReader

from probation.audit.models import AuditEvent
from probation.core import clock
from probation.core.clock import today_uk
from probation.enforcement.models import Recall
from probation.enforcement.services.recall import (
    RecallRecommendation,
    recall_decide,
    recall_recommend,
    recall_start,
)
from probation.enforcement.tests.test_breach_workflow_data import licence_for
from probation.people.tests.factories import PersonFactory
from probation.risk.tests.test_registration_factories import RegistrationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def person(officer_user):
    return PersonFactory(officer=officer_user.staff)


@pytest.fixture
def licence(person):
    return licence_for(person)


def _today():
    day = today_uk()
    return {"on_0": str(day.day), "on_1": str(day.month), "on_2": str(day.year)}


def _recommended(user, person, licence, **kwargs):
    recall = recall_start(
        actor=user,
        crn=person.crn,
        sentence_id=licence.sentence_id,
        circumstances="Left the address",
        emergency=False,
    )
    values = {
        "condition_ids": [licence.conditions.order_by("ordinal")[4].pk],
        "alternatives": ["warning"],
        "alternatives_notes": "",
        "charged_with_new_offence": False,
        "referred_to_parole_board": False,
        "victims_in_contact_scheme": False,
        "recommendation": "recall",
        "recommended_type": "fixed_term",
        "reason": "Whereabouts unknown for a week",
    } | kwargs
    return recall_recommend(
        actor=user,
        crn=person.crn,
        recall_id=recall.pk,
        expected_version=1,
        answers=RecallRecommendation(**values),
    )


def test_the_consider_a_recall_journey_through_the_pages(client, officer_user, spo_user, person, licence):
    client.force_login(officer_user)
    response = client.post(
        reverse("enforcement:recall-start", args=[person.crn, licence.sentence_id]),
        {"circumstances": "Left the approved address", "emergency": "no"},
    )
    recall = Recall.objects.get()
    assert response["Location"] == reverse("enforcement:recall-recommend", args=[person.crn, recall.pk])
    condition = licence.conditions.order_by("ordinal").first()
    response = client.post(
        response["Location"],
        {
            "breached_conditions": [condition.pk],
            "alternatives": ["warning", "drug_testing"],
            "charged_with_new_offence": "no",
            "referred_to_parole_board": "no",
            "victims_in_contact_scheme": "yes",
            "recommendation": "recall",
            "recommended_type": "fixed_term",
            "reason": "Whereabouts unknown",
            "version": "1",
        },
    )
    detail = reverse("enforcement:recall-detail", args=[person.crn, recall.pk])
    assert response["Location"] == detail

    client.force_login(spo_user)
    response = client.post(
        reverse("enforcement:recall-decide", args=[person.crn, recall.pk]),
        {"decision": "recall", "recall_type": "fixed_term", "rationale": "Agreed", "version": "2"},
    )
    assert response["Location"] == detail
    response = client.post(
        reverse("enforcement:recall-custody", args=[person.crn, recall.pk]), {**_today(), "version": "3"}
    )
    assert response["Location"] == detail

    page = client.get(detail).content.decode()
    assert "Returned to custody" in page
    assert "Automatic re-release due" in page
    assert "Record re-release" in page


def test_the_decision_page_shows_the_recommendation_and_only_the_mandatory_fixed_term(
    client, officer_user, spo_user, person, licence
):
    _recommended(officer_user, person, licence)
    client.force_login(spo_user)

    page = client.get(
        reverse("enforcement:recall-decide", args=[person.crn, Recall.objects.get().pk])
    ).content.decode()

    assert "Whereabouts unknown for a week" in page
    assert "Fixed-term recall" in page
    assert 'value="fixed_term"' in page
    assert 'value="standard"' not in page
    assert "None of the exclusions from automatic release applies." in page


def test_before_31_march_2026_the_decision_page_lists_the_exclusions_and_offers_both_types(
    client, officer_user, spo_user, person, licence, monkeypatch
):
    monkeypatch.setattr(clock, "today_uk", lambda: dt.date(2026, 3, 30))
    RegistrationFactory(person=person, register_type="MAPP", category="M4", level="M3")
    _recommended(officer_user, person, licence, charged_with_new_offence=True, recommended_type="standard")
    client.force_login(spo_user)

    page = client.get(
        reverse("enforcement:recall-decide", args=[person.crn, Recall.objects.get().pk])
    ).content.decode()

    for label in ("Recalled on a new charge", "MAPPA level 2 or 3", "MAPPA category 4"):
        assert label in page
    assert 'value="fixed_term"' in page
    assert 'value="standard"' in page


def test_the_decision_page_offers_only_standard_for_an_indeterminate_sentence(
    client, officer_user, spo_user, person
):
    licence = licence_for(person, kind="indeterminate")
    _recommended(officer_user, person, licence, recommended_type="standard")
    client.force_login(spo_user)

    page = client.get(
        reverse("enforcement:recall-decide", args=[person.crn, Recall.objects.get().pk])
    ).content.decode()

    assert 'value="standard"' in page
    assert 'value="fixed_term"' not in page


def test_a_decision_without_rationale_shows_the_error_and_changes_nothing(
    client, officer_user, spo_user, person, licence
):
    recall = _recommended(officer_user, person, licence)
    client.force_login(spo_user)

    response = client.post(
        reverse("enforcement:recall-decide", args=[person.crn, recall.pk]),
        {"decision": "recall", "recall_type": "fixed_term", "rationale": "", "version": "2"},
    )

    assert response.status_code == 200
    assert "Give the rationale for the recall decision" in response.content.decode()
    recall.refresh_from_db()
    assert recall.status == "awaiting_decision"


def test_a_practitioner_cannot_open_or_post_the_decision(client, officer_user, person, licence):
    recall = _recommended(officer_user, person, licence)
    client.force_login(officer_user)
    url = reverse("enforcement:recall-decide", args=[person.crn, recall.pk])

    assert client.get(url).status_code == 404
    response = client.post(
        url, {"decision": "recall", "recall_type": "fixed_term", "rationale": "x", "version": "2"}
    )

    assert response.status_code == 404
    recall.refresh_from_db()
    assert recall.status == "awaiting_decision"
    detail = client.get(reverse("enforcement:recall-detail", args=[person.crn, recall.pk])).content.decode()
    assert ">Decide<" not in detail


def test_the_no_recall_letter_explains_the_decision_and_is_audited(
    client, officer_user, spo_user, person, licence
):
    recall = _recommended(officer_user, person, licence, recommendation="no_recall", recommended_type="")
    recall_decide(
        actor=spo_user,
        crn=person.crn,
        recall_id=recall.pk,
        expected_version=2,
        decision="no_recall",
        recall_type="",
        rationale="Engaging again",
    )
    client.force_login(officer_user)

    response = client.get(reverse("enforcement:recall-letter", args=[person.crn, recall.pk]))

    text = " ".join(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(response.content)).pages).split())
    assert "decided not to recall you" in text
    assert "Reside permanently at an address approved by the supervising officer" in text
    assert "If you breach your licence conditions again, you may be recalled to prison." in text
    assert "Engaging again" not in text
    event = AuditEvent.objects.get(action="export")
    assert (event.object_type, event.object_id, event.detail) == (
        "recall",
        str(recall.pk),
        {"document": "no_recall_letter"},
    )


def test_there_is_no_letter_unless_the_decision_was_no_recall(client, officer_user, person, licence):
    recall = _recommended(officer_user, person, licence)
    client.force_login(officer_user)

    assert client.get(reverse("enforcement:recall-letter", args=[person.crn, recall.pk])).status_code == 404
    assert not AuditEvent.objects.filter(action="export").exists()


def test_viewing_recall_pages_is_audited(client, officer_user, person, licence):
    recall = _recommended(officer_user, person, licence)
    client.force_login(officer_user)

    client.get(reverse("enforcement:recall-detail", args=[person.crn, recall.pk]))

    event = AuditEvent.objects.get(action="view", object_type="recall")
    assert event.detail == {"section": "sentences", "page": "detail"}
