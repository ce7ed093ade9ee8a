"""The case-page shell (people/shell.py): sections registered by each app, one audit path, one 404."""

import re

import pytest
from django.urls import reverse

from probation.accounts.models import Role
from probation.accounts.policy import Permission, has_permission
from probation.accounts.tests.factories import UserFactory
from probation.audit.models import AuditEvent
from probation.core.case_sections import case_sections
from probation.people.presenters import case_sub_navigation
from probation.people.tests.factories import PersonFactory

pytestmark = pytest.mark.django_db


def _without_nonce(response):
    return re.sub(r'nonce="[^"]*"|name="csrfmiddlewaretoken" value="[^"]*"', "", response.content.decode())


# The sub-navigation as people/presenters.py named it before the sections registered themselves.
BEFORE = (
    ("overview", "Personal details", "people:case-overview", Permission.CASE_VIEW),
    ("addresses", "Addresses", "people:case-addresses", Permission.CASE_VIEW),
    ("circumstances", "Circumstances", "people:case-circumstances", Permission.CASE_VIEW_CIRCUMSTANCES),
    ("allocation", "Allocation", "people:case-allocation", Permission.CASE_VIEW_CIRCUMSTANCES),
    ("sentences", "Sentences", "sentences:list", Permission.SENTENCE_VIEW),
    ("contacts", "Contacts", "contacts:list", Permission.CONTACT_VIEW),
    ("registrations", "Risk flags", "risk:registration-list", Permission.REGISTRATION_VIEW),
    ("rosh", "RoSH and RMP", "risk:rosh-summary", Permission.ROSH_VIEW),
    ("mappa", "MAPPA", "mappa:case", Permission.MAPPA_VIEW),
    ("assessments", "Needs assessments", "assessments:list", Permission.ASSESSMENT_VIEW),
    ("safeguarding", "Safeguarding", "safeguarding:case", Permission.SAFEGUARDING_VIEW),
    ("scores", "Predictor scores", "scores:case", Permission.ROSH_VIEW),
    ("tier", "Tier", "tiers:case", Permission.TIER_VIEW),
)


def test_every_app_registers_its_sections_in_the_same_order_as_before():
    registered = [(s.key, s.label, s.url_name, s.permission) for s in case_sections()]

    assert registered == list(BEFORE)


@pytest.mark.parametrize("role", list(Role))
def test_each_role_sees_the_same_sub_navigation_as_before(role):
    user = UserFactory(role=role)
    person = PersonFactory()

    items = case_sub_navigation(user=user, person=person, active="tier")

    expected = [
        (label, reverse(url_name, args=[person.crn]), key == "tier")
        for key, label, url_name, permission in BEFORE
        if has_permission(user, permission)
    ]
    assert [(i.label, i.url, i.active) for i in items] == expected


def test_a_form_page_about_one_record_audits_the_view_once_with_its_page_and_object(client, officer_user):
    person = PersonFactory(officer=officer_user.staff)
    client.force_login(officer_user)

    client.get(reverse("sentences:list", args=[person.crn]))
    client.get(reverse("contacts:book", args=[person.crn]))

    events = list(AuditEvent.objects.filter(action="view").order_by("seq"))
    assert [(e.object_type, e.object_id, e.detail) for e in events] == [
        ("sentence", "", {"section": "sentences", "shown": []}),
        ("contact", "", {"section": "contacts", "page": "book", "shown": ["risk_to_staff"]}),
    ]


def test_a_refused_case_page_is_the_same_404_as_a_missing_crn(client, officer_user):
    outsider = UserFactory(role=Role.SYSTEM_ADMIN)  # no case role
    person = PersonFactory(officer=officer_user.staff)
    client.force_login(outsider)

    denied = client.get(reverse("sentences:list", args=[person.crn]))
    missing = client.get(reverse("sentences:list", args=["X999999"]))

    assert (denied.status_code, missing.status_code) == (404, 404)
    assert _without_nonce(denied) == _without_nonce(missing)
    assert not AuditEvent.objects.filter(action="view").exists()
    refusals = AuditEvent.objects.order_by("seq").values_list("action", "crn", "detail")
    assert list(refusals) == [
        ("refused", crn, {"url_name": "sentences:list", "method": "GET"}) for crn in (person.crn, "X999999")
    ]
