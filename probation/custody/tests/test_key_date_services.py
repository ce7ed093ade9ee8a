"""Creating a custody record works out the proposed dates; staff confirm them or record the prison's
with a reason; impossible input is refused with the reason and nothing is written; every change is
audited and a change of release date is told to the apps above on commit."""

import datetime as dt

import pytest

from probation.audit.models import AuditEvent
from probation.core.errors import ConflictError, ServiceError
from probation.custody import hooks
from probation.custody.models import CustodyRecord, DatesStatus
from probation.custody.services.key_dates import (
    ReleaseInputs,
    custody_inputs_update,
    custody_record_create,
    key_dates_confirm,
    prison_dates_record,
)
from probation.custody.tests.factories import custody_record
from probation.sentences.tests.factories import CustodialSentenceFactory, EventFactory

pytestmark = pytest.mark.django_db
D = dt.date


@pytest.fixture
def sentence(case):
    return CustodialSentenceFactory(
        event=EventFactory(person=case, conviction_date=D(2026, 1, 5)), custodial_months=24
    )


def test_creating_a_record_works_out_the_dates_and_the_handover(officer_user, case, sentence):
    record = custody_record_create(
        actor=officer_user,
        person=case,
        sentence_id=sentence.pk,
        inputs=ReleaseInputs("sds", 24, remand_days=10),
    )
    # 5 Jan 2026 + 2 years = 730 days; 40% = 292 days; less 10 days' remand.
    assert (record.crd, record.sed, record.release_date) == (
        D(2026, 10, 13),
        D(2028, 1, 4) - dt.timedelta(days=10),
        D(2026, 10, 13),
    )
    # Release within 10 months of the sentence start: the COM is responsible from the start.
    assert (record.handover_date, record.handover_type) == (None, "none")
    assert record.handover_rule.startswith("Earliest release within 10 months of the sentence start")
    assert record.steps[0].startswith("The custodial term of 2 years from 5 January 2026 is 730 days")
    assert record.dates_status == DatesStatus.PROPOSED
    assert AuditEvent.objects.filter(action="create", object_type="custody", crn=case.crn).count() == 1


def test_remand_longer_than_the_sentence_is_refused_and_nothing_is_written(officer_user, case, sentence):
    with pytest.raises(ServiceError) as refused:
        custody_record_create(
            actor=officer_user,
            person=case,
            sentence_id=sentence.pk,
            inputs=ReleaseInputs("sds", 24, remand_days=800),
        )
    assert (
        refused.value.message
        == "The remand and tagged-bail credit (800 days) is longer than the sentence (730 days)."
    )
    assert refused.value.field == "remand_days"
    assert not CustodyRecord.objects.exists()
    assert not AuditEvent.objects.filter(object_type="custody").exists()


def test_confirming_the_proposed_dates(officer_user, case):
    record = custody_record(case)
    confirmed = key_dates_confirm(
        actor=officer_user, person=case, custody_id=record.pk, expected_version=record.version
    )
    assert (confirmed.dates_status, confirmed.confirmed_by, confirmed.version) == (
        DatesStatus.CONFIRMED,
        officer_user,
        2,
    )
    with pytest.raises(ConflictError):
        key_dates_confirm(actor=officer_user, person=case, custody_id=record.pk, expected_version=1)


def test_the_prisons_dates_with_a_reason_become_the_dates_in_use_and_are_told(
    officer_user, case, django_capture_on_commit_callbacks
):
    told = []
    hooks.register_release_listener(lambda **change: told.append(change))
    record = custody_record(case)
    with django_capture_on_commit_callbacks(execute=True):
        changed = prison_dates_record(
            actor=officer_user,
            person=case,
            custody_id=record.pk,
            expected_version=record.version,
            dates={"prison_crd": D(2026, 10, 20), "prison_sed": D(2028, 1, 4)},
            reason="Additional days awarded by the governor",
        )
    assert (changed.dates_status, changed.release_date, changed.crd) == (
        DatesStatus.PRISON_DATES,
        D(2026, 10, 20),
        D(2026, 10, 23),
    )
    assert told == [
        {
            "person_id": case.pk,
            "custody_id": record.pk,
            "release_date": D(2026, 10, 20),
            "what": "release_date",
        }
    ]


@pytest.mark.parametrize(
    ("dates", "reason", "messages"),
    [
        (
            {"prison_crd": D(2025, 12, 31)},
            "x",
            {"prison_crd": "The date cannot be before the date of sentence (5 January 2026)"},
        ),
        (
            {"prison_crd": D(2026, 10, 20), "prison_led": D(2026, 10, 1)},
            "x",
            {"prison_led": "The date cannot be before release (20 October 2026)"},
        ),
        (
            {"prison_crd": D(2026, 10, 20)},
            " ",
            {"reason": "Enter why the prison's dates differ from the proposed dates"},
        ),
        ({}, "x", {"prison_crd": "Enter at least one of the prison's dates"}),
        (
            {"prison_crd": D(2026, 10, 20), "prison_hdced": D(2026, 10, 20)},
            "x",
            {"prison_hdced": "The HDC eligibility date must be before the CRD"},
        ),
    ],
)
def test_impossible_prison_dates_are_refused_with_the_reason(officer_user, case, dates, reason, messages):
    record = custody_record(case)
    with pytest.raises(ServiceError) as refused:
        prison_dates_record(
            actor=officer_user,
            person=case,
            custody_id=record.pk,
            expected_version=1,
            dates=dates,
            reason=reason,
        )
    assert {e.field: e.message for e in refused.value.errors} == messages
    record.refresh_from_db()
    assert (record.dates_status, record.version) == (DatesStatus.PROPOSED, 1)


def test_changing_the_inputs_needs_the_dates_confirmed_again(officer_user, case):
    record = custody_record(case)
    record = key_dates_confirm(actor=officer_user, person=case, custody_id=record.pk, expected_version=1)
    changed = custody_inputs_update(
        actor=officer_user,
        person=case,
        custody_id=record.pk,
        expected_version=2,
        inputs=ReleaseInputs("sds", 24, added_days=7),
    )
    assert (changed.dates_status, changed.crd) == (DatesStatus.PROPOSED, D(2026, 10, 30))


def test_an_officer_of_another_pdu_cannot_change_the_record(case):
    from probation.core.errors import NotFound
    from probation.people.tests.access import other_pdu_user

    record = custody_record(case)
    with pytest.raises(NotFound):
        key_dates_confirm(actor=other_pdu_user(), person=case, custody_id=record.pk, expected_version=1)
