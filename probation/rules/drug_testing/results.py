"""A test's state from its readings, the contact outcome it records, and what the officer may decide.

Source: drug-testing.md § Who tests and how, § Recording results, § What a result triggers and
§ Prescribed medication:
- a non-negative instant result is *presumptive*; if the person admits use it is recorded as admitted
  use, otherwise the sample goes for laboratory confirmation before enforcement rests on it;
- a break in the chain of custody makes the result unusable for enforcement;
- a result explained by a verified prescription is not a failure, and the expected substance of
  substitution treatment is excluded from "not clean";
- refusal, tampering, diluting or substituting a sample is a failure to comply;
- a positive test on its own never leads automatically to breach or recall: the officer decides.
"""

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from probation.rules.contacts.outcomes import OutcomeCode
from probation.rules.drug_testing.bases import Basis
from probation.rules.drug_testing.substances import Substance
from probation.rules.errors import RuleErrorCollector


class Reading(StrEnum):
    NEGATIVE = "negative"
    NON_NEGATIVE = "non_negative"
    INVALID = "invalid"


READING_LABELS = {
    Reading.NEGATIVE: "Negative",
    Reading.NON_NEGATIVE: "Non-negative",
    Reading.INVALID: "Invalid",
}


@dataclass(frozen=True)
class SubstanceReading:
    """One substance's results: the instant device, the laboratory screening and confirmation (None:
    not done yet or not ordered)."""

    substance: Substance
    instant: Reading | None = None
    screening: Reading | None = None
    confirmation: Reading | None = None

    @property
    def confirmed(self) -> bool:
        return self.confirmation is Reading.NON_NEGATIVE

    @property
    def presumptive(self) -> bool:
        """Non-negative on the device or at screening, with no confirmation yet."""
        return self.confirmation is None and Reading.NON_NEGATIVE in (self.instant, self.screening)

    @property
    def final(self) -> Reading | None:
        return self.confirmation or self.screening or self.instant


class ResultState(StrEnum):
    NEGATIVE = "negative"
    NOT_TESTED = "not_tested"
    AWAITING_LAB = "awaiting_lab"
    PRESUMPTIVE = "presumptive"
    UNUSABLE = "unusable"
    ADMITTED = "admitted"
    CONFIRMED_POSITIVE = "confirmed_positive"
    REFUSED = "refused"
    TAMPERED = "tampered"


STATE_LABELS: dict[ResultState, str] = {
    ResultState.NEGATIVE: "Negative",
    ResultState.NOT_TESTED: "Not tested (invalid sample)",
    ResultState.AWAITING_LAB: "Awaiting laboratory result",
    ResultState.PRESUMPTIVE: "Presumptive positive: awaiting confirmation",
    ResultState.UNUSABLE: "Positive, unusable for enforcement (chain of custody broken)",
    ResultState.ADMITTED: "Admitted use",
    ResultState.CONFIRMED_POSITIVE: "Confirmed positive",
    ResultState.REFUSED: "Refused",
    ResultState.TAMPERED: "Sample tampered with",
}

# The C240 outcome each state records (drug-testing.md § Recording results). Presumptive, awaiting
# and unusable results are TUKN (undetermined, compliant) until the lab confirms: enforcement never
# rests on them, so they never count as failures to comply.
OUTCOME_FOR_STATE: dict[ResultState, OutcomeCode] = {
    ResultState.NEGATIVE: OutcomeCode.TCLN,
    ResultState.NOT_TESTED: OutcomeCode.TNTD,
    ResultState.AWAITING_LAB: OutcomeCode.TUKN,
    ResultState.PRESUMPTIVE: OutcomeCode.TUKN,
    ResultState.UNUSABLE: OutcomeCode.TUKN,
    ResultState.ADMITTED: OutcomeCode.TADM,
    ResultState.CONFIRMED_POSITIVE: OutcomeCode.TDRT,
    ResultState.REFUSED: OutcomeCode.TRFS,
    ResultState.TAMPERED: OutcomeCode.TRFS,
}


def state_of(
    *,
    readings: Iterable[SubstanceReading],
    refused: bool = False,
    tampered: bool = False,
    admitted: Iterable[Substance] = (),
    explained: Iterable[Substance] = (),
    chain_broken: bool = False,
) -> ResultState:
    """The test's state. ``explained``: substances a verified prescription accounts for (not "not
    clean"). ``chain_broken``: a break in the chain of custody (unsealed, mislabelled, late)."""
    if refused:
        return ResultState.REFUSED
    if tampered:
        return ResultState.TAMPERED
    excluded = frozenset(explained)
    if frozenset(admitted) - excluded:
        return ResultState.ADMITTED
    counted = [r for r in readings if r.substance not in excluded]
    if any(r.confirmed for r in counted):
        return ResultState.UNUSABLE if chain_broken else ResultState.CONFIRMED_POSITIVE
    if any(r.presumptive for r in counted):
        return ResultState.PRESUMPTIVE
    if any(r.final is None for r in counted):
        return ResultState.AWAITING_LAB
    if any(r.final is Reading.INVALID for r in counted):
        return ResultState.NOT_TESTED
    return ResultState.NEGATIVE


def is_failure_to_comply(state: ResultState) -> bool:
    """Refusal and tampering are failures to comply in themselves (drug-testing.md § What a result
    triggers); they are recorded as TRFS, which the one rule counts."""
    return state in (ResultState.REFUSED, ResultState.TAMPERED)


def enforcement_offered(state: ResultState) -> bool:
    """Enforcement may rest only on a confirmed or admitted positive, or a refusal or tampering."""
    return state in (ResultState.ADMITTED, ResultState.CONFIRMED_POSITIVE) or is_failure_to_comply(state)


def decision_required(state: ResultState) -> bool:
    """A confirmed or admitted positive asks the officer for a decision; never an automatic breach."""
    return state in (ResultState.ADMITTED, ResultState.CONFIRMED_POSITIVE)


class Decision(StrEnum):
    DISCUSS = "discuss"
    TREATMENT = "treatment"
    MORE_TESTING = "more_testing"
    ENFORCEMENT = "enforcement"
    RECALL_CONSIDERATION = "recall_consideration"


DECISION_LABELS: dict[Decision, str] = {
    Decision.DISCUSS: "Discuss and record: no further action",
    Decision.TREATMENT: "Refer to or step up treatment",
    Decision.MORE_TESTING: "More frequent testing",
    Decision.ENFORCEMENT: "Enforcement (warning or breach)",
    Decision.RECALL_CONSIDERATION: "Consider recall",
}

# Recall is considered only for people on licence (AP residents are usually on licence; an AP positive
# is a recall-related departure reason). PSS and orders are enforced in court.
_RECALL_BASES = frozenset({Basis.LICENCE, Basis.APPROVED_PREMISES})


def decisions_for(state: ResultState, basis: Basis) -> tuple[Decision, ...]:
    """The decisions the officer may record for this test (none until one is required)."""
    if not decision_required(state):
        return ()
    offered = [Decision.DISCUSS, Decision.TREATMENT, Decision.MORE_TESTING, Decision.ENFORCEMENT]
    if basis in _RECALL_BASES:
        offered.append(Decision.RECALL_CONSIDERATION)
    return tuple(offered)


def check_readings(*, tested: Iterable[Substance], readings: Iterable[SubstanceReading]) -> None:
    """Refuse a result for a substance not tested for (all refusals at once)."""
    panel = frozenset(tested)
    errors = RuleErrorCollector()
    for reading in readings:
        if reading.substance not in panel:
            errors.add(
                f"{reading.substance.value.replace('_', ' ').capitalize()} was not tested for: "
                "remove its result or add it to the substances tested",
                field=f"result_{reading.substance.value}",
            )
    errors.raise_any()


def check_lab_dates(
    *,
    taken_on: dt.date,
    today: dt.date,
    dispatched_on: dt.date | None = None,
    received_on: dt.date | None = None,
    result_on: dt.date | None = None,
) -> None:
    """The chain-of-custody dates in order, none in the future: taken ≤ dispatched ≤ received by the
    lab ≤ result (a confirmation cannot come before the sample was collected)."""
    errors = RuleErrorCollector()
    if taken_on > today:
        errors.add("The date the sample was taken must be today or in the past", field="taken_on")
    chain = [
        ("dispatched_on", "The dispatch date", dispatched_on),
        ("received_on", "The laboratory receipt date", received_on),
        ("result_on", "The laboratory result date", result_on),
    ]
    previous, previous_name = taken_on, "the date the sample was taken"
    for field, name, value in chain:
        if value is None:
            continue
        if value > today:
            errors.add(f"{name} must be today or in the past", field=field)
        elif value < previous:
            errors.add(f"{name} cannot be before {previous_name}", field=field)
        previous, previous_name = value, name.replace("The ", "the ", 1)
    errors.raise_any()
