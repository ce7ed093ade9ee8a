"""People on probation: names, identifiers, contact details, equality data and search keys.

Rows are plain dicts keyed by field attname, in batches, so ``bulk`` can COPY them into PostgreSQL or
``bulk_create`` them elsewhere. The history around each person (addresses, allocations, circumstances,
limited access) is drawn by ``probation.demo.people.history``.
"""

import datetime as dt
from collections.abc import Iterator
from functools import cache
from random import Random

from probation.demo.people import names
from probation.demo.people.batch import Batch
from probation.demo.people.history import History
from probation.demo.people.organisation import Org, PduInfo, StaffInfo, ascii_slug
from probation.people.search_keys import keys_for_names, normalise, normalise_pnc
from probation.people.services.person import crn_format

ALLOCATED_SHARE = 0.95
GENDERS = names.Pool({"M": 85, "F": 14, "O": 0.5, "N": 0.5})
# Age bands (lower, upper inclusive) weighted to people in their twenties to forties.
AGE_BANDS = names.Pool(
    {
        "18-24": 18,
        "25-29": 17,
        "30-34": 16,
        "35-39": 14,
        "40-44": 11,
        "45-49": 8,
        "50-59": 10,
        "60-69": 4.5,
        "70-80": 1.5,
    }
)
ORIENTATIONS = names.Pool({"HET": 88, "GAY": 3, "BI": 3, "OTH": 1, "NS": 5})
PNC_CHECK = "ZABCDEFGHJKLMNPQRTUVWXY"  # PNC check character: (2-digit year + 7-digit number) mod 23
NI_FIRST = "ABCEGHJKLMNOPRSTWXYZ"
NI_SECOND = "ABCEGHJKLMNPRSTWXYZ"
NI_BANNED = {"BG", "GB", "NK", "KN", "TN", "NT", "ZZ"}
LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ"
BACKGROUND_POOLS = {code: names.Pool(mix) for code, mix in names.REGION_MIX.items()}
NATIONAL_POOL = names.Pool(names.BACKGROUND_MIX)


@cache
def _name_keys(name: str) -> frozenset[str]:
    # keys_for_names is a union over names, so caching it per name gives exactly its output.
    return frozenset(keys_for_names([name]))


def search_keys(names_: list[str]) -> list[str]:
    keys: set[str] = set()
    for name in names_:
        if name:
            keys |= _name_keys(name)
    return sorted(keys)


def years_before(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


class PeopleGenerator:
    def __init__(
        self,
        *,
        rng: Random,
        org: Org,
        count: int,
        first_id: int,
        first_crn: int,
        today: dt.date,
        moment: dt.datetime,
    ) -> None:
        self.rng, self.org, self.count = rng, org, count
        self.first_id, self.first_crn = first_id, first_crn
        self.today, self.moment = today, moment
        self.history = History(rng=rng, org=org, today=today, moment=moment)
        self.slots = self._caseload_slots()
        self.used_pnc: set[tuple[int, int]] = set()
        self.unallocated_pdus = names.Pool(
            [(p.code, float(sum(len(t.staff) for t in p.teams))) for p in org.staffed_pdus]
        )
        self.pdu_by_code = {p.code: p for p in org.pdus}
        self.counts = {
            "alias": 0,
            "address": 0,
            "allocation": 0,
            "circumstance": 0,
            "disability": 0,
            "searchkey": 0,
            "exclusion": 0,
            "restriction": 0,
            "allocated": 0,
        }

    def _caseload_slots(self) -> list[StaffInfo | None]:
        """One entry per person: their officer, or None if unallocated. Each practitioner gets a
        caseload of ~30-45 (PQiPs fewer: their caseload is protected); the demo PO exactly 40."""
        rng, org = self.rng, self.org
        allocated = round(self.count * ALLOCATED_SHARE)
        demo_po = org.demo["po"]
        demo_cases = min(40, allocated)
        others = [s for s in org.practitioners if s is not demo_po]
        ranges = {"PO": (32, 45), "PSO": (30, 42), "PQIP": (18, 28)}
        wanted = [rng.randint(*ranges[s.grade]) for s in others]
        target = allocated - demo_cases
        scale = target / sum(wanted) if wanted else 0
        caseloads = [int(w * scale) for w in wanted]
        order = list(range(len(others)))
        rng.shuffle(order)
        for i in range(target - sum(caseloads)):
            caseloads[order[i % len(order)]] += 1
        slots: list[StaffInfo | None] = [demo_po] * demo_cases
        for officer, n in zip(others, caseloads, strict=True):
            slots += [officer] * n
        slots += [None] * (self.count - len(slots))
        rng.shuffle(slots)
        return slots

    def batches(self, size: int) -> Iterator[Batch]:
        for start in range(0, self.count, size):
            batch = Batch()
            for index in range(start, min(start + size, self.count)):
                self._person(batch, index)
            yield batch

    def _person(self, batch: Batch, index: int) -> None:
        rng = self.rng
        officer = self.slots[index]
        pdu = officer.team.pdu if officer else self.pdu_by_code[self.unallocated_pdus.pick(rng)]
        person_id = self.first_id + index
        gender = GENDERS.pick(rng)
        background = names.BACKGROUNDS[BACKGROUND_POOLS.get(pdu.region_code, NATIONAL_POOL).pick(rng)]
        first_pool = (
            background.female if gender == "F" or (gender != "M" and rng.random() < 0.5) else background.male
        )
        first = first_pool.pick(rng)
        surname = self._surname(background, pdu, gender)
        middle = ""
        if rng.random() < (0.45 if background.key == "british" else 0.2):
            middle = first_pool.pick(rng)
            if middle == first:
                middle = ""
        preferred = names.NICKNAMES.get(first, "") if rng.random() < 0.35 else ""
        previous = ""
        if rng.random() < (0.2 if gender == "F" else 0.02):
            previous = background.surnames.pick(rng)
            previous = "" if previous == surname else previous
        dob = self._date_of_birth()
        row = {
            "id": person_id,
            "crn": crn_format(self.first_crn + index),
            "first_name": first,
            "middle_names": middle,
            "surname": surname,
            "preferred_name": preferred,
            "previous_surname": previous,
            "date_of_birth": dob,
            "gender": gender,
            "surname_key": normalise(surname),
            "pdu_id": pdu.id,
            "team_id": officer.team.id if officer else None,
            "officer_id": officer.id if officer else None,
            "created_by_id": None,
            "created_at": self.moment,
            "updated_at": self.moment,
            "version": 1,
        }
        row |= self._identifiers(dob)
        row |= self._contact(background, pdu, first, surname)
        row |= self._equality(background, gender)
        aliases = self._aliases(person_id, background, gender, first, middle, surname, dob)
        row |= self.history.limited_access(batch, person_id, officer, pdu)
        batch.person.append(row)
        batch.alias += aliases
        earlier_pdu = self.history.allocations(batch, person_id, officer)
        self.history.addresses(batch, person_id, pdu, earlier_pdu or pdu, dob)
        self.history.circumstances(batch, person_id, gender, dob)
        keys = search_keys(
            [first, middle, surname, preferred, previous]
            + [n for a in aliases for n in (a["first_name"], a["middle_names"], a["surname"])]
        )
        batch.searchkey += [(person_id, key) for key in keys]

    def _surname(self, background: names.Background, pdu: PduInfo, gender: str) -> str:
        rng = self.rng
        if background.key == "british" and pdu.region_code == "WAL" and rng.random() < 0.4:
            return names.WELSH_POOL.pick(rng)
        surname = background.surnames.pick(rng)
        if gender == "M" and surname in ("Kaur", "Begum"):
            return "Singh" if surname == "Kaur" else "Miah"
        return surname

    def _date_of_birth(self) -> dt.date:
        low, high = (int(v) for v in AGE_BANDS.pick(self.rng).split("-"))
        age = self.rng.randint(low, high)
        latest = years_before(self.today, age)
        return latest - dt.timedelta(days=self.rng.randrange(365))

    def _identifiers(self, dob: dt.date) -> dict:
        rng = self.rng
        values = {"pnc_number": "", "pnc_key": "", "cro_number": "", "prison_number": "", "ni_number": ""}
        if rng.random() < 0.85:
            year = min(self.today.year, dob.year + int(rng.triangular(12, 45, 17)))
            number = rng.randint(1, 999999)
            while (year, number) in self.used_pnc:
                number = rng.randint(1, 999999)
            self.used_pnc.add((year, number))
            check = PNC_CHECK[int(f"{year % 100:02d}{number:07d}") % 23]
            values["pnc_number"] = f"{year}/{number:07d}{check}"
            values["pnc_key"] = normalise_pnc(values["pnc_number"]) or ""
            if rng.random() < 0.45:
                values["cro_number"] = f"{rng.randint(1, 999999):06d}/{year % 100:02d}{rng.choice(LETTERS)}"
        if rng.random() < 0.2:
            letters = rng.choice(LETTERS) + rng.choice(LETTERS)
            values["prison_number"] = f"{rng.choice('AAAG')}{rng.randint(1000, 9999)}{letters}"
        if rng.random() < 0.55:
            prefix = "ZZ"
            while prefix in NI_BANNED:
                prefix = rng.choice(NI_FIRST) + rng.choice(NI_SECOND)
            values["ni_number"] = f"{prefix}{rng.randint(0, 999999):06d}{rng.choice('ABCD')}"
        return values

    def _contact(self, background: names.Background, pdu: PduInfo, first: str, surname: str) -> dict:
        rng = self.rng
        language = background.languages.pick(rng)
        interpreter = language != "English" and rng.random() < background.interpreter_rate
        if background.key == "british" and pdu.region_code == "WAL" and rng.random() < 0.08:
            language = "Welsh"
        email = ""
        if rng.random() < 0.3:
            domain = rng.choice(("example.com", "example.org", "example.net"))
            email = f"{ascii_slug(first)}.{ascii_slug(surname)}{rng.randint(1, 99)}@{domain}"
        return {
            # Ofcom's drama ranges: numbers that can never belong to anyone.
            "telephone": f"01632 960{rng.randint(0, 999):03d}" if rng.random() < 0.3 else "",
            "mobile": f"07700 900{rng.randint(0, 999):03d}" if rng.random() < 0.65 else "",
            "email": email,
            "preferred_language": language,
            "interpreter_required": interpreter,
        }

    def _equality(self, background: names.Background, gender: str) -> dict:
        rng = self.rng
        if rng.random() >= 0.65:
            return {"ethnicity": "", "religion": "", "sexual_orientation": "", "gender_identity": ""}
        identity = (
            rng.choice(("Non-binary", "Genderfluid", "Prefer to self-describe")) if gender == "O" else ""
        )
        return {
            "ethnicity": background.ethnicity.pick(rng),
            "religion": background.religion.pick(rng),
            "sexual_orientation": ORIENTATIONS.pick(rng),
            "gender_identity": identity,
        }

    def _aliases(
        self,
        person_id: int,
        background: names.Background,
        gender: str,
        first: str,
        middle: str,
        surname: str,
        dob: dt.date,
    ) -> list[dict]:
        rng = self.rng
        if rng.random() >= 0.15:
            return []
        pool = background.female if gender == "F" else background.male
        aliases = []
        for _ in range(1 if rng.random() < 0.75 else 2):
            kind = rng.random()
            a_first, a_middle, a_surname = first, "", surname
            if kind < 0.3:
                a_surname = background.surnames.pick(rng)
            elif kind < 0.5 and len(surname) > 4:
                i = rng.randrange(1, len(surname) - 2)  # a misspelling: two letters swapped
                a_surname = surname[:i] + surname[i + 1] + surname[i] + surname[i + 2 :]
            elif kind < 0.65 and middle:
                a_first, a_middle = middle, first
            elif kind < 0.8:
                a_first = names.NICKNAMES.get(first) or pool.pick(rng)
            else:
                a_first, a_surname = pool.pick(rng), background.surnames.pick(rng)
            alias_dob = None
            if rng.random() < 0.35:
                shift = rng.choice((365, -365, 1, -1, 30, -30, -3650))
                alias_dob = dob + dt.timedelta(days=shift)
                if dob.day <= 12 and dob.day != dob.month and rng.random() < 0.5:
                    alias_dob = dob.replace(month=dob.day, day=min(dob.month, 28))  # day and month swapped
            aliases.append(
                {
                    "person_id": person_id,
                    "first_name": a_first,
                    "middle_names": a_middle,
                    "surname": a_surname,
                    "date_of_birth": alias_dob,
                }
            )
        return aliases
