"""A case's referrals, read by staff who may see the case (the case shell has loaded the person
through people.policy), and what the referral form offers."""

from django.db.models import Q, QuerySet

from probation.accounts.models import User
from probation.accounts.policy import Permission
from probation.core.errors import NotFound
from probation.people.models import Person
from probation.people.policy import can_change_case
from probation.referrals.models import Provider, Referral
from probation.rules.sentences.requirements import RequirementType
from probation.sentences.models import Requirement, Sentence


def may_refer(user: User, person: Person) -> bool:
    """The case's officers and managers in its managing PDU refer, approve plans and end referrals."""
    return can_change_case(user, person, Permission.REFERRAL_MANAGE)


def case_referrals(*, person: Person) -> QuerySet[Referral]:
    return Referral.objects.filter(person=person).select_related("provider")


def case_referral_get(*, person: Person, referral_id: int) -> Referral:
    referral = (
        Referral.objects.filter(person=person, pk=referral_id)
        .select_related("provider", "practitioner__staff", "requirement", "ended_by")
        .prefetch_related("categories", "action_plans__submitted_by", "action_plans__approved_by", "sessions")
        .first()
    )
    if referral is None:
        raise NotFound(referral_id)
    return referral


def providers_for(person: Person) -> QuerySet[Provider]:
    """Providers holding a contract in the region of the case's managing PDU."""
    return Provider.objects.filter(region_id=person.pdu.region_id)


def live_sentences(person: Person) -> QuerySet[Sentence]:
    return Sentence.objects.filter(person=person, terminated_on__isnull=True)


def rar_requirements(person: Person) -> QuerySet[Requirement]:
    return Requirement.objects.filter(
        Q(terminated_on__isnull=True),
        sentence__person=person,
        sentence__terminated_on__isnull=True,
        type=RequirementType.REHABILITATION_ACTIVITY,
    ).select_related("sentence")
