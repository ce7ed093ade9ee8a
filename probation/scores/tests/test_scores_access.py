"""The predictor scores pages against every kind of user: anonymous, partner (even with a share),
outside the managing PDU, excluded, restricted, read-only roles, permitted. Denied users get the
page a missing CRN gets, and a denied calculation or edit writes nothing."""

import datetime as dt

import pytest
from django.urls import reverse

from probation.accounts.models import Role
from probation.audit.models import AuditEvent
from probation.people.models import PersonChange
from probation.people.tests import access
from probation.people.tests.factories import PersonFactory
from probation.scores.models import CriminalHistory, PredictorScore
from probation.scores.tests.factories import CriminalHistoryFactory, current_community_sentence

pytestmark = pytest.mark.django_db

PAGES = ["scores:case", "scores:history-inputs"]
MATRIX_URLS = PAGES
HISTORY_POST = {
    "previous_sanctions": "4",
    "previous_violent_sanctions": "0",
    "contact_adult_sanctions": "0",
    "contact_child_sanctions": "0",
    "non_contact_sanctions": "0",
    "indecent_image_sanctions": "0",
    "first_sanction_date_0": "1",
    "first_sanction_date_1": "6",
    "first_sanction_date_2": "2006",
    "version": "1",
}
POSTS = {"scores:case": {}, "scores:history-inputs": HISTORY_POST}


@pytest.fixture
def case(officer_user):
    person = PersonFactory(officer=officer_user.staff, date_of_birth=dt.date(1990, 1, 1))
    current_community_sentence(person)
    CriminalHistoryFactory(person=person, previous_sanctions=4, first_sanction_date=dt.date(2006, 6, 1))
    return person


def _get(client, user, name, crn):
    return access.get(client, user, reverse(name, args=[crn]))


def _state():
    return (
        PredictorScore.objects.count(),
        list(CriminalHistory.objects.values_list("pk", "version", "previous_sanctions")),
        PersonChange.objects.count(),
        AuditEvent.objects.exclude(
            action__in=["view", "refused"]
        ).count(),  # a refusal is a trace, not a change
    )


@pytest.mark.parametrize("name", PAGES)
def test_anonymous_user_is_sent_to_sign_in(client, case, name):
    response = client.get(reverse(name, args=[case.crn]))

    access.assert_sent_to_sign_in(response)


@pytest.mark.parametrize("name", PAGES)
def test_partner_gets_not_found_even_for_a_case_shared_with_them(client, case, name):
    partner = access.partner_user(agency="Police")
    access.share(case, partner, expires_on=dt.date(2099, 1, 1))
    before = _state()

    assert _get(client, partner, name, case.crn).status_code == 404
    assert client.post(reverse(name, args=[case.crn]), POSTS[name]).status_code == 404
    assert _state() == before


@pytest.mark.parametrize("name", PAGES)
def test_excluded_user_gets_the_same_page_as_for_a_missing_crn(client, case, officer_user, name):
    access.exclude(case, officer_user)
    before = _state()

    denied = _get(client, officer_user, name, case.crn)
    missing = _get(client, officer_user, name, access.MISSING_CRN)

    access.assert_same_as_missing(denied, missing)
    assert client.post(reverse(name, args=[case.crn]), POSTS[name]).status_code == 404
    assert _state() == before


@pytest.mark.parametrize("name", PAGES)
def test_user_not_on_restriction_list_gets_not_found(client, case, officer_user, name):
    access.restrict_to_someone_else(case)

    denied = _get(client, officer_user, name, case.crn)

    assert denied.status_code == 404
    assert access.body(denied) == access.body(_get(client, officer_user, name, access.MISSING_CRN))


@pytest.mark.parametrize("name", PAGES)
def test_system_admin_gets_not_found(client, case, admin_user, name):
    assert _get(client, admin_user, name, case.crn).status_code == 404


def test_staff_outside_the_managing_pdu_can_view_but_not_calculate_or_edit(client, case):
    elsewhere = access.other_pdu_user()  # a different PDU
    before = _state()

    page = _get(client, elsewhere, "scores:case", case.crn)

    assert page.status_code == 200
    assert b"Calculate scores" not in page.content
    assert b"the criminal history</a>" not in page.content
    assert client.post(reverse("scores:case", args=[case.crn])).status_code == 404
    assert _get(client, elsewhere, "scores:history-inputs", case.crn).status_code == 404
    assert client.post(reverse("scores:history-inputs", args=[case.crn]), HISTORY_POST).status_code == 404
    assert _state() == before


def test_vlo_can_view_scores_but_not_calculate(client, case):
    vlo = access.team_user(Role.VLO, case)
    before = _state()

    page = _get(client, vlo, "scores:case", case.crn)

    assert page.status_code == 200
    assert b"Calculate scores" not in page.content
    assert client.post(reverse("scores:case", args=[case.crn])).status_code == 404
    assert _state() == before


def test_permitted_practitioner_calculates_from_the_page(client, case, officer_user):
    client.force_login(officer_user)

    response = client.post(reverse("scores:case", args=[case.crn]))

    assert response.status_code == 302
    assert PredictorScore.objects.filter(person=case, predictor="ogrs3").count() == 1
    page = client.get(reverse("scores:case", args=[case.crn]))
    assert b"51% within 2 years (34% within 1 year)" in page.content
    assert b"Medium" in page.content
    assert b"Soliciting or prostitution" in page.content  # a feature value
    assert b"There is no completed needs assessment." in page.content  # OGP's reason


def test_permitted_practitioner_saves_the_criminal_history(client, case, officer_user):
    client.force_login(officer_user)

    response = client.post(
        reverse("scores:history-inputs", args=[case.crn]), HISTORY_POST | {"previous_sanctions": "6"}
    )

    assert response.status_code == 302
    history = CriminalHistory.objects.get(person=case)
    assert (history.previous_sanctions, history.version) == (6, 2)
    assert PersonChange.objects.filter(entity="criminal_history", entity_id=history.pk).count() == 1


def test_stale_history_form_is_refused_with_what_changed(client, case, officer_user):
    client.force_login(officer_user)
    client.post(reverse("scores:history-inputs", args=[case.crn]), HISTORY_POST | {"previous_sanctions": "6"})

    response = client.post(
        reverse("scores:history-inputs", args=[case.crn]), HISTORY_POST | {"previous_sanctions": "7"}
    )

    assert response.status_code == 409
    assert CriminalHistory.objects.get(person=case).previous_sanctions == 6


def test_bad_history_input_gives_an_error_and_changes_nothing(client, case, officer_user):
    client.force_login(officer_user)
    before = _state()

    response = client.post(
        reverse("scores:history-inputs", args=[case.crn]), HISTORY_POST | {"previous_violent_sanctions": "5"}
    )

    assert response.status_code == 200
    assert b"Violent sanctions must not be more than the previous sanctions" in response.content
    assert _state() == before


def test_every_view_is_audited(client, case, officer_user):
    client.force_login(officer_user)

    client.get(reverse("scores:case", args=[case.crn]))
    client.get(reverse("scores:history-inputs", args=[case.crn]))

    views = AuditEvent.objects.filter(action="view", crn=case.crn)
    assert sorted(views.values_list("object_type", flat=True)) == ["criminal_history", "predictor_score"]


def test_scores_page_query_count_does_not_grow_with_history(
    client, case, officer_user, django_assert_max_num_queries
):
    client.force_login(officer_user)
    for _ in range(3):
        client.post(reverse("scores:case", args=[case.crn]))

    with django_assert_max_num_queries(30):
        assert client.get(reverse("scores:case", args=[case.crn])).status_code == 200
