"""The nightly job works out every prisoner's dates again with today's rules, writes only what
changed, and leaves one audit entry for the run."""

import datetime as dt

import pytest
from django.core.management import call_command

from probation.audit.models import AuditEvent
from probation.custody.models import CustodyRecord
from probation.custody.services.nightly import key_dates_recalculate_all
from probation.custody.tests.factories import custody_record
from probation.people.tests.factories import PersonFactory

pytestmark = pytest.mark.django_db


def test_the_nightly_job_recomputes_what_changed_and_audits_the_run_once():
    stale = custody_record(PersonFactory())
    fresh = custody_record(PersonFactory())
    released = custody_record(PersonFactory(), released_on=dt.date(2026, 10, 1))
    CustodyRecord.objects.filter(pk__in=[stale.pk, released.pk]).update(crd=None, release_date=None)
    result = key_dates_recalculate_all(today=dt.date(2026, 12, 3), chunk=1)
    assert (result.computed, result.changed, result.refused) == (2, 1, 0)
    stale.refresh_from_db()
    released.refresh_from_db()
    assert stale.crd == fresh.crd == dt.date(2026, 10, 23)
    assert released.crd is None  # released: no longer recomputed
    rows = AuditEvent.objects.filter(object_type="custody_key_dates")
    assert list(rows.values_list("detail", flat=True)) == [{"computed": 2, "changed": 1, "refused": 0}]


def test_impossible_inputs_are_kept_as_the_reason_to_correct(capsys):
    record = custody_record(PersonFactory())
    CustodyRecord.objects.filter(pk=record.pk).update(remand_days=5000)
    call_command("compute_key_dates")
    record.refresh_from_db()
    assert record.crd is None
    assert (
        record.calculation_error
        == "The remand and tagged-bail credit (5000 days) is longer than the sentence (730 days)."
    )
    assert "Computed 1 custody records (1 changed, 1 with inputs to correct)" in capsys.readouterr().out
