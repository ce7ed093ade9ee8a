"""The register-type reference data, and the database constraints that hold whatever writes the rows."""

import datetime as dt

import pytest
from django.db import IntegrityError, transaction

from probation.risk.registers import (
    REGISTER_TYPES,
    REGISTER_TYPES_BY_CODE,
    ROSH_CODES,
    add_months,
    next_review_date,
)
from probation.risk.tests.test_registration_factories import RegistrationFactory
from probation.rules.tiering.tables import KNOWN_REGISTRATION_CODES

# reference-data.md § Registrations: code — review every N months (0 = no review).
REVIEW_MONTHS = {
    "RVHR": 6, "RHRH": 6, "RMRH": 6, "RLRH": 6, "MAPP": 3, "ADVP": 3, "REG30": 0, "ADVV": 6,
    "RCCO": 3, "RCPR": 3, "RCHD": 3, "CSEP": 3, "REG15": 6, "REG16": 6, "REG17": 6, "AV2S": 6,
    "REG22": 6, "RVAD": 6, "ALSH": 6, "AMHL": 6, "RMDO": 6, "RVLN": 0, "IIOM": 6, "APPO": 6,
    "INLL": 12, "ARSO": 3, "ANSO": 3, "SOPS": 3, "AVIS": 6, "RTAO": 6, "STRG": 3, "REG26": 6,
    "IRMO": 6, "WEAP": 3, "RSTO": 6, "SPO": 3, "MSP": 6, "MSV": 6, "CUCK": 3, "ASFO": 3, "INVI": 3,
    "WRSM": 3, "RPIR": 6, "HOIE": 6, "ADWC": 6, "ALAN": 6, "IMAR": 3, "PRC": 0, "HREG": 0,
}  # fmt: skip


def test_every_register_type_in_the_reference_data_has_its_review_period():
    assert {r.code: r.review_months for r in REGISTER_TYPES} == REVIEW_MONTHS


def test_register_types_are_the_codes_tiering_knows():
    assert set(REGISTER_TYPES_BY_CODE) == KNOWN_REGISTRATION_CODES
    assert len(REGISTER_TYPES) == len(REGISTER_TYPES_BY_CODE)


def test_only_mappa_has_a_category_and_level_and_the_rosh_registers_are_the_four_levels():
    assert [r.code for r in REGISTER_TYPES if r.has_category_and_level] == ["MAPP"]
    assert ROSH_CODES == ("RVHR", "RHRH", "RMRH", "RLRH")


@pytest.mark.parametrize(
    ("code", "colour"),
    [("RVHR", "red"), ("RHRH", "red"), ("RMRH", "orange"), ("RLRH", "green"), ("MAPP", "red"),
     ("RCPR", "red"), ("ADVP", "orange"), ("ALSH", "purple"), ("IIOM", "teal"), ("HREG", "grey")],
)  # fmt: skip
def test_flag_colours_follow_the_group_with_rosh_by_level(code, colour):
    assert REGISTER_TYPES_BY_CODE[code].tag_colour == colour


def test_labels_are_unique_so_every_radio_is_distinguishable():
    assert len({r.description for r in REGISTER_TYPES}) == len(REGISTER_TYPES)


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (dt.date(2025, 1, 15), 6, dt.date(2025, 7, 15)),
        (dt.date(2025, 8, 31), 6, dt.date(2026, 2, 28)),
        (dt.date(2023, 8, 31), 6, dt.date(2024, 2, 29)),
        (dt.date(2025, 11, 30), 3, dt.date(2026, 2, 28)),
        (dt.date(2025, 12, 1), 12, dt.date(2026, 12, 1)),
    ],
)
def test_adding_months_keeps_the_day_or_clamps_to_the_month_end(day, months, expected):
    assert add_months(day, months) == expected


def test_next_review_is_none_for_a_type_that_is_not_reviewed():
    assert next_review_date(REGISTER_TYPES_BY_CODE["REG30"], dt.date(2025, 1, 1)) is None
    assert next_review_date(REGISTER_TYPES_BY_CODE["MAPP"], dt.date(2025, 1, 1)) == dt.date(2025, 4, 1)


def _refused(**fields):
    with pytest.raises(IntegrityError), transaction.atomic():
        RegistrationFactory(**fields)


@pytest.mark.django_db
def test_database_refuses_an_unknown_register_type():
    _refused(register_type="RHHR", next_review_on=None)


@pytest.mark.django_db
def test_database_refuses_two_active_registrations_of_one_type_but_allows_history():
    first = RegistrationFactory(register_type="WEAP")
    _refused(person=first.person, register_type="WEAP")

    RegistrationFactory(
        person=first.person,
        register_type="WEAP",
        registered_on=dt.date(2024, 1, 1),
        deregistered_on=dt.date(2024, 6, 1),
        deregistration_reason="Ended",
    )


@pytest.mark.django_db
def test_database_refuses_two_active_rosh_registrations():
    high = RegistrationFactory(register_type="RHRH")

    _refused(person=high.person, register_type="RVHR")


@pytest.mark.django_db
@pytest.mark.parametrize(
    "fields",
    [
        {"register_type": "MAPP", "category": "", "level": "M1"},
        {"register_type": "MAPP", "category": "M1", "level": ""},
        {"register_type": "MAPP", "category": "M1", "level": "M4"},
        {"register_type": "ALSH", "category": "M1", "level": "M1"},
    ],
)
def test_database_keeps_category_and_level_to_mappa_and_requires_both(fields):
    _refused(**fields)


@pytest.mark.django_db
def test_database_refuses_deregistration_before_registration_or_without_a_reason():
    _refused(deregistered_on=dt.date(2025, 1, 14), deregistration_reason="Too early")
    _refused(deregistered_on=dt.date(2025, 2, 1), deregistration_reason="")


@pytest.mark.django_db
def test_database_refuses_a_review_date_for_a_type_that_is_not_reviewed():
    _refused(register_type="REG30", next_review_on=dt.date(2025, 6, 1))
