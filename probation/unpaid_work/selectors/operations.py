"""The operations view (issue 13 item 7): per week, the PDU's sessions run, people expected and
attended, hours delivered, utilisation of places and attendance rate. One query whatever the number
of sessions; weeks are Monday to Sunday."""

import datetime as dt
from dataclasses import dataclass

from django.db.models import Count, Q, Sum

from probation.accounts.models import User
from probation.accounts.policy import Permission, has_permission
from probation.core.errors import NotFound
from probation.rules.unpaid_work.credit import ATTENDED
from probation.unpaid_work.models import Session
from probation.unpaid_work.services.projects import staff_pdu_id

ATTENDED_CODES = [code.value for code in ATTENDED]


@dataclass
class Week:
    monday: dt.date
    sessions: int = 0
    places: int = 0  # capacity of the sessions run
    expected: int = 0
    attended: int = 0
    minutes: int = 0

    @property
    def utilisation(self) -> int | None:
        return round(100 * self.expected / self.places) if self.places else None

    @property
    def attendance(self) -> int | None:
        return round(100 * self.attended / self.expected) if self.expected else None


def operations_weeks(*, user: User, last_monday: dt.date, weeks: int) -> list[Week]:
    """The ``weeks`` weeks ending with the one starting ``last_monday``, oldest first. A session is
    counted once its sheet is saved (it has run)."""
    if not has_permission(user, Permission.UPW_MANAGE) or user.staff is None:
        raise NotFound("operations")
    first = last_monday - dt.timedelta(weeks=weeks - 1)
    rows = (
        Session.objects.filter(
            project__pdu_id=staff_pdu_id(user),
            date__gte=first,
            date__lt=last_monday + dt.timedelta(days=7),
            saved_at__isnull=False,
        )
        .values("date", "day__capacity")
        .annotate(
            expected=Count("places", filter=Q(places__contact__cancelled_at__isnull=True)),
            attended=Count("places", filter=Q(places__contact__outcome__in=ATTENDED_CODES)),
            credited=Sum("places__credited_minutes"),
            travel=Sum("places__travel_minutes"),
        )
        .order_by()
    )
    by_week = {first + dt.timedelta(weeks=n): Week(first + dt.timedelta(weeks=n)) for n in range(weeks)}
    for row in rows:
        week = by_week[row["date"] - dt.timedelta(days=row["date"].weekday())]
        week.sessions += 1
        week.places += row["day__capacity"]
        week.expected += row["expected"]
        week.attended += row["attended"]
        week.minutes += (row["credited"] or 0) + (row["travel"] or 0)
    return list(by_week.values())
