"""A recall follows the rule in force on the date of its decision and keeps it (enforcement.md § Law by
date): 14/28-day fixed-term recall before 31 March 2026; from then 56 days for an adult eligible for
automatic release, 14/28 for a young person, standard recall for those excluded from automatic release."""

import datetime as dt
import importlib

import pytest
from django.apps import apps
from django.urls import reverse

from probation.audit.models import AuditEvent
from probation.core import clock
from probation.core.errors import ServiceError
from probation.enforcement.models import Recall
from probation.enforcement.services.recall import recall_returned_to_custody
from probation.enforcement.tests.test_breach_workflow_data import licence_for
from probation.enforcement.tests.test_recall_services import _decide, _recommend, _start, _state, _step
from probation.people.tests.factories import PersonFactory
from probation.risk.tests.test_registration_factories import RegistrationFactory

pytestmark = pytest.mark.django_db
DAY_BEFORE, COMMENCEMENT = dt.date(2026, 3, 30), dt.date(2026, 3, 31)
OLD_RULE, NEW_RULE = "recall_fixed_term_14_28", "recall_fixed_term_56"


@pytest.fixture
def person(officer_user):
    return PersonFactory(officer=officer_user.staff, date_of_birth=dt.date(1990, 5, 1))


@pytest.fixture
def licence(person):
    return licence_for(person, custodial_months=18)


def _on(monkeypatch, day):
    monkeypatch.setattr(clock, "today_uk", lambda: day)


def _decided(monkeypatch, officer, spo, person, licence, *, on, recall_type="fixed_term", **answers):
    _on(monkeypatch, on)
    recall = _recommend(
        officer, person, _start(officer, person, licence), recommended_type=recall_type, **answers
    )
    return _decide(spo, person, recall, recall_type=recall_type)


def test_a_recall_decided_the_day_before_keeps_28_days_when_returned_to_custody_after_the_change(
    monkeypatch, officer_user, spo_user, person, licence
):
    recall = _decided(monkeypatch, officer_user, spo_user, person, licence, on=DAY_BEFORE)
    _on(monkeypatch, dt.date(2026, 4, 20))

    recall = _step(
        recall_returned_to_custody, officer_user, person.crn, recall, returned_on=dt.date(2026, 4, 20)
    )

    assert (recall.rule_version, recall.fixed_term_days) == (OLD_RULE, 28)
    assert recall.re_release_due_on == dt.date(2026, 5, 18)


@pytest.mark.parametrize("on", [COMMENCEMENT, dt.date(2026, 4, 1)])
def test_an_adult_recall_decided_from_31_march_2026_is_a_56_day_fixed_term(
    monkeypatch, officer_user, spo_user, person, licence, on
):
    recall = _decided(monkeypatch, officer_user, spo_user, person, licence, on=on)

    recall = _step(
        recall_returned_to_custody, officer_user, person.crn, recall, returned_on=dt.date(2026, 4, 2)
    )

    assert (recall.rule_version, recall.fixed_term_days) == (NEW_RULE, 56)
    assert recall.re_release_due_on == dt.date(2026, 5, 28)
    decided = AuditEvent.objects.filter(object_type="recall", detail__status="recall_decided").get()
    assert (decided.detail["rule_version"], decided.detail["fixed_term_days"]) == (NEW_RULE, 56)


def test_a_young_person_recalled_after_the_change_keeps_14_days_on_a_short_sentence(
    monkeypatch, officer_user, spo_user
):
    young = PersonFactory(officer=officer_user.staff, date_of_birth=dt.date(2009, 1, 1))
    recall = _decided(
        monkeypatch, officer_user, spo_user, young, licence_for(young, custodial_months=6), on=COMMENCEMENT
    )

    assert (recall.rule_version, recall.fixed_term_days) == (NEW_RULE, 14)


def test_after_the_change_a_person_charged_with_a_new_offence_gets_standard_recall_only(
    monkeypatch, officer_user, spo_user, person, licence
):
    _on(monkeypatch, COMMENCEMENT)
    recall = _start(officer_user, person, licence)

    with pytest.raises(ServiceError, match="excluded from automatic release"):
        _recommend(officer_user, person, recall, charged_with_new_offence=True, recommended_type="fixed_term")

    recall = _recommend(
        officer_user, person, recall, charged_with_new_offence=True, recommended_type="standard"
    )
    recall = _decide(spo_user, person, recall, recall_type="standard")
    assert (recall.recall_type, recall.rule_version, recall.fixed_term_days) == ("standard", NEW_RULE, None)


def test_after_the_change_mappa_level_2_no_longer_allows_a_standard_recall_of_an_eligible_adult(
    monkeypatch, officer_user, spo_user, person, licence
):
    RegistrationFactory(person=person, register_type="MAPP", category="M2", level="M2")
    _on(monkeypatch, COMMENCEMENT)
    recall = _recommend(officer_user, person, _start(officer_user, person, licence))
    before = _state()

    with pytest.raises(ServiceError, match="recalled for a 56-day fixed term") as refused:
        _decide(spo_user, person, recall, recall_type="standard")

    assert refused.value.field == "recall_type"
    assert _state() == before


def test_a_no_recall_decision_records_the_rule_it_was_made_under(
    monkeypatch, officer_user, spo_user, person, licence
):
    _on(monkeypatch, DAY_BEFORE)
    recall = _recommend(
        officer_user,
        person,
        _start(officer_user, person, licence),
        recommendation="no_recall",
        recommended_type="",
    )

    recall = _decide(spo_user, person, recall, decision="no_recall", recall_type="")

    assert (recall.rule_version, recall.fixed_term_days) == (OLD_RULE, None)


def test_the_decision_page_names_the_rule_in_force_and_offers_only_the_56_day_fixed_term(
    client, monkeypatch, officer_user, spo_user, person, licence
):
    _on(monkeypatch, COMMENCEMENT)
    recall = _recommend(officer_user, person, _start(officer_user, person, licence))
    client.force_login(spo_user)

    page = client.get(reverse("enforcement:recall-decide", args=[person.crn, recall.pk])).content.decode()

    assert "A recall decided on 31 March 2026 follows the rules in force from 31 March 2026." in page
    assert "Criminal Justice Act 2003 s.255BA" in page
    assert "An adult eligible for automatic release is recalled for a 56-day fixed term." in page
    assert "automatic re-release 56 days after the return to custody" in page
    assert 'value="fixed_term"' in page
    assert 'value="standard"' not in page


def test_the_decision_page_the_day_before_names_the_earlier_rule_and_its_28_days(
    client, monkeypatch, officer_user, spo_user, person, licence
):
    _on(monkeypatch, DAY_BEFORE)
    recall = _recommend(officer_user, person, _start(officer_user, person, licence))
    client.force_login(spo_user)

    page = client.get(reverse("enforcement:recall-decide", args=[person.crn, recall.pk])).content.decode()

    assert "A recall decided on 30 March 2026 follows the rules in force before 31 March 2026." in page
    assert (
        "A 28-day fixed-term recall is mandatory for an adult on a standard determinate sentence when no "
        "exclusion applies." in page
    )
    assert "automatic re-release 28 days after the return to custody" in page


def test_after_the_change_the_decision_page_explains_why_only_standard_recall_is_offered(
    client, monkeypatch, officer_user, spo_user, person, licence
):
    _on(monkeypatch, COMMENCEMENT)
    recall = _recommend(
        officer_user,
        person,
        _start(officer_user, person, licence),
        referred_to_parole_board=True,
        recommended_type="standard",
    )
    client.force_login(spo_user)

    page = client.get(reverse("enforcement:recall-decide", args=[person.crn, recall.pk])).content.decode()

    assert (
        "The person is excluded from automatic release (referred to the Parole Board), so only a standard "
        "recall is allowed." in page
    )
    assert 'value="standard"' in page
    assert 'value="fixed_term"' not in page


def test_a_recall_decided_earlier_shows_the_rule_it_keeps(
    client, monkeypatch, officer_user, spo_user, person, licence
):
    recall = _decided(monkeypatch, officer_user, spo_user, person, licence, on=DAY_BEFORE)
    monkeypatch.undo()
    client.force_login(officer_user)

    page = client.get(reverse("enforcement:recall-detail", args=[person.crn, recall.pk])).content.decode()

    assert "Decided under the rules in force before 31 March 2026: 28-day fixed-term recall" in page
    assert "Recall (28-day fixed-term recall)" in page


def test_the_backfill_gives_recalls_decided_before_this_change_the_14_28_day_rule(
    officer_user, spo_user, person, licence
):
    migration = importlib.import_module("probation.enforcement.migrations.0003_recall_rule_version_backfill")
    recall = _decide(
        spo_user, person, _recommend(officer_user, person, _start(officer_user, person, licence))
    )
    # as recorded before the rule was kept
    Recall.objects.filter(pk=recall.pk).update(
        rule_version="", fixed_term_days=None, returned_to_custody_on=dt.date(2026, 2, 1),
        re_release_due_on=dt.date(2026, 3, 1),
    )  # fmt: skip
    other = PersonFactory(officer=officer_user.staff)
    pending = _start(officer_user, other, licence_for(other))

    migration.backfill(apps, None)

    recall.refresh_from_db()
    pending.refresh_from_db()
    assert (recall.rule_version, recall.fixed_term_days) == (OLD_RULE, 28)
    assert (pending.rule_version, pending.fixed_term_days) == ("", None)


def test_a_fixed_term_recall_loaded_without_its_term_gets_the_rule_of_its_decision_date(
    monkeypatch, officer_user, spo_user, person, licence
):
    recall = _decided(monkeypatch, officer_user, spo_user, person, licence, on=DAY_BEFORE)
    Recall.objects.filter(pk=recall.pk).update(rule_version="", fixed_term_days=None)
    recall.refresh_from_db()

    recall = _step(
        recall_returned_to_custody, officer_user, person.crn, recall, returned_on=dt.date(2026, 4, 1)
    )

    assert recall.re_release_due_on == dt.date(2026, 4, 29)


def test_after_the_change_mappa_is_not_listed_as_an_exclusion_on_the_decision_page(
    client, monkeypatch, officer_user, spo_user, person, licence
):
    RegistrationFactory(person=person, register_type="MAPP", category="M2", level="M2")
    _on(monkeypatch, COMMENCEMENT)
    recall = _recommend(officer_user, person, _start(officer_user, person, licence))
    client.force_login(spo_user)

    page = client.get(reverse("enforcement:recall-decide", args=[person.crn, recall.pk])).content.decode()

    assert "None of the exclusions from automatic release applies." in page
    assert "MAPPA level 2 or 3" not in page
    assert 'value="standard"' not in page
