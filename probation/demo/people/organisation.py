"""The organisation: regions, PDUs, teams, offices, staff and their sign-in accounts.

Regions, PDUs and teams are always national (12 regions, ~100 PDUs, 3-6 teams each). Case-holding
staff (PO, PSO, PQiP) are scaled to the number of people so each holds ~30-45 cases; below national
scale that means only some teams are staffed, chosen round-robin across the regions (the demo team in
Leeds first). A staffed team has a Senior PO, POs, PSOs, a PQiP once it is big enough and case
administrators; the first team of each staffed PDU also has the Head of PDU, court officers, VLOs
and, where the PDU has approved premises, AP staff.
"""

import math
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from random import Random

from django.contrib.auth.hashers import make_password
from faker import Faker

from probation.accounts.models import PDU, Grade, OfficeLocation, Region, Role, Staff, Team, User
from probation.demo.people import names
from probation.demo.people.places import ANCHOR_PDU, REGIONS, TEAM_NAMES, PduPlace

TARGET_CASELOAD = 38
PRACTITIONERS_PER_TEAM = 12
PRACTITIONER_GRADES = (Grade.PO, Grade.PSO, Grade.PQIP)
ROLE_FOR_GRADE = {
    Grade.PO: Role.PRACTITIONER,
    Grade.PSO: Role.PRACTITIONER,
    Grade.PQIP: Role.PRACTITIONER,
    Grade.SPO: Role.SENIOR_PO,
    Grade.HEAD_OF_PDU: Role.HEAD_OF_PDU,
    Grade.CASE_ADMIN: Role.CASE_ADMIN,
    Grade.COURT_OFFICER: Role.COURT_OFFICER,
    Grade.VLO: Role.VLO,
    Grade.AP_STAFF: Role.AP_STAFF,
}
# Demo login -> grade of the staff member in the demo team it signs in as.
DEMO_GRADES = {
    "po": Grade.PO,
    "pso": Grade.PSO,
    "spo": Grade.SPO,
    "admin-case": Grade.CASE_ADMIN,
    "court": Grade.COURT_OFFICER,
    "vlo": Grade.VLO,
    "ap": Grade.AP_STAFF,
}


@dataclass
class StaffInfo:
    id: int
    code: str
    grade: str
    team: "TeamInfo"
    user_id: int = 0


@dataclass
class TeamInfo:
    id: int
    code: str
    name: str
    pdu: "PduInfo"
    staff: list[StaffInfo] = field(default_factory=list)

    def first(self, grade: str) -> StaffInfo | None:
        return next((s for s in self.staff if s.grade == grade), None)


@dataclass
class PduInfo:
    id: int
    code: str
    place: PduPlace
    region_code: str
    teams: list[TeamInfo] = field(default_factory=list)
    ap_name: str = ""

    @property
    def staffed_teams(self) -> list[TeamInfo]:
        return [t for t in self.teams if t.staff]


@dataclass
class Org:
    pdus: list[PduInfo]
    practitioners: list[StaffInfo]
    demo: dict[str, StaffInfo]
    staff_count: int = 0

    @property
    def staffed_pdus(self) -> list[PduInfo]:
        return [p for p in self.pdus if p.staffed_teams]

    @property
    def demo_team(self) -> TeamInfo:
        return self.demo["po"].team


def ascii_slug(text: str) -> str:
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return "".join(c for c in plain if c.isalnum())


def organisation_create(*, rng: Random, fake: Faker, people: int) -> Org:
    pdus = _regions_pdus_teams(rng)
    _offices(rng, pdus)
    practitioners_needed = max(2, math.ceil(people * 0.95 / TARGET_CASELOAD))
    staffing = _staffing_plan(rng, pdus, practitioners_needed)
    return _staff_and_users(rng, fake, pdus, staffing)


def _regions_pdus_teams(rng: Random) -> list[PduInfo]:
    regions = Region.objects.bulk_create(Region(code=r.code, name=r.name) for r in REGIONS)
    pdu_rows, infos = [], []
    for region, place_region in zip(regions, REGIONS, strict=True):
        for i, place in enumerate(place_region.pdus, start=1):
            code = f"{region.code}{i:02d}"
            pdu_rows.append(PDU(code=code, name=place.name, region=region))
            ap_name = f"{rng.choice(names.AP_NAMES)} Approved Premises" if place.ap else ""
            infos.append(PduInfo(0, code, place, region.code, ap_name=ap_name))
    for info, row in zip(infos, PDU.objects.bulk_create(pdu_rows), strict=True):
        info.id = row.pk
    team_rows, team_infos = [], []
    for info in infos:
        for i in range(rng.randint(3, 6)):
            code = f"{info.code}T{i + 1}"
            name = f"{info.place.name} {TEAM_NAMES[i]} Team"
            team_rows.append(Team(code=code, name=name, pdu_id=info.id))
            team = TeamInfo(0, code, name, info)
            info.teams.append(team)
            team_infos.append(team)
    for team, team_row in zip(team_infos, Team.objects.bulk_create(team_rows), strict=True):
        team.id = team_row.pk
    return infos


def _offices(rng: Random, pdus: list[PduInfo]) -> None:
    rows: list[OfficeLocation] = []
    links: list[list[int]] = []
    for pdu in pdus:
        town = pdu.place.town
        kinds = [f"{town} Probation Office", f"{town} Magistrates' Court", f"{pdu.place.name} Community Hub"]
        for i, name in enumerate(kinds[: rng.randint(1, 3)]):
            street = names.street_name(rng)
            rows.append(
                OfficeLocation(
                    code=f"{pdu.code}O{i + 1}",
                    name=name,
                    address=f"{rng.randint(1, 120)} {street}, {town}",
                    postcode=names.postcode(rng, pdu.place.postcode_area),
                    # Ofcom's range for drama (0113 496 0000-0999): never a real line. Not drawn from
                    # rng, so the rest of the generated data stays as it was.
                    phone=f"0113 496 {len(rows) % 1000:04d}",
                )
            )
            links.append([t.id for j, t in enumerate(pdu.teams) if i == 0 or j % 3 == i])
    through = OfficeLocation.teams.through
    offices = OfficeLocation.objects.bulk_create(rows)
    through.objects.bulk_create(
        through(officelocation_id=office.pk, team_id=team_id)
        for office, team_ids in zip(offices, links, strict=True)
        for team_id in team_ids
    )


def _staffing_plan(rng: Random, pdus: list[PduInfo], practitioners: int) -> dict[int, int]:
    """Team id -> number of case-holding practitioners. The anchor (demo) team comes first."""
    queues: dict[str, list[TeamInfo]] = defaultdict(list)
    anchor: TeamInfo | None = None
    by_region: dict[str, list[PduInfo]] = defaultdict(list)
    for pdu in pdus:
        by_region[pdu.region_code].append(pdu)
    region_order = list(by_region)
    rng.shuffle(region_order)
    for code in region_order:
        region_pdus = by_region[code][:]
        rng.shuffle(region_pdus)
        for pdu in region_pdus:
            for team in pdu.teams:
                if pdu.place.name == ANCHOR_PDU and anchor is None:
                    anchor = team
                else:
                    queues[code].append(team)
    assert anchor is not None
    order = [anchor]
    while any(queues.values()):
        for code in region_order:
            if queues[code]:
                order.append(queues[code].pop(0))
    staffed = order[: max(1, min(len(order), math.ceil(practitioners / PRACTITIONERS_PER_TEAM)))]
    weights = [rng.uniform(0.7, 1.3) for _ in staffed]
    total = sum(weights)
    counts = [max(1, int(practitioners * w / total)) for w in weights]
    for i in range(practitioners - sum(counts)):
        counts[i % len(counts)] += 1
    counts[0] = max(counts[0], 3)  # the demo team needs a PO and a PSO besides the demo PO
    return {team.id: n for team, n in zip(staffed, counts, strict=True)}


def _team_grades(rng: Random, team: TeamInfo, practitioners: int) -> list[Grade]:
    pqip = 0 if practitioners < 4 else (1 if practitioners < 14 else 2)
    pso = max(1, round((practitioners - pqip) * 0.4)) if practitioners >= 2 else 0
    po = practitioners - pqip - pso
    grades = [Grade.SPO] + [Grade.PO] * po + [Grade.PSO] * pso + [Grade.PQIP] * pqip
    grades += [Grade.CASE_ADMIN] * max(1, round(practitioners / 8))
    if team is team.pdu.teams[0]:
        grades += [Grade.HEAD_OF_PDU] + [Grade.COURT_OFFICER] * rng.randint(2, 3)
        grades += [Grade.VLO] * rng.randint(1, 2)
        if team.pdu.ap_name:
            grades += [Grade.AP_STAFF] * rng.randint(2, 4)
    return grades


def _person_name(rng: Random, fake: Faker) -> tuple[str, str]:
    """Staff names: mostly Faker's en_GB names, some from the other backgrounds."""
    if rng.random() < 0.8:
        return fake.first_name(), fake.last_name()
    background = names.BACKGROUNDS[names.Pool(names.BACKGROUND_MIX).pick(rng)]
    first = (background.female if rng.random() < 0.7 else background.male).pick(rng)
    return first, background.surnames.pick(rng)


def _staff_and_users(rng: Random, fake: Faker, pdus: list[PduInfo], staffing: dict[int, int]) -> Org:
    rows: list[Staff] = []
    infos: list[StaffInfo] = []
    for pdu in pdus:
        sequence = 0
        for team in pdu.teams:
            if team.id not in staffing:
                continue
            for grade in _team_grades(rng, team, staffing[team.id]):
                sequence += 1
                forename, surname = _person_name(rng, fake)
                code = f"{pdu.code}{sequence:04d}"
                email = f"{ascii_slug(forename)}.{ascii_slug(surname)}.{code.lower()}@openprobation.example"
                rows.append(
                    Staff(
                        code=code,
                        forename=forename,
                        surname=surname,
                        grade=grade,
                        team_id=team.id,
                        email=email,
                    )
                )
                info = StaffInfo(0, code, grade, team)
                team.staff.append(info)
                infos.append(info)
    staff_rows = Staff.objects.bulk_create(rows, batch_size=2000)
    # Staff sign in with single sign-on in real life; these accounts have no usable password.
    unusable = make_password(None)
    users = User.objects.bulk_create(
        (
            User(
                username=row.code.lower(),
                password=unusable,
                role=ROLE_FOR_GRADE[Grade(row.grade)],
                staff_id=row.pk,
                first_name=row.forename,
                last_name=row.surname,
                email=row.email,
            )
            for row in staff_rows
        ),
        batch_size=2000,
    )
    for info, row, user in zip(infos, staff_rows, users, strict=True):
        info.id, info.user_id = row.pk, user.pk
    anchor = next(t for p in pdus for t in p.teams if t.id == next(iter(staffing)))
    demo = {login: anchor.first(grade) for login, grade in DEMO_GRADES.items()}
    missing = [login for login, info in demo.items() if info is None]
    assert not missing, f"the demo team has no staff for {missing}"
    practitioners = [s for s in infos if s.grade in PRACTITIONER_GRADES]
    return Org(pdus=pdus, practitioners=practitioners, demo=demo, staff_count=len(infos))  # type: ignore[arg-type]
