"""Shared test steps for tiers: input changes made through the real services."""

import datetime as dt

from probation.assessments.services.assessments import (
    assessment_complete,
    assessment_save_section,
    assessment_start,
)

REGISTERED_ON = dt.date(2025, 3, 1)


def complete_assessment(actor, person, *, womens: dict | None = None):
    """A completed needs assessment with one answered need section (and women's answers if given)."""
    draft = assessment_start(actor=actor, crn=person.crn)
    assessment_save_section(
        actor=actor,
        crn=person.crn,
        assessment_id=draft.pk,
        section="accommodation",
        expected_version=draft.version,
        answers={"no_fixed_abode_or_transient": "yes", "suitability": "some"},
    )
    draft.refresh_from_db()
    if womens:
        assessment_save_section(
            actor=actor,
            crn=person.crn,
            assessment_id=draft.pk,
            section="womens_factors",
            expected_version=draft.version,
            answers=womens,
        )
        draft.refresh_from_db()
    return assessment_complete(
        actor=actor, crn=person.crn, assessment_id=draft.pk, expected_version=draft.version
    )
