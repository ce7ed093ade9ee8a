"""Inputs shared by the calculator page and API tests (this module holds no tests).

One valid set of inputs per calculator, chosen to reach different bands and branches: OGRS3
medium, OSP/DC with its risk reduction, OSP/IIC's indecent-image rule, SNSV dynamic, RSR static
with a sexual offence history. Form data and JSON payloads are both derived from these.
"""

import datetime as dt
from collections.abc import Callable
from dataclasses import fields
from enum import Enum
from typing import Any

from probation.rules.predictors import (
    Awareness,
    Gender,
    Motivation,
    OgpInputs,
    Ogrs3Inputs,
    OspDcInputs,
    OspIicInputs,
    OvpInputs,
    ProblemLevel,
    RsrInputs,
    SnsvInputs,
    calculate_ogp,
    calculate_ogrs3,
    calculate_osp_dc,
    calculate_osp_iic,
    calculate_ovp,
    calculate_rsr,
    calculate_snsv,
)

MALE, SOME, NONE, SIGNIFICANT = Gender.MALE, ProblemLevel.SOME, ProblemLevel.NONE, ProblemLevel.SIGNIFICANT
_CONVICTION: dict[str, Any] = {
    "gender": MALE,
    "date_of_birth": dt.date(1985, 3, 2),
    "date_of_current_conviction": dt.date(2021, 5, 1),
    "start_of_follow_up": dt.date(2021, 6, 1),
    "assessment_date": dt.date(2022, 9, 15),
    "total_sanctions": 6,
    "violent_sanctions": 2,
    "age_at_first_sanction": 20,
    "current_offence_code": "00100",
}
_SNSV_DYNAMIC: dict[str, Any] = {
    "weapon_in_offence": True,
    "accommodation_suitability": SOME,
    "unemployed": True,
    "relationship_with_partner": NONE,
    "current_drinking": SIGNIFICANT,
    "binge_drinking": SOME,
    "impulsivity": SOME,
    "temper_control": SIGNIFICANT,
    "pro_criminal_attitudes": NONE,
    "domestic_abuse_perpetrator_against_partner": False,
    "previous_homicide": False,
    "previous_wounding_or_gbh": True,
    "previous_kidnapping": False,
    "previous_firearms": False,
    "previous_robbery": True,
    "previous_aggravated_burglary": False,
    "previous_weapon": False,
    "previous_criminal_damage": True,
    "previous_arson": False,
}

VALID: dict[str, tuple[Callable[[Any], Any], object]] = {
    "ogrs3": (
        calculate_ogrs3,
        Ogrs3Inputs(
            gender=MALE,
            date_of_birth=dt.date(1990, 1, 1),
            date_of_current_conviction=dt.date(2020, 1, 1),
            start_of_follow_up=dt.date(2020, 2, 1),
            total_sanctions=5,
            age_at_first_sanction=16,
            current_offence_code="02700",
        ),
    ),
    "ogp": (
        calculate_ogp,
        OgpInputs(
            ogrs3_two_year_percent=51,
            no_fixed_abode_or_transient=True,
            unemployed=False,
            regular_activities_encourage_offending=SOME,
            current_drug_misuse=SOME,
            motivation_to_tackle_drug_misuse=Motivation.PARTIAL,
            problem_solving=SOME,
            awareness_of_consequences=Awareness.SOMETIMES,
            understands_other_peoples_views=SIGNIFICANT,
            pro_criminal_attitudes=SIGNIFICANT,
        ),
    ),
    "ovp": (
        calculate_ovp,
        OvpInputs(
            gender=MALE,
            date_of_birth=dt.date(1990, 1, 1),
            start_of_follow_up=dt.date(2020, 2, 1),
            total_sanctions=12,
            violent_sanctions=3,
            does_not_recognise_impact_of_offending=True,
            no_fixed_abode_or_transient=False,
            unemployed=True,
            current_alcohol_use=SOME,
            binge_drinking=SIGNIFICANT,
            in_psychiatric_treatment=False,
            temper_control=SOME,
            pro_criminal_attitudes=NONE,
        ),
    ),
    "osp-dc": (
        calculate_osp_dc,
        OspDcInputs(
            gender=MALE,
            sexual_offence_history=True,
            contact_adult_sanctions=1,
            contact_child_sanctions=0,
            non_contact_sanctions=2,
            date_of_birth=dt.date(1970, 5, 5),
            start_of_follow_up=dt.date(2015, 3, 1),
            assessment_date=dt.date(2024, 6, 1),
            last_sexual_sanction_date=dt.date(2014, 6, 1),
            most_recent_offence_date=dt.date(2014, 6, 1),
            most_recent_sexual_offence_date=dt.date(2014, 6, 1),
            total_sanctions=4,
            current_offence_against_stranger=True,
            in_custody=False,
        ),
    ),
    "osp-iic": (
        calculate_osp_iic,
        OspIicInputs(
            gender=MALE,
            sexual_offence_history=True,
            contact_adult_sanctions=0,
            contact_child_sanctions=1,
            non_contact_sanctions=0,
            indecent_image_sanctions=1,
        ),
    ),
    "snsv": (calculate_snsv, SnsvInputs(**_CONVICTION, **_SNSV_DYNAMIC)),
    "rsr": (
        calculate_rsr,
        RsrInputs(
            **_CONVICTION,
            sexual_offence_history=True,
            contact_adult_sanctions=1,
            contact_child_sanctions=0,
            non_contact_sanctions=0,
            indecent_image_sanctions=0,
            last_sexual_sanction_date=dt.date(2021, 5, 1),
            most_recent_offence_date=dt.date(2021, 5, 1),
            most_recent_sexual_offence_date=dt.date(2021, 5, 1),
            current_offence_against_stranger=False,
            in_custody=True,
            unemployed=True,
        ),
    ),
}

# One change per calculator that the form accepts but the predictor refuses.
INVALID: dict[str, dict[str, object]] = {
    "ogrs3": {"age_at_first_sanction": 5},
    "ogp": {"ogrs3_two_year_percent": 0},
    "ovp": {"violent_sanctions": 13},
    "osp-dc": {"in_custody": None},
    "osp-iic": {"sexual_offence_history": False},
    "snsv": {"start_of_follow_up": dt.date(2021, 4, 1)},
    "rsr": {"contact_adult_sanctions": 0},
}


def form_data(inputs: object) -> dict[str, str]:
    """The POST data a person filling in the calculator page would send for `inputs`."""
    data: dict[str, str] = {}
    for field in fields(inputs):  # type: ignore[arg-type]
        value = getattr(inputs, field.name)
        if value is None:
            continue
        if isinstance(value, dt.date):
            data |= {f"{field.name}_0": str(value.day), f"{field.name}_1": str(value.month)}
            data[f"{field.name}_2"] = str(value.year)
        elif isinstance(value, bool):
            data[field.name] = "yes" if value else "no"
        elif isinstance(value, Enum):
            data[field.name] = value.value
        else:
            data[field.name] = str(value)
    return data
