"""When each plan is due, read from the record in one query: the first plan after sentence or
release, and a review after each significant event since the plan was answered (interventions.md
§ Timing), with the interval and the working days correctable in settings."""

import datetime as dt

import pytest

from probation.enforcement.models import Recall
from probation.people.models import Allocation
from probation.people.tests.factories import PersonFactory
from probation.plans.selectors.due import plans_due
from probation.plans.tests.factories import PlanFactory
from probation.risk.models import RoshAssessment
from probation.sentences.tests.factories import CustodialSentenceFactory, LicenceFactory, SentenceFactory

pytestmark = pytest.mark.django_db
D = dt.date
TODAY = D(2026, 12, 3)
AGREED = D(2026, 9, 1)


@pytest.fixture
def person(officer_user):
    return PersonFactory(officer=officer_user.staff)


def _due(person):
    return plans_due([person.pk], today=TODAY).get(person.pk)


def _agreed(person, rosh=""):
    return PlanFactory(person=person, agreed_on=AGREED, versions_count=1, rosh_at_agreement=rosh)


def test_no_current_sentence_and_no_plan_means_nothing_is_due(person):
    assert _due(person) is None


def test_a_community_sentence_with_no_plan_is_due_fifteen_working_days_after_sentence(person):
    SentenceFactory(event__person=person, event__conviction_date=D(2026, 11, 2))

    due = _due(person)

    assert (due.kind, due.due_on) == ("first", D(2026, 11, 23))
    assert due.reasons == ("First plan due 15 working days after sentence on 2 November 2026",)


def test_in_custody_no_plan_is_due_until_release(person):
    CustodialSentenceFactory(event__person=person, event__conviction_date=D(2026, 1, 5))

    assert _due(person) is None


def test_after_release_the_first_plan_counts_from_release(person):
    LicenceFactory(
        sentence=CustodialSentenceFactory(event__person=person, event__conviction_date=D(2025, 1, 5)),
        release_date=D(2026, 11, 2),
    )

    assert _due(person).due_on == D(2026, 11, 23)


def test_the_number_of_working_days_is_a_setting(person, settings):
    settings.PLANS_TIMING = {"first_plan_working_days": 10}
    SentenceFactory(event__person=person, event__conviction_date=D(2026, 11, 2))

    assert _due(person).due_on == D(2026, 11, 16)


def test_an_answered_plan_is_reviewed_after_the_interval_which_is_a_setting(person, settings):
    _agreed(person)
    assert (_due(person).kind, _due(person).due_on) == ("review", D(2027, 3, 1))

    settings.PLANS_TIMING = {"review_interval_months": 3}
    assert _due(person).due_on == D(2026, 12, 1)


def test_a_new_sentence_after_agreement_makes_a_review_due_that_day(person):
    SentenceFactory(event__person=person, event__conviction_date=D(2026, 8, 1))  # known when agreed
    _agreed(person)
    SentenceFactory(event__person=person, event__conviction_date=D(2026, 10, 5))

    due = _due(person)

    assert due.due_on == D(2026, 10, 5)
    assert due.reasons[0] == "New sentence on 5 October 2026"


def test_a_release_after_agreement_makes_a_review_due(person):
    _agreed(person)
    LicenceFactory(
        sentence=CustodialSentenceFactory(event__person=person, event__conviction_date=D(2025, 1, 5)),
        release_date=D(2026, 10, 20),
    )

    assert _due(person).reasons[0] == "Released from custody on 20 October 2026"


def test_a_release_planned_for_the_future_is_not_yet_a_trigger(person):
    _agreed(person)
    LicenceFactory(
        sentence=CustodialSentenceFactory(event__person=person, event__conviction_date=D(2025, 1, 5)),
        release_date=D(2027, 1, 20),
    )

    assert _due(person).due_on == D(2027, 3, 1)


def test_a_recall_after_agreement_makes_a_review_due(person, officer_user):
    _agreed(person)
    licence = LicenceFactory(sentence=CustodialSentenceFactory(event__person=person))
    Recall.objects.create(
        sentence=licence.sentence,
        licence=licence,
        person=person,
        started_by=officer_user,
        started_on=D(2026, 11, 1),
    )

    assert _due(person).reasons[0] == "Recalled to custody on 1 November 2026"


@pytest.mark.parametrize(("level", "triggers"), [("medium", False), ("high", True)])
def test_a_rosh_assessment_at_another_level_is_a_change_in_risk(person, officer_user, level, triggers):
    _agreed(person, rosh="medium")
    RoshAssessment.objects.create(
        person=person,
        assessed_on=D(2026, 10, 1),
        assessor=officer_user.staff,
        assessed_by=officer_user,
        children_community="low",
        public_community=level,
        known_adult_community="low",
        staff_community="low",
        overall_level=level,
        nature_of_risk="x",
        who_is_at_risk="x",
    )

    reasons = _due(person).reasons

    assert (reasons[0] == "Change in risk of serious harm on 1 October 2026") is triggers


def test_a_transfer_after_agreement_makes_a_review_due(person, officer_user):
    _agreed(person)
    Allocation.objects.create(
        person=person,
        team=officer_user.staff.team,
        officer=officer_user.staff,
        started_at=dt.datetime(2026, 11, 10, 9, tzinfo=dt.UTC),
        reason="transfer_team",
    )

    assert _due(person).reasons[0] == "Transferred on 10 November 2026"


def test_events_of_other_people_trigger_nothing(person, officer_user):
    _agreed(person)
    other = PersonFactory(officer=officer_user.staff)
    SentenceFactory(event__person=other, event__conviction_date=D(2026, 10, 5))

    assert _due(person).due_on == D(2027, 3, 1)


def test_one_query_for_any_number_of_people(officer_user, django_assert_num_queries):
    people = [PersonFactory(officer=officer_user.staff) for _ in range(5)]
    for p in people:
        SentenceFactory(event__person=p, event__conviction_date=D(2026, 11, 2))
        _agreed(p)

    with django_assert_num_queries(1):
        due = plans_due([p.pk for p in people], today=TODAY)

    assert len(due) == 5
