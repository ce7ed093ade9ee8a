"""Reads for tiers: gathering a person's tiering inputs, and the stored calculations.

``tier_inputs_build`` is the one place that turns stored facts into ``TierInputs``; the single
recalculation (``tier_inputs_get``) and the national bulk recalculation (which loads facts for a
batch of people at a time) both go through it, so they cannot disagree.

What is not stored yet, and so is passed as "none" (the tier page says so):
- sentences and requirements: the sentences app (issue 3) has not landed ⇒ no sentence ⇒ no mandate
  for change ⇒ change level 0 (tiering.md § Change level 1);
- previous enforcement activity: no breach or recall is recorded yet ⇒ False;
- RSR and OGRS: not stored per person yet ⇒ None, which tiering scores as 0.
"""

import datetime as dt
from collections.abc import Iterable

from probation.assessments.selectors import latest_completed_needs
from probation.people.models import Person
from probation.people.models.person import Gender as PersonGender
from probation.risk import tiering
from probation.risk.models import Registration
from probation.tiers.models import TierCalculation

TIERING_GENDER = {
    PersonGender.MALE: tiering.Gender.MALE,
    PersonGender.FEMALE: tiering.Gender.FEMALE,
    PersonGender.OTHER: tiering.Gender.OTHER,
    PersonGender.NOT_KNOWN: tiering.Gender.NOT_KNOWN,
}

# (register_type, registered_on, level, category): what tiering reads from an active registration.
RegistrationFacts = tuple[str, dt.date, str, str]
REGISTRATION_FIELDS = ("register_type", "registered_on", "level", "category")


def tier_registration(facts: RegistrationFacts) -> tiering.Registration:
    code, date, level, category = facts
    return tiering.Registration(code=code, date=date, level=level or None, category=category or None)


def tier_inputs_build(
    *,
    gender: str,
    registrations: Iterable[RegistrationFacts],
    needs: tiering.NeedsAssessment | None,
) -> tiering.TierInputs:
    """TierInputs from stored facts. Registrations are ordered so equal facts give equal inputs."""
    return tiering.TierInputs(
        gender=TIERING_GENDER[PersonGender(gender)],
        registrations=tuple(tier_registration(r) for r in sorted(registrations)),
        sentences=(),  # no sentences app yet (issue 3)
        previous_enforcement_activity=False,  # no breach or recall yet
        needs_assessment=needs,
        rsr_percentage=None,  # not stored per person yet ⇒ 0
        ogrs_percentage=None,  # not stored per person yet ⇒ 0
    )


def tier_inputs_get(*, person: Person) -> tiering.TierInputs:
    """The person's tiering inputs now: two queries (active registrations, latest completed needs)."""
    registrations = Registration.objects.active().filter(person=person).values_list(*REGISTRATION_FIELDS)
    return tier_inputs_build(
        gender=person.gender, registrations=list(registrations), needs=latest_completed_needs(person)
    )


def tier_history(*, person: Person) -> list[TierCalculation]:
    """Every stored calculation of the person, newest first (the person comes from people's scoped
    selector, so this only narrows to them)."""
    return list(TierCalculation.objects.filter(person=person).select_related("calculated_by__staff"))


def tier_latest(*, person_id: int) -> TierCalculation | None:
    return TierCalculation.objects.filter(person_id=person_id).order_by("-calculated_at", "-id").first()
