"""Free time in the live demo database's diaries, so a journey that books or records an appointment
does not depend on what the generator put in po's and the person's diaries."""

import datetime as dt
import sqlite3
from pathlib import Path
from zoneinfo import ZoneInfo

LONDON = ZoneInfo("Europe/London")
APPOINTMENTS_AROUND = """
    SELECT starts_at, ends_at FROM contacts_contact
    WHERE is_appointment = 1 AND cancelled_at IS NULL AND outcome NOT IN ('RSOF', 'RSSR')
      AND (officer_id = ? OR person_id = ?) AND starts_at >= ? AND starts_at < ?
"""


def free_time(
    database: Path, *, officer_id: int, person_id: int, day: dt.date, candidates: list[dt.time], minutes: int
) -> dt.time | None:
    """The first candidate time on ``day`` when neither the officer nor the person has an appointment
    for ``minutes``, or None."""
    since = dt.datetime.combine(day - dt.timedelta(days=1), dt.time(), dt.UTC)
    until = since + dt.timedelta(days=3)
    with sqlite3.connect(database) as db:
        rows = db.execute(
            APPOINTMENTS_AROUND,
            (officer_id, person_id, f"{since:%Y-%m-%d %H:%M:%S}", f"{until:%Y-%m-%d %H:%M:%S}"),
        ).fetchall()
    busy = []
    for starts, ends in rows:
        start = dt.datetime.fromisoformat(starts).replace(tzinfo=dt.UTC)
        end = dt.datetime.fromisoformat(ends).replace(tzinfo=dt.UTC) if ends else start
        busy.append((start, max(end, start + dt.timedelta(minutes=1))))
    for candidate in candidates:
        start = dt.datetime.combine(day, candidate, LONDON).astimezone(dt.UTC)
        end = start + dt.timedelta(minutes=max(minutes, 1))
        if all(not (b_start < end and start < b_end) for b_start, b_end in busy):
            return candidate
    return None
