"""Each section of "My work": inclusion and exclusion with exact dates, restricted display, the
bounded sections, the query count and the audit entry."""

import datetime as dt

import pytest
from django.urls import reverse

from probation.audit.models import AuditEvent
from probation.contacts.tests.factories import ContactFactory, EnforcementCaseFactory
from probation.enforcement.models import Breach, Recall
from probation.people.models import Exclusion
from probation.people.tests.factories import PersonFactory
from probation.plans.tests.factories import PlanFactory
from probation.sentences.tests.factories import LicenceFactory, RequirementFactory, SentenceFactory
from probation.worklists.models import WorkItem
from probation.worklists.selectors import SECTION_LIMIT, worklist_for_officer
from probation.worklists.tests.conftest import NOW, at

pytestmark = pytest.mark.django_db
D = dt.date


@pytest.fixture
def person(officer_user):
    return PersonFactory(officer=officer_user.staff, surname="Fenwick")


@pytest.fixture
def sentence(person):
    return SentenceFactory(event__person=person, event__conviction_date=D(2025, 1, 6))


def _page(client, user):
    client.force_login(user)
    response = client.get(reverse("worklists:mine"))
    assert response.status_code == 200
    return response


def _section(response, key):
    return next(s for s in response.context["sections"] if s.key == key)


def test_outstanding_outcomes_list_past_appointments_without_outcome(client, officer_user, sentence, frozen):
    overdue = ContactFactory(sentence=sentence, starts_at=at(D(2025, 4, 15)))  # due 17 April
    in_time = ContactFactory(sentence=sentence, starts_at=at(D(2025, 4, 16)))  # due 22 April (Easter)
    ContactFactory(sentence=sentence, starts_at=at(D(2025, 4, 22), 14))  # later today: not yet
    ContactFactory(sentence=sentence, starts_at=at(D(2025, 4, 14)), outcome="ATTC")
    ContactFactory(sentence=sentence, starts_at=at(D(2025, 4, 14)), cancelled_at=NOW)
    ContactFactory(sentence=sentence, starts_at=at(D(2025, 4, 14)), type="case_note", is_appointment=False)
    section = _section(_page(client, officer_user), "outcomes")
    assert (section.count, section.overdue) == (2, 1)
    assert [(r.on, r.tag.label if r.tag else None) for r in section.rows] == [
        (D(2025, 4, 15), "Overdue"),
        (D(2025, 4, 16), None),
    ]
    # Each row opens that appointment's outcome form, which returns to My work after saving.
    crn = sentence.person.crn
    assert [(r.url, r.link_text) for r in section.rows] == [
        (f"/cases/{crn}/contacts/{overdue.pk}/outcome?next=%2Fwork", "Record outcome"),
        (f"/cases/{crn}/contacts/{in_time.pk}/outcome?next=%2Fwork", "Record outcome"),
    ]


def test_only_cases_held_by_the_officer_are_listed(client, officer_user, frozen):
    other = SentenceFactory(event__person=PersonFactory())
    ContactFactory(sentence=other, starts_at=at(D(2025, 4, 15)))
    assert _section(_page(client, officer_user), "outcomes").count == 0


def test_evidence_decisions_due_and_overdue(client, officer_user, sentence, frozen):
    ContactFactory(
        sentence=sentence, starts_at=at(D(2025, 4, 14)), outcome="AFTA", evidence_due_on=D(2025, 4, 21)
    )
    ContactFactory(
        sentence=sentence, starts_at=at(D(2025, 4, 15)), outcome="AFTA", evidence_due_on=D(2025, 4, 22)
    )
    ContactFactory(
        sentence=sentence, starts_at=at(D(2025, 4, 10)), outcome="UAAB", evidence_due_on=D(2025, 4, 17)
    )
    section = _section(_page(client, officer_user), "evidence")
    assert (section.count, section.overdue) == (2, 1)
    assert [r.tag.label for r in section.rows] == ["Overdue", "Due today"]
    assert all(r.url.endswith("/decide?next=%2Fwork") and r.link_text == "Decide" for r in section.rows)


def test_enforcement_actions_due_with_overdue_in_red_and_text(client, officer_user, sentence, frozen):
    # Failure on Thursday 3 April 2025: 10 working days (Easter excluded) is Thursday 17 April.
    late = EnforcementCaseFactory(contact__sentence=sentence, contact__starts_at=at(D(2025, 4, 3)))
    assert late.respond_by == D(2025, 4, 17)
    EnforcementCaseFactory(contact__sentence=sentence, contact__starts_at=at(D(2025, 4, 14)))
    EnforcementCaseFactory(
        contact__sentence=sentence, contact__starts_at=at(D(2025, 4, 1)), status="first_warning_sent"
    )
    response = _page(client, officer_user)
    section = _section(response, "enforcement")
    assert (section.count, section.overdue) == (2, 1)
    assert section.rows[0].on == D(2025, 4, 17)
    assert section.rows[0].url == f"/cases/{sentence.person.crn}/sentences/{sentence.pk}"
    assert b'<strong class="govuk-tag govuk-tag--red">Overdue</strong>' in response.content


def test_breaches_and_recalls_in_progress_with_since(client, officer_user, sentence, frozen):
    Breach.objects.create(
        sentence=sentence, person=sentence.person, initiated_on=D(2025, 3, 3), initiated_by=officer_user
    )
    licence = LicenceFactory(sentence__event__person=sentence.person)
    Recall.objects.create(
        sentence=licence.sentence,
        licence=licence,
        person=sentence.person,
        started_by=officer_user,
        started_on=D(2025, 4, 1),
    )
    other = SentenceFactory(event__person=sentence.person)
    Breach.objects.create(
        sentence=other,
        person=sentence.person,
        initiated_on=D(2025, 1, 3),
        initiated_by=officer_user,
        status="withdrawn",
        ended_on=D(2025, 2, 1),
    )
    response = _page(client, officer_user)
    breaches, recalls = _section(response, "breaches"), _section(response, "recalls")
    assert [r.on for r in breaches.rows] == [D(2025, 3, 3)]
    assert [r.on for r in recalls.rows] == [D(2025, 4, 1)]


def test_unpaid_work_at_risk_and_past_deadline(client, officer_user, sentence, frozen):
    # Started 6 January 2025: 106 days gone, deadline 5 January 2026 (258 days left).
    RequirementFactory(sentence=sentence, ordered=100, done=20, start_date=D(2025, 1, 6))  # 48 projected < 80
    RequirementFactory(sentence=sentence, ordered=100, done=40, start_date=D(2025, 1, 6))  # 97 projected > 60
    RequirementFactory(
        sentence=sentence, ordered=100, done=99, start_date=D(2024, 4, 1)
    )  # past 31 March 2025
    RequirementFactory(
        sentence=sentence, ordered=100, done=0, start_date=D(2025, 1, 6), terminated_on=D(2025, 2, 1)
    )
    section = _section(_page(client, officer_user), "unpaid_work")
    assert (section.count, section.overdue) == (2, 1)
    assert [(r.on, r.tag.label) for r in section.rows] == [
        (D(2025, 3, 31), "Deadline passed"),
        (D(2026, 1, 5), "At risk"),
    ]


def test_orders_and_licences_ending_in_the_next_28_days(client, officer_user, person, frozen):
    SentenceFactory(
        event__person=person,
        start_date=D(2024, 5, 20),
        sentence_date=D(2024, 5, 20),
        event__conviction_date=D(2024, 5, 20),
        expected_end_date=D(2025, 5, 20),
    )  # 28 days
    SentenceFactory(
        event__person=person,
        sentence_date=D(2024, 5, 21),
        event__conviction_date=D(2024, 5, 21),
        expected_end_date=D(2025, 5, 21),
    )  # 29 days: not yet
    SentenceFactory(
        event__person=person,
        sentence_date=D(2024, 4, 1),
        event__conviction_date=D(2024, 4, 1),
        expected_end_date=D(2025, 4, 21),
    )  # past: terminate or extend
    SentenceFactory(
        event__person=person,
        sentence_date=D(2024, 4, 1),
        event__conviction_date=D(2024, 4, 1),
        expected_end_date=D(2025, 4, 30),
        terminated_on=D(2025, 4, 2),
        termination_reason="completed",
    )
    LicenceFactory(
        sentence__event__person=person,
        release_date=D(2024, 6, 1),
        licence_expiry_date=D(2025, 5, 1),
        sentence__expected_end_date=D(2026, 6, 1),
        sentence__sentence_date=D(2024, 1, 1),
        sentence__event__conviction_date=D(2024, 1, 1),
    )
    section = _section(_page(client, officer_user), "ending")
    assert [(r.on, r.tag.label if r.tag else None) for r in section.rows] == [
        (D(2025, 4, 21), "Past end date"),
        (D(2025, 5, 1), None),
        (D(2025, 5, 20), None),
    ]
    assert section.rows[0].what == "Community order: terminate or extend"


def test_reviews_raised_overnight_are_shown(client, officer_user, person, frozen):
    WorkItem.objects.create(
        kind="evidence_decision",
        person=person,
        officer=officer_user.staff,
        due_on=D(2025, 4, 20),
        source_type="contact",
        source_id=1,
        raised_at=NOW,
    )
    WorkItem.objects.create(
        kind="evidence_decision",
        person=person,
        due_on=D(2025, 4, 20),
        source_type="contact",
        source_id=2,
        raised_at=NOW,
        resolved_at=NOW,
    )
    section = _section(_page(client, officer_user), "raised")
    assert [r.what for r in section.rows] == ["Decide whether the absence is acceptable or unacceptable"]


def test_restricted_and_excluded_cases_show_only_restricted_and_crn(client, officer_user, frozen):
    restricted = PersonFactory(officer=officer_user.staff, surname="Hidden", is_restricted=True)
    excluded = PersonFactory(officer=officer_user.staff, surname="Secret", has_exclusions=True)
    Exclusion.objects.create(person=excluded, user=officer_user, added_by=officer_user)
    for p in (restricted, excluded):
        ContactFactory(sentence=SentenceFactory(event__person=p), starts_at=at(D(2025, 4, 15)))
    response = _page(client, officer_user)
    rows = _section(response, "outcomes").rows
    assert {(r.crn, r.restricted, r.name, r.url) for r in rows} == {
        (restricted.crn, True, "", ""),
        (excluded.crn, True, "", ""),
    }
    assert b"Hidden" not in response.content
    assert b"Secret" not in response.content


def test_sections_are_bounded_with_a_count(client, officer_user, sentence, frozen):
    for i in range(SECTION_LIMIT + 2):
        ContactFactory(sentence=sentence, starts_at=at(D(2025, 4, 1)) + dt.timedelta(minutes=i))
    section = _section(_page(client, officer_user), "outcomes")
    assert (section.count, len(section.rows)) == (SECTION_LIMIT + 2, SECTION_LIMIT)


def test_counts_cover_rows_beyond_the_limit(client, officer_user, sentence, frozen):
    """The total and overdue counts come with the rows (window counts) but are over every row."""
    for i in range(SECTION_LIMIT + 3):
        ContactFactory(
            sentence=sentence,
            starts_at=at(D(2025, 4, 10)),
            outcome="AFTA",
            evidence_due_on=D(2025, 4, 21) + dt.timedelta(days=i),
        )
    section = _section(_page(client, officer_user), "evidence")
    assert (section.count, section.overdue, len(section.rows)) == (SECTION_LIMIT + 3, 1, SECTION_LIMIT)


def test_rows_read_only_the_columns_shown(officer_user, sentence, frozen):
    """Never the contact's notes: each section reads only what the page shows."""
    ContactFactory(sentence=sentence, starts_at=at(D(2025, 4, 15)), notes="private")
    worklist = worklist_for_officer(user=officer_user, officer=officer_user.staff, today=NOW.date(), now=NOW)
    outcomes = next(s for s in worklist.sections if s.key == "outcomes")
    assert "notes" in outcomes.items[0].get_deferred_fields()


def _fill(officer_user, n):
    for _ in range(n):
        sentence = SentenceFactory(event__person=PersonFactory(officer=officer_user.staff))
        ContactFactory(sentence=sentence, starts_at=at(D(2025, 4, 15)))
        ContactFactory(
            sentence=sentence, starts_at=at(D(2025, 4, 14)), outcome="AFTA", evidence_due_on=D(2025, 4, 21)
        )
        EnforcementCaseFactory(contact__sentence=sentence, contact__starts_at=at(D(2025, 4, 3)))
        PlanFactory(person=sentence.person, agreed_on=D(2024, 10, 15), versions_count=1)
        RequirementFactory(sentence=sentence, ordered=100, done=20, start_date=D(2025, 1, 6))
        WorkItem.objects.create(
            kind="outcome_overdue",
            person=sentence.person,
            due_on=D(2025, 4, 15),
            source_type="contact",
            source_id=sentence.pk,
            raised_at=NOW,
        )


@pytest.mark.parametrize("rows", [1, 10])
def test_query_count_is_constant(client, officer_user, frozen, django_assert_max_num_queries, rows):
    _fill(officer_user, rows)
    client.force_login(officer_user)
    # 31 on PostgreSQL (the audit's advisory lock); one each for the MAPPA actions, the
    # pre-sentence reports, the sentence plans, the unpaid-work hours booked ahead, the unpaid-work
    # extensions, the case reviews, the commissioned services and the drug test decisions, and two for
    # the parole and governors' reports due.
    with django_assert_max_num_queries(31):
        response = client.get(reverse("worklists:mine"))
    assert _section(response, "outcomes").count == rows
    assert len(response.context["plans"]) == rows


def test_viewing_writes_one_audit_entry_with_counts_and_crns(client, officer_user, sentence, frozen):
    ContactFactory(sentence=sentence, starts_at=at(D(2025, 4, 15)))
    before = AuditEvent.objects.count()
    _page(client, officer_user)
    entries = list(AuditEvent.objects.order_by("-seq")[: AuditEvent.objects.count() - before])
    assert len(entries) == 1
    entry = entries[0]
    assert (entry.action, entry.object_type, entry.object_id) == ("view", "worklist", officer_user.staff.code)
    assert entry.detail["sections"]["outcomes"] == 1
    assert entry.detail["crns"] == [sentence.person.crn]
    assert "Fenwick" not in str(entry.detail)
