"""Reads for the breach workflow. A person passed in has already come through people's scoped selector
(``case_get``) or ``person_for_change``, so case scope and limited access are applied; everything here
is filtered by that person, so another person's breach is "not found" exactly like a missing one."""

import datetime as dt

from django.db.models import Prefetch, QuerySet

from probation.contacts.models import Contact, EnforcementCase
from probation.contacts.models.contacts import FAILURE_TO_COMPLY, UNACCEPTABLE_OUTCOMES
from probation.core.clock import LONDON
from probation.core.errors import NotFound
from probation.enforcement.models import Breach
from probation.people.models import Person
from probation.rules.enforcement.compliance import ftc_reset_date
from probation.sentences.models import Requirement, Sentence


def uk_midnight(day: dt.date) -> dt.datetime:
    """The instant a UK calendar day starts: contacts are stored in UTC, the FTC window is in UK days."""
    return dt.datetime.combine(day, dt.time.min, tzinfo=LONDON)


def failures_since_sentence(*, sentence: Sentence) -> QuerySet[Contact]:
    """Every contact on the sentence with an unacceptable outcome: the compliance history, oldest first."""
    return (
        Contact.objects.filter(
            sentence=sentence, outcome__in=UNACCEPTABLE_OUTCOMES, cancelled_at__isnull=True
        )
        .select_related("officer", "enforcement")
        .order_by("starts_at", "id")
    )


def breach_candidate_failures(*, sentence: Sentence) -> QuerySet[Contact]:
    """The failures a breach may rely on: failures to comply (enforceable contacts, the same rule the
    count uses, so a breach never relies on what the compliance summary does not count) on or after the
    FTC reset date (the later of the sentence date and the end of the last breach, enforcement.md
    "Failures to comply")."""
    reset = ftc_reset_date(sentence.sentence_date, sentence.last_breach_ended_on)
    return (
        failures_since_sentence(sentence=sentence)
        .filter(FAILURE_TO_COMPLY)
        .filter(starts_at__gte=uk_midnight(reset))
    )


def warnings_given(*, sentence: Sentence) -> QuerySet[EnforcementCase]:
    """Warnings given on the sentence and not withdrawn, oldest first."""
    return EnforcementCase.objects.warnings().filter(sentence=sentence).order_by("decided_on", "id")


def requirement_list(*, sentence: Sentence) -> QuerySet[Requirement]:
    return Requirement.objects.filter(sentence=sentence).order_by("start_date", "id")


def breach_list(*, sentence: Sentence) -> QuerySet[Breach]:
    return Breach.objects.filter(sentence=sentence).order_by("-initiated_on", "-id")


def breach_get(*, person: Person, sentence_id: int, breach_id: int) -> Breach:
    breach = (
        Breach.objects.select_related("sentence__event", "initiated_by__staff")
        .prefetch_related(
            Prefetch("failures", queryset=Contact.objects.select_related("officer").order_by("starts_at"))
        )
        .filter(person=person, sentence_id=sentence_id, pk=breach_id)
        .first()
    )
    if breach is None:
        raise NotFound(breach_id)
    return breach
