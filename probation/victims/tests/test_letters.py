"""Letters to victims (issue 15 item 3): an opted-out victim is refused with nothing sent; a letter's
PDF never holds the prison or the release address, even when the VLO types them."""

import io

import pytest
from django.urls import reverse
from pypdf import PdfReader

from probation.audit.models import AuditEvent
from probation.people.tests.factories import AddressFactory
from probation.victims.models import VictimContact, VictimLetter
from probation.victims.tests.factories import (
    RepresentationFactory,
    SchemeCaseFactory,
    VictimFactory,
    vlo_user,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def victim(case):
    AddressFactory(
        person=case, address_number="4", street_name="Mill Lane", town_city="Hunslet", postcode="LS10 1AB"
    )
    return VictimFactory(scheme_case=SchemeCaseFactory(person=case), participation="opted_in")


def _text(response) -> str:
    reader = PdfReader(io.BytesIO(response.content))
    return " ".join(" ".join(page.extract_text().split()) for page in reader.pages)


def test_an_opted_out_victim_is_refused_a_key_stage_letter_and_nothing_is_sent(client, victim):
    victim.participation = "opted_out"
    victim.save()
    client.force_login(vlo_user(victim.scheme_case.person))

    response = client.post(reverse("victims:letter-create", args=[victim.pk]), {"kind": "licence_conditions"})

    assert response.status_code == 200
    assert "This victim has opted out of the scheme: no letter can be sent unless they rejoin" in (
        response.content.decode()
    )
    assert not VictimLetter.objects.exists()
    assert not VictimContact.objects.exists()


@pytest.mark.parametrize(
    ("details", "message"),
    [
        ("He is held at HMP Leeds until then", "must never give the prison"),
        ("He will live at 4 Mill Lane", "must never give an address"),
        ("He will be in Hunslet", "must never give an address"),
    ],
)
def test_the_prison_or_the_release_address_is_refused(client, victim, details, message):
    client.force_login(vlo_user(victim.scheme_case.person))

    response = client.post(
        reverse("victims:letter-create", args=[victim.pk]), {"kind": "parole_decision", "details": details}
    )

    assert message in response.content.decode()
    assert not VictimLetter.objects.exists()


def test_the_conditions_letter_lists_what_was_included_and_never_a_location(client, victim):
    RepresentationFactory(
        victim=victim,
        kind="exclusion_zone",
        request="An exclusion zone around her home area",
        status="included",
    )
    vlo = vlo_user(victim.scheme_case.person)
    client.force_login(vlo)

    client.post(reverse("victims:letter-create", args=[victim.pk]), {"kind": "licence_conditions"})
    letter = VictimLetter.objects.get()
    response = client.get(reverse("victims:letter-pdf", args=[letter.pk]))

    text = _text(response)
    assert "Exclusion zone: An exclusion zone around her home area" in text
    assert victim.name in text
    for never in ("Mill Lane", "Hunslet", "LS10 1AB", "HMP", "Prison"):
        assert never not in text, never
    assert AuditEvent.objects.filter(action="export", object_type="victim_letter").count() == 1
    assert (
        VictimContact.objects.get().summary
        == "Letter sent: Licence conditions that relate to you and when they end"
    )
