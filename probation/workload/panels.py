"""The allocate page's candidates (workload.md: "When allocating a case, show each candidate's capacity
now and after taking the case"), with whether their grade may hold the case at its RoSH level
(reference-data.md § Allocation: the PO/PSO guard), shown before choosing."""

from dataclasses import dataclass
from typing import Any

from probation.accounts.models import Staff
from probation.core.clock import today_uk
from probation.core.panels import Panel
from probation.people.models import Person
from probation.people.services.allocation import grade_refusal
from probation.workload.presenters.capacity import CapacityBar, capacity_bar, points_text
from probation.workload.selectors.caseload import officer_workloads, person_points
from probation.workload.selectors.weightings import weightings_on


@dataclass(frozen=True)
class CandidateRow:
    name: str
    grade: str
    team: str
    case_count: int
    now: CapacityBar
    after: CapacityBar
    points_now: str
    points_after: str
    refusal: str  # why this officer's grade cannot hold the case; "" when it can

    @property
    def suitable(self) -> bool:
        return not self.refusal


def _sort_key(row: CandidateRow) -> tuple[bool, bool, Any, str]:
    percent = row.now.percent
    return (not row.suitable, percent is None, percent if percent is not None else 0, row.name)


def allocation_candidates_panel(*, person: Person, officers: list[Staff], **kwargs: Any) -> Panel:
    """Every candidate with capacity now and after, most capacity first, those who may not hold the
    case last. Six queries however many officers: weightings (2), the case's type (1), the officers'
    cases (1), reductions (1), contracted hours (1), and one per registered report source."""
    on = today_uk()
    weightings = weightings_on(on)
    added = person_points(person, on, weightings)
    workloads = officer_workloads(officers, on, weightings)
    rows = []
    for officer in officers:
        work = workloads[officer.pk]
        after_total = work.total_points + (added or 0)
        rows.append(
            CandidateRow(
                name=officer.name,
                grade=officer.get_grade_display(),
                team=officer.team.name,
                case_count=work.case_count,
                now=capacity_bar(work.capacity_percent, work.total_points),
                after=capacity_bar(work.capacity_after(added or 0), after_total),
                points_now=points_text(work),
                points_after=f"{after_total:,} of {work.available_points:,}",
                refusal=grade_refusal(officer.grade, person.rosh_level),
            )
        )
    rows.sort(key=_sort_key)
    return Panel(
        "workload/_allocate_candidates.html",
        {"rows": rows, "case_points": added, "untiered": added is None, "tier": person.tier},
    )
