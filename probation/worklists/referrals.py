"""My work's "Commissioned services" section: referrals on the officer's caseload whose provider flagged
a session to tell the practitioner about (until read) or whose action plan awaits approval, each
opening the referral. Two queries whatever the caseload."""

from dataclasses import dataclass

from django.urls import reverse

from probation.accounts.models import Staff, User
from probation.people.models import Person
from probation.people.policy import people_listable_to
from probation.referrals.selectors.worklist import referrals_needing_the_practitioner
from probation.rules.referrals.progress import Status


@dataclass(frozen=True)
class ReferralRow:
    crn: str
    name: str
    restricted: bool
    provider: str
    why: str
    url: str


def referral_rows(*, user: User, officer: Staff) -> list[ReferralRow]:
    people = people_listable_to(user, Person.objects.filter(officer=officer))
    found = referrals_needing_the_practitioner(people)
    if not found:
        return []
    by_id = {
        p["pk"]: p
        for p in people.filter(pk__in={r["person_id"] for r in found}).values(
            "pk", "crn", "first_name", "preferred_name", "surname", "lao_excluded", "lao_restricted"
        )
    }
    rows = []
    for referral in found:
        person = by_id.get(referral["person_id"])
        if person is None:
            continue
        restricted = bool(person["lao_excluded"] or person["lao_restricted"])
        reasons = []
        if referral["unread"]:
            reasons.append(f"{referral['unread']} session{'s' if referral['unread'] != 1 else ''} to read")
        if referral["status"] == Status.PLAN_SUBMITTED:
            reasons.append("Action plan to approve")
        rows.append(
            ReferralRow(
                crn=person["crn"],
                name=""
                if restricted
                else f"{person['preferred_name'] or person['first_name']} {person['surname']}",
                restricted=restricted,
                provider="" if restricted else str(referral["provider__name"]),
                why="" if restricted else "; ".join(reasons),
                url=reverse("referrals:case-referral", args=[person["crn"], referral["pk"]]),
            )
        )
    return rows
