"""Accredited-programme demo data (issue 12 item 2): in every PDU with active programme requirements,
two trained facilitators (PSO grade) and Building Choices groups of up to 12 running weekly; the
requirements are referred at realistic states (awaiting assessment, on the waiting list for weeks,
in a group). A group's past sessions have saved registers (mostly ATTC, some AFTC and UAAB with their
enforcement cases) and the requirement's progress; the latest past session of the demo facilitator's
group is left to record. The case history's own programme appointments for those requirements that
had no outcome yet are cancelled (the group's sessions replace them). Demo sign-in ``programmes`` (the
treatment manager) joins the demo PO's PDU; ``pso`` facilitates its groups.

Written in bulk: quick at 3,000 people. Running it again adds nothing.
"""

import datetime as dt
import os
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from random import Random
from typing import cast

from django.contrib.auth.hashers import make_password
from django.db import transaction

from probation.accounts.models import Role, Staff, Team, User
from probation.contacts.models import Contact, EnforcementCase, EnforcementStep
from probation.contacts.times import london_datetime
from probation.core.clock import now
from probation.demo.people.access import DEFAULT_DEMO_PASSWORD
from probation.programmes.models import (
    Attendance,
    FacilitatorTraining,
    Group,
    GroupSession,
    Participant,
    Referral,
    ReferralStep,
)
from probation.rules.enforcement.actions import enforcement_respond_by
from probation.rules.enforcement.transitions import EnforcementStatus
from probation.rules.programmes.catalogue import programme
from probation.rules.programmes.delivery import MAX_PARTICIPANTS, Status, weekly_schedule
from probation.sentences.models import Requirement

PROGRAMME = "BC"
START, END = dt.time(10), dt.time(12, 30)
DEMO_PO, DEMO_FACILITATOR, DEMO_MANAGER = "po", "pso", "programmes"


@dataclass
class Context:
    rng: Random
    today: dt.date
    pdu_id: int
    staff: list[Staff]
    manager: User


@dataclass
class Result:
    referrals: int = 0
    groups: int = 0
    sessions: int = 0
    attendances: int = 0


def _facilitators(team: Team, pdu_code: str, n: int) -> list[Staff]:
    return [
        Staff.objects.create(
            code=f"PRG{team.pdu_id:04d}{i}",
            forename=("Robin", "Kim")[i],
            surname=f"Facilitator{pdu_code}",
            grade="PSO",
            team=team,
        )
        for i in range(n)
    ]


def _manager(team: Team) -> User:
    password = make_password(os.environ.get("DEMO_PASSWORD") or DEFAULT_DEMO_PASSWORD)
    staff = Staff.objects.create(
        code="PRGMGR", forename="Morgan", surname="Treatment", grade="SPO", team=team
    )
    return User.objects.create(
        username=DEMO_MANAGER,
        password=password,
        role=Role.PROGRAMME_MANAGER,
        staff=staff,
        first_name="Morgan",
        last_name="Treatment",
    )


def _statuses(rng: Random, n: int) -> list[Status]:
    """About a fifth awaiting assessment, a quarter on the waiting list, the rest in groups."""
    out: list[Status] = []
    for _ in range(n):
        r = rng.random()
        out.append(
            Status.AWAITING_ASSESSMENT
            if r < 0.2
            else Status.AWAITING_ALLOCATION
            if r < 0.45
            else Status.SCHEDULED
        )
    return out


def generate(*, today: dt.date, seed: int = 42, log: Callable[[str], object] = print) -> Result:
    result = Result()
    if Group.objects.exists() or User.objects.filter(username=DEMO_MANAGER).exists():
        log("Programme demo data already exists: nothing added")
        return result
    po = User.objects.select_related("staff__team").filter(username=DEMO_PO).first()
    if po is None or po.staff is None:
        log("No demo PO: run generate_data --demo-users first")
        return result
    rng = Random(seed)  # noqa: S311 - demo data, repeatable
    requirements = list(
        Requirement.objects.filter(type="accredited_programme", terminated_on__isnull=True, ordered__gt=0)
        .exclude(contacts__type="programme_session", contacts__outcome__gt="")
        .select_related("sentence__person")
        .distinct()
        .order_by("id")
    )
    by_pdu: dict[int, list[Requirement]] = defaultdict(list)
    for requirement in requirements:
        by_pdu[requirement.sentence.person.pdu_id].append(requirement)
    by_pdu.setdefault(po.staff.team.pdu_id, [])
    teams = {t.pdu_id: t for t in Team.objects.filter(pdu_id__in=by_pdu).order_by("-code")}
    with transaction.atomic():
        manager = _manager(po.staff.team)
        demo_facilitator = User.objects.select_related("staff").filter(username=DEMO_FACILITATOR).first()
        for pdu_id, reqs in sorted(by_pdu.items()):
            team = teams.get(pdu_id)
            if team is None:
                continue
            staff = _facilitators(team, team.pdu.code, 2)
            if pdu_id == po.staff.team.pdu_id and demo_facilitator is not None and demo_facilitator.staff:
                staff[0] = demo_facilitator.staff
            FacilitatorTraining.objects.bulk_create(
                [
                    FacilitatorTraining(
                        staff=s,
                        programme=PROGRAMME,
                        trained_on=today - dt.timedelta(days=400),
                        recorded_by=manager,
                    )
                    for s in staff
                ]
            )
            ctx = Context(rng, today, pdu_id, staff, manager)
            _pdu(ctx, reqs, result, leave_latest=pdu_id == po.staff.team.pdu_id)
    log(
        f"{result.referrals} programme referrals, {result.groups} groups, {result.sessions} sessions, "
        f"{result.attendances} attendances"
    )
    return result


def _pdu(ctx: Context, reqs: list[Requirement], result: Result, *, leave_latest: bool) -> None:
    rng, today, pdu_id, manager = ctx.rng, ctx.today, ctx.pdu_id, ctx.manager
    statuses = _statuses(rng, len(reqs))
    referrals = Referral.objects.bulk_create(
        [
            Referral(
                person=r.sentence.person,
                requirement=r,
                programme=PROGRAMME,
                pdu_id=pdu_id,
                status=Status.AWAITING_ALLOCATION if s == Status.SCHEDULED else s,
                referred_by=manager,
                referred_on=today - dt.timedelta(days=rng.randint(20, 120)),
                pathway="moderate",
                pathway_reasons=["Medium risk and medium need: moderate intensity"],
                suitable=True if s != Status.AWAITING_ASSESSMENT else None,
                suitable_from=today - dt.timedelta(days=rng.randint(1, 90))
                if s != Status.AWAITING_ASSESSMENT
                else None,
            )
            for r, s in zip(reqs, statuses, strict=True)
        ]
    )
    result.referrals += len(referrals)
    ReferralStep.objects.bulk_create(
        [ReferralStep(referral=r, from_status="", to_status=r.status, actor=manager) for r in referrals]
    )
    grouped = [r for r, s in zip(referrals, statuses, strict=True) if s == Status.SCHEDULED]
    chunks = [grouped[i : i + MAX_PARTICIPANTS] for i in range(0, len(grouped), MAX_PARTICIPANTS)]
    if leave_latest and not chunks:
        chunks = [[]]  # the demo facilitator always has a group
    for n, members in enumerate(chunks):
        weeks_in = (n * 5) % 18 + 1  # groups part-way through
        _group(ctx, n, members, result, weeks_in, leave_latest=leave_latest and n == 0)


def _group(
    ctx: Context, n: int, members: list[Referral], result: Result, weeks_in: int, *, leave_latest: bool
) -> None:
    rng, today, pdu_id, staff, manager = ctx.rng, ctx.today, ctx.pdu_id, ctx.staff, ctx.manager
    starts_on = today - dt.timedelta(days=7 * weeks_in - 1)
    group = Group.objects.create(
        programme=PROGRAMME,
        pdu_id=pdu_id,
        reference=f"BC-{n + 1:02d}",
        starts_on=starts_on,
        venue="Probation office, group room 1",
        created_by=manager,
    )
    group.facilitators.set(staff)
    dates = weekly_schedule(starts_on, programme(PROGRAMME).group_sessions)
    sessions = GroupSession.objects.bulk_create(
        [
            GroupSession(group=group, number=i, date=d, starts_at=START, ends_at=END, venue=group.venue)
            for i, d in enumerate(dates, 1)
        ]
    )
    through = GroupSession.facilitators.through
    through.objects.bulk_create(
        [through(groupsession_id=s.pk, staff_id=f.pk) for s in sessions for f in staff]
    )
    result.groups += 1
    result.sessions += len(sessions)
    if not members:
        return
    Contact.objects.filter(
        requirement_id__in=[m.requirement_id for m in members],
        type="programme_session",
        outcome="",
        cancelled_at__isnull=True,
    ).update(cancelled_at=now(), cancel_reason="Replaced by the programme group's sessions")
    participants = Participant.objects.bulk_create(
        [Participant(group=group, referral=m, added_by=manager) for m in members]
    )
    past = [s for s in sessions if s.date < today]
    latest = past[-1] if past else None
    contacts: list[Contact] = []
    links: list[tuple[GroupSession, Participant]] = []
    attended: dict[int, int] = defaultdict(int)
    for participant in participants:
        referral = participant.referral
        for session in sessions:
            outcome = ""
            if session.date < today and not (leave_latest and session is latest):
                r = rng.random()
                outcome = "ATTC" if r < 0.85 else "AFTC" if r < 0.9 else "UAAB"
            if outcome in ("ATTC", "AFTC"):
                attended[referral.requirement_id] += 1
            contacts.append(
                Contact(
                    person_id=referral.person_id,
                    type="programme_session",
                    is_appointment=True,
                    starts_at=london_datetime(session.date, START),
                    ends_at=london_datetime(session.date, END),
                    officer=staff[0],
                    location=group.venue[:120],
                    sentence_id=referral.requirement.sentence_id,
                    requirement_id=referral.requirement_id,
                    on_project=True,
                    created_by=manager,
                    outcome=outcome,
                    outcome_recorded_at=now() if outcome else None,
                    outcome_recorded_by=staff_user(manager, outcome),
                    credited=1 if outcome in ("ATTC", "AFTC") else 0,
                )
            )
            links.append((session, participant))
    contacts = Contact.objects.bulk_create(contacts)
    Attendance.objects.bulk_create(
        [Attendance(session=s, participant=p, contact=c) for (s, p), c in zip(links, contacts, strict=True)]
    )
    result.attendances += len(contacts)
    _enforcement(manager, [c for c in contacts if c.outcome in ("AFTC", "UAAB")])
    for requirement in Requirement.objects.filter(pk__in=attended):
        Requirement.objects.filter(pk=requirement.pk).update(
            done=min(requirement.ordered or 0, attended[requirement.pk])
        )
    saved = [s.pk for s in past if not (leave_latest and s is latest)]
    GroupSession.objects.filter(pk__in=saved).update(saved_at=now(), saved_by=manager, version=2)
    on = [p.referral_id for p in participants] if past else []
    Referral.objects.filter(pk__in=[p.referral_id for p in participants]).update(
        status=Status.ON_PROGRAMME if past else Status.SCHEDULED
    )
    ReferralStep.objects.bulk_create(
        [
            ReferralStep(
                referral_id=pk,
                from_status=Status.AWAITING_ALLOCATION,
                to_status=Status.ON_PROGRAMME,
                actor=manager,
            )
            for pk in on
        ]
    )


def staff_user(manager: User, outcome: str) -> User | None:
    return manager if outcome else None


def _enforcement(actor: User, contacts: list[Contact]) -> None:
    cases = EnforcementCase.objects.bulk_create(
        [
            EnforcementCase(
                contact=c,
                sentence_id=cast(int, c.sentence_id),
                person_id=c.person_id,
                failure_date=c.starts_at.date(),
                status=EnforcementStatus.AWAITING_ACTION,
                respond_by=enforcement_respond_by(c.starts_at.date()),
            )
            for c in contacts
        ]
    )
    EnforcementStep.objects.bulk_create(
        [EnforcementStep(case=case, from_status="", to_status=case.status, actor=actor) for case in cases]
    )
