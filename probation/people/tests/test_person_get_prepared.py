"""person_get's SQL is built once per role and shared by every user of that role (issue 10
performance): each user still gets only what the policy gives them."""

import datetime as dt

import pytest

from probation.accounts.models import Role
from probation.accounts.tests.factories import UserFactory
from probation.core.errors import NotFound
from probation.people.selectors import person_get
from probation.people.tests.access import exclude, partner_user, restrict, share
from probation.people.tests.factories import PersonFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("details", [True, False])
def test_users_of_one_role_each_get_their_own_answer(details):
    person = PersonFactory()
    allowed = UserFactory(role=Role.PRACTITIONER)
    excluded = UserFactory(role=Role.PRACTITIONER)
    exclude(person, excluded)
    for _ in range(2):  # compiled by the first user's read, then shared
        assert person_get(user=allowed, crn=person.crn, details=details).pk == person.pk
        with pytest.raises(NotFound):
            person_get(user=excluded, crn=person.crn, details=details)


def test_restricted_cases_and_case_insensitive_crns():
    person = PersonFactory()
    listed = UserFactory(role=Role.SENIOR_PO)
    other = UserFactory(role=Role.SENIOR_PO)
    restrict(person, to=listed)
    assert person_get(user=listed, crn=person.crn.lower()).pk == person.pk
    with pytest.raises(NotFound):
        person_get(user=other, crn=person.crn)
    with pytest.raises(NotFound):
        person_get(user=listed, crn="Z999999")


def test_a_partners_share_is_judged_on_the_day(monkeypatch):
    """A partner's query depends on today's date (shares expire), so it is never kept."""
    from probation.people import policy

    person = PersonFactory()
    partner = partner_user()
    share(person, partner, expires_on=dt.date(2030, 1, 1))
    monkeypatch.setattr(policy, "today_uk", lambda: dt.date(2029, 12, 31))
    assert person_get(user=partner, crn=person.crn).pk == person.pk
    monkeypatch.setattr(policy, "today_uk", lambda: dt.date(2030, 1, 2))
    with pytest.raises(NotFound):
        person_get(user=partner, crn=person.crn)


def test_a_role_without_case_view_gets_nothing():
    person = PersonFactory()
    with pytest.raises(NotFound):
        person_get(user=UserFactory(role=Role.SYSTEM_ADMIN), crn=person.crn)
