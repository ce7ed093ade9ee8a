"""Who may open the victim contact scheme's pages (issue 15, the wall): victim liaison staff of the
case's region read and record victims; a VLO of another region, practitioners, senior POs, AP staff,
partners and administrators get exactly the page a missing id gets, and their changes change nothing.
The offender manager's section shows the scheme without a victim; only the case's PDU decides requests."""

import pytest
from django.urls import reverse

from probation.accounts.tests.factories import StaffFactory, UserFactory
from probation.people.tests import access
from probation.victims.models import (
    Representation,
    SchemeCase,
    Victim,
    VictimContact,
    VictimLetter,
    VictimStatement,
)
from probation.victims.tests.factories import (
    RepresentationFactory,
    SchemeCaseFactory,
    VictimFactory,
    vlo_user,
)

pytestmark = pytest.mark.django_db
MATRIX_URLS = [
    "victims:unit",
    "victims:case-add",
    "victims:scheme-case",
    "victims:scheme-case-take",
    "victims:victim-create",
    "victims:task-done",
    "victims:victim",
    "victims:victim-edit",
    "victims:victim-participation",
    "victims:victim-contact-create",
    "victims:representation-create",
    "victims:letter-create",
    "victims:statement-create",
    "victims:letter-pdf",
    "victims:case-scheme",
    "victims:representation-decide",
]
VLO_GET = [
    "scheme-case",
    "victim-create",
    "victim",
    "victim-edit",
    "victim-participation",
    "victim-contact-create",
    "representation-create",
]


@pytest.fixture
def world(officer_user):
    from probation.people.tests.factories import PersonFactory

    person = PersonFactory(officer=officer_user.staff)
    scheme = SchemeCaseFactory(person=person)
    victim = VictimFactory(scheme_case=scheme)
    representation = RepresentationFactory(victim=victim)
    task = scheme.tasks.create(kind="recalled", event_date="2026-10-01", told_on="2026-10-01")
    letter = victim.letters.create(kind="scheme_offer", sent_on="2026-10-01", sent_by=officer_user)
    return {
        "letter": letter,
        "person": person,
        "scheme": scheme,
        "victim": victim,
        "representation": representation,
        "task": task,
    }


def _vlo_urls(world):
    s, v = world["scheme"].pk, world["victim"].pk
    return {
        "scheme-case": reverse("victims:scheme-case", args=[s]),
        "victim-create": reverse("victims:victim-create", args=[s]),
        "victim": reverse("victims:victim", args=[v]),
        "victim-edit": reverse("victims:victim-edit", args=[v]),
        "victim-participation": reverse("victims:victim-participation", args=[v]),
        "victim-contact-create": reverse("victims:victim-contact-create", args=[v]),
        "representation-create": reverse("victims:representation-create", args=[v]),
        "letter-create": reverse("victims:letter-create", args=[v]),
        "statement-create": reverse("victims:statement-create", args=[v]),
        "letter-pdf": reverse("victims:letter-pdf", args=[world["letter"].pk]),
    }


def _missing():
    return {
        "scheme-case": reverse("victims:scheme-case", args=[999999]),
        "victim": reverse("victims:victim", args=[999999]),
    }


def test_anonymous_users_are_sent_to_sign_in(client, world):
    urls = [
        reverse("victims:unit"),
        reverse("victims:case-add"),
        *_vlo_urls(world).values(),
        reverse("victims:case-scheme", args=[world["person"].crn]),
    ]
    for url in urls:
        access.assert_sent_to_sign_in(client.get(url))


def test_a_vlo_of_the_cases_region_opens_every_page(client, world):
    vlo = vlo_user(world["person"])
    client.force_login(vlo)

    got = {name: client.get(url).status_code for name, url in _vlo_urls(world).items()}
    got["unit"] = client.get(reverse("victims:unit")).status_code
    got["case-add"] = client.get(reverse("victims:case-add")).status_code

    assert set(got.values()) == {200}, got


def _others(world):
    team = world["person"].team
    return {
        "vlo-other-region": vlo_user(SchemeCaseFactory().person),
        "po": UserFactory(role="practitioner", staff=StaffFactory(team=team, grade="PO")),
        "spo": UserFactory(role="senior_po", staff=StaffFactory(team=team, grade="SPO")),
        "case-admin": UserFactory(role="case_admin", staff=StaffFactory(team=team, grade="CA")),
        "court": UserFactory(role="court_officer", staff=StaffFactory(team=team, grade="CO")),
        "ap-staff": UserFactory(role="ap_staff", staff=StaffFactory(team=team, grade="AP")),
        "partner": access.partner_user(),
        "sysadmin": UserFactory(role="system_admin", staff=None),
    }


def test_nobody_else_opens_a_victim_page_and_gets_the_missing_page(client, world):
    access.share(world["person"], partner := access.partner_user(username="partner-shared"))
    others = _others(world) | {"partner-shared": partner}
    for who, user in others.items():
        client.force_login(user)
        missing = client.get(_missing()["victim"])
        for name, url in _vlo_urls(world).items():
            response = client.get(url)
            assert response.status_code == 404, (who, name)
            assert access.body(response) == access.body(missing), (who, name)
        if who != "vlo-other-region":
            assert client.get(reverse("victims:unit")).status_code == 404, who
            assert client.get(reverse("victims:case-add")).status_code == 404, who


def test_refused_changes_change_nothing(client, world):
    others = _others(world)
    before = (
        list(Victim.objects.values()),
        list(SchemeCase.objects.values()),
        list(Representation.objects.values()),
    )
    v, s = world["victim"].pk, world["scheme"].pk
    for who, user in others.items():
        client.force_login(user)
        posts = {
            reverse("victims:victim-edit", args=[v]): {
                "forename": "X",
                "surname": "Y",
                "version": "1",
                "role": "victim",
                "preferred_method": "phone",
                "phone": "1",
                "information_level": "annual",
            },
            reverse("victims:victim-participation", args=[v]): {
                "participation": "opted_out",
                "on_0": "1",
                "on_1": "10",
                "on_2": "2026",
                "version": "1",
            },
            reverse("victims:victim-contact-create", args=[v]): {
                "contact_date_0": "1",
                "contact_date_1": "10",
                "contact_date_2": "2026",
                "method": "letter",
                "summary": "x",
            },
            reverse("victims:representation-create", args=[v]): {"kind": "other", "request": "x"},
            reverse("victims:victim-create", args=[s]): {
                "forename": "A",
                "surname": "B",
                "role": "victim",
                "preferred_method": "phone",
                "phone": "1",
                "information_level": "annual",
            },
            reverse("victims:scheme-case-take", args=[s]): {"version": "1"},
            reverse("victims:task-done", args=[world["task"].pk]): {},
            reverse("victims:letter-create", args=[v]): {"kind": "scheme_offer"},
            reverse("victims:statement-create", args=[v]): {
                "hearing": "Oral hearing",
                "delivery": "panel_reads",
            },
        }
        for url, data in posts.items():
            assert client.post(url, data).status_code == 404, (who, url)
    after = (
        list(Victim.objects.values()),
        list(SchemeCase.objects.values()),
        list(Representation.objects.values()),
    )
    assert after == before
    assert not VictimContact.objects.exists()
    assert list(VictimLetter.objects.values_list("pk", flat=True)) == [world["letter"].pk]
    assert not VictimStatement.objects.exists()
    world["task"].refresh_from_db()
    assert world["task"].done_on is None


def test_the_offender_manager_sees_the_scheme_but_no_victim(client, officer_user, world):
    url = reverse("victims:case-scheme", args=[world["person"].crn])

    response = access.get(client, officer_user, url)

    page = response.content.decode()
    assert response.status_code == 200
    assert "No contact with the victim or her family" in page  # the request, without a location
    assert world["victim"].surname not in page
    assert "High Street" not in page
    assert "LS1 1AA" not in page


@pytest.mark.parametrize("who", ["vlo", "partner", "sysadmin", "ap-staff", "excluded", "missing"])
def test_others_do_not_see_the_offender_managers_section(client, officer_user, world, who):
    person = world["person"]
    users = {
        "vlo": vlo_user(person),
        "partner": access.partner_user(),
        "sysadmin": UserFactory(role="system_admin", staff=None),
        "ap-staff": UserFactory(role="ap_staff", staff=StaffFactory(team=person.team, grade="AP")),
        "excluded": officer_user,
        "missing": officer_user,
    }
    if who == "partner":
        access.share(person, users["partner"])
    if who == "excluded":
        access.exclude(person, officer_user)
    crn = access.MISSING_CRN if who == "missing" else person.crn
    user = users[who]
    if who == "ap-staff":
        response = access.get(client, user, reverse("victims:case-scheme", args=[crn]))
        assert response.status_code == 404
        return

    denied = access.get(client, user, reverse("victims:case-scheme", args=[crn]))
    decide = access.get(
        client, user, reverse("victims:representation-decide", args=[crn, world["representation"].pk])
    )

    assert denied.status_code == 404
    assert decide.status_code == 404


def test_only_the_cases_pdu_decides_a_request(client, officer_user, spo_user, world):
    url = reverse("victims:representation-decide", args=[world["person"].crn, world["representation"].pk])
    other_pdu = access.other_pdu_user()
    data = {"decision": "included", "reason": "Necessary and proportionate", "version": "1"}

    assert access.get(client, spo_user, url).status_code == 200
    assert access.get(client, other_pdu, url).status_code == 404
    client.force_login(other_pdu)
    assert client.post(url, data).status_code == 404
    world["representation"].refresh_from_db()
    assert world["representation"].status == "with_com"
    assert (
        access.get(client, other_pdu, reverse("victims:case-scheme", args=[world["person"].crn])).status_code
        == 200
    )

    client.force_login(officer_user)
    response = client.post(url, data)

    assert response.status_code == 302
    world["representation"].refresh_from_db()
    assert (world["representation"].status, world["representation"].decided_by) == ("included", officer_user)
