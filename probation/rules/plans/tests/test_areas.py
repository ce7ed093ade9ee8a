"""Goals suggested by the latest needs assessment (interventions.md § Sentence plan)."""

import datetime as dt

import pytest

from probation.rules.plans.areas import AREA_LABELS, SECTION_AREAS, Area, SectionNeed, suggested_areas
from probation.rules.tiering.inputs import NeedSection
from probation.rules.tiering.tables import Severity

ON = dt.date(2026, 3, 3)


@pytest.mark.parametrize("section", list(NeedSection))
@pytest.mark.parametrize(
    ("severity", "suggested"),
    [(Severity.SEVERE, True), (Severity.STANDARD, True), (Severity.NO_NEED, False), (None, False)],
)
def test_each_section_suggests_its_area_only_when_standard_or_severe(section, severity, suggested):
    result = suggested_areas([SectionNeed(section, severity, 3)], completed_on=ON)

    assert [s.area for s in result] == ([SECTION_AREAS[section]] if suggested else [])


def test_every_section_maps_to_an_area_and_finance_and_health_are_never_suggested():
    assert set(SECTION_AREAS) == set(NeedSection)
    assert {Area.FINANCE, Area.HEALTH_WELLBEING}.isdisjoint(SECTION_AREAS.values())
    assert len(AREA_LABELS) == 8


def test_the_reason_names_the_section_severity_score_and_assessment_date():
    [suggestion] = suggested_areas(
        [SectionNeed(NeedSection.ACCOMMODATION, Severity.SEVERE, 6)], completed_on=ON
    )

    assert suggestion.reasons == (
        "Accommodation: severe need (score 6) in the needs assessment completed 3 March 2026",
    )
    assert suggestion.label == "Accommodation"


def test_two_sections_of_one_area_make_one_suggestion_with_both_reasons_and_the_higher_severity():
    needs = [
        SectionNeed(NeedSection.ATTITUDES, Severity.STANDARD, 2),
        SectionNeed(NeedSection.THINKING_BEHAVIOUR, Severity.SEVERE, 7),
    ]

    [suggestion] = suggested_areas(needs, completed_on=ON)

    assert suggestion.area is Area.THINKING_BEHAVIOURS_ATTITUDES
    assert suggestion.severity is Severity.SEVERE
    assert [r.split(":")[0] for r in suggestion.reasons] == ["Thinking and behaviour", "Attitudes"]


def test_severe_areas_come_first_then_the_plan_order():
    needs = [
        SectionNeed(NeedSection.ALCOHOL_MISUSE, Severity.STANDARD),
        SectionNeed(NeedSection.ACCOMMODATION, Severity.STANDARD),
        SectionNeed(NeedSection.DRUG_MISUSE, Severity.SEVERE),
    ]

    result = suggested_areas(needs, completed_on=ON)

    assert [s.area for s in result] == [Area.DRUG_USE, Area.ACCOMMODATION, Area.ALCOHOL_USE]
    assert "score" not in result[0].reasons[0]


def test_an_area_already_in_the_plan_is_not_suggested_again():
    needs = {NeedSection.ACCOMMODATION: SectionNeed(NeedSection.ACCOMMODATION, Severity.SEVERE)}

    assert suggested_areas(needs, completed_on=ON, already_planned=frozenset({Area.ACCOMMODATION})) == []
