"""My work's "Pre-sentence reports" section: the reports allocated to the officer, soonest date
required first, flagged late or due today, each opening its report (the editor, or the oral record
for an oral report)."""

import datetime as dt

from probation.accounts.models import Staff, User
from probation.reports.presenters.requests import RequestRow, request_row
from probation.reports.selectors.requests import author_work


def report_rows(*, user: User, officer: Staff, today: dt.date) -> list[RequestRow]:
    return [
        request_row(request, person, today=today, for_author=True)
        for request, person in author_work(user=user, officer=officer)
    ]
