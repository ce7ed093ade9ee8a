"""The plan pages as a practitioner uses them: goals suggested from the needs assessment with the
reason, goals and steps added through the form and the autosave, the person's answer, the history
with what changed, when the plan is due, and a constant number of queries."""

import datetime as dt
import io

import pytest
from django.urls import reverse
from pypdf import PdfReader

from probation.assessments.tests.factories import CompletedAssessmentFactory
from probation.contacts.tests.factories import ContactFactory
from probation.mappa.tests.factories import MappaMeetingFactory
from probation.people.tests.factories import PersonFactory
from probation.plans.models import Plan, PlanVersion
from probation.plans.tests.factories import PlanFactory, goal
from probation.risk.tests.test_registration_factories import RegistrationFactory
from probation.rules.plans.timing import first_plan_due
from probation.sentences.tests.factories import SentenceFactory

pytestmark = pytest.mark.django_db
TODAY = dt.date.today()


@pytest.fixture
def person(officer_user):
    return PersonFactory(officer=officer_user.staff, first_name="Darren", surname="Pryce")


def _page(client, user, person, **params):
    client.force_login(user)
    return client.get(reverse("plans:plan", args=[person.crn]), params)


def _form(version, *goals):
    data = {"version": str(version), "goal-count": str(len(goals))}
    for i, g in enumerate(goals):
        p = f"goal-{i}"
        data |= {
            f"{p}-key": g["key"],
            f"{p}-new": "1" if g.get("new") else "",
            f"{p}-title": g["title"],
            f"{p}-area": g["area"],
            f"{p}-status": "active",
            f"{p}-target": "6",
            f"{p}-step-count": "1",
            f"{p}-step-0-description": g["step"],
            f"{p}-step-0-actor": g.get("actor", "person"),
            f"{p}-step-0-status": "not_started",
        }
    return data


def test_goals_are_suggested_from_the_standard_and_severe_sections_with_the_reason(
    client, person, officer_user
):
    CompletedAssessmentFactory(
        person=person,
        answers={
            "accommodation": {
                "no_fixed_abode_or_transient": "yes",
                "suitability": "significant",
                "permanence": "significant",
                "location": "some",
            },
            "relationships": {
                "close_family": "none",
                "experience_of_childhood": "none",
                "previous_close_relationships": "none",
            },
        },
        completed_at=dt.datetime(2026, 3, 3, 10, tzinfo=dt.UTC),
    )

    page = _page(client, officer_user, person).content.decode()

    assert "Suggested from the needs assessment" in page
    assert "Accommodation: severe need (score 7) in the needs assessment completed 3 March 2026" in page
    assert "Relationships:" not in page  # no need: not suggested


def test_adding_two_goals_and_agreeing_the_plan(client, person, officer_user):
    _page(client, officer_user, person)  # the first visit starts the plan
    url = reverse("plans:plan", args=[person.crn])

    response = client.post(
        url,
        _form(
            0,
            {
                "key": "g1",
                "new": True,
                "title": "Find somewhere stable to live",
                "area": "accommodation",
                "step": "See the housing team",
            },
        ),
    )
    assert response.status_code == 302
    response = client.post(
        reverse("plans:plan", args=[person.crn]),
        _form(
            2,
            {
                "key": "g1",
                "title": "Find somewhere stable to live",
                "area": "accommodation",
                "step": "See the housing team",
            },
            {
                "key": "g2",
                "new": True,
                "title": "Stop drinking on weekdays",
                "area": "alcohol_use",
                "step": "Go to the alcohol service",
                "actor": "partnership_agency",
            },
        ),
        HTTP_ACCEPT="application/json",
    )
    assert response.json() | {"saved_at": "", "session_seconds_left": 0} == {
        "saved": True,
        "version": 3,
        "saved_at": "",
        "changed": True,
        "errors": [],
        "session_seconds_left": 0,
    }
    response = client.post(
        reverse("plans:answer", args=[person.crn]),
        {
            "version": "3",
            "answer": "agreed",
            "answered_on_0": TODAY.day,
            "answered_on_1": TODAY.month,
            "answered_on_2": TODAY.year,
        },
    )
    assert response.status_code == 302

    version = PlanVersion.objects.get()
    assert [g["title"] for g in version.goals] == [
        "Find somewhere stable to live",
        "Stop drinking on weekdays",
    ]
    assert version.goals[1]["steps"][0]["actor"] == "partnership_agency"
    page = _page(client, officer_user, person).content.decode()
    assert "Agreed" in page
    assert "version 1" in page
    history = client.get(reverse("plans:history", args=[person.crn])).content.decode()
    assert "Stop drinking on weekdays</strong>: Goal added" in history


def test_a_refused_answer_shows_every_error_and_writes_nothing(client, person, officer_user):
    PlanFactory(person=person, goals=[goal(steps=[])], created_by=officer_user)
    client.force_login(officer_user)

    response = client.post(
        reverse("plans:answer", args=[person.crn]),
        {
            "version": "1",
            "answer": "not_agreed",
            "answered_on_0": TODAY.day,
            "answered_on_1": TODAY.month,
            "answered_on_2": TODAY.year,
        },
    )

    page = response.content.decode()
    assert response.status_code == 200
    assert "Give the reason the person did not agree or could not answer" in page
    assert PlanVersion.objects.count() == 0


def test_a_stale_save_is_refused_with_the_conflict_message(client, person, officer_user):
    PlanFactory(person=person, created_by=officer_user, version=5)
    client.force_login(officer_user)

    response = client.post(
        reverse("plans:plan", args=[person.crn]),
        {"version": "4", "goal-count": "0"},
        HTTP_ACCEPT="application/json",
    )

    assert response.status_code == 409
    assert "changed in another window" in response.json()["message"]


def test_a_bad_date_keeps_what_was_saved_and_says_so(client, person, officer_user):
    PlanFactory(person=person, created_by=officer_user)
    client.force_login(officer_user)
    data = _form(
        1, {"key": "g1", "title": "Find a flat", "area": "accommodation", "step": "See the housing team"}
    )
    data |= {
        "goal-0-target": "date",
        "goal-0-target-day": "31",
        "goal-0-target-month": "2",
        "goal-0-target-year": "2027",
    }

    response = client.post(reverse("plans:plan", args=[person.crn]), data)

    assert "The target date must be a real date" in response.content.decode()
    plan = Plan.objects.get()
    assert plan.goals[0]["title"] == "Find a flat"
    assert plan.goals[0]["target_date"] == goal()["target_date"]


def test_the_first_plan_due_date_shows_with_its_reason(client, person, officer_user):
    sentenced = TODAY - dt.timedelta(days=40)
    SentenceFactory(event__person=person, event__conviction_date=sentenced)

    page = _page(client, officer_user, person).content.decode()

    assert "First plan due" in page
    assert "Overdue" in page
    assert f"{first_plan_due(sentenced):%-d %B %Y}" in page


def test_the_plan_page_costs_the_same_queries_for_more_goals_and_versions(
    client, person, officer_user, django_assert_num_queries
):
    plan = PlanFactory(
        person=person, created_by=officer_user, goals=[goal()], versions_count=1, agreed_on=TODAY
    )
    PlanVersion.objects.create(
        plan=plan, number=1, goals=plan.goals, agreement="agreed", answered_on=TODAY, recorded_by=officer_user
    )
    client.force_login(officer_user)
    url = reverse("plans:plan", args=[person.crn])
    client.get(url)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as few:
        client.get(url)
    Plan.objects.filter(pk=plan.pk).update(goals=[goal(key=f"g{i}", title=f"Goal {i}") for i in range(12)])
    for n in range(2, 4):
        PlanVersion.objects.create(
            plan=plan,
            number=n,
            goals=plan.goals,
            agreement="agreed",
            answered_on=TODAY,
            recorded_by=officer_user,
        )
    Plan.objects.filter(pk=plan.pk).update(versions_count=3)

    with django_assert_num_queries(len(few.captured_queries)):
        client.get(url)


PLANTED = {
    "mappa_minutes": "MAPPA minutes: Sgt Okafor's intelligence on the Beech Road flat",
    "sensitive_note": "Sensitive: informant Gwen Parry disclosed drug debts",
    "not_for_disclosure": "NOT FOR DISCLOSURE: third-party information from children's services",
    "victim_contact": "Victim Contact Scheme: Mrs Alys Morgan of 17 Orchard Way, LS6 2QT",
    "registration": "Registered after threats to ex-partner Kelly Ward at 3 Elm Grove",
    "goal_notes": "Staff note: partner disclosed concerns",
}


def test_the_pdf_for_the_person_has_the_goals_and_steps_in_plain_english_and_nothing_sensitive(
    client, person, officer_user
):
    sentence = SentenceFactory(event__person=person)
    MappaMeetingFactory(person=person, minutes=PLANTED["mappa_minutes"])
    ContactFactory(sentence=sentence, notes=PLANTED["sensitive_note"], sensitive=True)
    ContactFactory(sentence=sentence, notes=PLANTED["not_for_disclosure"])
    ContactFactory(sentence=sentence, notes=PLANTED["victim_contact"])
    RegistrationFactory(person=person, notes=PLANTED["registration"])
    plan = PlanFactory(
        person=person,
        created_by=officer_user,
        goals=[goal(notes=PLANTED["goal_notes"]), goal(key="g2", title="Old goal", status="removed")],
    )
    client.force_login(officer_user)

    response = client.get(reverse("plans:pdf", args=[person.crn, plan.pk]))

    reader = PdfReader(io.BytesIO(response.content))
    text = " ".join(" ".join(page.extract_text().split()) for page in reader.pages)
    assert "Your sentence plan" in text
    assert "Find somewhere stable to live" in text
    assert "Go to the housing options team – You. Not started yet." in text
    assert "This plan has not been agreed yet" in text
    assert "Old goal" not in text
    for planted in PLANTED.values():
        assert planted not in text
    for word in ("Okafor", "Gwen Parry", "Alys Morgan", "Orchard Way", "Kelly Ward", "DISCLOSURE"):
        assert word not in text
