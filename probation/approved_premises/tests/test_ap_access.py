"""Every approved-premises page against every kind of user: anonymous, the practitioner (the case's PDU
and another), assessors with and without the qualification, the CRU, AP staff of this premises and of
another, an excluded officer, a restricted case, a partner and a role without AP work. Denied users
get exactly the page a missing CRN gets; a denied change writes nothing."""

import pytest
from django.urls import reverse

from probation.accounts.models import Role
from probation.accounts.tests.factories import UserFactory
from probation.approved_premises.models import (
    Application,
    Assessment,
    InformationRequest,
    OutOfServiceBed,
    PlacementRequest,
    SpaceBooking,
)
from probation.approved_premises.services.assessments import assessment_accept
from probation.approved_premises.services.bookings import space_booking_create
from probation.approved_premises.tests.factories import (
    ap_staff_at,
    assessor,
    out_of_service,
    premises_with_beds,
)
from probation.approved_premises.tests.helpers import licence_case, submitted_application
from probation.core.clock import today_uk
from probation.people.tests import access

pytestmark = pytest.mark.django_db

ESTATE = ["approved_premises:premises-list", "approved_premises:premises-detail"]
ESTATE_CHANGE = [
    "approved_premises:out-of-service-create",
    "approved_premises:premises-today",
    "approved_premises:booking",
    "approved_premises:premises-tonight",
]
CASE_READ = ["approved_premises:case", "approved_premises:application"]
APPLY = ["approved_premises:application-start"]
ASSESS = ["approved_premises:assess"]
MATCH = ["approved_premises:match"]
LISTS = ["approved_premises:assessment-list", "approved_premises:placement-list"]
NATIONAL = ["approved_premises:national", "approved_premises:national-csv"]
GET_PAGES = [*ESTATE, *ESTATE_CHANGE, *CASE_READ, *APPLY, *ASSESS, *MATCH, *LISTS, *NATIONAL]
POSTS = [
    "approved_premises:out-of-service-cancel",
    "approved_premises:application-start",
    "approved_premises:application-autosave",
    "approved_premises:assess-information",
    "approved_premises:book",
    "approved_premises:booking",
    "approved_premises:premises-tonight",
    "approved_premises:information-answer",
]
MATRIX_URLS = sorted({*GET_PAGES, *POSTS})


@pytest.fixture
def world(officer_user):
    """A licence case with an emergency application, assessed, accepted and booked at ``premises``;
    a second placement waiting; a bed out of service."""
    person = licence_case(officer_user)
    premises = premises_with_beds(3, name="Ashby House")
    other_premises = premises_with_beds(2, name="Beacon Lodge")
    cru = UserFactory(role=Role.AP_CRU, staff=None, username="cru")
    application = submitted_application(
        officer_user, person, days_to_arrival=3, notice_reason="risk_escalated"
    )
    assessment = Assessment.objects.get()
    placement = assessment_accept(
        actor=cru, assessment_id=assessment.pk, expected_version=assessment.version, criteria=[], stay_days=84
    )
    booked = space_booking_create(actor=cru, placement_id=placement.pk, premises_id=premises.pk)
    waiting = PlacementRequest.objects.create(
        application=application,
        person=person,
        arrival_on=placement.arrival_on,
        departure_on=placement.departure_on,
        created_at=placement.created_at,
        due_at=placement.due_at,
    )
    oos = out_of_service(premises.beds.first(), today_uk(), today_uk())
    question = InformationRequest.objects.create(
        assessment=assessment, question="Exclusion zone?", asked_by=cru, asked_at=placement.created_at
    )
    return {
        "person": person,
        "premises": premises,
        "other_premises": other_premises,
        "application": application,
        "placement": waiting,
        "oos": oos,
        "cru": cru,
        "booking": booked,
        "question": question,
    }


def _url(name, w, crn=None):
    crn = crn or w["person"].crn
    return {
        "approved_premises:premises-list": lambda: reverse(name),
        "approved_premises:premises-detail": lambda: reverse(name, args=[w["premises"].pk]),
        "approved_premises:out-of-service-create": lambda: reverse(name, args=[w["premises"].pk]),
        "approved_premises:premises-today": lambda: reverse(name, args=[w["premises"].pk]),
        "approved_premises:premises-tonight": lambda: reverse(name, args=[w["premises"].pk]),
        "approved_premises:booking": lambda: reverse(name, args=[w["premises"].pk, w["booking"].pk]),
        "approved_premises:out-of-service-cancel": lambda: reverse(
            name, args=[w["premises"].pk, w["oos"].pk]
        ),
        "approved_premises:case": lambda: reverse(name, args=[crn]),
        "approved_premises:application-start": lambda: reverse(name, args=[crn]),
        "approved_premises:application": lambda: reverse(name, args=[crn, w["application"].pk]),
        "approved_premises:application-autosave": lambda: reverse(name, args=[crn, w["application"].pk]),
        "approved_premises:assess": lambda: reverse(name, args=[crn, w["application"].pk]),
        "approved_premises:assess-information": lambda: reverse(name, args=[crn, w["application"].pk]),
        "approved_premises:assessment-list": lambda: reverse(name),
        "approved_premises:placement-list": lambda: reverse(name),
        "approved_premises:match": lambda: reverse(name, args=[crn, w["placement"].pk]),
        "approved_premises:book": lambda: reverse(name, args=[crn, w["placement"].pk]),
        "approved_premises:information-answer": lambda: reverse(
            name, args=[crn, w["application"].pk, w["question"].pk]
        ),
        "approved_premises:national": lambda: reverse(name),
        "approved_premises:national-csv": lambda: reverse(name),
    }[name]()


def _users(w, officer_user):
    person = w["person"]
    excluded = access.team_user(Role.PRACTITIONER, person, grade="PO")
    access.exclude(person, excluded)
    return {
        "practitioner": (officer_user, [*ESTATE, *CASE_READ, *APPLY]),
        "other PDU practitioner": (UserFactory(role=Role.PRACTITIONER), [*ESTATE, *CASE_READ]),
        "qualified assessor": (assessor("emergency"), [*ESTATE, *CASE_READ, *ASSESS, LISTS[0]]),
        "unqualified assessor": (assessor("pipe"), [*ESTATE, *CASE_READ, LISTS[0]]),
        "CRU": (w["cru"], [name for name in GET_PAGES if name not in APPLY]),
        "AP staff here": (ap_staff_at(w["premises"]), [*ESTATE, *ESTATE_CHANGE, *CASE_READ]),
        "AP staff elsewhere": (ap_staff_at(w["other_premises"]), ESTATE),
        "excluded practitioner": (excluded, ESTATE),
        "partner": (access.partner_user(), []),
        "victim liaison officer": (access.team_user(Role.VLO, person, grade="VLO"), []),
    }


def test_anonymous_users_are_sent_to_sign_in(client, world):
    for name in GET_PAGES:
        access.assert_sent_to_sign_in(client.get(_url(name, world)))


def test_each_user_opens_only_the_pages_their_role_and_scope_allow(client, world, officer_user):
    for who, (user, allowed) in _users(world, officer_user).items():
        for name in GET_PAGES:
            response = access.get(client, user, _url(name, world))
            assert response.status_code == (200 if name in allowed else 404), (who, name)


def test_denied_case_pages_look_exactly_like_a_missing_crn(client, world, officer_user):
    users = _users(world, officer_user)
    for who in ("AP staff elsewhere", "excluded practitioner", "partner", "unqualified assessor"):
        user, allowed = users[who]
        for name in [*CASE_READ, *APPLY, *ASSESS, *MATCH]:
            if name in allowed:
                continue
            denied = access.get(client, user, _url(name, world))
            missing = access.get(client, user, _url(name, world, crn=access.MISSING_CRN))
            access.assert_same_as_missing(denied, missing)


def test_a_restricted_case_is_hidden_from_the_cru_and_assessors(client, world):
    access.restrict_to_someone_else(world["person"])
    for user in (world["cru"], assessor("emergency", "lao")):
        for name in [*CASE_READ, *ASSESS, *MATCH]:
            assert access.get(client, user, _url(name, world)).status_code == 404, name
        client.force_login(user)
        rows = client.get(reverse("approved_premises:assessment-list")).context["rows"]
        assert world["person"].crn not in [r.crn for r in rows]


def _state():
    return (
        list(Application.objects.values_list("pk", "status", "version")),
        list(Assessment.objects.values_list("pk", "decision", "version")),
        list(InformationRequest.objects.values_list("pk", "answered_at")),
        list(PlacementRequest.objects.values_list("pk", "status")),
        list(SpaceBooking.objects.values_list("pk", "status", "version")),
        list(OutOfServiceBed.objects.values_list("pk", "cancelled_at")),
    )


def test_denied_changes_change_nothing(client, world, officer_user):
    users = _users(world, officer_user)
    before = _state()
    posts = {
        "approved_premises:out-of-service-cancel": {},
        "approved_premises:application-start": {},
        "approved_premises:application-autosave": {"version": world["application"].version, "arson": "x"},
        "approved_premises:assess-information": {"version": 3, "question": "Why?"},
        "approved_premises:book": {"premises": world["premises"].pk},
        "approved_premises:booking": {"action": "key_work", "key_work-day_0": "1"},
        "approved_premises:premises-tonight": {"booking": world["booking"].pk, "action": "missed"},
        "approved_premises:information-answer": {f"q{world['question'].pk}-answer": "Yes"},
    }
    denied = {
        "other PDU practitioner": POSTS,
        "unqualified assessor": POSTS,
        "AP staff elsewhere": POSTS,
        "excluded practitioner": POSTS,
        "partner": POSTS,
        "victim liaison officer": POSTS,
        "practitioner": [
            "approved_premises:out-of-service-cancel",
            "approved_premises:book",
            "approved_premises:booking",
            "approved_premises:premises-tonight",
            POSTS[3],
        ],
        "AP staff here": [n for n in POSTS[1:] if n not in ESTATE_CHANGE],
    }
    for who, names in denied.items():
        client.force_login(users[who][0])
        for name in names:
            response = client.post(_url(name, world), posts[name])
            assert response.status_code == 404, (who, name)
    assert _state() == before
