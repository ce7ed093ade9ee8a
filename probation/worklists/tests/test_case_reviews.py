"""Periodic case reviews (issue 17 item 5): raised by the nightly sweep and by significant events,
recorded by the officer, overseen by the team's manager; on My work and on Decisions."""

import datetime as dt

import pytest
from django.db import transaction
from django.urls import reverse

from probation.accounts.tests.factories import StaffFactory, UserFactory
from probation.audit.models import AuditEvent
from probation.core.key_events import KeyEventKind, key_event_occurred
from probation.people.tests.factories import PersonFactory
from probation.sentences.tests.factories import EventFactory, LicenceFactory, SentenceFactory
from probation.worklists.case_reviews.services import (
    case_review_for_event,
    case_review_oversee,
    case_review_record,
    case_reviews_sweep,
    supervision_starts,
)
from probation.worklists.models import CaseReview, ReviewStatus
from probation.worklists.tests.conftest import NOW, TODAY

pytestmark = pytest.mark.django_db

REVIEW = {
    "progress": "Attending; started the thinking skills programme.",
    "compliance": "All appointments kept since March.",
    "risk": "No change.",
    "next_steps": "Fortnightly appointments; refer for housing advice.",
}


def _order(person, start: dt.date, **fields):
    return SentenceFactory(
        event=EventFactory(person=person, conviction_date=start), start_date=start, **fields
    )


@pytest.fixture
def supervised(officer_user):
    """A case under a community order that began 11 weeks before TODAY (first review due in a week)."""
    person = PersonFactory(officer=officer_user.staff, team=officer_user.staff.team, tier="B2")
    _order(person, TODAY - dt.timedelta(weeks=11))
    return person


def _review_form(version: int, **overrides) -> dict[str, str]:
    data = dict(REVIEW, version=str(version))
    data |= {
        "reviewed_on_0": str(TODAY.day),
        "reviewed_on_1": str(TODAY.month),
        "reviewed_on_2": str(TODAY.year),
    }
    return data | overrides


@pytest.fixture
def frozen_reviews(monkeypatch, frozen):
    from probation.worklists.case_reviews import forms, views
    from probation.worklists.decisions import views as decision_views

    monkeypatch.setattr(views, "today_uk", lambda: TODAY)
    monkeypatch.setattr(forms, "today_uk", lambda: TODAY)
    monkeypatch.setattr(decision_views, "today_uk", lambda: TODAY, raising=False)
    monkeypatch.setattr(decision_views, "now", lambda: NOW, raising=False)
    return TODAY


# The sweep ----------------------------------------------------------------------------------------


def test_the_sweep_raises_the_first_review_two_weeks_before_it_is_due(supervised):
    result = case_reviews_sweep(today=TODAY, now=NOW)

    review = CaseReview.objects.get(person=supervised)
    assert (review.status, review.reason, review.due_on) == ("due", "first", TODAY + dt.timedelta(weeks=1))
    assert review.officer_id == supervised.officer_id
    assert result.raised == 1
    assert result.supervised == 1


def test_a_second_sweep_raises_nothing(supervised):
    case_reviews_sweep(today=TODAY, now=NOW)
    again = case_reviews_sweep(today=TODAY, now=NOW)

    assert again.raised == 0
    assert CaseReview.objects.count() == 1


def test_not_raised_before_the_window_nor_for_people_in_custody_or_with_no_current_sentence(officer_user):
    early = PersonFactory(officer=officer_user.staff)
    _order(early, TODAY - dt.timedelta(weeks=9))
    in_custody = PersonFactory(officer=officer_user.staff)
    LicenceFactory(
        sentence__event=EventFactory(person=in_custody, conviction_date=TODAY - dt.timedelta(days=400)),
        sentence__person=in_custody,
        release_date=TODAY + dt.timedelta(days=30),
    )
    ended = PersonFactory(officer=officer_user.staff)
    _order(
        ended,
        TODAY - dt.timedelta(days=400),
        terminated_on=TODAY - dt.timedelta(days=30),
        termination_reason="completed",
    )

    assert case_reviews_sweep(today=TODAY, now=NOW).raised == 0
    assert supervision_starts(today=TODAY) == {early.pk: TODAY - dt.timedelta(weeks=9)}


def test_supervision_on_licence_begins_at_release(officer_user):
    person = PersonFactory(officer=officer_user.staff)
    released = TODAY - dt.timedelta(weeks=12)
    LicenceFactory(
        sentence__event=EventFactory(person=person, conviction_date=TODAY - dt.timedelta(days=900)),
        sentence__person=person,
        release_date=released,
    )

    assert supervision_starts(today=TODAY) == {person.pk: released}
    case_reviews_sweep(today=TODAY, now=NOW)
    assert CaseReview.objects.get(person=person).due_on == TODAY


def test_the_next_review_follows_the_tiers_interval_after_the_last_completed_one(
    supervised, officer_user, spo_user
):
    case_reviews_sweep(today=TODAY, now=NOW)
    review = CaseReview.objects.get(person=supervised)
    case_review_record(
        actor=officer_user,
        person=supervised,
        review_id=review.pk,
        expected_version=review.version,
        data=REVIEW | {"reviewed_on": TODAY},
        today=TODAY,
    )
    case_review_oversee(
        actor=spo_user,
        person=supervised,
        review_id=review.pk,
        expected_version=2,
        outcome="agreed",
        note="Agreed.",
    )
    # Tier B: three months after the review of 22 April 2025 is 22 July; raised from 8 July.
    assert case_reviews_sweep(today=dt.date(2025, 7, 7), now=NOW).raised == 0
    assert case_reviews_sweep(today=dt.date(2025, 7, 8), now=NOW).raised == 1
    latest = CaseReview.objects.filter(person=supervised).order_by("-id").first()
    assert (latest.reason, latest.due_on) == ("interval", dt.date(2025, 7, 22))


def test_a_review_not_started_is_withdrawn_when_supervision_ends(supervised):
    case_reviews_sweep(today=TODAY, now=NOW)
    supervised.sentences.update(terminated_on=TODAY, termination_reason="completed")

    result = case_reviews_sweep(today=TODAY + dt.timedelta(days=1), now=NOW)

    assert result.withdrawn == 1
    assert CaseReview.objects.get(person=supervised).status == ReviewStatus.WITHDRAWN


def test_open_reviews_move_with_the_case_to_its_new_officer(supervised, team):
    case_reviews_sweep(today=TODAY, now=NOW)
    new_officer = StaffFactory(team=team)
    type(supervised).objects.filter(pk=supervised.pk).update(officer=new_officer)

    assert case_reviews_sweep(today=TODAY, now=NOW).reassigned == 1
    assert CaseReview.objects.get(person=supervised).officer == new_officer


# Significant events -------------------------------------------------------------------------------


def test_a_recall_raises_a_review_within_ten_working_days(supervised):
    with transaction.atomic():
        key_event_occurred(person_id=supervised.pk, kind=KeyEventKind.RECALLED, on=TODAY, detail={})

    review = CaseReview.objects.get(person=supervised)
    # Tuesday 22 April 2025 + 10 working days (no bank holidays in between) = Tuesday 6 May? 5 May is
    # the early May bank holiday, so Wednesday 7 May.
    assert (review.reason, review.event, review.due_on) == ("event", "recalled", dt.date(2025, 5, 7))


def test_an_event_brings_the_open_review_forward_but_never_back(supervised):
    case_reviews_sweep(today=TODAY - dt.timedelta(days=6), now=NOW)  # first review due 29 April
    review = CaseReview.objects.get(person=supervised)
    with transaction.atomic():
        case_review_for_event(person_id=supervised.pk, kind=KeyEventKind.TRANSFERRED, on=TODAY, detail={})
    review.refresh_from_db()
    assert (review.reason, review.due_on) == ("first", dt.date(2025, 4, 29))

    with transaction.atomic():
        case_review_for_event(
            person_id=supervised.pk, kind=KeyEventKind.RECALLED, on=dt.date(2025, 4, 1), detail={}
        )
    review.refresh_from_db()
    assert (review.reason, review.event, review.due_on) == ("event", "recalled", dt.date(2025, 4, 15))
    assert CaseReview.objects.filter(person=supervised).count() == 1


def test_events_that_are_not_significant_and_people_not_supervised_raise_nothing(supervised, officer_user):
    not_supervised = PersonFactory(officer=officer_user.staff)
    with transaction.atomic():
        case_review_for_event(person_id=supervised.pk, kind=KeyEventKind.ORDER_ENDED, on=TODAY, detail={})
        case_review_for_event(person_id=not_supervised.pk, kind=KeyEventKind.RECALLED, on=TODAY, detail={})

    assert not CaseReview.objects.exists()


# Recording and oversight --------------------------------------------------------------------------


@pytest.fixture
def due_review(supervised):
    case_reviews_sweep(today=TODAY, now=NOW)
    return CaseReview.objects.get(person=supervised)


def test_the_officer_opens_the_review_from_my_work_and_records_it(
    client, officer_user, supervised, due_review, frozen_reviews
):
    client.force_login(officer_user)
    page = client.get(reverse("worklists:mine"))
    record_url = reverse("worklists:case-review-record", args=[supervised.crn, due_review.pk])
    assert record_url in page.content.decode()
    assert "First review since supervision began" in page.content.decode()

    response = client.post(record_url, _review_form(due_review.version, plan_review_needed="on"))

    assert response.status_code == 302
    assert response["Location"] == reverse("worklists:case-reviews", args=[supervised.crn])
    due_review.refresh_from_db()
    assert due_review.status == ReviewStatus.AWAITING_OVERSIGHT
    assert due_review.plan_review_needed
    assert due_review.reviewed_by == officer_user
    event = AuditEvent.objects.filter(object_type="case_review", action="update").get()
    assert event.detail == {"status": "awaiting_oversight", "plan_review_needed": True}
    assert "thinking skills" not in str(event.detail)


def test_every_missing_answer_shows_at_once_and_nothing_is_saved(
    client, officer_user, supervised, due_review, frozen_reviews
):
    client.force_login(officer_user)
    url = reverse("worklists:case-review-record", args=[supervised.crn, due_review.pk])
    tomorrow = TODAY + dt.timedelta(days=1)

    response = client.post(
        url,
        {
            "version": due_review.version,
            "reviewed_on_0": tomorrow.day,
            "reviewed_on_1": tomorrow.month,
            "reviewed_on_2": tomorrow.year,
        },
    )

    text = response.content.decode()
    assert response.status_code == 200
    for message in (
        "Enter the progress against the sentence plan",
        "Enter how the person is complying and engaging",
        "Enter what has changed about risk",
        "Enter what happens next",
        "The date of the review must be today or in the past",
    ):
        assert message in text
    due_review.refresh_from_db()
    assert due_review.status == ReviewStatus.DUE


def test_a_review_saved_in_another_window_is_not_overwritten(
    client, officer_user, supervised, due_review, frozen_reviews
):
    client.force_login(officer_user)
    url = reverse("worklists:case-review-record", args=[supervised.crn, due_review.pk])
    CaseReview.objects.filter(pk=due_review.pk).update(version=5)

    response = client.post(url, _review_form(due_review.version))

    assert response.status_code == 409
    assert "changed in another window" in response.content.decode()
    due_review.refresh_from_db()
    assert due_review.status == ReviewStatus.DUE


def test_the_manager_sees_it_on_decisions_and_completes_it_with_an_oversight_note(
    client, officer_user, spo_user, supervised, due_review, frozen_reviews
):
    case_review_record(
        actor=officer_user,
        person=supervised,
        review_id=due_review.pk,
        expected_version=due_review.version,
        data=REVIEW | {"reviewed_on": TODAY},
        today=TODAY,
    )
    client.force_login(spo_user)
    decisions = client.get(reverse("worklists:decisions")).content.decode()
    oversight_url = reverse("worklists:case-review-oversight", args=[supervised.crn, due_review.pk])
    assert "Case reviews awaiting your oversight (1)" in decisions
    assert oversight_url in decisions

    form = client.get(oversight_url).content.decode()
    assert "All appointments kept since March." in form
    response = client.post(
        oversight_url, {"version": 2, "outcome": "actions", "note": "Chase the housing referral."}
    )

    assert response.status_code == 302
    due_review.refresh_from_db()
    assert (due_review.status, due_review.oversight_outcome, due_review.oversight_by) == (
        "completed",
        "actions",
        spo_user,
    )
    history = client.get(reverse("worklists:case-reviews", args=[supervised.crn])).content.decode()
    assert "Chase the housing referral." in history
    assert "Actions needed" in history


def test_oversight_needs_an_outcome_and_a_note(
    client, officer_user, spo_user, supervised, due_review, frozen_reviews
):
    case_review_record(
        actor=officer_user,
        person=supervised,
        review_id=due_review.pk,
        expected_version=1,
        data=REVIEW | {"reviewed_on": TODAY},
        today=TODAY,
    )
    client.force_login(spo_user)
    url = reverse("worklists:case-review-oversight", args=[supervised.crn, due_review.pk])

    text = client.post(url, {"version": 2}).content.decode()

    assert "Select whether you agree or actions are needed" in text
    assert "Enter your oversight note" in text
    due_review.refresh_from_db()
    assert due_review.status == ReviewStatus.AWAITING_OVERSIGHT


def test_a_manager_may_not_oversee_their_own_review(spo_user, supervised, due_review):
    from probation.rules.errors import RuleErrors

    case_review_record(
        actor=spo_user,
        person=supervised,
        review_id=due_review.pk,
        expected_version=1,
        data=REVIEW | {"reviewed_on": TODAY},
        today=TODAY,
    )
    with pytest.raises(RuleErrors, match="Another manager must oversee"):
        case_review_oversee(
            actor=spo_user,
            person=supervised,
            review_id=due_review.pk,
            expected_version=2,
            outcome="agreed",
            note="Ok",
        )


def test_overdue_reviews_show_on_decisions(client, spo_user, supervised, frozen_reviews):
    case_reviews_sweep(today=TODAY, now=NOW)
    CaseReview.objects.filter(person=supervised).update(due_on=TODAY - dt.timedelta(days=3))
    client.force_login(spo_user)

    text = client.get(reverse("worklists:decisions")).content.decode()

    assert "Case reviews overdue (1)" in text
    assert reverse("worklists:case-reviews", args=[supervised.crn]) in text


def test_my_work_reads_the_reviews_in_one_query_however_many(client, officer_user, frozen_reviews):
    def my_work_queries() -> int:
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        client.force_login(officer_user)
        with CaptureQueriesContext(connection) as captured:
            assert client.get(reverse("worklists:mine")).status_code == 200
        return len(captured)

    one = PersonFactory(officer=officer_user.staff, team=officer_user.staff.team)
    _order(one, TODAY - dt.timedelta(weeks=11))
    case_reviews_sweep(today=TODAY, now=NOW)
    my_work_queries()  # the first request of a session reads more (the session, the user)
    with_one = my_work_queries()
    for _ in range(5):
        person = PersonFactory(officer=officer_user.staff, team=officer_user.staff.team)
        _order(person, TODAY - dt.timedelta(weeks=11))
    case_reviews_sweep(today=TODAY, now=NOW)

    assert CaseReview.objects.count() == 6
    assert my_work_queries() == with_one


def test_the_case_reviews_page_lists_history_and_is_audited_with_ids(
    client, officer_user, supervised, due_review, frozen_reviews
):
    client.force_login(officer_user)

    response = client.get(reverse("worklists:case-reviews", args=[supervised.crn]))

    assert response.status_code == 200
    assert "First review since supervision began" in response.content.decode()
    event = AuditEvent.objects.filter(action="view", crn=supervised.crn).last()
    assert event.detail["case_reviews"] == [due_review.pk]


def test_the_case_reviews_section_sits_under_the_sentences_tab(
    client, officer_user, supervised, frozen_reviews
):
    client.force_login(officer_user)
    text = client.get(reverse("sentences:list", args=[supervised.crn])).content.decode()
    assert reverse("worklists:case-reviews", args=[supervised.crn]) in text


def test_a_user_of_another_team_cannot_oversee(client, officer_user, supervised, due_review, frozen_reviews):
    case_review_record(
        actor=officer_user,
        person=supervised,
        review_id=due_review.pk,
        expected_version=1,
        data=REVIEW | {"reviewed_on": TODAY},
        today=TODAY,
    )
    from probation.accounts.tests.factories import TeamFactory

    elsewhere = UserFactory(role="senior_po", staff=StaffFactory(team=TeamFactory(pdu=supervised.pdu)))
    client.force_login(elsewhere)
    url = reverse("worklists:case-review-oversight", args=[supervised.crn, due_review.pk])

    assert client.get(url).status_code == 404
    assert client.post(url, {"version": 2, "outcome": "agreed", "note": "x"}).status_code == 404
    due_review.refresh_from_db()
    assert due_review.status == ReviewStatus.AWAITING_OVERSIGHT
