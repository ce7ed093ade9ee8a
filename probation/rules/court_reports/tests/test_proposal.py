"""The proposal rules (court-reports.md § Content 6, § Requirements; enforcement.md § Law by date)."""

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from probation.rules.court_reports.proposal import (
    ATTENDANCE_CENTRE_MAX_AGE,
    REQUIREMENT_PRECONDITIONS,
    Precondition,
    Proposal,
    ProposedRequirement,
    ProposedSentenceType,
    proposal_check,
    proposal_from_dict,
    sentences_allowed,
    sentencing_law_on,
)
from probation.rules.errors import RuleError
from probation.rules.sentences.requirements import REQUIREMENT_RULES, RequirementType

R, S, P = RequirementType, ProposedSentenceType, Precondition
BEFORE_2026 = dt.date(2026, 3, 21)
FROM_2026 = dt.date(2026, 3, 22)
ALL_RECORDED = tuple(Precondition)


def check(proposal: Proposal, *, on: dt.date = FROM_2026, age: int = 30, recorded=ALL_RECORDED, position=""):
    return proposal_check(proposal, hearing_date=on, age=age, recorded=recorded, custody_position=position)


def community(*requirements: ProposedRequirement, months: int | None = 12) -> Proposal:
    return Proposal(S.COMMUNITY_ORDER, length_months=months, requirements=requirements)


def messages(result) -> list[str]:
    return [e.message for e in result.errors]


# --- the law on the hearing date ---------------------------------------------------------------------


def test_the_2026_act_raises_the_operational_period_and_presumes_suspension_from_22_march_2026():
    before, after = sentencing_law_on(BEFORE_2026), sentencing_law_on(FROM_2026)
    assert (before.sso_operational_max_months, before.suspension_presumed_up_to_months) == (24, None)
    assert (after.sso_operational_max_months, after.suspension_presumed_up_to_months) == (36, 12)


def test_no_rules_before_the_criminal_justice_act_2003_framework_are_recorded():
    with pytest.raises(RuleError, match="No sentencing rules are recorded for 3 April 2005"):
        sentencing_law_on(dt.date(2005, 4, 3))


def test_no_suspended_sentence_order_rules_before_3_december_2012_are_recorded():
    with pytest.raises(RuleError, match="No suspended sentence rules are recorded for 2 December 2012"):
        sentencing_law_on(dt.date(2012, 12, 2))


def test_the_sentences_allowed_name_the_presumption_only_when_it_is_in_force():
    before = {o.type: o.hint for o in sentences_allowed(BEFORE_2026)}
    after = {o.type: o.hint for o in sentences_allowed(FROM_2026)}
    assert list(after) == [S.COMMUNITY_ORDER, S.SUSPENDED_SENTENCE_ORDER, S.CUSTODIAL]
    assert "presumed to be suspended" not in before[S.CUSTODIAL]
    assert "12 months or less is presumed to be suspended" in after[S.CUSTODIAL]
    assert "6 to 24 months" in before[S.SUSPENDED_SENTENCE_ORDER]
    assert "6 to 36 months" in after[S.SUSPENDED_SENTENCE_ORDER]


# --- community orders ----------------------------------------------------------------------------------


def test_a_community_order_with_valid_unpaid_work_passes():
    result = check(community(ProposedRequirement(R.UNPAID_WORK, 120)))
    assert result.ok
    assert result.warnings == ()


@pytest.mark.parametrize(("months", "ok"), [(0, False), (1, True), (36, True), (37, False)])
def test_a_community_order_lasts_1_to_36_months(months, ok):
    result = check(community(ProposedRequirement(R.RESIDENCE), months=months))
    assert result.ok is ok
    if not ok:
        assert messages(result) == [f"A community order must be between 1 and 36 months; {months} was given."]


def test_a_community_order_needs_a_length_and_a_requirement_and_no_custodial_term():
    result = check(Proposal(S.COMMUNITY_ORDER, custodial_months=3))
    assert messages(result) == [
        "Enter the length of the community order in months.",
        "A community order has no custodial term.",
        "A community order must have at least one requirement.",
    ]
    assert [e.field for e in result.errors] == ["length_months", "custodial_months", "requirements"]


@pytest.mark.parametrize(("hours", "ok"), [(39, False), (40, True), (300, True), (301, False)])
def test_unpaid_work_hours_use_the_sentences_limits(hours, ok):
    result = check(community(ProposedRequirement(R.UNPAID_WORK, hours)))
    assert result.ok is ok
    if not ok:
        assert messages(result) == [f"Unpaid work must be between 40 and 300 hours; {hours} was given."]
        assert result.errors[0].field == "requirements.0"


@given(st.sampled_from(sorted(RequirementType)), st.integers(-5, 400))
def test_every_requirement_amount_is_judged_exactly_as_the_sentences_rules_judge_it(kind, amount):
    rule = REQUIREMENT_RULES[kind]
    proposed = ProposedRequirement(kind, amount if rule.measure else None)
    low, high = rule.minimum or 0, rule.maximum
    expected = rule.measure is None or (amount >= low and (high is None or amount <= high))
    result = check(community(proposed), age=20)  # under 25: an attendance centre is open
    assert result.ok is expected


def test_a_missing_amount_is_refused_where_the_requirement_has_a_measure():
    result = check(community(ProposedRequirement(R.REHABILITATION_ACTIVITY)))
    assert messages(result) == ["Enter the days ordered for rehabilitation activity (rar)."]


def test_a_requirement_proposed_twice_is_refused():
    result = check(community(ProposedRequirement(R.RESIDENCE), ProposedRequirement(R.RESIDENCE)))
    assert messages(result) == ["Residence is proposed twice: propose each requirement once."]
    assert result.errors[0].field == "requirements.1"


# --- preconditions ----------------------------------------------------------------------------------------


def test_unpaid_work_without_a_suitability_assessment_is_warned_not_refused():
    result = check(community(ProposedRequirement(R.UNPAID_WORK, 100)), recorded=())
    assert result.ok
    assert result.warnings == (REQUIREMENT_PRECONDITIONS[R.UNPAID_WORK][0].message,)


@pytest.mark.parametrize(
    ("kind", "missing", "message"),
    [
        (R.DRUG_REHABILITATION, P.DRR_RECOMMENDED, "only when probation recommends it"),
        (
            R.DRUG_REHABILITATION,
            P.DRR_WILLING,
            "only when the person is willing to comply: record their consent",
        ),
        (R.ALCOHOL_TREATMENT, P.ALCOHOL_TREATMENT_WILLING, "An alcohol treatment requirement"),
        (R.MENTAL_HEALTH_TREATMENT, P.MENTAL_HEALTH_WILLING, "A mental health treatment requirement"),
    ],
)
def test_treatment_requirements_without_their_recorded_consent_or_recommendation_are_refused(
    kind, missing, message
):
    recorded = tuple(p for p in Precondition if p is not missing)
    result = check(community(ProposedRequirement(kind)), recorded=recorded)
    assert len(result.errors) == 1
    assert message in result.errors[0].message
    assert result.errors[0].field == "requirements.0"
    assert check(community(ProposedRequirement(kind)), recorded=ALL_RECORDED).ok


def test_a_drr_with_nothing_recorded_shows_both_refusals_at_once():
    result = check(community(ProposedRequirement(R.DRUG_REHABILITATION)), recorded=())
    assert len(result.errors) == 2


def test_requirements_without_preconditions_need_nothing_recorded():
    plain = [t for t in RequirementType if t not in REQUIREMENT_PRECONDITIONS]
    for kind in plain:
        amount = REQUIREMENT_RULES[kind].minimum if REQUIREMENT_RULES[kind].measure else None
        result = check(community(ProposedRequirement(kind, amount)), recorded=(), age=20)
        assert result.ok, kind
        assert result.warnings == (), kind


@pytest.mark.parametrize(
    ("age", "ok"), [(18, True), (ATTENDANCE_CENTRE_MAX_AGE, True), (25, False), (40, False)]
)
def test_an_attendance_centre_requirement_is_only_for_people_under_25(age, ok):
    result = check(community(ProposedRequirement(R.ATTENDANCE_CENTRE, 12)), age=age)
    assert result.ok is ok
    if not ok:
        assert messages(result) == [
            f"An attendance centre requirement is only for people under 25; the person is {age}."
        ]


# --- suspended sentence orders and custody --------------------------------------------------------------


@pytest.mark.parametrize(
    ("on", "operational", "ok"),
    [
        (BEFORE_2026, 24, True),
        (BEFORE_2026, 25, False),
        (FROM_2026, 36, True),
        (FROM_2026, 37, False),
        (FROM_2026, 5, False),
    ],
)
def test_the_operational_period_follows_the_law_on_the_hearing_date(on, operational, ok):
    proposal = Proposal(S.SUSPENDED_SENTENCE_ORDER, length_months=operational, custodial_months=4)
    assert check(proposal, on=on).ok is ok


@pytest.mark.parametrize(("term", "ok"), [(0, False), (1, True), (24, True), (25, False)])
def test_before_22_march_2026_an_sso_suspends_a_custodial_term_of_up_to_2_years(term, ok):
    result = check(
        Proposal(S.SUSPENDED_SENTENCE_ORDER, length_months=24, custodial_months=term), on=BEFORE_2026
    )
    assert result.ok is ok


@pytest.mark.parametrize(("term", "ok"), [(24, True), (36, True), (37, False)])
def test_from_22_march_2026_an_sso_suspends_a_custodial_term_of_up_to_3_years(term, ok):
    # The law branch's reading (ADR 0030, marked verify): the custodial term limit follows the
    # operational period to 3 years.
    result = check(Proposal(S.SUSPENDED_SENTENCE_ORDER, length_months=36, custodial_months=term))
    assert not result.errors if ok else result.errors


def test_an_sso_may_carry_requirements_and_needs_its_custodial_term():
    result = check(
        Proposal(
            S.SUSPENDED_SENTENCE_ORDER,
            length_months=18,
            requirements=(ProposedRequirement(R.UNPAID_WORK, 80),),
        )
    )
    assert messages(result) == ["Enter the custodial term in months."]


def test_an_operational_period_shorter_than_the_term_is_warned():
    result = check(Proposal(S.SUSPENDED_SENTENCE_ORDER, length_months=6, custodial_months=12))
    assert result.ok
    assert result.warnings == ("The operational period is shorter than the custodial term it suspends.",)


@pytest.mark.parametrize(
    ("on", "term", "warned"), [(FROM_2026, 12, True), (FROM_2026, 13, False), (BEFORE_2026, 6, False)]
)
def test_immediate_custody_of_12_months_or_less_is_warned_once_the_presumption_is_in_force(on, term, warned):
    result = check(Proposal(S.CUSTODIAL, custodial_months=term), on=on)
    assert result.ok
    assert (
        any("presumes a custodial term of 12 months or less is suspended" in w for w in result.warnings)
        is warned
    )


def test_immediate_custody_has_no_length_or_requirements():
    result = check(
        Proposal(
            S.CUSTODIAL,
            length_months=12,
            custodial_months=0,
            requirements=(ProposedRequirement(R.RESIDENCE),),
        )
    )
    assert messages(result) == [
        "The custodial term must be at least 1 month; 0 was given.",
        "Immediate custody has no order length: enter the custodial term only.",
        "Immediate custody has no community requirements.",
    ]


@pytest.mark.parametrize(
    ("kind", "position", "warned"),
    [
        (S.SUSPENDED_SENTENCE_ORDER, "below_threshold", "below the custody threshold"),
        (S.CUSTODIAL, "not_considered", "custody is not being considered"),
        (S.SUSPENDED_SENTENCE_ORDER, "possible", None),
    ],
)
def test_a_custodial_proposal_that_contradicts_the_custody_position_is_warned(kind, position, warned):
    result = check(
        Proposal(kind, length_months=24 if kind is S.SUSPENDED_SENTENCE_ORDER else None, custodial_months=18),
        position=position,
    )
    found = [w for w in result.warnings if warned and warned in w]
    assert bool(found) is bool(warned)


# --- the stored form ------------------------------------------------------------------------------------


def test_a_stored_proposal_reads_back():
    stored = {
        "sentence_type": "community_order",
        "length_months": "12",
        "custodial_months": None,
        "requirements": [{"type": "unpaid_work", "amount": 100}, {"type": "residence", "amount": None}],
    }
    assert proposal_from_dict(stored) == community(
        ProposedRequirement(R.UNPAID_WORK, 100), ProposedRequirement(R.RESIDENCE), months=12
    )


def test_no_sentence_type_means_no_proposal_yet():
    assert proposal_from_dict({}) is None
    assert proposal_from_dict({"sentence_type": ""}) is None


@pytest.mark.parametrize(
    "stored",
    [{"sentence_type": "fine"}, {"sentence_type": "community_order", "requirements": [{"type": "flogging"}]}],
)
def test_a_stored_proposal_the_law_does_not_provide_is_refused(stored):
    with pytest.raises(RuleError):
        proposal_from_dict(stored)


@pytest.mark.parametrize(
    ("kind", "amount", "message"),
    [
        (R.CURFEW, 1, "Curfew must be between 2 and 20 hours a day; 1 was given."),
        (R.CURFEW, 21, "Curfew must be between 2 and 20 hours a day; 21 was given."),
        (R.ATTENDANCE_CENTRE, 11, "Attendance centre must be between 12 and 36 hours; 11 was given."),
        (R.ATTENDANCE_CENTRE, 37, "Attendance centre must be between 12 and 36 hours; 37 was given."),
        (R.ATTENDANCE_CENTRE, None, "Enter the hours ordered for attendance centre."),
    ],
)
def test_a_proposed_curfew_or_attendance_centre_outside_its_statutory_limits_is_refused(
    kind, amount, message
):
    result = check(community(ProposedRequirement(kind, amount)), age=20)

    assert result.ok is False
    assert messages(result) == [message]


@pytest.mark.parametrize(
    ("kind", "amount"), [(R.CURFEW, 2), (R.CURFEW, 20), (R.ATTENDANCE_CENTRE, 12), (R.ATTENDANCE_CENTRE, 36)]
)
def test_a_proposed_curfew_or_attendance_centre_at_its_limits_is_allowed(kind, amount):
    assert check(community(ProposedRequirement(kind, amount)), age=20).ok
