"""The register's rows for display: each expected person with the outcome entered (or saved) and the
error beside it."""

from collections.abc import Mapping
from dataclasses import dataclass

from probation.core.errors import ServiceError
from probation.programmes.selectors.groups import RegisterRow


@dataclass(frozen=True)
class RegisterRowView:
    person: RegisterRow
    prefix: str
    values: dict[str, str]
    errors: dict[str, str]
    saved: bool
    outcome_text: str
    progress: str


def register_rows_for_display(
    people: list[RegisterRow], *, data: Mapping[str, str] | None, errors: list[ServiceError]
) -> list[RegisterRowView]:
    by_field = {e.field: e.message for e in errors if e.field}
    rows = []
    for person in people:
        contact = person.attendance.contact
        prefix = str(person.attendance.pk)
        if data is not None:
            values = {k: data.get(f"{prefix}-{k}", "") for k in ("outcome", "notes")}
        else:
            values = {"outcome": contact.outcome, "notes": ""}
        row_errors = {
            key.split("-", 1)[1]: message for key, message in by_field.items() if key.startswith(f"{prefix}-")
        }
        rows.append(
            RegisterRowView(
                person=person,
                prefix=prefix,
                values=values,
                errors=row_errors,
                saved=bool(contact.outcome),
                outcome_text=contact.get_outcome_display() if contact.outcome else "",
                progress=f"{person.attended} of {person.required} sessions attended",
            )
        )
    return rows
