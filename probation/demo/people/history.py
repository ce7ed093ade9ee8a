"""What has happened around a person: addresses over time, allocations and transfers, circumstances,
disabilities and limited-access lists, kept consistent the way the services keep them:
one main address, previous addresses that end before the next begins, exactly one open allocation
matching ``Person.team``/``officer``, and ``has_exclusions``/``is_restricted`` matching the lists.
"""

import datetime as dt
from collections import defaultdict
from random import Random
from zoneinfo import ZoneInfo

from probation.demo.people import names
from probation.demo.people.batch import Batch
from probation.demo.people.organisation import Org, PduInfo, StaffInfo, TeamInfo

LONDON = ZoneInfo("Europe/London")
UTC = dt.UTC
MAIN_TYPES = names.Pool(
    {"permanent": 80, "temporary": 10, "cas2": 2, "prison": 4, "nfa": 3, "approved_premises": 1}
)
TRANSFER_REASONS = names.Pool(
    {
        "transfer_team": 25,
        "workload": 20,
        "officer_left": 20,
        "relocation": 10,
        "transfer_region": 8,
        "risk_change": 10,
        "conflict": 3,
        "other": 4,
    }
)
REASON_NOTES = {
    "conflict": "Previous officer knows the family.",
    "other": "Transferred at the request of the Head of PDU.",
    "risk_change": "RoSH increased to high following a new assessment.",
}
CIRCUMSTANCES = {
    "accommodation": (
        20,
        ("Settled", "Sofa surfing", "Living with family", "Private rented", "Social housing"),
    ),
    "employment": (
        25,
        ("Employed full time", "Employed part time", "Unemployed", "Self-employed", "Zero-hours contract"),
    ),
    "education": (5, ("College course", "Adult literacy class", "Construction skills course")),
    "benefits": (
        20,
        ("Universal Credit", "Personal Independence Payment", "Employment and Support Allowance"),
    ),
    "relationship": (10, ("Single", "In a relationship", "Married", "Separated")),
    "dependants": (8, ("Two children under 10", "Carer for a parent", "One child, lives with mother")),
    "health": (6, ("Asthma", "Type 2 diabetes", "Depression", "Chronic back pain")),
    "substance": (12, ("Alcohol misuse", "Cannabis use", "Opiate use, on a methadone script", "Cocaine use")),
    "veteran": (2, ("Served in the Army, 2004-2012", "Served in the Royal Navy, 1998-2006")),
    "pregnancy": (2, ("Due in the spring",)),
    "care_leaver": (3, ("Left local authority care at 18",)),
    "immigration": (2, ("Leave to remain", "EU Settlement Scheme (settled status)")),
}
CIRCUMSTANCE_TYPES = names.Pool({k: w for k, (w, _) in CIRCUMSTANCES.items()})
ADJUSTMENTS = {
    "hearing": "Face the person when speaking; offer a BSL interpreter.",
    "visual": "Send letters in large print.",
    "mobility": "Book a ground-floor interview room.",
    "learning_difficulty": "Use easy-read letters and check understanding.",
    "learning_disability": "Allow extra time; involve their support worker.",
    "mental_health": "Avoid the busy waiting room; text a reminder the day before.",
    "neurodivergent": "Quiet room; a written summary after each appointment.",
    "long_term": "Flexible appointment times around treatment.",
    "speech": "Allow extra time to respond.",
    "other": "",
}
EXCLUSION_MESSAGE = "You are excluded from this case. Contact the Head of PDU, {pdu}, if you need to see it."
RESTRICTION_MESSAGE = "This case is restricted to named staff. Contact the Senior PO of {team} for access."


def _days_ago(today: dt.date, low: int, high: int, mode: int, rng: Random) -> dt.date:
    return today - dt.timedelta(days=int(rng.triangular(low, high, mode)))


class History:
    def __init__(self, *, rng: Random, org: Org, today: dt.date, moment: dt.datetime) -> None:
        self.rng, self.org, self.today, self.moment = rng, org, today, moment
        self.by_team: dict[int, list[StaffInfo]] = defaultdict(list)
        self.by_pdu: dict[str, list[StaffInfo]] = defaultdict(list)
        self.by_region: dict[str, list[StaffInfo]] = defaultdict(list)
        for staff in org.practitioners:
            self.by_team[staff.team.id].append(staff)
            self.by_pdu[staff.team.pdu.code].append(staff)
            self.by_region[staff.team.pdu.region_code].append(staff)
        self.ap_pdus: dict[str, list[PduInfo]] = defaultdict(list)
        for pdu in org.pdus:
            if pdu.ap_name:
                self.ap_pdus[pdu.region_code].append(pdu)
        self.demo_seen: dict[str, int] = defaultdict(int)
        self.demo_cases: list[tuple[int, bool]] = []  # the demo PO's cases: (person id, limited access)

    # Allocation ---------------------------------------------------------------------------------

    def _started(self, day: dt.date) -> dt.datetime:
        local = dt.datetime.combine(day, dt.time(self.rng.randint(9, 16), self.rng.randrange(60)), LONDON)
        return local.astimezone(UTC)

    def _previous_officer(self, reason: str, current: StaffInfo) -> StaffInfo:
        rng, pdu = self.rng, current.team.pdu
        if reason == "transfer_team":
            pool = [s for s in self.by_pdu[pdu.code] if s.team is not current.team]
        elif reason == "transfer_region":
            pool = [
                s for code, staff in self.by_region.items() if code != pdu.region_code for s in staff[:50]
            ]
        elif reason == "relocation":
            pool = [s for s in self.by_region[pdu.region_code][:400] if s.team.pdu is not pdu]
        else:
            pool = [s for s in self.by_team[current.team.id] if s is not current]
        pool = pool or [s for s in self.by_pdu[pdu.code] if s is not current] or [current]
        return rng.choice(pool)

    def allocations(self, batch: Batch, person_id: int, officer: StaffInfo | None) -> PduInfo | None:
        """Write the allocation history; return the PDU of the first allocation (addresses before a
        move between areas were in that PDU)."""
        if officer is None:
            return None
        rng, today = self.rng, self.today
        start = _days_ago(today, 20, 2200, 250, rng)
        transfers = 0
        if rng.random() < 0.25 and (today - start).days > 60:
            transfers = 1 if rng.random() < 0.6 else (2 if rng.random() < 0.75 else 3)
        span = (today - start).days - 21
        days = (
            sorted({start + dt.timedelta(days=rng.randrange(14, span)) for _ in range(transfers)})
            if transfers
            else []
        )
        chain: list[tuple[StaffInfo, str]] = [(officer, "")]
        for _ in days:
            reason = TRANSFER_REASONS.pick(rng)
            chain.insert(0, (self._previous_officer(reason, chain[0][0]), ""))
            chain[1] = (chain[1][0], reason)
        chain[0] = (chain[0][0], "initial")
        starts = [self._started(day) for day in (start, *days)]
        for i, ((staff, reason), started) in enumerate(zip(chain, starts, strict=True)):
            batch.allocation.append(
                {
                    "person_id": person_id,
                    "team_id": staff.team.id,
                    "officer_id": staff.id,
                    "started_at": started,
                    "ended_at": starts[i + 1] if i + 1 < len(starts) else None,
                    "reason": reason,
                    # allocation_create requires notes for "other"; some officers add them anyway.
                    "notes": REASON_NOTES.get(reason, "") if reason == "other" or rng.random() < 0.4 else "",
                    "allocated_by_id": self._spo_user(staff.team),
                }
            )
        return chain[0][0].team.pdu

    def _spo_user(self, team: TeamInfo) -> int | None:
        spo = team.first("SPO")
        return spo.user_id if spo else None

    # Addresses ----------------------------------------------------------------------------------

    def _address(self, pdu: PduInfo, kind: str) -> dict:
        rng, place = self.rng, pdu.place
        row = {
            "building_name": "",
            "address_number": "",
            "street_name": "",
            "district": "",
            "town_city": "",
            "county": "",
            "postcode": "",
            "telephone": "",
            "notes": "",
        }
        if kind == "nfa":
            row["notes"] = rng.choice(
                ("Sleeping rough; contact through the day centre.", "Sofa surfing with friends.", "")
            )
            return row
        if kind == "approved_premises":
            pdu = rng.choice(
                self.ap_pdus.get(pdu.region_code) or [p for ps in self.ap_pdus.values() for p in ps]
            )
            place = pdu.place
            row["building_name"] = pdu.ap_name
        elif kind == "prison":
            row["building_name"] = f"HMP {place.town}"
        elif kind in ("temporary", "cas2") or rng.random() < 0.18:
            label = "Room" if kind != "permanent" else "Flat"
            building = f"{names.STREET_WORDS.pick(rng)} {rng.choice(names.BUILDING_SUFFIXES)}"
            row["building_name"] = f"{label} {rng.randint(1, 40)}, {building}"
        else:
            row["address_number"] = str(rng.randint(1, 250))
        row |= {
            "street_name": names.street_name(rng),
            "town_city": place.town,
            "county": place.county,
            "postcode": names.postcode(rng, place.postcode_area),
        }
        if kind == "permanent" and rng.random() < 0.1:
            row["telephone"] = f"01632 960{rng.randint(0, 999):03d}"
        return row

    def addresses(
        self, batch: Batch, person_id: int, pdu: PduInfo, earlier_pdu: PduInfo, dob: dt.date
    ) -> None:
        rng, today = self.rng, self.today
        adult = dob + dt.timedelta(days=16 * 365)
        kind = MAIN_TYPES.pick(rng)
        start = max(_days_ago(today, 14, 3000, 200, rng), adult)
        common = {
            "person_id": person_id,
            "created_by_id": None,
            "created_at": self.moment,
            "updated_at": self.moment,
            "version": 1,
        }
        batch.address.append(
            common
            | self._address(pdu, kind)
            | {"status": "main", "address_type": kind, "start_date": start, "end_date": None}
        )
        if rng.random() >= 0.4:
            return
        for _ in range(rng.randint(1, 3)):
            end = start - dt.timedelta(days=0 if rng.random() < 0.7 else rng.randint(1, 90))
            start = end - dt.timedelta(days=rng.randint(60, 1500))
            if start < adult:
                return
            kind = "permanent" if rng.random() < 0.75 else "temporary"
            batch.address.append(
                common
                | self._address(earlier_pdu, kind)
                | {"status": "previous", "address_type": kind, "start_date": start, "end_date": end}
            )

    # Circumstances and disabilities -------------------------------------------------------------

    def circumstances(self, batch: Batch, person_id: int, gender: str, dob: dt.date) -> None:
        rng, today = self.rng, self.today
        adult = dob + dt.timedelta(days=16 * 365)
        if rng.random() < 0.7:
            chosen = {CIRCUMSTANCE_TYPES.pick(rng) for _ in range(rng.randint(1, 3))}
            chosen -= {"pregnancy"} if gender != "F" else set()
            chosen -= {"care_leaver"} if (today - dob).days > 26 * 365 else set()
            for kind in sorted(chosen):
                start = max(_days_ago(today, 0, 1800, 300, rng), adult)
                end = None
                if rng.random() < 0.2:
                    end = min(today, start + dt.timedelta(days=rng.randint(30, 700)))
                batch.circumstance.append(
                    {
                        "person_id": person_id,
                        "circumstance_type": kind,
                        "detail": rng.choice(CIRCUMSTANCES[kind][1]),
                        "start_date": start,
                        "end_date": end,
                        "evidenced": rng.random() < 0.4,
                        "notes": "",
                    }
                )
        if rng.random() < 0.1:
            for kind in sorted({rng.choice(list(ADJUSTMENTS)) for _ in range(rng.randint(1, 2))}):
                batch.disability.append(
                    {
                        "person_id": person_id,
                        "disability_type": kind,
                        "adjustments": ADJUSTMENTS[kind],
                        "start_date": max(_days_ago(today, 30, 4000, 800, rng), adult),
                        "end_date": None,
                        "notes": "",
                    }
                )

    # Limited access -----------------------------------------------------------------------------

    def limited_access(self, batch: Batch, person_id: int, officer: StaffInfo | None, pdu: PduInfo) -> dict:
        demo = self.org.demo
        team = officer.team if officer else None
        if team is not None and team is self.org.demo_team:
            excluded, restricted = self._demo_team_lists(officer)
        else:
            excluded, restricted = self._random_lists(officer, team, pdu)
        added_by = self._spo_user(team) if team else None
        added_by = added_by or (pdu.teams[0].first("HPDU") or demo["spo"]).user_id
        for user_id in excluded:
            batch.exclusion.append(
                {"person_id": person_id, "user_id": user_id, "added_by_id": added_by, "added_at": self.moment}
            )
        for user_id in restricted:
            batch.restriction.append(
                {"person_id": person_id, "user_id": user_id, "added_by_id": added_by, "added_at": self.moment}
            )
        if officer is demo["po"]:
            self.demo_cases.append((person_id, bool(excluded or restricted)))
        return {
            "has_exclusions": bool(excluded),
            "is_restricted": bool(restricted),
            "exclusion_message": EXCLUSION_MESSAGE.format(pdu=pdu.place.name) if excluded else "",
            "restriction_message": RESTRICTION_MESSAGE.format(team=team.name if team else pdu.place.name)
            if restricted
            else "",
        }

    def _demo_team_lists(self, officer: StaffInfo | None) -> tuple[list[int], list[int]]:
        """The demo team's worked examples, always the same cases: (excluded, restricted) user ids."""
        demo = self.org.demo
        role = next((k for k in ("po", "pso") if demo[k] is officer), "")
        seen = self.demo_seen[role]
        self.demo_seen[role] += 1
        if role == "po" and seen == 0:
            return [], [demo["po"].user_id, demo["spo"].user_id]
        if role == "po" and seen == 1:
            return [demo["pso"].user_id], []
        if role == "pso" and seen == 0:
            return [demo["po"].user_id], []
        return [], []

    def _random_lists(
        self, officer: StaffInfo | None, team: TeamInfo | None, pdu: PduInfo
    ) -> tuple[list[int], list[int]]:
        """A few cases exclude colleagues or are restricted to named staff: (excluded, restricted)."""
        rng = self.rng
        excluded: list[int] = []
        restricted: list[int] = []
        spo = team.first("SPO") if team else None
        head = pdu.teams[0].first("HPDU")
        if rng.random() < 0.005:
            staff = [s for t in pdu.staffed_teams for s in t.staff]
            others = [s for s in staff if s is not officer and s is not spo and s is not head]
            excluded = [s.user_id for s in rng.sample(others, min(len(others), rng.randint(1, 2)))]
        if rng.random() < 0.002:
            restricted = [s.user_id for s in (officer, spo) if s is not None]
            if head is not None and (not restricted or rng.random() < 0.3):
                restricted.append(head.user_id)
        return excluded, restricted
