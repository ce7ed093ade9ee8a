"""Referral → assessment → waiting list → group → completion, as the practitioner and the treatment
manager see it: the pathway with its reasoning, every refusal with its reason and nothing changed."""

import datetime as dt

import pytest
from django.urls import reverse

from probation.contacts.models import Contact
from probation.contacts.times import london_datetime
from probation.core.clock import now, today_uk
from probation.core.errors import ServiceError
from probation.programmes.models import Attendance, GroupSession, Participant, Referral
from probation.programmes.services.groups import GroupRequest, group_create, participant_add
from probation.programmes.services.referrals import referral_complete
from probation.programmes.tests.factories import expect, programme_requirement, referral, session_on
from probation.sentences.models import Requirement

pytestmark = pytest.mark.django_db


def test_the_case_page_names_what_is_missing_for_the_pathway(client, requirement, officer_user):
    client.force_login(officer_user)

    page = client.get(reverse("programmes:case", args=[requirement.sentence.person.crn])).content.decode()

    assert "Information missing" in page
    assert "OGRS3, OVP, RSR" in page
    assert "Hostile orientation" in page
    assert "Refer to a programme" in page


def test_the_practitioner_refers_and_a_double_submit_is_refused(client, requirement, officer_user):
    client.force_login(officer_user)
    url = reverse("programmes:refer", args=[requirement.sentence.person.crn])
    data = {"requirement": requirement.pk, "programme": "BC", "notes": "Thinking skills need"}

    first = client.post(url, data)
    second = client.post(url, data)

    assert first.status_code == 302
    assert "already referred to this programme" in second.content.decode()
    referral_ = Referral.objects.get()
    assert (referral_.status, referral_.programme, referral_.pathway) == ("awaiting_assessment", "BC", "")
    assert referral_.pathway_reasons[0].startswith("Information missing: OGRS3")


def test_a_programme_no_longer_in_force_is_not_offered(client, requirement, officer_user):
    client.force_login(officer_user)
    url = reverse("programmes:refer", args=[requirement.sentence.person.crn])

    page = client.get(url).content.decode()
    response = client.post(url, {"requirement": requirement.pk, "programme": "TSP"})

    assert "Building Choices" in page
    assert "Thinking Skills Programme" not in page
    assert response.status_code == 200
    assert not Referral.objects.exists()


def test_not_suitable_needs_reasons_and_suitable_joins_the_waiting_list(
    client, requirement, officer_user, manager
):
    ref = referral(requirement, by=officer_user, status="awaiting_assessment")
    client.force_login(manager)
    url = reverse("programmes:assess", args=[ref.person.crn, ref.pk])

    refused = client.post(url, {"version": ref.version, "suitable": "no", "reasons": ""})
    saved = client.post(url, {"version": ref.version, "suitable": "yes", "reasons": "Consents, motivated"})
    stale = client.post(url, {"version": ref.version, "suitable": "no", "reasons": "Changed mind"})

    assert "Give the reasons the person is not suitable" in refused.content.decode()
    assert saved.status_code == 302
    assert "changed this referral after you opened it" in stale.content.decode()
    ref.refresh_from_db()
    assert (ref.status, ref.suitable_from) == ("awaiting_allocation", today_uk())
    waiting = client.get(reverse("programmes:waiting-list")).content.decode()
    assert ref.person.crn in waiting
    assert "0 days" in waiting


def test_the_waiting_list_shows_how_long_each_person_has_waited_longest_first(client, officer_user, manager):
    refs = [referral(programme_requirement(officer_user.staff), by=officer_user) for _ in range(2)]
    Referral.objects.filter(pk=refs[1].pk).update(suitable_from=today_uk() - dt.timedelta(days=45))
    client.force_login(manager)

    page = client.get(reverse("programmes:waiting-list")).content.decode()

    assert "6 weeks 3 days" in page
    assert "2 weeks 6 days" in page
    assert page.index(refs[1].person.crn) < page.index(refs[0].person.crn)


def test_a_group_needs_trained_facilitators_and_gets_its_weekly_schedule(
    manager, facilitator, co_facilitator, team
):
    from probation.accounts.tests.factories import StaffFactory

    untrained = StaffFactory(team=team, grade="PSO")
    start = today_uk() + dt.timedelta(days=3)
    request = GroupRequest("BC", "BC-02", start, dt.time(10), dt.time(12, 30), "Leeds office", [untrained.pk])

    with pytest.raises(ServiceError, match="trained for this programme"):
        group_create(actor=manager, request=request)
    group, warning = group_create(
        actor=manager,
        request=GroupRequest(**(request.__dict__ | {"facilitator_ids": [facilitator.staff_id]})),
    )

    assert warning == "Sessions are normally run by two facilitators"
    sessions = list(GroupSession.objects.filter(group=group).order_by("number"))
    assert len(sessions) == 21
    assert all(s.date.weekday() == start.weekday() for s in sessions)
    assert list(sessions[0].facilitators.all()) == [facilitator.staff]


def _future_group(manager, facilitator, co_facilitator, reference="BC-03"):
    start = today_uk() + dt.timedelta(days=2)
    ids = [facilitator.staff_id, co_facilitator.staff_id]
    group, _ = group_create(
        actor=manager,
        request=GroupRequest("BC", reference, start, dt.time(10), dt.time(12, 30), "Leeds office", ids),
    )
    return group


def test_adding_a_person_books_every_session_on_their_record(manager, facilitator, co_facilitator, waiting):
    group = _future_group(manager, facilitator, co_facilitator)

    participant_add(actor=manager, group_id=group.pk, referral_id=waiting.pk)

    waiting.refresh_from_db()
    assert waiting.status == "scheduled"
    contacts = Contact.objects.filter(
        person=waiting.person, type="programme_session", requirement=waiting.requirement
    )
    assert contacts.count() == 21
    assert Attendance.objects.filter(participant__referral=waiting).count() == 21


def test_a_clash_with_the_persons_appointment_is_refused_and_nothing_is_booked(
    manager, facilitator, co_facilitator, waiting, officer_user
):
    group = _future_group(manager, facilitator, co_facilitator)
    first = GroupSession.objects.filter(group=group).order_by("date").first()
    Contact.objects.create(
        person=waiting.person,
        type="planned_office_visit",
        is_appointment=True,
        starts_at=london_datetime(first.date, dt.time(11)),
        ends_at=london_datetime(first.date, dt.time(11, 30)),
        officer=officer_user.staff,
        created_by=officer_user,
    )

    with pytest.raises(ServiceError, match="already has planned office visit"):
        participant_add(actor=manager, group_id=group.pk, referral_id=waiting.pk)

    assert not Participant.objects.exists()
    assert Contact.objects.filter(type="programme_session").count() == 0
    waiting.refresh_from_db()
    assert waiting.status == "awaiting_allocation"


def test_a_group_takes_at_most_twelve(manager, facilitator, co_facilitator, officer_user):
    group = _future_group(manager, facilitator, co_facilitator)
    GroupSession.objects.filter(group=group).update(date=today_uk() - dt.timedelta(days=1))  # no bookings
    for _ in range(12):
        ref = referral(programme_requirement(officer_user.staff), by=officer_user)
        participant_add(actor=manager, group_id=group.pk, referral_id=ref.pk)
    thirteenth = referral(programme_requirement(officer_user.staff), by=officer_user)

    with pytest.raises(ServiceError, match="The group is full: at most 12"):
        participant_add(actor=manager, group_id=group.pk, referral_id=thirteenth.pk)


def test_a_catch_up_replaces_a_missed_session_and_completion_needs_every_session_and_the_review(
    client, bc_group, facilitator, manager, officer_user
):
    requirement = programme_requirement(officer_user.staff, ordered=2)
    ref = referral(requirement, by=officer_user)
    yesterday = today_uk() - dt.timedelta(days=1)
    one = session_on(bc_group, yesterday - dt.timedelta(days=14), number=1)
    two = session_on(bc_group, yesterday - dt.timedelta(days=7), number=2)
    first, missed = expect(one, ref, by=manager), expect(two, ref, by=manager)
    recorded = {"outcome_recorded_at": now(), "outcome_recorded_by": manager}
    Contact.objects.filter(pk=first.contact_id).update(outcome="ATTC", **recorded)
    Contact.objects.filter(pk=missed.contact_id).update(outcome="UAAB", **recorded)
    Referral.objects.filter(pk=ref.pk).update(status="on_programme")
    ref.refresh_from_db()

    with pytest.raises(ServiceError, match="1 of 21 sessions attended"):
        referral_complete(
            actor=manager,
            crn=ref.person.crn,
            referral_id=ref.pk,
            expected_version=ref.version,
            review_on=yesterday,
            notes="",
        )

    client.force_login(manager)
    page = client.post(
        reverse("programmes:catch-up", args=[bc_group.pk]),
        {
            "number": 2,
            "date_0": today_uk().day,
            "date_1": today_uk().month,
            "date_2": today_uk().year,
            "starts_at": "15:00",
            "ends_at": "17:30",
            "venue": "",
            "facilitators": [facilitator.staff_id],
            "participants": [first.participant_id],
        },
    )
    assert page.status_code == 302, page.content.decode()[:3000]
    catch_up = GroupSession.objects.get(kind="catch_up")
    assert (catch_up.number, catch_up.attendances.get().participant_id) == (2, first.participant_id)
    assert Requirement.objects.get(pk=requirement.pk).done == 0  # outcomes set directly above
