"""The proposal of a pre-sentence report: the sentence proposed, its length, custodial term and
requirements with their quantities, checked against the law in force on the hearing date and the
preconditions each requirement needs (court-reports.md § Content 6 and § Requirements; enforcement.md
§ Law by date; Sentencing Act 2020 ss.209, 277–288 and Sch. 9).

A proposal is checked, never silently corrected: ``proposal_check`` returns the refusals (the law does
not allow the proposal as it stands) and the warnings (the author should say why, or record the
missing assessment). A draft keeps its words whatever the check says; the refusals stop the structured
proposal being saved and the report being signed.

Requirement quantities use the sentences rules' limits (``probation.rules.sentences.requirements``),
the same ones the conviction form applies when the court orders them.
"""

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from types import MappingProxyType

from probation.rules.errors import RuleError
from probation.rules.law.dated import NO_CHANGES, LawSettings
from probation.rules.sentences.limits import sentencing_rules_in_force_on
from probation.rules.sentences.requirements import (
    REQUIREMENT_RULES,
    RequirementType,
    check_ordered_amount,
)

_T = RequirementType


class ProposedSentenceType(StrEnum):
    """The sentences a report may propose; the values are the sentences app's ``SentenceType``."""

    COMMUNITY_ORDER = "community_order"
    SUSPENDED_SENTENCE_ORDER = "suspended_sentence_order"
    CUSTODIAL = "custodial"


SENTENCE_LABELS: Mapping[ProposedSentenceType, str] = MappingProxyType(
    {
        ProposedSentenceType.COMMUNITY_ORDER: "Community order",
        ProposedSentenceType.SUSPENDED_SENTENCE_ORDER: "Suspended sentence order",
        ProposedSentenceType.CUSTODIAL: "Immediate custody",
    }
)


# --- the law on the hearing date ---------------------------------------------------------------------


@dataclass(frozen=True)
class SentencingLaw:
    """The sentencing rules a proposal depends on, as in force from ``in_force_from``."""

    in_force_from: dt.date
    source: str
    community_order_max_months: int  # Sentencing Act 2020 s.209(2): at most 3 years
    sso_custodial_max_months: int  # s.277(2): a custodial term of 14 days to 2 years
    sso_operational_min_months: int  # s.288: operational period at least 6 months
    sso_operational_max_months: int  # 2 years; 3 years from the Sentencing Act 2026
    suspension_presumed_up_to_months: int | None  # the 2026 presumption to suspend; None before


SSO_OPERATIONAL_MIN_MONTHS = 6  # Sentencing Act 2020 s.288: an operational period of at least 6 months


def sentencing_law_on(day: dt.date, *, settings: LawSettings = NO_CHANGES) -> SentencingLaw:
    """The sentencing rules in force on ``day`` (the hearing date), read from the dated versions of
    ``probation.rules.sentences.limits`` (ADR 0030), as the proposal needs them."""
    try:
        rules = sentencing_rules_in_force_on(day, settings=settings)
    except RuleError as error:
        raise RuleError(
            f"No sentencing rules are recorded for {day:%-d %B %Y}.", field="hearing_date"
        ) from error
    if rules.suspended_sentence is None:
        raise RuleError(
            f"No suspended sentence rules are recorded for {day:%-d %B %Y}.", field="hearing_date"
        )
    in_force_from, source = max(
        (rules.community_order.in_force_from, rules.community_order.citation),
        (rules.suspended_sentence.in_force_from, rules.suspended_sentence.citation),
        (rules.suspension_presumption.in_force_from, rules.suspension_presumption.citation),
    )
    return SentencingLaw(
        in_force_from=in_force_from,
        source=source,
        community_order_max_months=rules.community_order.rule.max_months,
        sso_custodial_max_months=rules.suspended_sentence.rule.custodial_max_months,
        sso_operational_min_months=SSO_OPERATIONAL_MIN_MONTHS,
        sso_operational_max_months=rules.suspended_sentence.rule.operational_max_months,
        suspension_presumed_up_to_months=rules.suspension_presumption.rule.max_months,
    )


@dataclass(frozen=True)
class SentenceOption:
    type: ProposedSentenceType
    label: str
    hint: str


def sentences_allowed(
    hearing_date: dt.date, *, settings: LawSettings = NO_CHANGES
) -> tuple[SentenceOption, ...]:
    """The sentences a report may propose for a hearing on ``hearing_date``, with what the law says of
    each on that date (the page's choices and their hints). ``settings``: the deployment's corrected
    commencement dates, the same the sentences app uses when the court's sentence is recorded."""
    law = sentencing_law_on(hearing_date, settings=settings)
    sso_hint = (
        f"Custodial term up to {law.sso_custodial_max_months} months, suspended for "
        f"{law.sso_operational_min_months} to {law.sso_operational_max_months} months. "
        "Propose only above the custody threshold."
    )
    custody_hint = (
        "Only when the offence is so serious that neither a fine nor a community sentence can be justified."
    )
    if law.suspension_presumed_up_to_months is not None:
        custody_hint += (
            f" A term of {law.suspension_presumed_up_to_months} months or less is presumed to be "
            "suspended unless there are exceptional circumstances."
        )
    return (
        SentenceOption(
            ProposedSentenceType.COMMUNITY_ORDER,
            SENTENCE_LABELS[ProposedSentenceType.COMMUNITY_ORDER],
            f"Up to {law.community_order_max_months} months, with at least one requirement.",
        ),
        SentenceOption(
            ProposedSentenceType.SUSPENDED_SENTENCE_ORDER,
            SENTENCE_LABELS[ProposedSentenceType.SUSPENDED_SENTENCE_ORDER],
            sso_hint,
        ),
        SentenceOption(
            ProposedSentenceType.CUSTODIAL, SENTENCE_LABELS[ProposedSentenceType.CUSTODIAL], custody_hint
        ),
    )


# --- the proposal and what is recorded about the person ----------------------------------------------


@dataclass(frozen=True)
class ProposedRequirement:
    type: RequirementType
    amount: int | None = None


@dataclass(frozen=True)
class Proposal:
    sentence_type: ProposedSentenceType
    length_months: int | None = None  # community order length; SSO operational period
    custodial_months: int | None = None  # custody and SSO: the custodial term
    requirements: tuple[ProposedRequirement, ...] = ()


class Precondition(StrEnum):
    """What must be recorded before a requirement is proposed (court-reports.md § Requirements)."""

    UNPAID_WORK_SUITABLE = "unpaid_work_suitable"
    DRR_RECOMMENDED = "drr_recommended"
    DRR_WILLING = "drr_willing"
    ALCOHOL_TREATMENT_WILLING = "alcohol_treatment_willing"
    MENTAL_HEALTH_WILLING = "mental_health_willing"


PRECONDITION_LABELS: Mapping[Precondition, str] = MappingProxyType(
    {
        Precondition.UNPAID_WORK_SUITABLE: "Assessed as suitable for unpaid work",
        Precondition.DRR_RECOMMENDED: "Probation recommends a drug rehabilitation requirement",
        Precondition.DRR_WILLING: "Willing to comply with a drug rehabilitation requirement",
        Precondition.ALCOHOL_TREATMENT_WILLING: "Willing to comply with an alcohol treatment requirement",
        Precondition.MENTAL_HEALTH_WILLING: "Willing to comply with a mental health treatment requirement",
    }
)

ATTENDANCE_CENTRE_MAX_AGE = 24  # under 25 (court-reports.md § Requirements)

P = Precondition


@dataclass(frozen=True)
class RequirementPrecondition:
    """A precondition and what happens when it is not recorded: refused (the law forbids the
    requirement without it) or warned (the court decides it; the report should say why)."""

    precondition: Precondition
    refuse: bool
    message: str


# Sentencing Act 2020 Sch. 9: the court may not impose a DRR unless probation recommends it and the
# offender expresses willingness (paras 19–20); nor an alcohol or mental health treatment requirement
# without willingness (paras 17, 23). Unpaid work needs the court to be satisfied the person is
# suitable (para 2): the probation assessment informs it, so its absence is warned, not refused.
REQUIREMENT_PRECONDITIONS: Mapping[RequirementType, tuple[RequirementPrecondition, ...]] = MappingProxyType(
    {
        _T.UNPAID_WORK: (
            RequirementPrecondition(
                P.UNPAID_WORK_SUITABLE,
                refuse=False,
                message="Unpaid work is proposed but no suitability assessment is recorded (health, "
                "mobility, caring, work, group risk): record it or say in the rationale why unpaid work "
                "is suitable.",
            ),
        ),
        _T.DRUG_REHABILITATION: (
            RequirementPrecondition(
                P.DRR_RECOMMENDED,
                refuse=True,
                message="A drug rehabilitation requirement can be proposed only when probation "
                "recommends it: record the recommendation.",
            ),
            RequirementPrecondition(
                P.DRR_WILLING,
                refuse=True,
                message="A drug rehabilitation requirement can be proposed only when the person is "
                "willing to comply: record their consent.",
            ),
        ),
        _T.ALCOHOL_TREATMENT: (
            RequirementPrecondition(
                P.ALCOHOL_TREATMENT_WILLING,
                refuse=True,
                message="An alcohol treatment requirement can be proposed only when the person is "
                "willing to comply: record their willingness.",
            ),
        ),
        _T.MENTAL_HEALTH_TREATMENT: (
            RequirementPrecondition(
                P.MENTAL_HEALTH_WILLING,
                refuse=True,
                message="A mental health treatment requirement can be proposed only when the person is "
                "willing to comply: record their willingness.",
            ),
        ),
    }
)


@dataclass(frozen=True)
class ProposalCheck:
    errors: tuple[RuleError, ...] = ()
    warnings: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        return not self.errors


@dataclass
class _Findings:
    errors: list[RuleError] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def refuse(self, message: str, field_name: str) -> None:
        self.errors.append(RuleError(message, field=field_name))


def _check_community_order(proposal: Proposal, law: SentencingLaw, found: _Findings) -> None:
    months = proposal.length_months
    if months is None:
        found.refuse("Enter the length of the community order in months.", "length_months")
    elif not 1 <= months <= law.community_order_max_months:
        found.refuse(
            f"A community order must be between 1 and {law.community_order_max_months} months; "
            f"{months} was given.",
            "length_months",
        )
    if proposal.custodial_months is not None:
        found.refuse("A community order has no custodial term.", "custodial_months")
    if not proposal.requirements:
        found.refuse("A community order must have at least one requirement.", "requirements")


def _check_custodial_term(proposal: Proposal, maximum: int | None, found: _Findings) -> None:
    months = proposal.custodial_months
    if months is None:
        found.refuse("Enter the custodial term in months.", "custodial_months")
    elif maximum is not None and not 1 <= months <= maximum:
        found.refuse(
            f"The custodial term of a suspended sentence order must be between 1 and {maximum} months; "
            f"{months} was given.",
            "custodial_months",
        )
    elif months < 1:
        found.refuse(f"The custodial term must be at least 1 month; {months} was given.", "custodial_months")


def _check_sso(proposal: Proposal, law: SentencingLaw, found: _Findings) -> None:
    _check_custodial_term(proposal, law.sso_custodial_max_months, found)
    months = proposal.length_months
    low, high = law.sso_operational_min_months, law.sso_operational_max_months
    if months is None:
        found.refuse(
            "Enter the operational period of the suspended sentence order in months.", "length_months"
        )
    elif not low <= months <= high:
        found.refuse(
            f"The operational period must be between {low} and {high} months on the hearing date; "
            f"{months} was given.",
            "length_months",
        )
    elif proposal.custodial_months is not None and months < proposal.custodial_months:
        found.warnings.append("The operational period is shorter than the custodial term it suspends.")


def _check_custody(proposal: Proposal, law: SentencingLaw, found: _Findings) -> None:
    _check_custodial_term(proposal, None, found)
    if proposal.length_months is not None:
        found.refuse("Immediate custody has no order length: enter the custodial term only.", "length_months")
    if proposal.requirements:
        found.refuse("Immediate custody has no community requirements.", "requirements")
    presumed = law.suspension_presumed_up_to_months
    months = proposal.custodial_months
    if presumed is not None and months is not None and 1 <= months <= presumed:
        found.warnings.append(
            f"The law presumes a custodial term of {presumed} months or less is suspended unless there "
            "are exceptional circumstances: say in the rationale what they are, or propose a suspended "
            "sentence order."
        )


def _check_requirements(
    proposal: Proposal, recorded: frozenset[Precondition], age: int, found: _Findings
) -> None:
    seen: set[RequirementType] = set()
    for index, requirement in enumerate(proposal.requirements):
        name = f"requirements.{index}"
        label = REQUIREMENT_RULES[requirement.type].label
        if requirement.type in seen:
            found.refuse(f"{label} is proposed twice: propose each requirement once.", name)
            continue
        seen.add(requirement.type)
        if requirement.type is _T.ATTENDANCE_CENTRE and age > ATTENDANCE_CENTRE_MAX_AGE:
            found.refuse(
                f"An attendance centre requirement is only for people under 25; the person is {age}.",
                name,
            )
        try:
            check_ordered_amount(requirement.type, requirement.amount)
        except RuleError as error:
            found.refuse(error.message, name)
        for rule in REQUIREMENT_PRECONDITIONS.get(requirement.type, ()):
            if rule.precondition in recorded:
                continue
            if rule.refuse:
                found.refuse(rule.message, name)
            else:
                found.warnings.append(rule.message)


def proposal_check(
    proposal: Proposal,
    *,
    hearing_date: dt.date,
    age: int,
    recorded: Iterable[Precondition] = (),
    custody_position: str = "",
    settings: LawSettings = NO_CHANGES,
) -> ProposalCheck:
    """Every refusal and warning for ``proposal`` at once.

    ``age`` is the person's age on the hearing date; ``recorded`` the preconditions the report records;
    ``custody_position`` the report's custody position (``possible``, ``below_threshold``,
    ``not_considered`` or "" when not given yet); ``settings`` the deployment's corrected commencement
    dates, as when the sentence is recorded, so the proposal and the order the court makes are judged
    by the same dated rules.
    """
    law = sentencing_law_on(hearing_date, settings=settings)
    found = _Findings()
    if proposal.sentence_type is ProposedSentenceType.COMMUNITY_ORDER:
        _check_community_order(proposal, law, found)
    elif proposal.sentence_type is ProposedSentenceType.SUSPENDED_SENTENCE_ORDER:
        _check_sso(proposal, law, found)
    else:
        _check_custody(proposal, law, found)
    _check_requirements(proposal, frozenset(recorded), age, found)
    custodial = proposal.sentence_type is not ProposedSentenceType.COMMUNITY_ORDER
    if custodial and custody_position == "below_threshold":
        found.warnings.append(
            "A custodial sentence is proposed but the custody position says the offence is below the "
            "custody threshold (HMPPS: propose a suspended sentence only above the threshold)."
        )
    elif custodial and custody_position == "not_considered":
        found.warnings.append(
            "A custodial sentence is proposed but the court said custody is not being considered."
        )
    return ProposalCheck(errors=tuple(found.errors), warnings=tuple(found.warnings))


def proposal_from_dict(data: Mapping[str, object]) -> Proposal | None:
    """The proposal stored on a report (``Report.proposed_sentence``), or None when none is proposed.
    Unknown requirement types are refused: they can only come from a changed form."""
    kind = data.get("sentence_type")
    if not kind:
        return None
    try:
        sentence_type = ProposedSentenceType(str(kind))
    except ValueError as error:
        raise RuleError(f"'{kind}' is not a sentence a report can propose.", field="sentence_type") from error
    requirements = []
    for item in data.get("requirements") or ():  # type: ignore[attr-defined]
        try:
            kind_of = RequirementType(str(item["type"]))
        except (KeyError, ValueError) as error:
            raise RuleError(
                "A proposed requirement is not one the law provides.", field="requirements"
            ) from error
        amount = item.get("amount")
        requirements.append(ProposedRequirement(kind_of, None if amount is None else int(amount)))
    return Proposal(
        sentence_type=sentence_type,
        length_months=_int_or_none(data.get("length_months")),
        custodial_months=_int_or_none(data.get("custodial_months")),
        requirements=tuple(requirements),
    )


def _int_or_none(value: object) -> int | None:
    return None if value in (None, "") else int(str(value))
