"""The supervisor's session sheet: credits (end − start) − penalty through the contacts credit
service, never beyond what is left; enforceable outcomes open enforcement; saved twice or by two
supervisors credits once and the second is told; bad times and wrong days are refused."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from probation.accounts.tests.factories import StaffFactory, UserFactory
from probation.contacts.models import EnforcementCase
from probation.core.errors import ServiceError
from probation.sentences.models import Requirement
from probation.unpaid_work.services.sheets import SheetRow, session_sheet_save
from probation.unpaid_work.tests.conftest import last_saturday, upw_requirement
from probation.unpaid_work.tests.factories import place, session_on

pytestmark = pytest.mark.django_db


def _post(place_, outcome="ATTC", signed_in="09:00", signed_out="16:00", penalty="", travel="", notes=""):
    p = place_.pk
    return {
        f"{p}-outcome": outcome,
        f"{p}-signed_in": signed_in,
        f"{p}-signed_out": signed_out,
        f"{p}-penalty": penalty,
        f"{p}-travel": travel,
        f"{p}-notes": notes,
    }


def test_supervisor_signs_three_in_and_out_one_sent_home_and_the_po_sees_hours_and_enforcement(
    client, session, supervisor, officer_user
):
    people = [upw_requirement(officer_user.staff) for _ in range(3)]
    places = [place(session, r, by=supervisor) for r in people]
    client.force_login(supervisor)
    data = {"version": session.version}
    data |= _post(places[0], penalty="15")
    data |= _post(places[1], signed_in="09:10", signed_out="16:00", travel="30")
    data |= _post(places[2], outcome="ATSH", signed_out="11:30", notes="Refused instructions")

    response = client.post(reverse("unpaid_work:sheet", args=[session.pk]), data)

    assert response.status_code == 302
    done = {r.pk: (r.done, r.done_part_minutes) for r in Requirement.objects.all()}
    assert done[people[0].pk] == (6, 45)  # 7h − 15 min
    assert done[people[1].pk] == (7, 20)  # 6h50 + 30 min travel
    assert done[people[2].pk] == (2, 30)  # sent home at 11:30: time present counts
    case = EnforcementCase.objects.get()
    assert case.person_id == people[2].sentence.person_id
    assert case.contact.outcome == "ATSH"
    client.force_login(officer_user)
    page = client.get(
        reverse("sentences:sentence-detail", args=[people[2].sentence.person.crn, people[2].sentence_id])
    )
    assert "2 hours 30 minutes of 100 hours credited" in page.content.decode()


def test_a_sheet_saved_twice_credits_once_and_the_second_save_is_told(
    client, session, supervisor, requirement
):
    booked = place(session, requirement, by=supervisor)
    client.force_login(supervisor)
    data = {"version": session.version} | _post(booked)
    client.post(reverse("unpaid_work:sheet", args=[session.pk]), data)

    again = client.post(reverse("unpaid_work:sheet", args=[session.pk]), data)

    assert again.status_code == 200
    assert "This sheet was already saved" in again.content.decode()
    assert "Nothing was credited again" in again.content.decode()
    requirement.refresh_from_db()
    assert requirement.done_minutes == 420


def test_a_second_supervisor_with_the_old_version_is_refused(session, supervisor, requirement, upw_staff):
    booked = place(session, requirement, by=supervisor)
    rows = [SheetRow(booked.pk, "ATTC", dt.time(9), dt.time(16))]
    session_sheet_save(actor=supervisor, session_id=session.pk, expected_version=1, rows=rows)

    with pytest.raises(ServiceError, match="already saved by"):
        session_sheet_save(actor=upw_staff, session_id=session.pk, expected_version=1, rows=rows)

    requirement.refresh_from_db()
    assert requirement.done_minutes == 420


def test_sign_out_before_sign_in_is_refused_beside_the_input_and_nothing_changes(
    client, session, supervisor, requirement
):
    booked = place(session, requirement, by=supervisor)
    client.force_login(supervisor)

    response = client.post(
        reverse("unpaid_work:sheet", args=[session.pk]),
        {"version": session.version} | _post(booked, signed_in="14:00", signed_out="10:00"),
    )

    assert response.status_code == 200
    assert "Sign-out (10:00) must be after sign-in (14:00)." in response.content.decode()
    assert f'href="#id_{booked.pk}-signed_out"' in response.content.decode()
    requirement.refresh_from_db()
    booked.contact.refresh_from_db()
    assert (requirement.done_minutes, booked.contact.outcome) == (0, "")


def test_a_session_on_a_day_the_project_does_not_run_is_refused(session, day, supervisor, requirement):
    friday = session_on(day, session.date - dt.timedelta(days=1))
    booked = place(friday, requirement, by=supervisor)

    with pytest.raises(ServiceError, match="does not run on Fridays"):
        session_sheet_save(
            actor=supervisor,
            session_id=friday.pk,
            expected_version=1,
            rows=[SheetRow(booked.pk, "ATTC", dt.time(9), dt.time(16))],
        )


def test_credit_never_goes_beyond_what_is_left(session, supervisor, officer_user):
    nearly = upw_requirement(officer_user.staff, ordered=40, done=38)
    booked = place(session, nearly, by=supervisor)

    session_sheet_save(
        actor=supervisor,
        session_id=session.pk,
        expected_version=1,
        rows=[SheetRow(booked.pk, "ATTC", dt.time(9), dt.time(16), travel=60)],
    )

    nearly.refresh_from_db()
    booked.refresh_from_db()
    assert (nearly.done, nearly.done_part_minutes, booked.credited_minutes, booked.travel_minutes) == (
        40,
        0,
        120,
        0,
    )


def test_unacceptable_absence_opens_enforcement_and_credits_nothing(session, supervisor, requirement):
    booked = place(session, requirement, by=supervisor)

    session_sheet_save(
        actor=supervisor, session_id=session.pk, expected_version=1, rows=[SheetRow(booked.pk, "UACP")]
    )

    booked.contact.refresh_from_db()
    assert booked.contact.outcome == "UAAB"
    assert EnforcementCase.objects.filter(contact=booked.contact, status="awaiting_action").exists()
    requirement.refresh_from_db()
    assert requirement.done_minutes == 0


def test_another_supervisor_cannot_open_or_save_the_sheet(client, session, supervisor, requirement, team):
    place(session, requirement, by=supervisor)
    other = UserFactory(role="upw_supervisor", staff=StaffFactory(team=team, grade="UPWS"))
    client.force_login(other)

    assert client.get(reverse("unpaid_work:sheet", args=[session.pk])).status_code == 404
    assert client.post(reverse("unpaid_work:sheet", args=[session.pk]), {"version": 1}).status_code == 404


def _sheet_of(session, supervisor, officer, size):
    places = [place(session, upw_requirement(officer), by=supervisor) for _ in range(size)]
    data = {"version": session.version}
    for booked in places:
        data |= _post(booked, penalty="10")
    return data


def test_a_twenty_person_sheet_saves_in_one_request_with_a_constant_query_count(
    client, day, supervisor, officer_user
):
    client.force_login(supervisor)
    counts = []
    for offset, size in ((7, 2), (14, 20)):
        session = session_on(day, last_saturday() - dt.timedelta(days=offset))
        data = _sheet_of(session, supervisor, officer_user.staff, size)
        with CaptureQueriesContext(connection) as queries:
            response = client.post(reverse("unpaid_work:sheet", args=[session.pk]), data)
        assert response.status_code == 302
        counts.append(len(queries))
    assert counts[0] == counts[1]
    assert Requirement.objects.filter(done=6, done_part_minutes=50).count() == 22


def test_a_restricted_persons_row_is_left_for_staff_and_the_others_are_credited(
    client, session, supervisor, officer_user, upw_staff
):
    from probation.people.tests import access

    seen, hidden = (place(session, upw_requirement(officer_user.staff), by=supervisor) for _ in range(2))
    access.restrict(hidden.contact.person, to=upw_staff)
    client.force_login(supervisor)

    response = client.post(reverse("unpaid_work:sheet", args=[session.pk]), {"version": 1} | _post(seen))

    assert response.status_code == 302
    seen.contact.refresh_from_db()
    hidden.contact.refresh_from_db()
    session.refresh_from_db()
    assert (seen.contact.outcome, hidden.contact.outcome, session.saved_at) == ("ATTC", "", None)
    client.force_login(upw_staff)
    done = client.post(reverse("unpaid_work:sheet", args=[session.pk]), {"version": 2} | _post(hidden))
    assert done.status_code == 302
    session.refresh_from_db()
    assert session.saved_at is not None
