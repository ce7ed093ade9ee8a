import datetime as dt

import pytest

from probation.rules.errors import RuleError
from probation.rules.programmes.catalogue import (
    BUILDING_CHOICES_FROM,
    CATALOGUE,
    CatalogueSettings,
    check_in_force,
    programme,
    programmes_in_force,
)


def test_building_choices_moderate_is_21_group_and_6_one_to_one_sessions():
    bc = programme("BC")
    assert (bc.group_sessions, bc.one_to_one_sessions, bc.sessions_required) == (21, 6, 21)
    assert bc.intensity_text == "moderate or high"


def test_building_choices_replaces_thinking_skills_and_resolve_on_its_date():
    before = {p.code for p in programmes_in_force(BUILDING_CHOICES_FROM - dt.timedelta(days=1))}
    after = {p.code for p in programmes_in_force(BUILDING_CHOICES_FROM)}
    assert {"TSP", "RESOLVE"} <= before
    assert "BC" not in before
    assert "BC" in after
    assert not {"TSP", "RESOLVE"} & after


def test_a_deployment_corrects_a_verify_date_by_settings():
    settings = CatalogueSettings({"BC": {"in_force_from": dt.date(2025, 1, 1)}})
    assert programme("BC", settings).in_force_from == dt.date(2025, 1, 1)
    assert "BC" not in {p.code for p in programmes_in_force(dt.date(2024, 6, 1), settings)}


def test_a_referral_to_a_programme_not_in_force_is_refused():
    with pytest.raises(RuleError, match="Thinking Skills Programme does not take referrals after"):
        check_in_force("TSP", BUILDING_CHOICES_FROM)
    with pytest.raises(RuleError, match="not an accredited programme"):
        programme("XYZ")


def test_every_programme_has_an_intensity_and_sessions():
    for p in CATALOGUE:
        assert p.intensities
        assert p.group_sessions + p.one_to_one_sessions > 0
