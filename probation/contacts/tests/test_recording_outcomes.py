"""Issue 10 item 3: recording outcomes is quick. A "needs an outcome" row opens the appointment's
outcome form and saving returns to the list it came from (never to another site); the form groups the
allowed outcomes with a plain-English hint for each."""

import re

import pytest
from django.urls import reverse

from probation.contacts.models import Contact
from probation.contacts.tests.conftest import at
from probation.contacts.tests.factories import ContactFactory
from probation.frontend.return_url import with_next

pytestmark = pytest.mark.django_db
OUTSTANDING = "/contacts/outstanding"


@pytest.fixture
def appointment(case, officer_user):
    return ContactFactory(person=case, sentence=None, officer=officer_user.staff, starts_at=at(-2))


def _outcome_url(case, contact, **query):
    return reverse("contacts:outcome", args=[case.crn, contact.pk]) + (
        "?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else ""
    )


def test_each_outstanding_row_links_to_its_outcome_form_with_the_list_to_return_to(
    client, officer_user, case, appointment
):
    client.force_login(officer_user)

    page = client.get(OUTSTANDING, {"page": "1"}).content.decode()

    expected = with_next(
        reverse("contacts:outcome", args=[case.crn, appointment.pk]), f"{OUTSTANDING}?page=1"
    )
    assert f'href="{expected.replace("&", "&amp;")}"' in page


def test_saving_an_outcome_returns_to_the_list_it_came_from(client, officer_user, case, appointment):
    client.force_login(officer_user)
    url = with_next(reverse("contacts:outcome", args=[case.crn, appointment.pk]), OUTSTANDING)

    form = client.get(url).content.decode()
    response = client.post(url, {"outcome": "ATTC", "notes": "", "version": appointment.version})

    assert f'href="{OUTSTANDING}" class="govuk-back-link"' in form
    assert response.status_code == 302
    assert response["Location"] == OUTSTANDING
    assert Contact.objects.get(pk=appointment.pk).outcome == "ATTC"
    assert "No past appointments need an outcome." in client.get(OUTSTANDING).content.decode()


@pytest.mark.parametrize("attack", ["//evil.example", "https://evil.example", "/\\evil.example"])
def test_a_return_url_to_another_site_is_ignored(client, officer_user, case, appointment, attack):
    client.force_login(officer_user)
    url = reverse("contacts:outcome", args=[case.crn, appointment.pk])

    form = client.get(url, {"next": attack}).content.decode()
    response = client.post(f"{url}?next={attack}", {"outcome": "ATTC", "version": appointment.version})

    assert "evil.example" not in form
    assert response["Location"] == reverse("contacts:list", args=[case.crn])


def test_without_a_return_url_saving_goes_to_the_contact_log(client, officer_user, case, appointment):
    client.force_login(officer_user)
    url = reverse("contacts:outcome", args=[case.crn, appointment.pk])

    response = client.post(url, {"outcome": "ATTC", "version": appointment.version})

    assert response["Location"] == reverse("contacts:list", args=[case.crn])


def test_an_error_keeps_the_return_url(client, officer_user, case, appointment):
    client.force_login(officer_user)
    url = with_next(reverse("contacts:outcome", args=[case.crn, appointment.pk]), OUTSTANDING)

    page = client.post(url, {"version": appointment.version}).content.decode()

    assert "Select the outcome" in page
    assert '<a href="#id_outcome_1">Select the outcome</a>' in page
    assert f'href="{OUTSTANDING}" class="govuk-back-link"' in page


def _groups(page: str) -> list[tuple[str, list[str]]]:
    """(heading, radio values) for each group, in page order."""
    groups = []
    for heading, body in re.findall(
        r'<h2 class="govuk-heading-s app-radios-group__heading[^"]*"[^>]*>([^<]+)</h2>(.*?)</div>\s*(?=<h2|</fieldset>)',
        page,
        re.S,
    ):
        groups.append((heading, re.findall(r'type="radio" value="(\w+)"', body)))
    return groups


def test_the_outcome_form_groups_the_allowed_outcomes_with_one_fieldset(
    client, officer_user, case, appointment
):
    client.force_login(officer_user)

    page = client.get(_outcome_url(case, appointment)).content.decode()

    assert page.count("<fieldset") == 1
    assert "What was the outcome?</legend>" in page
    assert _groups(page) == [
        ("Attended", ["ATTC", "AFTC", "ATSH", "ATSS", "AFDA"]),
        ("Did not attend", ["AFTA", "UAAB"]),
        (
            "Acceptable absence",
            ["AACL", "AAEM", "AAFC", "AAHO", "AAME", "AARE", "AARC", "AASD", "AAAA", "CO05"],
        ),
        ("Other instruction, behaviour or decision", ["ATFI", "UBHV"]),
    ]
    assert page.count('role="group" aria-labelledby="id_outcome_group_') == 4


def test_each_outcome_has_a_hint_saying_whether_it_is_a_failure_to_comply(
    client, officer_user, case, appointment
):
    client.force_login(officer_user)

    page = client.get(_outcome_url(case, appointment)).content.decode()

    hints = dict(
        re.findall(r'value="(\w+)" aria-describedby="[^"]+">.*?govuk-radios__hint">([^<]+)</div>', page, re.S)
    )
    assert len(hints) == 19
    assert hints["AFTA"].startswith("They did not come and you are waiting for evidence of a reason.")
    assert hints["AFTA"].endswith("This counts as a failure to comply.")
    assert hints["UAAB"] == (
        "They did not come and have no acceptable reason, or gave no evidence in time. "
        "This counts as a failure to comply."
    )
    assert hints["ATTC"] == "They came and did what was asked of them."


def test_a_contact_that_is_not_enforceable_does_not_warn_of_a_failure(client, officer_user, case):
    doorstep = ContactFactory(
        person=case, sentence=None, officer=officer_user.staff, starts_at=at(-2), type="doorstep_contact"
    )
    client.force_login(officer_user)

    page = client.get(_outcome_url(case, doorstep)).content.decode()

    assert "counts as a failure to comply" not in page


def test_a_drug_test_offers_the_test_results_as_attended(client, officer_user, case):
    test = ContactFactory(
        person=case, sentence=None, officer=officer_user.staff, starts_at=at(-1), type="drug_test"
    )
    client.force_login(officer_user)

    groups = _groups(client.get(_outcome_url(case, test)).content.decode())

    assert groups[0] == ("Attended", ["TCLN", "TDRT", "TADM", "TRFS", "TNTD", "TUKN"])


def test_recording_from_the_filtered_contact_log_returns_to_it_filtered(
    client, officer_user, case, appointment
):
    client.force_login(officer_user)
    log = reverse("contacts:list", args=[case.crn]) + "?outcome=needs"

    page = client.get(log).content.decode()
    url = with_next(reverse("contacts:outcome", args=[case.crn, appointment.pk]), log)
    response = client.post(url, {"outcome": "AAME", "version": appointment.version})

    assert f'href="{url}"' in page
    assert response["Location"] == log


def test_an_outcome_the_type_does_not_allow_is_refused_with_a_sentence(
    client, officer_user, case, appointment
):
    client.force_login(officer_user)

    page = client.post(_outcome_url(case, appointment), {"outcome": "TCLN", "version": appointment.version})

    assert "Select an outcome allowed for this appointment" in page.content.decode()
    assert Contact.objects.get(pk=appointment.pk).outcome == ""
