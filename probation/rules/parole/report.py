"""What a PAROM1 must hold before it is signed, and the hearing's outcomes (custody-release.md
§ Parole Board report (PAROM1); victims.md § What the COM must tell the VLO).

The recommendation is reasoned; it says whether the POM agrees, or explains the difference; if release
is not supported it gives the next steps. The date the VLO was contacted is recorded **for every
hearing**, and it cannot be after the day the report is signed nor before the review was requested
(it must be for this hearing).
"""

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum


class Recommendation(StrEnum):
    RELEASE = "release"
    NO_RELEASE = "no_release"
    OPEN_CONDITIONS = "open_conditions"
    NO_RELEASE_STAY_CLOSED = "stay_closed"


RECOMMENDATION_LABELS = {
    Recommendation.RELEASE: "Release on licence",
    Recommendation.OPEN_CONDITIONS: "Not release: move to open conditions",
    Recommendation.NO_RELEASE: "Not release",
    Recommendation.NO_RELEASE_STAY_CLOSED: "Not release: remain in closed conditions",
}
RELEASE_SUPPORTED = {Recommendation.RELEASE}


class PomView(StrEnum):
    AGREES = "agrees"
    DIFFERS = "differs"
    NOT_KNOWN = "not_known"


POM_VIEW_LABELS = {
    PomView.AGREES: "The POM agrees",
    PomView.DIFFERS: "The POM's recommendation differs",
    PomView.NOT_KNOWN: "The POM's view is not yet known",
}


class HearingType(StrEnum):
    PAPER = "paper"  # member case assessment on the papers
    ORAL = "oral"


HEARING_TYPE_LABELS = {HearingType.PAPER: "Paper (member case assessment)", HearingType.ORAL: "Oral hearing"}


class Decision(StrEnum):
    RELEASE = "release"
    NO_RELEASE = "no_release"
    OPEN_CONDITIONS = "open_conditions"  # no release, open conditions recommended to the Secretary of State
    ADJOURNED = "adjourned"


DECISION_LABELS = {
    Decision.RELEASE: "Release directed",
    Decision.NO_RELEASE: "No release",
    Decision.OPEN_CONDITIONS: "No release: open conditions recommended",
    Decision.ADJOURNED: "Adjourned or deferred",
}
# An adjournment is not a final decision: no reconsideration window runs from it.
FINAL_DECISIONS = {Decision.RELEASE, Decision.NO_RELEASE, Decision.OPEN_CONDITIONS}


@dataclass(frozen=True)
class Parom1Content:
    vlo_contacted_on: dt.date | None
    recommendation: str
    recommendation_reasons: str
    pom_view: str
    pom_difference: str
    next_steps: str
    risk_management_plan: str


def missing_before_signing(
    content: Parom1Content, *, requested_on: dt.date, today: dt.date
) -> list[tuple[str, str]]:
    """Every reason the report cannot be signed yet, as (field, message), all at once."""
    missing: list[tuple[str, str]] = []
    contacted = content.vlo_contacted_on
    if contacted is None:
        missing.append(
            ("vlo_contacted_on", "Enter the date the victim liaison officer was contacted for this hearing.")
        )
    elif contacted > today:
        missing.append(("vlo_contacted_on", "The date the VLO was contacted cannot be in the future."))
    elif contacted < requested_on:
        missing.append(
            (
                "vlo_contacted_on",
                "The VLO must be contacted for this hearing: the date cannot be before the review "
                "was requested.",
            )
        )
    if content.recommendation not in set(Recommendation):
        missing.append(("recommendation", "Choose a recommendation."))
    if not content.recommendation_reasons.strip():
        missing.append(("recommendation_reasons", "Give the reasons for the recommendation."))
    if content.pom_view not in set(PomView):
        missing.append(("pom_view", "Say whether the prison offender manager agrees."))
    elif content.pom_view == PomView.DIFFERS and not content.pom_difference.strip():
        missing.append(("pom_difference", "Explain how the POM's recommendation differs, and why."))
    if (
        content.recommendation in set(Recommendation)
        and Recommendation(content.recommendation) not in RELEASE_SUPPORTED
        and not content.next_steps.strip()
    ):
        missing.append(("next_steps", "Release is not supported: give the next steps."))
    if not content.risk_management_plan.strip():
        missing.append(("risk_management_plan", "Write the risk management plan."))
    return missing
