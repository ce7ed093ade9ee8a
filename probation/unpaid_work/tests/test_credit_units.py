"""One unit for credited unpaid-work time (ADR 0048): Contact.credited is minutes whether the officer
records "hours worked" on the outcome form or a supervisor saves a session sheet, so the same length of
work moves the requirement's progress equally; the data migration converts the officer's old rows."""

import datetime as dt
from importlib import import_module

import pytest
from django.apps import apps as django_apps

from probation.contacts.models import Contact
from probation.contacts.services.outcomes import contact_record_outcome
from probation.contacts.times import london_datetime
from probation.sentences.models import Requirement
from probation.unpaid_work.services.sheets import SheetRow, session_sheet_save
from probation.unpaid_work.tests.conftest import last_saturday, upw_requirement
from probation.unpaid_work.tests.factories import place

pytestmark = pytest.mark.django_db


def _officer_session(requirement, officer_user) -> Contact:
    day = last_saturday() - dt.timedelta(days=7)
    return Contact.objects.create(
        person=requirement.sentence.person,
        type="unpaid_work_session",
        is_appointment=True,
        starts_at=london_datetime(day, dt.time(9)),
        ends_at=london_datetime(day, dt.time(16)),
        officer=officer_user.staff,
        sentence=requirement.sentence,
        requirement=requirement,
        created_by=officer_user,
    )


def test_an_officer_credit_and_a_sheet_credit_of_the_same_length_move_progress_equally(
    officer_user, session, supervisor
):
    by_officer = upw_requirement(officer_user.staff)
    by_sheet = upw_requirement(officer_user.staff)
    contact = _officer_session(by_officer, officer_user)
    booked = place(session, by_sheet, by=supervisor)

    contact_record_outcome(
        actor=officer_user,
        crn=contact.person.crn,
        contact_id=contact.pk,
        expected_version=contact.version,
        outcome_code="ATTC",
        hours=7,
    )
    session_sheet_save(
        actor=supervisor,
        session_id=session.pk,
        expected_version=session.version,
        rows=[SheetRow(place_id=booked.pk, outcome="ATTC", signed_in=dt.time(9), signed_out=dt.time(16))],
    )

    officer_req, sheet_req = (Requirement.objects.get(pk=r.pk) for r in (by_officer, by_sheet))
    credited = dict(Contact.objects.values_list("requirement_id", "credited"))
    assert officer_req.done_minutes == sheet_req.done_minutes == 420
    assert credited[by_officer.pk] == credited[by_sheet.pk] == 420


def test_an_officer_credit_after_a_part_hour_keeps_the_minutes(officer_user):
    requirement = upw_requirement(officer_user.staff)
    Requirement.objects.filter(pk=requirement.pk).update(done=2, done_part_minutes=45)
    contact = _officer_session(requirement, officer_user)

    contact_record_outcome(
        actor=officer_user,
        crn=contact.person.crn,
        contact_id=contact.pk,
        expected_version=contact.version,
        outcome_code="ATTC",
        hours=3,
    )

    requirement.refresh_from_db()
    assert (requirement.done, requirement.done_part_minutes) == (5, 45)


def test_the_migration_turns_officer_hours_into_minutes_and_leaves_sheet_minutes(
    officer_user, session, supervisor
):
    migration = import_module("probation.contacts.migrations.0008_credited_in_minutes")
    officer_row = _officer_session(upw_requirement(officer_user.staff), officer_user)
    sheet_row = place(session, upw_requirement(officer_user.staff), by=supervisor).contact
    recorded = {"outcome": "ATTC", "outcome_recorded_at": officer_row.ends_at}
    Contact.objects.filter(pk=officer_row.pk).update(credited=7, **recorded)  # hours, as before
    Contact.objects.filter(pk=sheet_row.pk).update(credited=405, **recorded)  # minutes already

    migration.hours_to_minutes(django_apps, None)

    assert Contact.objects.get(pk=officer_row.pk).credited == 420
    assert Contact.objects.get(pk=sheet_row.pk).credited == 405
    migration.minutes_to_hours(django_apps, None)
    assert Contact.objects.get(pk=officer_row.pk).credited == 7
