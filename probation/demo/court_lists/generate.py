"""Courts for the demo court officer's region and their lists for the next sitting days.

Every list goes through the court app's services as an officer's import would (``court_list_import``:
matching, candidates, audit), so the demo shows real matches: about four in ten defendants are on the
record with their PNC number (matched exactly and confirmed here), two in ten are on the record under
a misspelt name with their date of birth (left for the officer to confirm), the rest are new. Running
it again adds nothing: courts are found by code and lists are idempotent.
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
from probation.people.models import Person
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
    days: list[dt.date] = field(default_factory=list)


def sitting_days(start: dt.date, count: int) -> list[dt.date]:
    """The next ``count`` working days after ``start`` (courts sit on working days)."""
    days: list[dt.date] = []
    day = start
    while len(days) < count:
        day += dt.timedelta(days=1)
        if is_working_day(day):
            days.append(day)
    return days


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


def courts_ensure(officer: User) -> list[Court]:
    """A magistrates' court for each PDU of the officer's region and a Crown Court at the officer's own."""
    assert officer.staff is not None
    own = officer.staff.team.pdu
    courts = []
    for pdu in PDU.objects.filter(region_id=own.region_id).order_by("code"):
        courts.append(_court(f"{pdu.code}MC", f"{pdu.name} Magistrates’ Court", CourtKind.MAGISTRATES, pdu))
        if pdu.pk == own.pk:
            courts.append(_court(f"{pdu.code}CC", f"{pdu.name} Crown Court", CourtKind.CROWN, pdu))
    return courts


def _court(code: str, name: str, kind: str, pdu: PDU) -> Court:
    court, _ = Court.objects.get_or_create(code=code, defaults={"name": name, "kind": kind, "pdu": pdu})
    return court


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


def generate(*, seed: int, days: int, today: dt.date, log: Callable[[str], object]) -> Result:
    officer = _court_officer()
    courts = courts_ensure(officer)
    result = Result(courts=len(courts), days=sitting_days(today, days))
    for court in courts:
        known = list(Person.objects.filter(pdu_id=court.pdu_id).order_by("pk")[:400])
        for day in result.days:
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
        log(f"  {court.name}: lists ready")
    return result
