"""The case review pages against every kind of user: anonymous, system admin, partner, read-only and
other roles, outside the managing PDU, excluded, restricted, permitted. Denied users get exactly the
page a missing CRN gets, and a denied change writes nothing."""

import datetime as dt

import pytest
from django.urls import reverse

from probation.accounts.models import Role
from probation.accounts.tests.factories import StaffFactory, TeamFactory, UserFactory
from probation.audit.models import AuditEvent
from probation.people.tests import access
from probation.people.tests.factories import PersonFactory
from probation.worklists.models import CaseReview, ReviewStatus

pytestmark = pytest.mark.django_db

LIST = "worklists:case-reviews"
RECORD = "worklists:case-review-record"
OVERSIGHT = "worklists:case-review-oversight"
MATRIX_URLS = [LIST, RECORD, OVERSIGHT]
TODAY = dt.date(2025, 4, 22)


@pytest.fixture
def reviews(officer_user):
    """A case with a review due and one awaiting oversight (recorded by its officer)."""
    person = PersonFactory(officer=officer_user.staff, team=officer_user.staff.team)
    earlier = CaseReview.objects.create(
        person=person,
        officer=officer_user.staff,
        team=officer_user.staff.team,
        reason="first",
        due_on=TODAY - dt.timedelta(days=90),
        raised_at=dt.datetime(2025, 1, 1, tzinfo=dt.UTC),
        status=ReviewStatus.COMPLETED,
        reviewed_on=TODAY - dt.timedelta(days=90),
        reviewed_by=officer_user,
        oversight_by=officer_user,
        oversight_at=dt.datetime(2025, 1, 20, tzinfo=dt.UTC),
        oversight_outcome="agreed",
        oversight_note="Agreed.",
    )
    return person, earlier


def _due(person, officer_user) -> CaseReview:
    return CaseReview.objects.create(
        person=person,
        officer=officer_user.staff,
        team=officer_user.staff.team,
        reason="interval",
        due_on=TODAY,
        raised_at=dt.datetime(2025, 4, 10, tzinfo=dt.UTC),
    )


def _awaiting(person, officer_user) -> CaseReview:
    review = _due(person, officer_user)
    CaseReview.objects.filter(pk=review.pk).update(
        status=ReviewStatus.AWAITING_OVERSIGHT, reviewed_on=TODAY, reviewed_by=officer_user
    )
    return review


def _url(name: str, crn: str, review_id: int) -> str:
    return reverse(name, args=[crn]) if name == LIST else reverse(name, args=[crn, review_id])


def _target(name, person, officer_user) -> CaseReview:
    return _awaiting(person, officer_user) if name == OVERSIGHT else _due(person, officer_user)


def _state():
    return (
        list(CaseReview.objects.order_by("pk").values_list("pk", "status", "version")),
        AuditEvent.objects.exclude(action__in=["view", "refused", "export"]).count(),
    )


POSTS = {
    RECORD: {
        "version": "1",
        "progress": "p",
        "compliance": "c",
        "risk": "r",
        "next_steps": "n",
        "reviewed_on_0": "1",
        "reviewed_on_1": "1",
        "reviewed_on_2": "2025",
    },
    OVERSIGHT: {"version": "1", "outcome": "agreed", "note": "Agreed."},
}


@pytest.mark.parametrize("name", MATRIX_URLS)
def test_anonymous_user_is_sent_to_sign_in(client, reviews, officer_user, name):
    person, _ = reviews
    review = _target(name, person, officer_user)
    access.assert_sent_to_sign_in(access.get(client, None, _url(name, person.crn, review.pk)))


@pytest.mark.parametrize("name", MATRIX_URLS)
@pytest.mark.parametrize(
    "role", [Role.SYSTEM_ADMIN, Role.PARTNER, Role.CASE_ADMIN, Role.COURT_OFFICER, Role.VLO]
)
def test_roles_without_case_reviews_get_not_found(client, reviews, officer_user, name, role):
    person, _ = reviews
    review = _target(name, person, officer_user)
    staff = None if role in (Role.SYSTEM_ADMIN, Role.PARTNER) else StaffFactory(team=person.team)
    user = UserFactory(role=role, staff=staff)
    if role == Role.PARTNER:
        access.share(person, user)

    assert access.get(client, user, _url(name, person.crn, review.pk)).status_code == 404


def test_the_officer_reads_the_list_and_records_a_due_review(client, reviews, officer_user):
    person, earlier = reviews
    review = _due(person, officer_user)

    listed = access.get(client, officer_user, _url(LIST, person.crn, 0))
    assert listed.status_code == 200
    assert access.get(client, officer_user, _url(RECORD, person.crn, review.pk)).status_code == 200
    # A completed review cannot be recorded again; an officer does not oversee.
    assert access.get(client, officer_user, _url(RECORD, person.crn, earlier.pk)).status_code == 404
    assert access.get(client, officer_user, _url(OVERSIGHT, person.crn, review.pk)).status_code == 404


def test_the_team_manager_oversees_a_recorded_review(client, reviews, officer_user, spo_user):
    person, _ = reviews
    review = _awaiting(person, officer_user)

    assert access.get(client, spo_user, _url(OVERSIGHT, person.crn, review.pk)).status_code == 200
    assert access.get(client, spo_user, _url(LIST, person.crn, 0)).status_code == 200


@pytest.mark.parametrize("name", MATRIX_URLS)
def test_excluded_user_gets_the_same_page_as_for_a_missing_crn(client, reviews, officer_user, spo_user, name):
    person, _ = reviews
    review = _target(name, person, officer_user)
    user = spo_user if name == OVERSIGHT else officer_user
    access.exclude(person, user)

    denied = access.get(client, user, _url(name, person.crn, review.pk))
    missing = access.get(client, user, _url(name, access.MISSING_CRN, review.pk))

    access.assert_same_as_missing(denied, missing)


@pytest.mark.parametrize("name", MATRIX_URLS)
def test_user_not_on_restriction_list_gets_not_found(client, reviews, officer_user, spo_user, name):
    person, _ = reviews
    review = _target(name, person, officer_user)
    user = spo_user if name == OVERSIGHT else officer_user
    access.restrict_to_someone_else(person)

    assert access.get(client, user, _url(name, person.crn, review.pk)).status_code == 404


@pytest.mark.parametrize("name", MATRIX_URLS)
def test_user_on_restriction_list_sees_the_restricted_case(client, reviews, officer_user, spo_user, name):
    person, _ = reviews
    review = _target(name, person, officer_user)
    user = spo_user if name == OVERSIGHT else officer_user
    access.restrict(person, to=user)

    assert access.get(client, user, _url(name, person.crn, review.pk)).status_code == 200


@pytest.mark.parametrize("name", [RECORD, OVERSIGHT])
def test_staff_outside_the_managing_pdu_may_read_the_list_but_not_record_or_oversee(
    client, reviews, officer_user, name
):
    person, _ = reviews
    review = _target(name, person, officer_user)
    other = access.other_pdu_user()

    assert access.get(client, other, _url(LIST, person.crn, 0)).status_code == 200
    assert access.get(client, other, _url(name, person.crn, review.pk)).status_code == 404
    before = _state()
    assert client.post(_url(name, person.crn, review.pk), POSTS[name]).status_code == 404
    assert _state() == before


def test_a_manager_of_another_team_in_the_pdu_may_not_oversee(client, reviews, officer_user):
    person, _ = reviews
    review = _awaiting(person, officer_user)
    manager = UserFactory(role=Role.SENIOR_PO, staff=StaffFactory(team=TeamFactory(pdu=person.pdu)))

    assert access.get(client, manager, _url(OVERSIGHT, person.crn, review.pk)).status_code == 404
    before = _state()
    assert client.post(_url(OVERSIGHT, person.crn, review.pk), POSTS[OVERSIGHT]).status_code == 404
    assert _state() == before


@pytest.mark.parametrize("name", [RECORD, OVERSIGHT])
def test_a_review_of_another_case_is_not_found_through_this_case(
    client, reviews, officer_user, spo_user, name
):
    person, _ = reviews
    other_case = PersonFactory(officer=officer_user.staff, team=officer_user.staff.team)
    review = _target(name, other_case, officer_user)
    user = spo_user if name == OVERSIGHT else officer_user

    assert access.get(client, user, _url(name, person.crn, review.pk)).status_code == 404
