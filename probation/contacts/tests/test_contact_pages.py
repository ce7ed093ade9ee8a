"""The contact log (filters, keyset pages, sensitive notes, audit, query counts), the booking page's
risk-to-staff warning, the outcome page's choices, the diary, its iCalendar feed and the
needs-an-outcome list."""

import datetime as dt
import re

import pytest
from django.urls import reverse
from django.utils.html import escape
from icalendar import Calendar

from probation.accounts.models import Role
from probation.accounts.tests.factories import StaffFactory, UserFactory
from probation.audit.models import AuditEvent
from probation.contacts.models import Contact, DiaryFeedToken
from probation.contacts.presenters import SENSITIVE_HIDDEN
from probation.contacts.services.feeds import diary_feed_link_create
from probation.contacts.tests.conftest import at
from probation.contacts.tests.factories import ContactFactory
from probation.core.clock import today_uk
from probation.people.models import Person, Restriction
from probation.people.tests.factories import PersonFactory
from probation.risk.tests.test_registration_factories import RegistrationFactory

pytestmark = pytest.mark.django_db


def _contacts(case, officer, n, sentence=None, **kwargs):
    return Contact.objects.bulk_create(
        ContactFactory.build(
            person=case,
            sentence=sentence,
            officer=officer,
            created_by=officer.user,
            starts_at=at(-i - 1),
            ends_at=None,
            **kwargs,
        )
        for i in range(n)
    )


def _log(client, user, crn, **params):
    client.force_login(user)
    return client.get(reverse("contacts:list", args=[crn]), params)


def test_log_shows_newest_first_with_type_time_officer_and_outcome(client, officer_user, case):
    ContactFactory(
        person=case,
        sentence=None,
        officer=officer_user.staff,
        starts_at=at(-2, 9),
        outcome="ATTC",
        location="Leeds Hub",
    )
    ContactFactory(
        person=case,
        sentence=None,
        officer=officer_user.staff,
        starts_at=at(-1, 14),
        type="case_note",
        is_appointment=False,
        notes="Phoned GP",
    )

    page = _log(client, officer_user, case.crn).content.decode()

    assert page.index("Case note, ") < page.index("Planned office visit, ")
    assert "9:00am" in page
    assert "2:00pm" in page
    assert "Leeds Hub" in page
    assert "Phoned GP" in page
    assert "Attended – complied (ATTC)" in page
    assert officer_user.staff.name in page


def test_log_times_are_shown_in_uk_time(client, officer_user, case):
    ContactFactory(
        person=case,
        sentence=None,
        officer=officer_user.staff,
        starts_at=dt.datetime(2026, 7, 1, 9, 0, tzinfo=dt.UTC),
    )

    assert "1 July 2026, 10:00am" in _log(client, officer_user, case.crn).content.decode()


def test_log_filters_by_type_outcome_date_and_needs_outcome(client, officer_user, case, sentence):
    attended = ContactFactory(
        person=case, sentence=sentence, officer=officer_user.staff, starts_at=at(-10), outcome="ATTC"
    )
    needs = ContactFactory(person=case, sentence=None, officer=officer_user.staff, starts_at=at(-3))
    booked = ContactFactory(person=case, sentence=None, officer=officer_user.staff, starts_at=at(3))
    note = ContactFactory(
        person=case,
        sentence=None,
        officer=officer_user.staff,
        starts_at=at(-3, 12),
        type="case_note",
        is_appointment=False,
    )

    def shown(**params):
        _log(client, officer_user, case.crn, **params)
        return set(AuditEvent.objects.filter(object_type="contact").latest("seq").detail["shown"])

    assert shown(type="case_note") == {note.pk}
    assert shown(outcome="ATTC") == {attended.pk}
    assert shown(outcome="none") == {needs.pk, booked.pk}
    assert shown(outcome="needs") == {needs.pk}
    assert shown(sentence=sentence.pk) == {attended.pk}
    assert shown(
        date_from=(today_uk() - dt.timedelta(days=4)).isoformat(), date_to=today_uk().isoformat()
    ) == {needs.pk, note.pk}
    assert AuditEvent.objects.filter(object_type="contact").latest("seq").detail["filters"]["from"]


def test_log_pages_by_keyset_without_repeats(client, officer_user, case, settings):
    settings.PAGE_SIZE = 5
    made = _contacts(case, officer_user.staff, 12)
    seen, params = [], {}
    for _ in range(3):
        response = _log(client, officer_user, case.crn, **params)
        seen += AuditEvent.objects.filter(object_type="contact").latest("seq").detail["shown"]
        if "Older contacts" not in response.content.decode():
            break
        params = {
            "after": response.context["next_url"]
            .split("after=")[1]
            .replace("%2B", "+")
            .replace("%3A", ":")
            .replace("%7E", "~")
        }

    assert seen == [c.pk for c in sorted(made, key=lambda c: c.starts_at, reverse=True)]


def test_log_query_count_does_not_grow_with_contacts(
    client, officer_user, case, sentence, django_assert_max_num_queries
):
    _contacts(case, officer_user.staff, 3)
    client.force_login(officer_user)
    url = reverse("contacts:list", args=[case.crn])
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as few:
        client.get(url)
    _contacts(case, officer_user.staff, 60, sentence=sentence)
    with django_assert_max_num_queries(len(few)):
        client.get(url)


def test_sensitive_notes_are_hidden_from_a_vlo_but_shown_to_the_officer(client, officer_user, case):
    ContactFactory(
        person=case,
        sentence=None,
        officer=officer_user.staff,
        starts_at=at(-1),
        notes="Disclosed abuse",
        sensitive=True,
    )
    vlo = UserFactory(role=Role.VLO, staff=StaffFactory(team=case.team))

    hidden = _log(client, vlo, case.crn).content.decode()
    shown = _log(client, officer_user, case.crn).content.decode()

    assert "Disclosed abuse" not in hidden
    assert SENSITIVE_HIDDEN in hidden
    assert "Disclosed abuse" in shown
    assert SENSITIVE_HIDDEN not in shown
    assert "Disclosed abuse" not in str(list(AuditEvent.objects.values_list("detail", flat=True)))


def test_booking_page_shows_the_risk_to_staff_flag_and_rosh(client, officer_user, case):
    Person.objects.filter(pk=case.pk).update(rosh_level="high")
    RegistrationFactory(person=case, register_type="AV2S", registered_on=dt.date(2026, 2, 3))
    client.force_login(officer_user)

    page = client.get(reverse("contacts:book", args=[case.crn])).content.decode()

    assert "Risk to staff</strong> flag since 3 February 2026" in page
    assert "RoSH: High" in page


def test_booking_through_the_page_books_and_redirects(client, officer_user, case):
    client.force_login(officer_user)
    day = today_uk() + dt.timedelta(days=5)
    data = {
        "type": "home_visit",
        "date_0": day.day,
        "date_1": day.month,
        "date_2": day.year,
        "start_time": "2:30pm",
        "end_time": "15:30",
        "officer": officer_user.staff.pk,
        "location": "Home",
        "reminder": "",
        "confirm_bank_holiday": "on",  # five days ahead may be a bank holiday
    }

    response = client.post(reverse("contacts:book", args=[case.crn]), data)

    assert response.status_code == 302
    contact = Contact.objects.get()
    assert (contact.starts_at, contact.type) == (at(5, 14, 30), "home_visit")
    clash = client.post(reverse("contacts:book", args=[case.crn]), data)
    assert clash.status_code == 200
    assert "already has an appointment from 2:30pm to 3:30pm" in clash.content.decode()


def test_outcome_page_offers_only_the_types_outcomes(client, officer_user, case):
    contact = ContactFactory(
        person=case, sentence=None, officer=officer_user.staff, starts_at=at(-1), type="drug_test"
    )
    client.force_login(officer_user)

    page = client.get(reverse("contacts:outcome", args=[case.crn, contact.pk])).content.decode()

    assert 'value="TCLN"' in page
    assert 'value="ATTC"' not in page
    assert 'value="CO10"' not in page
    assert 'value="RSOF"' not in page


def test_diary_shows_the_week_with_restricted_cases_as_restricted(client, officer_user, case):
    secret = PersonFactory(officer=officer_user.staff, surname="Hiddenname")
    Restriction.objects.create(person=secret, user=UserFactory(), added_by=officer_user)
    Person.objects.filter(pk=secret.pk).update(is_restricted=True)
    monday = today_uk() - dt.timedelta(days=today_uk().weekday())
    start = (monday - today_uk()).days
    ContactFactory(
        person=case,
        sentence=None,
        officer=officer_user.staff,
        starts_at=at(start + 1, 9),
        location="Leeds Hub",
    )
    ContactFactory(person=secret, sentence=None, officer=officer_user.staff, starts_at=at(start + 2, 9))
    ContactFactory(
        person=case,
        sentence=None,
        officer=officer_user.staff,
        starts_at=at(start + 8, 9),
        location="Following week hub",
    )
    client.force_login(officer_user)

    page = client.get(reverse("contacts:diary")).content.decode()

    assert escape(case.display_name) in page  # O'NEILL is O&#x27;NEILL in HTML
    assert case.crn in page
    assert "Leeds Hub" in page
    assert "9:00am" in page
    assert "Hiddenname" not in page
    assert secret.crn in page
    assert "Restricted" in page
    assert "Following week hub" not in page
    assert (
        "Following week hub"
        in client.get(
            reverse("contacts:diary"), {"week": (monday + dt.timedelta(days=7)).isoformat()}
        ).content.decode()
    )


def test_ical_feed_works_with_a_valid_token_and_has_no_names(client, officer_user, case):
    # Names no calendar text can contain by chance (a random "Lee" is inside "Leeds Hub").
    case.surname = "Quixotry"
    case.save(update_fields=["surname"])
    officer_user.staff.surname = "Zwelithini"
    officer_user.staff.save(update_fields=["surname"])
    ContactFactory(
        person=case,
        sentence=None,
        officer=officer_user.staff,
        starts_at=at(2, 9),
        location="Leeds Hub",
        notes="Secret note",
    )

    token = diary_feed_link_create(actor=officer_user, staff=officer_user.staff)
    response = client.get(reverse("contacts:diary-feed", args=[token]))

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    events = Calendar.from_ical(response.content).walk("VEVENT")
    assert [str(e["summary"]) for e in events] == [f"Planned office visit – {case.crn}"]
    assert str(events[0]["location"]) == "Leeds Hub"
    text = response.content.decode()
    for personal in (case.first_name, case.surname, "Secret note", officer_user.staff.surname):
        assert personal not in text


def test_ical_feed_refuses_a_bad_or_forged_token(client, officer_user, colleague):
    token = diary_feed_link_create(actor=officer_user, staff=officer_user.staff)

    assert client.get(reverse("contacts:diary-feed", args=["nonsense"])).status_code == 404
    assert client.get(reverse("contacts:diary-feed", args=[token[:-2] + "xx"])).status_code == 404
    assert DiaryFeedToken.objects.get().token_hash != token  # only a hash is stored


def _feed_url_from(response) -> str:
    found = re.search(r"<code>https?://[^/]+(/diary/[^<]+\.ics)</code>", response.content.decode())
    assert found is not None
    return found[1]


def test_calendar_link_is_shown_once_rotated_and_turned_off_from_the_diary(client, officer_user):
    client.force_login(officer_user)
    assert "Create a calendar link" in client.get(reverse("contacts:diary")).content.decode()

    first = _feed_url_from(client.post(reverse("contacts:diary-feed-link"), {"action": "create"}))
    assert client.get(first).status_code == 200
    page = client.get(reverse("contacts:diary")).content.decode()
    assert "Create a new link" in page
    assert first not in page

    second = _feed_url_from(client.post(reverse("contacts:diary-feed-link"), {"action": "create"}))
    assert second != first
    assert client.get(first).status_code == 404
    assert client.get(second).status_code == 200

    response = client.post(reverse("contacts:diary-feed-link"), {"action": "turn-off"})
    assert response.status_code == 302
    assert client.get(second).status_code == 404
    assert not DiaryFeedToken.objects.exists()
    assert list(
        AuditEvent.objects.filter(object_type="diary_feed_link")
        .order_by("id")
        .values_list("action", flat=True)
    ) == ["create", "create", "update"]


def test_calendar_link_page_needs_the_diary_role(client, admin_user):
    client.force_login(admin_user)
    assert client.post(reverse("contacts:diary-feed-link"), {"action": "create"}).status_code == 404
    assert not DiaryFeedToken.objects.exists()


def test_outstanding_list_oldest_first_with_awaiting_evidence_and_overdue(
    client, officer_user, case, django_assert_max_num_queries
):
    newer = ContactFactory(person=case, sentence=None, officer=officer_user.staff, starts_at=at(-2))
    older = ContactFactory(person=case, sentence=None, officer=officer_user.staff, starts_at=at(-5))
    ContactFactory(person=case, sentence=None, officer=officer_user.staff, starts_at=at(2))  # not yet due
    ContactFactory(person=case, sentence=None, starts_at=at(-3))  # another officer's
    ContactFactory(
        person=case,
        sentence=None,
        officer=officer_user.staff,
        starts_at=at(-10),
        outcome="AFTA",
        evidence_due_on=today_uk() - dt.timedelta(days=3),
    )
    client.force_login(officer_user)

    with django_assert_max_num_queries(14):
        page = client.get(reverse("contacts:outstanding")).content.decode()

    assert page.count("Record outcome<") == 2
    assert page.index(reverse("contacts:outcome", args=[case.crn, older.pk])) < page.index(
        reverse("contacts:outcome", args=[case.crn, newer.pk])
    )
    assert "Overdue" in page
    assert "Decide" in page
