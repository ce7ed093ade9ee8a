"""Parole review services: the request and its timetable, the pre-fill, drafts with optimistic locking,
sign-off, the hearing and the decision with the reconsideration window, and the key events."""

import datetime as dt

import pytest

from probation.accounts.models import Role
from probation.audit.models import AuditEvent
from probation.core import key_events
from probation.core.errors import ConflictError, NotFound, ServiceError
from probation.core.key_events import KeyEventKind
from probation.mappa.models import MappaMeeting
from probation.parole.models import ParoleReview
from probation.parole.services import reviews as services
from probation.parole.tests.factories import TODAY, lifer, parole_review
from probation.people.tests import access

pytestmark = pytest.mark.django_db


@pytest.fixture
def heard():
    events = []

    def listener(*, person_id, kind, on, actor=None, detail):
        events.append((kind, on, detail))

    saved = list(key_events._listeners)
    key_events._listeners.clear()
    key_events.register_key_event_listener(listener)
    yield events
    key_events._listeners.clear()
    key_events._listeners.extend(saved)


def _request(case, officer_user, **kwargs):
    custody = kwargs.pop("custody", None) or lifer(case)
    values = {"target_on": dt.date(2027, 6, 1), "author": officer_user, "today": TODAY} | kwargs
    return services.review_request(actor=officer_user, person=case, custody_id=custody.pk, **values)


def test_a_request_sets_the_due_date_from_the_timetable_and_is_a_key_event(case, officer_user, heard):
    review = _request(case, officer_user)

    assert (review.review_starts_on, review.report_due_on) == (dt.date(2026, 12, 1), dt.date(2027, 1, 28))
    assert heard == [(KeyEventKind.PAROLE_REVIEW_STARTED, TODAY, {"parole_review": review.pk})]
    assert AuditEvent.objects.filter(action="create", object_type="parole_review").count() == 1


def test_the_same_request_twice_records_one_review(case, officer_user, heard):
    custody = lifer(case)
    first = _request(case, officer_user, custody=custody)
    second = _request(case, officer_user, custody=custody)

    assert first.pk == second.pk
    assert ParoleReview.objects.count() == 1
    assert len(heard) == 1


def test_another_open_review_of_the_sentence_is_refused(case, officer_user):
    custody = lifer(case)
    _request(case, officer_user, custody=custody)
    with pytest.raises(ServiceError) as refused:
        _request(case, officer_user, custody=custody, target_on=dt.date(2027, 9, 1))
    assert "already has a parole review" in refused.value.message


def test_a_determinate_sentence_without_a_ped_and_a_past_target_are_refused_together(case, officer_user):
    from probation.custody.tests.factories import custody_record

    sds = custody_record(case)
    with pytest.raises(ServiceError) as refused:
        _request(case, officer_user, custody=sds, target_on=TODAY)
    assert [e.field for e in refused.value.errors] == ["custody", "target_on"]
    assert not ParoleReview.objects.exists()


def test_someone_of_another_pdu_cannot_request(case, officer_user):
    with pytest.raises(NotFound):
        services.review_request(
            actor=access.other_pdu_user(),
            person=case,
            custody_id=lifer(case).pk,
            target_on=dt.date(2027, 6, 1),
            author=officer_user,
            today=TODAY,
        )


def test_the_request_prefills_structured_facts_and_never_mappa_minutes(case, officer_user):
    MappaMeeting.objects.create(
        person=case,
        held_on=dt.date(2026, 10, 1),
        level="M2",
        chair="DI Smith",
        agencies=["police"],
        minutes="PLANTED-MINUTES",
        decisions="PLANTED-DECISION",
        next_review_on=dt.date(2027, 1, 1),
        recorded_by=officer_user,
    )

    review = _request(case, officer_user)

    assert "Life sentence" in review.sentence_details
    assert "(From the custody record" in review.sentence_details
    text = " ".join(getattr(review, f) for f in services.TEXT_FIELDS)
    assert "PLANTED" not in text


def test_a_draft_saves_and_a_stale_version_is_refused(case, officer_user):
    review = parole_review(case, author=officer_user)
    saved = services.review_save_draft(
        actor=officer_user,
        review=review,
        expected_version=1,
        data={"current_risk": "Words", "pom_view": "agrees"},
    )
    assert saved.changed == ["current_risk", "pom_view"]
    assert saved.review.version == 2
    with pytest.raises(ConflictError):
        services.review_save_draft(
            actor=officer_user, review=review, expected_version=1, data={"current_risk": "Other"}
        )
    review.refresh_from_db()
    assert review.current_risk == "Words"
    event = AuditEvent.objects.filter(action="update").latest("id")
    assert event.detail == {"fields": ["current_risk", "pom_view"], "version": 2, "autosave": False}


def test_someone_other_than_the_author_cannot_save(case, officer_user, spo_user):
    review = parole_review(case, author=officer_user)
    with pytest.raises(NotFound):
        services.review_save_draft(
            actor=spo_user, review=review, expected_version=1, data={"current_risk": "x"}
        )


def test_an_unknown_choice_is_refused(case, officer_user):
    review = parole_review(case, author=officer_user)
    with pytest.raises(ServiceError):
        services.review_save_draft(
            actor=officer_user, review=review, expected_version=1, data={"recommendation": "x"}
        )


def _complete(review, officer_user):
    return services.review_save_draft(
        actor=officer_user,
        review=review,
        expected_version=review.version,
        data={
            "vlo_contacted_on": dt.date(2026, 12, 2),
            "recommendation": "release",
            "recommendation_reasons": "Risk is manageable.",
            "pom_view": "agrees",
            "risk_management_plan": "Plan.",
        },
    ).review


def test_signing_needs_the_vlo_date_and_every_gap_is_given(case, officer_user):
    review = parole_review(case, author=officer_user)
    with pytest.raises(ServiceError) as refused:
        services.review_sign(actor=officer_user, review=review, expected_version=1, today=TODAY)
    assert [e.field for e in refused.value.errors][:2] == ["vlo_contacted_on", "recommendation"]
    review = _complete(review, officer_user)

    signed = services.review_sign(
        actor=officer_user, review=review, expected_version=review.version, today=TODAY
    )

    assert signed.is_signed
    assert signed.signed_by == officer_user
    with pytest.raises(ServiceError):
        services.review_save_draft(
            actor=officer_user, review=signed, expected_version=signed.version, data={"sources": "x"}
        )


def test_a_decision_opens_the_reconsideration_window_and_is_a_key_event(case, officer_user, heard):
    review = _complete(parole_review(case, author=officer_user), officer_user)
    review = services.review_sign(
        actor=officer_user, review=review, expected_version=review.version, today=TODAY
    )

    review = services.review_record_hearing(
        actor=officer_user,
        review=review,
        expected_version=review.version,
        hearing_on=dt.date(2026, 12, 2),
        hearing_type="oral",
        decision="",
        decided_on=None,
        today=TODAY,
    )
    assert heard == []
    review = services.review_record_hearing(
        actor=officer_user,
        review=review,
        expected_version=review.version,
        hearing_on=dt.date(2026, 12, 2),
        hearing_type="oral",
        decision="open_conditions",
        decided_on=dt.date(2026, 12, 3),
        today=TODAY,
    )

    assert review.reconsideration_ends_on == dt.date(2026, 12, 24)
    assert heard == [
        (
            KeyEventKind.PAROLE_DECISION,
            dt.date(2026, 12, 3),
            {"parole_review": review.pk, "decision": "open_conditions"},
        )
    ]


def test_an_adjournment_opens_no_window(case, officer_user, heard):
    review = _complete(parole_review(case, author=officer_user), officer_user)
    review = services.review_sign(
        actor=officer_user, review=review, expected_version=review.version, today=TODAY
    )
    review = services.review_record_hearing(
        actor=officer_user,
        review=review,
        expected_version=review.version,
        hearing_on=dt.date(2026, 12, 2),
        hearing_type="paper",
        decision="adjourned",
        decided_on=dt.date(2026, 12, 3),
        today=TODAY,
    )
    assert review.reconsideration_ends_on is None
    assert heard == []


def test_impossible_hearing_dates_are_refused_together(case, officer_user):
    review = parole_review(case, author=officer_user)
    with pytest.raises(ServiceError) as refused:
        services.review_record_hearing(
            actor=officer_user,
            review=review,
            expected_version=1,
            hearing_on=dt.date(2026, 11, 1),
            hearing_type="",
            decision="release",
            decided_on=dt.date(2026, 12, 9),
            today=TODAY,
        )
    assert {e.field for e in refused.value.errors} == {"hearing_type", "hearing_on", "decided_on", "decision"}
    review.refresh_from_db()
    assert review.hearing_on is None


def test_a_case_administrator_cannot_record_a_hearing(case, officer_user):
    review = parole_review(case, author=officer_user)
    with pytest.raises(NotFound):
        services.review_record_hearing(
            actor=access.team_user(Role.CASE_ADMIN, case),
            review=review,
            expected_version=1,
            hearing_on=dt.date(2026, 12, 2),
            hearing_type="oral",
            decision="",
            decided_on=None,
            today=TODAY,
        )
