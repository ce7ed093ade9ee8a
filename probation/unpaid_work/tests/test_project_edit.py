"""Editing projects and weekly sessions: optimistic locking, and refusals that say who is affected when
a change would leave people booked ahead over capacity, breaching a new restriction, after the end."""

import datetime as dt

import pytest
from django.urls import reverse

from probation.core.clock import today_uk
from probation.core.errors import ServiceError
from probation.risk.tests.test_registration_factories import RegistrationFactory
from probation.unpaid_work.models import Project, ProjectDay
from probation.unpaid_work.services.project_edit import project_day_update, project_update
from probation.unpaid_work.services.projects import PROJECT_FIELDS
from probation.unpaid_work.tests.conftest import upw_requirement
from probation.unpaid_work.tests.factories import place, session_on

pytestmark = pytest.mark.django_db


def _next(day: ProjectDay, weeks: int = 1):
    today = today_uk()
    date = today + dt.timedelta(days=(day.weekday - today.weekday()) % 7 or 7) + dt.timedelta(weeks=weeks - 1)
    return session_on(day, date)


def _data(project: Project, **changes):
    return {k: getattr(project, k) for k in PROJECT_FIELDS} | changes


def _form(project: Project, **changes):
    data = _data(project, **changes)
    post = {k: v for k, v in data.items() if not isinstance(v, (bool, dt.date)) and v is not None}
    for key in ("starts_on", "ends_on"):
        if data[key]:
            post |= {f"{key}_0": data[key].day, f"{key}_1": data[key].month, f"{key}_2": data[key].year}
    post |= {k: "on" for k in ("with_children", "with_adults_at_risk", "female_only") if data[k]}
    return post | {"version": project.version}


def test_staff_change_a_project_and_a_stale_form_is_refused(client, upw_staff, day):
    project = day.project
    url = reverse("unpaid_work:project-edit", args=[project.pk])
    client.force_login(upw_staff)
    stale = _form(project, name="Canal towpath")

    first = client.post(url, _form(project, name="Riverside park"))
    second = client.post(url, stale)

    assert first.status_code == 302
    assert "changed this project in another window" in second.content.decode()
    project.refresh_from_db()
    assert (project.name, project.version) == ("Riverside park", 2)


def test_a_new_restriction_that_booked_people_breach_is_refused_naming_them(
    upw_staff, day, officer_user, supervisor
):
    requirement = upw_requirement(officer_user.staff)
    RegistrationFactory(person=requirement.sentence.person, register_type="RCHD")
    place(_next(day), requirement, by=supervisor)
    project = day.project

    with pytest.raises(ServiceError) as refused:
        project_update(
            actor=upw_staff,
            project_id=project.pk,
            expected_version=1,
            data=_data(project, with_children=True),
        )

    assert requirement.sentence.person.crn in refused.value.message
    assert "works with or near children" in refused.value.message
    project.refresh_from_db()
    assert (project.with_children, project.version) == (False, 1)


def test_ending_a_project_before_booked_sessions_is_refused_and_ending_it_after_is_saved(
    upw_staff, day, officer_user, supervisor
):
    requirement = upw_requirement(officer_user.staff)
    booked = place(_next(day, weeks=2), requirement, by=supervisor)
    project = day.project

    with pytest.raises(
        ServiceError, match=rf"1 people are booked after the end date \({requirement.sentence.person.crn}\)"
    ):
        project_update(
            actor=upw_staff,
            project_id=project.pk,
            expected_version=1,
            data=_data(project, ends_on=today_uk()),
        )

    project_update(
        actor=upw_staff,
        project_id=project.pk,
        expected_version=1,
        data=_data(project, ends_on=booked.session.date),
    )
    project.refresh_from_db()
    assert project.ends_on == booked.session.date


def test_capacity_below_the_people_booked_ahead_is_refused(upw_staff, day, officer_user, supervisor):
    session = _next(day)
    for _ in range(3):
        place(session, upw_requirement(officer_user.staff), by=supervisor)

    with pytest.raises(ServiceError, match="capacity cannot be less than 3"):
        project_day_update(
            actor=upw_staff,
            day_id=day.pk,
            expected_version=1,
            starts_at=day.starts_at,
            ends_at=day.ends_at,
            capacity=2,
            supervisor_id=supervisor.staff.pk,
        )

    project_day_update(
        actor=upw_staff,
        day_id=day.pk,
        expected_version=1,
        starts_at=day.starts_at,
        ends_at=day.ends_at,
        capacity=3,
        supervisor_id=supervisor.staff.pk,
    )
    day.refresh_from_db()
    assert (day.capacity, day.project.version) == (3, 2)


def test_times_cannot_change_under_people_booked_ahead(upw_staff, day, officer_user, supervisor):
    requirement = upw_requirement(officer_user.staff)
    place(_next(day), requirement, by=supervisor)

    with pytest.raises(
        ServiceError, match=f"booked ahead at the current times \\({requirement.sentence.person.crn}\\)"
    ):
        project_day_update(
            actor=upw_staff,
            day_id=day.pk,
            expected_version=1,
            starts_at=dt.time(10),
            ends_at=day.ends_at,
            capacity=10,
            supervisor_id=supervisor.staff.pk,
        )


def test_the_session_edit_page_saves_with_the_projects_version(client, upw_staff, day, supervisor):
    url = reverse("unpaid_work:day-edit", args=[day.project_id, day.pk])
    client.force_login(upw_staff)
    assert "Change weekly session" in client.get(url).content.decode()

    response = client.post(
        url,
        {
            "starts_at": "08:30",
            "ends_at": "15:30",
            "capacity": "12",
            "supervisor": supervisor.staff.pk,
            "version": day.project.version,
        },
    )

    assert response.status_code == 302
    day.refresh_from_db()
    assert (day.starts_at, day.capacity) == (dt.time(8, 30), 12)
