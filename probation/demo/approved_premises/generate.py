"""Approved premises demo data (issue 16): the national estate — one premises for each PDU (about 100)
with about 2,300 beds and their room characteristics, some beds out of service (a hold among them),
the demo logins for the AP roles (an assessor with every qualification, one with none, the Central
Referral Unit), and the demo ``ap`` user posted to a premises.

Written in bulk (reference data, no audit), as generate_data writes the organisation. Running it again
adds nothing: an estate that exists is left alone (``--flush`` rebuilds it).
"""

import datetime as dt
import os
from collections.abc import Callable
from dataclasses import dataclass
from random import Random

from django.contrib.auth.hashers import make_password
from django.db import transaction

from probation.accounts.models import Region, Role, User
from probation.approved_premises.models import (
    Application,
    AssessorQualification,
    Bed,
    BookingChange,
    OutOfServiceBed,
    OutOfServiceReason,
    Premises,
    PremisesCharacteristic,
    PremisesStaffMember,
    Qualification,
    RoomCharacteristic,
    SpaceBooking,
)
from probation.demo.people.access import DEFAULT_DEMO_PASSWORD
from probation.demo.people.names import AP_NAMES
from probation.demo.people.places import REGIONS

# Specialist premises: a few of each type (approved-premises.md § AP types); the rest standard.
TYPE_WEIGHTS = (("standard", 82), ("pipe", 6), ("esap", 3), ("rfap", 6), ("mental_health", 3))
WOMEN_SHARE = 0.07
BEDS = (14, 32)  # per premises: about 23 on average, about 2,300 across the estate
DEMO_PREMISES_STAFF = "ap"
INWARD_LETTERS = "ABDEFGHJLNPQRSTUWXYZ"
ASSESSOR_LOGINS = {
    "ap-assessor": list(Qualification.values),  # every qualification
    "ap-assessor-standard": [],  # standard work only
}
CRU_LOGIN = "ap-cru"


@dataclass
class Result:
    premises: int = 0
    beds: int = 0
    out_of_service: int = 0
    logins: int = 0


def _type(rng: Random) -> str:
    return rng.choices([t for t, _ in TYPE_WEIGHTS], weights=[w for _, w in TYPE_WEIGHTS])[0]


def _premises_characteristics(rng: Random) -> list[str]:
    values = list(PremisesCharacteristic.values)
    return sorted(rng.sample(values, rng.randint(2, 6)))


def _room(rng: Random, i: int, ground: bool) -> list[str]:
    found = ["single"] if rng.random() < 0.8 else []
    if rng.random() < 0.35:
        found.append(RoomCharacteristic.EN_SUITE)
    if ground:
        found += [RoomCharacteristic.GROUND_FLOOR, RoomCharacteristic.STEP_FREE]
        if rng.random() < 0.3:
            found += [RoomCharacteristic.WHEELCHAIR, RoomCharacteristic.WIDE_DOORS]
    if rng.random() < 0.3:
        found.append(RoomCharacteristic.SEXUAL_OFFENCES)
    if i == 0 and rng.random() < 0.5:
        found.append(RoomCharacteristic.ARSON)
    return sorted(set(found))


def flush() -> None:
    SpaceBooking.objects.all().delete()
    Application.objects.all().delete()
    flush_estate()


def flush_estate() -> None:
    """The estate (the AP logins stay: the audit may name them; they are found again by name)."""
    OutOfServiceBed.objects.all().delete()
    PremisesStaffMember.objects.all().delete()
    Bed.objects.all().delete()
    Premises.objects.all().delete()
    AssessorQualification.objects.all().delete()


@transaction.atomic
def generate_estate(*, rng: Random, today: dt.date, log: Callable[[str], object] = print) -> Result:
    result = Result()
    if Premises.objects.exists():
        log("The approved premises estate already exists: nothing added")
        return result
    regions = {r.code: r for r in Region.objects.all()}
    creator = User.objects.filter(role=Role.SYSTEM_ADMIN).order_by("pk").first()
    premises_rows = []
    for region_place in REGIONS:
        region = regions.get(region_place.code)
        if region is None:
            continue
        for n, place in enumerate(region_place.pdus, start=1):
            district = f"{place.postcode_area}{rng.randint(1, 19)}"
            ap_type = _type(rng)
            women = rng.random() < WOMEN_SHARE and ap_type in ("standard", "pipe", "esap")
            premises_rows.append(
                Premises(
                    code=f"AP{region.code}{n:02d}",
                    name=f"{rng.choice(AP_NAMES)}, {place.town}",
                    ap_type=ap_type,
                    sex="F" if women else "M",
                    region=region,
                    address=f"{rng.randint(1, 240)} {rng.choice(('Park', 'Station', 'Church', 'Mill'))} Road",
                    postcode=f"{district} {rng.randint(1, 9)}{''.join(rng.choices(INWARD_LETTERS, k=2))}",
                    postcode_district=district,
                    characteristics=_premises_characteristics(rng),
                    curfew_end=dt.time(6 if rng.random() < 0.3 else 7),
                )
            )
    premises = Premises.objects.bulk_create(premises_rows)
    beds = []
    for p in premises:
        count = rng.randint(*BEDS)
        for i in range(count):
            beds.append(
                Bed(
                    premises=p,
                    code=f"{p.code}-{i + 1:02d}",
                    room=f"Room {i + 1}",
                    characteristics=_room(rng, i, i < 4),
                )
            )
    beds = Bed.objects.bulk_create(beds, batch_size=1000)
    result.premises, result.beds = len(premises), len(beds)
    if creator is not None and beds:
        result.out_of_service = _out_of_service(rng, beds, today, creator)
    result.logins = _logins(premises)
    log(
        f"Approved premises: {result.premises} premises, {result.beds} beds, "
        f"{result.out_of_service} out of service, {result.logins} demo logins"
    )
    return result


def _out_of_service(rng: Random, beds: list[Bed], today: dt.date, creator: User) -> int:
    from django.utils import timezone

    rows = []
    reasons = [r for r in OutOfServiceReason.values if r != OutOfServiceReason.ON_HOLD]
    for bed in rng.sample(beds, max(1, len(beds) // 40)):
        starts = today + dt.timedelta(days=rng.randint(-20, 30))
        rows.append(
            OutOfServiceBed(
                bed=bed,
                premises_id=bed.premises_id,
                reason=rng.choice(reasons),
                starts_on=starts,
                ends_on=starts + dt.timedelta(days=rng.randint(2, 40)),
                created_by=creator,
                created_at=timezone.now(),
            )
        )
    for bed in rng.sample(beds, 6):  # holds: some already released, some still holding
        starts = today + dt.timedelta(days=rng.randint(-5, 5))
        rows.append(
            OutOfServiceBed(
                bed=bed,
                premises_id=bed.premises_id,
                reason=OutOfServiceReason.ON_HOLD,
                starts_on=starts,
                ends_on=starts + dt.timedelta(days=7),
                created_by=creator,
                created_at=timezone.now(),
            )
        )
    OutOfServiceBed.objects.bulk_create(rows)
    return len(rows)


def _logins(premises: list[Premises]) -> int:
    password = make_password(os.environ.get("DEMO_PASSWORD") or DEFAULT_DEMO_PASSWORD)
    created = 0
    for username, qualifications in ASSESSOR_LOGINS.items():
        user, made = User.objects.get_or_create(
            username=username,
            defaults={
                "role": Role.AP_ASSESSOR,
                "password": password,
                "first_name": "Alex",
                "last_name": "Assessor",
            },
        )
        created += made
        AssessorQualification.objects.bulk_create(
            [AssessorQualification(user=user, qualification=q) for q in qualifications], ignore_conflicts=True
        )
    _, made = User.objects.get_or_create(
        username=CRU_LOGIN,
        defaults={"role": Role.AP_CRU, "password": password, "first_name": "Chris", "last_name": "Central"},
    )
    created += made
    ap_user = User.objects.filter(username=DEMO_PREMISES_STAFF).select_related("staff__team__pdu").first()
    if ap_user is not None and ap_user.staff is not None and premises:
        region_id = ap_user.staff.team.pdu.region_id
        home = next((p for p in premises if p.region_id == region_id), premises[0])
        PremisesStaffMember.objects.update_or_create(staff=ap_user.staff, defaults={"premises": home})
    return created


# Applications and stays in every state (approved-premises.md § Stay): (application status,
# assessment decision, placement status, booking status), cycled over the people chosen.
STATES: tuple[tuple[str, str, str, str], ...] = (
    ("draft", "", "", ""),
    ("expired", "", "", ""),
    ("submitted", "", "", ""),
    ("info_requested", "", "", ""),
    ("rejected", "rejected", "", ""),
    ("accepted", "accepted", "awaiting_match", ""),
    ("accepted", "accepted", "booked", "upcoming"),
    ("accepted", "accepted", "booked", "arrived"),
    ("accepted", "accepted", "booked", "arrived"),
    ("accepted", "accepted", "booked", "arrived"),
    ("accepted", "accepted", "booked", "departed"),
    ("accepted", "accepted", "booked", "not_arrived"),
    ("accepted", "accepted", "booked", "cancelled"),
)
STAYS = 600  # people with an application: about a third of them resident at any time


@transaction.atomic
def generate_stays(*, rng: Random, today: dt.date, log: Callable[[str], object] = print) -> int:
    """Applications, assessments, placement requests and bookings for high-RoSH people."""
    from django.db.models import Case, Value, When
    from django.utils import timezone

    from probation.approved_premises.models import Assessment, PlacementRequest
    from probation.people.models import Person
    from probation.rules.approved_premises.deadlines import assessment_due
    from probation.rules.approved_premises.notice import NoticeType, notice_type

    if Application.objects.exists():
        log("Approved premises applications already exist: nothing added")
        return 0
    creator = (
        User.objects.filter(username="po").first() or User.objects.filter(role=Role.PRACTITIONER).first()
    )
    cru = User.objects.filter(username=CRU_LOGIN).first()
    if creator is None or cru is None:
        return 0
    # High and very high RoSH first (generate_case_history records RoSH); anyone else after, so the
    # estate has residents even before the case history is generated.
    high = Case(When(rosh_level__in=["high", "very_high"], then=Value(0)), default=Value(1))
    people = list(
        Person.objects.annotate(high=high)
        .order_by("high", "pk")
        .only("pk", "gender", "tier", "rosh_level")[:STAYS]
    )
    premises = {sex: list(Premises.objects.filter(sex=sex, ap_type="standard")) for sex in ("M", "F")}
    now = timezone.now()
    made = 0
    for i, person in enumerate(people):
        status, decision, placement_status, booking_status = STATES[i % len(STATES)]
        sex = "F" if person.gender == "F" else "M"
        if booking_status and not premises[sex]:
            continue
        arrival = _arrival(rng, today, booking_status)
        created = now - dt.timedelta(days=rng.randint(30, 200) if status == "expired" else rng.randint(1, 40))
        notice = notice_type(submitted_on=created.date(), arrival_on=arrival)
        application = Application.objects.create(
            person=person,
            created_by=creator,
            status=status,
            expires_at=created + dt.timedelta(days=-1 if status == "expired" else 182),
            tier=person.tier,
            rosh_level=person.rosh_level,
            rosh_summary="From the demo record",
            ap_type="standard",
            legal_basis="standard_determinate",
            release_type="licence",
            purposes=["public_protection"],
            arrival_on=arrival,
            stay_days=84,
            notice_type="" if status in ("draft", "expired") else notice.value,
            notice_reason="" if notice == NoticeType.STANDARD else "risk_escalated",
            move_on_plan="Supported housing",
            declaration=status not in ("draft", "expired"),
            submitted_at=None if status in ("draft", "expired") else created,
        )
        made += 1
        if status in ("draft", "expired"):
            continue
        Assessment.objects.create(
            application=application,
            due_at=assessment_due(created_at=created, notice=notice),
            needs_emergency=notice != NoticeType.STANDARD,
            decision=decision,
            stay_days=84 if decision == "accepted" else None,
            rejection_reason="manageable_elsewhere" if decision == "rejected" else "",
            assessor=cru if decision else None,
            decided_at=created + dt.timedelta(days=3) if decision else None,
        )
        if not placement_status:
            continue
        placement = PlacementRequest.objects.create(
            application=application,
            person=person,
            arrival_on=arrival,
            departure_on=arrival + dt.timedelta(days=84),
            status=placement_status,
            created_at=created,
            due_at=created + dt.timedelta(days=7),
        )
        if booking_status:
            SpaceBooking.objects.create(
                person=person,
                premises=rng.choice(premises[sex]),
                placement_request=placement,
                arrival_on=arrival,
                departure_on=arrival + dt.timedelta(days=84),
                status=booking_status,
                created_by=cru,
                cancellation_reason="practitioner_requested" if booking_status == "cancelled" else "",
                arrived_at=timezone.now() - dt.timedelta(days=(today - arrival).days)
                if booking_status in ("arrived", "departed")
                else None,
            )
    log(f"Approved premises: {made} applications in every state")
    return made


def _arrival(rng: Random, today: dt.date, booking_status: str) -> dt.date:
    if booking_status in ("arrived",):
        return today - dt.timedelta(days=rng.randint(0, 80))
    if booking_status in ("departed",):
        return today - dt.timedelta(days=rng.randint(90, 200))
    if booking_status == "not_arrived":
        return today - dt.timedelta(days=rng.randint(1, 20))
    return today + dt.timedelta(days=rng.choice((0, 1, 2, 5, 10, 20, 40, 60)))


@transaction.atomic
def generate_changes(*, rng: Random, today: dt.date, log: Callable[[str], object] = print) -> int:
    """The assessors' questions (answered, and open where the application waits for information) and
    bookings' histories: dates changed, extensions asked for (some approved, some waiting), planned
    transfers and the cancellations' reasons. Written as rows, like the stays (demo data, no audit)."""
    from django.utils import timezone

    from probation.approved_premises.models import Assessment, InformationRequest

    if BookingChange.objects.exists() or InformationRequest.objects.exists():
        log("Approved premises booking changes already exist: nothing added")
        return 0
    cru = User.objects.filter(username=CRU_LOGIN).first()
    creator = (
        User.objects.filter(username="po").first() or User.objects.filter(role=Role.PRACTITIONER).first()
    )
    if cru is None or creator is None:
        return 0
    at = timezone.now()
    questions = []
    for i, assessment in enumerate(
        Assessment.objects.filter(application__status__in=["info_requested", "submitted"]).select_related(
            "application"
        )
    ):
        open_ = assessment.application.status == "info_requested"
        if not open_ and i % 3:
            continue
        asked = at - dt.timedelta(days=rng.randint(1, 5))
        questions.append(
            InformationRequest(
                assessment=assessment,
                question=rng.choice(QUESTIONS),
                asked_by=cru,
                asked_at=asked,
                answer="" if open_ else "Answered by the practitioner (demo)",
                answered_at=None if open_ else asked + dt.timedelta(hours=rng.randint(2, 30)),
                answered_by=None if open_ else creator,
            )
        )
    InformationRequest.objects.bulk_create(questions)
    changes = _booking_changes(rng=rng, today=today, at=at, cru=cru)
    log(f"Approved premises: {len(questions)} information requests, {changes} booking changes")
    return len(questions) + changes


QUESTIONS = (
    "Is there a current exclusion zone, and where?",
    "Please give the move-on plan in more detail.",
    "Has the Offender Personality Disorder pathway screening been done?",
    "Are there known associates in the area of the preferred premises?",
)


def _booking_changes(*, rng: Random, today: dt.date, at: dt.datetime, cru: User) -> int:
    rows = []
    asker = User.objects.filter(username=DEMO_PREMISES_STAFF).first() or cru
    bookings = list(
        SpaceBooking.objects.filter(status__in=["arrived", "upcoming", "cancelled"])
        .select_related("premises")
        .order_by("pk")
    )
    others = {sex: list(Premises.objects.filter(sex=sex, ap_type="standard")) for sex in ("M", "F")}
    for i, booking in enumerate(bookings):
        old = {"old_arrival_on": booking.arrival_on, "old_departure_on": booking.departure_on}
        when = at - dt.timedelta(days=rng.randint(0, 10))
        if booking.status == "cancelled":
            rows.append(
                BookingChange(
                    booking=booking,
                    kind="cancelled",
                    reason=booking.cancellation_reason,
                    by=cru,
                    at=when,
                    **old,
                )
            )
        elif booking.status == "upcoming" and i % 4 == 0:
            booking.arrival_on += dt.timedelta(days=7)
            booking.departure_on += dt.timedelta(days=7)
            booking.save(update_fields=["arrival_on", "departure_on"])
            rows.append(
                BookingChange(
                    booking=booking,
                    kind="dates",
                    new_arrival_on=booking.arrival_on,
                    new_departure_on=booking.departure_on,
                    notes="Release date moved by a week",
                    by=cru,
                    at=when,
                    **old,
                )
            )
        elif booking.status == "arrived" and i % 5 in (0, 1):
            approved = i % 5 == 0
            longer = booking.departure_on + dt.timedelta(days=28)
            if approved:
                booking.departure_on = longer
                booking.save(update_fields=["departure_on"])
            rows.append(
                BookingChange(
                    booking=booking,
                    kind="extension",
                    new_arrival_on=booking.arrival_on,
                    new_departure_on=longer,
                    notes="Move-on accommodation not ready",
                    by=asker,
                    at=when,
                    decision="approved" if approved else "",
                    decided_by=cru if approved else None,
                    decided_at=when + dt.timedelta(hours=4) if approved else None,
                    **old,
                )
            )
        elif booking.status == "arrived" and i % 5 == 2:
            rows.extend(_transfer(rng, booking, today + dt.timedelta(days=7), others, cru, when))
    BookingChange.objects.bulk_create(rows)
    return len(rows)


def _transfer(
    rng: Random,
    booking: SpaceBooking,
    on: dt.date,
    others: dict[str, list[Premises]],
    cru: User,
    when: dt.datetime,
) -> list[BookingChange]:
    """A planned transfer a week from now (nearer the resettlement area)."""
    choices = [p for p in others[booking.premises.sex] if p.pk != booking.premises_id]
    if not choices or booking.departure_on <= on:
        return []
    old = {"old_arrival_on": booking.arrival_on, "old_departure_on": booking.departure_on}
    moved = SpaceBooking.objects.create(
        person_id=booking.person_id,
        premises=rng.choice(choices),
        placement_request_id=booking.placement_request_id,
        arrival_on=on,
        departure_on=booking.departure_on,
        created_by=cru,
    )
    booking.departure_on = on
    booking.save(update_fields=["departure_on"])
    common = {"reason": "resettlement_area", "transfer_kind": "planned", "by": cru, "at": when, **old}
    return [
        BookingChange(booking=booking, kind="transfer_out", other_booking=moved, **common),
        BookingChange(booking=moved, kind="transfer_in", other_booking=booking, **common),
    ]
