"""The author's parole and governors' reports due within two weeks or overdue, for My work: one query
each, through the one case policy, whatever the caseload."""

import datetime as dt

from probation.accounts.models import Staff, User
from probation.accounts.policy import Permission, has_permission
from probation.parole.models import GovernorReport, GovernorReportStatus, ParoleReview, ReportStatus
from probation.people.models import Person
from probation.people.policy import people_listable_to
from probation.rules.parole.timetable import DUE_SOON_DAYS

LIMIT = 100
PERSON_FIELDS = (
    "person__crn",
    "person__first_name",
    "person__preferred_name",
    "person__surname",
)


def reviews_due(*, user: User, author: User, today: dt.date) -> list[ParoleReview]:
    """``author``'s draft PAROM1s due within two weeks or overdue, on cases ``user`` may open."""
    if not has_permission(user, Permission.PAROLE_VIEW):
        return []
    people = people_listable_to(user, Person.objects.all()).filter(lao_excluded=False, lao_restricted=False)
    return list(
        ParoleReview.objects.filter(
            author=author,
            status=ReportStatus.DRAFT,
            report_due_on__lte=today + dt.timedelta(days=DUE_SOON_DAYS),
            person__in=people.values("pk"),
        )
        .select_related("person")
        .only("id", "report_due_on", "target_on", *PERSON_FIELDS)
        .order_by("report_due_on", "id")[:LIMIT]
    )


def governor_reports_due(*, user: User, author: User, today: dt.date) -> list[GovernorReport]:
    if not has_permission(user, Permission.PAROLE_VIEW):
        return []
    people = people_listable_to(user, Person.objects.all()).filter(lao_excluded=False, lao_restricted=False)
    return list(
        GovernorReport.objects.filter(
            author=author,
            status=GovernorReportStatus.DRAFT,
            due_on__lte=today + dt.timedelta(days=DUE_SOON_DAYS),
            person__in=people.values("pk"),
        )
        .select_related("person")
        .only("id", "due_on", "kind", *PERSON_FIELDS)
        .order_by("due_on", "id")[:LIMIT]
    )


def author_of(officer: Staff) -> User | None:
    return User.objects.filter(staff=officer).first()
