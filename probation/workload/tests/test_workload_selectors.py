"""Each officer's workload from the database: case types from sentences, weightings by date,
reductions and contracted hours, report points from registered sources."""

import datetime as dt
from decimal import Decimal

import pytest

from probation.accounts.tests.factories import StaffFactory, UserFactory
from probation.people.tests.factories import PersonFactory
from probation.rules.workload.caseload import Case
from probation.rules.workload.points import CaseType, ReportType
from probation.rules.workload.tests.published import CASE_WEIGHTINGS, REPORT_WEIGHTINGS
from probation.workload.models import CaseWeighting
from probation.workload.report_sources import register_report_counts, unregister_report_counts
from probation.workload.selectors.caseload import caseload_counts, officer_workloads
from probation.workload.selectors.weightings import weightings_on
from probation.workload.tests.helpers import (
    ON,
    community_case,
    contract,
    custody_case,
    licence_case,
    reduce,
)

pytestmark = pytest.mark.django_db


def test_the_seeded_weightings_are_exactly_workload_md():
    weightings = weightings_on(ON)
    assert weightings.cases == CASE_WEIGHTINGS
    assert weightings.reports == REPORT_WEIGHTINGS


def test_a_weighting_change_applies_from_its_date_and_leaves_earlier_dates_alone():
    CaseWeighting.objects.create(
        tier="B2", case_type="community", points=120, effective_from=dt.date(2027, 4, 1)
    )

    assert weightings_on(dt.date(2027, 3, 31)).cases[("B2", CaseType.COMMUNITY)] == 115
    assert weightings_on(dt.date(2027, 4, 1)).cases[("B2", CaseType.COMMUNITY)] == 120


def test_case_types_come_from_current_sentences():
    officer = StaffFactory()
    community_case(officer, "A3")
    custody_case(officer, "A3")
    licence_case(officer, "A3")
    licence_case(officer, "C1", release_date=dt.date(2027, 1, 10))  # not released yet: custody
    PersonFactory(officer=officer, tier="D1")  # no sentence

    counts = caseload_counts([officer.pk], ON)[officer.pk]

    assert counts == {
        Case("A3", CaseType.COMMUNITY): 1,
        Case("A3", CaseType.CUSTODY): 1,
        Case("A3", CaseType.LICENCE): 1,
        Case("C1", CaseType.CUSTODY): 1,
        Case("D1", None): 1,
    }


def test_a_terminated_sentence_is_not_a_current_case_type():
    officer = StaffFactory()
    person = community_case(officer, "B2")
    person.sentences.update(terminated_on=dt.date(2026, 10, 1), termination_reason="completed")

    assert caseload_counts([officer.pk], ON)[officer.pk] == {Case("B2", None): 1}


def test_officer_workload_adds_points_and_applies_reductions_and_hours():
    officer = StaffFactory()
    by = UserFactory(staff=StaffFactory(team=officer.team, grade="SPO"), role="senior_po")
    community_case(officer, "A3")  # 206
    licence_case(officer, "B2")  # 132
    custody_case(officer, "C1")  # 23
    community_case(officer, "")  # untiered
    community_case(officer, "D2S")  # unsupervised: 0
    contract(officer, "30")
    reduce(officer, "1.8", by=by)
    reduce(officer, "10", by=by, ends_on=dt.date(2026, 6, 30))  # ended

    work = officer_workloads([officer], ON)[officer.pk]

    assert work.case_points == 206 + 132 + 23
    assert work.available_points == 1658
    assert work.capacity_percent == Decimal("21.8")  # 361 ÷ 1658 = 21.77…
    assert (work.case_count, work.untiered_count) == (5, 1)
    assert work.tier_mix == {"A": 1, "B": 1, "C": 1, "D": 0, "S": 1}


def test_an_officer_with_no_cases_has_all_capacity():
    officer = StaffFactory()
    work = officer_workloads([officer], ON)[officer.pk]
    assert (work.total_points, work.available_points, work.capacity_percent) == (0, 2176, Decimal("0.0"))


def test_report_points_come_from_registered_sources():
    officer = StaffFactory()

    def source(staff_ids, on):
        return {officer.pk: {ReportType.STANDARD_PSR: 2, ReportType.PAROLE: 1}}

    register_report_counts(source)
    try:
        work = officer_workloads([officer], ON)[officer.pk]
    finally:
        unregister_report_counts(source)

    assert work.report_points == 2 * 138 + 120
    assert work.total_points == 396
