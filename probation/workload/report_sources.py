"""Where report points come from (workload.md § Other work: standard pre-sentence report 138 points,
short-format report 65, parole report 120).

The apps that hold reports (pre-sentence reports in ``probation.reports``, parole reports with custody)
register a source here; workload asks every source once per page for all the officers shown, so a page
costs one query per source however many officers it lists. A source is::

    def open_report_counts(staff_ids: Collection[int], on: date) -> Mapping[int, Mapping[ReportType, int]]

returning, per officer id, how many reports of each type (probation.rules.workload.points.ReportType)
they are writing on ``on`` (officers with none may be left out). Register it from an ``AppConfig.ready``:

- an app *above* workload in the layers calls ``register_report_counts(its_source)`` itself;
- an app *below* workload cannot import it, so workload's own ``ready`` registers that app's function.

See docs/how-to/workload-report-points.md.
"""

import datetime as dt
from collections import Counter
from collections.abc import Callable, Collection, Mapping

from probation.rules.workload.points import ReportType

ReportCountSource = Callable[[Collection[int], dt.date], Mapping[int, Mapping[ReportType, int]]]
_sources: list[ReportCountSource] = []


def register_report_counts(source: ReportCountSource) -> ReportCountSource:
    if source not in _sources:
        _sources.append(source)
    return source


def unregister_report_counts(source: ReportCountSource) -> None:
    """For tests that register a source for one test."""
    if source in _sources:
        _sources.remove(source)


def report_counts(staff_ids: Collection[int], on: dt.date) -> dict[int, Counter[ReportType]]:
    """Every source's counts added up per officer (an officer with no reports has an empty Counter)."""
    totals: dict[int, Counter[ReportType]] = {staff_id: Counter() for staff_id in staff_ids}
    if not staff_ids:
        return totals
    for source in _sources:
        for staff_id, counts in source(staff_ids, on).items():
            if staff_id in totals:
                totals[staff_id].update({ReportType(kind): count for kind, count in counts.items()})
    return totals
