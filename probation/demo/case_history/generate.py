"""The phases of ``generate_case_history``, in order, each timed. One transaction: a failed run
leaves nothing behind.

People are read in id order in chunks; each person gets their own ``Random(seed, person id)`` so a
person's history does not depend on the chunk size, and ids are issued in the same order every run,
so the same seed over the same people always gives the same rows.
"""

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from random import Random

from django.db import transaction

from probation.accounts.models import PDU, Grade, Staff, User
from probation.contacts.models import Contact, EnforcementCase
from probation.core.clock import now, today_uk
from probation.demo.case_history import columns, load
from probation.demo.case_history.history import HistoryWriter, PersonInput
from probation.demo.case_history.records import CaseRecords, Who
from probation.demo.case_history.state import RunState
from probation.demo.case_history.timeline import TimelinePlanner
from probation.demo.people import bulk
from probation.demo.people.places import REGIONS
from probation.enforcement.models import Breach, Recall
from probation.mappa.models import MappaMeeting
from probation.people.models import PartnerShare, Person
from probation.risk.models import Registration
from probation.sentences.models import Event, Licence, LicenceCondition, Requirement, Sentence

CHUNK = 2500
FAST_LOAD_FROM = 20000  # people; below this, maintaining indexes during the load is cheaper
HEAVY_SHARE = 1 / 50000
# The realised contacts per person fall a little short of the drawn budget (recalls, revoked orders
# and completed requirements stop some); this brings the mean back to the one asked for.
CALIBRATION = 1.0
# Some of a heavy case's budget falls after today or in custody; this keeps it at the number asked for.
HEAVY_MARGIN = 1.45
ID_MODELS = {
    "event": Event,
    "sentence": Sentence,
    "requirement": Requirement,
    "licence": Licence,
    "condition": LicenceCondition,
    "contact": Contact,
    "enforcementcase": EnforcementCase,
    "breach": Breach,
    "recall": Recall,
    "registration": Registration,
    "mappameeting": MappaMeeting,
}


class HistoryExists(Exception):
    """Case history is already loaded and the caller did not ask for it to be replaced."""


class NoPeople(Exception):
    """There is nobody to give a history to (run generate_data first)."""


@dataclass
class Result:
    timings: dict[str, float] = field(default_factory=dict)
    totals: dict[str, int] = field(default_factory=dict)
    people: int = 0
    heavy: list[tuple[str, int]] = field(default_factory=list)  # (CRN, contacts)


@dataclass
class Staffing:
    user_of: dict[int, int]
    team_of: dict[int, int]
    practitioners_by_team: dict[int, list[int]]
    practitioners_by_pdu: dict[int, list[int]]
    senior_by_team: dict[int, int]
    head_by_pdu: dict[int, int]
    pdu_of_team: dict[int, int]
    everyone: list[int]
    pso: set[int] = field(default_factory=set)


def generate(
    *,
    seed: int,
    mean: float,
    heavy_contacts: int,
    flush: bool,
    log: Callable[[str], None],
    chunk: int = CHUNK,
) -> Result:
    result = Result()

    phase = bulk.timed_phases(result.timings, log)

    with transaction.atomic():
        if load.history_exists():
            if not flush:
                raise HistoryExists("Case history already exists: use --flush to replace it")
            with phase("flush"):
                removed = load.history_flush()
                log(f"  removed {removed['events']:,} events, {removed['contacts']:,} contacts")
        people = Person.objects.count()
        if not people:
            raise NoPeople("There are no people: run generate_data first")
        staffing = _staffing()
        if not staffing.everyone:
            raise NoPeople("There are no staff to hold the contacts: run generate_data first")
        fast = bulk.is_postgresql() and people >= FAST_LOAD_FROM
        dropped = load.Dropped()
        if fast:
            with phase("drop indexes"):
                dropped = load.structures_drop(load.BIG_TABLES)
        with phase("history"):
            result.heavy, result.people = _load(seed, mean, heavy_contacts, staffing, chunk, log, result)
        with phase("indexes"):
            if fast:
                load.structures_restore(dropped)
            bulk.sequences_reset(list(ID_MODELS.values()))
        committing = time.perf_counter()
    result.timings["commit"] = time.perf_counter() - committing
    with phase("analyse"):
        bulk.analyze(load.TABLES)
    return result


def _load(seed, mean, heavy_contacts, staffing, chunk, log, result) -> tuple[list[tuple[str, int]], int]:
    first_ids = load.next_ids()
    state = RunState(today=today_uk(), moment=now(), ids={k: first_ids[m] for k, m in ID_MODELS.items()})
    writers = {name: load.Writer(model, cols) for name, (model, cols) in columns.WRITERS.items()}
    towns, court_towns, aps = _places()
    demo_po = User.objects.filter(username="po").values_list("staff_id", flat=True).first()
    showcase = Person.objects.filter(officer_id=demo_po).order_by("id").values_list("id", flat=True).first()
    if showcase is None:
        showcase = Person.objects.order_by("id").values_list("id", flat=True).first()
    fields = ("id", "crn", "date_of_birth", "officer_id", "team_id", "pdu_id", "gender")
    heavy: list[tuple[str, int]] = []
    done, last_id, started = 0, 0, time.perf_counter()
    history = HistoryWriter(state)
    records = CaseRecords(state, seed)
    shared = set(PartnerShare.objects.values_list("person_id", flat=True))
    while True:
        batch = list(Person.objects.filter(id__gt=last_id).order_by("id").values_list(*fields)[:chunk])
        if not batch:
            break
        for person_id, crn, dob, officer, team, pdu, gender in batch:
            rng = Random(seed * 1_000_003 + person_id)  # noqa: S311 - reproducible fiction, not secrets
            officer = officer or _fallback_officer(rng, staffing, team, pdu)
            is_heavy = person_id == showcase or rng.random() < HEAVY_SHARE
            budget = max(3, round(rng.gammavariate(2.0, mean / 2.0) * CALIBRATION))
            fail_rate = min(0.4, 0.027 * rng.lognormvariate(0, 0.9))
            if is_heavy:
                # A long, compliant history: few enough failures that no recall or revocation cuts it short.
                budget, fail_rate = round(heavy_contacts * HEAVY_MARGIN), 0.01
            team_of_officer = staffing.team_of[officer]
            pdu_of_officer = staffing.pdu_of_team[team_of_officer]
            officer_user = staffing.user_of.get(officer) or staffing.user_of[staffing.everyone[0]]
            senior = staffing.senior_by_team.get(team_of_officer) or staffing.head_by_pdu.get(pdu_of_officer)
            senior_user = staffing.user_of.get(senior, officer_user) if senior else officer_user
            person = PersonInput(
                id=person_id,
                dob=dob,
                officer_id=officer,
                officer_user=officer_user,
                senior_user=senior_user,
                town=towns.get(pdu, "Leeds"),
                fail_rate=fail_rate,
                budget=budget,
            )
            planner = TimelinePlanner(
                today=state.today,
                take=state.take,
                town=person.town,
                court_towns=court_towns.get(pdu, [person.town]),
                ap_name=aps.get(pdu, ""),
            )
            plans = planner.plan(rng, dob=dob, allocated=bool(team))
            who = Who(person_id, dob, gender, officer, officer_user, senior_user, officer in staffing.pso,
                      person_id in shared)  # fmt: skip
            extra_rng, risk = records.before_history(who, plans)
            person.rosh = risk.rosh if risk else ""
            contacts = history.person(rng, person, plans)
            records.after_history(who, plans, extra_rng, risk)
            if is_heavy:
                heavy.append((crn, contacts))
        for name, writer in writers.items():
            writer.write(state.rows.pop(name, []))
        state.rows.clear()
        for level, ids in records.rosh_levels.items():  # mirrored on the person, as the RoSH service does
            Person.objects.filter(pk__in=ids).update(rosh_level=level)
        records.rosh_levels.clear()
        done += len(batch)
        last_id = batch[-1][0]
        rate = done / (time.perf_counter() - started)
        log(f"  {done:,} people, {writers['contact'].written:,} contacts ({rate:,.0f} people/s)")
    result.totals = {name: writer.written for name, writer in writers.items()}
    result.timings["risk/needs/scores"] = records.seconds  # part of "history": drawing them
    return heavy, done


def _fallback_officer(rng: Random, staffing: Staffing, team: int | None, pdu: int) -> int:
    """An unallocated person's past contacts were held by someone in their team or PDU."""
    pool = (
        staffing.practitioners_by_team.get(team or 0)
        or staffing.practitioners_by_pdu.get(pdu)
        or staffing.everyone
    )
    return rng.choice(pool)


def _staffing() -> Staffing:
    staffing = Staffing({}, {}, {}, {}, {}, {}, {}, [])
    staffing.user_of = dict(User.objects.filter(staff__isnull=False).values_list("staff_id", "id"))
    practitioners = {Grade.PO, Grade.PSO, Grade.PQIP}
    for staff_id, team_id, grade, pdu_id in Staff.objects.order_by("id").values_list(
        "id", "team_id", "grade", "team__pdu_id"
    ):
        staffing.team_of[staff_id] = team_id
        staffing.pdu_of_team[team_id] = pdu_id
        if grade == Grade.PSO:
            staffing.pso.add(staff_id)
        if grade in practitioners:
            staffing.practitioners_by_team.setdefault(team_id, []).append(staff_id)
            staffing.practitioners_by_pdu.setdefault(pdu_id, []).append(staff_id)
            staffing.everyone.append(staff_id)
        elif grade == Grade.SPO:
            staffing.senior_by_team.setdefault(team_id, staff_id)
        elif grade == Grade.HEAD_OF_PDU:
            staffing.head_by_pdu.setdefault(pdu_id, staff_id)
    if not staffing.everyone:
        staffing.everyone = list(staffing.team_of)
    return staffing


def _places() -> tuple[dict[int, str], dict[int, list[str]], dict[int, str]]:
    """PDU id -> main town, the towns of the PDU's region (for courts) and, where the PDU has
    approved premises, a name for them."""
    places = {place.name: place for region in REGIONS for place in region.pdus}
    towns, aps, region_of = {}, {}, {}
    by_region: dict[int, list[str]] = {}
    for pdu_id, name, region_id in PDU.objects.values_list("id", "name", "region_id"):
        place = places.get(name)
        towns[pdu_id] = place.town if place else name
        aps[pdu_id] = "Approved Premises" if place and place.ap else ""
        by_region.setdefault(region_id, []).append(towns[pdu_id])
        region_of[pdu_id] = region_id
    return towns, {p: by_region[r] for p, r in region_of.items()}, aps
