"""The phases of ``generate_data``, in order, each timed. One transaction: a failed run leaves nothing."""

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from random import Random

from django.db import transaction
from django.db.models import Max
from faker import Faker

from probation.accounts.models import PDU, OfficeLocation, Region, Team, User
from probation.core.clock import now, today_uk
from probation.demo.people import bulk
from probation.demo.people.access import DemoLogin, demo_users_create
from probation.demo.people.batch import Batch
from probation.demo.people.organisation import Org, organisation_create
from probation.demo.people.people import PeopleGenerator
from probation.people.models import (
    Address,
    Alias,
    Allocation,
    Circumstance,
    CrnSequence,
    Disability,
    Exclusion,
    Person,
    Restriction,
    SearchKey,
)

BATCH_SIZE = 5000
# From this many people (on PostgreSQL) indexes are rebuilt after the load rather than maintained.
FAST_LOAD_FROM = 20000
BIG_TABLES = (Person, SearchKey, Address, Alias, Allocation, Circumstance, Disability)
PERSON_COLUMNS = (
    "id",
    "crn",
    "first_name",
    "middle_names",
    "surname",
    "preferred_name",
    "previous_surname",
    "date_of_birth",
    "gender",
    "pnc_number",
    "pnc_key",
    "cro_number",
    "prison_number",
    "ni_number",
    "telephone",
    "mobile",
    "email",
    "preferred_language",
    "interpreter_required",
    "ethnicity",
    "religion",
    "sexual_orientation",
    "gender_identity",
    "pdu_id",
    "team_id",
    "officer_id",
    "has_exclusions",
    "is_restricted",
    "exclusion_message",
    "restriction_message",
    "surname_key",
    "created_by_id",
    "created_at",
    "updated_at",
    "version",
)
ADDRESS_COLUMNS = (
    "person_id",
    "status",
    "address_type",
    "building_name",
    "address_number",
    "street_name",
    "district",
    "town_city",
    "county",
    "postcode",
    "telephone",
    "start_date",
    "end_date",
    "notes",
    "created_by_id",
    "created_at",
    "updated_at",
    "version",
)
ACCESS_COLUMNS = ("person_id", "user_id", "added_by_id", "added_at")


class DataExists(Exception):
    """There is data already and the caller did not ask for it to be replaced."""


@dataclass
class Result:
    timings: dict[str, float] = field(default_factory=dict)
    totals: dict[str, int] = field(default_factory=dict)
    logins: list[DemoLogin] = field(default_factory=list)
    first_crn: str = ""
    last_crn: str = ""


def _writers() -> dict[str, bulk.TableWriter]:
    return {
        "person": bulk.TableWriter(Person, PERSON_COLUMNS),
        "alias": bulk.TableWriter(
            Alias, ("person_id", "first_name", "middle_names", "surname", "date_of_birth")
        ),
        "address": bulk.TableWriter(Address, ADDRESS_COLUMNS),
        "allocation": bulk.TableWriter(
            Allocation,
            (
                "person_id",
                "team_id",
                "officer_id",
                "started_at",
                "ended_at",
                "reason",
                "notes",
                "allocated_by_id",
            ),
        ),
        "circumstance": bulk.TableWriter(
            Circumstance,
            ("person_id", "circumstance_type", "detail", "start_date", "end_date", "evidenced", "notes"),
        ),
        "disability": bulk.TableWriter(
            Disability, ("person_id", "disability_type", "adjustments", "start_date", "end_date", "notes")
        ),
        "searchkey": bulk.TableWriter(SearchKey, ("person_id", "key")),
        "exclusion": bulk.TableWriter(Exclusion, ACCESS_COLUMNS),
        "restriction": bulk.TableWriter(Restriction, ACCESS_COLUMNS),
    }


@dataclass
class PeopleLoad:
    generator: PeopleGenerator
    writers: dict[str, bulk.TableWriter]
    first_id: int
    dropped: bulk.DroppedStructures


def generate(
    *,
    people: int,
    seed: int,
    flush: bool,
    demo_users: bool,
    log: Callable[[str], None],
    batch_size: int = BATCH_SIZE,
) -> Result:
    result = Result()

    phase = bulk.timed_phases(result.timings, log)

    rng = Random(seed)  # noqa: S311 - reproducible fiction, not secrets
    fake = Faker("en_GB")
    fake.seed_instance(seed)
    today = today_uk()
    with transaction.atomic():
        if bulk.generated_data_exists():
            if not flush:
                raise DataExists(
                    "The database already has an organisation or people: use --flush to replace them"
                )
            with phase("flush"):
                removed = bulk.flush_generated_data()
                log(f"  removed {removed['people']:,} people, {removed['staff']:,} staff")
        with phase("organisation"):
            org = organisation_create(rng=rng, fake=fake, people=people)
        with phase("people"):
            load = _people_load(rng, org, people, batch_size, log)
        with phase("indexes"):
            bulk.load_structures_restore(load.dropped)
            bulk.sequences_reset([Person])
        if demo_users:
            with phase("demo users"):
                result.logins = demo_users_create(
                    rng=rng,
                    fake=fake,
                    org=org,
                    demo_cases=load.generator.history.demo_cases,
                    today=today,
                    restricted_total=Person.objects.filter(is_restricted=True).count(),
                )
        log("commit...")
        committing = time.perf_counter()
    result.timings["commit"] = time.perf_counter() - committing
    with phase("analyse"):
        bulk.analyze(bulk.loaded_models())
    result.totals = _totals(org, load)
    if people:
        result.first_crn = Person.objects.get(pk=load.first_id).crn
        result.last_crn = Person.objects.get(pk=load.first_id + people - 1).crn
    return result


def _people_load(
    rng: Random, org: Org, people: int, batch_size: int, log: Callable[[str], None]
) -> PeopleLoad:
    sequence, _ = CrnSequence.objects.select_for_update().get_or_create(pk=1)
    first_crn = sequence.next_value
    first_id = (Person.objects.aggregate(m=Max("id"))["m"] or 0) + 1
    generator = PeopleGenerator(
        rng=rng,
        org=org,
        count=people,
        first_id=first_id,
        first_crn=first_crn,
        today=today_uk(),
        moment=now(),
    )
    writers = _writers()
    fast = people >= FAST_LOAD_FROM
    dropped = bulk.load_structures_drop(BIG_TABLES) if fast else bulk.DroppedStructures()
    done, started = 0, time.perf_counter()
    for batch in generator.batches(batch_size):
        _write(writers, batch)
        done += len(batch.person)
        if done % (batch_size * 10) == 0 or done == people:
            log(f"  {done:,} people ({done / (time.perf_counter() - started):,.0f}/s)")
    # The live service must never reissue a generated CRN.
    sequence.next_value = first_crn + people
    sequence.save(update_fields=["next_value"])
    return PeopleLoad(generator, writers, first_id, dropped)


def _totals(org: Org, load: PeopleLoad) -> dict[str, int]:
    return {
        "regions": Region.objects.count(),
        "pdus": PDU.objects.count(),
        "teams": Team.objects.count(),
        "offices": OfficeLocation.objects.count(),
        "staff": org.staff_count,
        "practitioners": len(org.practitioners),
        "users": User.objects.filter(is_active=True).count(),
        "people": load.writers["person"].written,
        "allocated": sum(1 for s in load.generator.slots if s is not None),
        **{name: w.written for name, w in load.writers.items() if name != "person"},
    }


def _write(writers: dict[str, bulk.TableWriter], batch: Batch) -> None:
    # Parents first: the people, then the rows that point at them.
    for name in (
        "person",
        "alias",
        "address",
        "allocation",
        "circumstance",
        "disability",
        "searchkey",
        "exclusion",
        "restriction",
    ):
        writers[name].write(getattr(batch, name))
