"""The RAR activities page against every kind of user, and booking a structured intervention or
toolkit session: an appointment linked to the RAR requirement, what it delivers recorded beside it,
refusals that write nothing, progress through each intervention shown from the outcomes."""

import datetime as dt

import pytest
from django.urls import reverse

from probation.accounts.models import Role
from probation.audit.models import AuditEvent
from probation.contacts.models import Contact
from probation.core.clock import LONDON
from probation.people.tests import access
from probation.people.tests.factories import PersonFactory
from probation.plans.models import RarActivity
from probation.sentences.tests.factories import RequirementFactory, SentenceFactory

pytestmark = pytest.mark.django_db

MATRIX_URLS = ["plans:rar-activities"]
NEXT_WEEK = dt.date.today() + dt.timedelta(days=7)
while NEXT_WEEK.weekday() >= 5:  # a weekday, so no bank-holiday or weekend question
    NEXT_WEEK += dt.timedelta(days=1)


@pytest.fixture
def rar(officer_user):
    sentence = SentenceFactory(event__person=PersonFactory(officer=officer_user.staff))
    return RequirementFactory(sentence=sentence, type="rehabilitation_activity", ordered=20)


def _url(rar, crn=None):
    return reverse("plans:rar-activities", args=[crn or rar.sentence.person.crn, rar.pk])


def _post(**fields):
    return {
        "intervention": "stepwise_emotions",
        "toolkit_name": "",
        "type": "planned_office_visit",
        "date_0": NEXT_WEEK.day,
        "date_1": NEXT_WEEK.month,
        "date_2": NEXT_WEEK.year,
        "start_time": "10:00",
        "end_time": "11:00",
    } | fields


def _state():
    return (
        Contact.objects.count(),
        RarActivity.objects.count(),
        AuditEvent.objects.exclude(action__in=["view", "refused"]).count(),
    )


def test_anonymous_user_is_sent_to_sign_in(client, rar):
    access.assert_sent_to_sign_in(access.get(client, None, _url(rar)))


def test_permitted_practitioner_sees_the_page_audited(client, rar, officer_user):
    response = access.get(client, officer_user, _url(rar))

    assert response.status_code == 200
    assert "RAR days used: <strong>0</strong> of 20" in response.content.decode()
    event = AuditEvent.objects.get(action="view")
    assert (event.object_type, event.object_id) == ("requirement", str(rar.pk))


@pytest.mark.parametrize("who", ["excluded", "restricted", "partner", "admin"])
def test_denied_users_get_the_missing_page(client, rar, officer_user, admin_user, who):
    user = {"excluded": officer_user, "restricted": officer_user, "admin": admin_user}.get(who)
    if who == "excluded":
        access.exclude(rar.sentence.person, officer_user)
    if who == "restricted":
        access.restrict_to_someone_else(rar.sentence.person)
    if who == "partner":
        user = access.partner_user()
        access.share(rar.sentence.person, user)

    denied = access.get(client, user, _url(rar))
    missing = access.get(client, user, _url(rar, access.MISSING_CRN))

    access.assert_same_as_missing(denied, missing)


def test_another_requirement_type_or_another_persons_requirement_is_not_found(client, rar, officer_user):
    upw = RequirementFactory(sentence=rar.sentence)
    other = PersonFactory(officer=officer_user.staff)

    assert access.get(client, officer_user, _url(upw)).status_code == 404
    assert access.get(client, officer_user, _url(rar, other.crn)).status_code == 404


@pytest.mark.parametrize("role", [Role.CASE_ADMIN, Role.VLO])
def test_read_only_roles_see_the_page_without_the_booking_form_and_cannot_post(client, rar, role):
    user = access.team_user(role, rar.sentence.person)

    response = access.get(client, user, _url(rar))
    before = _state()

    assert response.status_code == 200
    assert "Book a session" not in response.content.decode()
    assert client.post(_url(rar), _post()).status_code == 404
    assert _state() == before


def test_staff_outside_the_pdu_cannot_book(client, rar):
    client.force_login(access.other_pdu_user())
    before = _state()

    assert client.post(_url(rar), _post()).status_code == 404
    assert _state() == before


def test_booking_a_session_makes_an_appointment_linked_to_the_requirement(client, rar, officer_user):
    client.force_login(officer_user)

    response = client.post(_url(rar), _post())

    assert response.status_code == 302
    activity = RarActivity.objects.select_related("contact").get()
    contact = activity.contact
    assert (contact.requirement_id, contact.sentence_id, contact.type) == (
        rar.pk,
        rar.sentence_id,
        "planned_office_visit",
    )
    assert contact.starts_at == dt.datetime.combine(NEXT_WEEK, dt.time(10), tzinfo=LONDON)
    assert activity.intervention == "stepwise_emotions"
    assert AuditEvent.objects.filter(action="create", object_type="rar_activity").count() == 1


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"intervention": "toolkit"}, "Enter the name of the toolkit"),
        ({"intervention": ""}, "Choose a structured intervention or toolkit"),
        ({"type": "programme_session"}, "Select a valid choice"),
    ],
)
def test_bad_input_is_refused_with_a_message_and_nothing_written(client, rar, officer_user, fields, message):
    client.force_login(officer_user)
    before = _state()

    response = client.post(_url(rar), _post(**fields))

    assert response.status_code == 200
    assert message in response.content.decode()
    assert _state() == before


def test_progress_through_each_intervention_counts_attended_sessions(client, rar, officer_user):
    client.force_login(officer_user)
    for days in (0, 7):
        on = NEXT_WEEK + dt.timedelta(days=days)
        client.post(_url(rar), _post(date_0=on.day, date_1=on.month, date_2=on.year))
    client.post(
        _url(rar),
        _post(
            intervention="toolkit",
            toolkit_name="Thinking about drinking",
            start_time="14:00",
            end_time="15:00",
        ),
    )
    Contact.objects.filter(rar_activity__intervention="stepwise_emotions").order_by("starts_at").filter(
        pk=Contact.objects.filter(rar_activity__intervention="stepwise_emotions").order_by("starts_at")[0].pk
    ).update(outcome="ATTC", outcome_recorded_by=officer_user, outcome_recorded_at=dt.datetime.now(dt.UTC))

    page = client.get(_url(rar)).content.decode()

    assert "Stepwise Emotions (structured intervention, emotional management)" in page
    assert "1 of at least 4 sessions attended" in page
    assert "Toolkits: Thinking about drinking" in page
    assert "0 sessions attended" in page
