"""Display rows for a RAR requirement's structured interventions and toolkits: progress through each
(sessions attended against the minimum) and every session with its outcome."""

import datetime as dt
from dataclasses import dataclass

from probation.plans.models import RarActivity
from probation.rules.contacts.outcomes import CONTACT_TYPES, ContactTypeCode, outcome
from probation.rules.plans.interventions import Intervention, catalogue_on, progress


@dataclass(frozen=True)
class SessionRow:
    starts_at: dt.datetime
    how: str
    outcome: str
    cancelled: bool


@dataclass(frozen=True)
class InterventionRow:
    label: str
    toolkits: str
    progress: str
    complete: bool
    sessions: tuple[SessionRow, ...]


def _attended(activity: RarActivity) -> bool:
    code = activity.contact.outcome
    return bool(code) and bool(outcome(code).attended)


def intervention_rows(activities: list[RarActivity], *, today: dt.date) -> list[InterventionRow]:
    catalogue: dict[str, Intervention] = {i.key: i for i in catalogue_on(today)}
    grouped: dict[str, list[RarActivity]] = {}
    for activity in activities:
        grouped.setdefault(activity.intervention, []).append(activity)
    rows = []
    for key, items in grouped.items():
        item = catalogue.get(key)
        if item is None:
            continue
        done = progress(item, attended=sum(1 for a in items if _attended(a)))
        rows.append(
            InterventionRow(
                label=item.label,
                toolkits=", ".join(sorted({a.toolkit_name for a in items if a.toolkit_name})),
                progress=done.text,
                complete=done.complete,
                sessions=tuple(
                    SessionRow(
                        a.contact.starts_at,
                        CONTACT_TYPES[ContactTypeCode(a.contact.type)].description,
                        a.contact.get_outcome_display() if a.contact.outcome else "",
                        a.contact.cancelled_at is not None,
                    )
                    for a in items
                ),
            )
        )
    return rows
