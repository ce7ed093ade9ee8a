"""Breach pages: initiate with its error summary, pack sent, outcome, the record page, the breach pack
PDF (sensitive notes only for roles that may read them), the panel and the audit of every view."""

import datetime as dt
import io

import pytest
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.urls import reverse
from pypdf import PdfReader

from probation.accounts.models import Role
from probation.accounts.tests.factories import StaffFactory, UserFactory
from probation.audit.models import AuditEvent
from probation.contacts.models import EnforcementCase
from probation.enforcement.models import Breach
from probation.enforcement.panels.breach_and_recall import workflows_panel
from probation.enforcement.services.breach import breach_initiate
from probation.enforcement.tests.test_breach_workflow_data import failure_on, licence_for, order_for
from probation.frontend.tests.forms import date_fields
from probation.people.tests.factories import PersonFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def person(officer_user):
    return PersonFactory(officer=officer_user.staff)


@pytest.fixture
def order(person):
    return order_for(person)


def _pdf_text(response) -> str:
    assert response["Content-Type"] == "application/pdf"
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    return " ".join(text.split())  # table cells wrap: compare words, not lines


def _breach(user, person, order, failures):
    return breach_initiate(
        actor=user,
        crn=person.crn,
        sentence_id=order.pk,
        initiated_on=dt.date(2026, 4, 20),
        failure_ids=[f.pk for f in failures],
        recommendation="Order to continue with a curfew added",
    )


def test_officer_initiates_sends_the_pack_and_records_the_outcome_through_the_pages(
    client, officer_user, person, order
):
    failure = failure_on(order, dt.date(2026, 4, 14))
    client.force_login(officer_user)
    url = reverse("enforcement:breach-initiate", args=[person.crn, order.pk])
    page = client.get(url).content.decode()
    assert "Tuesday 14 April 2026, planned office visit: Unacceptable absence (UAAB)" in page

    response = client.post(
        url,
        {
            **date_fields("initiated_on", dt.date(2026, 4, 20)),
            "failures": [failure.pk],
            "recommendation": "Continue",
        },
    )
    breach = Breach.objects.get()
    detail = reverse("enforcement:breach-detail", args=[person.crn, order.pk, breach.pk])
    assert response["Location"] == detail

    response = client.post(
        reverse("enforcement:breach-pack-sent", args=[person.crn, order.pk, breach.pk]),
        {
            "court": "Leeds Magistrates' Court",
            **date_fields("hearing_date", dt.date(2026, 5, 20)),
            **date_fields("sent_on", dt.date(2026, 4, 22)),
            "version": "1",
        },
    )
    assert response["Location"] == detail
    response = client.post(
        reverse("enforcement:breach-outcome", args=[person.crn, order.pk, breach.pk]),
        {
            "outcome": "proven_order_amended",
            **date_fields("outcome_on", dt.date(2026, 5, 20)),
            "notes": "",
            "version": "2",
        },
    )
    assert response["Location"] == detail

    page = client.get(detail).content.decode()
    assert "Proven – order amended" in page
    assert "Leeds Magistrates&#x27; Court" in page
    order.refresh_from_db()
    assert order.last_breach_ended_on == dt.date(2026, 5, 20)


def test_initiating_without_failures_shows_the_error_summary_and_changes_nothing(
    client, officer_user, person, order
):
    failure_on(order, dt.date(2026, 4, 14))
    client.force_login(officer_user)

    response = client.post(
        reverse("enforcement:breach-initiate", args=[person.crn, order.pk]),
        {**date_fields("initiated_on", dt.date(2026, 4, 20)), "recommendation": "Continue"},
    )

    assert response.status_code == 200
    assert "There is a problem" in response.content.decode()
    assert "Select the failures to comply the breach relies on" in response.content.decode()
    assert Breach.objects.count() == 0


def test_breach_on_a_licence_is_refused_on_the_page(client, officer_user, person):
    licence = licence_for(person)
    failure = failure_on(licence.sentence, dt.date(2026, 7, 1))
    client.force_login(officer_user)

    response = client.post(
        reverse("enforcement:breach-initiate", args=[person.crn, licence.sentence_id]),
        {**date_fields("initiated_on", dt.date(2026, 7, 2)), "failures": [failure.pk], "recommendation": "x"},
    )

    assert response.status_code == 200
    assert "consider a recall" in response.content.decode()
    assert Breach.objects.count() == 0


def test_outcome_before_the_pack_is_sent_is_shown_as_an_error(client, officer_user, person, order):
    breach = _breach(officer_user, person, order, [failure_on(order, dt.date(2026, 4, 14))])
    client.force_login(officer_user)

    response = client.post(
        reverse("enforcement:breach-outcome", args=[person.crn, order.pk, breach.pk]),
        {"outcome": "not_proven", **date_fields("outcome_on", dt.date(2026, 5, 20)), "version": "1"},
    )

    assert response.status_code == 200
    assert "allowed next" in response.content.decode()
    breach.refresh_from_db()
    assert breach.status == "initiated"


def test_breach_pack_holds_the_order_failures_warnings_history_and_recommendation(
    client, officer_user, person, order
):
    relied = failure_on(order, dt.date(2026, 4, 14), notes="Said he overslept", sensitive=False)
    warned = failure_on(order, dt.date(2026, 3, 20), notes="Partner disclosed abuse", sensitive=True)
    EnforcementCase.objects.filter(contact=warned).update(
        status="first_warning_sent", decided_on=dt.date(2026, 3, 23)
    )
    breach = _breach(officer_user, person, order, [warned, relied])
    client.force_login(officer_user)

    response = client.get(reverse("enforcement:breach-pack", args=[person.crn, order.pk, breach.pk]))

    text = _pdf_text(response)
    for expected in (
        person.crn,
        "Community order",
        "Unpaid work",
        "20 of 100 hours",
        "14 April 2026",
        "Said he overslept",
        "23 March 2026",
        "Compliance history",
        "Partner disclosed abuse",
        "Order to continue with a curfew added",
    ):
        assert expected in text
    event = AuditEvent.objects.get(action="export")
    assert (event.object_type, event.detail) == (
        "breach",
        {"document": "breach_pack", "sensitive_notes": True},
    )
    assert relied.notes not in str(event.detail)


def test_breach_pack_hides_sensitive_notes_from_roles_without_permission(client, officer_user, person, order):
    failure = failure_on(order, dt.date(2026, 4, 14), notes="Partner disclosed abuse", sensitive=True)
    breach = _breach(officer_user, person, order, [failure])
    vlo = UserFactory(role=Role.VLO, staff=StaffFactory(team=person.team))
    client.force_login(vlo)

    text = _pdf_text(client.get(reverse("enforcement:breach-pack", args=[person.crn, order.pk, breach.pk])))

    assert "Sensitive: notes withheld" in text
    assert "Partner disclosed abuse" not in text
    detail = client.get(
        reverse("enforcement:breach-detail", args=[person.crn, order.pk, breach.pk])
    ).content.decode()
    assert "Partner disclosed abuse" not in detail
    assert "Record the outcome" not in detail


def test_viewing_a_breach_page_is_audited(client, officer_user, person, order):
    breach = _breach(officer_user, person, order, [failure_on(order, dt.date(2026, 4, 14))])
    client.force_login(officer_user)

    client.get(reverse("enforcement:breach-detail", args=[person.crn, order.pk, breach.pk]))
    client.get(reverse("enforcement:breach-outcome", args=[person.crn, order.pk, breach.pk]))

    pages = list(
        AuditEvent.objects.filter(action="view", object_type="breach")
        .order_by("id")
        .values_list("detail__page", flat=True)
    )
    assert pages == ["detail", "outcome"]


def _panel_html(user, person, sentence):
    request = RequestFactory().get("/")
    request.user = user
    panel = workflows_panel(request=request, person=person, sentence=sentence)
    return panel, render_to_string(panel.template, panel.context)


def test_panel_offers_initiate_breach_until_one_is_in_progress(officer_user, person, order):
    failure = failure_on(order, dt.date(2026, 4, 14))
    _, html = _panel_html(officer_user, person, order)
    assert "Initiate breach" in html
    assert "No breaches of this order." in html

    _breach(officer_user, person, order, [failure])

    _, html = _panel_html(officer_user, person, order)
    assert "Initiate breach" not in html
    assert "Breach pack (PDF)" in html
    assert ">Initiated<" in html


def test_panel_shows_no_buttons_to_read_only_roles_and_recalls_for_licences(officer_user, person, order):
    vlo = UserFactory(role=Role.VLO, staff=StaffFactory(team=person.team))
    _, html = _panel_html(vlo, person, order)
    assert "Initiate breach" not in html

    _, html = _panel_html(officer_user, person, licence_for(person).sentence)
    assert "Consider a recall" in html
    assert "Breaches" not in html


def test_panel_lists_breaches_in_a_constant_number_of_queries(
    officer_user, person, order, django_assert_max_num_queries
):
    for day in (14, 15, 16):
        failure = failure_on(order, dt.date(2026, 4, day))
        breach = _breach(officer_user, person, order, [failure])
        Breach.objects.filter(pk=breach.pk).update(status="withdrawn", ended_on=dt.date(2026, 4, 20))

    with django_assert_max_num_queries(3):
        _panel_html(officer_user, person, order)
