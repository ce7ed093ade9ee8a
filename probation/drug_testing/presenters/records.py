"""Display of a person's drug tests: the list rows, the trend figures (drug-testing.md § What a result
triggers: tests in period, share not clean, substances, admitted vs confirmed), the results chart over
time with its table alternative, the DRR testing schedule and alcohol monitoring days."""

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from probation.contacts.times import local
from probation.drug_testing.models import DrugTest
from probation.frontend.charts import BarChart, vertical_bar_chart
from probation.rules.calendar.periods import add_months
from probation.rules.drug_testing.bases import BASIS_LABELS, METHOD_LABELS, Basis, Method
from probation.rules.drug_testing.results import STATE_LABELS, ResultState, decision_required
from probation.rules.drug_testing.schedule import AAMR_MAX_DAYS, MonitoringDays, aamr_monitoring, drr_schedule
from probation.rules.drug_testing.substances import SUBSTANCE_LABELS, Substance
from probation.sentences.models import Requirement

NOT_CLEAN = frozenset(
    {ResultState.ADMITTED, ResultState.CONFIRMED_POSITIVE, ResultState.REFUSED, ResultState.TAMPERED}
)
STATE_COLOURS = {
    ResultState.NEGATIVE: "green",
    ResultState.PRESUMPTIVE: "yellow",
    ResultState.AWAITING_LAB: "grey",
    ResultState.UNUSABLE: "grey",
    ResultState.NOT_TESTED: "grey",
    ResultState.ADMITTED: "red",
    ResultState.CONFIRMED_POSITIVE: "red",
    ResultState.REFUSED: "red",
    ResultState.TAMPERED: "red",
}


def substance_names(values: Iterable[str]) -> str:
    return ", ".join(SUBSTANCE_LABELS[Substance(v)] for v in values) or "None"


@dataclass(frozen=True)
class DrugTestRow:
    id: int
    taken_at: dt.datetime
    basis: str
    method: str
    state: str
    colour: str
    positives: str
    awaiting_decision: bool


def drug_test_rows(tests: Sequence[DrugTest]) -> list[DrugTestRow]:
    rows = []
    for test in tests:
        state = ResultState(test.state)
        positive = [
            r.substance
            for r in test.results.all()
            if "non_negative" in (r.instant, r.screening, r.confirmation)
        ]
        rows.append(
            DrugTestRow(
                id=test.pk,
                taken_at=test.taken_at,
                basis=BASIS_LABELS[Basis(test.basis)],
                method=METHOD_LABELS[Method(test.method)],
                state=STATE_LABELS[state],
                colour=STATE_COLOURS[state],
                positives=substance_names(sorted(positive)) if positive else "",
                awaiting_decision=decision_required(state) and not test.decision,
            )
        )
    return rows


@dataclass(frozen=True)
class Trend:
    tests: int
    not_clean: int
    presumptive: int
    admitted: int
    confirmed: int
    substances: str

    @property
    def share_not_clean(self) -> str:
        return f"{round(100 * self.not_clean / self.tests)}%" if self.tests else "–"


def trend(tests: Sequence[DrugTest]) -> Trend:
    states = Counter(ResultState(t.state) for t in tests)
    found: Counter[str] = Counter()
    for test in tests:
        if ResultState(test.state) in (
            ResultState.CONFIRMED_POSITIVE,
            ResultState.ADMITTED,
            ResultState.PRESUMPTIVE,
        ):
            for r in test.results.all():
                if "non_negative" in (r.instant, r.screening, r.confirmation):
                    found[r.substance] += 1
            for substance in test.admitted_substances:
                found[substance] += 0
    return Trend(
        tests=len(tests),
        not_clean=sum(states[s] for s in NOT_CLEAN),
        presumptive=states[ResultState.PRESUMPTIVE],
        admitted=states[ResultState.ADMITTED],
        confirmed=states[ResultState.CONFIRMED_POSITIVE],
        substances=", ".join(f"{SUBSTANCE_LABELS[Substance(s)]} ({n})" for s, n in found.most_common())
        or "None",
    )


@dataclass(frozen=True)
class MonthRow:
    label: str
    tests: int
    not_clean: int
    presumptive: int


def month_rows(tests: Sequence[DrugTest], *, today: dt.date, months: int = 12) -> list[MonthRow]:
    """The last ``months`` calendar months, oldest first."""
    first = add_months(today.replace(day=1), -(months - 1))
    counts: dict[tuple[int, int], Counter[str]] = {}
    for test in tests:
        taken = local(test.taken_at).date()
        if taken >= first:
            counts.setdefault((taken.year, taken.month), Counter())[test.state] += 1
    rows = []
    for index in range(months):
        month = add_months(first, index)
        c = counts.get((month.year, month.month), Counter())
        rows.append(
            MonthRow(
                label=f"{month:%b %Y}",
                tests=sum(c.values()),
                not_clean=sum(c[s.value] for s in NOT_CLEAN),
                presumptive=c[ResultState.PRESUMPTIVE.value],
            )
        )
    return rows


def results_chart(rows: Sequence[MonthRow]) -> BarChart:
    return vertical_bar_chart(
        id="drug-test-chart",
        title="Tests not clean each month, of tests taken",
        description=(
            "Bar chart: each bar is one month, its height the number of tests not clean (confirmed or "
            "admitted positive, refused or tampered), labelled 'not clean of taken'; the table after it "
            "gives the same figures."
        ),
        points=[(r.label[:3], r.not_clean, f"{r.not_clean}/{r.tests}" if r.tests else "–") for r in rows],
        maximum=max([r.tests for r in rows] + [1]),
        caption="A dash means no test that month.",
    )


@dataclass(frozen=True)
class Schedule:
    requirement: Requirement
    summary: str
    upcoming: list[dt.date]
    due: int  # tests due so far
    taken: int  # tests taken under this requirement


def drr_schedules(
    requirements: Sequence[Requirement], tests: Sequence[DrugTest], *, today: dt.date
) -> list[Schedule]:
    schedules = []
    for req in requirements:
        # The requirement's end, else the order's expected end, else six months (the shortest DRR).
        end = req.end_date or req.sentence.expected_end_date or add_months(req.start_date, 6)
        dates = drr_schedule(start=req.start_date, end=end)
        taken = sum(1 for t in tests if t.requirement_id == req.pk)
        schedules.append(
            Schedule(
                requirement=req,
                summary="Twice a week for the first 4 weeks, then weekly",
                upcoming=[d for d in dates if d >= today][:6],
                due=sum(1 for d in dates if d <= today),
                taken=taken,
            )
        )
    return schedules


def monitoring(requirements: Sequence[Requirement], *, today: dt.date) -> list[MonitoringDays]:
    """Monitoring days of each alcohol abstinence requirement: from its start to its end date (at most
    120 days; the maximum when no end date is recorded)."""
    result = []
    for req in requirements:
        days = AAMR_MAX_DAYS
        if req.end_date is not None:
            days = max(1, min(AAMR_MAX_DAYS, (req.end_date - req.start_date).days + 1))
        result.append(aamr_monitoring(start=req.start_date, ordered_days=days, today=today))
    return result
