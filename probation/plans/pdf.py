"""The sentence plan for the person, as a PDF in plain English (WeasyPrint, as the court report,
ADR 0033).

Disclosure safety: the person takes this home, so it is built from the plan's own goals and steps, the
person's name and CRN, and their latest answer — ``plan_pdf_context`` reads nothing else of the
record (no contact notes, MAPPA, RoSH, registrations or victim records). What the practitioner wrote
in the plan is the practitioner's responsibility; the plan page reminds them the person gets a copy.
Goal notes are for staff (progress notes) and are not printed.
"""

import datetime as dt
from typing import Any

from django.template.loader import render_to_string
from weasyprint import HTML

from probation.people.models import Person
from probation.plans.goals import goals_from
from probation.plans.models import Plan, PlanVersion
from probation.rules.law.dated import day
from probation.rules.plans.content import AGREEMENT_LABELS, Actor, Agreement, GoalStatus

# Who does a step, as the person reads it ("you" is the person on probation).
WHO = {
    Actor.PERSON: "You",
    Actor.PRACTITIONER: "Your probation practitioner",
    Actor.PROGRAMME_STAFF: "Programme staff",
    Actor.PARTNERSHIP_AGENCY: "A partner organisation",
    Actor.CRS_PROVIDER: "A support service we have referred you to",
    Actor.SOMEONE_ELSE: "Someone else",
}
STEP_STATUS = {
    "not_started": "Not started yet",
    "in_progress": "Started",
    "completed": "Done",
    "cannot_be_done_yet": "Cannot be done yet",
    "no_longer_needed": "No longer needed",
}
GROUPS = (
    (GoalStatus.ACTIVE, "What you are working on now"),
    (GoalStatus.FUTURE, "What you will work on later"),
    (GoalStatus.ACHIEVED, "What you have achieved"),
)
ANSWER_FOR_PERSON = {
    Agreement.AGREED: "You agreed to this plan",
    Agreement.UPDATED_AGREED: "You agreed to this plan",
    Agreement.NOT_AGREED: "You did not agree to this plan",
    Agreement.UPDATED_NOT_AGREED: "You did not agree to this plan",
    Agreement.COULD_NOT_ANSWER: "You could not say whether you agree this time. We will ask you again",
}
assert set(ANSWER_FOR_PERSON) == set(AGREEMENT_LABELS)


def plan_pdf_context(
    *, plan: Plan, person: Person, latest: PlanVersion | None, today: dt.date
) -> dict[str, Any]:
    """The goals as they stand (removed goals left out), with the latest answer if the plan as it
    stands is the one answered; nothing else of the record."""
    goals = goals_from(plan.goals)
    groups = []
    for status, heading in GROUPS:
        rows = [
            {
                "title": g.title,
                "target": day(g.target_date) if g.target_date else "",
                "steps": [
                    {
                        "description": s.description,
                        "who": s.actor_other or WHO[s.actor],
                        "status": STEP_STATUS[s.status],
                    }
                    for s in g.steps
                ],
            }
            for g in goals
            if g.status is status
        ]
        if rows:
            groups.append((heading, rows))
    answer = ""
    if latest is not None and not plan.changed_since_agreed:
        answer = f"{ANSWER_FOR_PERSON[Agreement(latest.agreement)]} on {day(latest.answered_on)}."
    return {
        "name": person.full_name,
        "crn": person.crn,
        "groups": groups,
        "answer": answer,
        "draft": latest is None or plan.changed_since_agreed,
        "today": day(today),
    }


def render_plan_pdf(context: dict[str, Any]) -> bytes:
    html = render_to_string("plans/plan_pdf.html", context)
    return bytes(HTML(string=html, base_url=None).write_pdf())
