"""Children's services check services: every rule and refusal, the linked flag, versions and
conflicts, the audit."""

import datetime as dt

import pytest
from django.db import IntegrityError, transaction

from probation.audit.models import AuditEvent
from probation.core.clock import today_uk
from probation.core.errors import ConflictError, NotFound, ServiceError
from probation.people.models import PersonChange
from probation.people.tests.factories import PersonFactory
from probation.risk.tests.test_registration_factories import RegistrationFactory
from probation.safeguarding.models import ChildrenServicesCheck
from probation.safeguarding.services.checks import check_add, check_record_response
from probation.safeguarding.tests.factories import ChildrenServicesCheckFactory

pytestmark = pytest.mark.django_db
TODAY = today_uk()


def _add(actor, case, **overrides):
    kwargs = {
        "local_authority": " Leeds City Council ",
        "requested_on": dt.date(2025, 2, 3),
        "method": "email",
        "reason": " Partner has two children ",
        "registration_id": None,
    } | overrides
    return check_add(actor=actor, crn=case.crn, **kwargs)


def _respond(actor, case, check, **overrides):
    kwargs = {
        "expected_version": 1,
        "response_on": dt.date(2025, 2, 10),
        "outcome": "child_in_need",
        "details": " Open to the Leeds CIN team ",
    } | overrides
    return check_record_response(actor=actor, crn=case.crn, check_id=check.pk, **kwargs)


def _state():
    return (
        list(ChildrenServicesCheck.objects.values_list("pk", "version", "outcome", "response_on")),
        PersonChange.objects.count(),
        AuditEvent.objects.count(),
    )


def test_recording_a_check_trims_text_awaits_a_response_and_audits_without_the_reason(case, officer_user):
    flag = RegistrationFactory(person=case, register_type="RCPR")

    check = _add(officer_user, case, registration_id=flag.pk)

    assert (check.local_authority, check.reason, check.outcome, check.response_on, check.version) == (
        "Leeds City Council",
        "Partner has two children",
        "awaiting",
        None,
        1,
    )
    assert (check.registration, check.requested_by) == (flag, officer_user)
    event = AuditEvent.objects.get()
    assert (event.action, event.crn, event.object_type, event.object_id, event.detail) == (
        "create",
        case.crn,
        "safeguarding_check",
        str(check.pk),
        {"requested_on": "2025-02-03", "method": "email", "registration": flag.pk},
    )


@pytest.mark.parametrize("code", ["RCPR", "RCCO", "RCHD"])
def test_each_child_safeguarding_flag_may_be_linked(case, officer_user, code):
    flag = RegistrationFactory(person=case, register_type=code)

    assert _add(officer_user, case, registration_id=flag.pk).registration == flag


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"local_authority": "  "}, "local_authority", "Enter the local authority"),
        ({"requested_on": TODAY + dt.timedelta(days=1)}, "requested_on", "Date requested must be today or"),
        ({"method": "fax"}, "method", "Select how the check was requested"),
        ({"reason": ""}, "reason", "Enter the reason for the check"),
    ],
)
def test_an_invalid_check_is_refused_with_a_clear_message_and_nothing_written(
    case, officer_user, overrides, field, message
):
    with pytest.raises(ServiceError, match=message) as refused:
        _add(officer_user, case, **overrides)

    assert refused.value.field == field
    assert _state() == ([], 0, 0)


def test_a_check_dated_today_is_accepted(case, officer_user):
    assert _add(officer_user, case, requested_on=TODAY).requested_on == TODAY


def test_linking_a_flag_of_another_person_is_refused(case, officer_user):
    other = RegistrationFactory(person=PersonFactory(officer=officer_user.staff), register_type="RCPR")

    with pytest.raises(ServiceError, match="Select one of this person's risk flags") as refused:
        _add(officer_user, case, registration_id=other.pk)

    assert refused.value.field == "registration"
    assert _state() == ([], 0, 0)


def test_linking_a_flag_that_is_not_about_children_is_refused(case, officer_user):
    flag = RegistrationFactory(person=case, register_type="ALSH")

    with pytest.raises(ServiceError, match="child protection, child concerns or risk to children flag only"):
        _add(officer_user, case, registration_id=flag.pk)

    assert _state() == ([], 0, 0)


def test_linking_an_ended_flag_is_refused_with_when_it_ended(case, officer_user):
    flag = RegistrationFactory(
        person=case, register_type="RCCO", deregistered_on=dt.date(2025, 3, 1), deregistration_reason="Ended"
    )

    with pytest.raises(ServiceError, match="The child concerns flag ended on 1 March 2025"):
        _add(officer_user, case, registration_id=flag.pk)

    assert _state() == ([], 0, 0)


def test_recording_the_response_is_versioned_and_audited_without_the_details(case, officer_user):
    check = ChildrenServicesCheckFactory(person=case)

    _respond(officer_user, case, check)

    check.refresh_from_db()
    assert (check.outcome, check.response_on, check.details, check.version) == (
        "child_in_need",
        dt.date(2025, 2, 10),
        "Open to the Leeds CIN team",
        2,
    )
    change = PersonChange.objects.get(entity="safeguarding_check", entity_id=check.pk)
    assert change.changes == {
        "response_on": [None, "2025-02-10"],
        "outcome": ["awaiting", "child_in_need"],
        "details": ["", "Open to the Leeds CIN team"],
    }
    event = AuditEvent.objects.get()
    assert (event.action, event.object_type, event.detail) == (
        "update",
        "safeguarding_check",
        {"response_on": "2025-02-10", "outcome": "child_in_need", "version": 2},
    )


def test_a_response_on_the_day_of_the_request_is_accepted(case, officer_user):
    check = ChildrenServicesCheckFactory(person=case)

    assert (
        _respond(officer_user, case, check, response_on=check.requested_on).response_on == check.requested_on
    )


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"outcome": "awaiting"}, "outcome", "Select the outcome of the check"),
        ({"outcome": "maybe"}, "outcome", "Select the outcome of the check"),
        ({"response_on": TODAY + dt.timedelta(days=1)}, "response_on", "Response date must be today or"),
        (
            {"response_on": dt.date(2025, 2, 2)},
            "response_on",
            r"on or after the date requested \(3 February 2025\)",
        ),
    ],
)
def test_an_invalid_response_is_refused_and_nothing_written(case, officer_user, overrides, field, message):
    check = ChildrenServicesCheckFactory(person=case)
    before = _state()

    with pytest.raises(ServiceError, match=message) as refused:
        _respond(officer_user, case, check, **overrides)

    assert refused.value.field == field
    assert _state() == before


def test_a_check_already_answered_cannot_be_answered_again(case, officer_user):
    check = ChildrenServicesCheckFactory(person=case, outcome="no_trace", response_on=dt.date(2025, 2, 5))
    before = _state()

    with pytest.raises(ServiceError, match="The response to this check was recorded on 5 February 2025"):
        _respond(officer_user, case, check)

    assert _state() == before


def test_a_stale_response_is_refused_with_what_changed_and_nothing_written(case, officer_user, spo_user):
    check = ChildrenServicesCheckFactory(person=case)
    _respond(spo_user, case, check, outcome="no_trace", details="")
    before = _state()

    with pytest.raises(ConflictError) as conflict:
        _respond(officer_user, case, check)

    assert {c.label: (c.theirs, c.by) for c in conflict.value.changes} == {
        "Response date": ("10 February 2025", str(spo_user)),
        "Outcome": ("No trace", str(spo_user)),
    }
    assert _state() == before


def test_a_check_of_another_person_is_not_found(case, officer_user):
    other = ChildrenServicesCheckFactory(person=PersonFactory(officer=officer_user.staff))

    with pytest.raises(NotFound):
        _respond(officer_user, case, other)

    assert AuditEvent.objects.count() == 0


def test_the_database_refuses_a_response_before_the_request_or_an_outcome_without_a_date(case):
    for values in (
        {"outcome": "no_trace", "response_on": dt.date(2025, 2, 1)},
        {"outcome": "no_trace", "response_on": None},
        {"outcome": "awaiting", "response_on": dt.date(2025, 2, 5)},
    ):
        with pytest.raises(IntegrityError), transaction.atomic():
            ChildrenServicesCheckFactory(person=case, **values)
