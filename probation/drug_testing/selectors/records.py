"""Reads of a person's drug tests (the person comes from the scoped case selectors) and the officer's
pending decisions for My work."""

import datetime as dt
from typing import Any

from django.db.models import QuerySet

from probation.core.errors import NotFound
from probation.drug_testing.models import DrugTest
from probation.people.models import Person
from probation.rules.drug_testing.results import ResultState

DECISION_STATES = (ResultState.ADMITTED.value, ResultState.CONFIRMED_POSITIVE.value)


def drug_test_list(*, person: Person) -> QuerySet[DrugTest]:
    """The person's tests, newest first, with their results per substance (two queries)."""
    return (
        DrugTest.objects.filter(person=person)
        .select_related("tester")
        .prefetch_related("results")
        .order_by("-taken_at", "-id")
    )


def drug_test_get(*, person: Person, test_id: int) -> DrugTest:
    """One test of this person; another person's looks missing."""
    test = (
        DrugTest.objects.filter(person=person, pk=test_id)
        .select_related("tester", "decided_by", "contact", "requirement", "licence_condition")
        .prefetch_related("results", "events__actor")
        .first()
    )
    if test is None:
        raise NotFound(test_id)
    return test


def decisions_pending(people: QuerySet[Person]) -> list[dict[str, Any]]:
    """Confirmed or admitted positives awaiting the officer's decision among ``people`` (already
    scoped by people_visible_to), oldest first, in one query."""
    return [
        dict(row)
        for row in DrugTest.objects.filter(
            person__in=people.values("pk"), state__in=DECISION_STATES, decision=""
        )
        .order_by("taken_at", "id")
        .values(
            "id",
            "taken_at",
            "state",
            "person__crn",
            "person__first_name",
            "person__preferred_name",
            "person__surname",
        )
    ]


def tests_since(*, person: Person, since: dt.date) -> list[DrugTest]:
    return list(DrugTest.objects.filter(person=person, taken_at__date__gte=since).order_by("taken_at"))
