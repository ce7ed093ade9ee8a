"""No silent duplicates (issue 10 item 5): adding someone who matches a record by PNC number, or by
date of birth and a similar name, shows the matches and why before a CRN is issued; adding anyway
needs a reason, kept and audited. Cases the user may not see never leak through the check."""

import datetime as dt

import pytest
from django.urls import reverse

from probation.audit.models import AuditEvent
from probation.people.models import DuplicateOverride, Exclusion, Person
from probation.people.services.person import PossibleDuplicates, person_create
from probation.people.tests.factories import AliasFactory, PersonFactory

pytestmark = pytest.mark.django_db

DOB = dt.date(1988, 6, 14)
NEW = {
    "first_name": "Jonathan",
    "middle_names": "",
    "surname": "Whitfield",
    "date_of_birth": DOB,
    "gender": "M",
    "pnc_number": "",
    "interpreter_required": False,
}


def _form(data: dict[str, object], **extra: str) -> dict[str, object]:
    dob = data["date_of_birth"]
    assert isinstance(dob, dt.date)
    return {
        "first_name": data["first_name"],
        "surname": data["surname"],
        "date_of_birth_0": str(dob.day),
        "date_of_birth_1": str(dob.month),
        "date_of_birth_2": str(dob.year),
        "gender": data["gender"],
        "pnc_number": data["pnc_number"],
        "interpreter_required": "False",
        **extra,
    }


def _reasons(error: PossibleDuplicates) -> dict[str, tuple[str, ...]]:
    return {m.person.crn: m.reasons for m in error.check.matches}


def test_same_pnc_number_is_a_possible_duplicate(officer_user):
    existing = PersonFactory(first_name="Kyle", surname="Other", pnc_number="2004/0046583U")

    with pytest.raises(PossibleDuplicates) as raised:
        person_create(actor=officer_user, data=NEW | {"pnc_number": "04/46583U"})

    assert _reasons(raised.value) == {existing.crn: ("same PNC number",)}
    assert not Person.objects.exclude(pk=existing.pk).exists()


@pytest.mark.parametrize(
    ("first_name", "surname", "why"),
    [
        ("Jonathan", "Whitfield", "same date of birth and same name"),
        ("Jonathon", "Whitfeild", "same date of birth and similar name"),
        (
            "Whitfield",
            "Jonathan",
            "same date of birth and same name with first and last names the other way round",
        ),
    ],
)
def test_same_date_of_birth_and_a_similar_name_is_a_possible_duplicate(
    officer_user, first_name, surname, why
):
    existing = PersonFactory(first_name="Jonathan", surname="Whitfield", date_of_birth=DOB)

    with pytest.raises(PossibleDuplicates) as raised:
        person_create(actor=officer_user, data=NEW | {"first_name": first_name, "surname": surname})

    assert _reasons(raised.value) == {existing.crn: (why,)}
    assert Person.objects.count() == 1


def test_an_alias_with_the_name_matches_and_says_so(officer_user):
    existing = PersonFactory(first_name="Peter", surname="Grant", date_of_birth=DOB)
    AliasFactory(person=existing, first_name="Jonathan", surname="Whitfield")

    with pytest.raises(PossibleDuplicates) as raised:
        person_create(actor=officer_user, data=NEW)

    assert _reasons(raised.value) == {
        existing.crn: ("same date of birth and similar name to their alias Jonathan Whitfield",)
    }


def test_a_similar_name_with_another_date_of_birth_is_created(officer_user):
    PersonFactory(first_name="Jonathan", surname="Whitfield", date_of_birth=dt.date(1988, 6, 15))
    PersonFactory(first_name="Maria", surname="Lopez", date_of_birth=DOB)

    person = person_create(actor=officer_user, data=NEW)

    assert person.surname == "Whitfield"
    assert not DuplicateOverride.objects.exists()


def test_adding_anyway_with_a_reason_creates_the_person_and_audits_the_override(officer_user):
    existing = PersonFactory(first_name="Jonathan", surname="Whitfield", date_of_birth=DOB)

    person = person_create(
        actor=officer_user,
        data=NEW,
        duplicate_reason="Different person: the existing record is his cousin, confirmed by the court",
        duplicates_seen=[existing.crn],
    )

    override = DuplicateOverride.objects.get()
    assert (override.person, override.created_by, override.matched_crns) == (
        person,
        officer_user,
        [existing.crn],
    )
    assert override.reason.startswith("Different person")
    audit = AuditEvent.objects.get(object_type="duplicate_override")
    assert (audit.action, audit.crn, audit.username) == ("create", person.crn, "officer")
    assert audit.detail == {"matched": {existing.crn: ["same date of birth and same name"]}}
    assert "cousin" not in str(audit.detail)


@pytest.mark.parametrize("reason", ["", "   "])
def test_a_blank_reason_is_refused_and_nothing_is_created(officer_user, reason):
    existing = PersonFactory(first_name="Jonathan", surname="Whitfield", date_of_birth=DOB)

    with pytest.raises(PossibleDuplicates) as raised:
        person_create(actor=officer_user, data=NEW, duplicate_reason=reason, duplicates_seen=[existing.crn])

    assert raised.value.reason_missing
    assert raised.value.message == (
        "Enter why you are adding a new record for someone who may already be recorded"
    )
    assert Person.objects.count() == 1
    assert not DuplicateOverride.objects.exists()
    assert not AuditEvent.objects.filter(action="create").exists()


def test_the_matches_shown_are_audited_as_a_search(officer_user, excluded):
    seen = PersonFactory(first_name="Kyle", surname="Other", pnc_number="2001/0012345K")

    with pytest.raises(PossibleDuplicates):
        person_create(actor=officer_user, data=NEW | {"pnc_number": "2001/0012345K"})

    audit = AuditEvent.objects.get(action="search")
    assert (audit.object_type, audit.username) == ("person_duplicates", "officer")
    assert audit.detail == {"results": 2, "restricted_results": 1, "crns": sorted([seen.crn, excluded.crn])}


def test_a_reason_does_not_cover_a_match_the_user_was_not_shown(officer_user):
    shown = PersonFactory(first_name="Jonathan", surname="Whitfield", date_of_birth=DOB)
    unseen = PersonFactory(first_name="Kyle", surname="Other", pnc_number="2004/0046583U")

    with pytest.raises(PossibleDuplicates) as raised:
        person_create(
            actor=officer_user,
            data=NEW | {"pnc_number": "2004/0046583U"},
            duplicate_reason="A different person",
            duplicates_seen=[shown.crn],
        )

    assert set(_reasons(raised.value)) == {shown.crn, unseen.crn}
    assert not raised.value.reason_missing


@pytest.fixture
def excluded(officer_user):
    """The same name and date of birth as NEW, on a case the officer is excluded from."""
    person = PersonFactory(
        first_name="Jonathan",
        surname="Whitfield",
        date_of_birth=DOB,
        pnc_number="2001/0012345K",
        has_exclusions=True,
        exclusion_message="Excluded: contact the head of PDU",
    )
    Exclusion.objects.create(person=person, user=officer_user, added_by=officer_user)
    return person


def test_an_excluded_case_never_matches_by_name_and_date_of_birth(officer_user, excluded):
    person = person_create(actor=officer_user, data=NEW)

    assert person.crn != excluded.crn
    audit = AuditEvent.objects.get(object_type="person", crn=person.crn)
    assert audit.detail == {"restricted_name_matches": 1}


def test_an_excluded_case_with_the_same_pnc_shows_only_that_a_restricted_record_exists(
    client, officer_user, excluded
):
    client.force_login(officer_user)

    response = client.post(
        reverse("people:person-create"),
        _form(
            NEW
            | {
                "first_name": "Zed",
                "surname": "Quill",
                "date_of_birth": dt.date(1990, 1, 2),
                "pnc_number": "2001/0012345K",
            }
        ),
    )

    body = response.content.decode()
    assert [(row.crn, row.restricted, row.why) for row in response.context["matches"]] == [
        (excluded.crn, True, "Same PNC number")
    ]
    assert "Excluded: contact the head of PDU" in body
    for secret in ("Jonathan", "Whitfield", "14 June 1988"):
        assert secret not in body
    assert Person.objects.count() == 1


def test_the_page_lists_the_matches_and_asks_for_a_reason_before_issuing_a_crn(client, officer_user):
    existing = PersonFactory(
        first_name="Jonathan", surname="Whitfield", date_of_birth=DOB, pnc_number="2004/0046583U"
    )
    client.force_login(officer_user)

    first = client.post(reverse("people:person-create"), _form(NEW | {"first_name": "Jonathon"}))

    body = first.content.decode()
    assert "This person may already be recorded. No CRN has been issued." in body
    assert existing.crn in body
    assert "Same date of birth and similar name" in body
    assert "Why are you adding a new record?" in body
    assert f'name="duplicates_seen" value="{existing.crn}"' in body
    assert "Add as a new person" in body
    assert Person.objects.count() == 1

    blank = client.post(
        reverse("people:person-create"),
        _form(NEW | {"first_name": "Jonathon"}, duplicates_seen=existing.crn, duplicate_reason=""),
    )
    assert (
        '<a href="#id_duplicate_reason">Enter why you are adding a new record for someone who may already be '
        "recorded</a>" in blank.content.decode()
    )
    assert existing.crn in blank.content.decode()
    assert Person.objects.count() == 1

    added = client.post(
        reverse("people:person-create"),
        _form(
            NEW | {"first_name": "Jonathon"}, duplicates_seen=existing.crn, duplicate_reason="Twin brother"
        ),
    )
    person = Person.objects.get(first_name="Jonathon")
    assert added.url == reverse("people:case-overview", args=[person.crn])
    assert DuplicateOverride.objects.get().reason == "Twin brother"
