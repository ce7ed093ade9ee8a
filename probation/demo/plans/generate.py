"""Sentence plan demo data: plans for most people under supervision, at realistic states — agreed
(some with a later change not yet put to the person, some reviewed once), not agreed, could not
answer, a draft not yet put to the person, and about one in eight with no plan yet (so some first
plans are overdue on My work). Goals come from a small bank in people's own words, each with steps
by different actors.

About half the rehabilitation activity requirements deliver a structured intervention (their RAR
contacts become its sessions, then toolkit sessions).

Rows are written in bulk (thousands of people in a few seconds), recorded by the person's officer's
user where there is one; no audit rows (demo fixtures, as the case history). Running it again adds
nothing for people who already have a plan."""

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from random import Random
from typing import Any

from probation.accounts.models import User
from probation.contacts.models import Contact
from probation.people.models import Person
from probation.plans.models import Plan, PlanVersion, RarActivity
from probation.plans.services.activities import RAR_CONTACT_TYPES
from probation.rules.calendar.working_days import add_working_days
from probation.rules.sentences.requirements import RequirementType
from probation.sentences.models import Sentence

GOALS: tuple[tuple[str, str, tuple[tuple[str, str], ...]], ...] = (
    (
        "accommodation",
        "I want a place of my own where I feel safe",
        (
            ("Register with the council housing team", "person"),
            ("Make a referral for accommodation support", "practitioner"),
        ),
    ),
    (
        "accommodation",
        "Stay in my flat and keep up with the rent",
        (("Set up the rent to come out on payday", "person"),),
    ),
    (
        "employment_education",
        "Get a job in a warehouse",
        (
            ("Go to the jobcentre and sign up for the forklift course", "person"),
            ("Help with a CV", "partnership_agency"),
        ),
    ),
    ("employment_education", "Finish my maths and English", (("Enrol at the college", "person"),)),
    (
        "finance",
        "Pay off my fines and stop borrowing",
        (("Meet the debt adviser", "crs_provider"), ("Set up a payment plan with the court", "person")),
    ),
    (
        "drug_use",
        "Stop using and stay clean",
        (
            ("Go to the drug service assessment", "person"),
            ("Refer to the drug and alcohol service", "practitioner"),
        ),
    ),
    (
        "alcohol_use",
        "Cut down my drinking so I do not get into fights",
        (("Keep a drink diary for four weeks", "person"), ("Alcohol awareness sessions", "programme_staff")),
    ),
    ("health_wellbeing", "Sort out my mental health", (("Book a GP appointment", "person"),)),
    (
        "relationships_community",
        "See my kids again",
        (
            ("Contact the family mediation service", "partnership_agency"),
            ("Talk through what contact could look like", "practitioner"),
        ),
    ),
    (
        "thinking_behaviours_attitudes",
        "Keep my temper when things go wrong",
        (
            ("Complete the Stepwise Emotions sessions", "programme_staff"),
            ("Practise the stop-and-think steps", "person"),
        ),
    ),
)
# (share of people, state)
STATES = (
    (0.12, "none"),
    (0.10, "draft"),
    (0.48, "agreed"),
    (0.12, "agreed_then_changed"),
    (0.08, "reviewed"),
    (0.05, "not_agreed"),
    (0.05, "could_not_answer"),
)


@dataclass
class Result:
    plans: int = 0
    versions: int = 0
    rar_activities: int = 0


STRUCTURED = ("stepwise_problem_solving", "stepwise_relationships", "stepwise_emotions")
TOOLKITS = ("Thinking about drinking", "Managing money", "Victim awareness", "Healthy relationships")


def _rar_activities(seed: int) -> int:
    """About half the rehabilitation activity requirements deliver a structured intervention: their
    RAR contacts in date order are its sessions (four to six), and the rest toolkit sessions."""
    contacts = (
        Contact.objects.filter(
            requirement__type=RequirementType.REHABILITATION_ACTIVITY,
            type__in=RAR_CONTACT_TYPES,
            rar_activity__isnull=True,
        )
        .order_by("requirement_id", "starts_at", "id")
        .values_list("id", "requirement_id", "outcome_recorded_by_id", "created_by_id")
    )
    rows, plan_for = [], {}
    count: dict[int, int] = {}
    for contact_id, requirement_id, recorder, creator in contacts.iterator():
        if requirement_id not in plan_for:
            rng = Random(seed * 7919 + requirement_id)  # noqa: S311 - demo data, not security
            plan_for[requirement_id] = (rng.random() < 0.5, rng.choice(STRUCTURED), rng.randint(4, 6), rng)
        takes_part, key, sessions, rng = plan_for[requirement_id]
        if not takes_part:
            continue
        n = count[requirement_id] = count.get(requirement_id, 0) + 1
        toolkit = n > sessions
        rows.append(
            RarActivity(
                contact_id=contact_id,
                requirement_id=requirement_id,
                intervention="toolkit" if toolkit else key,
                toolkit_name=rng.choice(TOOLKITS) if toolkit else "",
                recorded_by_id=recorder or creator,
            )
        )
    RarActivity.objects.bulk_create(rows, batch_size=2000)
    return len(rows)


def _state(rng: Random) -> str:
    roll = rng.random()
    for share, state in STATES:
        if roll < share:
            return state
        roll -= share
    return "agreed"


def _goals(rng: Random, today: dt.date) -> list[dict[str, Any]]:
    chosen = rng.sample(GOALS, rng.randint(2, 4))
    goals = []
    for i, (area, title, steps) in enumerate(chosen, start=1):
        status = "active" if i <= 2 else rng.choice(["active", "future"])
        goals.append(
            {
                "key": f"g{i}",
                "title": title,
                "area": area,
                "related_areas": [],
                "status": status,
                "target_date": (today + dt.timedelta(days=rng.choice([91, 182, 365]))).isoformat()
                if status == "active"
                else None,
                "notes": "",
                "steps": [
                    {
                        "description": d,
                        "actor": a,
                        "actor_other": "",
                        "status": rng.choice(["not_started", "in_progress"]),
                    }
                    for d, a in steps
                ],
            }
        )
    return goals


def generate(*, today: dt.date, seed: int = 12, log: Callable[[str], object] = print) -> Result:
    users_by_staff = dict(User.objects.filter(staff__isnull=False).values_list("staff_id", "id"))
    fallback = User.objects.filter(staff__isnull=False).order_by("id").values_list("id", flat=True).first()
    if fallback is None:
        log("No staff users: run generate_data --demo-users first")
        return Result()
    started = dict(
        Sentence.objects.current()
        .order_by("person_id", "sentence_date")
        .values_list("person_id", "sentence_date")
    )
    have = set(Plan.objects.values_list("person_id", flat=True))
    people = Person.objects.filter(pk__in=list(started)).exclude(pk__in=have).values_list("id", "officer_id")
    plans, versions = [], []
    for person_id, officer_id in people.iterator():
        # One generator per person: the same person draws the same state on every run.
        rng = Random(seed * 1_000_003 + person_id)  # noqa: S311 - demo data, not security
        state = _state(rng)
        if state == "none":
            continue
        user = users_by_staff.get(officer_id, fallback)
        start = max(started[person_id], today - dt.timedelta(days=400))
        answered = min(add_working_days(start, rng.randint(5, 20)), today)
        goals = _goals(rng, answered)
        plan = Plan(
            person_id=person_id,
            goals=goals,
            next_goal=len(goals) + 1,
            created_by_id=user,
            last_saved_by_id=user,
        )
        rows = []
        if state != "draft":
            agreement = {"not_agreed": "not_agreed", "could_not_answer": "could_not_answer"}.get(
                state, "agreed"
            )
            reason = {
                "not_agreed": "Says the drinking goal is not a problem for them",
                "could_not_answer": "Too unwell to talk it through today: ask at the next appointment",
            }.get(state, "")
            rows.append((1, goals, agreement, reason, answered))
            if state == "reviewed":
                reviewed = min(answered + dt.timedelta(days=182), today)
                later = [dict(g) for g in goals]
                later[0] = later[0] | {"status": "achieved"}
                rows.append((2, later, "updated_agreed", "", reviewed))
                plan.goals = later
            plan.agreed_on = rows[-1][4]
            plan.versions_count = len(rows)
            if state == "agreed_then_changed":
                plan.goals = [*goals[:-1], goals[-1] | {"status": "future"}]
                plan.changed_since_agreed = True
        plans.append(plan)
        versions.append(rows)
    Plan.objects.bulk_create(plans, batch_size=1000)
    PlanVersion.objects.bulk_create(
        [
            PlanVersion(
                plan=plan,
                number=n,
                goals=g,
                agreement=a,
                reason=r,
                answered_on=on,
                recorded_by_id=plan.created_by_id,
            )
            for plan, rows in zip(plans, versions, strict=True)
            for n, g, a, r, on in rows
        ],
        batch_size=1000,
    )
    result = Result(
        plans=len(plans), versions=sum(len(r) for r in versions), rar_activities=_rar_activities(seed)
    )
    log(
        f"Sentence plans: {result.plans} plans, {result.versions} answered versions; "
        f"{result.rar_activities} structured intervention and toolkit sessions"
    )
    return result
