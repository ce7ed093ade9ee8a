"""Victims and representatives, their choices and the separate contact log (issue 15 item 2)."""

import datetime as dt

import pytest
from django.urls import reverse

from probation.audit.models import AuditEvent
from probation.victims.models import Victim, VictimContact
from probation.victims.tests.factories import SchemeCaseFactory, VictimFactory, vlo_user

pytestmark = pytest.mark.django_db

FORM = {
    "role": "victim",
    "forename": "Alys",
    "surname": "Morgan",
    "address": "17 Orchard Way\nLeeds",
    "postcode": "ls6 2qt",
    "phone": "07700 900456",
    "preferred_method": "letter",
    "information_level": "key_stages",
    "interpreter_language": "Welsh",
}


@pytest.fixture
def scheme():
    return SchemeCaseFactory()


@pytest.fixture
def vlo(scheme):
    return vlo_user(scheme.person)


def test_a_vlo_records_a_victim_and_reads_the_record(client, scheme, vlo):
    client.force_login(vlo)

    response = client.post(reverse("victims:victim-create", args=[scheme.pk]), FORM)

    victim = Victim.objects.get()
    assert response["Location"] == reverse("victims:victim", args=[victim.pk])
    assert (victim.name, victim.postcode, victim.interpreter_language) == ("Alys Morgan", "LS6 2QT", "Welsh")
    page = client.get(reverse("victims:victim", args=[victim.pk])).content.decode()
    assert "17 Orchard Way" in page
    assert "07700 900456" in page
    view = AuditEvent.objects.filter(action="view").last()
    assert (view.object_type, view.object_id, view.crn) == ("victim", str(victim.pk), scheme.person.crn)
    assert "Morgan" not in str(view.detail)


def test_a_duplicate_victim_on_the_same_case_is_refused(client, scheme, vlo):
    VictimFactory(scheme_case=scheme, forename="Alys", surname="Morgan", name_key="alys|morgan")
    client.force_login(vlo)

    response = client.post(reverse("victims:victim-create", args=[scheme.pk]), {**FORM, "forename": " alys "})

    assert response.status_code == 200
    assert (
        "alys Morgan is already recorded on this case: open their record instead" in response.content.decode()
    )
    assert Victim.objects.count() == 1


def test_the_same_name_on_another_case_is_not_a_duplicate(client, scheme, vlo):
    VictimFactory(forename="Alys", surname="Morgan", name_key="alys|morgan")
    client.force_login(vlo)

    client.post(reverse("victims:victim-create", args=[scheme.pk]), FORM)

    assert Victim.objects.count() == 2


def test_a_parent_represents_a_child_victim(client, scheme, vlo):
    child = VictimFactory(scheme_case=scheme, date_of_birth=dt.date(2015, 1, 1))
    client.force_login(vlo)

    client.post(
        reverse("victims:victim-create", args=[scheme.pk]),
        {**FORM, "role": "parent", "represents_id": str(child.pk), "relationship": "Mother"},
    )

    parent = Victim.objects.get(role="parent")
    assert parent.represents == child


def test_letters_need_an_address_and_texts_a_phone(client, scheme, vlo):
    client.force_login(vlo)

    letter = client.post(reverse("victims:victim-create", args=[scheme.pk]), {**FORM, "address": ""})
    sms = client.post(
        reverse("victims:victim-create", args=[scheme.pk]), {**FORM, "preferred_method": "sms", "phone": ""}
    )

    assert "Enter an address to send letters to" in letter.content.decode()
    assert "Enter the phone number to contact them by" in sms.content.decode()
    assert not Victim.objects.exists()


def test_opt_out_then_rejoin(client, scheme, vlo):
    victim = VictimFactory(scheme_case=scheme)
    client.force_login(vlo)
    url = reverse("victims:victim-participation", args=[victim.pk])

    client.post(
        url, {"participation": "opted_out", "on_0": "1", "on_1": "10", "on_2": "2026", "version": "1"}
    )
    client.post(url, {"participation": "opted_in", "on_0": "2", "on_1": "10", "on_2": "2026", "version": "2"})

    victim.refresh_from_db()
    assert (victim.participation, victim.participation_on, victim.version) == (
        "opted_in",
        dt.date(2026, 10, 2),
        3,
    )


def test_a_stale_edit_is_refused_and_changes_nothing(client, scheme, vlo):
    victim = VictimFactory(scheme_case=scheme, phone="0113 000 0000")
    Victim.objects.filter(pk=victim.pk).update(version=2)
    client.force_login(vlo)

    response = client.post(
        reverse("victims:victim-edit", args=[victim.pk]),
        {**FORM, "forename": victim.forename, "surname": victim.surname, "version": "1"},
    )

    assert response.status_code == 409
    assert "Someone else changed this record" in response.content.decode()
    victim.refresh_from_db()
    assert victim.phone == "0113 000 0000"


def test_the_first_contact_logged_is_the_cases_first_contact(client, scheme, vlo):
    victim = VictimFactory(scheme_case=scheme)
    client.force_login(vlo)
    url = reverse("victims:victim-contact-create", args=[victim.pk])

    client.post(
        url,
        {
            "contact_date_0": "9",
            "contact_date_1": "9",
            "contact_date_2": "2026",
            "method": "letter",
            "summary": "Offer of the scheme",
        },
    )
    client.post(
        url,
        {
            "contact_date_0": "20",
            "contact_date_1": "9",
            "contact_date_2": "2026",
            "method": "phone",
            "summary": "Called back",
        },
    )

    scheme.refresh_from_db()
    assert scheme.first_contact_on == dt.date(2026, 9, 9)
    assert list(VictimContact.objects.order_by("contact_date").values_list("first_contact", flat=True)) == [
        True,
        False,
    ]


def test_every_read_of_victim_data_is_audited_without_names(client, scheme, vlo):
    victim = VictimFactory(scheme_case=scheme, surname="Quillfeather")
    client.force_login(vlo)

    client.get(reverse("victims:unit"))
    client.get(reverse("victims:scheme-case", args=[scheme.pk]))
    client.get(reverse("victims:victim-edit", args=[victim.pk]))

    rows = list(AuditEvent.objects.order_by("seq").values_list("action", "object_type", "object_id", "crn"))
    assert rows == [
        ("view", "victim_unit", str(scheme.region_id), ""),
        ("view", "victim_scheme_case", str(scheme.pk), scheme.person.crn),
        ("view", "victim", str(victim.pk), scheme.person.crn),
    ]
    assert "Quillfeather" not in str(list(AuditEvent.objects.values_list("detail", flat=True)))


def test_a_victim_personal_statement_for_parole(client, scheme, vlo):
    victim = VictimFactory(scheme_case=scheme)
    client.force_login(vlo)

    response = client.post(
        reverse("victims:statement-create", args=[victim.pk]),
        {
            "hearing": "Oral hearing, March 2027",
            "delivery": "victim_reads",
            "asks_to_attend": "on",
            "wishes": "Wants the offender absent while she reads it",
        },
    )
    refused = client.post(
        reverse("victims:statement-create", args=[victim.pk]), {"hearing": "", "delivery": "x"}
    )

    assert response.status_code == 302
    statement = victim.statements.get()
    assert (statement.delivery, statement.asks_to_attend) == ("victim_reads", True)
    assert "Enter the hearing" in refused.content.decode()
    assert "Select how the statement will be given" in refused.content.decode()
