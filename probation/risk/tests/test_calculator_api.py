"""POST /api/v1/predictors/<slug>: the same answer as `calculate(name, payload)`, 400 with every
problem for bad input or malformed JSON, 404 for an unknown predictor; session auth and CSRF."""

import json

import pytest
from django.test import Client
from django.urls import reverse

from probation.audit.models import AuditEvent
from probation.risk.forms.calculators import CALCULATORS
from probation.risk.tests.test_calculator_cases import VALID
from probation.rules.predictors import PredictorInputError, calculate
from probation.rules.predictors.payload import to_jsonable

pytestmark = pytest.mark.django_db
SLUGS = list(CALCULATORS)


def _url(slug):
    return reverse("risk:api-predictor", args=[slug])


def _post(client, slug, body, **extra):
    text = body if isinstance(body, str) else json.dumps(body)
    return client.post(_url(slug), text, content_type="application/json", **extra)


def _payload(slug):
    return to_jsonable(VALID[slug][1])


def _audited():
    return [
        (e.object_id, e.detail)
        for e in AuditEvent.objects.filter(object_type="predictor_calculation").order_by("seq")
    ]


@pytest.fixture
def signed_in(client, officer_user):
    client.force_login(officer_user)
    return client


@pytest.mark.parametrize("slug", SLUGS)
def test_valid_inputs_return_exactly_what_calculate_returns(signed_in, slug):
    payload = _payload(slug)

    response = _post(signed_in, slug, payload)

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    expected = json.loads(json.dumps(calculate(CALCULATORS[slug].key, payload)))
    assert response.json() == expected
    assert set(response.json()) == {"predictor", "inputs", "result"}


def test_ogrs3_scores_through_the_api_match_the_pure_function(signed_in):
    calculate_ogrs3, inputs = VALID["ogrs3"]
    result = calculate_ogrs3(inputs)

    body = _post(signed_in, "ogrs3", _payload("ogrs3")).json()

    assert body["predictor"] == "ogrs3"
    assert body["result"]["two_year_percent"] == result.two_year_percent == 51
    assert body["result"]["band"] == "medium"


def test_invalid_inputs_return_400_with_every_problem(signed_in):
    payload = _payload("ovp") | {"violent_sanctions": 20, "total_sanctions": "12", "colour": "blue"}
    with pytest.raises(PredictorInputError) as refused:
        calculate("ovp", payload)

    response = _post(signed_in, "ovp", payload)

    assert response.status_code == 400
    assert response.json() == refused.value.as_dict()
    assert {error["field"] for error in response.json()["errors"]} == {"total_sanctions", "colour"}


def test_missing_required_input_is_named(signed_in):
    payload = _payload("ogrs3")
    del payload["date_of_birth"]

    response = _post(signed_in, "ogrs3", payload)

    assert response.status_code == 400
    assert response.json() == {
        "errors": [{"field": "date_of_birth", "message": "Date of birth is required."}]
    }


def test_malformed_json_returns_400(signed_in):
    response = _post(signed_in, "ogrs3", '{"gender": "male",')

    assert response.status_code == 400
    assert response.json() == {
        "errors": [{"field": "payload", "message": "The request body is not valid JSON."}]
    }


def test_json_that_is_not_an_object_returns_400(signed_in):
    response = _post(signed_in, "snsv", [1, 2, 3])

    assert response.status_code == 400
    assert response.json() == {
        "errors": [{"field": "payload", "message": "The inputs must be a JSON object."}]
    }


def test_body_that_is_not_utf8_returns_400(signed_in):
    response = signed_in.post(_url("ogrs3"), b"\xff\xfe\xfa", content_type="application/json")

    assert response.status_code == 400
    assert response.json()["errors"][0]["field"] == "payload"


def test_unknown_predictor_returns_404_and_is_not_audited(signed_in):
    response = _post(signed_in, "ogrs4", _payload("ogrs3"))

    assert response.status_code == 404
    assert response.json() == {"error": "not_found"}
    assert _audited() == []


def test_predictor_names_are_accepted_as_the_command_line_writes_them(signed_in):
    response = _post(signed_in, "OSP_DC", _payload("osp-dc"))

    assert response.status_code == 200
    assert response.json()["predictor"] == "osp_dc"
    assert _audited() == [("osp-dc", {"predictor": "osp-dc", "outcome": "scored"})]


def test_get_is_not_allowed(signed_in):
    assert signed_in.get(_url("ogrs3")).status_code == 405


def test_each_api_calculation_is_audited_without_its_inputs(signed_in):
    _post(signed_in, "rsr", _payload("rsr"))
    _post(signed_in, "rsr", {"gender": "male"})
    _post(signed_in, "rsr", "not json")

    assert _audited() == [
        ("rsr", {"predictor": "rsr", "outcome": "scored"}),
        ("rsr", {"predictor": "rsr", "outcome": "invalid"}),
        ("rsr", {"predictor": "rsr", "outcome": "invalid"}),
    ]


def test_post_without_the_csrf_token_is_refused_and_not_audited(officer_user):
    client = Client(enforce_csrf_checks=True)
    client.force_login(officer_user)

    response = _post(client, "ogrs3", _payload("ogrs3"))

    assert response.status_code == 403
    assert _audited() == []


def test_post_with_the_csrf_token_in_the_header_is_accepted(officer_user):
    client = Client(enforce_csrf_checks=True)
    client.force_login(officer_user)
    client.get(reverse("risk:calculator", args=["ogrs3"]))
    token = client.cookies["csrftoken"].value

    response = _post(client, "ogrs3", _payload("ogrs3"), HTTP_X_CSRFTOKEN=token)

    assert response.status_code == 200
