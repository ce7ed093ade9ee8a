"""Reads for the enforcement action pages: an enforcement case with its history, and the warning
letter's address. A person passed in has already come through people's scoped selector (``case_get``)
or ``person_for_change``; every read is tied to that person, so another person's enforcement case is
"not found" exactly like a missing one."""

from django.db.models import Prefetch, QuerySet

from probation.accounts.models import OfficeLocation, Staff
from probation.contacts.models import EnforcementCase, EnforcementStep
from probation.core.errors import NotFound
from probation.people.models import Person
from probation.sentences.models import Sentence


def enforcement_case_history_list(*, sentence: Sentence) -> QuerySet[EnforcementCase]:
    """Every enforcement case of the sentence with its steps (one prefetch), newest failure first."""
    steps = EnforcementStep.objects.select_related("actor__staff").order_by("at", "id")
    return (
        EnforcementCase.objects.filter(sentence=sentence)
        .select_related("contact", "decided_by__staff")
        .prefetch_related(Prefetch("steps", queryset=steps))
        .order_by("-failure_date", "-id")
    )


def enforcement_case_get(*, person: Person, case_id: int) -> EnforcementCase:
    """One enforcement case of this person, with what its pages show; another person's is "not found"."""
    case = (
        EnforcementCase.objects.filter(person=person, pk=case_id)
        .select_related("contact", "sentence", "decided_by__staff__team")
        .first()
    )
    if case is None:
        raise NotFound(case_id)
    return case


def letter_office(*, staff: Staff | None) -> OfficeLocation | None:
    """The office a letter from ``staff`` gives as its return address: their team's first office."""
    if staff is None:
        return None
    return OfficeLocation.objects.filter(teams=staff.team_id).order_by("code").first()


def main_address_lines(*, person: Person) -> list[str]:
    address = person.addresses.filter(status="main", end_date__isnull=True).first()
    return address.lines if address is not None else []
