"""Helpers for tests that post GOV.UK forms."""

import datetime as dt


def date_fields(name: str, day: dt.date) -> dict[str, str]:
    """The day, month and year boxes of the GOV.UK date input ``name`` holding ``day``."""
    return {f"{name}_0": str(day.day), f"{name}_1": str(day.month), f"{name}_2": str(day.year)}
