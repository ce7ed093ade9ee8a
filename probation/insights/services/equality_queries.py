"""The grouped queries behind equality monitoring (equality.md): for each outcome and equality
dimension, per PDU and group, how many people were at risk (the outcome's denominator) and how many
had the outcome. One set-based query per outcome and dimension; only counts come back."""

import datetime as dt
from collections.abc import Iterator

from django.db.models import Case, CharField, Count, Exists, Expression, F, OuterRef, Q, Value, When

from probation.enforcement.models import Breach, Recall
from probation.people.models import Disability, Person
from probation.rules.insights.groups import (
    AGE_BANDS,
    ETHNIC_GROUPS,
    NOT_STATED,
    RELIGIONS,
    SEXES,
    Dimension,
    born_on_or_before,
)
from probation.sentences.models import Licence, Requirement, Sentence

ORDER_TYPES = ("community_order", "suspended_sentence_order")
# (pdu id, outcome, dimension, group, people, with outcome)
EqualityRow = tuple[int, str, str, str, int, int]


def _text(*whens: When, default: Expression | str = NOT_STATED) -> Case:
    return Case(
        *whens,
        default=default if isinstance(default, Expression) else Value(default),
        output_field=CharField(),
    )


def group_expressions(start: dt.date, end: dt.date) -> dict[Dimension, Expression]:
    """Each person's group per dimension, as SQL (the twin of probation.rules.insights.groups)."""
    ages = [
        When(date_of_birth__lte=born_on_or_before(start, lowest), then=Value(key))
        for key, _, lowest, _ in reversed(AGE_BANDS)
        if lowest > 0
    ]
    disabled = Disability.objects.filter(person_id=OuterRef("pk"), start_date__lte=end).filter(
        Q(end_date__isnull=True) | Q(end_date__gte=start)
    )
    return {
        Dimension.ETHNICITY: _text(*[When(ethnicity__startswith=k, then=Value(k)) for k in ETHNIC_GROUPS]),
        Dimension.SEX: _text(When(gender__in=list(SEXES), then=F("gender"))),
        Dimension.AGE_BAND: _text(*ages, default=AGE_BANDS[0][0]),
        Dimension.DISABILITY: _text(When(Exists(disabled), then=Value("yes"))),
        Dimension.RELIGION: _text(When(religion__in=list(RELIGIONS), then=F("religion"))),
    }


def _orders_in_force(start: dt.date, end: dt.date) -> Exists:
    return Exists(
        Sentence.objects.filter(person_id=OuterRef("pk"), type__in=ORDER_TYPES, start_date__lte=end).filter(
            Q(terminated_on__isnull=True) | Q(terminated_on__gte=start)
        )
    )


def _on_licence(start: dt.date, end: dt.date) -> Exists:
    return Exists(
        Licence.objects.filter(sentence__person_id=OuterRef("pk"), release_date__lte=end).filter(
            Q(licence_expiry_date__isnull=True) | Q(licence_expiry_date__gte=start)
        )
    )


def _sentenced_to_order(start: dt.date, end: dt.date, **more: object) -> Exists:
    return Exists(
        Sentence.objects.filter(
            person_id=OuterRef("pk"), type__in=ORDER_TYPES, sentence_date__gte=start, sentence_date__lte=end
        ).filter(**more)
    )


def _orders_ended(start: dt.date, end: dt.date, **more: object) -> Exists:
    return Exists(
        Sentence.objects.filter(
            person_id=OuterRef("pk"), type__in=ORDER_TYPES, terminated_on__gte=start, terminated_on__lte=end
        ).filter(**more)
    )


def outcome_definitions(start: dt.date, end: dt.date) -> dict[str, tuple[Q | Exists, Q | Exists]]:
    """Outcome -> (who is at risk of it, who had it), over the period."""
    breached = Exists(
        Breach.objects.filter(person_id=OuterRef("pk"), initiated_on__gte=start, initiated_on__lte=end)
    )
    recalled = Exists(
        Recall.objects.filter(
            person_id=OuterRef("pk"), decision="recall", decided_on__gte=start, decided_on__lte=end
        )
    )
    unpaid_work = Exists(
        Requirement.objects.filter(
            sentence__person_id=OuterRef("pk"),
            sentence__type__in=ORDER_TYPES,
            sentence__sentence_date__gte=start,
            sentence__sentence_date__lte=end,
            type="unpaid_work",
        )
    )
    return {
        "breach": (_orders_in_force(start, end), breached),
        "recall": (_on_licence(start, end), recalled),
        "tier_ab": (~Q(tier=""), Q(tier__startswith="A") | Q(tier__startswith="B")),
        "unpaid_work": (_sentenced_to_order(start, end), unpaid_work),
        "early_termination": (
            _orders_ended(start, end),
            _orders_ended(start, end, termination_reason="early_good_progress"),
        ),
    }


def equality_rows(start: dt.date, end: dt.date) -> Iterator[EqualityRow]:
    """One grouped query per outcome (GROUP BY PDU and every dimension's group at once); each
    combination's counts are then added to each of its groups."""
    groups = group_expressions(start, end)
    names = {dimension: f"g_{dimension.value}" for dimension in groups}
    for outcome, (at_risk, had) in outcome_definitions(start, end).items():
        values = (
            Person.objects.filter(at_risk)
            .values(in_pdu=F("pdu_id"), **{names[d]: expression for d, expression in groups.items()})
            .annotate(people=Count("id"), with_outcome=Count("id", filter=had))
            .order_by()
        )
        totals: dict[tuple[int, str, str], list[int]] = {}
        for row in values:
            for dimension, name in names.items():
                counted = totals.setdefault((row["in_pdu"], dimension.value, row[name]), [0, 0])
                counted[0] += row["people"]
                counted[1] += row["with_outcome"]
        for (pdu, dimension_name, group), (people, with_outcome) in totals.items():
            yield pdu, outcome, dimension_name, group, people, with_outcome
