"""Sentences, requirements, breaches and recalls as tiering inputs (tiering.md § Inputs, § Change 1;
the mapping in probation.tiers.record_inputs), through the single recalculation."""

import datetime as dt

import pytest
from django.urls import reverse

from probation.core.clock import today_uk
from probation.enforcement.models import Breach, Recall
from probation.people.tests.factories import PersonFactory
from probation.risk.models import Registration
from probation.sentences.tests.factories import (
    CustodialSentenceFactory,
    EventFactory,
    LicenceFactory,
    RequirementFactory,
    SentenceFactory,
)
from probation.tiers.models import TierCalculation
from probation.tiers.selectors import tier_inputs_get
from probation.tiers.services.recalculation import tier_recalculate
from probation.tiers.tests.helpers import REGISTERED_ON

pytestmark = pytest.mark.django_db


def _tier(person, reason="sentence changed"):
    tier_recalculate(person_id=person.pk, reason=reason)
    return TierCalculation.objects.filter(person=person).latest("calculated_at", "id")


def _order(person, *requirement_types, **extra):
    extra.setdefault("event", EventFactory(person=person))
    sentence = SentenceFactory(**extra)
    for requirement_type in requirement_types:
        RequirementFactory(sentence=sentence, type=requirement_type, ordered=_ordered(requirement_type))
    return sentence


def _ordered(requirement_type):
    return {"unpaid_work": 100, "rehabilitation_activity": 20, "curfew": 8}.get(requirement_type)


def test_a_restrictive_only_order_gives_no_mandate_but_a_non_restrictive_requirement_does(case):
    sentence = _order(case, "curfew", "exclusion")
    assert _tier(case).tier == "D0"

    RequirementFactory(sentence=sentence, type="rehabilitation_activity", ordered=20)

    calculation = _tier(case)
    assert (calculation.tier, calculation.change_reason) == (
        "D2",
        "mandate for change but no needs assessment: change level 2",
    )
    assert [r["main_category"] for r in calculation.inputs["sentences"][0]["requirements"]] == [
        "curfew",
        "exclusion",
        "rehabilitation_activity",
    ]
    assert [r["restrictive"] for r in calculation.inputs["sentences"][0]["requirements"]] == [
        True,
        True,
        False,
    ]


def test_unpaid_work_is_passed_as_category_w_and_gives_no_mandate(case):
    _order(case, "unpaid_work", "electronic_monitoring")

    calculation = _tier(case)

    assert calculation.tier == "D0"
    assert calculation.inputs["sentences"][0]["requirements"] == [
        {"main_category": "electronic_monitoring", "restrictive": True},
        {"main_category": "W", "restrictive": False},
    ]


def test_an_order_without_requirements_gives_no_mandate(case):
    _order(case)

    assert _tier(case).tier == "D0"


def test_a_custodial_sentence_gives_a_mandate(case):
    CustodialSentenceFactory(event=EventFactory(person=case))

    calculation = _tier(case)

    assert calculation.tier == "D2"
    assert calculation.inputs["sentences"] == [
        {"custodial": True, "termination_date": None, "requirements": []}
    ]


def test_post_sentence_supervision_is_custodial_and_a_suspended_order_is_not(case, officer_user):
    _order(case, "curfew", type="suspended_sentence_order", custodial_months=6)
    assert _tier(case).tier == "D0"

    _order(case, type="post_sentence_supervision")

    assert [s["custodial"] for s in _tier(case).inputs["sentences"]] == [False, True]
    assert case.tier_calculations.latest("id").tier == "D2"


def test_terminated_sentences_are_passed_but_give_no_mandate(case):
    sentence = CustodialSentenceFactory(event=EventFactory(person=case))
    assert _tier(case).tier == "D2"

    sentence.terminated_on = sentence.sentence_date + dt.timedelta(days=300)
    sentence.termination_reason = "completed"
    sentence.save()

    calculation = _tier(case)
    assert calculation.tier == "D0"
    assert calculation.change_reason.startswith("no current sentence, so no mandate for change")
    assert calculation.inputs["sentences"][0]["termination_date"] == sentence.terminated_on.isoformat()


def test_a_terminated_requirement_is_not_passed(case):
    sentence = _order(case, "curfew")
    RequirementFactory(
        sentence=sentence,
        type="rehabilitation_activity",
        ordered=20,
        terminated_on=sentence.start_date + dt.timedelta(days=90),
        termination_reason="completed",
    )

    calculation = _tier(case)

    assert calculation.tier == "D0"
    assert calculation.inputs["sentences"][0]["requirements"] == [
        {"main_category": "curfew", "restrictive": True}
    ]


def test_sentences_are_ordered_oldest_first_whatever_order_they_were_recorded(case):
    CustodialSentenceFactory(event=EventFactory(person=case, conviction_date=dt.date(2025, 5, 1)))
    _order(case, "curfew", event=EventFactory(person=case, conviction_date=dt.date(2024, 5, 1)))

    sentences = tier_inputs_get(person=case).sentences

    assert [s.custodial for s in sentences] == [False, True]


# Breach and recall: previous enforcement activity (tiering.md § Protect: women's factors).


@pytest.fixture
def woman(officer_user):
    """A woman with 4 complexity factors: 8 protect points (D); +2 for enforcement activity is 10 (C)."""
    person = PersonFactory(officer=officer_user.staff, gender="F")
    for code in ("RMDO", "ALSH", "RVLN", "RCCO"):
        Registration.objects.create(
            person=person,
            register_type=code,
            registered_on=REGISTERED_ON,
            registering_officer=officer_user.staff,
        )
    return person


def _breach(person, user, *, days_ago, status, ended=True):
    initiated_on = today_uk() - dt.timedelta(days=days_ago)
    return Breach.objects.create(
        sentence=SentenceFactory(
            event=EventFactory(person=person), sentence_date=initiated_on - dt.timedelta(days=60)
        ),
        person=person,
        status=status,
        initiated_on=initiated_on,
        initiated_by=user,
        ended_on=initiated_on + dt.timedelta(days=1) if ended else None,
    )


def _recall(person, user, *, days_ago, status, decision=""):
    licence = LicenceFactory(sentence=CustodialSentenceFactory(event=EventFactory(person=person)))
    return Recall.objects.create(
        sentence=licence.sentence,
        licence=licence,
        person=person,
        status=status,
        started_by=user,
        started_on=today_uk() - dt.timedelta(days=days_ago),
        decision=decision,
        recall_type="standard" if decision == "recall" else "",
    )


def _enforcement_points(calculation):
    return [line["points"] for line in calculation.breakdown if line["rule"] == "womens_enforcement"]


@pytest.mark.parametrize(
    "status", ["proven_order_continues", "proven_committed_to_custody", "not_proven", "withdrawn"]
)
def test_a_concluded_breach_referred_within_12_months_counts(woman, officer_user, status):
    _breach(woman, officer_user, days_ago=30, status=status)

    calculation = _tier(woman)

    assert calculation.inputs["previous_enforcement_activity"] is True
    assert (calculation.tier, calculation.protect_points) == ("C0", 10)  # the order has no requirements


@pytest.mark.parametrize("status", ["initiated", "pack_sent_to_court"])
def test_a_breach_without_an_outcome_does_not_count(woman, officer_user, status):
    _breach(woman, officer_user, days_ago=30, status=status, ended=False)

    calculation = _tier(woman)

    assert calculation.inputs["previous_enforcement_activity"] is False
    assert (calculation.tier, calculation.protect_points) == ("D0", 8)


@pytest.mark.parametrize(("days_ago", "counts"), [(365, True), (366, False), (0, True)])
def test_a_breach_counts_when_referred_in_the_last_365_days_inclusive(woman, officer_user, days_ago, counts):
    _breach(woman, officer_user, days_ago=days_ago, status="proven_fined")

    assert tier_inputs_get(person=woman).previous_enforcement_activity is counts


@pytest.mark.parametrize(
    ("status", "decision", "counts"),
    [
        ("considering", "", False),
        ("awaiting_decision", "", False),
        ("recall_decided", "recall", True),
        ("no_recall_decided", "no_recall", True),
        ("returned_to_custody", "recall", True),
    ],
)
def test_a_recall_counts_once_decided(woman, officer_user, status, decision, counts):
    _recall(woman, officer_user, days_ago=100, status=status, decision=decision)

    assert tier_inputs_get(person=woman).previous_enforcement_activity is counts


def test_a_decided_recall_started_more_than_12_months_ago_does_not_count(woman, officer_user):
    _recall(woman, officer_user, days_ago=400, status="recall_decided", decision="recall")

    calculation = _tier(woman)

    assert calculation.inputs["previous_enforcement_activity"] is False
    assert calculation.tier == "D2"  # the licence's custodial sentence gives the mandate


def test_enforcement_activity_adds_nothing_for_a_man(case, officer_user):
    _breach(case, officer_user, days_ago=10, status="proven_fined")

    calculation = _tier(case)

    assert calculation.inputs["previous_enforcement_activity"] is True
    assert calculation.protect_points == 0
    assert _enforcement_points(calculation) == []


def test_the_tier_page_shows_which_sentence_gave_the_mandate(client, case, officer_user):
    _order(case, "curfew", "unpaid_work")
    CustodialSentenceFactory(
        event=EventFactory(person=case), terminated_on=dt.date(2026, 9, 1), termination_reason="completed"
    )
    _order(case, "rehabilitation_activity", "curfew")
    _tier(case)
    client.force_login(officer_user)

    response = client.get(reverse("tiers:case", args=[case.crn]))

    lines = response.context["current"].sentences
    assert lines == [
        "Community sentence with requirements: Curfew (restrictive), Unpaid work (not counted). "
        "Current, but gives no mandate for change (only restrictive or unpaid work requirements)",
        "Community sentence with requirements: Curfew (restrictive), Rehabilitation activity (RAR) "
        "(not restrictive). Current: gives a mandate for change (it has a requirement that is not restrictive)",
        "Custodial sentence, no requirements. Ended 1 September 2026, so not counted",
    ]
    assert b"Scores not recorded yet" in response.content  # RSR and OGRS only
    assert lines[1].encode() in response.content.replace(b"&#x27;", b"'")
