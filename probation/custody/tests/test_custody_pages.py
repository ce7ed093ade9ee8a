"""The prisoner's custody page (dates, breakdown, handover, plan), its forms with GOV.UK errors, and the
handover and release lists with what is missing (query counts constant as rows grow)."""

import datetime as dt

import pytest
from django.urls import reverse

from probation.accounts.tests.factories import StaffFactory
from probation.contacts.tests.factories import ContactFactory
from probation.custody.models import CustodyRecord, DatesStatus
from probation.custody.tests.factories import custody_record
from probation.people.tests.factories import PersonFactory
from probation.sentences.tests.factories import CustodialSentenceFactory, EventFactory, LicenceFactory

pytestmark = pytest.mark.django_db
D = dt.date


def test_the_overview_shows_the_dates_the_breakdown_and_who_manages_the_case(client, officer_user, case):
    custody_record(case, sentence_date=D(2025, 6, 2), months=48, prison="HMP Leeds", pom_name="Ann Pom")
    client.force_login(officer_user)
    page = client.get(reverse("custody:overview", args=[case.crn])).content.decode()
    assert "Proposed: not yet confirmed" in page
    assert "The custodial term of 4 years from 2 June 2025 is 1461 days" in page
    assert "HMP Leeds" in page
    assert "Ann Pom" in page
    assert "Community offender manager (COM)" in page
    assert "Confirm the proposed dates" in page


def test_adding_a_record_with_remand_longer_than_the_sentence_shows_the_reason(client, officer_user, case):
    sentence = CustodialSentenceFactory(
        event=EventFactory(person=case, conviction_date=D(2026, 1, 5)), custodial_months=6
    )
    client.force_login(officer_user)
    response = client.post(
        reverse("custody:create", args=[case.crn]),
        {
            "sentence": sentence.pk,
            "release_type": "sds",
            "term_months": 6,
            "age_at_sentence": 30,
            "remand_days": 400,
        },
    )
    assert response.status_code == 200
    assert (
        "The remand and tagged-bail credit (400 days) is longer than the sentence (181 days)."
        in response.content.decode()
    )
    assert not CustodyRecord.objects.exists()


def test_adding_a_record_then_confirming_its_dates(client, officer_user, case):
    sentence = CustodialSentenceFactory(
        event=EventFactory(person=case, conviction_date=D(2026, 1, 5)), custodial_months=36
    )
    client.force_login(officer_user)
    response = client.post(
        reverse("custody:create", args=[case.crn]),
        {"sentence": sentence.pk, "release_type": "sds", "term_months": 36, "age_at_sentence": 30},
    )
    assert response.status_code == 302
    record = CustodyRecord.objects.get()
    response = client.post(
        reverse("custody:confirm", args=[case.crn, record.pk]), {"version": record.version}
    )
    assert response.status_code == 302
    record.refresh_from_db()
    assert record.dates_status == DatesStatus.CONFIRMED


def test_prison_dates_without_a_reason_are_refused_on_the_form(client, officer_user, case):
    record = custody_record(case)
    client.force_login(officer_user)
    response = client.post(
        reverse("custody:prison-dates", args=[case.crn, record.pk]),
        {"prison_crd_0": "20", "prison_crd_1": "10", "prison_crd_2": "2026", "reason": "", "version": 1},
    )
    assert "Enter why the prison&#x27;s dates differ from the proposed dates" in response.content.decode()


def test_release_plan_and_pathways_are_saved(client, officer_user, case):
    record = custody_record(case)
    client.force_login(officer_user)
    client.post(
        reverse("custody:release-plan", args=[case.crn, record.pk]),
        {"release_address": "1 High Street, Leeds", "release_night": "release_address", "version": 1},
    )
    statuses = dict.fromkeys(
        (
            "accommodation",
            "attitudes",
            "children_families",
            "drugs_alcohol",
            "education_work",
            "finance_id",
            "health",
        ),
        "not_started",
    )
    client.post(
        reverse("custody:pathways", args=[case.crn, record.pk]),
        statuses | {"accommodation": "done", "version": 2},
    )
    record.refresh_from_db()
    assert (record.release_address, record.version) == ("1 High Street, Leeds", 3)
    assert record.pathways.get(pathway="accommodation").status == "done"


def test_the_handover_list_shows_prisoners_near_handover_with_no_com(
    client, spo_user, team, django_assert_num_queries, django_assert_max_num_queries
):
    # 3 years from 1 Feb 2026: CRD at 40%, 15 April 2027; handover 8 months 14 days before, 1 Aug 2026.
    near = custody_record(
        PersonFactory(pdu=team.pdu, team=team, officer=None), sentence_date=D(2026, 2, 1), months=36
    )
    with_com = custody_record(
        PersonFactory(pdu=team.pdu, team=team, officer=StaffFactory(team=team)),
        sentence_date=D(2026, 2, 1),
        months=36,
    )
    client.force_login(spo_user)
    client.get(reverse("custody:handovers"))  # warm the session
    # 8, and 9 on PostgreSQL (the audit's advisory lock); the same however many rows.
    with django_assert_max_num_queries(9) as captured:
        page = client.get(reverse("custody:handovers")).content.decode()
    assert near.person.crn in page
    assert with_com.person.crn not in page
    assert "Allocate a COM" in page
    for _ in range(3):
        custody_record(
            PersonFactory(pdu=team.pdu, team=team, officer=None), sentence_date=D(2026, 2, 1), months=36
        )
    with django_assert_num_queries(len(captured.captured_queries)):
        client.get(reverse("custody:handovers"))


def test_the_releases_list_shows_what_is_missing(
    client, spo_user, team, django_assert_num_queries, django_assert_max_num_queries
):
    ready = custody_record(
        PersonFactory(pdu=team.pdu, team=team),
        sentence_date=D(2026, 1, 5),
        months=30,
        release_address="1 High Street",
    )
    LicenceFactory(sentence=ready.sentence)
    ContactFactory(
        sentence=ready.sentence,
        person=ready.person,
        is_appointment=True,
        starts_at=dt.datetime.combine(ready.release_date, dt.time(10), tzinfo=dt.UTC),
    )
    bare = custody_record(PersonFactory(pdu=team.pdu, team=team), sentence_date=D(2026, 1, 5), months=30)
    client.force_login(spo_user)
    client.get(reverse("custody:releases"))
    # 8, and 9 on PostgreSQL (the audit's advisory lock); the same however many rows.
    with django_assert_max_num_queries(9) as captured:
        page = client.get(reverse("custody:releases")).content.decode()
    assert ready.person.crn in page
    assert bare.person.crn in page
    assert page.count("No release address") == 1
    assert page.count("No licence") == 1
    assert page.count("No first appointment") == 1
    assert "Whether the victim liaison officer was told is not known yet." in page
    for _ in range(3):
        custody_record(PersonFactory(pdu=team.pdu, team=team), sentence_date=D(2026, 1, 5), months=30)
    with django_assert_num_queries(len(captured.captured_queries)):
        client.get(reverse("custody:releases"))


def test_the_vlo_hook_fills_the_last_column(client, spo_user, team):
    from probation.custody import hooks

    told = custody_record(PersonFactory(pdu=team.pdu, team=team), sentence_date=D(2026, 1, 5), months=30)
    untold = custody_record(PersonFactory(pdu=team.pdu, team=team), sentence_date=D(2026, 1, 5), months=30)
    hooks.register_vlo_told(lambda ids, today: {told.person_id})
    client.force_login(spo_user)
    page = client.get(reverse("custody:releases")).content.decode()
    assert page.count("VLO not told") == 1
    assert untold.person.crn in page


def test_prison_and_home_visits_are_shown_as_contacts(client, officer_user, case):
    record = custody_record(case)
    ContactFactory(
        sentence=record.sentence,
        person=case,
        type="prison_visit",
        starts_at=dt.datetime(2026, 11, 2, 10, tzinfo=dt.UTC),
    )
    ContactFactory(
        sentence=record.sentence,
        person=case,
        type="home_visit",
        starts_at=dt.datetime(2026, 11, 20, 10, tzinfo=dt.UTC),
    )
    ContactFactory(sentence=record.sentence, person=case, type="planned_office_visit")
    client.force_login(officer_user)
    page = client.get(reverse("custody:overview", args=[case.crn])).content.decode()
    assert "Prison visit" in page
    assert "Home visit" in page
    assert "Planned office visit" not in page
    assert "Book a prison or home visit" in page


def test_the_approved_premises_slot_shows_its_panel_when_a_referral_is_needed(client, officer_user, case):
    from probation.core.panels import Panel, register_panel
    from probation.core.panels import _registry as panel_registry
    from probation.custody.hooks import AP_REFERRAL_SLOT

    needed = custody_record(case, ap_referral_needed=True)
    seen = []

    def builder(*, person, custody, **kwargs):
        seen.append((person.pk, custody.pk))
        return Panel("frontend/components/panel.html", {"title": "Refer to approved premises"})

    register_panel(AP_REFERRAL_SLOT, builder)
    try:
        client.force_login(officer_user)
        page = client.get(reverse("custody:overview", args=[case.crn])).content.decode()
    finally:
        panel_registry[AP_REFERRAL_SLOT].remove((0, builder))
    assert seen == [(case.pk, needed.pk)]
    assert "Refer to approved premises" in page
