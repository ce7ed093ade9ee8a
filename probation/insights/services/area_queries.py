"""The grouped queries behind the area figures: each is one set-based query (GROUP BY team, PDU,
month and category) returning counts, never people. Rows: (team id or None, PDU id, month, category,
value)."""

import datetime as dt
from collections.abc import Iterator

from django.db.models import (
    Case,
    CharField,
    Count,
    Exists,
    F,
    OuterRef,
    Q,
    QuerySet,
    Value,
    When,
)
from django.db.models.functions import Concat, TruncMonth
from django.utils import timezone

from probation.assessments.models import Assessment
from probation.contacts.models import Contact, EnforcementCase
from probation.enforcement.models import Breach, Recall
from probation.insights import measures
from probation.insights.models import Measure
from probation.insights.services.needs_sql import has_need
from probation.people.models import Person
from probation.rules.offences.descriptions import offence_descriptions
from probation.rules.tiering.inputs import NeedSection
from probation.sentences.models import EventOffence, Sentence

Row = tuple[int | None, int, dt.date, str, int]
ORDER_TYPES = ("community_order", "suspended_sentence_order")


def _grouped(queryset: QuerySet, month: object, category: object, person: str = "person__") -> Iterator[Row]:
    values = queryset.values(
        in_team=F(f"{person}team_id"), in_pdu=F(f"{person}pdu_id"), month_start=month, cat=category
    ).annotate(value=Count("id"))
    for row in values.order_by():
        yield row["in_team"], row["in_pdu"], _as_date(row["month_start"]), row["cat"], row["value"]


def _as_date(value: dt.date | dt.datetime) -> dt.date:
    return value.date() if isinstance(value, dt.datetime) else value


def _midnight(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(), tzinfo=timezone.get_current_timezone())


def in_force_on(day: dt.date) -> Q:
    return Q(start_date__lte=day) & (Q(terminated_on__isnull=True) | Q(terminated_on__gt=day))


def caseload_by_sentence(month_ends: dict[dt.date, dt.date]) -> Iterator[Row]:
    """People under each type of sentence at the end of each month (or on the run date): one scan of
    the sentences, a conditional count per month."""
    started = min(month_ends.values())
    counts = {
        f"m{index}": Count("person_id", distinct=True, filter=in_force_on(day))
        for index, day in enumerate(month_ends.values())
    }
    values = (
        Sentence.objects.filter(Q(terminated_on__isnull=True) | Q(terminated_on__gt=started))
        .values(in_team=F("person__team_id"), in_pdu=F("person__pdu_id"), cat=F("type"))
        .annotate(**counts)
        .order_by()
    )
    months = list(month_ends)
    for row in values:
        for index, month in enumerate(months):
            if row[f"m{index}"]:
                yield row["in_team"], row["in_pdu"], month, row["cat"], row[f"m{index}"]


def _current_caseload(day: dt.date) -> QuerySet[Person]:
    return Person.objects.filter(Exists(Sentence.objects.filter(in_force_on(day), person=OuterRef("pk"))))


def caseload_by_tier(month: dt.date, day: dt.date) -> Iterator[Row]:
    tier = Case(When(tier="", then=Value(measures.UNTIERED)), default=F("tier"), output_field=CharField())
    yield from _grouped(_current_caseload(day), Value(month), tier, person="")


def offences_by_group(month: dt.date, day: dt.date) -> Iterator[Row]:
    """Main offences of the sentences in force, by Home Office offence group. The database counts per
    code; the code's group comes from the offence reference data (a few hundred codes, not people)."""
    groups = offence_descriptions()
    values = (
        EventOffence.objects.filter(main=True)
        .filter(Exists(Sentence.objects.filter(in_force_on(day), event_id=OuterRef("event_id"))))
        .values(in_team=F("event__person__team_id"), in_pdu=F("event__person__pdu_id"), code=F("ho_code"))
        .annotate(value=Count("id"))
        .order_by()
    )
    for row in values:
        described = groups.get(row["code"])
        group = described.group if described and described.group else measures.OTHER_OFFENCE
        yield row["in_team"], row["in_pdu"], month, group, row["value"]


def needs_prevalence(month: dt.date, day: dt.date) -> Iterator[Row]:
    """Of the caseload with a completed needs assessment, how many have each need (standard or severe)
    in their latest one."""
    later = Assessment.objects.completed().filter(
        person_id=OuterRef("person_id"), completed_at__gt=OuterRef("completed_at")
    )
    latest = (
        Assessment.objects.completed()
        .filter(~Exists(later))
        .filter(Exists(Sentence.objects.filter(in_force_on(day), person_id=OuterRef("person_id"))))
    )
    counts = {section.value: Count("id", filter=Q(has_need(section))) for section in NeedSection}
    values = (
        latest.values(in_team=F("person__team_id"), in_pdu=F("person__pdu_id"))
        .annotate(**{measures.ASSESSED: Count("id")}, **counts)
        .order_by()
    )
    for row in values:
        team, pdu = row.pop("in_team"), row.pop("in_pdu")
        for category, value in row.items():
            if value:
                yield team, pdu, month, category, value


def compliance(start: dt.date, end: dt.date) -> Iterator[Row]:
    """Appointments with an outcome, and failures to comply (the one rule), by month of the appointment."""
    window = Q(starts_at__gte=_midnight(start), starts_at__lt=_midnight(end + dt.timedelta(days=1)))
    month = TruncMonth("starts_at")
    with_outcome = Contact.objects.appointments().filter(window).exclude(outcome="")
    yield from _grouped(with_outcome, month, Value(measures.APPOINTMENTS))
    yield from _grouped(Contact.objects.failures_to_comply().filter(window), month, Value(measures.FAILURES))


def enforcement(start: dt.date, end: dt.date) -> Iterator[Row]:
    decided = EnforcementCase.objects.filter(decided_on__gte=start, decided_on__lte=end)
    yield from _grouped(decided, TruncMonth("decided_on"), F("status"))


def breaches(start: dt.date, end: dt.date) -> Iterator[Row]:
    initiated = Breach.objects.filter(initiated_on__gte=start, initiated_on__lte=end)
    yield from _grouped(initiated, TruncMonth("initiated_on"), Value(measures.INITIATED))
    ended = Breach.objects.filter(ended_on__gte=start, ended_on__lte=end)
    yield from _grouped(ended, TruncMonth("ended_on"), F("status"))


def recalls(start: dt.date, end: dt.date) -> Iterator[Row]:
    decided = Recall.objects.filter(decision="recall", decided_on__gte=start, decided_on__lte=end)
    reason = Case(
        When(charged_with_new_offence=True, then=Value("further_offence")),
        default=Value("licence_conditions"),
        output_field=CharField(),
    )
    yield from _grouped(decided, TruncMonth("decided_on"), reason)


def ended(start: dt.date, end: dt.date) -> Iterator[Row]:
    """Orders and licences that ended, by why."""
    kind = Case(
        When(type__in=ORDER_TYPES, then=Value("order")), default=Value("licence"), output_field=CharField()
    )
    category = Concat(kind, Value(":"), F("termination_reason"), output_field=CharField())
    terminated = Sentence.objects.filter(terminated_on__gte=start, terminated_on__lte=end)
    yield from _grouped(terminated, TruncMonth("terminated_on"), category)


FLOWS = {
    Measure.COMPLIANCE: compliance,
    Measure.ENFORCEMENT: enforcement,
    Measure.BREACH: breaches,
    Measure.RECALL: recalls,
    Measure.ENDED: ended,
}
SNAPSHOTS = {
    Measure.CASELOAD_TIER: caseload_by_tier,
    Measure.OFFENCE_GROUP: offences_by_group,
    Measure.NEEDS: needs_prevalence,
}
