"""Reads for the breach and recall workflows. A person passed in has already come through people's
scoped selector (``load_case``) or ``person_for_change``, so case scope and limited access are applied;
everything here is filtered by that person, so another person's sentence, breach or recall is
"not found" exactly like a missing one."""

import datetime as dt
from dataclasses import dataclass

from django.db.models import Prefetch, QuerySet

from probation.contacts.models import Contact, EnforcementCase
from probation.core.clock import LONDON
from probation.core.errors import NotFound
from probation.enforcement.models import Breach, Recall
from probation.mappa.selectors import mappa_registration_get
from probation.people.models import Person
from probation.rules.contacts.outcomes import OUTCOMES
from probation.rules.enforcement.compliance import ftc_reset_date
from probation.sentences.models import LicenceCondition, Requirement, Sentence

# Every outcome the outcomes table marks unacceptable (enforcement.md "Outcomes"): these are failures.
UNACCEPTABLE_OUTCOMES = tuple(code.value for code, row in OUTCOMES.items() if not row.acceptable)


def uk_midnight(day: dt.date) -> dt.datetime:
    """The instant a UK calendar day starts: contacts are stored in UTC, the FTC window is in UK days."""
    return dt.datetime.combine(day, dt.time.min, tzinfo=LONDON)


def sentence_get(*, person: Person, sentence_id: int) -> Sentence:
    sentence = Sentence.objects.select_related("event").filter(person=person, pk=sentence_id).first()
    if sentence is None:
        raise NotFound(sentence_id)
    return sentence


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
    """The failures a breach may rely on: those on or after the FTC reset date (the later of the
    sentence date and the end of the last breach, enforcement.md "Failures to comply")."""
    reset = ftc_reset_date(sentence.sentence_date, sentence.last_breach_ended_on)
    return failures_since_sentence(sentence=sentence).filter(starts_at__gte=uk_midnight(reset))


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


def recall_list(*, sentence: Sentence) -> QuerySet[Recall]:
    return Recall.objects.filter(sentence=sentence).order_by("-started_on", "-id")


def recall_get(*, person: Person, recall_id: int) -> Recall:
    recall = (
        Recall.objects.select_related("sentence__event", "licence", "started_by__staff", "decided_by__staff")
        .prefetch_related(
            Prefetch("breached_conditions", queryset=LicenceCondition.objects.order_by("ordinal"))
        )
        .filter(person=person, pk=recall_id)
        .first()
    )
    if recall is None:
        raise NotFound(recall_id)
    return recall


def licence_conditions(*, recall: Recall) -> QuerySet[LicenceCondition]:
    return LicenceCondition.objects.filter(licence=recall.licence).order_by("ordinal", "id")


@dataclass(frozen=True)
class MappaStatus:
    """The person's current MAPPA category and level (1–4, 1–3) from the active MAPP registration;
    both None when the person is not managed under MAPPA."""

    category: int | None
    level: int | None

    @property
    def label(self) -> str:
        if self.category is None and self.level is None:
            return "Not managed under MAPPA"
        return f"Category {self.category or '–'}, level {self.level or '–'}"


def _number(code: str) -> int | None:
    # Registration codes are "M1".."M4"; reference-data.md numbers them.
    return int(code[1:]) if code[1:].isdigit() else None


def mappa_status(*, person: Person) -> MappaStatus:
    registration = mappa_registration_get(person=person)
    if registration is None:
        return MappaStatus(category=None, level=None)
    return MappaStatus(category=_number(registration.category), level=_number(registration.level))
