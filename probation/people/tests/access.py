"""The access-matrix harness every app's access tests share.

Each app's ``test_*access*.py`` declares the URL names its matrix covers as module-level data,
``MATRIX_URLS``; ``tests/test_access_matrix_coverage.py`` fails naming any URL that takes a CRN or an
object id and is in no matrix. The helpers here are the set-up and the comparisons every matrix
repeats: who the users are, how a case is excluded, restricted or shared, and what "the page a
missing CRN gets" means (the same status and the same bytes, less the per-request nonce and CSRF
token)."""

import datetime as dt
import re
from typing import cast
from urllib.parse import urlsplit

from django.http import HttpResponse
from django.test import Client
from django.urls import resolve

from probation.accounts.models import Role, User
from probation.accounts.tests.factories import StaffFactory, UserFactory
from probation.audit.models import AuditEvent
from probation.people.models import Exclusion, PartnerShare, Person, Restriction

MISSING_CRN = "Z999999"
_PER_REQUEST = re.compile(rb'nonce="[^"]*"|name="csrfmiddlewaretoken" value="[^"]*"')


def body(response: HttpResponse) -> bytes:
    """The page without what changes on every request (the CSP nonce and the CSRF token)."""
    return _PER_REQUEST.sub(b"", response.content)


def get(client: Client, user: User | None, url: str) -> HttpResponse:
    """GET ``url`` as ``user`` (anonymous when None), and check what the audit says of it (every
    matrix's GETs walk the case pages through here): see ``assert_audited``."""
    if user is not None:
        client.force_login(user)
    last = AuditEvent.objects.order_by("-seq").values_list("seq", flat=True).first() or 0
    response = cast(HttpResponse, client.get(url))  # the view's own response, with test extras
    if user is not None:
        assert_audited(url, response, since=last)
    return response


def assert_audited(url: str, response: HttpResponse, *, since: int) -> None:
    """A signed-in GET of a case's URL (one naming a CRN) leaves exactly one audit row with that
    CRN: a view (or an export, for a document) when the page was shown, a refusal when it was a 404
    (the case denied or missing); a redirect shows nothing and records nothing."""
    match = resolve(urlsplit(url).path)
    crn = match.kwargs.get("crn")
    if crn is None:
        return
    rows = list(AuditEvent.objects.filter(seq__gt=since).order_by("seq").values_list("action", "crn"))
    if response.status_code == 200:
        assert len(rows) == 1, (match.view_name, rows)
        assert rows[0][1] == crn, (match.view_name, rows)
        assert rows[0][0] in ("view", "export"), (match.view_name, rows)
    elif response.status_code == 404:
        assert rows == [("refused", crn if len(crn) <= 7 else "")], (match.view_name, rows)
    elif response.status_code == 302:
        assert rows == [], (match.view_name, rows)


def assert_sent_to_sign_in(response: HttpResponse) -> None:
    assert response.status_code == 302
    assert response["Location"].startswith("/sign-in?next=")


def assert_same_as_missing(denied: HttpResponse, missing: HttpResponse) -> None:
    """A denied user gets exactly the page a missing CRN gets: a 404 with the same body."""
    assert denied.status_code == missing.status_code == 404
    assert body(denied) == body(missing)


def audited() -> list[tuple[str, str]]:
    """Every audit row so far, oldest first, as (action, CRN)."""
    return list(AuditEvent.objects.order_by("seq").values_list("action", "crn"))


def assert_only_refusals(*crns: str) -> None:
    """The audit holds one refusal row per CRN asked for, in order, and nothing else: a refused
    attempt leaves a trace but shows (and records as seen) nothing."""
    assert audited() == [("refused", crn) for crn in crns]


def exclude(person: Person, user: User) -> None:
    """Put ``user`` on the case's exclusion list."""
    Exclusion.objects.create(person=person, user=user, added_by=user)
    Person.objects.filter(pk=person.pk).update(has_exclusions=True)


def restrict(person: Person, *, to: User) -> None:
    """Restrict the case to the users on its restriction list, with ``to`` on it."""
    Restriction.objects.create(person=person, user=to, added_by=to)
    Person.objects.filter(pk=person.pk).update(is_restricted=True)


def restrict_to_someone_else(person: Person) -> None:
    """Restrict the case to a new user, so that nobody else may see it."""
    restrict(person, to=UserFactory.create())


def share(
    person: Person, partner: User, *, expires_on: str | dt.date = "2099-01-01", granted_by: User | None = None
) -> None:
    """Share the case with a partner agency user until ``expires_on``."""
    PartnerShare.objects.create(
        person=person,
        user=partner,
        reason="MAPPA level 2",
        granted_by=granted_by or partner,
        expires_on=expires_on,
    )


def partner_user(**fields: object) -> User:
    """A partner agency user (no staff record)."""
    return UserFactory.create(role=Role.PARTNER, staff=None, **fields)


def other_pdu_user() -> User:
    """A senior probation officer in a different PDU."""
    return UserFactory.create(role=Role.SENIOR_PO)


def team_user(role: str, person: Person, **staff_fields: object) -> User:
    """A user with ``role`` in the team that manages ``person``."""
    return UserFactory.create(role=role, staff=StaffFactory(team=person.team, **staff_fields))
