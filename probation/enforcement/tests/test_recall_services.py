"""The recall workflow through its services: start, recommend, decide (senior PO only, allowed types
only, rationale required), custody with the fixed-term re-release, and the end steps.

Tests marked ``before_56_day_recall`` decide on 30 March 2026, under the 14/28-day rule in force until
then; test_recall_law_by_date.py has the rule from 31 March 2026."""

import datetime as dt

import pytest

from probation.audit.models import AuditEvent
from probation.contacts.models import EnforcementCase
from probation.core import clock
from probation.core.clock import today_uk
from probation.core.errors import PermissionDenied, ServiceError
from probation.enforcement.models import Recall, RecallStep
from probation.enforcement.services.recall import (
    RecallRecommendation,
    recall_decide,
    recall_licence_ended,
    recall_re_released,
    recall_recommend,
    recall_returned_to_custody,
    recall_start,
)
from probation.enforcement.tests.test_breach_workflow_data import failure_on, licence_for, order_for
from probation.people.models import Person
from probation.people.tests.factories import PersonFactory
from probation.risk.tests.test_registration_factories import RegistrationFactory

pytestmark = pytest.mark.django_db
BEFORE_56_DAY_RECALL = dt.date(2026, 3, 30)


@pytest.fixture
def before_56_day_recall(monkeypatch):
    """Decide on 30 March 2026, the last day of the 14/28-day fixed-term recall."""
    monkeypatch.setattr(clock, "today_uk", lambda: BEFORE_56_DAY_RECALL)


@pytest.fixture
def person(officer_user):
    return PersonFactory(officer=officer_user.staff)


@pytest.fixture
def licence(person):
    return licence_for(person)


def _start(user, person, licence, *, emergency=False):
    return recall_start(
        actor=user,
        crn=person.crn,
        sentence_id=licence.sentence_id,
        circumstances="Missed three appointments and left the approved address",
        emergency=emergency,
    )


def _recommend(user, person, recall, **kwargs):
    condition = recall.licence.conditions.order_by("ordinal").first()
    values = {
        "condition_ids": [condition.pk],
        "alternatives": ["warning", "increased_reporting"],
        "alternatives_notes": "Reporting twice weekly since May",
        "charged_with_new_offence": False,
        "referred_to_parole_board": False,
        "victims_in_contact_scheme": True,
        "recommendation": "recall",
        "recommended_type": "fixed_term",
        "reason": "Risk is rising",
    } | kwargs
    recall.refresh_from_db()
    return recall_recommend(
        actor=user,
        crn=person.crn,
        recall_id=recall.pk,
        expected_version=recall.version,
        answers=RecallRecommendation(**values),
    )


def _decide(
    user, person, recall, *, decision="recall", recall_type="fixed_term", rationale="Agreed: risk rising"
):
    recall.refresh_from_db()
    return _step(
        recall_decide,
        user,
        person.crn,
        recall,
        decision=decision,
        recall_type=recall_type,
        rationale=rationale,
    )


def _step(service, actor, crn, recall, **kwargs):
    """Move ``recall`` on through ``service``, expecting its current version unless told."""
    kwargs.setdefault("expected_version", recall.version)
    return service(actor=actor, crn=crn, recall_id=recall.pk, **kwargs)


def _state():
    return (
        list(Recall.objects.values_list("status", "version")),
        RecallStep.objects.count(),
        list(EnforcementCase.objects.values_list("status", flat=True)),
        AuditEvent.objects.count(),
    )


@pytest.mark.usefixtures("before_56_day_recall")
def test_full_fixed_term_recall_workflow(officer_user, spo_user, person, licence):
    Person.objects.filter(pk=person.pk).update(rosh_level="high")
    RegistrationFactory(person=person, register_type="MAPP", category="M1", level="M1")
    case = failure_on(licence.sentence, dt.date(2026, 7, 1)).enforcement
    recall = _start(officer_user, person, licence)
    assert recall.status == "considering"

    recall = _recommend(officer_user, person, recall)
    assert (recall.status, recall.rosh_at_recommendation, recall.mappa_at_recommendation) == (
        "awaiting_decision",
        "high",
        "Category 1, level 1",
    )
    assert recall.breached_conditions.count() == 1
    assert recall.alternatives_tried == [
        "increased_reporting",
        "warning",
    ]

    recall = _decide(spo_user, person, recall)
    assert (recall.status, recall.recall_type, recall.decided_by) == (
        "recall_decided",
        "fixed_term",
        spo_user,
    )
    case.refresh_from_db()
    assert case.status == "breach_or_recall_initiated"

    returned = today_uk()
    recall = _step(recall_returned_to_custody, officer_user, person.crn, recall, returned_on=returned)
    assert recall.re_release_due_on == returned + dt.timedelta(days=28)

    recall = _step(recall_re_released, officer_user, person.crn, recall, re_released_on=today_uk())
    assert list(recall.steps.values_list("to_status", flat=True)) == [
        "considering",
        "awaiting_decision",
        "recall_decided",
        "returned_to_custody",
        "re_released",
    ]
    audit = AuditEvent.objects.filter(object_type="recall").order_by("id").values_list("action", flat=True)
    assert list(audit) == ["create", "update", "update", "update", "update"]


@pytest.mark.usefixtures("before_56_day_recall")
@pytest.mark.parametrize(("months", "days"), [(11, 14), (12, 28), (30, 28)])
def test_before_31_march_2026_fixed_term_re_release_is_14_days_under_12_months_and_28_from_12(
    officer_user, spo_user, person, months, days
):
    licence = licence_for(person, custodial_months=months)
    recall = _recommend(officer_user, person, _start(officer_user, person, licence))
    recall = _decide(spo_user, person, recall)
    returned = today_uk()

    recall = _step(recall_returned_to_custody, officer_user, person.crn, recall, returned_on=returned)

    assert recall.re_release_due_on == returned + dt.timedelta(days=days)


@pytest.mark.usefixtures("before_56_day_recall")
def test_a_standard_recall_has_no_automatic_re_release_and_may_end_with_the_licence(
    officer_user, spo_user, person, licence
):
    recall = _recommend(
        officer_user, person, _start(officer_user, person, licence), charged_with_new_offence=True
    )
    recall = _decide(spo_user, person, recall, recall_type="standard")
    recall = _step(recall_returned_to_custody, officer_user, person.crn, recall, returned_on=today_uk())
    assert recall.re_release_due_on is None

    recall = _step(recall_licence_ended, officer_user, person.crn, recall, ended_on=today_uk())

    licence.sentence.refresh_from_db()
    assert recall.status == "licence_ended_in_custody"
    assert (licence.sentence.terminated_on, licence.sentence.termination_reason) == (
        today_uk(),
        "licence_expired",
    )


def test_a_no_recall_decision_is_final(officer_user, spo_user, person, licence):
    recall = _recommend(
        officer_user,
        person,
        _start(officer_user, person, licence),
        recommendation="no_recall",
        recommended_type="",
    )

    recall = _decide(spo_user, person, recall, decision="no_recall", recall_type="")

    assert (recall.status, recall.recall_type, recall.decision) == ("no_recall_decided", "", "no_recall")
    with pytest.raises(ServiceError, match="final"):
        _step(recall_returned_to_custody, officer_user, person.crn, recall, returned_on=today_uk())


def test_a_practitioner_cannot_decide(officer_user, person, licence):
    recall = _recommend(officer_user, person, _start(officer_user, person, licence))
    before = _state()

    with pytest.raises(PermissionDenied):
        _decide(officer_user, person, recall)

    assert _state() == before


@pytest.mark.usefixtures("before_56_day_recall")
def test_before_31_march_2026_an_exclusion_makes_fixed_term_discretionary_so_either_type_may_be_decided(
    officer_user, spo_user, person, licence
):
    RegistrationFactory(person=person, register_type="MAPP", category="M2", level="M2")
    recall = _recommend(
        officer_user, person, _start(officer_user, person, licence), recommended_type="standard"
    )

    assert _decide(spo_user, person, recall, recall_type="standard").recall_type == "standard"


@pytest.mark.usefixtures("before_56_day_recall")
def test_before_31_march_2026_standard_is_refused_when_fixed_term_is_mandatory(
    officer_user, spo_user, person, licence
):
    recall = _recommend(officer_user, person, _start(officer_user, person, licence))
    before = _state()

    with pytest.raises(ServiceError, match="fixed-term recall is mandatory") as error:
        _decide(spo_user, person, recall, recall_type="standard")

    assert error.value.field == "recall_type"
    assert _state() == before


@pytest.mark.parametrize("kind", ["extended", "indeterminate"])
def test_indeterminate_and_extended_sentences_refuse_fixed_term(officer_user, spo_user, person, kind):
    licence = licence_for(person, kind=kind)
    recall = _recommend(
        officer_user, person, _start(officer_user, person, licence), recommended_type="standard"
    )
    before = _state()

    with pytest.raises(ServiceError, match="only be recalled on a standard recall"):
        _decide(spo_user, person, recall, recall_type="fixed_term")

    assert _state() == before
    assert _decide(spo_user, person, recall, recall_type="standard").status == "recall_decided"


def test_an_emergency_recall_is_standard(officer_user, spo_user, person, licence):
    recall = _start(officer_user, person, licence, emergency=True)

    with pytest.raises(ServiceError, match="urgent standard recall"):
        _recommend(officer_user, person, recall)


def test_a_young_person_may_have_either_type(officer_user, spo_user):
    young = PersonFactory(
        officer=officer_user.staff, date_of_birth=today_uk().replace(year=today_uk().year - 17)
    )
    licence = licence_for(young)
    recall = _recommend(
        officer_user, young, _start(officer_user, young, licence), recommended_type="standard"
    )

    assert _decide(spo_user, young, recall, recall_type="standard").recall_type == "standard"


def test_a_decision_without_rationale_is_refused(officer_user, spo_user, person, licence):
    recall = _recommend(officer_user, person, _start(officer_user, person, licence))
    before = _state()

    with pytest.raises(ServiceError, match="rationale") as error:
        _decide(spo_user, person, recall, rationale="  ")

    assert error.value.field == "rationale"
    assert _state() == before


def test_a_recommendation_needs_a_breached_condition_of_this_licence(officer_user, person, licence):
    recall = _start(officer_user, person, licence)
    other = licence_for(PersonFactory(officer=officer_user.staff)).conditions.first()
    before = _state()

    with pytest.raises(ServiceError, match="Select the licence conditions"):
        _recommend(officer_user, person, recall, condition_ids=[])
    with pytest.raises(ServiceError, match="only conditions of this licence"):
        _recommend(officer_user, person, recall, condition_ids=[other.pk])

    assert _state() == before


def test_a_decision_before_the_recommendation_is_refused(spo_user, officer_user, person, licence):
    recall = _start(officer_user, person, licence)

    with pytest.raises(ServiceError, match="'considering' to 'recall decided'"):
        _decide(spo_user, person, recall)


def test_recall_is_only_for_a_licence_and_one_at_a_time(officer_user, person, licence):
    order = order_for(person)
    with pytest.raises(ServiceError, match="start breach proceedings"):
        recall_start(
            actor=officer_user, crn=person.crn, sentence_id=order.pk, circumstances="x", emergency=False
        )
    _start(officer_user, person, licence)
    with pytest.raises(ServiceError, match="already in progress"):
        _start(officer_user, person, licence)
    assert Recall.objects.count() == 1
