"""Recall: recall types, the fixed-term exclusions, fixed-term re-release and the recall decision.

Source: enforcement.md, "Licences and recall" and § Law by date. The recall-type rule is dated
(``RECALL_RULES``, looked up with ``recall_rules_in_force_on`` on the decision date): the 14/28-day
fixed-term recall before 31 March 2026, the 56-day fixed-term recall for adults eligible for automatic
release from that date. The recall workflow's allowed moves are in
probation.rules.enforcement.transitions.
"""

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from types import MappingProxyType

from probation.rules.errors import SentenceRuleError
from probation.rules.law.dated import (
    NO_CHANGES,
    Commencement,
    LawSettings,
    RuleVersion,
    in_force_period,
    version_by_key,
    version_in_force_on,
)
from probation.rules.sentences.licences import TWELVE_MONTHS, SentenceKind, check_sentence_months

# Fixed-term recall lasts "14 days if the sentence is under 12 months, 28 days if 12 months or more"
# (before 31 March 2026 for everyone; from then for relevant young offenders, CJA 2003 s.255B).
SHORT_FIXED_TERM_DAYS = 14
LONG_FIXED_TERM_DAYS = 28


class RecallType(StrEnum):
    STANDARD = "standard"  # in custody until licence end unless re-released by the Parole Board or SoS
    FIXED_TERM = "fixed_term"  # automatic re-release after 14 or 28 days


class FixedTermExclusion(StrEnum):
    CHARGED_WITH_NEW_OFFENCE = "charged_with_new_offence"
    MAPPA_LEVEL_2_OR_3 = "mappa_level_2_or_3"
    MAPPA_CATEGORY_4 = "mappa_category_4"
    TERRORIST_OR_NATIONAL_SECURITY_OFFENCE = "terrorist_or_national_security_offence"
    SOPC_OR_EXTENDED_SENTENCE = "sopc_or_extended_sentence"
    REFERRED_TO_PAROLE_BOARD = "referred_to_parole_board"


EXCLUSION_LABELS: Mapping[FixedTermExclusion, str] = MappingProxyType(
    {
        FixedTermExclusion.CHARGED_WITH_NEW_OFFENCE: "recalled on a new charge (charged, not yet convicted)",
        FixedTermExclusion.MAPPA_LEVEL_2_OR_3: "MAPPA level 2 or 3",
        FixedTermExclusion.MAPPA_CATEGORY_4: "MAPPA category 4",
        FixedTermExclusion.TERRORIST_OR_NATIONAL_SECURITY_OFFENCE: "terrorist or national-security offence",
        FixedTermExclusion.SOPC_OR_EXTENDED_SENTENCE: "sentence of particular concern or extended sentence",
        FixedTermExclusion.REFERRED_TO_PAROLE_BOARD: "referred to the Parole Board",
    }
)


@dataclass(frozen=True)
class RecallCase:
    """What the recall-type rule needs to know. MAPPA level is 1–3 and category 1–4 (M1…M4 in
    reference-data.md); None when the person is not managed under MAPPA."""

    sentence_kind: SentenceKind
    adult: bool
    sentence_months: int
    charged_with_new_offence: bool = False
    mappa_level: int | None = None
    mappa_category: int | None = None
    terrorist_or_national_security_offence: bool = False
    referred_to_parole_board: bool = False
    # Recalled from home detention curfew: the day the custodial period would otherwise have ended
    # (the 56-day recall lasts to the later of the two, CJA 2003 s.255BA).
    hdc_custodial_period_ends_on: dt.date | None = None


def fixed_term_exclusions(case: RecallCase) -> tuple[FixedTermExclusion, ...]:
    """The criteria that apply to ``case`` and make a fixed-term recall no longer mandatory.

    Source: enforcement.md, "Licences and recall".
    """
    if case.mappa_level is not None and case.mappa_level not in (1, 2, 3):
        raise SentenceRuleError(
            f"MAPPA level must be 1, 2 or 3; {case.mappa_level} was given.", field="mappa_level"
        )
    if case.mappa_category is not None and case.mappa_category not in (1, 2, 3, 4):
        raise SentenceRuleError(
            f"MAPPA category must be 1, 2, 3 or 4; {case.mappa_category} was given.", field="mappa_category"
        )
    _E = FixedTermExclusion
    applies = {
        _E.CHARGED_WITH_NEW_OFFENCE: case.charged_with_new_offence,
        _E.MAPPA_LEVEL_2_OR_3: case.mappa_level in (2, 3),
        _E.MAPPA_CATEGORY_4: case.mappa_category == 4,
        _E.TERRORIST_OR_NATIONAL_SECURITY_OFFENCE: case.terrorist_or_national_security_offence,
        _E.SOPC_OR_EXTENDED_SENTENCE: case.sentence_kind
        in (SentenceKind.SENTENCE_OF_PARTICULAR_CONCERN, SentenceKind.EXTENDED),
        _E.REFERRED_TO_PAROLE_BOARD: case.referred_to_parole_board,
    }
    return tuple(exclusion for exclusion in FixedTermExclusion if applies[exclusion])


@dataclass(frozen=True)
class RecallRules:
    """One version of the recall-type rule.

    ``adult_fixed_term_days``: the fixed term for an adult eligible for automatic release (None: the
    14/28 days by sentence length apply to everyone). ``standard_only``: the exclusions that leave only
    a standard recall. ``fixed_term_optional``: the exclusions that make a fixed-term recall no longer
    mandatory for an adult on a standard determinate sentence (either type may then be chosen)."""

    adult_fixed_term_days: int | None
    standard_only: frozenset[FixedTermExclusion]
    fixed_term_optional: frozenset[FixedTermExclusion]


class RecallRuleKey(StrEnum):
    """The versions' keys, stored on each recall decided (``Recall.rule_version``)."""

    FIXED_TERM_14_28 = "recall_fixed_term_14_28"
    FIXED_TERM_56 = "recall_fixed_term_56"


# Excluded from automatic release at the end of the 56-day period (CJA 2003 s.255C as amended):
# extended sentences and sentences of particular concern, terrorist and national-security offenders,
# those the Secretary of State refers or determines must not be released, and people charged with a
# further offence. The domain asks to *verify the exact list*: settings may replace it
# (LawSettings.automatic_release_exclusions).
AUTOMATIC_RELEASE_EXCLUSIONS = frozenset(
    {
        FixedTermExclusion.SOPC_OR_EXTENDED_SENTENCE,
        FixedTermExclusion.TERRORIST_OR_NATIONAL_SECURITY_OFFENCE,
        FixedTermExclusion.REFERRED_TO_PAROLE_BOARD,
        FixedTermExclusion.CHARGED_WITH_NEW_OFFENCE,
    }
)
FTR_56_DAYS = 56

RECALL_RULES: tuple[RuleVersion[RecallRules], ...] = (
    RuleVersion(
        Commencement(
            RecallRuleKey.FIXED_TERM_14_28,
            dt.date(2015, 2, 1),
            "Criminal Justice Act 2003 ss.254–255C as amended by the Offender Rehabilitation Act 2014 "
            "(14-day fixed-term recall, in force 1 February 2015)",
        ),
        RecallRules(
            adult_fixed_term_days=None,
            standard_only=frozenset(),
            fixed_term_optional=frozenset(FixedTermExclusion),
        ),
        "Fixed-term recall of 14 days (sentence under 12 months) or 28 days (12 months or more); "
        "mandatory for an adult on a standard determinate sentence unless an exclusion applies.",
    ),
    RuleVersion(
        Commencement(
            RecallRuleKey.FIXED_TERM_56,
            dt.date(2026, 3, 31),
            "Criminal Justice Act 2003 s.255BA (56-day fixed-term recall), ss.255B and 255C, as amended "
            "by the Sentencing Act 2026; applies to people already in custody on that date",
            verify="the exact list of those excluded from automatic release (s.255C)",
        ),
        RecallRules(
            adult_fixed_term_days=FTR_56_DAYS,
            standard_only=AUTOMATIC_RELEASE_EXCLUSIONS,
            fixed_term_optional=frozenset(),
        ),
        "An adult eligible for automatic release is recalled for a 56-day fixed term; relevant young "
        "offenders keep 14 or 28 days; those excluded from automatic release get a standard recall.",
    ),
)
BEFORE_56_DAY_RECALL = RECALL_RULES[0]


def _with_settings(version: RuleVersion[RecallRules], settings: LawSettings) -> RuleVersion[RecallRules]:
    listed = settings.automatic_release_exclusions
    if listed is None or not version.rule.standard_only:
        return version
    rule = RecallRules(
        adult_fixed_term_days=version.rule.adult_fixed_term_days,
        standard_only=frozenset(FixedTermExclusion(e) for e in listed),
        fixed_term_optional=version.rule.fixed_term_optional,
    )
    return RuleVersion(version.commencement, rule, version.summary)


def recall_rules_in_force_on(on: dt.date, *, settings: LawSettings = NO_CHANGES) -> RuleVersion[RecallRules]:
    """The recall-type rule in force on the date of the recall decision (enforcement.md § Law by date)."""
    version = version_in_force_on(
        RECALL_RULES, on, what="recall rules", settings=settings, field="recall_type"
    )
    return _with_settings(version, settings)


def recall_rules_by_key(key: str, *, settings: LawSettings = NO_CHANGES) -> RuleVersion[RecallRules]:
    """The rule a recall was decided under (its recorded key): it keeps that rule for good."""
    return _with_settings(version_by_key(RECALL_RULES, key, settings=settings), settings)


def recall_rules_period(key: str, *, settings: LawSettings = NO_CHANGES) -> str:
    """ "the rules in force before 31 March 2026" / "the rules in force from 31 March 2026"."""
    return in_force_period(RECALL_RULES, key, settings=settings)


def _rules(rules: RuleVersion[RecallRules] | None) -> RecallRules:
    # Callers not yet dated get the rule that was in force before 31 March 2026.
    return (rules or BEFORE_56_DAY_RECALL).rule


def allowed_recall_types(
    case: RecallCase, rules: RuleVersion[RecallRules] | None = None
) -> frozenset[RecallType]:
    """Indeterminate and extended sentences: standard only; an exclusion the version lists as leaving only
    a standard recall (from 31 March 2026: excluded from automatic release): standard only. Adult
    standard determinate sentences with no exclusion that makes it optional: fixed-term only (it is
    mandatory). Anything else (young people; before 31 March 2026, an exclusion applies): either.

    Source: enforcement.md, "Licences and recall" and § Law by date.
    """
    check_sentence_months(case.sentence_months)
    rule = _rules(rules)
    exclusions = set(fixed_term_exclusions(case))
    if case.sentence_kind in (SentenceKind.INDETERMINATE, SentenceKind.EXTENDED):
        return frozenset({RecallType.STANDARD})
    if exclusions & rule.standard_only:
        return frozenset({RecallType.STANDARD})
    if (
        case.adult
        and case.sentence_kind is SentenceKind.STANDARD_DETERMINATE
        and not exclusions & rule.fixed_term_optional
    ):
        return frozenset({RecallType.FIXED_TERM})
    return frozenset({RecallType.STANDARD, RecallType.FIXED_TERM})


def _labels(exclusions: Iterable[FixedTermExclusion]) -> str:
    return "; ".join(EXCLUSION_LABELS[e] for e in FixedTermExclusion if e in set(exclusions))


def check_recall_type(
    case: RecallCase,
    recall_type: RecallType,
    *,
    emergency: bool = False,
    rules: RuleVersion[RecallRules] | None = None,
) -> None:
    """Refuse a recall type the rules in force do not allow. An emergency recall is an urgent *standard*
    recall."""
    if emergency and recall_type is not RecallType.STANDARD:
        raise SentenceRuleError(
            "An emergency recall is an urgent standard recall; it cannot be fixed-term.", field="recall_type"
        )
    allowed = allowed_recall_types(case, rules)
    if recall_type in allowed:
        return
    rule = _rules(rules)
    if recall_type is RecallType.FIXED_TERM:
        if case.sentence_kind in (SentenceKind.INDETERMINATE, SentenceKind.EXTENDED):
            raise SentenceRuleError(
                "Indeterminate and extended sentences can only be recalled on a standard recall.",
                field="recall_type",
            )
        applying = set(fixed_term_exclusions(case)) & rule.standard_only
        raise SentenceRuleError(
            f"A person excluded from automatic release ({_labels(applying)}) can only be recalled on a "
            "standard recall.",
            field="recall_type",
        )
    if rule.adult_fixed_term_days is not None:
        raise SentenceRuleError(
            f"An adult eligible for automatic release is recalled for a {rule.adult_fixed_term_days}-day "
            f"fixed term; a standard recall needs one of these: {_labels(rule.standard_only)}. None "
            "applies, so a standard recall is not allowed.",
            field="recall_type",
        )
    raise SentenceRuleError(
        "A fixed-term recall is mandatory for an adult on a standard determinate sentence unless one of "
        f"these applies: {_labels(rule.fixed_term_optional)}. None applies, so a standard recall is not "
        "allowed.",
        field="recall_type",
    )


def fixed_term_recall_days(
    sentence_months: int, *, adult: bool = True, rules: RuleVersion[RecallRules] | None = None
) -> int:
    """The fixed term: 56 days for an adult from 31 March 2026 (s.255BA); otherwise 14 days if the
    sentence is under 12 months, 28 days if 12 months or more."""
    check_sentence_months(sentence_months)
    rule = _rules(rules)
    if adult and rule.adult_fixed_term_days is not None:
        return rule.adult_fixed_term_days
    return SHORT_FIXED_TERM_DAYS if sentence_months < TWELVE_MONTHS else LONG_FIXED_TERM_DAYS


def fixed_term_re_release_date(
    returned_to_custody_on: dt.date,
    sentence_months: int,
    *,
    adult: bool = True,
    rules: RuleVersion[RecallRules] | None = None,
    hdc_custodial_period_ends_on: dt.date | None = None,
) -> dt.date:
    """The automatic re-release date: the fixed term after the person is returned to custody. Recalled
    from HDC under the 56-day rule: the later of that and the end of the custodial period they would
    otherwise have served (s.255BA)."""
    days = fixed_term_recall_days(sentence_months, adult=adult, rules=rules)
    due = returned_to_custody_on + dt.timedelta(days=days)
    if adult and _rules(rules).adult_fixed_term_days is not None and hdc_custodial_period_ends_on:
        return max(due, hdc_custodial_period_ends_on)
    return due


def relevant_exclusions(case: RecallCase, rules: RuleVersion[RecallRules]) -> tuple[FixedTermExclusion, ...]:
    """The exclusions that apply to ``case`` and count under this version (from 31 March 2026 MAPPA no
    longer changes the recall type: only the exclusions from automatic release do)."""
    counted = rules.rule.standard_only | rules.rule.fixed_term_optional
    return tuple(e for e in fixed_term_exclusions(case) if e in counted)


def recall_rule_explanation(case: RecallCase, rules: RuleVersion[RecallRules]) -> str:
    """Why these recall types, under this version, for this case: the sentence a page shows under the
    rule's name and date."""
    allowed = allowed_recall_types(case, rules)
    rule = rules.rule
    exclusions = set(fixed_term_exclusions(case))
    if case.sentence_kind in (SentenceKind.INDETERMINATE, SentenceKind.EXTENDED):
        return "Indeterminate and extended sentences can only be recalled on a standard recall."
    if exclusions & rule.standard_only:
        return (
            f"The person is excluded from automatic release ({_labels(exclusions & rule.standard_only)}), "
            "so only a standard recall is allowed."
        )
    days = fixed_term_recall_days(case.sentence_months, adult=case.adult, rules=rules)
    if allowed == {RecallType.FIXED_TERM}:
        if rule.adult_fixed_term_days is not None:
            return f"An adult eligible for automatic release is recalled for a {days}-day fixed term."
        return (
            f"A {days}-day fixed-term recall is mandatory for an adult on a standard determinate sentence "
            "when no exclusion applies."
        )
    if not case.adult:
        return (
            f"A young person may have a standard recall or a {days}-day fixed-term recall (14 days for a "
            "sentence under 12 months, 28 days for 12 months or more)."
        )
    return (
        f"A fixed-term recall is not mandatory because an exclusion applies ({_labels(exclusions)}): "
        f"a standard recall or a {days}-day fixed-term recall may be chosen."
    )


class AlternativeTried(StrEnum):
    WARNING = "warning"
    INCREASED_REPORTING = "increased_reporting"
    ADDITIONAL_CONDITIONS = "additional_conditions"
    IOM_OR_MAPPA_REFERRAL = "iom_or_mappa_referral"
    PARTNER_AGENCIES = "partner_agencies"
    APPROVED_PREMISES = "approved_premises"
    DRUG_TESTING = "drug_testing"


def check_recall_submission(breached_conditions: Iterable[str]) -> tuple[str, ...]:
    """A "consider a recall" journey records the breached conditions: at least one is needed."""
    conditions = tuple(c.strip() for c in breached_conditions if c.strip())
    if not conditions:
        raise SentenceRuleError(
            "Select the licence conditions that were breached.", field="breached_conditions"
        )
    return conditions


def check_recall_decision(*, recall: bool, rationale: str) -> bool:
    """A senior PO decides recall / no recall *with rationale*. Returns True when a letter to the person
    is needed, which is for a no-recall decision."""
    if not rationale.strip():
        raise SentenceRuleError("Give the rationale for the recall decision.", field="rationale")
    return not recall
