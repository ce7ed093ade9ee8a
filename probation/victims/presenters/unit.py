"""Rows of the victim liaison unit's list and the scheme case page (no queries; data already read)."""

import datetime as dt
from dataclasses import dataclass

from django.urls import reverse

from probation.rules.victims.eligibility import first_contact_overdue
from probation.victims.models import SchemeCase


@dataclass(frozen=True)
class Tag:
    label: str
    colour: str


@dataclass(frozen=True)
class UnitRow:
    pk: int
    url: str
    crn: str
    name: str  # "" when limited access locks the user out: the row shows the CRN only
    scheme: str
    sentence_date: dt.date
    due: dt.date
    contacted_on: dt.date | None
    status: Tag
    vlo: str
    open_tasks: int


def first_contact_tag(case: SchemeCase, today: dt.date) -> Tag:
    if case.first_contact_on is not None:
        return Tag("First contact made", "green")
    if first_contact_overdue(due=case.first_contact_due, contacted_on=None, today=today):
        return Tag("Overdue", "red")
    return Tag("Due", "blue")


def unit_row(case: SchemeCase, today: dt.date) -> UnitRow:
    visible = getattr(case, "person_visible", True)
    return UnitRow(
        pk=case.pk,
        url=reverse("victims:scheme-case", args=[case.pk]),
        crn=case.person.crn,
        name=case.person.full_name if visible else "",
        scheme=case.get_scheme_display(),
        sentence_date=case.sentence_date,
        due=case.first_contact_due,
        contacted_on=case.first_contact_on,
        status=first_contact_tag(case, today),
        vlo=case.vlo.name if case.vlo else "Not allocated",
        open_tasks=getattr(case, "open_tasks", 0),
    )
