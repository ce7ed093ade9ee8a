"""The case overview (/cases/<crn>/): what a practitioner reads before an appointment, filled by the
apps above people through panels. It lives here, outside the apps, because it needs every app's
factories (the import layering forbids people's tests from importing them)."""

import datetime as dt
import html
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from probation.audit.models import AuditEvent
from probation.contacts.tests.factories import ContactFactory, EnforcementCaseFactory
from probation.enforcement.services.compliance import sentence_compliance, sentences_compliance
from probation.people.tests import access
from probation.people.tests.factories import PersonFactory
from probation.risk.tests.test_registration_factories import RegistrationFactory
from probation.sentences.tests.factories import (
    EventOffenceFactory,
    LicenceConditionFactory,
    RequirementFactory,
    SentenceFactory,
)

pytestmark = pytest.mark.django_db


def _text(response) -> str:
    # As a reader sees it: tags gone, entities decoded (O'Connor is O&#x27;Connor in the HTML).
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", response.content.decode())))


def _order(person, *, conviction=dt.date(2026, 3, 2), **fields):
    sentence = SentenceFactory(event__person=person, event__conviction_date=conviction, **fields)
    EventOffenceFactory(event=sentence.event, description="Theft from the person of another")
    return sentence


def _days(n: int) -> dt.datetime:
    return timezone.now().replace(microsecond=0) + dt.timedelta(days=n)


@pytest.fixture
def case(officer_user):
    return PersonFactory(officer=officer_user.staff, tier="B2", rosh_level="high")


def _fill(case, officer_user, *, sentences: int, contacts: int, flags: int):
    for i in range(sentences):
        sentence = _order(case, conviction=dt.date(2026, 3, 2) - dt.timedelta(days=30 * i))
        RequirementFactory(sentence=sentence, ordered=100, done=40)
        RequirementFactory(sentence=sentence, type="rehabilitation_activity", ordered=20, done=5)
        for j in range(contacts):
            ContactFactory(
                sentence=sentence, starts_at=_days(-10 - j), outcome="UAAB", officer=officer_user.staff
            )
            ContactFactory(sentence=sentence, starts_at=_days(-3 - j), officer=officer_user.staff)
            ContactFactory(sentence=sentence, starts_at=_days(3 + j), officer=officer_user.staff)
        EnforcementCaseFactory(
            contact=ContactFactory(sentence=sentence, starts_at=_days(-60), outcome="UAAB"),
            status="first_warning_sent",
            decided_on=timezone.localdate() - dt.timedelta(days=50),
        )
    codes = ["RVHR", "MAPP", "WEAP", "ALSH", "AMHL", "RSTO"][:flags]
    for code in codes:
        RegistrationFactory(person=case, register_type=code)


def test_a_case_opens_on_its_overview_and_personal_details_have_their_own_page(client, case, officer_user):
    client.force_login(officer_user)

    overview = client.get(f"/cases/{case.crn}/")
    details = client.get(f"/cases/{case.crn}/personal-details")

    assert overview.status_code == 200
    assert '<h1 class="govuk-heading-l">Overview</h1>' in overview.content.decode()
    assert reverse("people:case-personal-details", args=[case.crn]) == f"/cases/{case.crn}/personal-details"
    assert '<h1 class="govuk-heading-l">Personal details</h1>' in details.content.decode()


def test_the_overview_shows_what_a_practitioner_reads_before_an_appointment(client, case, officer_user):
    sentence = _order(case)
    RequirementFactory(sentence=sentence, ordered=100, done=40)
    ended = _order(
        case,
        conviction=dt.date(2024, 1, 8),
        terminated_on=dt.date(2025, 1, 7),
        termination_reason="completed",
    )
    ContactFactory(sentence=sentence, starts_at=_days(-20), outcome="UAAB", officer=officer_user.staff)
    ContactFactory(sentence=sentence, starts_at=_days(-2), officer=officer_user.staff, type="home_visit")
    ContactFactory(
        sentence=sentence, starts_at=_days(5), officer=officer_user.staff, location="Leeds Probation Office"
    )
    RegistrationFactory(person=case, register_type="MAPP", category="M2", level="M2")
    RegistrationFactory(person=case, register_type="ALSH")
    client.force_login(officer_user)

    response = client.get(reverse("people:case-overview", args=[case.crn]))
    text = _text(response)

    assert f"Responsible officer {officer_user.staff.name}" in text
    assert "Tier B2" in text
    assert "RoSH High" in text
    assert "Suicide or self-harm" in text
    assert "MAPPA Level 2" in text
    assert f"Event {sentence.event.number}: Community order" in text
    assert f"Event {ended.event.number}" not in text
    assert "Unpaid work 40 of 100 hours credited (40%)" in text
    assert "Failures to comply: 1" in text
    assert "Next appointments" in text
    assert "Leeds Probation Office" in text
    outcome_url = reverse("contacts:outcome", args=[case.crn, case.contacts.get(type="home_visit").pk])
    assert f'href="{outcome_url}"' in response.content.decode()
    assert "Recent contacts" in text
    assert "Unacceptable absence (UAAB)" in text


def test_the_overview_query_count_does_not_grow_with_sentences_contacts_or_flags(client, officer_user):
    few, many = PersonFactory(officer=officer_user.staff), PersonFactory(officer=officer_user.staff)
    _fill(few, officer_user, sentences=1, contacts=1, flags=1)
    _fill(many, officer_user, sentences=4, contacts=5, flags=6)
    client.force_login(officer_user)
    client.get(reverse("people:case-overview", args=[few.crn]))  # the session is saved once

    counts = []
    for person in (few, many):
        with CaptureQueriesContext(connection) as queries:
            assert client.get(reverse("people:case-overview", args=[person.crn])).status_code == 200
        counts.append(len(queries))

    assert counts[0] == counts[1]


def test_the_overview_is_audited_once(client, case, officer_user):
    _fill(case, officer_user, sentences=2, contacts=2, flags=2)
    client.force_login(officer_user)

    client.get(reverse("people:case-overview", args=[case.crn]))

    (event,) = AuditEvent.objects.filter(action="view")
    assert (event.object_type, event.object_id) == ("person", str(case.pk))
    assert event.detail["section"] == "overview"
    # Newest sentence first; the contacts shown (3 next, 3 needing an outcome, 3 latest, overlapping).
    assert event.detail["sentences"] == list(
        case.sentences.order_by("-sentence_date").values_list("pk", flat=True)
    )
    assert 3 <= len(event.detail["contacts"]) <= 9
    assert set(event.detail["contacts"]) <= set(case.contacts.values_list("pk", flat=True))


def test_a_partner_sees_only_the_parts_partners_may_see(client, case, officer_user):
    _fill(case, officer_user, sentences=1, contacts=1, flags=2)
    partner = access.partner_user()
    access.share(case, partner, granted_by=officer_user)
    client.force_login(partner)

    text = _text(client.get(reverse("people:case-overview", args=[case.crn])))

    assert "Risk flags" in text
    assert "MAPPA" in text
    for hidden in (
        "Current sentences",
        "Next appointments",
        "Recent contacts",
        "RoSH and risk management plan",
    ):
        assert hidden not in text
    assert " Tier " not in text


def test_excluded_and_unshared_users_get_the_page_a_missing_crn_gets(client, case, officer_user):
    access.exclude(case, officer_user)

    denied = access.get(client, officer_user, reverse("people:case-overview", args=[case.crn]))
    missing = access.get(client, officer_user, reverse("people:case-overview", args=[access.MISSING_CRN]))

    assert denied.status_code == missing.status_code == 404


def test_several_sentences_get_the_same_compliance_as_one_at_a_time(case, officer_user):
    _fill(case, officer_user, sentences=3, contacts=2, flags=0)
    sentences = list(case.sentences.all())
    today = timezone.localdate()

    together = sentences_compliance(sentences=sentences, today=today)

    assert together == {s.pk: sentence_compliance(sentence=s, today=today) for s in sentences}
    assert {c.failure_count for c in together.values()} == {3}


def test_the_overview_does_not_read_aliases_or_addresses(client, case, officer_user):
    """They are on the personal details page, not the overview: two queries a case page saved."""
    _fill(case, officer_user, sentences=1, contacts=1, flags=1)
    client.force_login(officer_user)
    client.get(reverse("people:case-overview", args=[case.crn]))  # the session is saved once

    with CaptureQueriesContext(connection) as queries:
        assert client.get(reverse("people:case-overview", args=[case.crn])).status_code == 200

    read = " ".join(q["sql"] for q in queries.captured_queries)
    assert "people_alias" not in read
    assert "people_address" not in read


def test_contacts_linked_to_a_requirement_or_licence_condition_cost_no_more_queries(client, officer_user):
    """The contacts panel reads only the columns its rows use (with the linked records' labels, which
    contact_row builds): a row never loads a deferred field on its own."""
    plain, linked = PersonFactory(officer=officer_user.staff), PersonFactory(officer=officer_user.staff)
    _fill(plain, officer_user, sentences=1, contacts=1, flags=0)
    _fill(linked, officer_user, sentences=1, contacts=1, flags=0)
    requirement = RequirementFactory(sentence=_order(linked), type="rehabilitation_activity")
    condition = LicenceConditionFactory(licence__sentence__person=linked)
    ContactFactory(person=linked, requirement=requirement, starts_at=_days(-1), officer=officer_user.staff)
    ContactFactory(
        person=linked, licence_condition=condition, starts_at=_days(-2), officer=officer_user.staff
    )
    client.force_login(officer_user)
    client.get(reverse("people:case-overview", args=[plain.crn]))  # the session is saved once

    counts = []
    for person in (plain, linked):
        with CaptureQueriesContext(connection) as queries:
            assert client.get(reverse("people:case-overview", args=[person.crn])).status_code == 200
        counts.append(len(queries))

    assert counts[0] == counts[1]
