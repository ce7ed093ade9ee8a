"""MAPPA meeting and action services: every rule and refusal, versions and conflicts, the audit."""

import datetime as dt

import pytest

from probation.audit.models import AuditEvent
from probation.core.clock import today_uk
from probation.core.errors import ConflictError, NotFound, ServiceError
from probation.mappa.models import MappaAction, MappaMeeting
from probation.mappa.services.actions import action_add, action_complete
from probation.mappa.services.meetings import meeting_add, meeting_update
from probation.mappa.tests.factories import MappaActionFactory, MappaMeetingFactory
from probation.people.models import PersonChange
from probation.people.tests.factories import PersonFactory
from probation.risk.tests.test_registration_factories import RegistrationFactory

pytestmark = pytest.mark.django_db
TODAY = today_uk()


@pytest.fixture
def case(officer_user):
    person = PersonFactory(officer=officer_user.staff)
    RegistrationFactory(person=person, register_type="MAPP")
    return person


def _meeting_data(**overrides):
    return {
        "held_on": dt.date(2025, 2, 10),
        "level": "M2",
        "chair": "  DI Jane Harper ",
        "agencies": ["Police", "Probation"],
        "other_agency": "",
        "minutes": "Minutes",
        "decisions": "Decisions",
        "next_review_on": dt.date(2025, 5, 10),
    } | overrides


def _state():
    return (
        list(MappaMeeting.objects.values_list("pk", "version", "chair")),
        list(MappaAction.objects.values_list("pk", "version", "completed_on")),
        PersonChange.objects.count(),
        AuditEvent.objects.count(),
    )


def test_recording_a_meeting_orders_agencies_trims_text_and_audits_without_the_minutes(case, officer_user):
    meeting = meeting_add(actor=officer_user, crn=case.crn, data=_meeting_data())

    assert (meeting.chair, meeting.agencies, meeting.version) == (
        "DI Jane Harper",
        ["Probation", "Police"],
        1,
    )
    assert meeting.recorded_by == officer_user
    event = AuditEvent.objects.get()
    assert (event.action, event.crn, event.object_type, event.object_id) == (
        "create",
        case.crn,
        "mappa_meeting",
        str(meeting.pk),
    )
    assert event.detail == {"held_on": "2025-02-10", "level": "M2", "agencies": ["Probation", "Police"]}


def test_a_level_1_meeting_may_have_one_agency_and_other_needs_its_name(case, officer_user):
    meeting = meeting_add(
        actor=officer_user,
        crn=case.crn,
        data=_meeting_data(level="M1", agencies=["Other"], other_agency="Victim Support"),
    )

    assert (meeting.agencies, meeting.other_agency) == (["Other"], "Victim Support")


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"held_on": TODAY + dt.timedelta(days=1)}, "held_on", "Meeting date must be today or in the past"),
        ({"level": "M4"}, "level", "Select the MAPPA level"),
        ({"chair": "  "}, "chair", "Enter who chaired"),
        ({"agencies": []}, "agencies", "Select the agencies that attended"),
        ({"agencies": ["Police", "Bank"]}, "agencies", "Select the attending agencies from the list"),
        ({"level": "M3", "agencies": ["Probation"]}, "agencies", "multi-agency: select at least two"),
        ({"agencies": ["Police", "Other"]}, "other_agency", "Enter the other agency"),
        ({"other_agency": "Victim Support"}, "agencies", "Select Other as an attending agency"),
        ({"next_review_on": dt.date(2025, 2, 10)}, "next_review_on", "must be after the meeting date"),
    ],
)
def test_an_invalid_meeting_is_refused_with_a_clear_message_and_nothing_written(
    case, officer_user, overrides, field, message
):
    with pytest.raises(ServiceError, match=message) as refused:
        meeting_add(actor=officer_user, crn=case.crn, data=_meeting_data(**overrides))

    assert refused.value.field == field
    assert (MappaMeeting.objects.count(), AuditEvent.objects.count()) == (0, 0)


def test_a_person_without_an_active_mappa_registration_cannot_have_a_meeting(officer_user):
    person = PersonFactory(officer=officer_user.staff)
    RegistrationFactory(
        person=person,
        register_type="MAPP",
        deregistered_on=dt.date(2025, 3, 1),
        deregistration_reason="Ended",
    )

    with pytest.raises(ServiceError, match="not MAPPA-managed"):
        meeting_add(actor=officer_user, crn=person.crn, data=_meeting_data())

    assert (MappaMeeting.objects.count(), AuditEvent.objects.count()) == (0, 0)


def test_changing_a_meeting_bumps_the_version_records_the_change_and_audits(case, officer_user):
    meeting = MappaMeetingFactory(person=case)

    changed = meeting_update(
        actor=officer_user,
        crn=case.crn,
        meeting_id=meeting.pk,
        expected_version=1,
        data={"decisions": "Refer to level 3", "agencies": ["Police", "Probation", "Housing"]},
    )

    meeting.refresh_from_db()
    assert (changed, meeting.version, meeting.decisions) == (["decisions"], 2, "Refer to level 3")
    change = PersonChange.objects.get(entity="mappa_meeting", entity_id=meeting.pk)
    assert change.changes == {"decisions": ["Exclusion zone to be requested.", "Refer to level 3"]}
    event = AuditEvent.objects.get()
    assert (event.action, event.object_type, event.detail) == (
        "update",
        "mappa_meeting",
        {"fields": ["decisions"], "version": 2},
    )


def test_saving_a_meeting_unchanged_writes_nothing(case, officer_user):
    meeting = MappaMeetingFactory(person=case)

    assert (
        meeting_update(
            actor=officer_user, crn=case.crn, meeting_id=meeting.pk, expected_version=1, data={"level": "M2"}
        )
        == []
    )
    assert _state()[2:] == (0, 0)


def test_a_stale_meeting_edit_is_refused_with_what_changed_and_nothing_written(case, officer_user, spo_user):
    meeting = MappaMeetingFactory(person=case)
    meeting_update(
        actor=spo_user, crn=case.crn, meeting_id=meeting.pk, expected_version=1, data={"chair": "SPO"}
    )
    before = _state()

    with pytest.raises(ConflictError) as conflict:
        meeting_update(
            actor=officer_user, crn=case.crn, meeting_id=meeting.pk, expected_version=1, data={"chair": "PO"}
        )

    assert [(c.label, c.theirs, c.by) for c in conflict.value.changes] == [("Chair", "SPO", str(spo_user))]
    assert _state() == before


def test_an_invalid_change_is_refused_and_the_meeting_is_unchanged(case, officer_user):
    meeting = MappaMeetingFactory(person=case)

    with pytest.raises(ServiceError, match="after the meeting date"):
        meeting_update(
            actor=officer_user,
            crn=case.crn,
            meeting_id=meeting.pk,
            expected_version=1,
            data={"next_review_on": dt.date(2025, 1, 1)},
        )

    meeting.refresh_from_db()
    assert (meeting.version, meeting.next_review_on, PersonChange.objects.count()) == (
        1,
        dt.date(2025, 5, 10),
        0,
    )


def test_a_meeting_of_another_person_is_not_found(case, officer_user):
    other = MappaMeetingFactory(person=PersonFactory(officer=officer_user.staff))

    with pytest.raises(NotFound):
        meeting_update(actor=officer_user, crn=case.crn, meeting_id=other.pk, expected_version=1, data={})
    with pytest.raises(NotFound):
        _add_action(officer_user, case, other)


# --- Actions --------------------------------------------------------------------------------------


def _add_action(actor, case, meeting, **overrides):
    kwargs = {
        "description": " Visit the home address ",
        "owner_agency": "Police",
        "owner_name": "PC Ravi Patel",
        "due_on": dt.date(2025, 3, 1),
    } | overrides
    return action_add(actor=actor, crn=case.crn, meeting_id=meeting.pk, **kwargs)


def test_adding_an_action_to_a_meeting_is_audited(case, officer_user):
    meeting = MappaMeetingFactory(person=case)

    action = _add_action(officer_user, case, meeting)

    assert (action.description, action.is_open, action.created_by) == (
        "Visit the home address",
        True,
        officer_user,
    )
    event = AuditEvent.objects.get()
    assert (event.action, event.crn, event.object_type, event.object_id, event.detail) == (
        "create",
        case.crn,
        "mappa_action",
        str(action.pk),
        {"meeting": meeting.pk, "owner_agency": "Police", "due_on": "2025-03-01"},
    )


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"description": " "}, "description", "Enter the action"),
        ({"owner_agency": "MI5"}, "owner_agency", "Select the agency"),
        ({"owner_name": ""}, "owner_name", "Enter who owns the action"),
        ({"due_on": dt.date(2025, 2, 9)}, "due_on", "on or after the meeting date"),
    ],
)
def test_an_invalid_action_is_refused_and_nothing_written(case, officer_user, overrides, field, message):
    meeting = MappaMeetingFactory(person=case)

    with pytest.raises(ServiceError, match=message) as refused:
        _add_action(officer_user, case, meeting, **overrides)

    assert refused.value.field == field
    assert (MappaAction.objects.count(), AuditEvent.objects.count()) == (0, 0)


def _complete(actor, case, action, **overrides):
    kwargs = {"expected_version": 1, "completed_on": dt.date(2025, 2, 20), "notes": " Visited "} | overrides
    return action_complete(actor=actor, crn=case.crn, action_id=action.pk, **kwargs)


def test_completing_an_action_is_versioned_and_audited(case, officer_user):
    action = MappaActionFactory(meeting=MappaMeetingFactory(person=case))

    _complete(officer_user, case, action)

    action.refresh_from_db()
    assert (action.completed_on, action.completion_notes, action.version) == (
        dt.date(2025, 2, 20),
        "Visited",
        2,
    )
    assert PersonChange.objects.get(entity="mappa_action").changes["completed_on"] == [None, "2025-02-20"]
    event = AuditEvent.objects.get()
    assert (event.action, event.object_type, event.detail) == (
        "update",
        "mappa_action",
        {"completed_on": "2025-02-20", "version": 2},
    )


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"completed_on": TODAY + dt.timedelta(days=1)}, "Completion date must be today or in the past"),
        ({"completed_on": dt.date(2025, 2, 1)}, "on or after the meeting date"),
    ],
)
def test_an_invalid_completion_is_refused_and_nothing_written(case, officer_user, overrides, message):
    action = MappaActionFactory(meeting=MappaMeetingFactory(person=case))
    before = _state()

    with pytest.raises(ServiceError, match=message):
        _complete(officer_user, case, action, **overrides)

    assert _state() == before


def test_a_completed_action_cannot_be_completed_again(case, officer_user):
    action = MappaActionFactory(meeting=MappaMeetingFactory(person=case), completed_on=dt.date(2025, 2, 15))
    before = _state()

    with pytest.raises(ServiceError, match="This action was completed on 15 February 2025"):
        _complete(officer_user, case, action)

    assert _state() == before


def test_a_stale_completion_is_refused_with_what_changed(case, officer_user, spo_user):
    action = MappaActionFactory(meeting=MappaMeetingFactory(person=case))
    _complete(spo_user, case, action, notes="Done by the SPO")
    before = _state()

    with pytest.raises(ConflictError) as conflict:
        _complete(officer_user, case, action)

    assert {c.label: c.theirs for c in conflict.value.changes} == {
        "Completion date": "20 February 2025",
        "Completion notes": "Done by the SPO",
    }
    assert _state() == before
