"""Contact types and outcomes (enforcement.md, "Contacts and appointments" and "Outcomes")."""

import pytest

from probation.rules.contacts.outcomes import (
    ACCEPTABLE_ABSENCE_CODES,
    CONTACT_TYPES,
    DRUG_TEST_CODES,
    OUTCOMES,
    UNACCEPTABLE_CODES,
    ContactTypeCode,
    OutcomeCode,
    OutcomeKind,
    check_outcome_allowed,
    contact_type,
    counts_as_failure_to_comply,
    is_enforceable,
    outcome,
)
from probation.rules.errors import SentenceRuleError

C, OC = ContactTypeCode, OutcomeCode

# The outcomes table of enforcement.md, transcribed independently: code -> (attended, acceptable).
SPEC_TABLE = {
    "ATTC": (True, True),
    "AFTC": (True, False),
    "ATSH": (True, False),
    "ATSS": (True, True),
    "AFDA": (True, True),
    "AFTA": (False, False),
    "UAAB": (False, False),
    "ATFI": (None, False),
    "UBHV": (None, False),
    "AACL": (False, True),
    "AAEM": (False, True),
    "AAFC": (False, True),
    "AAHO": (False, True),
    "AAME": (False, True),
    "AARE": (False, True),
    "AARC": (False, True),
    "AASD": (False, True),
    "AAAA": (False, True),
    "CO05": (False, True),
    "CO10": (None, True),
    "RSOF": (False, True),
    "RSSR": (False, True),
    "TCLN": (True, True),
    "TDRT": (True, False),
    "TADM": (True, False),
    "TRFS": (True, False),
    "TNTD": (True, True),
    "TUKN": (True, True),
}

NS_TYPES = {
    C.PLANNED_OFFICE_VISIT,
    C.PLANNED_TELEPHONE_CONTACT,
    C.PLANNED_VIDEO_CONTACT,
    C.HOME_VISIT,
    C.DRUG_TEST,
}
NON_ATTENDANCE_TYPES = {
    C.PARTNER_AGENCY_EMAIL,
    C.PARTNER_AGENCY_LETTER,
    C.PARTNER_AGENCY_PHONE_CALL,
    C.CASE_NOTE,
    C.MANAGEMENT_OVERSIGHT,
    C.SYSTEM_EVENT,
}
ATTENDANCE_TYPES = set(ContactTypeCode) - NON_ATTENDANCE_TYPES


# --- the outcomes table ------------------------------------------------------------------------------


def test_the_outcomes_table_has_exactly_the_27_codes_of_enforcement_md():
    assert {code.value for code in OUTCOMES} == set(SPEC_TABLE)


@pytest.mark.parametrize(("code", "expected"), sorted(SPEC_TABLE.items()))
def test_each_outcome_has_the_attended_and_acceptable_flags_of_the_table(code, expected):
    row = outcome(code)

    assert (row.attended, row.acceptable) == expected


def test_acceptable_absences_are_the_nine_aa_codes_and_professional_judgement():
    assert {c.value for c in ACCEPTABLE_ABSENCE_CODES} == {
        "AACL",
        "AAEM",
        "AAFC",
        "AAHO",
        "AAME",
        "AARE",
        "AARC",
        "AASD",
        "AAAA",
        "CO05",
    }


def test_unacceptable_outcomes_are_exactly_the_failures_to_comply():
    assert {c.value for c in UNACCEPTABLE_CODES} == {
        "AFTC",
        "ATSH",
        "AFTA",
        "UAAB",
        "ATFI",
        "UBHV",
        "TDRT",
        "TADM",
        "TRFS",
    }
    assert all(outcome(code).is_failure_to_comply for code in UNACCEPTABLE_CODES)


@pytest.mark.parametrize(
    ("code", "kind"),
    [
        ("ATTC", OutcomeKind.ATTENDED_COMPLIED),
        ("ATSS", OutcomeKind.ATTENDED_COMPLIED),
        ("AFDA", OutcomeKind.ATTENDED_COMPLIED),
        ("TCLN", OutcomeKind.ATTENDED_COMPLIED),
        ("TNTD", OutcomeKind.ATTENDED_COMPLIED),
        ("TUKN", OutcomeKind.ATTENDED_COMPLIED),
        ("AFTC", OutcomeKind.ATTENDED_FAILED_TO_COMPLY),
        ("ATSH", OutcomeKind.ATTENDED_FAILED_TO_COMPLY),
        ("TDRT", OutcomeKind.ATTENDED_FAILED_TO_COMPLY),
        ("AFTA", OutcomeKind.UNACCEPTABLE_ABSENCE),
        ("UAAB", OutcomeKind.UNACCEPTABLE_ABSENCE),
        ("ATFI", OutcomeKind.OTHER_FAILURE_TO_COMPLY),
        ("UBHV", OutcomeKind.OTHER_FAILURE_TO_COMPLY),
        ("CO05", OutcomeKind.ACCEPTABLE_ABSENCE),
        ("CO10", OutcomeKind.ACCEPTABLE_FAILURE),
        ("RSOF", OutcomeKind.RESCHEDULED),
        ("RSSR", OutcomeKind.RESCHEDULED),
    ],
)
def test_outcomes_are_grouped_by_kind(code, kind):
    assert outcome(code).kind is kind


def test_every_kind_agrees_with_the_attended_and_acceptable_flags():
    for row in OUTCOMES.values():
        if row.kind is OutcomeKind.ATTENDED_COMPLIED:
            assert (row.attended, row.acceptable) == (True, True)
        elif row.kind is OutcomeKind.ATTENDED_FAILED_TO_COMPLY:
            assert (row.attended, row.acceptable) == (True, False)
        elif row.kind is OutcomeKind.UNACCEPTABLE_ABSENCE:
            assert (row.attended, row.acceptable) == (False, False)
        elif row.kind in (OutcomeKind.ACCEPTABLE_ABSENCE, OutcomeKind.RESCHEDULED):
            assert (row.attended, row.acceptable) == (False, True)


def test_only_failed_to_attend_awaits_evidence():
    assert [code for code, row in OUTCOMES.items() if row.awaits_evidence] == [OC.AFTA]


def test_descriptions_follow_the_table():
    assert outcome("ATTC").description == "Attended – complied"
    assert outcome("AAME").description == "Acceptable absence – medical"
    assert outcome("CO05").description == "Acceptable absence – professional judgement"
    assert outcome("TRFS").description == "Drug test: refused"


def test_an_unknown_outcome_code_is_refused_naming_it():
    with pytest.raises(SentenceRuleError) as refused:
        outcome("XXXX")

    assert refused.value.message == "'XXXX' is not a known outcome code."
    assert refused.value.field == "outcome"


# --- contact types -----------------------------------------------------------------------------------


def test_the_ns_contact_types_are_exactly_those_marked_ns():
    assert {code for code, row in CONTACT_TYPES.items() if row.national_standard} == NS_TYPES


def test_non_attendance_types_need_no_outcome_and_allow_none():
    for code in NON_ATTENDANCE_TYPES:
        row = contact_type(code)
        assert row.attendance is False
        assert row.national_standard is False
        assert row.allowed_outcomes == frozenset()


def test_attendance_types_need_an_attendance_outcome():
    assert {code for code, row in CONTACT_TYPES.items() if row.attendance} == ATTENDANCE_TYPES


def test_only_unpaid_work_sessions_count_towards_unpaid_work_hours():
    assert [code for code, row in CONTACT_TYPES.items() if row.counts_towards_unpaid_work] == [
        C.UNPAID_WORK_SESSION
    ]


def test_supervision_and_intervention_contacts_can_count_towards_rar_days():
    assert {code for code, row in CONTACT_TYPES.items() if row.counts_towards_rar} == {
        C.PLANNED_OFFICE_VISIT,
        C.PLANNED_TELEPHONE_CONTACT,
        C.PLANNED_VIDEO_CONTACT,
        C.HOME_VISIT,
        C.ALCOHOL_DRUG_KEY_WORKER_SESSION,
        C.PROGRAMME_SESSION,
    }


def test_a_drug_test_allows_the_drug_test_results_but_not_attended_complied():
    allowed = contact_type(C.DRUG_TEST).allowed_outcomes

    assert allowed >= DRUG_TEST_CODES
    assert OC.ATTC not in allowed
    assert OC.AFTC not in allowed


def test_an_office_visit_allows_attendance_absence_and_reschedule_outcomes_but_not_drug_results():
    allowed = contact_type(C.PLANNED_OFFICE_VISIT).allowed_outcomes

    assert allowed == frozenset(OutcomeCode) - DRUG_TEST_CODES
    assert not allowed & DRUG_TEST_CODES


def test_every_attendance_type_allows_every_absence_outcome():
    for code in ATTENDANCE_TYPES:
        assert (
            ACCEPTABLE_ABSENCE_CODES | {OC.AFTA, OC.UAAB, OC.RSOF, OC.RSSR}
            <= contact_type(code).allowed_outcomes
        )


def test_an_unknown_contact_type_is_refused_naming_it():
    with pytest.raises(SentenceRuleError) as refused:
        contact_type("carrier_pigeon")

    assert refused.value.message == "'carrier_pigeon' is not a known contact type."
    assert refused.value.field == "contact_type"


# --- check_outcome_allowed ---------------------------------------------------------------------------


def test_an_allowed_outcome_is_accepted_and_its_row_returned():
    assert check_outcome_allowed(C.HOME_VISIT, OC.UAAB, sentence_months=12) is OUTCOMES[OC.UAAB]


def test_an_outcome_the_type_does_not_allow_is_refused_naming_both():
    with pytest.raises(SentenceRuleError) as refused:
        check_outcome_allowed(C.PLANNED_OFFICE_VISIT, OC.TCLN, sentence_months=12)

    assert refused.value.message == (
        "'TCLN – Drug test: clean' is not an allowed outcome for a planned office visit."
    )
    assert refused.value.field == "outcome"


def test_messages_use_an_before_a_vowel():
    with pytest.raises(SentenceRuleError) as refused:
        check_outcome_allowed(C.INITIAL_APPOINTMENT, OC.TCLN, sentence_months=12)

    assert refused.value.message.endswith("is not an allowed outcome for an initial appointment.")
    assert contact_type(C.PARTNER_AGENCY_EMAIL).with_article == "an email with partner agency"


def test_an_outcome_on_a_non_attendance_contact_is_refused():
    with pytest.raises(SentenceRuleError) as refused:
        check_outcome_allowed(C.CASE_NOTE, OC.ATTC, sentence_months=12)

    assert refused.value.message == "A case note does not take an outcome."


def test_co10_is_allowed_on_a_sentence_of_25_months():
    assert check_outcome_allowed(C.PLANNED_OFFICE_VISIT, OC.CO10, sentence_months=25).code is OC.CO10


def test_co10_is_refused_on_a_sentence_of_exactly_24_months_because_it_is_not_over_24():
    with pytest.raises(SentenceRuleError) as refused:
        check_outcome_allowed(C.PLANNED_OFFICE_VISIT, OC.CO10, sentence_months=24)

    assert refused.value.message == (
        "'CO10 – Acceptable failure' is only for sentences over 24 months; this contact has a sentence "
        "of 24 months."
    )
    assert refused.value.field == "outcome"


def test_co10_is_refused_on_a_contact_with_no_sentence():
    with pytest.raises(SentenceRuleError) as refused:
        check_outcome_allowed(C.PLANNED_OFFICE_VISIT, OC.CO10, sentence_months=None)

    assert refused.value.message.endswith("this contact has no sentence.")


def test_outcomes_other_than_co10_do_not_depend_on_sentence_length():
    assert check_outcome_allowed(C.PLANNED_OFFICE_VISIT, OC.ATTC, sentence_months=None).code is OC.ATTC


# --- counts_as_failure_to_comply ---------------------------------------------------------------------


# Types that exist only to carry out a requirement (enforcement.md, "enforceable"): unpaid work and
# accredited programme sessions.
SESSION_TYPES = {C.UNPAID_WORK_SESSION, C.PROGRAMME_SESSION}


@pytest.mark.parametrize("type_code", sorted(NS_TYPES))
def test_an_unacceptable_absence_on_an_ns_contact_is_a_failure_to_comply(type_code):
    assert counts_as_failure_to_comply(type_code, OC.UAAB, carries_out_requirement=False) is True


@pytest.mark.parametrize("type_code", sorted(SESSION_TYPES))
@pytest.mark.parametrize("code", [OC.UAAB, OC.ATSH, OC.AFTC, OC.AFTA])
def test_an_unacceptable_outcome_of_a_requirement_session_is_a_failure_even_unlinked(type_code, code):
    # "an unacceptable absence or being sent home for behaviour at a project is a failure to comply"
    assert counts_as_failure_to_comply(type_code, code, carries_out_requirement=False) is True


@pytest.mark.parametrize("type_code", sorted(ATTENDANCE_TYPES - NS_TYPES - SESSION_TYPES))
def test_an_unacceptable_absence_on_an_unlinked_non_ns_contact_is_not_a_failure_to_comply(type_code):
    assert counts_as_failure_to_comply(type_code, OC.UAAB, carries_out_requirement=False) is False


@pytest.mark.parametrize("type_code", sorted(ATTENDANCE_TYPES))
def test_every_appointment_carrying_out_a_requirement_or_condition_is_enforceable(type_code):
    assert is_enforceable(type_code, carries_out_requirement=True) is True
    assert counts_as_failure_to_comply(type_code, OC.UAAB, carries_out_requirement=True) is True


@pytest.mark.parametrize("type_code", sorted(set(ContactTypeCode) - ATTENDANCE_TYPES))
def test_a_contact_that_takes_no_outcome_is_never_enforceable(type_code):
    assert is_enforceable(type_code, carries_out_requirement=True) is False


def test_enforceable_types_are_the_ns_types_and_the_requirement_sessions():
    assert {c for c in ContactTypeCode if is_enforceable(c, carries_out_requirement=False)} == (
        NS_TYPES | SESSION_TYPES
    )


@pytest.mark.parametrize("linked", [False, True])
@pytest.mark.parametrize("code", sorted(set(OutcomeCode) - UNACCEPTABLE_CODES))
def test_an_acceptable_outcome_is_never_a_failure_to_comply(code, linked):
    for type_code in ATTENDANCE_TYPES:
        assert counts_as_failure_to_comply(type_code, code, carries_out_requirement=linked) is False


def test_a_failed_to_attend_still_awaiting_evidence_counts_as_unacceptable():
    assert counts_as_failure_to_comply(C.PLANNED_OFFICE_VISIT, OC.AFTA, carries_out_requirement=False) is True


def test_a_refused_drug_test_is_a_failure_to_comply():
    assert counts_as_failure_to_comply(C.DRUG_TEST, OC.TRFS, carries_out_requirement=False) is True
