"""Custody and the victim contact scheme joined (issues 14 and 15): a release date set on a prisoner in
the scheme puts a task on the unit's list, and the releases list says whether the VLO was told."""

import datetime as dt

import pytest
from django.urls import reverse

from probation.custody.services.key_dates import ReleaseInputs, custody_record_create
from probation.custody.tests.factories import custody_record
from probation.people.tests.factories import PersonFactory
from probation.sentences.tests.factories import CustodialSentenceFactory, EventFactory
from probation.victims.models import KeyStageTask
from probation.victims.tests.factories import SchemeCaseFactory

pytestmark = pytest.mark.django_db
D = dt.date
TODAY = D(2026, 12, 3)


@pytest.fixture(autouse=True)
def _today(monkeypatch):
    for module in ("probation.custody.views.lists", "probation.custody.services.key_dates"):
        monkeypatch.setattr(f"{module}.today_uk", lambda: TODAY)


def test_a_release_date_worked_out_in_custody_is_a_task_on_the_vlo_list(officer_user, case):
    scheme = SchemeCaseFactory(person=case)
    sentence = CustodialSentenceFactory(
        event=EventFactory(person=case, conviction_date=D(2026, 1, 5)), custodial_months=24
    )

    record = custody_record_create(
        actor=officer_user, person=case, sentence_id=sentence.pk, inputs=ReleaseInputs("sds", 24)
    )

    task = KeyStageTask.objects.get(scheme_case=scheme)
    assert (task.kind, task.event_date) == ("release_date_set", record.release_date)


def test_a_release_date_for_someone_not_in_the_scheme_makes_no_task(officer_user, case):
    sentence = CustodialSentenceFactory(
        event=EventFactory(person=case, conviction_date=D(2026, 1, 5)), custodial_months=24
    )

    custody_record_create(
        actor=officer_user, person=case, sentence_id=sentence.pk, inputs=ReleaseInputs("sds", 24)
    )

    assert not KeyStageTask.objects.exists()


def test_the_releases_list_names_only_the_scheme_release_the_vlo_was_not_told_of(client, spo_user, team):
    in_scheme_untold = custody_record(PersonFactory(pdu=team.pdu, team=team), months=30)
    SchemeCaseFactory(person=in_scheme_untold.person)
    not_in_scheme = custody_record(PersonFactory(pdu=team.pdu, team=team), months=30)
    client.force_login(spo_user)

    page = client.get(reverse("custody:releases")).content.decode()

    assert "is not known yet" not in page
    assert page.count("VLO not told") == 1
    assert not_in_scheme.person.crn in page
    assert in_scheme_untold.person.crn in page
