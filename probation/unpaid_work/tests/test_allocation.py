"""Allocation: restrictions refused with every reason, capacity, suggestions; UPW sessions are on the
person's schedule and the project's, not in the officer's diary, and never clash with the officer's
appointments (they still clash with the person's)."""

import datetime as dt
from dataclasses import replace

import pytest
from django.urls import reverse

from probation.accounts.tests.factories import StaffFactory
from probation.contacts.models import Contact
from probation.contacts.services.appointments import ContactDetails, appointment_book
from probation.contacts.times import london_datetime
from probation.core.clock import today_uk
from probation.core.errors import ServiceError
from probation.risk.tests.test_registration_factories import RegistrationFactory
from probation.rules.unpaid_work.schedule import Frequency
from probation.unpaid_work.models import Assessment, Place, Session
from probation.unpaid_work.services.allocations import AllocationRequest, allocation_create
from probation.unpaid_work.tests.conftest import upw_requirement
from probation.unpaid_work.tests.factories import ProjectDayFactory

pytestmark = pytest.mark.django_db


def next_saturday() -> dt.date:
    today = today_uk()
    return today + dt.timedelta(days=(5 - today.weekday()) % 7 or 7)


def _allocate(actor, requirement, day, **kwargs):
    values = {"day_id": day.pk, "frequency": Frequency.WEEKLY, "starts_on": today_uk()} | kwargs
    return allocation_create(
        actor=actor,
        crn=requirement.sentence.person.crn,
        requirement_id=requirement.pk,
        request=AllocationRequest(**values),
    )


def test_allocation_books_weekly_sessions_to_cover_the_hours_on_the_project_not_the_officers_diary(
    client, upw_staff, requirement, day, officer_user
):
    requirement.ordered = 40
    requirement.save()

    _allocate(upw_staff, requirement, day)

    contacts = list(Contact.objects.filter(requirement=requirement).order_by("starts_at"))
    assert len(contacts) == 6  # 40 hours in 7-hour sessions
    assert {c.on_project for c in contacts} == {True}
    assert contacts[0].starts_at == london_datetime(next_saturday(), dt.time(9))
    assert Session.objects.filter(day=day).count() == 6
    client.force_login(officer_user)
    diary = client.get(reverse("contacts:diary"), {"week": next_saturday().isoformat()})
    assert "Unpaid work session" not in diary.content.decode()


def test_the_officer_may_book_over_a_upw_session_but_the_person_may_not(
    upw_staff, requirement, team, officer_user
):
    # Even where the officer is the session's supervisor, the session is the project's, not their diary's.
    day = ProjectDayFactory(project__pdu=team.pdu, supervisor=officer_user.staff)
    _allocate(upw_staff, requirement, day, frequency=Frequency.ONCE)
    other = upw_requirement(officer_user.staff)
    saturday_ten = london_datetime(next_saturday(), dt.time(10))
    details = ContactDetails(
        type_code="home_visit", starts_at=saturday_ten, ends_at=saturday_ten + dt.timedelta(hours=1)
    )

    appointment_book(
        actor=officer_user, crn=other.sentence.person.crn, details=details, bank_holiday_confirmed=True
    )  # no clash for the officer

    colleague = StaffFactory(team=team)
    with pytest.raises(
        ServiceError, match=f"This person already has unpaid work session at {day.project.name}"
    ):
        appointment_book(
            actor=officer_user,
            crn=requirement.sentence.person.crn,
            details=replace(details, officer_id=colleague.pk),
            bank_holiday_confirmed=True,
        )


def test_a_project_with_children_is_refused_for_a_registered_sex_offender_with_the_reason(
    client, upw_staff, requirement, team
):
    school = ProjectDayFactory(
        project__pdu=team.pdu, project__with_children=True, project__name="School garden"
    )
    RegistrationFactory(person=requirement.sentence.person, register_type="ARSO")

    with pytest.raises(ServiceError) as refused:
        _allocate(upw_staff, requirement, school)

    assert [e.message for e in refused.value.errors] == [
        "The project works with or near children and the person has ARSO registrations."
    ]
    assert not Place.objects.exists()
    client.force_login(upw_staff)
    page = client.get(reverse("unpaid_work:allocate", args=[requirement.sentence.person.crn, requirement.pk]))
    assert "Not suitable" in page.content.decode()
    assert "School garden" in page.content.decode()


def test_exclusion_zone_and_female_only_are_refused(upw_staff, requirement, team):
    Assessment.objects.create(requirement=requirement, assessed_by=upw_staff, excluded_areas="Leeds LS8")
    women = ProjectDayFactory(project__pdu=team.pdu, project__female_only=True, project__area="Leeds LS8")

    with pytest.raises(ServiceError) as refused:
        _allocate(upw_staff, requirement, women)

    assert [e.message for e in refused.value.errors] == [
        "The project is a female-only group.",
        "The project is in Leeds LS8, an area the person is excluded from.",
    ]


def test_a_full_session_is_refused_with_its_date(upw_staff, officer_user, team):
    small = ProjectDayFactory(project__pdu=team.pdu, capacity=1)
    _allocate(upw_staff, upw_requirement(officer_user.staff), small, frequency=Frequency.ONCE)
    second = upw_requirement(officer_user.staff)

    with pytest.raises(
        ServiceError, match=f"The session is full \\(capacity 1\\) on {next_saturday():%-d %B %Y}"
    ):
        _allocate(upw_staff, second, small, frequency=Frequency.ONCE)

    assert not Contact.objects.filter(requirement=second).exists()


def test_staff_of_another_pdu_cannot_allocate(upw_staff, requirement):
    other_pdu_day = ProjectDayFactory()

    with pytest.raises(ServiceError, match="Select a session of one of your projects"):
        _allocate(upw_staff, requirement, other_pdu_day)


def test_the_allocate_page_suggests_fitting_projects_and_allocates(client, upw_staff, requirement, day):
    client.force_login(upw_staff)
    url = reverse("unpaid_work:allocate", args=[requirement.sentence.person.crn, requirement.pk])
    assert "Suggested" in client.get(url).content.decode()
    start = next_saturday()

    response = client.post(
        url,
        {
            "day": day.pk,
            "frequency": "once",
            "starts_on_0": start.day,
            "starts_on_1": start.month,
            "starts_on_2": start.year,
        },
    )

    assert response.status_code == 302
    assert Place.objects.filter(allocation__requirement=requirement).count() == 1
