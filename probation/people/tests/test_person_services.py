"""Creating and changing a person: CRN issue, validation, audit, and no lost updates."""

import datetime as dt
from unittest import mock

import pytest
from django.db import DatabaseError

from probation.accounts.models import Role
from probation.accounts.tests.factories import UserFactory
from probation.audit.models import AuditEvent
from probation.audit.services import AuditWriteError
from probation.core.errors import ConflictError, NotFound, PermissionDenied, ServiceError
from probation.people.models import Exclusion, Person, PersonChange, SearchKey
from probation.people.services.person import alias_create, crn_format, crn_issue, person_create, person_update
from probation.people.tests.factories import PersonFactory

pytestmark = pytest.mark.django_db

NEW_PERSON = {
    "first_name": "Amira",
    "middle_names": "",
    "surname": "Khan",
    "date_of_birth": dt.date(1992, 11, 5),
    "gender": "F",
    "pnc_number": "2011/0012345B",
    "interpreter_required": False,
}


def test_crn_is_a_letter_and_six_digits():
    assert crn_format(0) == "A000000"
    assert crn_format(320741 + 23 * 1_000_000) == "X320741"


def test_crns_are_issued_in_order_and_never_reused():
    first = crn_issue(count=3)
    second = crn_issue()

    assert len(set(first + second)) == 4
    assert second[0] > first[-1]


def test_creating_a_person_issues_a_crn_sets_the_pdu_and_audits(officer_user):
    person = person_create(actor=officer_user, data=NEW_PERSON)

    assert person.crn[0].isalpha()
    assert len(person.crn) == 7
    assert person.pdu == officer_user.staff.team.pdu
    assert person.pnc_key == "11/12345B"
    assert SearchKey.objects.filter(person=person, key="=khan").exists()
    event = AuditEvent.objects.get(action="create")
    assert (event.crn, event.username) == (person.crn, "officer")


@pytest.mark.parametrize(
    ("date_of_birth", "message"),
    [
        (dt.date(2090, 1, 1), "Date of birth must be in the past"),
        (dt.date(1899, 12, 31), "Date of birth must be after 1 January 1900"),
        (dt.date.today() - dt.timedelta(days=365 * 5), "at least 10 years ago"),
    ],
)
def test_an_impossible_date_of_birth_is_refused_and_nothing_is_written(officer_user, date_of_birth, message):
    with pytest.raises(ServiceError, match=message):
        person_create(actor=officer_user, data=NEW_PERSON | {"date_of_birth": date_of_birth})

    assert Person.objects.count() == 0
    assert AuditEvent.objects.count() == 0


def test_a_vlo_cannot_create_a_person():
    vlo = UserFactory(role=Role.VLO)

    with pytest.raises(PermissionDenied):
        person_create(actor=vlo, data=NEW_PERSON)


def test_updating_records_what_changed_bumps_the_version_and_audits(officer_user):
    person = PersonFactory(officer=officer_user.staff, surname="Khan")

    changed = person_update(
        actor=officer_user,
        crn=person.crn,
        expected_version=1,
        data={"surname": "Khan-Ali", "mobile": "07700 900982"},
    )

    person.refresh_from_db()
    assert sorted(changed) == ["mobile", "surname"]
    assert (person.version, person.surname_key) == (2, "khan ali")
    change = PersonChange.objects.get(entity="person", entity_id=person.pk)
    assert change.changes["surname"] == ["Khan", "Khan-Ali"]
    assert AuditEvent.objects.get(action="update").detail == {"fields": changed, "version": 2}
    assert SearchKey.objects.filter(person=person, key="=ali").exists()


def test_saving_without_changes_writes_nothing(officer_user):
    person = PersonFactory(officer=officer_user.staff)

    assert (
        person_update(
            actor=officer_user, crn=person.crn, expected_version=1, data={"surname": person.surname}
        )
        == []
    )
    assert AuditEvent.objects.count() == 0
    assert Person.objects.get(pk=person.pk).version == 1


def test_an_edit_from_an_older_version_is_refused_and_shows_what_changed(officer_user, spo_user):
    person = PersonFactory(officer=officer_user.staff, surname="Khan", mobile="")
    person_update(actor=spo_user, crn=person.crn, expected_version=1, data={"mobile": "07700 900982"})

    with pytest.raises(ConflictError) as refused:
        person_update(actor=officer_user, crn=person.crn, expected_version=1, data={"surname": "Smith"})

    person.refresh_from_db()
    assert (person.surname, person.mobile, person.version) == ("Khan", "07700 900982", 2)
    [change] = refused.value.changes
    assert (change.label, change.theirs, change.by) == ("Mobile", "07700 900982", str(spo_user))


def test_excluded_user_cannot_update_and_is_told_not_found(officer_user):
    person = PersonFactory(officer=officer_user.staff, has_exclusions=True)
    Exclusion.objects.create(person=person, user=officer_user, added_by=officer_user)

    with pytest.raises(NotFound):
        person_update(actor=officer_user, crn=person.crn, expected_version=1, data={"surname": "X"})


def test_if_the_audit_cannot_be_written_the_change_is_not_made(officer_user):
    person = PersonFactory(officer=officer_user.staff, surname="Khan")

    with (
        mock.patch("probation.audit.services.AuditEvent.save", side_effect=DatabaseError("disk full")),
        pytest.raises(AuditWriteError),
    ):
        person_update(actor=officer_user, crn=person.crn, expected_version=1, data={"surname": "Smith"})

    person.refresh_from_db()
    assert (person.surname, person.version) == ("Khan", 1)
    assert PersonChange.objects.count() == 0


def test_adding_an_alias_makes_it_searchable(officer_user):
    person = PersonFactory(officer=officer_user.staff)

    alias_create(actor=officer_user, crn=person.crn, data={"first_name": "Bobby", "surname": "Dazzler"})

    assert SearchKey.objects.filter(person=person, key="=dazzler").exists()
