"""The nightly aggregation: every figure counted once per area at each level (team, PDU, region,
country), failures to comply by the one rule, equality counts by group, and nothing personal stored."""

import datetime as dt

import pytest
from django.core.management import call_command

from probation.insights.models import AggregationRun, AreaFigure, EqualityFigure
from probation.insights.services.aggregation import aggregate, equality_period
from probation.insights.tests.world import (
    AS_OF,
    MAY,
    assessed,
    attend,
    breach,
    build_world,
    case,
    licence_case,
    with_unpaid_work,
)
from probation.people.models import Disability

pytestmark = pytest.mark.django_db
MAY_1 = dt.date(2026, 5, 1)
DECEMBER = dt.date(2026, 12, 1)


def figure(level, code, measure, month, category):
    row = AreaFigure.objects.filter(
        level=level, area_code=code, measure=measure, month=month, category=category
    ).first()
    return row.value if row else 0


def test_caseload_is_counted_per_team_pdu_region_and_country():
    world = build_world()
    case(world.team, tier="B2")
    case(world.team, tier="")
    case(world.other_team, tier="A1")

    aggregate(as_of=AS_OF)

    assert figure("team", "TNE1", "caseload_sentence", DECEMBER, "community_order") == 2
    assert figure("pdu", "PNE1", "caseload_sentence", DECEMBER, "community_order") == 2
    assert figure("region", "RNE", "caseload_sentence", DECEMBER, "community_order") == 3
    assert figure("country", "EW", "caseload_sentence", DECEMBER, "community_order") == 3
    assert figure("team", "TNE1", "caseload_tier", DECEMBER, "untiered") == 1
    assert figure("region", "RNE", "caseload_tier", DECEMBER, "A1") == 1
    assert figure("pdu", "PNE2", "offence_group", DECEMBER, "Violence against the person") == 1


def test_caseload_by_sentence_is_rebuilt_for_past_months_from_sentence_dates():
    world = build_world()
    case(world.team, sentence_date=dt.date(2026, 3, 2))

    aggregate(as_of=AS_OF)

    assert figure("pdu", "PNE1", "caseload_sentence", dt.date(2026, 2, 1), "community_order") == 0
    assert figure("pdu", "PNE1", "caseload_sentence", dt.date(2026, 3, 1), "community_order") == 1


def test_compliance_counts_appointments_and_failures_to_comply_by_the_one_rule():
    world = build_world()
    order = case(world.team)
    attend(order, "ATTC")
    attend(order, "UAAB")  # unacceptable absence: a failure
    attend(order, "AAAB")  # acceptable absence: not a failure
    attend(order, "")  # no outcome yet: not counted

    aggregate(as_of=AS_OF)

    assert figure("team", "TNE1", "compliance", MAY_1, "appointments") == 3
    assert figure("team", "TNE1", "compliance", MAY_1, "failures") == 1


def test_breaches_recalls_and_endings_are_counted_in_the_month_they_happened():
    world = build_world()
    order = case(world.team)
    breach(order, on=dt.date(2026, 6, 3), status="proven_order_continues", ended_on=dt.date(2026, 7, 9))
    licence_case(world.team, recalled_on=dt.date(2026, 8, 4), further_offence=True)
    licence_case(world.team, recalled_on=dt.date(2026, 8, 5))
    ended = case(world.other_team)
    ended.terminated_on, ended.termination_reason = dt.date(2026, 9, 30), "early_good_progress"
    ended.save()

    aggregate(as_of=AS_OF)

    assert figure("pdu", "PNE1", "breach", dt.date(2026, 6, 1), "initiated") == 1
    assert figure("pdu", "PNE1", "breach", dt.date(2026, 7, 1), "proven_order_continues") == 1
    assert figure("pdu", "PNE1", "recall", dt.date(2026, 8, 1), "further_offence") == 1
    assert figure("pdu", "PNE1", "recall", dt.date(2026, 8, 1), "licence_conditions") == 1
    assert figure("region", "RNE", "ended", dt.date(2026, 9, 1), "order:early_good_progress") == 1


def test_needs_come_from_each_persons_latest_completed_assessment():
    world = build_world()
    first, second = case(world.team).person, case(world.team).person
    homeless = {"accommodation": {"no_fixed_abode_or_transient": "yes"}}  # 2 ≥ standard 2
    assessed(first, homeless, completed=MAY - dt.timedelta(days=30))
    assessed(first, {"accommodation": {"suitability": "some"}})  # later: 1 < 2, no need
    assessed(second, homeless)

    aggregate(as_of=AS_OF)

    assert figure("team", "TNE1", "needs", DECEMBER, "assessed") == 2
    assert figure("team", "TNE1", "needs", DECEMBER, "accommodation") == 1


def test_a_second_run_replaces_the_figures_and_keeps_earlier_snapshots():
    world = build_world()
    case(world.team, tier="B2")
    aggregate(as_of=dt.date(2026, 11, 20))
    case(world.team, tier="B2")

    aggregate(as_of=AS_OF)
    aggregate(as_of=AS_OF)

    november = dt.date(2026, 11, 1)
    assert figure("team", "TNE1", "caseload_tier", november, "B2") == 1
    assert figure("team", "TNE1", "caseload_tier", DECEMBER, "B2") == 2
    assert AggregationRun.objects.count() == 3


def test_equality_counts_people_at_risk_and_with_the_outcome_per_group():
    world = build_world()
    start, end = equality_period(AS_OF)
    breached = case(world.team, ethnicity="B1", date_of_birth=dt.date(2000, 1, 1))
    breach(breached, on=dt.date(2026, 6, 3))
    case(world.team, ethnicity="W1")
    case(world.other_team, ethnicity="NS", religion="NS")
    disabled = case(world.other_team, ethnicity="")
    Disability.objects.create(
        person=disabled.person, disability_type="hearing", start_date=dt.date(2020, 1, 1)
    )

    aggregate(as_of=AS_OF)

    rows = {
        (r.level, r.area_code, r.dimension, r.group): (r.with_outcome, r.people)
        for r in EqualityFigure.objects.filter(outcome="breach", period_start=start, period_end=end)
    }
    assert rows[("pdu", "PNE1", "ethnicity", "B")] == (1, 1)
    assert rows[("pdu", "PNE1", "ethnicity", "W")] == (0, 1)
    assert rows[("region", "RNE", "ethnicity", "not_stated")] == (0, 2)
    assert rows[("country", "EW", "religion", "not_stated")] == (1, 4)
    assert rows[("country", "EW", "disability", "yes")] == (0, 1)
    assert start == dt.date(2025, 12, 1)
    assert rows[("country", "EW", "age_band", "35_49")] == (0, 3)  # born 1985: 40 at the start
    assert rows[("country", "EW", "age_band", "25_34")] == (1, 1)  # born 2000: 25 at the start
    assert not any(level == "team" for level, *_ in rows)


def test_equality_outcomes_use_their_own_denominators():
    world = build_world()
    with_upw = case(world.team, sentence_date=dt.date(2026, 2, 10))
    with_unpaid_work(with_upw)
    case(world.team, sentence_date=dt.date(2026, 2, 11))
    case(world.team, sentence_date=dt.date(2024, 2, 11))  # sentenced before the period
    licence_case(world.team, recalled_on=dt.date(2026, 8, 4))

    aggregate(as_of=AS_OF)

    def totals(outcome):
        rows = EqualityFigure.objects.filter(outcome=outcome, level="country", dimension="sex")
        return sum(r.with_outcome for r in rows), sum(r.people for r in rows)

    assert totals("unpaid_work") == (1, 2)
    assert totals("recall") == (1, 1)
    assert totals("tier_ab") == (3, 3)  # three B2 cases; the licence case has no tier yet


def test_the_command_runs_the_aggregation_and_says_what_it_wrote(capsys):
    build_world()

    call_command("aggregate_insights", "--as-of", "2026-12-03")

    assert "Figures as of 03 December 2026" in capsys.readouterr().out
    assert AggregationRun.objects.get().as_of == AS_OF


def _queries_of_a_run():
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        aggregate(as_of=AS_OF)
    return len([q for q in captured.captured_queries if not q["sql"].startswith("INSERT")])


def test_the_aggregation_reads_in_a_fixed_number_of_queries_however_many_people():
    world = build_world()
    case(world.team)
    few = _queries_of_a_run()
    for n in range(6):
        order = case(world.team if n % 2 else world.other_team, ethnicity="A1")
        attend(order, "UAAB")
        breach(order, on=dt.date(2026, 6, 3))

    many = _queries_of_a_run()

    assert many == few
