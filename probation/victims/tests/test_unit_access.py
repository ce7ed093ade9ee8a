"""Who may open the unit's management pages (issue 15): allocating a case (the unit's manager of the
case's region only), closing and reopening it (a VLO or the manager of the case's region), the closed
list (victim liaison staff, their own region's cases only) and sending a failed message again (a VLO of
the case's region). Everyone else gets the page a missing id gets, and their changes change nothing."""

import pytest
from django.urls import reverse

from probation.accounts.tests.factories import StaffFactory, UserFactory
from probation.people.tests import access
from probation.victims.models import SchemeCase, SchemeCaseChange, VictimMessage
from probation.victims.tests.factories import (
    SchemeCaseFactory,
    VictimFactory,
    vlo_manager_user,
    vlo_user,
)

pytestmark = pytest.mark.django_db
MATRIX_URLS = [
    "victims:closed",
    "victims:scheme-case-allocate",
    "victims:scheme-case-close",
    "victims:scheme-case-reopen",
    "victims:message-retry",
]


@pytest.fixture
def world(officer_user):
    from probation.people.tests.factories import PersonFactory

    person = PersonFactory(officer=officer_user.staff)
    scheme = SchemeCaseFactory(person=person)
    closed = SchemeCaseFactory(
        person=PersonFactory(pdu=person.pdu), closed_on="2026-10-01", closed_reason="other"
    )
    victim = VictimFactory(scheme_case=scheme, email="v@example.org")
    letter = victim.letters.create(kind="scheme_offer", sent_on="2026-10-01", sent_by=officer_user)
    message = VictimMessage.objects.create(
        letter=letter,
        victim=victim,
        channel="email",
        to="v@example.org",
        body="x",
        status="failed",
        attempts=1,
    )
    vlo = vlo_user(person)
    return {
        "person": person,
        "scheme": scheme,
        "closed": closed,
        "message": message,
        "vlo": vlo,
        "manager": vlo_manager_user(person),
    }


def _users(world):
    team = world["person"].team
    partner = access.partner_user()
    access.share(world["person"], partner)
    return {
        "vlo": world["vlo"],
        "vlo-other-region": vlo_user(SchemeCaseFactory().person),
        "manager": world["manager"],
        "manager-other-region": vlo_manager_user(SchemeCaseFactory().person),
        "po": UserFactory(role="practitioner", staff=StaffFactory(team=team, grade="PO")),
        "spo": UserFactory(role="senior_po", staff=StaffFactory(team=team, grade="SPO")),
        "ap-staff": UserFactory(role="ap_staff", staff=StaffFactory(team=team, grade="AP")),
        "partner": partner,
        "sysadmin": UserFactory(role="system_admin", staff=None),
    }


# Who gets 200 on each page (everyone else: the missing page).
ALLOWED = {
    "allocate": {"manager"},
    "close": {"vlo", "manager"},
    "reopen": {"vlo", "manager"},
}


def test_anonymous_users_are_sent_to_sign_in(client, world):
    s = world["scheme"].pk
    for url in (
        reverse("victims:closed"),
        reverse("victims:scheme-case-allocate", args=[s]),
        reverse("victims:scheme-case-close", args=[s]),
        reverse("victims:scheme-case-reopen", args=[world["closed"].pk]),
    ):
        access.assert_sent_to_sign_in(client.get(url))
    access.assert_sent_to_sign_in(client.post(reverse("victims:message-retry", args=[world["message"].pk])))


@pytest.mark.parametrize(
    "who",
    [
        "vlo",
        "vlo-other-region",
        "manager",
        "manager-other-region",
        "po",
        "spo",
        "ap-staff",
        "partner",
        "sysadmin",
    ],
)
def test_the_access_matrix(client, world, who):
    user = _users(world)[who]
    client.force_login(user)
    s, c = world["scheme"].pk, world["closed"].pk
    missing = client.get(reverse("victims:scheme-case-allocate", args=[999999]))
    pages = {
        "allocate": reverse("victims:scheme-case-allocate", args=[s]),
        "close": reverse("victims:scheme-case-close", args=[s]),
        "reopen": reverse("victims:scheme-case-reopen", args=[c]),
    }
    for page, url in pages.items():
        response = client.get(url)
        if who in ALLOWED[page]:
            assert response.status_code == 200, (who, page)
        else:
            assert response.status_code == 404, (who, page)
            assert access.body(response) == access.body(missing), (who, page)

    closed = client.get(reverse("victims:closed"))
    if who in {"vlo", "manager"}:
        assert world["closed"].person.crn in closed.content.decode()
    elif who in {"vlo-other-region", "manager-other-region"}:
        assert closed.status_code == 200
        assert world["closed"].person.crn not in closed.content.decode()
    else:
        assert closed.status_code == 404


@pytest.mark.parametrize(
    "who", ["vlo-other-region", "manager-other-region", "po", "spo", "ap-staff", "partner", "sysadmin"]
)
def test_refused_changes_change_nothing(client, world, who):
    user = _users(world)[who]
    client.force_login(user)
    s, c = world["scheme"], world["closed"]
    before = list(SchemeCase.objects.order_by("pk").values())

    posts = {
        reverse("victims:scheme-case-allocate", args=[s.pk]): {
            "vlo": world["vlo"].staff.pk,
            "version": s.version,
        },
        reverse("victims:scheme-case-close", args=[s.pk]): {"reason": "opted_out", "version": s.version},
        reverse("victims:scheme-case-reopen", args=[c.pk]): {"details": "x", "version": c.version},
        reverse("victims:message-retry", args=[world["message"].pk]): {},
    }
    for url, data in posts.items():
        assert client.post(url, data).status_code == 404, (who, url)

    assert list(SchemeCase.objects.order_by("pk").values()) == before
    assert not SchemeCaseChange.objects.exists()
    world["message"].refresh_from_db()
    assert (world["message"].status, world["message"].attempts) == ("failed", 1)


def test_the_manager_cannot_record_victim_data(client, world):
    """Recording victims, contacts, requests and letters stays with the VLOs; the manager reads."""
    client.force_login(world["manager"])
    victim = world["message"].victim

    assert client.get(reverse("victims:victim", args=[victim.pk])).status_code == 200
    for name in ("victim-edit", "victim-contact-create", "letter-create", "representation-create"):
        assert client.get(reverse(f"victims:{name}", args=[victim.pk])).status_code == 404, name
    assert client.post(reverse("victims:message-retry", args=[world["message"].pk])).status_code == 404
