"""Who may use the calculators: every staff role with PREDICTOR_CALCULATE; anonymous users are sent
to sign in; partners and system administrators get the page a missing calculator gets, and
nothing is calculated or audited for them."""

import json

import pytest
from django.urls import reverse

from probation.accounts.models import Role
from probation.accounts.tests.factories import UserFactory
from probation.audit.models import AuditEvent
from probation.people.tests import access
from probation.risk.tests.test_calculator_cases import VALID, form_data
from probation.rules.predictors.payload import to_jsonable

pytestmark = pytest.mark.django_db
PERMITTED = [Role.PRACTITIONER, Role.SENIOR_PO, Role.CASE_ADMIN, Role.COURT_OFFICER, Role.VLO, Role.AP_STAFF]
DENIED = [Role.PARTNER, Role.SYSTEM_ADMIN]
MATRIX_URLS = ["risk:calculator-list", "risk:calculator", "risk:api-predictor"]


def _requests():
    """(description, method, url, data) for every calculator endpoint."""
    return [
        ("list", "get", reverse("risk:calculator-list"), None),
        ("page", "get", reverse("risk:calculator", args=["ogrs3"]), None),
        ("calculate", "post", reverse("risk:calculator", args=["ogrs3"]), form_data(VALID["ogrs3"][1])),
    ]


def _api(client):
    payload = json.dumps(to_jsonable(VALID["ogrs3"][1]))
    return client.post(
        reverse("risk:api-predictor", args=["ogrs3"]), payload, content_type="application/json"
    )


def _calculations():
    return AuditEvent.objects.filter(object_type="predictor_calculation").count()


def _send(client, method, url, data):
    return client.post(url, data) if method == "post" else client.get(url)


@pytest.mark.parametrize("index", range(3))
def test_anonymous_user_is_sent_to_sign_in(client, index):
    _, method, url, data = _requests()[index]

    response = _send(client, method, url, data)

    assert response.status_code == 302
    assert response["Location"] == f"/sign-in?next={url}"


def test_anonymous_api_call_is_sent_to_sign_in_and_not_calculated(client):
    response = _api(client)

    assert response.status_code == 302
    assert response["Location"] == "/sign-in?next=/api/v1/predictors/ogrs3"
    assert _calculations() == 0


@pytest.mark.parametrize("role", DENIED)
@pytest.mark.parametrize("index", range(3))
def test_partner_and_system_admin_get_not_found_and_nothing_is_audited(client, role, index):
    _, method, url, data = _requests()[index]
    client.force_login(UserFactory(role=role))

    response = _send(client, method, url, data)

    assert response.status_code == 404
    assert _calculations() == 0


@pytest.mark.parametrize("role", DENIED)
def test_denied_user_gets_the_same_page_as_for_a_missing_calculator(client, role):
    client.force_login(UserFactory(role=role))

    denied = client.get(reverse("risk:calculator", args=["ogrs3"]))
    missing = client.get(reverse("risk:calculator", args=["no-such-predictor"]))

    access.assert_same_as_missing(denied, missing)


@pytest.mark.parametrize("role", DENIED)
def test_denied_api_user_gets_the_same_answer_as_for_an_unknown_predictor(client, role):
    client.force_login(UserFactory(role=role))

    response = _api(client)

    assert response.status_code == 404
    assert response.json() == {"error": "not_found"}
    assert _calculations() == 0


@pytest.mark.parametrize("role", PERMITTED)
def test_every_staff_role_may_use_the_calculators(client, role):
    client.force_login(UserFactory(role=role))

    for _, method, url, data in _requests():
        assert _send(client, method, url, data).status_code == 200
    assert _api(client).status_code == 200
    assert _calculations() == 2


def test_court_officer_sees_the_score_without_any_case(client):
    client.force_login(UserFactory(role=Role.COURT_OFFICER))

    response = client.post(reverse("risk:calculator", args=["ogrs3"]), form_data(VALID["ogrs3"][1]))

    assert response.status_code == 200
    assert response.context["result"].scores[1].value == "51%"
