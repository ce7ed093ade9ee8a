"""My work's "Sentence plans" section: first plans and reviews due within two weeks or overdue on the
officer's caseload, soonest first, each opening the person's plan, with why it is due. One query
(``plans.selectors.due.plans_due_soon``) whatever the caseload."""

import datetime as dt
from dataclasses import dataclass

from django.urls import reverse

from probation.accounts.models import Staff, User
from probation.people.models import Person
from probation.people.policy import people_listable_to
from probation.plans.selectors.due import plans_due_soon


@dataclass(frozen=True)
class PlanRow:
    crn: str
    name: str
    restricted: bool
    message: str
    heading: str
    due_on: dt.date
    overdue: bool
    reason: str
    url: str


def plan_rows(*, user: User, officer: Staff, today: dt.date) -> list[PlanRow]:
    rows = []
    for due, person in plans_due_soon(
        people_listable_to(user, Person.objects.filter(officer=officer)), today=today
    ):
        restricted = bool(person["lao_excluded"] or person["lao_restricted"])
        name = f"{person['preferred_name'] or person['first_name']} {person['surname']}"
        message = ""
        if restricted:
            message = (
                person["exclusion_message"] if person["lao_excluded"] else person["restriction_message"]
            ) or ""
        rows.append(
            PlanRow(
                crn=person["crn"],
                name="" if restricted else name,
                restricted=restricted,
                message=message,
                heading="First plan" if due.kind == "first" else "Review",
                due_on=due.due_on,
                overdue=due.overdue(today),
                reason="" if restricted else due.reasons[0],
                url=reverse("plans:plan", args=[person["crn"]]),
            )
        )
    return rows
