"""The law by date's reference data, read from settings (ADR 0030).

Commencement dates the domain files mark *verify* (and the list of those excluded from automatic release
after a recall) are reference data: a deployment corrects them in settings without a code change, and
every lookup of the rules in force on a date uses the corrected value::

    LAW_COMMENCEMENT_DATES = {"sentencing_act_2026_suspended_sentences": "2026-03-22"}
    LAW_AUTOMATIC_RELEASE_EXCLUSIONS = ["sopc_or_extended_sentence", "referred_to_parole_board"]

The keys are the ``Commencement.key`` values in ``probation.rules.sentences.limits`` and
``probation.rules.enforcement.recall``.
"""

import datetime as dt

from django.conf import settings

from probation.rules.law.dated import LawSettings


def law_settings() -> LawSettings:
    dates = getattr(settings, "LAW_COMMENCEMENT_DATES", {}) or {}
    exclusions = getattr(settings, "LAW_AUTOMATIC_RELEASE_EXCLUSIONS", None)
    return LawSettings(
        commencements={
            key: value if isinstance(value, dt.date) else dt.date.fromisoformat(value)
            for key, value in dates.items()
        },
        automatic_release_exclusions=None if exclusions is None else frozenset(exclusions),
    )
