"""Courts for every PDU, lists for every sitting day of the demo court officer's region (the last few,
resulted, and the next few), and report requests and reports nationally.

Every list goes through the court app's services as an officer's import would (``court_list_import``:
matching, candidates, audit), so the demo shows real matches: about four in ten defendants are on the
record with their PNC number (matched exactly and confirmed here), two in ten are on the record under
a misspelt name with their date of birth (left for the officer to confirm), the rest are new. Running
it again adds nothing: courts are found by code and lists are idempotent.

Every PDU has a magistrates' court and every region a Crown Court (at its first PDU, and at the
officer's own). Lists are imported only for the officer's region: the import is a court officer's,
and the demo has one signed-in court officer. Lists of days already heard are resulted through the
resulting services (probation.demo.court_lists.results); report requests and reports in every state
are written in bulk for the whole record (probation.demo.court_lists.reports).
"""

import datetime as dt
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from random import Random

from faker import Faker

from probation.accounts.models import PDU, Role, User
from probation.court.models import Court, CourtKind, CourtList, Hearing, MatchState, Session
from probation.court.services.decisions import hearing_match_confirm
from probation.court.services.formats import ListedHearing, ListedOffence, ParsedList
from probation.court.services.imports import court_list_import
from probation.court.services.preparation import hearing_preparation_update
from probation.demo.court_lists.reports import ReportsResult, generate_reports
from probation.demo.court_lists.results import result_hearings
from probation.people.models import Person
from probation.reports.models import ReportRequest
from probation.rules.calendar.working_days import is_working_day

DEMO_COURT_OFFICER = "court"
OFFENCES = (
    ("TH68010", "Stole goods to the value of £84.50 belonging to a supermarket"),
    ("TH68006", "Stole a pedal cycle"),
    ("OF61016", "Assaulted a person by beating"),
    ("CD71039", "Damaged a window belonging to another, value £250"),
    ("RT88191", "Drove a motor vehicle after consuming excess alcohol"),
    ("MD71237", "Had in possession a controlled drug of class B, cannabis"),
    ("CJ03510", "Failed to surrender to custody at the appointed time"),
    ("PU86001", "Used threatening words or behaviour causing harassment, alarm or distress"),
    ("CJ08507", "Failed to comply with the requirements of a community order"),
)
ROOMS = ("1", "2", "3", "4")
PREPARATION = ("not_started", "in_progress", "complete", "not_required")


class NoCourtOfficer(Exception):
    pass


@dataclass
class Result:
    courts: int = 0
    lists: int = 0
    hearings: int = 0
    confirmed: int = 0
    resulted: int = 0
    list_courts: int = 0
    days: list[dt.date] = field(default_factory=list)
    past_days: list[dt.date] = field(default_factory=list)
    reports: ReportsResult = field(default_factory=ReportsResult)


def sitting_days(start: dt.date, count: int) -> list[dt.date]:
    """The next ``count`` working days after ``start`` (courts sit on working days)."""
    days: list[dt.date] = []
    day = start
    while len(days) < count:
        day += dt.timedelta(days=1)
        if is_working_day(day):
            days.append(day)
    return days


def past_sitting_days(today: dt.date, count: int) -> list[dt.date]:
    """The last ``count`` working days before ``today``, earliest first."""
    days: list[dt.date] = []
    day = today
    while len(days) < count:
        day -= dt.timedelta(days=1)
        if is_working_day(day):
            days.append(day)
    return sorted(days)


def _court_officer() -> User:
    officer = (
        User.objects.filter(username=DEMO_COURT_OFFICER, role=Role.COURT_OFFICER, staff__isnull=False).first()
        or User.objects.filter(role=Role.COURT_OFFICER, staff__isnull=False, is_active=True)
        .order_by("pk")
        .first()
    )
    if officer is None:
        raise NoCourtOfficer("No court officer to import the lists: run generate_data --demo-users first")
    return officer


def _resulting_officer(officer: User, court: Court) -> User | None:
    """Hearings are resulted by a court officer of the court's own PDU (court.policy)."""
    assert officer.staff is not None
    if officer.staff.team.pdu_id == court.pdu_id:
        return officer
    return (
        User.objects.filter(
            role=Role.COURT_OFFICER, is_active=True, staff__active=True, staff__team__pdu_id=court.pdu_id
        )
        .order_by("pk")
        .first()
    )


def courts_ensure(officer: User) -> list[Court]:
    """A magistrates' court for every PDU and a Crown Court at each region's first PDU and at the
    officer's own; returns those of the officer's region (the ones it imports lists for)."""
    assert officer.staff is not None
    own = officer.staff.team.pdu
    wanted: list[Court] = []
    regions_seen: set[int] = set()
    for pdu in PDU.objects.order_by("region_id", "code"):
        wanted.append(
            Court(
                code=f"{pdu.code}MC",
                name=f"{pdu.name} Magistrates’ Court",
                kind=CourtKind.MAGISTRATES,
                pdu=pdu,
            )
        )
        if pdu.pk == own.pk or pdu.region_id not in regions_seen:
            wanted.append(
                Court(code=f"{pdu.code}CC", name=f"{pdu.name} Crown Court", kind=CourtKind.CROWN, pdu=pdu)
            )
        regions_seen.add(pdu.region_id)
    existing = set(Court.objects.values_list("code", flat=True))
    Court.objects.bulk_create([c for c in wanted if c.code not in existing])
    return list(
        Court.objects.filter(pdu__region_id=own.region_id, code__in=[c.code for c in wanted]).order_by("code")
    )


def _misspell(rng: Random, name: str) -> str:
    if len(name) < 4:
        return name
    i = rng.randrange(1, len(name) - 1)
    return name[:i] + name[i + 1] + name[i] + name[i + 2 :]  # swap two neighbouring letters


def _offences(rng: Random) -> tuple[ListedOffence, ...]:
    return tuple(
        ListedOffence(code, wording) for code, wording in rng.sample(OFFENCES, rng.choice((1, 1, 2)))
    )


def _listed(rng: Random, fake: Faker, number: int, person: Person | None, misspelt: bool) -> ListedHearing:
    if person is None:
        surname, forenames = fake.last_name(), fake.first_name()
        born, pnc = fake.date_of_birth(minimum_age=18, maximum_age=70), ""
    else:
        surname = _misspell(rng, person.surname) if misspelt else person.surname
        forenames, born, pnc = person.first_name, person.date_of_birth, "" if misspelt else person.pnc_number
    return ListedHearing(
        listing_number=number,
        room=rng.choice(ROOMS),
        hearing_time=dt.time(10 + (number - 1) // 4 % 4, 15 * ((number - 1) % 4)),
        surname=surname.upper(),
        forenames=forenames,
        date_of_birth=born,
        pnc_number=pnc,
        cro_number="",
        address="",
        offences=_offences(rng),
        plea=rng.choice(("", "guilty", "guilty", "not_guilty")),
    )


def _hearings(rng: Random, fake: Faker, known: list[Person], count: int) -> tuple[ListedHearing, ...]:
    listed = []
    for number in range(1, count + 1):
        roll = rng.random()
        with_pnc = [p for p in known if p.pnc_number]
        if roll < 0.4 and with_pnc:
            listed.append(_listed(rng, fake, number, rng.choice(with_pnc), misspelt=False))
        elif roll < 0.6 and known:
            listed.append(_listed(rng, fake, number, rng.choice(known), misspelt=True))
        else:
            listed.append(_listed(rng, fake, number, None, misspelt=False))
    return tuple(listed)


def _confirm_exact_matches(officer: User, court_list: CourtList, rng: Random) -> int:
    confirmed = 0
    hearings = Hearing.objects.filter(court_list=court_list, match_state=MatchState.UNCONFIRMED)
    for hearing in hearings.prefetch_related("candidates"):
        pnc = [c for c in hearing.candidates.all() if c.matched_on == "pnc" and not c.rejected]
        if len(pnc) != 1:
            continue
        hearing = hearing_match_confirm(
            actor=officer, hearing_id=hearing.pk, expected_version=hearing.version, person_id=pnc[0].person_id
        )
        hearing_preparation_update(
            actor=officer,
            hearing_id=hearing.pk,
            expected_version=hearing.version,
            status=rng.choice(PREPARATION),
            notes="",
        )
        confirmed += 1
    return confirmed


def _sessions(court: Court) -> tuple[str, ...]:
    return (Session.ALL_DAY,) if court.kind == CourtKind.CROWN else (Session.MORNING, Session.AFTERNOON)


def generate(
    *,
    seed: int,
    days: int,
    today: dt.date,
    log: Callable[[str], object],
    past_days: int = 0,
    reports: bool = True,
) -> Result:
    officer = _court_officer()
    courts = courts_ensure(officer)
    result = Result(
        courts=Court.objects.count(),
        list_courts=len(courts),
        days=sitting_days(today, days),
        past_days=past_sitting_days(today, past_days),
    )
    for court in courts:
        known = list(Person.objects.filter(pdu_id=court.pdu_id).order_by("pk")[:400])
        resulting = _resulting_officer(officer, court)
        for day in [*result.past_days, *result.days]:
            for session in _sessions(court):
                if CourtList.objects.filter(court=court, sitting_date=day, session=session).exists():
                    continue
                key = f"{seed}:{court.code}:{day.isoformat()}:{session}"
                rng = Random(zlib.crc32(key.encode()))  # noqa: S311 - reproducible fiction, not secrets
                fake = Faker("en_GB")
                fake.seed_instance(rng.randrange(2**32))
                parsed = ParsedList(court.code, day, session, _hearings(rng, fake, known, rng.randint(8, 14)))
                imported = court_list_import(actor=officer, parsed=parsed)
                result.lists += 1
                result.hearings += imported.added
                result.confirmed += _confirm_exact_matches(officer, imported.court_list, rng)
                if day < today and resulting is not None:
                    result.resulted += result_hearings(
                        officer=resulting, court_list=imported.court_list, rng=rng
                    )
        log(f"  {court.name}: lists ready")
    if reports and not _reports_exist():
        result.reports = generate_reports(seed=seed, today=today)
        log(f"  {result.reports.requests:,} report requests, {result.reports.reports:,} reports")
    return result


def _reports_exist() -> bool:
    # Requests made at demo hearings (a report requested) do not count: the bulk load runs once.
    return ReportRequest.objects.filter(hearing__isnull=True).exists()
