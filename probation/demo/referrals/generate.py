"""Commissioned-services demo data: a provider per contract type in every region, the ``provider``
sign-in (staff of the accommodation provider in the demo PO's region), and referrals in every state for
about a third of the live rehabilitation activity requirements — the demo PO's cases first, to the
demo provider, so both sides of the journey have work on signing in.

Rows are written in bulk with no audit rows (demo fixtures, as the case history); sessions carry
feedback but no contact-log entries. Running it again adds nothing."""

import datetime as dt
import os
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from random import Random

from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.utils import timezone

from probation.accounts.models import Region, Role, User
from probation.demo.people.access import DEFAULT_DEMO_PASSWORD
from probation.referrals.models import (
    ActionPlan,
    Provider,
    ProviderStaff,
    Referral,
    ReferralCategory,
    ReferralSession,
)
from probation.rules.referrals.catalogue import CATALOGUE, catalogue_on
from probation.rules.referrals.deadlines import assessment_due
from probation.rules.referrals.progress import Status
from probation.rules.sentences.requirements import RequirementType
from probation.sentences.models import Requirement

DEMO_PO = "po"
DEMO_PROVIDER = "provider"
NAMES = {
    "ACC": "Safe Homes",
    "ETE": "Working Futures",
    "MTR": "Side by Side Mentoring",
    "DNR": "Recovery Partners",
    "PWB": "Wellbeing Works",
    "WOS": "Women First",
    "FBD": "Money Matters",
}
STATES = (
    Status.SENT,
    Status.ASSESSED,
    Status.PLAN_SUBMITTED,
    Status.IN_PROGRESS,
    Status.IN_PROGRESS,
    Status.COMPLETED,
    Status.CANCELLED,
    Status.ENDED_EARLY,
)
RISK = (
    "No known risk to staff. Meet in the office for the first appointment.",
    "Medium risk to known adults. Do not arrange home visits; meet in public offices.",
    "History of verbal aggression when frustrated. Two staff for the first meeting.",
)


class NoDemoData(Exception):
    pass


@dataclass
class Result:
    providers: int = 0
    referrals: int = 0


def _providers(regions: list[Region]) -> dict[tuple[int, str], Provider]:
    catalogue = catalogue_on(CATALOGUE[-1].in_force_from)
    made = Provider.objects.bulk_create(
        Provider(name=f"{NAMES[c.code]} {region.name}", region=region, contract_type=c.code)
        for region in regions
        for c in catalogue.contract_types
    )
    return {(p.region_id, p.contract_type): p for p in made}


def _referral(
    requirement: Requirement,
    provider: Provider,
    practitioner: User,
    status: str,
    sent_on: dt.date,
    rng: Random,
) -> Referral:
    assessed = status != Status.SENT and not (status == Status.CANCELLED and rng.random() < 0.5)
    ended = status in (Status.COMPLETED, Status.CANCELLED, Status.ENDED_EARLY)
    return Referral(
        person_id=requirement.sentence.person_id,
        sentence_id=requirement.sentence_id,
        requirement=requirement,
        provider=provider,
        contract_type=provider.contract_type,
        catalogue_key=CATALOGUE[-1].key,
        practitioner=practitioner,
        form_token=uuid.uuid4().hex,
        sent_at=timezone.make_aware(dt.datetime.combine(sent_on, dt.time(10))),
        sent_on=sent_on,
        maximum_days=max(1, min(10, (requirement.ordered or 10) // 2)),
        complete_by=sent_on + dt.timedelta(days=120),
        risk_information=rng.choice(RISK),
        further_information="Prefers morning appointments.",
        status=status,
        assessed_on=assessment_due(sent_on) - dt.timedelta(days=rng.randint(0, 5)) if assessed else None,
        end_reason={Status.CANCELLED: "MIS", Status.ENDED_EARLY: "NOT"}.get(Status(status), ""),
        ended_at=timezone.make_aware(dt.datetime.combine(sent_on + dt.timedelta(days=60), dt.time(12)))
        if ended
        else None,
        ended_by=practitioner if status in (Status.CANCELLED, Status.ENDED_EARLY) else None,
        report_progress="Moved into supported housing and kept every appointment."
        if status == Status.COMPLETED
        else "",
        report_submitted_on=sent_on + dt.timedelta(days=60) if status == Status.COMPLETED else None,
    )


def _children(referrals: list[Referral], rng: Random) -> None:
    catalogue = catalogue_on(CATALOGUE[-1].in_force_from)
    categories, plans, sessions = [], [], []
    for referral in referrals:
        category = catalogue.contract_type(referral.contract_type).categories[0]
        outcomes = list(category.outcomes)[:2]
        categories.append(
            ReferralCategory(
                referral=referral,
                category=category.key,
                complexity=rng.choice(["low", "medium", "high"]),
                outcomes=outcomes,
            )
        )
        if referral.status == Status.COMPLETED:
            referral.report_answers = {key: rng.choice(["achieved", "partly"]) for key in outcomes}
        if referral.assessed_on is None or referral.status == Status.ASSESSED:
            continue
        submitted = referral.assessed_on + dt.timedelta(days=3)
        at = timezone.make_aware(dt.datetime.combine(submitted, dt.time(15)))
        approved = referral.status != Status.PLAN_SUBMITTED
        plans.append(
            ActionPlan(
                referral=referral,
                number=1,
                activities="Weekly one-to-one sessions working through the desired outcomes.",
                sessions_planned=6,
                submitted_by=referral.practitioner,  # replaced below by the provider's user where known
                submitted_at=at,
                submitted_on=submitted,
                approved_by=referral.practitioner if approved else None,
                approved_at=at + dt.timedelta(days=1) if approved else None,
            )
        )
        if referral.status in (Status.IN_PROGRESS, Status.COMPLETED, Status.ENDED_EARLY):
            for n in range(1, rng.randint(2, 5)):
                attended = rng.choice(["yes", "yes", "late", "no"])
                sessions.append(
                    ReferralSession(
                        referral=referral,
                        number=n,
                        happened_on=submitted + dt.timedelta(days=7 * n),
                        delivery="planned_office_visit",
                        attended=attended,
                        absence="unacceptable" if attended == "no" else "",
                        summary="Worked on the action plan.",
                        notify_practitioner=n == 1 and rng.random() < 0.3,
                        recorded_by=referral.practitioner,
                        recorded_at=at + dt.timedelta(days=7 * n),
                    )
                )
    ReferralCategory.objects.bulk_create(categories)
    ActionPlan.objects.bulk_create(plans)
    ReferralSession.objects.bulk_create(sessions)
    Referral.objects.bulk_update([r for r in referrals if r.report_answers], ["report_answers"])


def _login(provider: Provider) -> User:
    password = make_password(os.environ.get("DEMO_PASSWORD") or DEFAULT_DEMO_PASSWORD)
    user = User.objects.create(
        username=DEMO_PROVIDER,
        password=password,
        role=Role.PROVIDER,
        first_name="Sam",
        last_name="Okafor",
        agency=provider.name,
    )
    ProviderStaff.objects.create(user=user, provider=provider)
    return user


def generate(*, today: dt.date, seed: int = 42, log: Callable[[str], object] = print) -> Result:
    result = Result()
    if Provider.objects.exists():
        log("Commissioned-services demo data already exists: nothing added")
        return result
    po = User.objects.select_related("staff__team__pdu").filter(username=DEMO_PO).first()
    if po is None or po.staff is None:
        raise NoDemoData("No demo PO: run generate_data --demo-users first")
    rng = Random(seed)  # noqa: S311 - demo data, not security
    requirements = list(
        Requirement.objects.filter(
            type=RequirementType.REHABILITATION_ACTIVITY,
            terminated_on__isnull=True,
            sentence__terminated_on__isnull=True,
            sentence__person__officer__isnull=False,
        )
        .select_related("sentence__person__pdu", "sentence__person__officer__user")
        .order_by("pk")
    )
    mine = [r for r in requirements if r.sentence.person.officer_id == po.staff_id]
    others = [r for r in requirements if r.sentence.person.officer_id != po.staff_id and rng.random() < 0.33]
    with transaction.atomic():
        providers = _providers(list(Region.objects.all()))
        demo_provider = providers[(po.staff.team.pdu.region_id, "ACC")]
        _login(demo_provider)
        referrals = []
        for n, requirement in enumerate([*mine, *others]):
            person = requirement.sentence.person
            practitioner = getattr(person.officer, "user", None) or po
            provider = (
                demo_provider
                if requirement in mine
                else providers[(person.pdu.region_id, rng.choice(list(NAMES)))]
            )
            status = STATES[n % len(STATES)]
            sent_on = today - dt.timedelta(
                days=rng.randint(5, 90) if status != Status.SENT else rng.randint(0, 12)
            )
            referrals.append(_referral(requirement, provider, practitioner, status, sent_on, rng))
        Referral.objects.bulk_create(referrals, batch_size=1000)
        _children(referrals, rng)
    result.providers, result.referrals = len(providers), len(referrals)
    log(
        f"{result.providers} providers; {result.referrals} referrals; "
        f"sign in as '{DEMO_PROVIDER}' (provider staff)"
    )
    return result
