"""What users see and do on the risk flag pages: lists, forms, errors, conflicts, the case header
tags, the reviews-due list, audit of views, and constant query counts."""

import datetime as dt

import pytest
from django.db import connection
from django.template import Context, Template
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from probation.accounts.tests.factories import StaffFactory, UserFactory
from probation.audit.models import AuditEvent
from probation.core.clock import today_uk
from probation.frontend.tests.forms import date_fields
from probation.people.models import Exclusion, Person
from probation.people.tests.factories import PersonFactory
from probation.risk.models import Registration
from probation.risk.services.registrations import registration_update
from probation.risk.tests.test_registration_factories import RegistrationFactory, RegistrationReviewFactory

pytestmark = pytest.mark.django_db
TODAY = today_uk()


def _list_url(case):
    return reverse("risk:registration-list", args=[case.crn])


def test_list_shows_active_flags_with_overdue_reviews_and_ended_ones_below(client, case, officer_user):
    RegistrationFactory(person=case, register_type="RVHR", registered_on=TODAY - dt.timedelta(days=200))
    RegistrationFactory(person=case, register_type="MAPP", registered_on=TODAY - dt.timedelta(days=10))
    RegistrationFactory(
        person=case,
        register_type="WEAP",
        registered_on=dt.date(2024, 1, 1),
        deregistered_on=dt.date(2024, 5, 1),
        deregistration_reason="Order ended",
    )
    client.force_login(officer_user)

    response = client.get(_list_url(case))

    body = response.content.decode()
    assert [row.code for row in response.context["active"]] == ["RVHR", "MAPP"]
    assert [row.review_status.label if row.review_status else None for row in response.context["active"]] == [
        "Overdue",
        None,
    ]
    assert [row.code for row in response.context["ended"]] == ["WEAP"]
    assert "Category 2: violent offenders. Level 2: multi-agency management" in body
    assert '<strong class="govuk-tag govuk-tag--red">Overdue</strong>' in body
    assert "Order ended" in body
    event = AuditEvent.objects.get(action="view", crn=case.crn)
    assert event.detail == {"section": "registrations"}


def test_every_case_page_header_shows_active_flags_as_coloured_tags(client, case, officer_user):
    RegistrationFactory(person=case, register_type="ALSH")
    RegistrationFactory(person=case, register_type="RHRH")
    RegistrationFactory(person=case, register_type="MAPP", category="M1", level="M3")
    RegistrationFactory(
        person=case,
        register_type="HREG",
        next_review_on=None,
        deregistered_on=dt.date(2025, 2, 1),
        deregistration_reason="Ended",
    )
    client.force_login(officer_user)

    for name in ("people:case-overview", "people:case-addresses", "risk:registration-list"):
        header = client.get(reverse(name, args=[case.crn])).content.decode().split("moj-sub-navigation")[0]
        assert (
            '<ul class="app-tag-list" aria-label="Risk flags">\n'
            '  <li><strong class="govuk-tag govuk-tag--red">High RoSH</strong></li>'
            '<li><strong class="govuk-tag govuk-tag--red">MAPPA level 3, category 1</strong></li>'
            '<li><strong class="govuk-tag govuk-tag--purple">Suicide or self-harm</strong></li>\n</ul>'
        ) in header
        assert "Historic" not in header


def test_case_header_has_no_tag_list_when_there_are_no_active_flags(client, case, officer_user):
    client.force_login(officer_user)

    assert "app-tag-list" not in client.get(reverse("people:case-overview", args=[case.crn])).content.decode()


def _render_flags(user, person):
    request = RequestFactory().get("/")
    request.user = user
    template = Template("{% load risk_flags %}{% risk_flags person %}")
    return template.render(Context({"request": request, "person": person}))


def test_header_tag_reads_the_flags_in_one_query(case, officer_user):
    for code in ("RVHR", "MAPP", "ALSH", "WEAP", "IIOM"):
        RegistrationFactory(person=case, register_type=code)

    with CaptureQueriesContext(connection) as queries:
        html = _render_flags(officer_user, case)

    assert len(queries) == 1
    assert html.count('<li><strong class="govuk-tag govuk-tag--') == 5


def test_header_tag_shows_nothing_to_a_user_without_registration_view(case, admin_user):
    RegistrationFactory(person=case, register_type="RVHR")

    with CaptureQueriesContext(connection) as queries:
        html = _render_flags(admin_user, case)

    assert (html.strip(), len(queries)) == ("", 0)


def _count_queries(client, url):
    client.get(url)  # the first request after signing in also saves the session
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@pytest.mark.parametrize("name", ["people:case-overview", "risk:registration-list"])
def test_case_pages_query_count_does_not_grow_with_registrations(client, case, officer_user, name):
    client.force_login(officer_user)
    url = reverse(name, args=[case.crn])
    RegistrationFactory(person=case, register_type="ALSH")
    few = _count_queries(client, url)
    for code in ("RVHR", "MAPP", "WEAP", "IIOM", "AMHL", "RSTO", "REG17"):
        RegistrationFactory(person=case, register_type=code)
    RegistrationFactory(
        person=case, register_type="ALSH", deregistered_on=dt.date(2025, 2, 1), deregistration_reason="x"
    )

    assert _count_queries(client, url) == few


def test_type_page_groups_the_register_types_under_headings(client, case, officer_user):
    client.force_login(officer_user)

    body = client.get(reverse("risk:registration-add", args=[case.crn])).content.decode()

    assert body.count('type="radio"') == 49
    assert '<h2 class="govuk-heading-s govuk-!-margin-top-6 govuk-!-margin-bottom-2">Children</h2>' in body
    assert body.index(">Risk of serious harm (RoSH)</h2>") < body.index(">Historic</h2>")


def test_type_page_asks_for_a_type(client, case, officer_user):
    client.force_login(officer_user)

    response = client.post(reverse("risk:registration-add", args=[case.crn]), {})

    body = response.content.decode()
    assert '<a href="#id_register_type_1">Select the type of registration</a>' in body
    assert 'id="id_register_type_1" name="register_type" type="radio" value="RVHR"' in body


def _details(case, code):
    return reverse("risk:registration-add-details", args=[case.crn, code])


def test_details_page_asks_mappa_for_category_and_level_and_other_types_not(client, case, officer_user):
    client.force_login(officer_user)

    mappa = client.get(_details(case, "MAPP")).content.decode()
    weapons = client.get(_details(case, "WEAP")).content.decode()
    rosh = client.get(_details(case, "RVHR")).content.decode()

    assert 'id="id_category"' in mappa
    assert 'id="id_level"' in mappa
    assert 'id="id_category"' not in weapons
    assert "Every 3 months" in weapons
    assert "ends their current RoSH registration" in rosh


def test_officer_adds_mappa_with_category_and_level(client, case, officer_user):
    client.force_login(officer_user)

    response = client.post(
        _details(case, "MAPP"),
        {"category": "M2", "level": "M1", "notes": "Violent offence"} | date_fields("registered_on", TODAY),
    )

    assert response.status_code == 302
    registration = Registration.objects.get()
    assert (registration.category, registration.level, registration.notes) == ("M2", "M1", "Violent offence")
    assert "MAPPA registration added" in client.get(response.url).content.decode()


def test_category_posted_for_another_type_is_not_kept(client, case, officer_user):
    client.force_login(officer_user)

    client.post(
        _details(case, "WEAP"), {"category": "M2", "level": "M1"} | date_fields("registered_on", TODAY)
    )

    assert Registration.objects.values_list("register_type", "category", "level").get() == ("WEAP", "", "")


@pytest.mark.parametrize(
    ("code", "data", "message"),
    [
        ("MAPP", {"level": "M1"}, "Select the MAPPA category"),
        ("MAPP", {"category": "M1"}, "Select the MAPPA level"),
        ("ALSH", {"registered_on_2": str(TODAY.year + 1)}, "Registration date must be today"),
        ("ALSH", {"registered_on_0": ""}, "Enter the day of the month"),
    ],
)
def test_details_page_shows_the_reason_for_a_refusal(client, case, officer_user, code, data, message):
    client.force_login(officer_user)

    response = client.post(_details(case, code), date_fields("registered_on", TODAY) | data)

    assert response.status_code == 200
    assert message in response.content.decode()
    assert Registration.objects.count() == 0


def test_duplicate_registration_is_refused_on_the_form(client, case, officer_user):
    RegistrationFactory(person=case, register_type="WEAP")
    client.force_login(officer_user)

    response = client.post(_details(case, "WEAP"), date_fields("registered_on", TODAY))

    assert "already has an active Weapons registration" in response.content.decode()
    assert Registration.objects.count() == 1


def test_officer_reviews_and_sees_the_next_review_date(client, case, officer_user):
    registration = RegistrationFactory(person=case, register_type="ALSH", registered_on=dt.date(2025, 1, 15))
    client.force_login(officer_user)

    response = client.post(
        reverse("risk:registration-review", args=[case.crn, registration.pk]),
        {"version": "1", "notes": "Still relevant"} | date_fields("reviewed_on", dt.date(2025, 7, 1)),
    )

    assert response.status_code == 302
    assert "Review recorded. Next review due 1 January 2026" in client.get(response.url).content.decode()
    detail = client.get(
        reverse("risk:registration-detail", args=[case.crn, registration.pk])
    ).content.decode()
    assert "Still relevant" in detail


def test_a_change_that_lost_a_race_answers_409_with_what_changed(client, case, officer_user, spo_user):
    registration = RegistrationFactory(person=case, register_type="MAPP", category="M1", level="M1")
    registration_update(
        actor=spo_user,
        crn=case.crn,
        registration_id=registration.pk,
        expected_version=1,
        category="M1",
        level="M2",
    )
    client.force_login(officer_user)

    response = client.post(
        reverse("risk:registration-update", args=[case.crn, registration.pk]),
        {"category": "M1", "level": "M3", "notes": "", "version": "1"},
    )

    body = response.content.decode()
    assert response.status_code == 409
    assert "Your changes were not saved" in body
    assert "Level 2: multi-agency management" in body
    assert 'name="version" value="2"' in body
    assert Registration.objects.get().level == "M2"


def test_update_form_offers_category_and_level_only_for_mappa(client, case, officer_user):
    mappa = RegistrationFactory(person=case, register_type="MAPP")
    weapons = RegistrationFactory(person=case, register_type="WEAP")
    client.force_login(officer_user)

    assert (
        'id="id_level"'
        in client.get(reverse("risk:registration-update", args=[case.crn, mappa.pk])).content.decode()
    )
    assert 'id="id_level"' not in (
        client.get(reverse("risk:registration-update", args=[case.crn, weapons.pk])).content.decode()
    )


def test_deregister_needs_a_reason_then_moves_the_flag_to_history(client, case, officer_user):
    registration = RegistrationFactory(person=case, register_type="ALSH")
    client.force_login(officer_user)
    url = reverse("risk:registration-deregister", args=[case.crn, registration.pk])

    refused = client.post(url, {"version": "1", "reason": ""} | date_fields("deregistered_on", TODAY))
    done = client.post(
        url, {"version": "1", "reason": "Risk reduced"} | date_fields("deregistered_on", TODAY)
    )

    assert "Enter the reason for deregistering" in refused.content.decode()
    assert done.status_code == 302
    page = client.get(done.url)
    assert "Suicide or self-harm registration ended" in page.content.decode()
    assert [row.code for row in page.context["ended"]] == ["ALSH"]


def test_change_pages_of_an_ended_registration_send_the_user_to_its_record(client, case, officer_user):
    registration = RegistrationFactory(
        person=case, register_type="ALSH", deregistered_on=dt.date(2025, 2, 1), deregistration_reason="Ended"
    )
    client.force_login(officer_user)

    response = client.get(reverse("risk:registration-review", args=[case.crn, registration.pk]))

    assert response["Location"] == reverse("risk:registration-detail", args=[case.crn, registration.pk])


def test_detail_page_lists_reviews_newest_first(client, case, officer_user):
    registration = RegistrationFactory(person=case, register_type="ALSH")
    RegistrationReviewFactory(registration=registration, reviewed_on=dt.date(2025, 3, 1), notes="First")
    RegistrationReviewFactory(registration=registration, reviewed_on=dt.date(2025, 6, 1), notes="Second")
    client.force_login(officer_user)

    response = client.get(reverse("risk:registration-detail", args=[case.crn, registration.pk]))

    assert [r.notes for r in response.context["reviews"]] == ["Second", "First"]


# --- Reviews due ----------------------------------------------------------------------------------


def _due(person, code, next_review_on, **kwargs):
    return RegistrationFactory(
        person=person,
        register_type=code,
        registered_on=min(TODAY, next_review_on) - dt.timedelta(days=30),
        next_review_on=next_review_on,
        **kwargs,
    )


def test_reviews_due_lists_my_overdue_and_soon_due_reviews_only(client, officer_user):
    mine = PersonFactory(officer=officer_user.staff, surname="Mine")
    excluded = PersonFactory(officer=officer_user.staff, has_exclusions=True)
    Exclusion.objects.create(person=excluded, user=officer_user, added_by=officer_user)
    colleague = PersonFactory(officer=StaffFactory(team=officer_user.staff.team))
    overdue = _due(mine, "ALSH", TODAY - dt.timedelta(days=3))
    today = _due(mine, "WEAP", TODAY)
    soon = _due(mine, "IIOM", TODAY + dt.timedelta(days=14))
    _due(mine, "AMHL", TODAY + dt.timedelta(days=15))
    _due(
        mine,
        "RSTO",
        TODAY - dt.timedelta(days=3),
        deregistered_on=TODAY - dt.timedelta(days=1),
        deregistration_reason="x",
    )
    _due(excluded, "ALSH", TODAY - dt.timedelta(days=3))
    _due(colleague, "ALSH", TODAY - dt.timedelta(days=3))
    client.force_login(officer_user)

    response = client.get(reverse("risk:registration-reviews-due"))

    overdue_table, soon_table = response.context["tables"]
    assert [r.review_url.split("/")[-2] for r in overdue_table["rows"]] == [str(overdue.pk), str(today.pk)]
    assert [r.status.label for r in overdue_table["rows"]] == ["Overdue", "Due today"]
    assert [r.review_url.split("/")[-2] for r in soon_table["rows"]] == [str(soon.pk)]
    assert excluded.crn not in response.content.decode()
    event = AuditEvent.objects.get(object_type="registration_reviews_due")
    assert (event.object_id, event.detail) == (officer_user.staff.code, {"rows": 3})


def test_reviews_due_query_count_is_constant(client, officer_user):
    client.force_login(officer_user)
    _due(PersonFactory(officer=officer_user.staff), "ALSH", TODAY)
    few = _count_queries(client, reverse("risk:registration-reviews-due"))
    for _ in range(8):
        person = PersonFactory(officer=officer_user.staff)
        _due(person, "ALSH", TODAY - dt.timedelta(days=5))
        _due(person, "MAPP", TODAY + dt.timedelta(days=5))

    assert _count_queries(client, reverse("risk:registration-reviews-due")) == few


def test_restricted_case_i_may_see_is_listed(client, officer_user):
    person = PersonFactory(officer=officer_user.staff, is_restricted=True)
    Person.objects.get(pk=person.pk).restrictions.create(user=officer_user, added_by=UserFactory())
    _due(person, "ALSH", TODAY)
    client.force_login(officer_user)

    assert person.crn in client.get(reverse("risk:registration-reviews-due")).content.decode()


def test_the_mappa_details_page_shows_every_problem_at_once(client, case, officer_user):
    client.force_login(officer_user)

    response = client.post(_details(case, "MAPP"), {"notes": ""})

    body = response.content.decode()
    summary = body.split('govuk-error-summary__list"', 1)[1].split("</ul>", 1)[0]
    assert "Select the MAPPA category" in summary
    assert "Select the MAPPA level" in summary
    assert "Enter the registration date" in summary
    assert Registration.objects.count() == 0


def test_a_future_date_and_a_missing_level_show_together(client, case, officer_user):
    client.force_login(officer_user)
    tomorrow = TODAY + dt.timedelta(days=1)

    response = client.post(
        _details(case, "MAPP"), {"category": "M1"} | date_fields("registered_on", tomorrow)
    )

    body = response.content.decode()
    assert "Registration date must be today or in the past" in body
    assert "Select the MAPPA level" in body
    assert Registration.objects.count() == 0


def test_deregistering_with_no_reason_and_a_future_date_shows_both(client, case, officer_user):
    registration = RegistrationFactory(person=case, register_type="ALSH")
    client.force_login(officer_user)

    response = client.post(
        reverse("risk:registration-deregister", args=[case.crn, registration.pk]),
        {"version": "1", "reason": ""} | date_fields("deregistered_on", TODAY + dt.timedelta(days=3)),
    )

    body = response.content.decode()
    assert "Enter the reason for deregistering" in body
    assert "Deregistration date must be today or in the past" in body
    assert Registration.objects.get().is_active
