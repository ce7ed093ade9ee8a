"""Search forms submit by GET with no CSRF token: the token would otherwise sit in the URL, the
browser history and the server logs (issue 10 item 9)."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def _get_form(page: str) -> str:
    """The page's GET form (the sign-out form in the header is a POST and keeps its token)."""
    return page.split('<form method="get"', 1)[1].split("</form>", 1)[0]


def test_the_search_form_sends_no_csrf_token_in_its_url(client, officer_user):
    client.force_login(officer_user)

    page = client.get(reverse("people:search")).content.decode()

    assert "csrfmiddlewaretoken" not in _get_form(page)


def test_search_results_link_no_csrf_token(client, officer_user):
    client.force_login(officer_user)

    page = client.get(reverse("people:search"), {"q": "Smith"}).content.decode()

    assert "csrfmiddlewaretoken" not in _get_form(page)


def test_the_find_a_case_form_for_limited_access_sends_no_csrf_token(client, admin_user):
    client.force_login(admin_user)

    page = client.get(reverse("people:limited-access-find")).content.decode()

    assert "csrfmiddlewaretoken" not in _get_form(page)
