"""Saving a plan as it is typed and recording the person's answer: versions, history, locking,
refusals that write nothing, and the audit."""

import datetime as dt

import pytest

from probation.audit.models import AuditEvent
from probation.core.errors import ConflictError, NotFound
from probation.people.tests import access
from probation.people.tests.factories import PersonFactory
from probation.plans.models import Plan, PlanVersion
from probation.plans.services.plans import plan_record_answer, plan_save_draft, plan_start
from probation.plans.tests.factories import goal
from probation.rules.errors import RuleErrors
from probation.rules.plans.content import Agreement

pytestmark = pytest.mark.django_db
TODAY = dt.date.today()


@pytest.fixture
def person(officer_user):
    return PersonFactory(officer=officer_user.staff)


@pytest.fixture
def plan(person, officer_user):
    return plan_start(actor=officer_user, person=person)


def _new(key="g1", **fields):
    data = goal(key=key, **fields)
    return data


def test_the_first_visit_of_an_officer_starts_an_empty_plan_audited(plan, person):
    assert (plan.person, plan.goals, plan.version) == (person, [], 1)
    assert AuditEvent.objects.filter(action="create", object_type="sentence_plan").count() == 1


def test_someone_outside_the_managing_pdu_cannot_start_a_plan(person):
    with pytest.raises(NotFound):
        plan_start(actor=access.other_pdu_user(), person=person)
    assert Plan.objects.count() == 0


def test_a_saved_new_goal_takes_the_key_the_editor_offered_and_saving_again_does_not_add_it_twice(
    plan, person, officer_user
):
    first = plan_save_draft(actor=officer_user, person=person, expected_version=1, goals=[_new("g1")])
    again = plan_save_draft(
        actor=officer_user, person=person, expected_version=2, goals=[_new("g1", title="Find a flat")]
    )

    assert [g["key"] for g in again.plan.goals] == ["g1"]
    assert again.plan.goals[0]["title"] == "Find a flat"
    assert (first.changed, again.plan.version, again.plan.next_goal) == (True, 3, 2)
    audit = AuditEvent.objects.filter(action="update", object_type="sentence_plan").order_by("seq").last()
    assert audit.detail == {"goals": ["g1"], "steps": 1, "version": 3, "autosave": False}
    assert "flat" not in str(audit.detail)


def test_a_save_from_a_stale_version_is_refused_and_writes_nothing(plan, person, officer_user):
    plan_save_draft(actor=officer_user, person=person, expected_version=1, goals=[_new()])

    with pytest.raises(ConflictError, match="changed in another window"):
        plan_save_draft(actor=officer_user, person=person, expected_version=1, goals=[_new(title="Other")])

    assert Plan.objects.get().goals[0]["title"] == "Find somewhere stable to live"


def test_a_save_that_changes_nothing_writes_nothing(plan, person, officer_user):
    plan_save_draft(actor=officer_user, person=person, expected_version=1, goals=[_new()])
    before = AuditEvent.objects.count()

    saved = plan_save_draft(actor=officer_user, person=person, expected_version=2, goals=[_new()])

    assert (saved.changed, saved.plan.version, AuditEvent.objects.count()) == (False, 2, before)


def test_a_draft_may_be_unfinished_and_says_what_to_put_right(plan, person, officer_user):
    saved = plan_save_draft(
        actor=officer_user, person=person, expected_version=1, goals=[_new(target_date=None)]
    )

    assert [p.message for p in saved.problems] == ["Enter a target date for a goal you are working on now"]


def test_agreeing_keeps_the_goals_as_version_one_and_a_later_answer_as_an_update(plan, person, officer_user):
    plan_save_draft(
        actor=officer_user,
        person=person,
        expected_version=1,
        goals=[_new("g1"), _new("g2", area="finance", title="Pay off my fines")],
    )

    first = plan_record_answer(actor=officer_user, person=person, expected_version=2, answer=Agreement.AGREED)
    plan = Plan.objects.get()
    plan_save_draft(
        actor=officer_user, person=person, expected_version=3, goals=[_new("g1", status="achieved")]
    )
    assert Plan.objects.get().changed_since_agreed
    second = plan_record_answer(
        actor=officer_user,
        person=person,
        expected_version=4,
        answer=Agreement.NOT_AGREED,
        reason="Wants more time",
    )

    assert (first.number, first.agreement, len(first.goals)) == (1, "agreed", 2)
    assert (second.number, second.agreement, second.reason) == (2, "updated_not_agreed", "Wants more time")
    assert PlanVersion.objects.get(number=1).goals[0]["status"] == "active"  # history is kept
    plan = Plan.objects.get()
    assert (plan.agreed_on, plan.versions_count, plan.changed_since_agreed) == (TODAY, 2, False)


@pytest.mark.parametrize(
    ("goals", "answer", "reason", "message"),
    [
        ([], Agreement.AGREED, "", "Add at least one goal to work on now before agreeing the plan"),
        ([{"steps": []}], Agreement.AGREED, "", "Add a step to the goal “Find somewhere stable to live”"),
        ([{}], Agreement.NOT_AGREED, "", "Give the reason the person did not agree or could not answer"),
        (
            [{}],
            Agreement.COULD_NOT_ANSWER,
            " ",
            "Give the reason the person did not agree or could not answer",
        ),
        (
            [{"target_date": None}],
            Agreement.AGREED,
            "",
            "Enter a target date for a goal you are working on now",
        ),
    ],
)
def test_an_answer_the_rules_refuse_writes_nothing(
    plan, person, officer_user, goals, answer, reason, message
):
    plan_save_draft(actor=officer_user, person=person, expected_version=1, goals=[_new(**g) for g in goals])
    before = (AuditEvent.objects.count(), Plan.objects.get().version)

    with pytest.raises(RuleErrors) as refused:
        plan_record_answer(
            actor=officer_user, person=person, expected_version=before[1], answer=answer, reason=reason
        )

    assert message in [e.message for e in refused.value.errors]
    assert PlanVersion.objects.count() == 0
    assert (AuditEvent.objects.count(), Plan.objects.get().version) == before
