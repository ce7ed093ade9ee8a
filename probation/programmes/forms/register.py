"""Reading the register's POST: one outcome (and optional notes) per expected person, named
``<attendance id>-<field>``. Shape only; the service checks the outcomes and names errors the same way."""

from collections.abc import Iterable, Mapping

from probation.programmes.services.register import RegisterRow
from probation.rules.errors import RuleError, RuleErrors
from probation.rules.programmes.delivery import REGISTER_OUTCOMES


def register_rows(data: Mapping[str, str], attendance_ids: Iterable[int]) -> list[RegisterRow]:
    errors: list[RuleError] = []
    rows = []
    for pk in attendance_ids:
        outcome = data.get(f"{pk}-outcome", "").strip()
        if not outcome:
            errors.append(RuleError("Select an outcome", field=f"{pk}-outcome"))
        elif outcome not in REGISTER_OUTCOMES:
            errors.append(RuleError("Select ATTC, AFTC or UAAB", field=f"{pk}-outcome"))
        rows.append(RegisterRow(attendance_id=pk, outcome=outcome, notes=data.get(f"{pk}-notes", "")[:4000]))
    if errors:
        raise RuleErrors(errors)
    return rows
