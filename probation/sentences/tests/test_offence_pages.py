"""Offences by name on the pages (issue 10 item 7): the type-ahead's search endpoint, the forms
without JavaScript (words or a code resolved on the server), and the description shown wherever an
offence appears. Old records' made-up descriptions are replaced by the official ones."""

import importlib

import pytest
from django.apps import apps
from django.urls import reverse

from probation.accounts.models import Role
from probation.accounts.tests.factories import UserFactory
from probation.people.tests import access
from probation.sentences.models import Event, EventOffence
from probation.sentences.tests.factories import EventOffenceFactory, SentenceFactory

pytestmark = pytest.mark.django_db

SEARCH = reverse("sentences:offence-search")


def _conviction(**offence: str) -> dict[str, str]:
    return {
        "conviction_date_0": "2", "conviction_date_1": "3", "conviction_date_2": "2026", "court": "Leeds",
        "main_date_0": "15", "main_date_1": "1", "main_date_2": "2026",
        "sentence_type": "community_order", "length_months": "12", "kind": "standard_determinate",
        "sentence_date_0": "2", "sentence_date_1": "3", "sentence_date_2": "2026",
        "start_date_0": "2", "start_date_1": "3", "start_date_2": "2026",
        **offence,
    }  # fmt: skip


def test_search_answers_offences_by_words_best_first(client, officer_user):
    client.force_login(officer_user)

    response = client.get(SEARCH, {"q": "shoplifting"})

    assert response.status_code == 200
    assert response.json() == {
        "query": "shoplifting",
        "results": [
            {
                "code": "04600",
                "description": "Stealing from shops and stalls (shoplifting)",
                "label": "Stealing from shops and stalls (shoplifting) (04600)",
            }
        ],
    }


def test_search_by_code_and_with_nothing_typed(client, officer_user):
    client.force_login(officer_user)

    assert [r["code"] for r in client.get(SEARCH, {"q": "03401"}).json()["results"]] == ["03401"]
    assert client.get(SEARCH).json()["results"] == []
    assert len(client.get(SEARCH, {"q": "assault"}).json()["results"]) == 20


def test_search_is_for_signed_in_users_who_record_sentences(client):
    assert client.get(SEARCH, {"q": "theft"}).status_code == 302  # to sign-in

    client.force_login(UserFactory(role=Role.VLO))
    assert client.get(SEARCH, {"q": "theft"}).status_code == 404

    client.force_login(access.partner_user())
    assert client.get(SEARCH, {"q": "theft"}).status_code == 404

    client.force_login(UserFactory(role=Role.COURT_OFFICER))
    assert client.get(SEARCH, {"q": "theft"}).status_code == 200


def test_search_refuses_other_methods(client, officer_user):
    client.force_login(officer_user)

    assert client.post(SEARCH, {"q": "theft"}).status_code == 405


def test_without_javascript_words_naming_one_offence_record_it(client, case, officer_user):
    client.force_login(officer_user)

    response = client.post(
        reverse("sentences:event-create", args=[case.crn]), _conviction(main_code="threats to kill")
    )

    assert response.status_code == 302
    offence = EventOffence.objects.get()
    assert (offence.ho_code, offence.description) == ("00301", "Making threats to kill")


def test_the_type_ahead_choice_is_recorded_by_its_code(client, case, officer_user):
    client.force_login(officer_user)

    client.post(
        reverse("sentences:event-create", args=[case.crn]),
        _conviction(main_code="Stealing from shops and stalls (shoplifting) (04600)"),
    )

    assert EventOffence.objects.get().ho_code == "04600"


def test_without_javascript_several_matches_are_a_govuk_error_listing_the_choices(client, case, officer_user):
    client.force_login(officer_user)

    response = client.post(reverse("sentences:event-create", args=[case.crn]), _conviction(main_code="libel"))

    body = response.content.decode()
    message = (
        "2 offences match “libel”: enter more words or the code of the one you mean, for example "
        "Libel (06800); Libel (99968)"
    )
    assert response.status_code == 200
    assert f'<a href="#id_main_code">{message}</a>' in body
    assert 'class="govuk-error-message"' in body
    assert Event.objects.count() == 0


def test_without_javascript_words_matching_nothing_are_an_error(client, case, officer_user):
    client.force_login(officer_user)

    response = client.post(
        reverse("sentences:event-create", args=[case.crn]), _conviction(main_code="juggling swords")
    )

    assert "No offence matches “juggling swords”" in response.content.decode()
    assert Event.objects.count() == 0


def test_the_offence_box_is_a_type_ahead_with_a_hint(client, case, officer_user):
    client.force_login(officer_user)

    body = client.get(reverse("sentences:event-create", args=[case.crn])).content.decode()

    assert f'data-module="app-offence-search" data-search-url="{SEARCH}"' in body
    assert "Type words from the offence or its 5-digit Home Office offence code" in body


def test_adding_an_offence_by_words(client, case, officer_user):
    sentence = SentenceFactory(event__person=case)
    client.force_login(officer_user)

    response = client.post(
        reverse("sentences:offence-add", args=[case.crn, sentence.pk]),
        {"code": "kerb crawling", "date_0": "15", "date_1": "1", "date_2": "2026", "counts": "1"},
    )

    assert response.status_code == 302
    assert EventOffence.objects.get(event=sentence.event).description == "Kerb-crawling"


def test_the_sentence_pages_show_the_official_description(client, case, officer_user):
    sentence = SentenceFactory(event__person=case)
    EventOffenceFactory(event=sentence.event, ho_code="00301", description="Making threats to kill")
    client.force_login(officer_user)

    listed = client.get(reverse("sentences:list", args=[case.crn])).content.decode()
    detail = client.get(reverse("sentences:sentence-detail", args=[case.crn, sentence.pk])).content.decode()

    assert "Making threats to kill" in listed
    assert "Making threats to kill" in detail


def test_old_made_up_descriptions_are_replaced_by_the_official_ones():
    made_up = EventOffenceFactory(
        ho_code="09002", description="Violence – Violence against the person (code 09002)"
    )
    unknown = EventOffenceFactory(ho_code="00000", description="Something (code 00000)")
    migration = importlib.import_module("probation.sentences.migrations.0003_official_offence_descriptions")

    migration.official_descriptions(apps, None)

    made_up.refresh_from_db()
    unknown.refresh_from_db()
    assert made_up.description == "Unlawful marketing of knives (offering or exposing to sell or hire)"
    assert unknown.description == "Offence code 00000 (no official description)"
