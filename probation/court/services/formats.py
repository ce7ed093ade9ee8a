"""Reading a court list file: the CSV and JSON hearing-list formats (docs/how-to/court-lists.md).

Both formats are checked whole before anything is written: every problem is collected with the row
(CSV, counting the heading row as row 1, as a spreadsheet does) or the hearing (JSON, counting from
1) it is on, and a file with any problem is refused in full (``ListFormatError``).
"""

import csv
import datetime as dt
import io
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from probation.people.search_keys import normalise_pnc

MAX_BYTES = 2_000_000
MAX_HEARINGS = 2000
CSV_COLUMNS = (
    "court",
    "date",
    "session",
    "room",
    "time",
    "listing_number",
    "surname",
    "forenames",
    "date_of_birth",
    "pnc",
    "cro",
    "address",
    "offence_code",
    "offence_wording",
    "plea",
)
REQUIRED_CSV_COLUMNS = ("court", "date", "session", "listing_number", "surname", "forenames", "offence_code")
SESSIONS = {
    "morning": "morning",
    "am": "morning",
    "afternoon": "afternoon",
    "pm": "afternoon",
    "all_day": "all_day",
}
PLEAS = {
    "": "",
    "no plea": "",
    "none": "",
    "guilty": "guilty",
    "not guilty": "not_guilty",
    "not_guilty": "not_guilty",
}
DEFENDANT_FIELDS = ("surname", "forenames", "date_of_birth", "pnc", "cro", "address", "room", "time", "plea")
OFFENCE_CODE = re.compile(r"^[A-Z0-9]{3,8}$")
CRO = re.compile(r"^[0-9]{1,6}/[0-9]{2}[A-Z]$")
TIME = re.compile(r"^([01][0-9]|2[0-3]):([0-5][0-9])$")
LIMITS = {"surname": 50, "forenames": 100, "address": 300, "room": 20, "offence_wording": 500}


@dataclass(frozen=True)
class ListedOffence:
    code: str
    wording: str


@dataclass(frozen=True)
class ListedHearing:
    listing_number: int
    room: str
    hearing_time: dt.time | None
    surname: str
    forenames: str
    date_of_birth: dt.date | None
    pnc_number: str
    cro_number: str
    address: str
    offences: tuple[ListedOffence, ...]
    plea: str


@dataclass(frozen=True)
class ParsedList:
    court_code: str
    sitting_date: dt.date
    session: str
    hearings: tuple[ListedHearing, ...]


class ListFormatError(Exception):
    """The file is not a court list we can read; ``errors`` says every place why."""

    def __init__(self, errors: list[str]) -> None:
        super().__init__("; ".join(errors))
        self.errors = errors


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    return value.strip() if isinstance(value, str) else "\x00"  # "\x00": a wrong type fails checks


def _date(value: str) -> dt.date | None:
    for pattern in ("%Y-%m-%d", "%d/%m/%Y"):
        try:
            return dt.datetime.strptime(value, pattern).date()  # noqa: DTZ007 - a date, no time zone
        except ValueError:
            continue
    return None


class _Checker:
    """Collects the errors of one record (a CSV row or a JSON hearing) under its label."""

    def __init__(self, label: str, errors: list[str]) -> None:
        self.label, self.errors = label, errors

    def fail(self, message: str) -> None:
        self.errors.append(f"{self.label}: {message}")

    def required(self, record: dict[str, str], name: str, what: str) -> str:
        value = record.get(name, "")
        if not value:
            self.fail(f"Enter the {what}")
        elif "\x00" in value:
            self.fail(f"The {what} must be text")
            return ""
        elif name in LIMITS and len(value) > LIMITS[name]:
            self.fail(f"The {what} must be {LIMITS[name]} characters or fewer")
        return value


def _sitting(record: dict[str, str], check: _Checker) -> tuple[str, dt.date | None, str]:
    court = check.required(record, "court", "court code").upper()
    raw_date = check.required(record, "date", "sitting date")
    sitting_date = _date(raw_date) if raw_date else None
    if raw_date and sitting_date is None:
        check.fail("Enter the sitting date as YYYY-MM-DD")
    raw_session = check.required(record, "session", "session")
    session = SESSIONS.get(raw_session.lower().replace(" ", "_"), "")
    if raw_session and not session:
        check.fail("The session must be morning, afternoon or all_day")
    return court, sitting_date, session


def _hearing(
    record: dict[str, str], offences: list[tuple[str, str]], check: _Checker, *, today: dt.date
) -> ListedHearing | None:
    before = len(check.errors)
    number_text = check.required(record, "listing_number", "listing number")
    number = int(number_text) if number_text.isdigit() and 0 < int(number_text) < 100_000 else 0
    if number_text and not number:
        check.fail("The listing number must be a whole number from 1 to 99999")
    surname = check.required(record, "surname", "defendant’s surname")
    forenames = check.required(record, "forenames", "defendant’s forenames")
    dob_text = record.get("date_of_birth", "")
    dob = _date(dob_text) if dob_text else None
    if dob_text and (dob is None or not dt.date(1900, 1, 1) <= dob < today):
        check.fail("Enter the date of birth as a real date in the past, YYYY-MM-DD")
    pnc = record.get("pnc", "").upper().replace(" ", "")
    if pnc and normalise_pnc(pnc) is None:
        check.fail("Enter the PNC number in the format 2004/0046583U")
    cro = record.get("cro", "").upper().replace(" ", "")
    if cro and not CRO.match(cro):
        check.fail("Enter the CRO number in the format 123456/99A")
    time_text = record.get("time", "")
    time_match = TIME.match(time_text)
    if time_text and time_match is None:
        check.fail("Enter the hearing time as HH:MM, for example 10:00")
    plea_text = record.get("plea", "").lower().replace("_", " ")
    if plea_text not in PLEAS:
        check.fail("The plea must be guilty, not guilty or left blank")
    for name in ("address", "room"):
        if len(record.get(name, "")) > LIMITS[name]:
            check.fail(f"The {name} must be {LIMITS[name]} characters or fewer")
    listed = _offences(offences, check)
    if len(check.errors) > before:
        return None
    return ListedHearing(
        listing_number=number,
        room=record.get("room", ""),
        hearing_time=dt.time(int(time_match[1]), int(time_match[2])) if time_match else None,
        surname=surname,
        forenames=forenames,
        date_of_birth=dob,
        pnc_number=pnc,
        cro_number=cro,
        address=record.get("address", ""),
        offences=listed,
        plea=PLEAS[plea_text],
    )


def _offences(offences: list[tuple[str, str]], check: _Checker) -> tuple[ListedOffence, ...]:
    if not offences:
        check.fail("Enter at least one offence")
    listed = []
    for code, wording in offences:
        code = code.upper()
        if not OFFENCE_CODE.match(code):
            check.fail("Enter each offence code as 3 to 8 letters or digits, for example TH68010")
        if not wording or "\x00" in wording:
            check.fail("Enter the wording of each offence")
        elif len(wording) > LIMITS["offence_wording"]:
            check.fail("Each offence’s wording must be 500 characters or fewer")
        listed.append(ListedOffence(code, wording))
    return tuple(listed)


def _one_sitting(
    sittings: Iterable[tuple[str, dt.date | None, str]], errors: list[str]
) -> tuple[str, dt.date, str]:
    distinct = {s for s in sittings if s[0] and s[1] and s[2]}
    if len(distinct) > 1:
        errors.append("The file must hold one list: one court, one sitting date and one session")
    if not distinct:
        return "", dt.date.min, ""
    court, sitting_date, session = sorted(distinct, key=str)[0]
    assert sitting_date is not None
    return court, sitting_date, session


def _finish(
    sitting: tuple[str, dt.date, str], hearings: list[ListedHearing], errors: list[str]
) -> ParsedList:
    numbers = [h.listing_number for h in hearings]
    if len(numbers) != len(set(numbers)):
        errors.append("Each hearing must have its own listing number")
    if not hearings and not errors:
        errors.append("The file has no hearings")
    if len(hearings) > MAX_HEARINGS:
        errors.append(f"A list may hold at most {MAX_HEARINGS} hearings")
    if errors:
        raise ListFormatError(errors)
    return ParsedList(
        sitting[0], sitting[1], sitting[2], tuple(sorted(hearings, key=lambda h: h.listing_number))
    )


def parse_csv(text: str, *, today: dt.date) -> ParsedList:
    """One row per offence; the rows of one hearing share its listing number and repeat the same
    defendant details."""
    reader = csv.DictReader(io.StringIO(text))
    headings = [h.strip().lower() for h in reader.fieldnames or []]
    missing = [c for c in REQUIRED_CSV_COLUMNS if c not in headings]
    if missing:
        raise ListFormatError([f"Row 1: the heading row is missing the columns {', '.join(missing)}"])
    reader.fieldnames = headings
    errors: list[str] = []
    groups: dict[str, list[tuple[int, dict[str, str]]]] = {}
    sittings = []
    for number, raw in enumerate(reader, start=2):
        if None in raw:
            errors.append(f"Row {number}: the row has more values than the heading row")
        record = {k: _text(v) for k, v in raw.items() if k in CSV_COLUMNS}
        if not any(record.values()):
            continue
        sittings.append(_sitting(record, _Checker(f"Row {number}", errors)))
        groups.setdefault(record.get("listing_number", ""), []).append((number, record))
    hearings = []
    for rows in groups.values():
        first_number, first = rows[0]
        check = _Checker(f"Row {first_number}", errors)
        for number, record in rows[1:]:
            if any(record.get(f, "") != first.get(f, "") for f in DEFENDANT_FIELDS):
                errors.append(
                    f"Row {number}: the defendant details differ from row {first_number}, "
                    "which has the same listing number"
                )
        offences = [(r.get("offence_code", ""), r.get("offence_wording", "")) for _, r in rows]
        hearing = _hearing(first, offences, check, today=today)
        if hearing is not None:
            hearings.append(hearing)
    return _finish(_one_sitting(sittings, errors), hearings, errors)


def parse_json(text: str, *, today: dt.date) -> ParsedList:
    try:
        document = json.loads(text)
    except ValueError as error:
        raise ListFormatError([f"The file is not valid JSON ({error})"]) from None
    if not isinstance(document, dict) or not isinstance(document.get("hearings"), list):
        raise ListFormatError(
            ["The file must be a JSON object with court, date, session and a hearings list"]
        )
    errors: list[str] = []
    sitting = {k: _text(document.get(k)) for k in ("court", "date", "session")}
    court_date_session = _sitting(sitting, _Checker("List", errors))
    hearings = []
    for index, entry in enumerate(document["hearings"], start=1):
        check = _Checker(f"Hearing {index}", errors)
        if not isinstance(entry, dict):
            check.fail("Each hearing must be a JSON object")
            continue
        defendant: dict[str, Any] = entry["defendant"] if isinstance(entry.get("defendant"), dict) else {}
        record = {k: _text(entry.get(k)) for k in ("listing_number", "room", "time", "plea")}
        record |= {
            k: _text(defendant.get(k))
            for k in ("surname", "forenames", "date_of_birth", "pnc", "cro", "address")
        }
        raw_offences = entry.get("offences")
        offences = [
            (_text(o.get("code")), _text(o.get("wording"))) if isinstance(o, dict) else ("", "")
            for o in (raw_offences if isinstance(raw_offences, list) else [])
        ]
        hearing = _hearing(record, offences, check, today=today)
        if hearing is not None:
            hearings.append(hearing)
    return _finish(_one_sitting([court_date_session], errors), hearings, errors)


def parse_list_file(name: str, content: bytes, *, today: dt.date) -> ParsedList:
    """Read an uploaded list: JSON if it is named .json (or starts with "{"), CSV otherwise."""
    if len(content) > MAX_BYTES:
        raise ListFormatError(["The file must be smaller than 2 MB"])
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ListFormatError(["The file must be UTF-8 text (CSV or JSON)"]) from None
    if "\x00" in text:
        raise ListFormatError(["The file must be UTF-8 text (CSV or JSON)"])
    if name.lower().endswith(".json") or text.lstrip().startswith("{"):
        return parse_json(text, today=today)
    return parse_csv(text, today=today)
