"""Victim contact scheme demo data (issue 15): every demo conviction the statutory rules bring in
(a violent or sexual offence with 12 months or more in custody) becomes a scheme case on its region's
unit list, with victims and representatives, their choices, a contact history and requests to the
COM, in proportions that look like a real unit's: most first contacts made within the 40 working
days, some late, a few overdue; about six in ten victims opted in.

The demo ``vlo`` gets a colleague (``vlo2``) and a unit manager (``vlo-manager``, who allocates
and reallocates the unit's cases); about one case in twelve is closed with a reason and its history;
victims who chose email or text have their letters in the unit's own outbox (mostly sent, a few failed
to try again).

Rows are bulk-written (3,000 people in a few seconds). Running it again adds nothing for convictions
already in the scheme. Names and addresses are made up (Faker en_GB, seeded).
"""

import datetime as dt
import os
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from random import Random

from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.db.models import Q
from faker import Faker

from probation.accounts.models import Role, Staff, User
from probation.core.clock import now
from probation.core.key_events import KeyEventKind
from probation.rules.calendar.working_days import add_working_days
from probation.rules.victims.eligibility import (
    Scheme,
    SentenceFacts,
    first_contact_due,
    statutory_eligibility,
)
from probation.sentences.models import EventOffence, Sentence
from probation.victims.models import (
    ClosureReason,
    KeyStageTask,
    Representation,
    SchemeCase,
    SchemeCaseChange,
    Victim,
    VictimContact,
    VictimLetter,
    VictimMessage,
)
from probation.victims.services.victims import name_key

DEMO_VLO = "vlo"
DEMO_VLO_2 = "vlo2"
DEMO_VLO_MANAGER = "vlo-manager"
CLOSED_SHARE = 0.08
CLOSE_REASONS = (
    (ClosureReason.OPTED_OUT, 45),
    (ClosureReason.SENTENCE_ENDED, 30),
    (ClosureReason.NO_VICTIM, 15),
    (ClosureReason.OFFENDER_DIED, 5),
    (ClosureReason.DEPORTED, 5),
)
SEED = 15
PARTICIPATION = (("opted_in", 60), ("opted_out", 18), ("deferred", 8), ("undecided", 14))
INFORMATION = (("key_stages", 70), ("release_month", 20), ("annual", 10))
METHODS = (("letter", 55), ("email", 25), ("phone", 15), ("sms", 5))
REQUESTS = (
    ("no_contact", "No contact with the victim or any member of her family, directly or indirectly"),
    ("exclusion_zone", "An exclusion zone around the victim's home area and place of work"),
    ("children", "No unsupervised contact with any child under 18"),
    ("other", "Not to post anything about the victim on social media"),
)


@dataclass
class Result:
    cases: int = 0
    victims: int = 0
    contacts: int = 0
    requests: int = 0


def _pick(rng: Random, weighted: tuple[tuple[str, int], ...]) -> str:
    return rng.choices([v for v, _ in weighted], weights=[w for _, w in weighted])[0]


def _eligible(today: dt.date) -> list[tuple[Sentence, str]]:
    sentences = list(
        Sentence.objects.filter(type="custodial", sentence_date__lte=today)
        .filter(Q(custodial_months__gte=12) | Q(kind="indeterminate"))
        .exclude(event_id__in=SchemeCase.objects.filter(event__isnull=False).values("event_id"))
        .select_related("person__pdu")
        .only(
            "id",
            "event_id",
            "person_id",
            "sentence_date",
            "custodial_months",
            "kind",
            "type",
            "person__pdu__region_id",
        )
    )
    codes: dict[int, list[str]] = defaultdict(list)
    for event_id, code in EventOffence.objects.filter(
        event_id__in=[s.event_id for s in sentences]
    ).values_list("event_id", "ho_code"):
        codes[event_id].append(code)
    found = []
    for sentence in sentences:
        facts = SentenceFacts(
            offence_codes=tuple(codes[sentence.event_id]),
            custodial=True,
            custodial_months=sentence.custodial_months,
            indeterminate=sentence.kind == "indeterminate",
        )
        result = statutory_eligibility(facts)
        if result.eligible and result.basis is not None:
            found.append((sentence, result.basis.value))
    return found


def _first_contact(rng: Random, sentenced: dt.date, due: dt.date, today: dt.date) -> dt.date | None:
    """Most units write within the 40 working days; about one in ten late, a few still waiting."""
    roll = rng.random()
    if roll < 0.05 and due < today:
        return None
    if roll < 0.15:
        made = add_working_days(due, rng.randint(1, 20))
    else:
        made = add_working_days(sentenced, rng.randint(5, 40))
    return made if made <= today else None


def _demo_vlo(rng: Random, vlo: User | None, colleague: User | None) -> Staff | None:
    roll = rng.random()
    if vlo is not None and roll < 0.4:
        return vlo.staff
    if colleague is not None and roll < 0.7:
        return colleague.staff
    return None


class _Builder:
    def __init__(self, rng: Random, fake: Faker, today: dt.date, actor: User) -> None:
        self.rng, self.fake, self.today, self.actor = rng, fake, today, actor

    def victim(self, case: SchemeCase, **fields: object) -> Victim:
        forename, surname = self.fake.first_name(), self.fake.last_name()
        method = _pick(self.rng, METHODS)
        contacted = case.first_contact_on is not None
        participation = _pick(self.rng, PARTICIPATION) if contacted else "undecided"
        return Victim(
            scheme_case=case,
            forename=forename,
            surname=surname,
            name_key=name_key(forename, surname),
            address=f"{self.fake.building_number()} {self.fake.street_name()}\n{self.fake.city()}",
            postcode=self.fake.postcode(),
            phone=self.fake.phone_number()[:20],
            email=self.fake.email() if method == "email" else "",
            preferred_method=method,
            participation=participation,
            participation_on=case.first_contact_on if participation != "undecided" else None,
            information_level=_pick(self.rng, INFORMATION),
            interpreter_language=self.rng.choice(["", "", "", "", "", "", "", "", "Polish", "Urdu", "Welsh"]),
            created_by=self.actor,
            **fields,
        )

    def contacts(self, victim: Victim, first_on: dt.date | None) -> list[VictimContact]:
        if first_on is None:
            return []
        rows = [
            VictimContact(
                victim=victim,
                contact_date=first_on,
                method="letter",
                summary="Letter offering the victim contact scheme and a meeting",
                first_contact=True,
                recorded_by=self.actor,
            )
        ]
        day = first_on
        for summary in (
            "Phone call: explained the sentence and what happens next",
            "Home visit",
            "Letter: update at the victim's chosen level",
        )[: self.rng.randint(0, 3)]:
            day = day + dt.timedelta(days=self.rng.randint(10, 120))
            if day > self.today:
                break
            rows.append(
                VictimContact(
                    victim=victim,
                    contact_date=day,
                    method=_pick(self.rng, METHODS),
                    summary=summary,
                    recorded_by=self.actor,
                )
            )
        return rows


def unit_logins(vlo: User | None) -> tuple[User | None, User | None]:
    """The demo VLO's colleague and the unit's manager, in the VLO's team (created once)."""
    if vlo is None or vlo.staff is None:
        return None, None
    password = make_password(os.environ.get("DEMO_PASSWORD") or "demo-password-1")
    made = []
    for username, role, code, (forename, surname) in (
        (DEMO_VLO_2, Role.VLO, "DVLO2", ("Priya", "Chandran")),
        (DEMO_VLO_MANAGER, Role.VLO_MANAGER, "DVLOM", ("Gareth", "Morgan")),
    ):
        user = User.objects.filter(username=username).first()
        if user is None:
            staff, _ = Staff.objects.get_or_create(
                code=code,
                defaults={"forename": forename, "surname": surname, "grade": "VLO", "team": vlo.staff.team},
            )
            user = User.objects.create(
                username=username,
                role=role,
                staff=staff,
                password=password,
                first_name=forename,
                last_name=surname,
            )
        made.append(user)
    return made[0], made[1]


def _close_some(rng: Random, cases: list[SchemeCase], today: dt.date, actor: User) -> int:
    """Older cases closed with a reason and a history row (they leave the unit's open list)."""
    closed, changes = [], []
    for case in cases:
        if case.sentence_date > today - dt.timedelta(days=120) or rng.random() >= CLOSED_SHARE:
            continue
        on = min(today, case.sentence_date + dt.timedelta(days=rng.randint(100, 700)))
        case.closed_on, case.closed_reason = on, _pick(rng, CLOSE_REASONS)
        closed.append(case)
        changes.append(
            SchemeCaseChange(scheme_case=case, action="closed", reason=case.closed_reason, on=on, by=actor)
        )
    SchemeCase.objects.bulk_update(closed, ["closed_on", "closed_reason"], batch_size=2000)
    SchemeCaseChange.objects.bulk_create(changes, batch_size=2000)
    return len(closed)


def _messages(rng: Random, victims: list[Victim], actor: User, today: dt.date) -> int:
    """Letters by email or text for opted-in victims who chose it: most sent, a few failed."""
    letters, messages = [], []
    for victim in victims:
        to = victim.email if victim.preferred_method == "email" else victim.phone
        case = victim.scheme_case
        if victim.participation != "opted_in" or victim.preferred_method not in ("email", "sms") or not to:
            continue
        letter = VictimLetter(
            victim=victim, kind="scheme_offer", sent_on=case.first_contact_on or today, sent_by=actor
        )
        letters.append(letter)
        failed = rng.random() < 0.1
        messages.append(
            VictimMessage(
                letter=letter,
                victim=victim,
                channel=victim.preferred_method,
                to=to,
                body=(
                    f"Victim liaison unit\nOffer of the victim contact scheme\nDear {victim.name},\n"
                    "Because of the sentence passed, you are entitled to join the Victim Contact Scheme."
                ),
                status="failed" if failed else "sent",
                attempts=1,
                backend="recording",
                last_attempt_at=now(),
                sent_at=None if failed else now(),
            )
        )
    VictimLetter.objects.bulk_create(letters, batch_size=2000)
    VictimMessage.objects.bulk_create(messages, batch_size=2000)
    return len(messages)


def generate(*, today: dt.date, log: Callable[[str], object] = print) -> Result:
    rng, fake = Random(SEED), Faker("en_GB")  # noqa: S311 - demo data, not security
    fake.seed_instance(SEED)
    vlo = User.objects.select_related("staff__team__pdu").filter(username=DEMO_VLO, role=Role.VLO).first()
    actor = vlo or User.objects.filter(role=Role.SYSTEM_ADMIN).first() or User.objects.order_by("pk").first()
    result = Result()
    if actor is None:
        log("No users: run generate_data first")
        return result
    builder = _Builder(rng, fake, today, actor)
    vlo_region = vlo.staff.team.pdu.region_id if vlo and vlo.staff else None
    colleague, _manager = unit_logins(vlo)
    with transaction.atomic():
        cases = []
        for sentence, basis in _eligible(today):
            due = first_contact_due(Scheme.STATUTORY, sentence.sentence_date)
            region = sentence.person.pdu.region_id
            cases.append(
                SchemeCase(
                    person_id=sentence.person_id,
                    event_id=sentence.event_id,
                    scheme=Scheme.STATUTORY,
                    basis=basis,
                    sentence_date=sentence.sentence_date,
                    first_contact_due=due,
                    first_contact_on=_first_contact(rng, sentence.sentence_date, due, today),
                    region_id=region,
                    vlo=_demo_vlo(rng, vlo, colleague) if region == vlo_region else None,
                    entered_on=sentence.sentence_date,
                )
            )
        SchemeCase.objects.bulk_create(cases, batch_size=2000)
        KeyStageTask.objects.bulk_create(
            [
                KeyStageTask(
                    scheme_case=c,
                    kind=KeyEventKind.SENTENCED,
                    event_date=c.sentence_date,
                    told_on=c.sentence_date,
                    done_on=c.first_contact_on,
                )
                for c in cases
            ],
            batch_size=2000,
        )
        victims: list[Victim] = []
        for case in cases:
            victims.append(builder.victim(case))
            if rng.random() < 0.15:
                victims.append(builder.victim(case))
        Victim.objects.bulk_create(victims, batch_size=2000)
        representatives = [
            builder.victim(v.scheme_case, role="parent", represents=v, relationship="Parent")
            for v in victims
            if rng.random() < 0.06
        ]
        Victim.objects.bulk_create(representatives, batch_size=2000)
        contacts = [
            row
            for v in victims + representatives
            for row in builder.contacts(v, v.scheme_case.first_contact_on)
        ]
        VictimContact.objects.bulk_create(contacts, batch_size=5000)
        requests = [
            Representation(
                scheme_case=v.scheme_case,
                victim=v,
                kind=kind,
                request=text,
                status=(status := rng.choice(["with_com", "included", "included", "declined"])),
                sent_on=v.scheme_case.first_contact_on or today,
                sent_by=actor,
                decision_reason=""
                if status == "with_com"
                else "Necessary and proportionate to protect the victim"
                if status == "included"
                else "Covered by the standard no-contact condition",
                decided_on=None if status == "with_com" else today,
            )
            for v in victims
            if v.participation == "opted_in" and rng.random() < 0.35
            for kind, text in [rng.choice(REQUESTS)]
        ]
        Representation.objects.bulk_create(requests, batch_size=2000)
        closed = _close_some(rng, cases, today, actor)
        sent = _messages(rng, victims, actor, today)
    result.cases, result.victims = len(cases), len(victims) + len(representatives)
    result.contacts, result.requests = len(contacts), len(requests)
    log(
        f"{result.cases} cases in the victim contact scheme, {result.victims} victims and representatives, "
        f"{result.contacts} victim contacts, {result.requests} requests to the COM, {closed} cases closed, "
        f"{sent} letters by email or text"
    )
    return result
