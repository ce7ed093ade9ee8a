"""Reads of referrals: a case's (the person from people's scoped selectors), and a PDU's waiting
list for its treatment managers (limited access applied: a case the user may not open shows only as
"Restricted" with its CRN)."""

import datetime as dt
from dataclasses import dataclass

from django.db.models import QuerySet

from probation.accounts.models import User
from probation.accounts.policy import Permission, has_permission
from probation.core.clock import today_uk
from probation.core.errors import NotFound
from probation.people.models import Person
from probation.people.policy import people_listable_to
from probation.programmes.models import Referral
from probation.rules.programmes.delivery import Status
from probation.rules.sentences.requirements import RequirementType
from probation.sentences.models import Requirement


def staff_pdu_id(user: User) -> int:
    return user.staff.team.pdu_id if user.staff is not None else 0


def case_referrals(*, person: Person) -> list[Referral]:
    return list(
        Referral.objects.filter(person=person)
        .select_related("requirement", "referred_by", "assessed_by", "participant__group")
        .order_by("-referred_on", "-id")
    )


def case_referral_get(*, person: Person, referral_id: int) -> Referral:
    referral = Referral.objects.filter(person=person, pk=referral_id).select_related("requirement").first()
    if referral is None:
        raise NotFound(referral_id)
    return referral


def programme_requirements(*, person: Person) -> QuerySet[Requirement]:
    """The person's active accredited-programme requirements (what a referral carries out)."""
    return (
        Requirement.objects.filter(
            sentence__person=person, type=RequirementType.ACCREDITED_PROGRAMME, terminated_on__isnull=True
        )
        .select_related("sentence")
        .order_by("start_date", "id")
    )


@dataclass(frozen=True)
class WaitingRow:
    referral: Referral
    crn: str
    name: str
    restricted: bool
    waited_days: int

    @property
    def waited(self) -> str:
        weeks, days = divmod(self.waited_days, 7)
        if weeks == 0:
            return f"{days} day{'s' if days != 1 else ''}"
        return f"{weeks} week{'s' if weeks != 1 else ''}" + (
            f" {days} day{'s' if days != 1 else ''}" if days else ""
        )


def waiting_list(*, user: User, programme: str = "", size: int = 200) -> dict[str, list[WaitingRow]]:
    """The PDU's referrals awaiting assessment and, suitable, awaiting allocation, longest wait first,
    by status (two queries). Wait is counted from the referral (awaiting assessment) or from the day the
    person was found suitable (the waiting list)."""
    if not has_permission(user, Permission.PROGRAMME_MANAGE):
        raise NotFound("waiting list")
    referrals = Referral.objects.filter(
        pdu_id=staff_pdu_id(user), status__in=[Status.AWAITING_ASSESSMENT, Status.AWAITING_ALLOCATION]
    ).select_related("person")
    if programme:
        referrals = referrals.filter(programme=programme)
    rows_in = list(referrals.order_by("suitable_from", "referred_on", "id")[:size])
    ids = {r.person_id for r in rows_in}
    denied = {
        p["pk"]
        for p in people_listable_to(user, Person.objects.filter(pk__in=ids)).values(
            "pk", "lao_excluded", "lao_restricted"
        )
        if p["lao_excluded"] or p["lao_restricted"]
    }
    today = today_uk()
    out: dict[str, list[WaitingRow]] = {Status.AWAITING_ASSESSMENT: [], Status.AWAITING_ALLOCATION: []}
    for referral in rows_in:
        person = referral.person
        hidden = person.pk in denied
        since: dt.date = referral.suitable_from or referral.referred_on
        out[referral.status].append(
            WaitingRow(
                referral,
                person.crn,
                "Restricted" if hidden else f"{person.first_name} {person.surname}",
                hidden,
                (today - since).days,
            )
        )
    for rows in out.values():
        rows.sort(key=lambda r: -r.waited_days)
    return out
