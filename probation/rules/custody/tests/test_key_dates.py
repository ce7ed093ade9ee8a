"""Worked examples of the release key dates on both sides of every commencement date
(custody-release.md § Release points and § HDC). Expected dates were counted by hand: day 1 is the day
of sentence; a share of N days is served in ceil(N × share) days."""

import datetime as dt

import pytest

from probation.rules.custody.key_dates import (
    CustodialTerm,
    ReleaseSentenceType,
    compute_key_dates,
)
from probation.rules.custody.law import OffenceFlag

D = dt.date
SDS = ReleaseSentenceType.SDS
F = OffenceFlag


def sds(sentence_date: dt.date, months: int = 0, days: int = 0, **kw: object) -> CustodialTerm:
    return CustodialTerm(SDS, sentence_date, months=months, days=days, **kw)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("term", "crd", "why"),
    [
        # CJA 2003: one half, released before SDS40 came in.
        (sds(D(2023, 1, 1), 12), D(2023, 7, 2), "half"),
        # SDS40 tranche 1 (10 Sep 2024, under 5 years): the half point on 9 Sep 2024 stays half…
        (sds(D(2024, 3, 11), days=365), D(2024, 9, 9), "half point the day before tranche 1"),
        # …on 10 Sep moves to 40% (4 Aug 2024), released no earlier than the commencement day.
        (sds(D(2024, 3, 12), days=365), D(2024, 9, 10), "half point on tranche 1"),
        (sds(D(2023, 10, 1), 24), D(2024, 9, 10), "40% point passed before tranche 1"),
        (sds(D(2024, 1, 1), 24), D(2024, 10, 19), "40% after tranche 1"),
        # 5 years+ waits for tranche 2 (22 Oct 2024).
        (sds(D(2023, 1, 1), 72), D(2025, 5, 26), "6 years: tranche 2"),
        # Excluded: violent with 4 years+, sexual, domestic abuse.
        (sds(D(2024, 1, 1), 48, offences=frozenset({F.VIOLENT})), D(2025, 12, 31), "violent 4y+"),
        (sds(D(2024, 1, 1), 47, offences=frozenset({F.VIOLENT})), D(2025, 7, 25), "violent under 4y"),
        (sds(D(2024, 1, 1), 24, offences=frozenset({F.SEXUAL})), D(2024, 12, 31), "sexual"),
        # 16 Dec 2024 exclusions: a 40% point before stays 40%; one after goes back to one half.
        (sds(D(2024, 1, 1), 24, offences=frozenset({F.SDS40_ADDED_DEC_2024})), D(2024, 10, 19), "before"),
        (sds(D(2024, 6, 1), 24, offences=frozenset({F.SDS40_ADDED_DEC_2024})), D(2025, 5, 31), "after"),
        (sds(D(2024, 6, 1), 24), D(2025, 3, 19), "not excluded"),
        # Progression model tranche 1 (1 Oct 2026, terms up to 574 days).
        (sds(D(2026, 5, 8), days=365), D(2026, 9, 30), "40% point the day before tranche 1"),
        (sds(D(2026, 5, 9), days=365), D(2026, 10, 1), "40% point on tranche 1: one third, from 1 Oct"),
        (sds(D(2026, 6, 1), 24), D(2027, 3, 20), "731 days: outside tranche 1, released before tranche 2"),
        (sds(D(2026, 6, 1), 36), D(2027, 6, 8), "1,096 days: tranche 2 (8 Jun 2027)"),
        (sds(D(2026, 6, 1), 12, offences=frozenset({F.PROGRESSION_SERIOUS})), D(2026, 11, 30), "serious: ½"),
        (sds(D(2026, 6, 1), 12, offences=frozenset({F.PROGRESSION_EXCLUDED})), D(2026, 10, 24), "excluded"),
        (sds(D(2026, 6, 1), 12, age_at_sentence=17), D(2026, 10, 24), "under 18: no progression model"),
        # SDS+ by the date of sentence: 7 years+ from 1 Apr 2020.
        (sds(D(2020, 3, 31), 84, offences=frozenset({F.SDS_PLUS_LISTED})), D(2023, 9, 29), "before SDS+"),
        (sds(D(2020, 4, 1), 84, offences=frozenset({F.SDS_PLUS_LISTED})), D(2024, 11, 29), "SDS+ 2020"),
    ],
)
def test_standard_determinate_release_by_date(term: CustodialTerm, crd: dt.date, why: str) -> None:
    assert compute_key_dates(term).crd == crd, why


@pytest.mark.parametrize(
    ("sentence_date", "months", "age", "sds_plus"),
    [
        (D(2022, 6, 27), 60, 30, False),  # 4 to under 7 years: SDS+ only from 28 Jun 2022
        (D(2022, 6, 28), 60, 30, True),
        (D(2022, 6, 28), 47, 30, False),
        (D(2022, 6, 27), 96, 17, False),  # under 18, 7 years+: from 28 Jun 2022
        (D(2022, 6, 28), 96, 17, True),
        (D(2022, 6, 28), 83, 17, False),
    ],
)
def test_sds_plus_by_date_of_sentence_length_and_age(sentence_date, months, age, sds_plus):
    term = sds(sentence_date, months, age_at_sentence=age, offences=frozenset({F.SDS_PLUS_LISTED}))
    dates = compute_key_dates(term)
    assert (dates.hdced is None and any("SDS+" in s for s in dates.steps)) is sds_plus


def test_a_one_year_sentence_in_2023_has_every_date_and_its_breakdown():
    dates = compute_key_dates(sds(D(2023, 1, 1), 12))
    assert (dates.crd, dates.sed, dates.led, dates.hdced, dates.tused, dates.ped) == (
        D(2023, 7, 2),
        D(2023, 12, 31),
        D(2023, 12, 31),
        D(2023, 4, 3),  # sentence date + max(28, 183 / 2 rounded up)
        D(2024, 7, 1),  # top-up to 12 months after release
        None,
    )
    assert (
        dates.steps[0]
        == "The custodial term of 1 year from 1 January 2023 is 365 days (1 January 2023 to 31 December 2023)."
    )
    assert "Conditional release date (CRD): 183 days served, 2 July 2023." in dates.steps
    assert dates.rule_keys[:2] == ("cja_2003_release", "sds_plus_2022")


def test_remand_and_tagged_bail_bring_every_date_forward():
    plain = compute_key_dates(sds(D(2023, 1, 1), 12))
    credited = compute_key_dates(sds(D(2023, 1, 1), 12, remand_days=20, tagged_bail_days=10))
    assert credited.crd == plain.crd - dt.timedelta(days=30)
    assert credited.sed == plain.sed - dt.timedelta(days=30)
    assert (
        "Credit for time served (remand 20 days and tagged bail 10 days): every date comes 30 days earlier."
        in credited.steps
    )


def test_added_days_put_release_back_but_not_the_sentence_expiry():
    dates = compute_key_dates(sds(D(2023, 1, 1), 12, added_days=14))
    assert (dates.crd, dates.sed) == (D(2023, 7, 16), D(2023, 12, 31))


def test_credit_beyond_the_release_point_releases_on_the_day_of_sentence():
    assert compute_key_dates(sds(D(2023, 1, 1), 12, remand_days=300)).crd == D(2023, 1, 1)


def test_top_up_supervision_is_not_given_after_its_repeal():
    assert compute_key_dates(sds(D(2026, 3, 21), 12)).tused is not None
    assert compute_key_dates(sds(D(2026, 3, 22), 12)).tused is None
    assert compute_key_dates(sds(D(2023, 1, 1), 24)).tused is None  # 2 years: licence covers it


def test_section_244zb_referral_means_no_automatic_release():
    dates = compute_key_dates(sds(D(2023, 1, 1), 12, referred_s244zb=True))
    assert (dates.crd, dates.ped, dates.earliest_release) == (None, D(2023, 7, 2), D(2023, 7, 2))


def test_no_licence_for_a_short_sentence_for_an_offence_before_ora_2014():
    dates = compute_key_dates(sds(D(2015, 3, 1), 6, offence_date=D(2015, 1, 31)))
    assert dates.led is None
    assert compute_key_dates(sds(D(2015, 3, 1), 6, offence_date=D(2015, 2, 1))).led == D(2015, 8, 31)
