"""What changed between two agreed versions of a plan."""

import datetime as dt

from probation.rules.plans.areas import Area
from probation.rules.plans.content import Actor, Agreement, Goal, GoalStatus, Step, StepStatus
from probation.rules.plans.history import VersionChange, version_changes

STEP = Step("Register with the council's housing team", Actor.PERSON)
HOME = Goal(
    "g1",
    "Find somewhere stable to live",
    Area.ACCOMMODATION,
    GoalStatus.ACTIVE,
    dt.date(2026, 6, 2),
    (),
    (STEP,),
)
WORK = Goal("g2", "Get a job in a kitchen", Area.EMPLOYMENT_EDUCATION, GoalStatus.FUTURE)


def test_the_first_version_lists_every_goal_as_added():
    assert version_changes(None, [HOME, WORK]) == [
        VersionChange("Find somewhere stable to live", "Goal added"),
        VersionChange("Get a job in a kitchen", "Goal added"),
    ]


def test_an_unchanged_plan_has_no_changes():
    assert version_changes([HOME, WORK], [HOME, WORK]) == []


def test_each_kind_of_change_to_a_goal_is_one_line():
    new = Goal(
        "g1",
        "Find a flat of my own",
        Area.FINANCE,
        GoalStatus.ACHIEVED,
        dt.date(2026, 9, 2),
        (Area.HEALTH_WELLBEING,),
        (
            Step("Register with the council's housing team", Actor.PERSON, StepStatus.COMPLETED),
            Step("Pay the deposit", Actor.PARTNERSHIP_AGENCY, actor_other="Shelter"),
        ),
        "Moved in",
    )

    lines = [c.what for c in version_changes([HOME], [new])]

    assert lines == [
        "Reworded from “Find somewhere stable to live”",
        "Area of need changed from Accommodation to Finance",
        "Status changed from working on it now to achieved",
        "Target date changed to 2 September 2026",
        "Related areas changed",
        "Step changed: Register with the council's housing team (The person on probation, completed)",
        "Step added: Pay the deposit (Shelter, not started)",
        "Notes changed",
    ]


def test_goals_added_and_taken_out_and_the_answer_changing():
    changes = version_changes(
        [HOME], [WORK], old_answer=Agreement.NOT_AGREED, new_answer=Agreement.UPDATED_AGREED
    )

    assert [(c.goal, c.what) for c in changes] == [
        ("Get a job in a kitchen", "Goal added"),
        ("Find somewhere stable to live", "Goal taken out of the plan"),
        ("", "The person's answer changed from “Did not agree” to “Agreed to the updated plan”"),
    ]


def test_a_step_removed():
    assert [c.what for c in version_changes([HOME], [Goal(**{**HOME.__dict__, "steps": ()})])] == [
        "Step removed: Register with the council's housing team"
    ]
