"""The list import looks candidates up for the whole list at once (PNC numbers together, and a name
search skipped when nobody born that day has a matching name): it finds exactly what matching each
defendant alone finds."""

import datetime as dt

import pytest

from probation.court.services.formats import ListedHearing, ListedOffence
from probation.court.services.matching import candidates_find, candidates_find_all
from probation.people.tests.access import exclude
from probation.people.tests.factories import AliasFactory, PersonFactory

pytestmark = pytest.mark.django_db


def _listed(number, surname, forenames, born, pnc=""):
    return ListedHearing(
        listing_number=number,
        room="1",
        hearing_time=None,
        surname=surname,
        forenames=forenames,
        date_of_birth=born,
        pnc_number=pnc,
        cro_number="",
        address="",
        offences=(ListedOffence("TH68010", "Theft"),),
        plea="",
    )


def test_matching_the_whole_list_finds_what_matching_each_defendant_finds(court_officer):
    born = dt.date(1990, 5, 17)
    smith = PersonFactory(first_name="John", surname="Smith", date_of_birth=born, pnc_number="2004/0046583U")
    twin = PersonFactory(first_name="Jon", surname="Smyth", date_of_birth=born)
    alias_born = dt.date(1980, 1, 2)
    aliased = PersonFactory(first_name="Amy", surname="Jones", date_of_birth=dt.date(1979, 3, 3))
    AliasFactory(person=aliased, first_name="Amy", surname="Jonas", date_of_birth=alias_born)
    hidden = PersonFactory(first_name="Kim", surname="Lee", date_of_birth=born, pnc_number="2010/0012345A")
    exclude(hidden, court_officer)
    listed = [
        _listed(1, "SMITH", "John", born, pnc="04/46583U"),  # by PNC, written the short way
        _listed(2, "SMTIH", "John", born),  # misspelt: by name and date of birth
        _listed(3, "JONAS", "Amy", alias_born),  # an alias's name and date of birth
        _listed(4, "NOBODY", "Zed", born),  # born that day, no name matches: skipped
        _listed(5, "NOBODY", "Zed", dt.date(2001, 9, 9)),  # nobody born that day: skipped
        _listed(6, "SMITH", "John", None),  # no date of birth: the name search as before
        _listed(7, "LEE", "Kim", born, pnc="2010/0012345A"),  # excluded: by PNC only, CRN alone
        _listed(8, "LEE", "Kim", born),  # excluded: never by name
        _listed(9, "SMITH", "John", born, pnc="2099/0000001Z"),  # an unknown PNC: then by name
    ]

    together = candidates_find_all(user=court_officer, listed=listed)

    assert together == [candidates_find(user=court_officer, listed=one) for one in listed]
    assert [[c.person_id for c in found] for found in together][:5] == [
        [smith.pk],
        sorted([smith.pk, twin.pk], key=lambda pk: pk != smith.pk),
        [aliased.pk],
        [],
        [],
    ]
    assert [c.person_id for c in together[6]] == [hidden.pk]
    assert together[7] == []
