"""Goals, steps and the person's agreement (interventions.md § Sentence plan)."""

import datetime as dt

import pytest

from probation.rules.plans.areas import Area
from probation.rules.plans.content import (
    ANSWERS,
    TEXT_LIMIT,
    Actor,
    Agreement,
    Goal,
    GoalStatus,
    Step,
    check_agreement,
    check_goal,
    stored_answer,
    target_date_options,
)

TODAY = dt.date(2026, 3, 2)
STEP = Step("Go to the housing options appointment", Actor.PERSON)


def goal(**fields):
    values = {
        "key": "g1",
        "title": "Find somewhere stable to live",
        "area": Area.ACCOMMODATION,
        "status": GoalStatus.ACTIVE,
        "target_date": dt.date(2026, 6, 2),
        "steps": (STEP,),
    } | fields
    return Goal(**values)


def messages(errors):
    return [e.message for e in errors]


def test_target_dates_offered_are_three_six_and_twelve_months_ahead():
    assert target_date_options(TODAY) == [
        (3, dt.date(2026, 6, 2)),
        (6, dt.date(2026, 9, 2)),
        (12, dt.date(2027, 3, 2)),
    ]


@pytest.mark.parametrize(
    ("status", "target", "error"),
    [
        (GoalStatus.ACTIVE, None, "Enter a target date for a goal you are working on now"),
        (GoalStatus.ACTIVE, TODAY - dt.timedelta(days=1), "The target date must be today or in the future"),
        (GoalStatus.ACTIVE, TODAY, None),
        (GoalStatus.FUTURE, None, None),
        (GoalStatus.FUTURE, TODAY - dt.timedelta(days=1), "The target date must be today or in the future"),
        (GoalStatus.ACHIEVED, TODAY - dt.timedelta(days=30), None),
        (GoalStatus.REMOVED, None, None),
    ],
)
def test_target_date_rules_by_status(status, target, error):
    assert messages(check_goal(goal(status=status, target_date=target), today=TODAY)) == (
        [error] if error else []
    )


@pytest.mark.parametrize(
    ("fields", "error"),
    [
        ({"title": "  "}, "Enter the goal in the person's own words"),
        ({"title": "x" * (TEXT_LIMIT + 1)}, "A goal's text must be 4,000 characters or fewer"),
        ({"notes": "x" * (TEXT_LIMIT + 1)}, "A goal's text must be 4,000 characters or fewer"),
        ({"related_areas": (Area.ACCOMMODATION,)}, "A related area cannot be the goal's own area"),
        ({"steps": (Step(" ", Actor.PERSON),)}, "Describe what the step is"),
        (
            {"steps": (Step("x" * (TEXT_LIMIT + 1), Actor.PERSON),)},
            "A step must be 4,000 characters or fewer",
        ),
        ({"steps": (Step("Meet the mentor", Actor.SOMEONE_ELSE),)}, "Say who will do the step"),
        ({"steps": (Step("Meet the mentor", Actor.SOMEONE_ELSE, actor_other="Mentor"),)}, None),
        ({"title": "x" * TEXT_LIMIT, "related_areas": (Area.FINANCE,)}, None),
    ],
)
def test_goal_content_rules(fields, error):
    assert messages(check_goal(goal(**fields), today=TODAY)) == ([error] if error else [])


@pytest.mark.parametrize("answer", ANSWERS)
def test_a_plan_with_an_active_goal_and_a_step_can_be_answered(answer):
    assert check_agreement([goal()], answer=answer, reason="Wants to talk to family first").ok


@pytest.mark.parametrize(
    ("answer", "reason", "needs_reason"),
    [
        (Agreement.AGREED, "", False),
        (Agreement.NOT_AGREED, "", True),
        (Agreement.NOT_AGREED, "  ", True),
        (Agreement.COULD_NOT_ANSWER, "", True),
        (Agreement.UPDATED_NOT_AGREED, "", True),
        (Agreement.UPDATED_AGREED, "", False),
    ],
)
def test_not_agreed_and_could_not_answer_need_a_reason(answer, reason, needs_reason):
    check = check_agreement([goal()], answer=answer, reason=reason)

    assert (not check.ok) == needs_reason
    if needs_reason:
        assert messages(check.errors) == ["Give the reason the person did not agree or could not answer"]


@pytest.mark.parametrize(
    ("goals", "error"),
    [
        ([], "Add at least one goal to work on now before agreeing the plan"),
        ([goal(status=GoalStatus.FUTURE)], "Add at least one goal to work on now before agreeing the plan"),
        ([goal(status=GoalStatus.ACHIEVED)], "Add at least one goal to work on now before agreeing the plan"),
        ([goal(steps=())], "Add a step to the goal “Find somewhere stable to live”"),
        ([goal(), goal(key="g2", status=GoalStatus.FUTURE, steps=())], None),
    ],
)
def test_agreeing_needs_an_active_goal_and_every_active_goal_a_step(goals, error):
    check = check_agreement(goals, answer=Agreement.AGREED, reason="")

    assert messages(check.errors) == ([error] if error else [])


def test_reasons_and_notes_are_limited_to_four_thousand_characters():
    check = check_agreement([goal()], answer=Agreement.AGREED, reason="", notes="x" * (TEXT_LIMIT + 1))

    assert messages(check.errors) == ["Reasons and notes must be 4,000 characters or fewer"]


@pytest.mark.parametrize(
    ("answer", "first", "stored"),
    [
        (Agreement.AGREED, True, Agreement.AGREED),
        (Agreement.NOT_AGREED, True, Agreement.NOT_AGREED),
        (Agreement.COULD_NOT_ANSWER, True, Agreement.COULD_NOT_ANSWER),
        (Agreement.AGREED, False, Agreement.UPDATED_AGREED),
        (Agreement.NOT_AGREED, False, Agreement.UPDATED_NOT_AGREED),
        (Agreement.COULD_NOT_ANSWER, False, Agreement.COULD_NOT_ANSWER),
    ],
)
def test_a_later_answer_is_stored_as_an_update(answer, first, stored):
    assert stored_answer(answer, first=first) is stored
