"""Every breach and recall page against every kind of user: anonymous, system admin, partner (even
with a share), VLO (read-only), outside the managing PDU, excluded, restricted, permitted. Denied users
get exactly the page a missing CRN gets, and a denied change writes nothing."""

import datetime as dt

import pytest
from django.urls import reverse

from probation.accounts.models import Role
from probation.audit.models import AuditEvent
from probation.enforcement.models import Breach, Recall
from probation.enforcement.services.breach import breach_initiate
from probation.enforcement.services.recall import (
    RecallRecommendation,
    recall_decide,
    recall_recommend,
    recall_start,
)
from probation.enforcement.tests.test_breach_workflow_data import failure_on, licence_for, order_for
from probation.people.models import PersonChange
from probation.people.tests import access
from probation.people.tests.factories import PersonFactory

pytestmark = pytest.mark.django_db

VIEW_PAGES = ["breach-detail", "breach-pack", "recall-detail", "recall-letter"]
CHANGE_PAGES = [
    "breach-initiate",
    "breach-pack-sent",
    "breach-outcome",
    "recall-start",
    "recall-recommend",
    "recall-custody",
    "recall-re-release",
    "recall-licence-ended",
]
ALL_PAGES = VIEW_PAGES + CHANGE_PAGES + ["recall-decide"]
MATRIX_URLS = [f"enforcement:{name}" for name in ALL_PAGES]


def _date(name, day):
    return {f"{name}_0": str(day.day), f"{name}_1": str(day.month), f"{name}_2": str(day.year)}


@pytest.fixture
def case(officer_user, spo_user):
    """A person with: an order with a breach in progress and a second order with a failure; a licence with
    a no-recall decision and a recall awaiting decision; a second licence with no recall."""
    person = PersonFactory(officer=officer_user.staff)
    order = order_for(person)
    breach = breach_initiate(
        actor=officer_user,
        crn=person.crn,
        sentence_id=order.pk,
        initiated_on=dt.date(2026, 4, 20),
        failure_ids=[failure_on(order, dt.date(2026, 4, 14)).pk],
        recommendation="Continue",
    )
    second_order = order_for(person)
    second_failure = failure_on(second_order, dt.date(2026, 4, 14))
    licence = licence_for(person)
    condition = licence.conditions.first()
    recalls = []
    for decide in (True, False):
        recall = recall_start(
            actor=officer_user,
            crn=person.crn,
            sentence_id=licence.sentence_id,
            circumstances="x",
            emergency=False,
        )
        recall_recommend(
            actor=officer_user,
            crn=person.crn,
            recall_id=recall.pk,
            expected_version=1,
            answers=RecallRecommendation(
                condition_ids=[condition.pk],
                alternatives=[],
                alternatives_notes="",
                charged_with_new_offence=False,
                referred_to_parole_board=False,
                victims_in_contact_scheme=False,
                recommendation="no_recall",
                recommended_type="",
                reason="Engaging",
            ),
        )
        if decide:
            recall_decide(
                actor=spo_user,
                crn=person.crn,
                recall_id=recall.pk,
                expected_version=2,
                decision="no_recall",
                recall_type="",
                rationale="Engaging",
            )
        recalls.append(recall)
    second_licence = licence_for(person)
    return {
        "person": person,
        "breach": breach,
        "second_order": second_order,
        "second_failure": second_failure,
        "no_recall": recalls[0],
        "awaiting": recalls[1],
        "condition": condition,
        "second_licence": second_licence,
    }


def _url(name, crn, case):
    breach = case["breach"]
    if name.startswith("breach-") and name != "breach-initiate":
        return reverse(f"enforcement:{name}", args=[crn, breach.sentence_id, breach.pk])
    if name == "breach-initiate":
        return reverse("enforcement:breach-initiate", args=[crn, case["second_order"].pk])
    if name == "recall-start":
        return reverse("enforcement:recall-start", args=[crn, case["second_licence"].sentence_id])
    if name == "recall-letter":
        return reverse("enforcement:recall-letter", args=[crn, case["no_recall"].pk])
    return reverse(f"enforcement:{name}", args=[crn, case["awaiting"].pk])


def _posts(case):
    today = dt.date.today()
    return {
        "breach-initiate": {
            **_date("initiated_on", dt.date(2026, 4, 20)),
            "failures": [case["second_failure"].pk],
            "recommendation": "x",
        },
        "breach-pack-sent": {
            "court": "Leeds",
            **_date("hearing_date", dt.date(2026, 5, 20)),
            **_date("sent_on", dt.date(2026, 4, 22)),
            "version": "1",
        },
        "breach-outcome": {
            "outcome": "withdrawn",
            **_date("outcome_on", dt.date(2026, 4, 22)),
            "version": "1",
        },
        "recall-start": {"circumstances": "x", "emergency": "no"},
        "recall-recommend": {"breached_conditions": [case["condition"].pk], "version": "2"},
        "recall-decide": {"decision": "no_recall", "rationale": "x", "version": "2"},
        "recall-custody": {**_date("on", today), "version": "2"},
        "recall-re-release": {**_date("on", today), "version": "2"},
        "recall-licence-ended": {**_date("on", today), "version": "2"},
    }


def _get(client, user, name, crn, case):
    return access.get(client, user, _url(name, crn, case))


def _state():
    return (
        list(Breach.objects.values_list("pk", "status", "version")),
        list(Recall.objects.values_list("pk", "status", "version")),
        PersonChange.objects.count(),
        AuditEvent.objects.exclude(
            action__in=["view", "refused"]
        ).count(),  # a refusal is a trace, not a change
    )


def _vlo(case):
    return access.team_user(Role.VLO, case["person"])


@pytest.mark.parametrize("name", ALL_PAGES)
def test_anonymous_user_is_sent_to_sign_in(client, case, name):
    response = client.get(_url(name, case["person"].crn, case))

    access.assert_sent_to_sign_in(response)


@pytest.mark.parametrize("name", ALL_PAGES)
def test_system_admin_gets_the_same_page_as_for_a_missing_crn(client, case, admin_user, name):
    denied = _get(client, admin_user, name, case["person"].crn, case)

    assert denied.status_code == 404
    assert access.body(denied) == access.body(_get(client, admin_user, name, access.MISSING_CRN, case))


@pytest.mark.parametrize("name", ALL_PAGES)
def test_partner_gets_not_found_even_for_a_shared_case(client, case, name):
    partner = access.partner_user(agency="Police")
    access.share(case["person"], partner)

    assert _get(client, partner, name, case["person"].crn, case).status_code == 404


@pytest.mark.parametrize("name", ALL_PAGES)
def test_excluded_user_gets_the_same_page_as_for_a_missing_crn(client, case, officer_user, name):
    access.exclude(case["person"], officer_user)

    denied = _get(client, officer_user, name, case["person"].crn, case)
    missing = _get(client, officer_user, name, access.MISSING_CRN, case)

    access.assert_same_as_missing(denied, missing)


@pytest.mark.parametrize("name", ALL_PAGES)
def test_user_not_on_the_restriction_list_gets_not_found(client, case, officer_user, name):
    access.restrict_to_someone_else(case["person"])

    assert _get(client, officer_user, name, case["person"].crn, case).status_code == 404


@pytest.mark.parametrize("name", VIEW_PAGES + CHANGE_PAGES)
def test_permitted_practitioner_sees_every_page_but_the_decision(client, case, officer_user, name):
    assert _get(client, officer_user, name, case["person"].crn, case).status_code == 200
    assert _get(client, officer_user, "recall-decide", case["person"].crn, case).status_code == 404


def test_senior_po_in_the_pdu_sees_the_decision_page(client, case, spo_user):
    assert _get(client, spo_user, "recall-decide", case["person"].crn, case).status_code == 200


@pytest.mark.parametrize("name", VIEW_PAGES)
def test_vlo_and_staff_outside_the_pdu_can_read(client, case, name):
    for user in (_vlo(case), access.other_pdu_user()):
        assert _get(client, user, name, case["person"].crn, case).status_code == 200


@pytest.mark.parametrize("name", [*CHANGE_PAGES, "recall-decide"])
def test_vlo_staff_outside_the_pdu_excluded_and_partners_posting_change_nothing(
    client, case, officer_user, name
):
    partner = access.partner_user()
    excluded = access.team_user(Role.PRACTITIONER, case["person"])
    access.exclude(case["person"], excluded)
    before = _state()

    for user in (_vlo(case), access.other_pdu_user(), partner, excluded):
        client.force_login(user)
        assert client.get(_url(name, case["person"].crn, case)).status_code == 404
        assert client.post(_url(name, case["person"].crn, case), _posts(case)[name]).status_code == 404

    assert _state() == before


def test_a_breach_or_recall_of_another_person_is_not_found(client, case, officer_user):
    other = PersonFactory(officer=officer_user.staff)
    client.force_login(officer_user)

    for name in ALL_PAGES:
        assert client.get(_url(name, other.crn, case)).status_code == 404
