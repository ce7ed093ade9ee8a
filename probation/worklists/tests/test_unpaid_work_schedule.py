"""The at-risk list judges the real session schedule (issue 13 item 6): an order behind its rate is
not at risk once sessions are booked to cover what is left before the deadline."""

import datetime as dt

import pytest

from probation.accounts.tests.factories import StaffFactory, UserFactory
from probation.core.clock import today_uk
from probation.people.tests.factories import PersonFactory
from probation.sentences.tests.factories import RequirementFactory, SentenceFactory
from probation.unpaid_work.services.progress import extension_record
from probation.unpaid_work.tests.factories import ProjectDayFactory, place, session_on
from probation.worklists import conditions
from probation.worklists.selectors import _unpaid_work_rows

pytestmark = pytest.mark.django_db


def test_an_order_behind_its_rate_is_on_track_once_sessions_cover_what_is_left(officer_user, team):
    supervisor = UserFactory(role="upw_supervisor", staff=StaffFactory(team=team, grade="UPWS"))
    start = today_uk() - dt.timedelta(days=180)
    person = PersonFactory(officer=officer_user.staff)
    requirement = RequirementFactory(
        sentence=SentenceFactory(event__person=person, event__conviction_date=start), ordered=40, done=5
    )
    queryset = conditions.unpaid_work_open().filter(pk=requirement.pk)
    assert [r.pk for r, _ in _unpaid_work_rows(queryset, today=today_uk())] == [requirement.pk]

    day = ProjectDayFactory(
        project__pdu=person.pdu, supervisor=supervisor.staff, weekday=today_uk().weekday()
    )
    for week in range(1, 6):  # 5 × 7 hours = 35 hours, what is left
        place(session_on(day, today_uk() + dt.timedelta(days=7 * week)), requirement, by=supervisor)

    assert _unpaid_work_rows(queryset, today=today_uk()) == []


def test_the_at_risk_list_uses_the_extended_deadline(officer_user, team):
    staff = UserFactory(role="upw_staff", staff=StaffFactory(team=team, grade="CPO"))
    person = PersonFactory(officer=officer_user.staff)
    made = today_uk() - dt.timedelta(days=400)
    requirement = RequirementFactory(
        sentence=SentenceFactory(event__person=person, event__conviction_date=made), ordered=40, done=30
    )
    queryset = conditions.unpaid_work_open().filter(pk=requirement.pk)
    [(_, outlook)] = _unpaid_work_rows(queryset, today=today_uk())
    assert outlook.status == "deadline_passed"

    new_deadline = today_uk() + dt.timedelta(days=90)
    extension_record(
        actor=staff,
        crn=person.crn,
        requirement_id=requirement.pk,
        granted_on=today_uk(),
        new_deadline=new_deadline,
    )

    # No longer past its deadline; 30 hours in 400 days is still too slow for the last 10 in 90 days.
    [(_, outlook)] = _unpaid_work_rows(queryset, today=today_uk())
    assert (outlook.status, outlook.deadline) == ("at_risk", new_deadline)
