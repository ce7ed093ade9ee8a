"""The facilitator's register: ATTC / AFTC / UAAB per participant in one request; each lands in the
person's contact log, moves the programme requirement and opens enforcement for failures to comply;
saved twice or by two facilitators credits once and the second is told; a future session refuses
outcomes; queries do not grow with the participants."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from probation.contacts.models import Contact, EnforcementCase
from probation.core.clock import today_uk
from probation.core.errors import ServiceError
from probation.people.tests import access
from probation.programmes.models import Referral
from probation.programmes.services.register import RegisterRow, register_save
from probation.programmes.tests.factories import expect, programme_requirement, referral, session_on
from probation.sentences.models import Requirement

pytestmark = pytest.mark.django_db


def _expected(session, officer_user, n):
    return [
        expect(session, referral(programme_requirement(officer_user.staff), by=officer_user), by=officer_user)
        for _ in range(n)
    ]


def _post(attendances, outcomes, version):
    data = {"version": version}
    for attendance, outcome in zip(attendances, outcomes, strict=True):
        data[f"{attendance.pk}-outcome"] = outcome
        data[f"{attendance.pk}-notes"] = ""
    return data


def test_facilitator_records_attc_aftc_uaab_and_each_lands_on_the_record(
    client, session, facilitator, officer_user
):
    rows = _expected(session, officer_user, 3)
    client.force_login(facilitator)

    response = client.post(
        reverse("programmes:register", args=[session.pk]),
        _post(rows, ["ATTC", "AFTC", "UAAB"], session.version),
    )

    assert response.status_code == 302
    outcomes = {c.pk: c.outcome for c in Contact.objects.all()}
    assert [outcomes[a.contact_id] for a in rows] == ["ATTC", "AFTC", "UAAB"]
    done = {r.pk: r.done for r in Requirement.objects.all()}
    assert [done[a.participant.referral.requirement_id] for a in rows] == [1, 1, 0]
    failed = set(EnforcementCase.objects.values_list("contact_id", flat=True))
    assert failed == {rows[1].contact_id, rows[2].contact_id}
    assert set(Referral.objects.values_list("status", flat=True)) == {"on_programme"}
    client.force_login(officer_user)
    crn = rows[2].contact.person.crn
    log = client.get(reverse("contacts:list", args=[crn])).content.decode()
    assert "Programme session" in log


def test_a_register_saved_twice_credits_once_and_the_second_save_is_told(
    client, session, facilitator, officer_user
):
    rows = _expected(session, officer_user, 1)
    client.force_login(facilitator)
    data = _post(rows, ["ATTC"], session.version)
    client.post(reverse("programmes:register", args=[session.pk]), data)

    again = client.post(reverse("programmes:register", args=[session.pk]), data)

    page = again.content.decode()
    assert again.status_code == 200
    assert "Nothing was credited again" in page
    assert Requirement.objects.get().done == 1


def test_a_second_facilitator_with_the_old_version_is_refused_and_told_who_saved(
    session, facilitator, co_facilitator, officer_user
):
    rows = _expected(session, officer_user, 2)
    version = session.version
    register_save(
        actor=facilitator,
        session_id=session.pk,
        expected_version=version,
        rows=[RegisterRow(rows[0].pk, "ATTC")],
    )

    with pytest.raises(ServiceError, match=r"This register was already saved by .* at"):
        register_save(
            actor=co_facilitator,
            session_id=session.pk,
            expected_version=version,
            rows=[RegisterRow(rows[1].pk, "UAAB")],
        )
    assert not EnforcementCase.objects.exists()


def test_a_future_session_refuses_attendance_outcomes(client, bc_group, facilitator, officer_user):
    future = session_on(bc_group, today_uk() + dt.timedelta(days=6), number=2)
    rows = _expected(future, officer_user, 1)
    client.force_login(facilitator)

    page = client.get(reverse("programmes:register", args=[future.pk])).content.decode()
    response = client.post(
        reverse("programmes:register", args=[future.pk]), _post(rows, ["UAAB"], future.version)
    )

    assert "has not happened yet" in page
    assert "Save register" not in page
    assert "record attendance on or after the day" in response.content.decode()
    assert Contact.objects.get().outcome == ""
    assert not EnforcementCase.objects.exists()


def test_every_missing_or_unknown_outcome_is_shown_and_nothing_is_saved(
    client, session, facilitator, officer_user
):
    rows = _expected(session, officer_user, 3)
    client.force_login(facilitator)
    data = _post(rows, ["ATTC", "", "XXXX"], session.version)

    page = client.post(reverse("programmes:register", args=[session.pk]), data).content.decode()

    assert "Select an outcome" in page
    assert "Select ATTC, AFTC or UAAB" in page
    assert set(Contact.objects.values_list("outcome", flat=True)) == {""}
    assert Requirement.objects.filter(done__gt=0).count() == 0


def _save_queries(session, user, rows, outcome="ATTC"):
    data = [RegisterRow(a.pk, outcome) for a in rows]
    with CaptureQueriesContext(connection) as ctx:
        register_save(actor=user, session_id=session.pk, expected_version=session.version, rows=data)
    return len(ctx)


@pytest.mark.parametrize("outcome", ["ATTC", "AFTC"])
def test_saving_a_register_of_twelve_takes_as_many_queries_as_one(
    bc_group, facilitator, officer_user, outcome
):
    """Each failure to comply also recalculates that person's tier in the same transaction (ADR 0012,
    core.case_changes): a fixed number of queries per person with a new failure, as for any outcome."""
    one = session_on(bc_group, today_uk() - dt.timedelta(days=8), number=1)
    twelve = session_on(bc_group, today_uk() - dt.timedelta(days=1), number=2)
    single = _expected(one, officer_user, 1)
    many = _expected(twelve, officer_user, 12)

    small = _save_queries(one, facilitator, single, outcome)
    large = _save_queries(twelve, facilitator, many, outcome)

    per_tier = 0 if outcome == "ATTC" else (large - small) // 11
    assert large == small + 11 * per_tier
    assert per_tier <= 12


def test_the_register_page_reads_in_the_same_queries_for_one_or_twelve(
    client, bc_group, facilitator, officer_user
):
    one = session_on(bc_group, today_uk() - dt.timedelta(days=8), number=1)
    twelve = session_on(bc_group, today_uk() - dt.timedelta(days=1), number=2)
    _expected(one, officer_user, 1)
    _expected(twelve, officer_user, 12)
    client.force_login(facilitator)
    client.get(reverse("programmes:register", args=[one.pk]))  # the session and user are read once
    with CaptureQueriesContext(connection) as small:
        client.get(reverse("programmes:register", args=[one.pk]))
    with CaptureQueriesContext(connection) as large:
        client.get(reverse("programmes:register", args=[twelve.pk]))
    assert len(large) == len(small)


@pytest.mark.parametrize("lock", ["excluded", "restricted"])
def test_a_register_shows_an_excluded_or_restricted_person_only_as_restricted(
    client, session, facilitator, officer_user, lock
):
    attendance = _expected(session, officer_user, 1)[0]
    person = attendance.contact.person
    if lock == "excluded":
        access.exclude(person, facilitator)
    else:
        access.restrict_to_someone_else(person)
    client.force_login(facilitator)

    page = client.get(reverse("programmes:register", args=[session.pk])).content.decode()

    assert f"{person.first_name} {person.surname}" not in page
    assert "This case is restricted" in page


def test_my_sessions_lists_the_facilitators_registers(client, session, facilitator, officer_user):
    _expected(session, officer_user, 2)
    client.force_login(facilitator)

    page = client.get(reverse("programmes:my-sessions")).content.decode()

    assert reverse("programmes:register", args=[session.pk]) in page
    assert "2 expected" in page
    my_work = client.get(reverse("worklists:mine")).content.decode()
    assert reverse("programmes:my-sessions") in my_work
