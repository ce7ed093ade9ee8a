"""Display of the licence page: its status, the hard stop with its warning, the standard conditions in
force on the (expected) release date and the additional conditions with their justification."""

import datetime as dt
from dataclasses import dataclass

from probation.custody.models import CustodyLicence, CustodyRecord, DraftCondition, LicenceStatus
from probation.rules.custody.licence import (
    CATEGORY_LABELS,
    STANDARD_CONDITIONS,
    ConditionCategory,
    HardStopState,
    hard_stop_for,
    hard_stop_state,
    standard_conditions_on,
)
from probation.rules.law.dated import LawNotRecorded, LawSettings, day, version_by_key

STATUS_COLOURS = {
    LicenceStatus.IN_PROGRESS: "yellow",
    LicenceStatus.ACTIVE: "green",
    LicenceStatus.RECALLED: "red",
    LicenceStatus.INACTIVE: "grey",
}


def status_tag(licence: CustodyLicence | None) -> dict[str, str]:
    if licence is None:
        return {"label": "Not started", "colour": "grey"}
    return {"label": licence.get_status_display(), "colour": STATUS_COLOURS[LicenceStatus(licence.status)]}


@dataclass(frozen=True)
class HardStopView:
    rows: list[tuple[str, str]]
    warning: str


def hard_stop_view(
    record: CustodyRecord, licence: CustodyLicence | None, today: dt.date
) -> HardStopView | None:
    """The hard stop while the licence is being drafted; a warning as it approaches and once passed."""
    if record.release_date is None or (licence is not None and licence.status != LicenceStatus.IN_PROGRESS):
        return None
    dates = hard_stop_for(record.release_date)
    state = hard_stop_state(record.release_date, today)
    warning = ""
    if state is HardStopState.WARNING:
        warning = (
            f"The hard stop is {day(dates.hard_stop)}: submit the licence before then, or the prison "
            "issues a licence with the standard conditions only"
        )
    elif state is HardStopState.PASSED:
        warning = (
            f"The hard stop ({day(dates.hard_stop)}) has passed: the prison issues the standard conditions "
            "and no contact with any victims"
        )
    rows = [
        ("Release date", day(record.release_date)),
        ("Licence starts", day(dates.licence_start)),
        ("Hard stop (2 working days before)", day(dates.hard_stop)),
        ("Warning from", day(dates.warning_from)),
    ]
    return HardStopView(rows=rows, warning=warning)


@dataclass(frozen=True)
class StandardConditions:
    heading: str
    conditions: tuple[str, ...]


def standard_conditions(
    record: CustodyRecord, licence: CustodyLicence | None, settings: LawSettings
) -> StandardConditions | None:
    if licence is not None and licence.standard_key:
        version = version_by_key(STANDARD_CONDITIONS, licence.standard_key, settings=settings)
        return StandardConditions(f"Standard conditions ({version.citation})", version.rule)
    on = record.release_date
    if on is None:
        return None
    try:
        version = standard_conditions_on(on, settings)
    except LawNotRecorded:
        return None
    return StandardConditions(f"Standard conditions in force on {day(on)} ({version.citation})", version.rule)


@dataclass(frozen=True)
class ConditionRow:
    pk: int
    number: int
    category: str
    text: str
    justification: str
    victim_related: bool


def condition_rows(conditions: list[DraftCondition]) -> list[ConditionRow]:
    return [
        ConditionRow(
            pk=c.pk,
            number=i,
            category=CATEGORY_LABELS[ConditionCategory(c.category)],
            text=c.text,
            justification=c.justification,
            victim_related=c.victim_related,
        )
        for i, c in enumerate(conditions, start=1)
    ]
