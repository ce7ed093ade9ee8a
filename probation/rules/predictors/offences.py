"""Offence weightings per Home Office offence code (predictors.md introduction).

The table is `probation/rules/predictors/data/offence_weightings.csv`, an unmodified copy of the domain
reference's `offence-weightings.csv`: 3,028 codes, each a 3-digit category plus a 2-digit
sub-category (e.g. `02700`), with the OGRS3 category and coefficient, the SNSV weightings, a
violent/sexual flag and an `error` column naming codes that cannot be scored without the exact
offence.
"""

import csv
import functools
import re
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from probation.rules.predictors.common import InputProblem, label

DATA_FILE = Path(__file__).resolve().parent / "data" / "offence_weightings.csv"

# The CSV's `error` value for general category codes: the OGRS3 category depends on which exact
# offence (sub-category) it was, so scoring the general code would be a guess.
NEED_DETAILS_OF_EXACT_OFFENCE = "NEED_DETAILS_OF_EXACT_OFFENCE"

_CODE_PATTERN = re.compile(r"\d{5}")


@dataclass(frozen=True)
class OffenceWeighting:
    """One row of the offence weightings table. Blank CSV cells become None."""

    ho_code: str
    ogrs3_category: str | None
    ogrs3_coefficient: Decimal | None
    snsv_category: str
    snsv_static: Decimal
    snsv_dynamic: Decimal
    snsv_vatp_static: Decimal
    snsv_vatp_dynamic: Decimal
    violent_or_sexual: bool
    error: str | None


def _parse_row(row: dict[str, str]) -> OffenceWeighting:
    return OffenceWeighting(
        ho_code=row["ho_code"],
        ogrs3_category=row["ogrs3_category"] or None,
        ogrs3_coefficient=Decimal(row["ogrs3_coefficient"]) if row["ogrs3_coefficient"] else None,
        snsv_category=row["snsv_category"],
        snsv_static=Decimal(row["snsv_static"]),
        snsv_dynamic=Decimal(row["snsv_dynamic"]),
        snsv_vatp_static=Decimal(row["snsv_vatp_static"]),
        snsv_vatp_dynamic=Decimal(row["snsv_vatp_dynamic"]),
        violent_or_sexual=row["violent_or_sexual"] == "Y",
        error=row["error"] or None,
    )


@functools.cache
def offence_weightings() -> dict[str, OffenceWeighting]:
    """Every offence code's weightings, keyed by the 5-digit code (read once, then cached)."""
    with DATA_FILE.open(newline="", encoding="utf-8") as handle:
        return {row["ho_code"]: _parse_row(row) for row in csv.DictReader(handle)}


def find_offence(code: str, field: str) -> tuple[OffenceWeighting | None, list[InputProblem]]:
    """The weightings for `code`, or the problem that makes it unusable.

    `field` is the input field the code came from, named in any problem.
    """
    if not _CODE_PATTERN.fullmatch(code):
        message = f"{label(field)} must be a 5-digit Home Office offence code, e.g. 02700."
        return None, [InputProblem(field, message)]
    weighting = offence_weightings().get(code)
    if weighting is None:
        return None, [InputProblem(field, f"{label(field)} {code} is not a known Home Office offence code.")]
    return weighting, []


def ogrs3_offence_problems(weighting: OffenceWeighting, field: str) -> list[InputProblem]:
    """predictors.md § OGRS3 validation: "an offence code whose category needs the exact offence
    (NEED_DETAILS_OF_EXACT_OFFENCE in the CSV) or has no weighting" is an error."""
    code = weighting.ho_code
    if weighting.error == NEED_DETAILS_OF_EXACT_OFFENCE:
        return [
            InputProblem(
                field,
                f"{label(field)} {code} is a general offence category: the exact offence is needed "
                "(enter the full code including its sub-category).",
            )
        ]
    if weighting.error is not None:
        return [InputProblem(field, f"{label(field)} {code} cannot be scored: {weighting.error}.")]
    if weighting.ogrs3_category is None or weighting.ogrs3_coefficient is None:
        return [InputProblem(field, f"{label(field)} {code} has no OGRS3 weighting.")]
    return []
