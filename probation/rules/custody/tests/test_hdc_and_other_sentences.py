"""HDC eligibility on both sides of 3 June 2025 and 2 September 2026, and the extended, SOPC, life, IPP
and DTO key dates, and the refusals of impossible input (custody-release.md)."""

import datetime as dt

import pytest

from probation.rules.custody.key_dates import (
    CustodialTerm,
    HdcExclusion,
    ReleaseSentenceType,
    compute_key_dates,
)
from probation.rules.custody.law import PROGRESSION_TRANCHE_1, OffenceFlag
from probation.rules.errors import RuleError, RuleErrors
from probation.rules.law.dated import LawNotRecorded, LawSettings

D = dt.date
T = ReleaseSentenceType
F = OffenceFlag


@pytest.mark.parametrize(
    ("sentence_date", "days", "kw", "hdced"),
    [
        # 360/180 before 3 June 2025: an HDCED of 2 June 2025 keeps the old rule (CRD − 179 days)…
        (D(2024, 1, 1), 1745, {}, D(2025, 6, 2)),
        # …one of 3 June or later moves to 730/365 (earlier), but not before 3 June 2025.
        (D(2024, 1, 1), 1747, {}, D(2025, 6, 3)),
        (D(2024, 1, 1), 1800, {}, D(2025, 6, 3)),
        (D(2025, 1, 1), 1461, {}, D(2025, 10, 21)),  # 730/365: CP 585 under the midpoint
        # Adult HDC stops from an HDCED of 2 September 2026 (progression-excluded to keep 40%).
        (D(2026, 6, 20), 365, {"offences": frozenset({F.PROGRESSION_EXCLUDED})}, D(2026, 9, 1)),
        (D(2026, 6, 21), 365, {"offences": frozenset({F.PROGRESSION_EXCLUDED})}, None),
        (D(2026, 7, 1), 365, {"age_at_sentence": 17}, D(2026, 9, 12)),  # under-18 sentences keep HDC
        (D(2026, 6, 1), 365, {}, None),  # progression model: no adult HDC
        (D(2023, 1, 1), 60, {}, None),  # custodial period 30 days: under 42
        (D(2023, 1, 1), 100, {}, D(2023, 1, 29)),  # at least 28 days
        (D(2023, 1, 1), 365, {"hdc_exclusions": frozenset({HdcExclusion.SEX_OFFENDER_REGISTER})}, None),
    ],
)
def test_hdc_eligibility_by_date(sentence_date, days, kw, hdced):
    term = CustodialTerm(T.SDS, sentence_date, days=days, **kw)
    assert compute_key_dates(term).hdced == hdced


def test_hdc_at_least_14_days_after_sentence_with_remand():
    term = CustodialTerm(T.SDS, D(2023, 1, 1), days=365, remand_days=150)
    assert compute_key_dates(term).hdced == D(2023, 1, 15)
    # Released before 14 days are served: no HDC.
    assert compute_key_dates(CustodialTerm(T.SDS, D(2023, 1, 1), days=365, remand_days=170)).hdced is None


def test_extended_sentence_before_13_april_2015_under_10_years_is_automatic_at_two_thirds():
    dates = compute_key_dates(CustodialTerm(T.EDS, D(2014, 1, 1), months=72, extension_months=24))
    assert (dates.ped, dates.crd, dates.sed, dates.led, dates.hdced) == (
        None,
        D(2017, 12, 31),
        D(2021, 12, 31),
        D(2021, 12, 31),
        None,
    )


def test_extended_sentence_with_a_listed_offence_before_2015_goes_to_the_parole_board():
    term = CustodialTerm(
        T.EDS, D(2014, 1, 1), months=72, extension_months=24, offences=frozenset({F.EDS_LISTED})
    )
    assert compute_key_dates(term).ped == D(2017, 12, 31)


def test_extended_sentence_from_13_april_2015_parole_from_two_thirds_automatic_at_the_end():
    dates = compute_key_dates(CustodialTerm(T.EDS, D(2016, 1, 1), months=72, extension_months=24))
    assert (dates.ped, dates.crd, dates.sed) == (D(2020, 1, 1), D(2021, 12, 31), D(2023, 12, 31))


@pytest.mark.parametrize(
    ("sentence_date", "ped", "crd", "sed"),
    [
        (D(2022, 6, 27), D(2025, 6, 26), D(2028, 6, 26), D(2029, 6, 26)),  # PED at one half
        (D(2022, 6, 28), D(2026, 6, 28), D(2028, 6, 27), D(2029, 6, 27)),  # PED at two thirds
    ],
)
def test_sopc_parole_point_by_date_of_sentence_then_one_year_on_licence(sentence_date, ped, crd, sed):
    dates = compute_key_dates(CustodialTerm(T.SOPC, sentence_date, months=72))
    assert (dates.ped, dates.crd, dates.sed) == (ped, crd, sed)


def test_life_sentence_tariff_expiry_with_remand():
    dates = compute_key_dates(CustodialTerm(T.LIFE, D(2020, 1, 5), months=180, remand_days=100))
    assert (dates.ted, dates.ped, dates.crd, dates.sed, dates.earliest_release) == (
        D(2034, 9, 26),
        D(2034, 9, 26),
        None,
        None,
        D(2034, 9, 26),
    )
    assert dates.indeterminate


def test_ipp_cannot_be_passed_from_3_december_2012():
    assert compute_key_dates(CustodialTerm(T.IPP, D(2012, 12, 2), months=24)).ted == D(2014, 12, 1)
    with pytest.raises(RuleError, match="No IPP sentence can be passed from 3 December 2012"):
        compute_key_dates(CustodialTerm(T.IPP, D(2012, 12, 3), months=24))


def test_dto_released_at_half_with_no_hdc():
    dates = compute_key_dates(CustodialTerm(T.DTO, D(2023, 1, 1), months=12, age_at_sentence=16))
    assert (dates.crd, dates.sed, dates.hdced) == (D(2023, 7, 2), D(2023, 12, 31), None)


def test_remand_longer_than_the_sentence_is_refused_with_the_reason():
    with pytest.raises(RuleError) as refused:
        compute_key_dates(
            CustodialTerm(T.SDS, D(2023, 1, 1), months=12, remand_days=300, tagged_bail_days=66)
        )
    assert refused.value.message == (
        "The remand and tagged-bail credit (366 days) is longer than the sentence (365 days)."
    )
    assert refused.value.field == "remand_days"


def test_every_problem_with_the_term_is_reported_at_once():
    with pytest.raises(RuleErrors) as refused:
        compute_key_dates(CustodialTerm(T.EDS, D(2023, 1, 1), months=0, remand_days=-1, extension_months=6))
    assert [e.field for e in refused.value.errors] == ["months", "remand_days", "extension_months"]


def test_a_sentence_before_the_first_recorded_release_rules_is_refused():
    with pytest.raises(LawNotRecorded, match="No release rules are recorded before 4 April 2005"):
        compute_key_dates(CustodialTerm(T.SDS, D(2005, 4, 3), months=12))


def test_a_verify_commencement_corrected_in_settings_moves_the_tranche():
    term = CustodialTerm(T.SDS, D(2026, 5, 9), days=365)
    moved = LawSettings(commencements={PROGRESSION_TRANCHE_1.key: D(2026, 10, 15)})
    assert compute_key_dates(term).crd == D(2026, 10, 1)
    assert compute_key_dates(term, settings=moved).crd == D(2026, 10, 1)  # 40% point before: stays 40%
    later = CustodialTerm(T.SDS, D(2026, 5, 20), days=365)  # 40% point 12 Oct 2026
    assert compute_key_dates(later).crd == D(2026, 10, 1)
    assert compute_key_dates(later, settings=moved).crd == D(2026, 10, 12)
