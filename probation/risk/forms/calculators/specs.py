"""One declarative spec per calculator: what it predicts and its inputs grouped into fieldsets.

Only the grouping and wording live here. Each input's kind (date, yes/no, answer, count, offence
code) and whether it is always required are read from the predictor's inputs dataclass, so the
form cannot drift from the predictor it feeds.
"""

import datetime as dt
import typing
from collections.abc import Callable
from dataclasses import dataclass, fields
from enum import Enum

from probation.rules.predictors import PREDICTORS, predictor_key
from probation.rules.predictors.common import unwrap_optional


@dataclass(frozen=True)
class Section:
    legend: str
    inputs: tuple[str, ...]
    hint: str = ""


@dataclass(frozen=True)
class Calculator:
    slug: str
    name: str
    title: str
    summary: str
    sections: tuple[Section, ...]

    @property
    def key(self) -> str:
        """The predictor registry key ("osp-dc" → "osp_dc")."""
        return predictor_key(self.slug)

    @property
    def inputs_type(self) -> type:
        return PREDICTORS[self.key].inputs_type

    @property
    def calculate(self) -> Callable[[typing.Any], object]:
        return PREDICTORS[self.key].calculate

    @property
    def input_names(self) -> tuple[str, ...]:
        return tuple(name for section in self.sections for name in section.inputs)


@dataclass(frozen=True)
class InputKind:
    """An input's Python type (bool, int, str, date or an Enum) and whether it is always required."""

    type: type
    required: bool

    @property
    def is_date(self) -> bool:
        return self.type is dt.date

    @property
    def is_enum(self) -> bool:
        return issubclass(self.type, Enum)


def input_kinds(calculator: Calculator) -> dict[str, InputKind]:
    """Each input of the calculator's predictor, in the dataclass's order."""
    hints = typing.get_type_hints(calculator.inputs_type)
    kinds = {}
    for field in fields(typing.cast(typing.Any, calculator.inputs_type)):
        hint, optional = unwrap_optional(hints[field.name])
        kinds[field.name] = InputKind(typing.cast(type, hint), required=not optional)
    return kinds


_PERSON = Section("About the person", ("gender", "date_of_birth"))
_CONVICTION = Section(
    "Current conviction",
    ("date_of_current_conviction", "start_of_follow_up", "assessment_date", "current_offence_code"),
)
_HISTORY = Section("Criminal history", ("total_sanctions", "violent_sanctions", "age_at_first_sanction"))
_SNSV_ASSESSMENT = Section(
    "Assessment",
    (
        "weapon_in_offence",
        "accommodation_suitability",
        "unemployed",
        "relationship_with_partner",
        "current_drinking",
        "binge_drinking",
        "impulsivity",
        "temper_control",
        "pro_criminal_attitudes",
        "domestic_abuse_perpetrator_against_partner",
    ),
    "Answer every question in this section and under previous convictions to use the dynamic "
    "variant. If any answer is not known, the static variant (criminal history only) is used.",
)
_PREVIOUS = Section(
    "Previous convictions",
    (
        "previous_homicide",
        "previous_wounding_or_gbh",
        "previous_kidnapping",
        "previous_firearms",
        "previous_robbery",
        "previous_aggravated_burglary",
        "previous_weapon",
        "previous_criminal_damage",
        "previous_arson",
    ),
    "Has the person been convicted of each of these before?",
)
_OSP_NEEDED = "Needed only for a male with a sexual offence history."
_OSP_COUNTS = ("contact_adult_sanctions", "contact_child_sanctions", "non_contact_sanctions")

CALCULATORS: dict[str, Calculator] = {
    calculator.slug: calculator
    for calculator in (
        Calculator(
            "ogrs3",
            "OGRS3",
            "Offender Group Reconviction Scale",
            "Predicts proven reoffending within 1 and 2 years from criminal history, age and gender.",
            (
                _PERSON,
                Section(
                    "Current conviction",
                    ("date_of_current_conviction", "start_of_follow_up", "current_offence_code"),
                ),
                Section("Criminal history", ("total_sanctions", "age_at_first_sanction")),
            ),
        ),
        Calculator(
            "ogp",
            "OGP",
            "OASys General reoffending Predictor",
            "Predicts general reoffending within 1 and 2 years by adding assessment answers to the OGRS3 "
            "score.",
            (
                Section("OGRS3", ("ogrs3_two_year_percent",)),
                Section("Accommodation and employment", ("no_fixed_abode_or_transient", "unemployed")),
                Section("Lifestyle", ("regular_activities_encourage_offending",)),
                Section("Drug misuse", ("current_drug_misuse", "motivation_to_tackle_drug_misuse")),
                Section(
                    "Thinking and behaviour",
                    ("problem_solving", "awareness_of_consequences", "understands_other_peoples_views"),
                ),
                Section("Attitudes", ("pro_criminal_attitudes",)),
            ),
        ),
        Calculator(
            "ovp",
            "OVP",
            "OASys Violence Predictor",
            "Predicts violent reoffending within 1 and 2 years from criminal history and assessment "
            "answers, for people aged 18 or over.",
            (
                _PERSON,
                Section("Criminal history", ("start_of_follow_up", "total_sanctions", "violent_sanctions")),
                Section(
                    "Assessment",
                    (
                        "does_not_recognise_impact_of_offending",
                        "no_fixed_abode_or_transient",
                        "unemployed",
                        "current_alcohol_use",
                        "binge_drinking",
                        "in_psychiatric_treatment",
                        "temper_control",
                        "pro_criminal_attitudes",
                    ),
                ),
            ),
        ),
        Calculator(
            "osp-dc",
            "OSP/DC",
            "OASys Sexual reoffending Predictor, direct contact",
            "Predicts sexual reoffending involving direct contact, for males with a sexual offence history.",
            (
                Section("About the person", ("gender", "sexual_offence_history", "date_of_birth")),
                Section(
                    "Sexual sanctions",
                    (*_OSP_COUNTS, "last_sexual_sanction_date", "current_offence_against_stranger"),
                    _OSP_NEEDED,
                ),
                Section(
                    "Offending history and dates",
                    (
                        "total_sanctions",
                        "start_of_follow_up",
                        "most_recent_offence_date",
                        "most_recent_sexual_offence_date",
                        "assessment_date",
                        "in_custody",
                    ),
                    _OSP_NEEDED + " These decide whether the risk reduction applies.",
                ),
            ),
        ),
        Calculator(
            "osp-iic",
            "OSP/IIC",
            "OASys Sexual reoffending Predictor, indecent images and indirect contact",
            "Predicts reoffending involving indecent images or indirect contact, for males with a sexual "
            "offence history.",
            (
                Section("About the person", ("gender", "sexual_offence_history")),
                Section("Sexual sanctions", (*_OSP_COUNTS, "indecent_image_sanctions"), _OSP_NEEDED),
            ),
        ),
        Calculator(
            "snsv",
            "SNSV",
            "Serious Non-Sexual Violence",
            "Predicts serious non-sexual violent reoffending; it is the violent part of RSR.",
            (_PERSON, _CONVICTION, _HISTORY, _SNSV_ASSESSMENT, _PREVIOUS),
        ),
        Calculator(
            "rsr",
            "RSR",
            "Risk of Serious Recidivism",
            "Predicts serious violent or sexual reoffending by adding the SNSV, OSP/DC and OSP/IIC scores.",
            (
                _PERSON,
                _CONVICTION,
                _HISTORY,
                Section(
                    "Sexual offending",
                    (
                        "sexual_offence_history",
                        *_OSP_COUNTS,
                        "indecent_image_sanctions",
                        "last_sexual_sanction_date",
                        "most_recent_offence_date",
                        "most_recent_sexual_offence_date",
                        "current_offence_against_stranger",
                        "in_custody",
                    ),
                    "The counts are needed when there is a sexual offence history; the dates and the "
                    "last two questions only for a male with one.",
                ),
                _SNSV_ASSESSMENT,
                _PREVIOUS,
            ),
        ),
    )
}
