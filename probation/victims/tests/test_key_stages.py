"""Key events on the offender's record reach the VLO's list as tasks with their dates, and the offender
manager sees "VLO told on <date>" (issue 15 item 4)."""

import datetime as dt

import pytest
from django.db import transaction
from django.urls import reverse
from django.utils.html import escape

from probation.accounts.tests.factories import PDUFactory, RegionFactory, StaffFactory, TeamFactory
from probation.core.clock import today_uk
from probation.core.key_events import KeyEventKind, key_event_occurred
from probation.people.services.allocation import allocation_create
from probation.sentences.services.events import sentence_terminate
from probation.sentences.tests.factories import CustodialSentenceFactory
from probation.victims.models import KEY_STAGE_LABELS, KeyStageTask
from probation.victims.tests.factories import SchemeCaseFactory, vlo_user

pytestmark = pytest.mark.django_db
D = dt.date


@pytest.fixture
def scheme(case):
    return SchemeCaseFactory(person=case)


def test_a_release_date_from_custody_reaches_the_vlo_through_the_hook(scheme, case):
    with transaction.atomic():
        key_event_occurred(person_id=case.pk, kind=KeyEventKind.RELEASE_DATE_SET, on=D(2027, 3, 14))

    task = KeyStageTask.objects.get()
    assert (task.scheme_case, task.kind, task.event_date, task.done_on) == (
        scheme,
        "release_date_set",
        D(2027, 3, 14),
        None,
    )


def test_an_event_on_a_case_not_in_the_scheme_makes_no_task(case):
    with transaction.atomic():
        key_event_occurred(person_id=case.pk, kind=KeyEventKind.RECALLED, on=D(2026, 10, 1))

    assert not KeyStageTask.objects.exists()


def test_a_death_recorded_on_the_sentence_is_a_task(scheme, case, officer_user):
    sentence = CustodialSentenceFactory(event__person=case)

    sentence_terminate(
        actor=officer_user,
        crn=case.crn,
        sentence_id=sentence.pk,
        expected_version=sentence.version,
        terminated_on=D(2026, 11, 1),
        reason="deceased",
    )

    assert list(KeyStageTask.objects.values_list("kind", "event_date")) == [("died", D(2026, 11, 1))]


def test_a_transfer_to_another_region_moves_the_case_to_that_units_list(scheme, case, spo_user):
    new_team = TeamFactory(pdu=PDUFactory(region=RegionFactory(code="R99", name="Wales")))
    officer = StaffFactory(team=new_team, grade="PO")

    allocation_create(actor=spo_user, crn=case.crn, reason="transfer_region", officer_id=officer.pk)

    scheme.refresh_from_db()
    assert scheme.region.code == "R99"
    assert list(KeyStageTask.objects.values_list("kind", flat=True)) == ["transferred"]


def test_the_offender_manager_sees_the_vlo_and_the_date_they_were_told(client, scheme, case, officer_user):
    scheme.vlo = StaffFactory(forename="Vera", surname="Lowe", grade="VLO")
    scheme.save()
    scheme.tasks.create(kind="recalled", event_date=D(2026, 10, 1), told_on=D(2026, 10, 2))
    client.force_login(officer_user)

    page = client.get(reverse("victims:case-scheme", args=[case.crn])).content.decode()
    overview = client.get(reverse("people:case-overview", args=[case.crn])).content.decode()

    assert "Vera Lowe" in page
    assert "VLO told on 2 October 2026" in page
    assert "Victim contact scheme" in overview


def test_every_key_event_kind_has_a_label_on_the_vlos_list():
    assert set(KEY_STAGE_LABELS) == set(KeyEventKind)


@pytest.mark.parametrize("kind", list(KeyEventKind), ids=[k.value for k in KeyEventKind])
def test_every_key_event_reaches_the_vlo_as_a_task_with_its_date(client, scheme, case, kind):
    """UAL, death, deportation, end of licence, licence varied, HDC/ROTL/open conditions and the rest:
    whichever app records the event, the VLO gets a task dated the event, told today."""
    with transaction.atomic():
        key_event_occurred(person_id=case.pk, kind=kind, on=D(2027, 1, 15), detail={"ref": 7})

    task = KeyStageTask.objects.get()
    assert (task.scheme_case, task.kind, task.event_date, task.told_on, task.done_on) == (
        scheme,
        kind.value,
        D(2027, 1, 15),
        today_uk(),
        None,
    )
    client.force_login(vlo_user(case))
    page = client.get(reverse("victims:scheme-case", args=[scheme.pk])).content.decode()
    assert escape(KEY_STAGE_LABELS[kind]) in page
    assert "15 January 2027" in page


def test_a_closed_case_gets_no_task(scheme, case):
    scheme.closed_on = D(2026, 10, 1)
    scheme.save()

    with transaction.atomic():
        key_event_occurred(person_id=case.pk, kind=KeyEventKind.UNLAWFULLY_AT_LARGE, on=D(2026, 11, 1))

    assert not KeyStageTask.objects.exists()
