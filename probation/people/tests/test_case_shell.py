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


# The thirteen sections (and the overview) as each app registers them, in their groups.
SECTIONS = (
    ("overview", "Overview", "people:case-overview", Permission.CASE_VIEW, "overview"),
    (
        "personal-details",
        "Personal details",
        "people:case-personal-details",
        Permission.CASE_VIEW,
        "personal",
    ),
    ("addresses", "Addresses", "people:case-addresses", Permission.CASE_VIEW, "personal"),
    (
        "circumstances",
        "Circumstances",
        "people:case-circumstances",
        Permission.CASE_VIEW_CIRCUMSTANCES,
        "personal",
    ),
    ("allocation", "Allocation", "people:case-allocation", Permission.CASE_VIEW_CIRCUMSTANCES, "personal"),
    ("sentences", "Sentences", "sentences:list", Permission.SENTENCE_VIEW, "sentences"),
    ("custody", "Custody and release", "custody:overview", Permission.CUSTODY_VIEW, "sentences"),
    ("parole", "Parole and governors' reports", "parole:case", Permission.PAROLE_VIEW, "sentences"),
    ("reports", "Court reports", "reports:request-case-list", Permission.COURT_DUTY_VIEW, "sentences"),
    ("plan", "Sentence plan", "plans:plan", Permission.PLAN_VIEW, "sentences"),
    ("case-reviews", "Case reviews", "worklists:case-reviews", Permission.CASE_REVIEW_VIEW, "sentences"),
    ("programmes", "Programmes", "programmes:case", Permission.PROGRAMME_VIEW, "sentences"),
    ("referrals", "Commissioned services", "referrals:case-list", Permission.REFERRAL_VIEW, "sentences"),
    ("contacts", "Contacts", "contacts:list", Permission.CONTACT_VIEW, "contacts"),
    ("drug-tests", "Drug tests", "drug_testing:tests", Permission.DRUG_TEST_VIEW, "contacts"),
    ("registrations", "Risk flags", "risk:registration-list", Permission.REGISTRATION_VIEW, "risk"),
    ("rosh", "RoSH and RMP", "risk:rosh-summary", Permission.ROSH_VIEW, "risk"),
    ("mappa", "MAPPA", "mappa:case", Permission.MAPPA_VIEW, "risk"),
    ("approved-premises", "Approved premises", "approved_premises:case", Permission.AP_ESTATE_VIEW, "risk"),
    ("assessments", "Needs assessments", "assessments:list", Permission.ASSESSMENT_VIEW, "assessments"),
    ("safeguarding", "Safeguarding", "safeguarding:case", Permission.SAFEGUARDING_VIEW, "risk"),
    ("victim-contact", "Victim contact", "victims:case-scheme", Permission.VICTIM_SCHEME_VIEW, "risk"),
    ("scores", "Predictor scores", "scores:case", Permission.ROSH_VIEW, "assessments"),
    ("tier", "Tier", "tiers:case", Permission.TIER_VIEW, "assessments"),
)
TABS = ("Overview", "Personal details", "Sentences", "Contacts", "Risk", "Assessments")


def test_every_app_registers_its_sections_in_order_and_in_a_group():
    registered = [(s.key, s.label, s.url_name, s.permission, s.group) for s in case_sections()]

    assert registered == list(SECTIONS)


@pytest.mark.parametrize("role", list(Role))
def test_each_role_sees_one_tab_per_group_opening_its_first_visible_section(role):
    user = UserFactory(role=role)
    person = PersonFactory()

    navigation = case_sub_navigation(user=user, person=person, active="rosh")

    visible = [s for s in SECTIONS if has_permission(user, s[3])]
    firsts = {}
    for key, _, url_name, _, group in visible:
        firsts.setdefault(group, (key, url_name))
    tabs = [(i.label, i.url, i.active) for i in navigation.tabs]
    assert [label for label, _, _ in tabs] == [
        t for t in TABS if any(t == label for label in _labels(visible))
    ]
    assert [url for _, url, _ in tabs] == [
        reverse(url_name, args=[person.crn]) for _, url_name in firsts.values()
    ]
    risk = [s for s in visible if s[4] == "risk"]
    assert [label for label, _, active in tabs if active] == (
        ["Risk"] if "rosh" in [s[0] for s in risk] else []
    )


def _labels(visible):
    groups = {"overview": "Overview", "personal": "Personal details", "sentences": "Sentences"}
    groups |= {"contacts": "Contacts", "risk": "Risk", "assessments": "Assessments"}
    return [groups[s[4]] for s in visible]


def test_a_group_page_lists_its_sections_under_the_tabs(client, officer_user):
    person = PersonFactory(officer=officer_user.staff)
    client.force_login(officer_user)

    body = client.get(reverse("risk:rosh-summary", args=[person.crn])).content.decode()

    secondary = body.split('aria-label="Risk"')[1].split("</nav>")[0]
    assert re.findall(r">([^<>]+)</a>", secondary) == [
        "Risk flags",
        "RoSH and RMP",
        "MAPPA",
        "Approved premises",
        "Safeguarding",
        "Victim contact",
    ]
    assert (
        f'href="{reverse("risk:rosh-summary", args=[person.crn])}" aria-current="page">RoSH and RMP'
        in secondary
    )
    tabs = body.split('aria-label="Case record"')[1].split("</nav>")[0]
    assert re.findall(r">([^<>]+)</a>", tabs) == list(TABS)


def test_a_group_of_one_section_shows_no_second_navigation(client, officer_user):
    person = PersonFactory(officer=officer_user.staff)
    client.force_login(officer_user)

    body = client.get(reverse("people:case-overview", args=[person.crn])).content.decode()

    assert "app-case-sections" not in body


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
