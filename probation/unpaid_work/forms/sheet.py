"""Reading the session sheet's POST: one set of inputs per expected person, named ``<place id>-<field>``.
Shape only; the rules (times, penalty, outcome) are checked by the service, which names each error's
input the same way."""

import datetime as dt
from collections.abc import Iterable, Mapping

from probation.core.errors import ServiceError
from probation.frontend.forms.times import TIME_FORMATS
from probation.rules.errors import RuleError, RuleErrors
from probation.unpaid_work.services.sheets import SheetRow


def _time(value: str, field: str, errors: list[RuleError]) -> dt.time | None:
    value = value.strip().lower().replace(" ", "")
    if not value:
        return None
    for fmt in TIME_FORMATS:
        try:
            return dt.datetime.strptime(value, fmt.replace(" ", "")).time()  # noqa: DTZ007 - a time of day
        except ValueError:
            continue
    errors.append(RuleError("Times must be real times, like 09:30", field=field))
    return None


def _minutes(value: str, field: str, label: str, errors: list[RuleError]) -> int:
    value = value.strip()
    if not value:
        return 0
    if not value.isdigit():
        errors.append(RuleError(f"{label} must be a whole number of minutes", field=field))
        return 0
    return int(value)


def sheet_rows(data: Mapping[str, str], place_ids: Iterable[int]) -> list[SheetRow]:
    errors: list[RuleError] = []
    rows = []
    for pk in place_ids:
        outcome = data.get(f"{pk}-outcome", "").strip()
        if not outcome:
            errors.append(RuleError("Select an outcome", field=f"{pk}-outcome"))
        rows.append(
            SheetRow(
                place_id=pk,
                outcome=outcome,
                signed_in=_time(data.get(f"{pk}-signed_in", ""), f"{pk}-signed_in", errors),
                signed_out=_time(data.get(f"{pk}-signed_out", ""), f"{pk}-signed_out", errors),
                penalty=_minutes(data.get(f"{pk}-penalty", ""), f"{pk}-penalty", "Penalty", errors),
                travel=_minutes(data.get(f"{pk}-travel", ""), f"{pk}-travel", "Travel time", errors),
                notes=data.get(f"{pk}-notes", "")[:4000],
            )
        )
    if errors:
        raise RuleErrors(errors)
    return rows


__all__ = ["ServiceError", "sheet_rows"]
