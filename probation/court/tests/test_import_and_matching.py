"""Importing a list: matching each defendant (PNC, then name and date of birth), idempotency, all or
nothing, limited access and the audit."""

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from probation.audit.models import AuditEvent
from probation.court.models import CourtList, Hearing, HearingCandidate
from probation.court.services.formats import parse_list_file
from probation.court.services.imports import court_list_import
from probation.court.tests.conftest import TODAY, data_file
from probation.people.models import Person
from probation.people.tests.access import exclude, restrict_to_someone_else
from probation.people.tests.factories import AliasFactory, PersonFactory

pytestmark = pytest.mark.django_db


def _import(user, name="leeds_magistrates_morning.csv"):
    return court_list_import(actor=user, parsed=parse_list_file(name, data_file(name), today=TODAY))


def _candidates(listing_number):
    return list(
        HearingCandidate.objects.filter(hearing__listing_number=listing_number).values_list(
            "person__crn", "matched_on", "reasons"
        )
    )


def test_a_defendant_is_matched_by_exact_pnc_first(court_officer, court):
    same_pnc = PersonFactory(
        crn="A100001",
        first_name="Jon",
        surname="Smithers",
        pnc_number="04/46583U",
        date_of_birth=dt.date(1990, 5, 17),
    )
    PersonFactory(crn="A100002", first_name="John", surname="Smith", date_of_birth=dt.date(1990, 5, 17))

    _import(court_officer)

    assert _candidates(1) == [(same_pnc.crn, "pnc", ["PNC number matches exactly", "Date of birth matches"])]


def test_a_misspelt_name_with_the_date_of_birth_finds_the_person_with_why(court_officer, court):
    PersonFactory(crn="A100003", first_name="Aimee", surname="Jones", date_of_birth=dt.date(1985, 11, 2))
    PersonFactory(crn="A100004", first_name="Amy", surname="Jones", date_of_birth=dt.date(1979, 1, 1))

    _import(court_officer)

    [(crn, matched_on, reasons)] = _candidates(2)
    assert (crn, matched_on) == ("A100003", "name_dob")
    assert reasons[0].startswith("Name is similar (")
    assert reasons[1] == "Date of birth matches (the person’s or an alias’s)"


def test_an_alias_match_says_which_alias(court_officer, court):
    person = PersonFactory(
        crn="A100005", first_name="Amelia", surname="Brown", date_of_birth=dt.date(1985, 11, 2)
    )
    AliasFactory(person=person, first_name="Amy", surname="Jones")

    _import(court_officer)

    assert _candidates(2)[0][2][0] == "Name matches an alias (Amy Jones)"


def test_a_defendant_nobody_matches_has_no_candidates_and_nothing_is_created(court_officer, court):
    people = Person.objects.count()

    result = _import(court_officer)

    assert (result.added, result.unchanged) == (2, 0)
    assert HearingCandidate.objects.count() == 0
    assert Person.objects.count() == people
    assert set(Hearing.objects.values_list("match_state", "person")) == {("unconfirmed", None)}


def test_a_restricted_case_is_never_a_name_match_and_by_pnc_shows_only_its_crn(client, court_officer, court):
    by_name = PersonFactory(
        crn="A100006", first_name="Amy", surname="Jones", date_of_birth=dt.date(1985, 11, 2)
    )
    restrict_to_someone_else(by_name)
    by_pnc = PersonFactory(
        crn="A100007",
        first_name="Secret",
        surname="Person",
        pnc_number="2004/0046583U",
        date_of_birth=dt.date(1990, 5, 17),
    )
    exclude(by_pnc, court_officer)

    result = _import(court_officer)

    assert _candidates(2) == []
    assert _candidates(1) == [("A100007", "pnc", ["PNC number matches exactly"])]
    client.force_login(court_officer)
    hearing = Hearing.objects.get(listing_number=1)
    page = client.get(reverse("court:hearing-match", args=[hearing.pk])).content.decode()
    assert "Restricted case A100007" in page
    assert "Secret" not in page
    assert "SECRET" not in page
    listed = client.get(reverse("court:list-detail", args=[result.court_list.pk])).content.decode()
    assert "Secret" not in listed


def test_importing_the_same_list_twice_changes_nothing(court_officer, court):
    first = _import(court_officer)
    before = list(Hearing.objects.order_by("pk").values())

    again = _import(court_officer, "leeds_magistrates_morning.json")

    assert (again.added, again.unchanged) == (0, 2)
    assert again.court_list.pk == first.court_list.pk
    assert CourtList.objects.count() == 1
    assert list(Hearing.objects.order_by("pk").values()) == before


def test_the_import_is_audited_with_what_it_added(court_officer, court):
    result = _import(court_officer)

    entry = AuditEvent.objects.filter(object_type="court_list").latest("seq")
    assert (entry.action, entry.object_id, entry.user_id) == (
        "create",
        str(result.court_list.pk),
        court_officer.pk,
    )
    assert entry.detail["hearings_added"] == [1, 2]


def _upload(client, user, name):
    client.force_login(user)
    upload = SimpleUploadedFile(name, data_file(name))
    return client.post(reverse("court:list-import"), {"file": upload})


def test_the_import_page_imports_a_file_and_shows_the_list(client, court_officer, court):
    response = _upload(client, court_officer, "leeds_magistrates_morning.json")

    court_list = CourtList.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("court:list-detail", args=[court_list.pk])
    page = client.get(response["Location"]).content.decode()
    assert "2 defendants imported; 0 already on the list were left as they were" in page
    assert "SMITH, John Paul" in page
    assert "No record (unconfirmed)" in page


def test_a_malformed_file_imports_nothing_and_lists_every_error_in_the_error_summary(
    client, court_officer, court
):
    audit_rows = AuditEvent.objects.count()

    response = _upload(client, court_officer, "malformed.csv")

    assert response.status_code == 200
    page = response.content.decode()
    assert "govuk-error-summary" in page
    assert "Row 3: Enter the PNC number in the format 2004/0046583U" in page
    assert "Row 4: Enter the defendant’s surname" in page
    assert page.count("<title>Error: ") == 1
    assert CourtList.objects.count() == 0
    assert Hearing.objects.count() == 0
    assert AuditEvent.objects.count() == audit_rows


def test_a_list_for_a_court_outside_the_officers_region_is_refused(client, court_officer):
    from probation.court.tests.factories import CourtFactory

    CourtFactory(code="B13LY00")  # another region's PDU

    response = _upload(client, court_officer, "leeds_magistrates_morning.csv")

    assert (
        "There is no court with the code B13LY00 that you can import lists for" in response.content.decode()
    )
    assert CourtList.objects.count() == 0


def test_the_list_page_runs_the_same_queries_for_two_defendants_or_twenty(client, court_officer, court):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from probation.court.tests.factories import CourtListFactory, HearingFactory

    court_list = CourtListFactory(court=court)
    for number in (1, 2):
        hearing = HearingFactory(court_list=court_list, listing_number=number)
        HearingCandidate.objects.create(hearing=hearing, person=PersonFactory(), matched_on="pnc", score=100)
    client.force_login(court_officer)
    url = reverse("court:list-detail", args=[court_list.pk])
    client.get(url)
    with CaptureQueriesContext(connection) as two:
        client.get(url)
    for number in range(3, 21):
        hearing = HearingFactory(court_list=court_list, listing_number=number)
        HearingCandidate.objects.create(
            hearing=hearing, person=PersonFactory(), matched_on="name_dob", score=80
        )

    with CaptureQueriesContext(connection) as twenty:
        assert client.get(url).status_code == 200

    assert len(twenty.captured_queries) == len(two.captured_queries)
