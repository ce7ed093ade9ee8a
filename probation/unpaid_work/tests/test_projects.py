"""Projects and weekly sessions (item 1) and the assessment (item 2), through their pages."""

import pytest
from django.urls import reverse

from probation.audit.models import AuditEvent
from probation.unpaid_work.models import Assessment, Project, ProjectDay

pytestmark = pytest.mark.django_db


def _project_post(**overrides):
    return {
        "code": "LDS01",
        "name": "Roundhay Park",
        "project_type": "NP1",
        "address": "Roundhay Park, Leeds",
        "area": "Leeds LS8",
        "starts_on_0": "1",
        "starts_on_1": "1",
        "starts_on_2": "2026",
        "with_children": "on",
    } | overrides


def test_upw_staff_add_a_project_in_their_pdu_with_restrictions(client, upw_staff):
    client.force_login(upw_staff)

    response = client.post(reverse("unpaid_work:project-create"), _project_post())

    project = Project.objects.get()
    assert response["Location"] == reverse("unpaid_work:project", args=[project.pk])
    assert (project.pdu_id, project.with_children, project.kind) == (
        upw_staff.staff.team.pdu_id,
        True,
        "group",
    )
    assert AuditEvent.objects.filter(object_type="upw_project", action="create").count() == 1
    page = client.get(reverse("unpaid_work:projects")).content.decode()
    assert "Roundhay Park" in page
    assert "Children" in page


def test_a_project_ending_before_it_starts_is_refused_beside_the_field(client, upw_staff):
    client.force_login(upw_staff)

    response = client.post(
        reverse("unpaid_work:project-create"), _project_post(ends_on_0="1", ends_on_1="1", ends_on_2="2025")
    )

    assert "The end date must be on or after the start date" in response.content.decode()
    assert not Project.objects.exists()


def test_a_weekly_session_needs_an_end_after_its_start_and_a_supervisor_of_the_pdu(
    client, upw_staff, supervisor, day
):
    client.force_login(upw_staff)
    url = reverse("unpaid_work:day-create", args=[day.project_id])
    post = {
        "weekday": "2",
        "starts_at": "10:00",
        "ends_at": "09:00",
        "capacity": "6",
        "supervisor": supervisor.staff_id,
    }

    refused = client.post(url, post)
    saved = client.post(url, post | {"ends_at": "15:00"})

    assert "The end time must be after the start time" in refused.content.decode()
    assert saved.status_code == 302
    assert ProjectDay.objects.filter(project=day.project, weekday=2, capacity=6).count() == 1


def test_the_assessment_is_saved_and_a_stale_second_save_is_refused(client, upw_staff, requirement):
    client.force_login(upw_staff)
    url = reverse("unpaid_work:assessment", args=[requirement.sentence.person.crn, requirement.pk])
    post = {
        "placement": "individual",
        "excluded_areas": "Leeds LS8\nLeeds LS9",
        "available_days": ["5", "6"],
        "ppe_clothing": "L",
        "ppe_footwear": "10",
        "induction_done": "on",
    }

    first = client.post(url, post)
    stale = client.post(url, post | {"version": "0", "placement": "mixed"})

    assert first.status_code == 302
    assessment = Assessment.objects.get()
    assert (assessment.placement, assessment.excluded_area_list, assessment.available_days) == (
        "individual",
        ["Leeds LS8", "Leeds LS9"],
        [5, 6],
    )
    assert "Someone changed this assessment after you opened it" in stale.content.decode()
    assert Assessment.objects.get().placement == "individual"


def test_footwear_outside_uk_3_to_14_is_refused(client, upw_staff, requirement):
    client.force_login(upw_staff)
    url = reverse("unpaid_work:assessment", args=[requirement.sentence.person.crn, requirement.pk])

    response = client.post(url, {"placement": "mixed", "ppe_footwear": "15"})

    assert "Footwear size must be between 3 and 14" in response.content.decode()
    assert not Assessment.objects.exists()


def test_orders_awaiting_allocation_are_listed_with_restricted_cases_shown_only_by_crn(
    client, upw_staff, requirement, django_assert_num_queries
):
    from probation.people.tests import access
    from probation.unpaid_work.tests.conftest import upw_requirement

    hidden = upw_requirement(requirement.sentence.person.officer)
    access.restrict_to_someone_else(hidden.sentence.person)
    client.force_login(upw_staff)

    page = client.get(reverse("unpaid_work:projects")).content.decode()

    assert requirement.sentence.person.surname in page
    assert hidden.sentence.person.crn in page
    assert hidden.sentence.person.surname not in page
    assert reverse("unpaid_work:allocate", args=[requirement.sentence.person.crn, requirement.pk]) in page


def test_the_allocate_page_shows_hours_deadline_ete_allowance_and_the_earned_reduction(
    client, upw_staff, requirement, session, supervisor
):
    import datetime as dt

    from probation.unpaid_work.services.sheets import SheetRow, session_sheet_save
    from probation.unpaid_work.tests.factories import place

    booked = place(session, requirement, by=supervisor)
    session_sheet_save(
        actor=supervisor,
        session_id=session.pk,
        expected_version=1,
        rows=[SheetRow(booked.pk, "ATTC", dt.time(9), dt.time(16), penalty=15)],
    )
    client.force_login(upw_staff)

    page = client.get(reverse("unpaid_work:allocate", args=[requirement.sentence.person.crn, requirement.pk]))

    text = page.content.decode()
    assert "6h 45m credited of 100h; 93h 15m left" in text
    assert "0h credited of up to 30h; 30h left" in text  # ETE: 30 % of 100 hours
    assert "Eligible: 0h off now, 25h expected (after 25h worked with no failure)" in text


def test_the_projects_page_title_is_its_name_only(client, upw_staff):
    """The title block once held the whole 'orders awaiting allocation' table (shown twice on the page)."""
    client.force_login(upw_staff)

    page = client.get(reverse("unpaid_work:projects")).content.decode()

    title = page.split("<title>")[1].split("</title>")[0]
    assert "<" not in title
    assert "Unpaid work projects" in title
    assert page.count("Orders awaiting allocation") == 1
