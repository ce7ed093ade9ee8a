"""manage.py generate_data: deterministic, and consistent the way the services keep the data."""

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Iterator
from io import StringIO
from itertools import pairwise

import pytest
from django.contrib.auth.hashers import check_password
from django.core.management import CommandError, call_command
from django.db import transaction
from django.db.models import Count, Q

from probation.accounts.models import PDU, Grade, Region, Role, Staff, Team, User
from probation.audit.models import AuditAction
from probation.audit.services import audit_record
from probation.core.clock import today_uk
from probation.demo.people.places import REGIONS
from probation.people.forms.person import CRO_NUMBER, NI_NUMBER, PHONE, PRISON_NUMBER
from probation.people.models import (
    Address,
    Alias,
    Allocation,
    CrnSequence,
    Exclusion,
    PartnerShare,
    Person,
    Restriction,
    SearchKey,
)
from probation.people.search import person_search
from probation.people.search_keys import keys_for_names, normalise, normalise_pnc
from probation.people.services.address import POSTCODE
from probation.people.services.person import crn_issue

# The generators drop and rebuild indexes and TRUNCATE: the owner role's rights (ADR 0020).
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("database_owner")]
PEOPLE = 300
REGION_NAMES = [
    "North East",
    "North West",
    "Yorkshire and the Humber",
    "Greater Manchester",
    "East Midlands",
    "West Midlands",
    "East of England",
    "Kent, Surrey and Sussex",
    "London",
    "South West",
    "South Central",
    "Wales",
]


def generate(people: int = PEOPLE, seed: int = 42, **options: object) -> str:
    out = StringIO()
    call_command("generate_data", people=people, seed=seed, stdout=out, **options)
    return out.getvalue()


def snapshot() -> list[tuple]:
    return list(
        Person.objects.order_by("crn").values_list(
            "crn",
            "first_name",
            "middle_names",
            "surname",
            "date_of_birth",
            "pnc_number",
            "officer__code",
            "team__code",
            "pdu__code",
            "is_restricted",
            "has_exclusions",
        )
    )


@pytest.fixture(scope="module")
def generated(django_db_setup, django_db_blocker) -> Iterator[str]:
    """Generated once for the module, in a transaction rolled back at its end (each test's own
    transaction is a savepoint inside it). Tests that need an empty database come before the first
    test using it."""
    with django_db_blocker.unblock(), transaction.atomic():
        yield generate(demo_users=True)
        transaction.set_rollback(True)


def test_same_seed_gives_identical_data_after_flush():
    generate()
    first = snapshot()
    first_aliases = list(
        Alias.objects.order_by("person__crn", "surname").values_list("person__crn", "surname")
    )

    generate(flush=True)

    assert snapshot() == first
    assert (
        list(Alias.objects.order_by("person__crn", "surname").values_list("person__crn", "surname"))
        == first_aliases
    )
    assert Person.objects.count() == PEOPLE


def test_a_different_seed_gives_different_people():
    generate(seed=1)
    first = snapshot()

    generate(seed=2, flush=True)

    assert [row[1:4] for row in snapshot()] != [row[1:4] for row in first]


def test_refuses_to_add_to_existing_data_without_flush():
    generate()
    before = snapshot()

    with pytest.raises(CommandError, match="--flush"):
        generate(seed=7)

    assert snapshot() == before


def test_flush_leaves_no_rows_from_the_previous_run():
    generate(seed=1)
    generate(people=50, seed=2, flush=True)

    person_ids = set(Person.objects.values_list("id", flat=True))
    assert Person.objects.count() == 50
    assert set(SearchKey.objects.values_list("person_id", flat=True)) <= person_ids
    assert set(Address.objects.values_list("person_id", flat=True)) <= person_ids
    assert set(Allocation.objects.values_list("person_id", flat=True)) <= person_ids


def test_a_search_for_a_common_surname_finds_several_people():
    generate(people=1500, demo_users=True)
    po = User.objects.get(username="po")

    results = person_search(user=po, text="smith")

    assert len(results) >= 5
    assert any(r.person.surname == "Smith" for r in results)


def test_organisation_has_the_twelve_regions_and_about_a_hundred_pdus(generated):
    assert sorted(Region.objects.values_list("name", flat=True)) == sorted(REGION_NAMES)
    assert 95 <= PDU.objects.count() <= 110
    teams_per_pdu = Counter(Team.objects.values_list("pdu_id", flat=True))
    assert set(teams_per_pdu.values()) <= {3, 4, 5, 6}
    assert len(teams_per_pdu) == PDU.objects.count()
    for region in REGIONS:
        assert 8 <= len(region.pdus) <= 9


def test_every_office_has_a_telephone_number_for_its_letters(generated):
    from probation.accounts.models import OfficeLocation

    phones = list(OfficeLocation.objects.values_list("phone", flat=True))
    assert phones
    assert all(phone.startswith("0113 496 ") for phone in phones)


def test_staffed_teams_have_a_senior_po_case_admin_and_practitioners(generated):
    staffed = Team.objects.annotate(n=Count("staff")).filter(n__gt=0)
    assert staffed.exists()
    for team in staffed:
        grades = Counter(team.staff.values_list("grade", flat=True))
        assert grades[Grade.SPO] == 1
        assert grades[Grade.CASE_ADMIN] >= 1
        assert grades[Grade.PO] >= 1
    assert Staff.objects.count() == User.objects.filter(staff__isnull=False).count()


def test_practitioners_hold_realistic_caseloads(generated):
    caseloads = list(
        Staff.objects.filter(grade__in=[Grade.PO, Grade.PSO, Grade.PQIP])
        .annotate(n=Count("caseload"))
        .values_list("n", flat=True)
    )
    assert 28 <= sum(caseloads) / len(caseloads) <= 45
    assert not Person.objects.filter(officer__grade__in=[Grade.SPO, Grade.CASE_ADMIN]).exists()


def test_every_allocated_person_has_exactly_one_open_allocation_matching_the_person(generated):
    open_allocations = {a.person_id: a for a in Allocation.objects.filter(ended_at__isnull=True)}
    allocated = Person.objects.filter(officer__isnull=False)

    assert 0.9 * PEOPLE <= allocated.count() <= PEOPLE
    assert set(open_allocations) == set(allocated.values_list("id", flat=True))
    for person in allocated.select_related("officer"):
        allocation = open_allocations[person.id]
        assert (allocation.officer_id, allocation.team_id) == (person.officer_id, person.team_id)
        assert person.officer.team_id == person.team_id
        assert Team.objects.get(pk=person.team_id).pdu_id == person.pdu_id


def test_allocation_history_is_closed_in_order_and_starts_with_the_initial_allocation(generated):
    history = defaultdict(list)
    for allocation in Allocation.objects.order_by("started_at"):
        history[allocation.person_id].append(allocation)
    assert any(len(rows) > 1 for rows in history.values())
    for rows in history.values():
        assert rows[0].reason == "initial"
        assert [r.ended_at is None for r in rows] == [False] * (len(rows) - 1) + [True]
        for earlier, later in pairwise(rows):
            assert earlier.ended_at == later.started_at
            assert later.reason != "initial"
        assert all(r.started_at.utcoffset() == dt.timedelta(0) for r in rows)


def test_unallocated_people_have_a_pdu_but_no_team_or_officer(generated):
    unallocated = Person.objects.filter(officer__isnull=True)

    assert unallocated.exists()
    assert not unallocated.filter(team__isnull=False).exists()
    assert not Allocation.objects.filter(person__in=unallocated).exists()


def test_limited_access_flags_and_messages_match_the_lists(generated):
    excluded = set(Exclusion.objects.values_list("person_id", flat=True))
    restricted = set(Restriction.objects.values_list("person_id", flat=True))

    assert excluded
    assert restricted
    assert set(Person.objects.filter(has_exclusions=True).values_list("id", flat=True)) == excluded
    assert set(Person.objects.filter(is_restricted=True).values_list("id", flat=True)) == restricted
    assert not Person.objects.filter(has_exclusions=True, exclusion_message="").exists()
    assert not Person.objects.filter(is_restricted=True, restriction_message="").exists()
    assert not Person.objects.filter(has_exclusions=False).exclude(exclusion_message="").exists()


def test_search_keys_are_what_the_service_would_write(generated):
    sample = list(Person.objects.order_by("id")[:60]) + list(
        Person.objects.filter(aliases__isnull=False).distinct()
    )
    assert any(p.aliases.exists() for p in sample)
    for person in sample:
        names = [
            person.first_name,
            person.middle_names,
            person.surname,
            person.preferred_name,
            person.previous_surname,
        ]
        for alias in person.aliases.all():
            names += [alias.first_name, alias.middle_names, alias.surname]
        stored = list(SearchKey.objects.filter(person=person).values_list("key", flat=True))
        assert sorted(stored) == sorted(keys_for_names(names))
        assert person.surname_key == normalise(person.surname)
        assert person.pnc_key == (normalise_pnc(person.pnc_number) or "")


def test_crn_sequence_is_past_the_last_generated_crn(generated):
    crns = set(Person.objects.values_list("crn", flat=True))

    issued = crn_issue(count=3)

    assert CrnSequence.objects.get(pk=1).next_value == PEOPLE + 3
    assert not set(issued) & crns
    assert min(issued) > max(crns)


def test_each_person_has_one_main_address_with_a_valid_postcode(generated):
    mains = Counter(Address.objects.filter(status="main").values_list("person_id", flat=True))
    assert set(mains.values()) == {1}
    assert len(mains) == PEOPLE
    for address in Address.objects.exclude(address_type="nfa"):
        assert POSTCODE.match(address.postcode), address.postcode
        assert address.town_city
        assert address.building_name or address.address_number or address.street_name
    assert not Address.objects.filter(address_type="nfa").exclude(postcode="", street_name="").exists()


def test_previous_addresses_end_before_the_next_one_starts(generated):
    by_person = defaultdict(list)
    for address in Address.objects.order_by("start_date"):
        by_person[address.person_id].append(address)
    assert any(len(rows) > 1 for rows in by_person.values())
    for rows in by_person.values():
        assert rows[-1].status == "main"
        assert rows[-1].end_date is None
        for earlier, later in pairwise(rows):
            assert earlier.status == "previous"
            assert earlier.start_date <= earlier.end_date <= later.start_date


def test_identifiers_and_phone_numbers_pass_the_form_rules(generated):
    people = Person.objects.all()
    assert people.exclude(pnc_number="").count() > PEOPLE / 2
    for person in people:
        assert not person.ni_number or NI_NUMBER.match(person.ni_number), person.ni_number
        assert not person.prison_number or PRISON_NUMBER.match(person.prison_number)
        assert not person.cro_number or CRO_NUMBER.match(person.cro_number), person.cro_number
        assert not person.pnc_number or normalise_pnc(person.pnc_number)
        for phone in (person.telephone, person.mobile):
            assert not phone or PHONE.match(phone)
        assert 18 <= (today_uk() - person.date_of_birth).days // 365.25 <= 81


def test_demo_users_have_the_right_roles_in_one_team(generated):
    users = {u.username: u for u in User.objects.select_related("staff").filter(is_active=True)}
    roles = {
        "po": Role.PRACTITIONER,
        "pso": Role.PRACTITIONER,
        "spo": Role.SENIOR_PO,
        "admin-case": Role.CASE_ADMIN,
        "court": Role.COURT_OFFICER,
        "vlo": Role.VLO,
        "ap": Role.AP_STAFF,
        "partner": Role.PARTNER,
        "sysadmin": Role.SYSTEM_ADMIN,
    }
    assert {name: users[name].role for name in roles} == roles
    teams = {users[name].staff.team_id for name in ("po", "pso", "spo", "admin-case", "court", "vlo", "ap")}
    assert len(teams) == 1
    assert (users["po"].staff.grade, users["pso"].staff.grade) == (Grade.PO, Grade.PSO)
    assert users["partner"].agency == "Police"
    assert users["partner"].staff is None
    assert all(check_password("demo-password-1", users[name].password) for name in roles)
    assert "po " in generated
    assert "sysadmin" in generated


def test_demo_po_has_a_caseload_with_the_limited_access_examples(generated):
    po, pso, spo = (User.objects.get(username=n) for n in ("po", "pso", "spo"))
    caseload = Person.objects.filter(officer=po.staff)

    assert caseload.count() == 40
    restricted = caseload.get(is_restricted=True)
    assert set(Restriction.objects.filter(person=restricted).values_list("user_id", flat=True)) == {
        po.pk,
        spo.pk,
    }
    assert Exclusion.objects.filter(person__in=caseload, user=pso).count() == 1
    assert Exclusion.objects.filter(person__officer=pso.staff, user=po).count() == 1


def test_partner_sees_the_cases_po_shared_for_ninety_days(generated):
    partner, po = User.objects.get(username="partner"), User.objects.get(username="po")
    shares = PartnerShare.objects.filter(user=partner)

    assert shares.count() == 5
    assert set(shares.values_list("expires_on", flat=True)) == {today_uk() + dt.timedelta(days=90)}
    assert not shares.exclude(person__officer=po.staff).exists()
    assert not shares.filter(Q(person__is_restricted=True) | Q(person__has_exclusions=True)).exists()


def test_flush_keeps_audited_users_but_retires_them(generated):
    po = User.objects.get(username="po")
    audit_record(actor=po, action=AuditAction.VIEW, object_type="caseload")

    generate(flush=True, demo_users=True)

    po.refresh_from_db()
    assert po.username.startswith("retired-")
    assert not po.is_active
    assert po.staff_id is None
    assert User.objects.get(username="po").is_active
