"""The breach workflow through its services: initiate, pack sent, court outcome; every refusal leaves
nothing behind; a concluded breach resets the FTC window and a revoked order ends."""

import datetime as dt

import pytest

from probation.audit.models import AuditEvent
from probation.contacts.models import EnforcementCase, EnforcementStep
from probation.core.errors import ConflictError, ServiceError
from probation.enforcement.models import Breach, BreachStep
from probation.enforcement.selectors.breach import breach_candidate_failures
from probation.enforcement.services.breach import breach_initiate, breach_pack_sent, breach_record_outcome
from probation.enforcement.tests.test_breach_workflow_data import failure_on, licence_for, order_for
from probation.people.tests.factories import PersonFactory

pytestmark = pytest.mark.django_db
FAILED = dt.date(2026, 4, 14)


@pytest.fixture
def person(officer_user):
    return PersonFactory(officer=officer_user.staff)


@pytest.fixture
def order(person):
    return order_for(person)


@pytest.fixture
def failure(order):
    return failure_on(order, FAILED)


def _initiate(user, person, order, failures, **kwargs):
    return breach_initiate(
        actor=user,
        crn=person.crn,
        sentence_id=order.pk,
        initiated_on=kwargs.pop("initiated_on", dt.date(2026, 4, 20)),
        failure_ids=[f.pk for f in failures],
        recommendation=kwargs.pop("recommendation", "Order to continue with 20 more hours"),
    )


def _step(service, actor, crn, breach, **kwargs):
    """Move ``breach`` on through ``service``, expecting its current version unless told."""
    kwargs.setdefault("expected_version", breach.version)
    return service(actor=actor, crn=crn, breach_id=breach.pk, **kwargs)


def _send_pack(user, person, breach, **kwargs):
    values = {
        "court": "Leeds Magistrates' Court",
        "hearing_date": dt.date(2026, 5, 20),
        "sent_on": dt.date(2026, 4, 22),
    } | kwargs
    return _step(breach_pack_sent, user, person.crn, breach, **values)


def _state():
    return (
        Breach.objects.count(),
        BreachStep.objects.count(),
        list(EnforcementCase.objects.values_list("status", flat=True)),
        AuditEvent.objects.count(),
    )


def test_initiating_a_breach_records_it_and_decides_the_enforcement_case(
    officer_user, person, order, failure
):
    breach = _initiate(officer_user, person, order, [failure])

    assert (breach.status, breach.initiated_by, list(breach.failures.all())) == (
        "initiated",
        officer_user,
        [failure],
    )
    assert list(breach.steps.values_list("from_status", "to_status")) == [("", "initiated")]
    case = EnforcementCase.objects.get(contact=failure)
    assert (case.status, case.last_action) == ("breach_or_recall_initiated", "breach_or_recall_initiated")
    assert EnforcementStep.objects.filter(case=case, to_status="breach_or_recall_initiated").count() == 1
    event = AuditEvent.objects.get(object_type="breach", action="create")
    assert event.detail["failures"] == [failure.pk]
    assert "Order to continue" not in str(event.detail)


def test_full_breach_workflow_to_a_court_outcome_resets_the_ftc_window(officer_user, person, order, failure):
    breach = _initiate(officer_user, person, order, [failure])
    breach = _send_pack(officer_user, person, breach)
    assert breach.status == "pack_sent_to_court"

    breach = _step(
        breach_record_outcome,
        officer_user,
        person.crn,
        breach,
        outcome="proven_order_continues",
        outcome_on=dt.date(2026, 5, 20),
        notes="Fined £50 and order continues",
    )

    order.refresh_from_db()
    assert (breach.status, breach.ended_on) == ("proven_order_continues", dt.date(2026, 5, 20))
    assert order.last_breach_ended_on == dt.date(2026, 5, 20)
    assert order.terminated_on is None
    assert list(breach.steps.values_list("to_status", flat=True)) == [
        "initiated",
        "pack_sent_to_court",
        "proven_order_continues",
    ]
    # The FTC window restarts at the breach end: the old failure can no longer be relied on.
    later = failure_on(order, dt.date(2026, 6, 1))
    assert list(breach_candidate_failures(sentence=order)) == [later]


def test_a_new_breach_can_start_once_the_last_has_ended(officer_user, person, order, failure):
    breach = _initiate(officer_user, person, order, [failure])
    _step(
        breach_record_outcome,
        officer_user,
        person.crn,
        breach,
        outcome="withdrawn",
        outcome_on=dt.date(2026, 4, 25),
    )
    later = failure_on(order, dt.date(2026, 6, 1))

    second = _initiate(officer_user, person, order, [later], initiated_on=dt.date(2026, 6, 2))

    assert second.status == "initiated"
    assert Breach.objects.count() == 2


@pytest.mark.parametrize(
    ("outcome", "reason"),
    [("proven_revoked_and_resentenced", "resentenced"), ("proven_committed_to_custody", "revoked_breach")],
)
def test_a_revoked_order_ends_with_its_requirements(officer_user, person, order, failure, outcome, reason):
    breach = _initiate(officer_user, person, order, [failure])
    breach = _send_pack(officer_user, person, breach)

    _step(
        breach_record_outcome,
        officer_user,
        person.crn,
        breach,
        outcome=outcome,
        outcome_on=dt.date(2026, 5, 20),
    )

    order.refresh_from_db()
    assert (order.terminated_on, order.termination_reason) == (dt.date(2026, 5, 20), reason)
    assert list(order.requirements.values_list("terminated_on", "termination_reason")) == [
        (dt.date(2026, 5, 20), "order_ended")
    ]


def test_breach_of_a_licence_is_refused(officer_user, person):
    licence = licence_for(person)
    failure = failure_on(licence.sentence, FAILED)
    before = _state()

    with pytest.raises(ServiceError, match="consider a recall"):
        _initiate(officer_user, person, licence.sentence, [failure])

    assert _state() == before


def test_a_second_breach_in_progress_is_refused(officer_user, person, order, failure):
    _initiate(officer_user, person, order, [failure])
    other = failure_on(order, dt.date(2026, 4, 16))
    before = _state()

    with pytest.raises(ServiceError, match="already in progress"):
        _initiate(officer_user, person, order, [other])

    assert _state() == before


def test_a_breach_without_failures_is_refused(officer_user, person, order, failure):
    before = _state()

    with pytest.raises(ServiceError, match="Select the failures") as error:
        _initiate(officer_user, person, order, [])

    assert error.value.field == "failures"
    assert _state() == before


def test_failures_before_the_last_breach_ended_or_on_another_order_are_refused(
    officer_user, person, order, failure
):
    order.last_breach_ended_on = dt.date(2026, 4, 15)
    order.save()
    elsewhere = failure_on(order_for(person), FAILED)
    before = _state()

    for failures in ([failure], [elsewhere]):
        with pytest.raises(ServiceError, match="since the last breach ended"):
            _initiate(officer_user, person, order, failures)

    assert _state() == before


def test_acceptable_outcomes_are_not_failures_to_rely_on(officer_user, person, order):
    complied = failure_on(order, FAILED, outcome="ATTC", case=False)

    with pytest.raises(ServiceError, match="since the last breach ended"):
        _initiate(officer_user, person, order, [complied])


def test_a_court_outcome_before_the_pack_is_sent_is_refused(officer_user, person, order, failure):
    breach = _initiate(officer_user, person, order, [failure])
    before = _state()

    with pytest.raises(ServiceError, match="'initiated' to 'proven order continues'"):
        _step(
            breach_record_outcome,
            officer_user,
            person.crn,
            breach,
            outcome="proven_order_continues",
            outcome_on=dt.date(2026, 4, 25),
        )

    breach.refresh_from_db()
    assert (breach.status, breach.ended_on, _state()) == ("initiated", None, before)


def test_a_stale_form_is_told_what_changed(officer_user, person, order, failure):
    breach = _initiate(officer_user, person, order, [failure])
    _send_pack(officer_user, person, breach, expected_version=1)

    with pytest.raises(ConflictError) as conflict:
        _step(
            breach_record_outcome,
            officer_user,
            person.crn,
            breach,
            expected_version=1,
            outcome="withdrawn",
            outcome_on=dt.date(2026, 4, 25),
        )

    assert "Court" in [change.label for change in conflict.value.changes]


def test_dates_are_checked_against_the_order_and_the_breach(officer_user, person, order, failure):
    with pytest.raises(ServiceError, match="on or after the sentence date"):
        _initiate(officer_user, person, order, [failure], initiated_on=dt.date(2026, 3, 1))
    with pytest.raises(ServiceError, match="cannot be after the date breach initiated"):
        _initiate(officer_user, person, order, [failure], initiated_on=dt.date(2026, 4, 13))
    breach = _initiate(officer_user, person, order, [failure])
    with pytest.raises(ServiceError, match="Hearing date must be on or after"):
        _send_pack(officer_user, person, breach, court="Leeds", hearing_date=dt.date(2026, 4, 21))
