"""Home Office offence codes for recording convictions (issue 3 item 1).

The list is the predictors' table, ``probation/rules/predictors/data/offence_weightings.csv``, an
unmodified copy of the domain reference's ``offence-weightings.csv``: one copy, in the rules package that
every app may import (ADR 0018). The reference has no offence names, so an offence's description is
built from its OGRS3 and SNSV categories and the code.
"""

import csv
import functools
import re
from dataclasses import dataclass

from probation.core.errors import ServiceError
from probation.frontend.forms.messages import enter
from probation.rules.predictors.offences import DATA_FILE

# The reference's marker for general category codes: which exact offence it was decides how the
# predictors weigh it, so a conviction must name the sub-category (predictors.md introduction).
NEED_DETAILS_OF_EXACT_OFFENCE = "NEED_DETAILS_OF_EXACT_OFFENCE"
_CODE = re.compile(r"\d{5}")


@dataclass(frozen=True)
class Offence:
    ho_code: str
    description: str
    general_category: bool


def _description(row: dict[str, str]) -> str:
    categories = [c for c in (row["ogrs3_category"], row["snsv_category"]) if c]
    unique = list(dict.fromkeys(categories))
    return f"{' – '.join(unique)} (code {row['ho_code']})"


@functools.cache
def offences() -> dict[str, Offence]:
    """Every known offence code (read once, then cached)."""
    with DATA_FILE.open(newline="", encoding="utf-8") as handle:
        return {
            row["ho_code"]: Offence(
                ho_code=row["ho_code"],
                description=_description(row),
                general_category=row["error"] == NEED_DETAILS_OF_EXACT_OFFENCE,
            )
            for row in csv.DictReader(handle)
        }


def offence_get(code: str, *, field: str = "ho_code", label: str = "Offence code") -> Offence:
    """The offence for a code a user typed, or a clear error naming the input."""
    code = code.strip()
    if not code:
        raise ServiceError(enter(label), field=field)
    if not _CODE.fullmatch(code):
        raise ServiceError(
            f"{label} must be a 5-digit Home Office offence code, like 10400; {code} was given", field=field
        )
    offence = offences().get(code)
    if offence is None:
        raise ServiceError(f"{label} {code} is not a known Home Office offence code", field=field)
    if offence.general_category:
        raise ServiceError(
            f"{label} {code} is a general category: enter the code of the exact offence", field=field
        )
    return offence
