"""Each officer's workload on a date in a fixed number of queries, however many officers and cases:
the officers' cases grouped by tier and case type (one query), their reductions in force (one), the
weightings in force (two) and each registered report source (one each)."""

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from decimal import Decimal

from django.db.models import Case as CaseWhen
from django.db.models import CharField, Count, Exists, OuterRef, Q, Value, When
from django.db.models.expressions import Expression

from probation.accounts.models import Staff
from probation.people.models import Person
from probation.rules.workload.capacity import Reduction as ReductionPeriod
from probation.rules.workload.caseload import Case, Workload, workload
from probation.rules.workload.points import CaseType, case_points
from probation.sentences.models import Sentence
from probation.sentences.models.choices import SentenceType
from probation.workload.models import ContractedHours, Reduction
from probation.workload.models.reductions import FULL_TIME_HOURS
from probation.workload.report_sources import report_counts
from probation.workload.selectors.weightings import Weightings, weightings_on


def case_type_on(on: dt.date) -> Expression:
    """The case type of a person (a ``people_person`` row) on ``on``, from their current sentences:
    in custody (a current custodial sentence not yet released on licence), else on licence or
    post-sentence supervision, else a community or suspended sentence order; "" with no current
    sentence. Custody comes first: someone in prison is supervised as a custody case whatever else
    they are serving (ADR 0031)."""
    current = Sentence.objects.filter(person=OuterRef("pk"), terminated_on__isnull=True)
    in_custody = current.filter(type=SentenceType.CUSTODIAL).filter(
        Q(licence__isnull=True) | Q(licence__release_date__gt=on)
    )
    on_licence = current.filter(
        Q(type=SentenceType.POST_SENTENCE_SUPERVISION) | Q(licence__release_date__lte=on)
    )
    community = current.filter(type__in=[SentenceType.COMMUNITY_ORDER, SentenceType.SUSPENDED_SENTENCE_ORDER])
    return CaseWhen(
        When(Exists(in_custody), then=Value(CaseType.CUSTODY.value)),
        When(Exists(on_licence), then=Value(CaseType.LICENCE.value)),
        When(Exists(community), then=Value(CaseType.COMMUNITY.value)),
        default=Value(""),
        output_field=CharField(),
    )


def case_of(tier: str, case_type: str) -> Case:
    return Case(tier, CaseType(case_type) if case_type else None)


def caseload_counts(officer_ids: Iterable[int], on: dt.date) -> dict[int, dict[Case, int]]:
    """One query: each officer's cases counted by tier and case type."""
    rows = (
        Person.objects.filter(officer_id__in=list(officer_ids))
        .annotate(case_type=case_type_on(on))
        .values("officer_id", "tier", "case_type")
        .annotate(n=Count("id"))
        .order_by()
    )
    counts: dict[int, dict[Case, int]] = defaultdict(dict)
    for row in rows:
        case = case_of(row["tier"], row["case_type"])
        counts[row["officer_id"]][case] = counts[row["officer_id"]].get(case, 0) + row["n"]
    return counts


def reductions_in_force(officer_ids: Iterable[int], on: dt.date) -> dict[int, list[ReductionPeriod]]:
    found: dict[int, list[ReductionPeriod]] = defaultdict(list)
    rows = Reduction.objects.in_force_on(on).filter(staff_id__in=list(officer_ids))
    for staff_id, hours, starts_on, ends_on in rows.values_list("staff_id", "hours", "starts_on", "ends_on"):
        found[staff_id].append(ReductionPeriod(hours, starts_on, ends_on))
    return found


def contracted_hours(officer_ids: Iterable[int]) -> dict[int, Decimal]:
    """One query; an officer with no row works full time (37 hours)."""
    rows = ContractedHours.objects.filter(staff_id__in=list(officer_ids)).values_list("staff_id", "hours")
    return dict(rows)


def officer_workloads(
    officers: list[Staff], on: dt.date, weightings: Weightings | None = None
) -> dict[int, Workload]:
    """Each officer's workload on ``on``, in a fixed number of queries however many officers."""
    weightings = weightings or weightings_on(on)
    ids = [officer.pk for officer in officers]
    hours = contracted_hours(ids)
    cases = caseload_counts(ids, on)
    reductions = reductions_in_force(ids, on)
    reports = report_counts(ids, on)
    return {
        officer.pk: workload(
            cases=cases.get(officer.pk, {}),
            reports=reports.get(officer.pk, {}),
            contracted_hours=hours.get(officer.pk, FULL_TIME_HOURS),
            reductions=reductions.get(officer.pk, []),
            on=on,
            case_weightings=weightings.cases,
            report_weightings=weightings.reports,
        )
        for officer in officers
    }


def person_points(person: Person, on: dt.date, weightings: Weightings) -> int | None:
    """What one case would add to a caseload (None: untiered, so nothing until it has a tier)."""
    case_type = Person.objects.filter(pk=person.pk).annotate(case_type=case_type_on(on))
    kind = case_type.values_list("case_type", flat=True).first() or ""
    case = case_of(person.tier, kind)
    return case_points(case.tier, case.case_type, weightings.cases)
