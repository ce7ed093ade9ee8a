"""Who may open the account administration pages (issue 9 item 4): system administrators only;
anyone else gets the page a missing user gets, and nobody signed out gets past sign-in."""

import pytest
from django.urls import reverse

from probation.accounts.models import Role, User
from probation.accounts.tests.factories import UserFactory

pytestmark = pytest.mark.django_db

MATRIX_URLS = [
    "accounts:user-change",
    "accounts:two-factor-reset",
    "accounts:sign-in-link",
    "accounts:user-active",
]

OTHER_ROLES = [role for role in Role.values if role != Role.SYSTEM_ADMIN]


@pytest.fixture
def subject(officer_user):
    return officer_user


def test_signed_out_users_are_sent_to_sign_in(client, subject):
    for url in (
        reverse("accounts:user-list"),
        reverse("accounts:user-change", args=[subject.pk]),
    ):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith("/sign-in?next=")
    response = client.post(reverse("accounts:two-factor-reset", args=[subject.pk]))
    assert response["Location"].startswith("/sign-in?next=")


@pytest.mark.parametrize("role", OTHER_ROLES)
def test_every_other_role_gets_not_found(client, subject, role):
    client.force_login(UserFactory(role=role))

    assert client.get(reverse("accounts:user-list")).status_code == 404
    assert client.get(reverse("accounts:user-change", args=[subject.pk])).status_code == 404
    assert (
        client.post(reverse("accounts:user-change", args=[subject.pk]), {"role": "system_admin"}).status_code
        == 404
    )
    assert client.post(reverse("accounts:two-factor-reset", args=[subject.pk])).status_code == 404
    assert client.post(reverse("accounts:sign-in-unlock"), {"username": "x"}).status_code == 404
    assert client.get(reverse("accounts:user-create")).status_code == 404
    assert (
        client.post(reverse("accounts:user-create"), {"username": "x", "role": "system_admin"}).status_code
        == 404
    )
    assert client.post(reverse("accounts:sign-in-link", args=[subject.pk])).status_code == 404
    assert client.post(reverse("accounts:user-active", args=[subject.pk]), {"active": "0"}).status_code == 404
    subject.refresh_from_db()
    assert subject.role == Role.PRACTITIONER
    assert subject.is_active
    assert not User.objects.filter(username="x").exists()


def test_a_system_administrator_may_open_them(client, subject, admin_user):
    client.force_login(admin_user)

    assert client.get(reverse("accounts:user-list")).status_code == 200
    assert client.get(reverse("accounts:user-change", args=[subject.pk])).status_code == 200
    assert client.get(reverse("accounts:user-change", args=[999999])).status_code == 404
