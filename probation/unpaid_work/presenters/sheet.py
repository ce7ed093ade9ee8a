"""The session sheet's rows for display: each expected person with the values entered (or saved) and
the errors beside each input."""

from collections.abc import Mapping
from dataclasses import dataclass

from probation.core.errors import ServiceError
from probation.unpaid_work.selectors.projects import SheetPerson


def hours_and_minutes(minutes: int) -> str:
    hours, rest = divmod(max(minutes, 0), 60)
    return f"{hours}h {rest:02d}m" if rest else f"{hours}h"


@dataclass(frozen=True)
class SheetRowView:
    person: SheetPerson
    prefix: str
    values: dict[str, str]
    errors: dict[str, str]
    left: str
    saved: bool
    outcome_text: str
    credited: str


def _saved_values(person: SheetPerson) -> dict[str, str]:
    place = person.place
    return {
        "outcome": place.contact.outcome,
        "signed_in": place.signed_in.strftime("%H:%M") if place.signed_in else "",
        "signed_out": place.signed_out.strftime("%H:%M") if place.signed_out else "",
        "penalty": str(place.penalty_minutes or ""),
        "travel": str(place.travel_minutes or ""),
        "notes": place.notes,
    }


def sheet_rows_for_display(
    people: list[SheetPerson], *, data: Mapping[str, str] | None, errors: list[ServiceError]
) -> list[SheetRowView]:
    by_field = {e.field: e.message for e in errors if e.field}
    rows = []
    for person in people:
        prefix = str(person.place.pk)
        values = (
            {
                k: data.get(f"{prefix}-{k}", "")
                for k in ("outcome", "signed_in", "signed_out", "penalty", "travel", "notes")
            }
            if data is not None
            else _saved_values(person)
        )
        row_errors = {
            key.split("-", 1)[1]: message for key, message in by_field.items() if key.startswith(f"{prefix}-")
        }
        contact = person.place.contact
        rows.append(
            SheetRowView(
                person=person,
                prefix=prefix,
                values=values,
                errors=row_errors,
                left=hours_and_minutes(person.left_minutes),
                saved=bool(contact.outcome),
                outcome_text=contact.get_outcome_display() if contact.outcome else "",
                credited=hours_and_minutes(person.place.credited_minutes + person.place.travel_minutes),
            )
        )
    return rows
