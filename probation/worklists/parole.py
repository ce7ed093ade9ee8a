"""My work's "Parole and governors' reports" section: the officer's draft PAROM1s and reports to prison
governors due within two weeks or overdue, soonest first, each opening the report. Two queries
(``parole.selectors.due``) whatever the caseload; cases the viewer may not open are left out."""

import datetime as dt
from dataclasses import dataclass

from django.urls import reverse

from probation.accounts.models import Staff, User
from probation.parole.selectors.due import author_of, governor_reports_due, reviews_due
from probation.people.models import Person


@dataclass(frozen=True)
class ParoleRow:
    crn: str
    name: str
    what: str
    due_on: dt.date
    overdue: bool
    url: str


def _name(person: Person) -> str:
    return f"{person.preferred_name or person.first_name} {person.surname}"


def parole_rows(*, user: User, officer: Staff, today: dt.date) -> list[ParoleRow]:
    # On one's own page the author is the viewer (no query); a manager's drill-down reads the officer's user.
    author = user if user.staff_id == officer.pk else author_of(officer)
    if author is None:
        return []
    rows = [
        ParoleRow(
            crn=r.person.crn,
            name=_name(r.person),
            what=f"PAROM1 for the review of {r.target_on:%-d %B %Y}",
            due_on=r.report_due_on,
            overdue=r.report_due_on < today,
            url=reverse("parole:review", args=[r.person.crn, r.pk]),
        )
        for r in reviews_due(user=user, author=author, today=today)
    ] + [
        ParoleRow(
            crn=g.person.crn,
            name=_name(g.person),
            what=f"Report to the governor: {g.get_kind_display()}",
            due_on=g.due_on,
            overdue=g.due_on < today,
            url=reverse("parole:governor-report", args=[g.person.crn, g.pk]),
        )
        for g in governor_reports_due(user=user, author=author, today=today)
    ]
    return sorted(rows, key=lambda row: (row.due_on, row.crn))
