"""The 12-month completion deadline of unpaid work and the court's extensions of it
(unpaid-work.md § The requirement; Sentencing Act 2020 Sch 9 para 3(2), Sch 10 para 21 for a community
order, Sch 16 para 27 for a suspended sentence order).

The work is done within 12 months of the order. The court may extend that period; unfinished hours do
not lapse. Each extension is recorded with the date the court granted it and the new deadline; the
deadline in force is the latest extension's (extensions only ever move it later).
"""

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from probation.rules.errors import RuleError, RuleErrors
from probation.rules.sentences.requirements import unpaid_work_deadline


class ExtensionError(RuleError):
    pass


@dataclass(frozen=True)
class Extension:
    granted_on: dt.date
    new_deadline: dt.date


def completion_deadline(order_date: dt.date, extensions: Iterable[Extension] = ()) -> dt.date:
    """The deadline in force: the latest extension's new deadline, else 12 months from the order."""
    return max((e.new_deadline for e in extensions), default=unpaid_work_deadline(order_date))


def check_extension(
    *, order_date: dt.date, current_deadline: dt.date, extension: Extension, today: dt.date
) -> None:
    """Refuse an extension with every reason at once (``RuleErrors``, ADR 0028).

    The court grants it on or after the order and not in the future; the new deadline is later than
    the deadline in force (an extension that shortens or repeats it is not an extension)."""
    errors: list[RuleError] = []
    if extension.granted_on > today:
        errors.append(
            ExtensionError("The date the court granted it must be today or in the past", field="granted_on")
        )
    elif extension.granted_on < order_date:
        errors.append(
            ExtensionError(
                f"The date the court granted it must be on or after the order ({order_date:%-d %B %Y})",
                field="granted_on",
            )
        )
    if extension.new_deadline <= current_deadline:
        errors.append(
            ExtensionError(
                f"The new deadline must be after the current deadline ({current_deadline:%-d %B %Y})",
                field="new_deadline",
            )
        )
    elif extension.new_deadline <= extension.granted_on:
        errors.append(
            ExtensionError(
                "The new deadline must be after the date the court granted it", field="new_deadline"
            )
        )
    if errors:
        raise RuleErrors(errors)
