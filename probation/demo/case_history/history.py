"""One person's case history: their planned sentences (``timeline``) turned into rows, with the
contacts of each sentence generated in date order and every unacceptable outcome handed to the
enforcement workflows as it happens, so a recall or a revoked order stops the contacts that follow.

Requirement progress is the sum of what the contacts credited (``Requirement.done`` is exactly
that sum): unpaid work hours from attended sessions, one RAR day per distinct date of an attended
RAR-linked contact, one programme session per attended session, never beyond the amount ordered.
"""

import datetime as dt
import math
from collections.abc import Sequence
from dataclasses import dataclass
from random import Random
from typing import TypeVar

from probation.demo.case_history import reference as ref
from probation.demo.case_history.sentence_rows import sentence_rows_add
from probation.demo.case_history.state import (
    OPEN_BREACH,
    OPEN_ENFORCEMENT,
    OPEN_RECALL,
    RunState,
    day_start,
)
from probation.demo.case_history.timeline import RequirementPlan, SentencePlan
from probation.demo.case_history.workflows import Enforcer
from probation.rules.contacts.outcomes import CONTACT_TYPES, OUTCOMES, counts_as_failure_to_comply
from probation.rules.contacts.outcomes import ContactTypeCode as C
from probation.rules.enforcement.compliance import EVIDENCE_DAYS

T = TypeVar("T")
HORIZON_DAYS = 28  # future appointments are booked up to four weeks ahead
ONE_DAY, FIVE_MINUTES = dt.timedelta(days=1), dt.timedelta(minutes=5)
EVIDENCE = dt.timedelta(days=EVIDENCE_DAYS)
# Enforcement (warnings, breach, recall) rests only on the failures the compliance count counts:
# unacceptable outcomes of enforceable appointments (enforcement.md, "Enforceable"), decided by the
# same rule (counts_as_failure_to_comply), so a breach in progress never shows 0 failures.
ENFORCEABLE = {
    code.value: counts_as_failure_to_comply(code, "UAAB", carries_out_requirement=False)
    for code in CONTACT_TYPES
}
ATTENDED = {code.value: o.attended is True for code, o in OUTCOMES.items()}
ACCEPTABLE = {code.value: o.acceptable for code, o in OUTCOMES.items()}
CREDITS_HOURS = {"ATTC": 7, "AFDA": 7, "ATSS": 3}
NOTE_POOLS = {
    code: ref.NOTES["attended" if code in ("ATTC", "AFDA", "ATSS") else ("acceptable" if ok else "absent")]
    for code, ok in ACCEPTABLE.items()
}


@dataclass
class PersonInput:
    id: int
    dob: dt.date
    officer_id: int
    officer_user: int
    senior_user: int
    town: str
    fail_rate: float
    budget: int
    rosh: str = ""


class HistoryWriter:
    def __init__(self, state: RunState) -> None:
        self.state = state
        self.horizon = state.today + dt.timedelta(days=HORIZON_DAYS)

    def person(self, rng: Random, person: PersonInput, plans: list[SentencePlan]) -> int:
        """Writes the person's rows into the state's chunk; returns the number of contacts."""
        budgets = self._budgets(person.budget, plans)
        written = 0
        for plan, budget in zip(plans, budgets, strict=True):
            written += self._sentence(rng, person, plan, budget)
            sentence_rows_add(
                self.state.rows,
                plan,
                person_id=person.id,
                created_by=person.officer_user,
                today=self.state.today,
            )
        return written

    def _window(self, plan: SentencePlan) -> tuple[dt.date, dt.date]:
        stop = plan.stop or self.horizon
        return plan.supervision_start, min(stop, self.horizon)

    def _budgets(self, total: int, plans: list[SentencePlan]) -> list[int]:
        weights = []
        for plan in plans:
            start, end = self._window(plan)
            custody = max(0, (min(start, self.state.today) - plan.start).days)
            weights.append(max(0, (end - start).days) + 0.1 * custody + 1)
        whole = sum(weights)
        budgets = [int(total * w / whole) for w in weights]
        order = sorted(range(len(plans)), key=lambda i: -weights[i])
        for i in range(total - sum(budgets)):
            budgets[order[i % len(order)]] += 1
        return budgets

    def _schedule(self, rng: Random, plan: SentencePlan, budget: int) -> list[tuple]:
        """(day, type, requirement) for the sentence, before outcomes and stops are applied."""
        today = self.state.today
        start, end = self._window(plan)
        items: list[tuple] = []
        upw = next((r for r in plan.requirements if r.type == "unpaid_work"), None)
        programme = next((r for r in plan.requirements if r.type == "accredited_programme"), None)
        if upw is not None and upw.ordered:
            sessions = math.ceil(upw.ordered / 7 * 1.15) + 1
            span = max(1, ((upw.end or end) - upw.start).days - 14)
            for i in range(sessions):
                day = upw.start + dt.timedelta(days=10 + int(span * (i + rng.random()) / sessions))
                if day <= end:
                    items.append((day, C.UNPAID_WORK_SESSION.value, upw))
        if programme is not None and programme.ordered:
            first = programme.start + dt.timedelta(days=rng.randint(30, 90))
            for i in range(programme.ordered + 3):
                day = first + dt.timedelta(days=7 * i)
                if day <= end:
                    items.append((day, C.PROGRAMME_SESSION.value, programme))
        general = max(3, budget - len(items))
        records = round(general * ref.RECORD_SHARE)
        appointments = general - records
        rand = rng.random
        if start <= end:
            items.append((start + dt.timedelta(days=rng.randint(0, 4)), C.INITIAL_APPOINTMENT.value, None))
            table = self._appointment_table(plan)
            span = (end - start).days
            kinds = rng.choices(table.values, cum_weights=table.cumulative, k=max(0, appointments - 1))
            for kind in kinds:
                day = start + ONE_DAY * int(span * rand() ** 1.35)
                weekday = day.weekday()
                if weekday >= 5:  # appointments on weekdays: move to the Friday before
                    day = max(start, day - ONE_DAY * (weekday - 4))
                items.append((day, kind, None))
        first = plan.start - dt.timedelta(days=2)
        last = min(end if start <= end else today, today)
        span = max(0, (last - first).days)
        kinds = rng.choices(ref.RECORDS.values, cum_weights=ref.RECORDS.cumulative, k=records)
        items += [(first + ONE_DAY * int(span * rand()), kind, None) for kind in kinds]
        items.sort(key=lambda item: item[0])
        return items

    def _appointment_table(self, plan: SentencePlan) -> ref.Weighted:
        weights = dict(ref.LICENCE_APPOINTMENTS if plan.licence else ref.ORDER_APPOINTMENTS)
        kinds = {r.type for r in plan.requirements}
        if kinds & {"drug_rehabilitation"} or (plan.licence and plan.licence.condition("drug_testing")):
            weights[C.DRUG_TEST] *= 6
            weights[C.COURT_REVIEW] = 2 if "drug_rehabilitation" in kinds else 0
        if kinds & {"drug_rehabilitation", "alcohol_treatment"}:
            weights[C.ALCOHOL_DRUG_KEY_WORKER_SESSION] *= 5
        if plan.licence and plan.licence.condition("approved_premises_residence"):
            weights[C.APPROVED_PREMISES_KEY_WORKER_SESSION] = 25
        return ref.Weighted(weights)

    def _sentence(self, rng: Random, person: PersonInput, plan: SentencePlan, budget: int) -> int:
        contacts = SentenceContacts(self.state, rng, person, plan)
        return contacts.write(self._schedule(rng, plan, budget))


_LOCATIONS = {
    C.PLANNED_OFFICE_VISIT: "{town} Probation Office",
    C.INITIAL_APPOINTMENT: "{town} Probation Office",
    C.DRUG_TEST: "{town} Probation Office",
    C.ALCOHOL_DRUG_KEY_WORKER_SESSION: "{town} Probation Office",
    C.HOME_VISIT: "Home address",
    C.DOORSTEP_CONTACT: "Home address",
    C.PLANNED_TELEPHONE_CONTACT: "By telephone",
    C.PLANNED_VIDEO_CONTACT: "Video call",
    C.UNPAID_WORK_SESSION: "{town} community payback project",
    C.PROGRAMME_SESSION: "{town} Probation Office, group room",
    C.COURT_REVIEW: "{town} Magistrates' Court",
    C.APPROVED_PREMISES_KEY_WORKER_SESSION: "Approved premises",
}
# Per contact type: attendance?, length, local start times, location, can count towards RAR?
TYPE_INFO = {
    code.value: (
        kind.attendance,
        dt.timedelta(minutes=ref.APPOINTMENT_MINUTES.get(code, 30)),
        ref.UPW_SLOTS
        if code is C.UNPAID_WORK_SESSION
        else (ref.SLOTS if kind.attendance else ref.RECORD_SLOTS),
        _LOCATIONS.get(code, ""),
        kind.counts_towards_rar and code is not C.PROGRAMME_SESSION,
    )
    for code, kind in CONTACT_TYPES.items()
}
RESCHEDULED_TO = 20  # the contact row's rescheduled_to_id


@dataclass(slots=True)
class _Contact:
    """One contact while it is drawn; ``SentenceContacts._row`` turns it into the table's row."""

    id: int
    kind: str
    day: dt.date
    appointment: bool
    starts: dt.datetime
    ends: dt.datetime | None
    link: RequirementPlan | None
    outcome: str = ""
    cancelled: dt.datetime | None = None
    evidence_due: dt.date | None = None
    credited: int = 0
    recorded: dt.datetime | None = None
    notes: str = ""
    sensitive: bool = False


class SentenceContacts:
    """The contacts of one sentence, drawn in date order. Each unacceptable outcome goes to the
    sentence's ``Enforcer`` as it happens, so a recall or a revoked order stops the contacts after it.

    The random draws happen in a fixed order per contact, so a seed always gives the same rows.
    """

    def __init__(self, state: RunState, rng: Random, person: PersonInput, plan: SentencePlan) -> None:
        self.state, self.rng, self.person, self.plan = state, rng, person, plan
        self.enforcer = Enforcer(
            state, rng, person_id=person.id, plan=plan, users=(person.officer_user, person.senior_user)
        )
        self.enforcer.rosh = person.rosh
        self.rar = next((r for r in plan.requirements if r.type == "rehabilitation_activity"), None)
        self.conditions = _condition_links(plan)
        self.waiting: dict[str, list] = {}  # type -> the rescheduled contact waiting for its new appointment

    def write(self, schedule: list[tuple]) -> int:
        """Appends a row per contact to the state's chunk; returns the number of contacts."""
        count = 0
        for day, kind, requirement in schedule:
            contact = self._draw(day, kind, requirement)
            if contact is not None:
                self._add(contact)
                count += 1
        return count

    def _draw(self, day: dt.date, kind: str, requirement: RequirementPlan | None) -> _Contact | None:
        appointment, length, slots, _, rar_type = TYPE_INFO[kind]
        if self._skipped(day, appointment, requirement):
            return None
        starts = day_start(day) + _pick(self.rng, slots)
        if not appointment and starts > self.state.moment:
            return None
        link = requirement
        contact = _Contact(
            self.state.take("contact"),
            kind,
            day,
            appointment,
            starts,
            starts + length if appointment else None,
            link,
        )
        if rar_type and link is None and self._counts_towards_rar(day):
            contact.link = self.rar
        if appointment and starts <= self.state.moment:
            self._happened(contact)
        elif not appointment:
            contact.notes = _pick(self.rng, ref.NOTES["record"])
        if contact.notes and self.rng.random() < 0.03:
            contact.notes, contact.sensitive = _pick(self.rng, ref.NOTES["sensitive"]), True
        return contact

    def _skipped(self, day: dt.date, appointment: bool, requirement: RequirementPlan | None) -> bool:
        """After the sentence stopped, while in custody, or once the requirement is done."""
        stop, enforcer = self.plan.terminated_on, self.enforcer
        if stop is not None and day > stop:
            return True
        if appointment and enforcer.blocked and enforcer.is_blocked(day):
            return True
        return requirement is not None and requirement.done >= (requirement.ordered or 0)

    def _counts_towards_rar(self, day: dt.date) -> bool:
        rar = self.rar
        return (
            rar is not None
            and self.rng.random() < 0.5
            and rar.done < (rar.ordered or 0)
            and rar.active_on(day)
        )

    def _happened(self, contact: _Contact) -> None:
        """An appointment in the past: cancelled, still waiting for its outcome, or recorded."""
        rand, ongoing = self.rng.random, self.plan.terminated_on is None
        ago = (self.state.today - contact.day).days
        if rand() < 0.01:
            contact.cancelled = contact.starts - ONE_DAY * (1 + int(rand() * 3))
        elif ongoing and ((ago <= 5 and rand() < 0.3) or rand() < 0.002):
            pass  # outstanding: the officer has not recorded the outcome yet
        else:
            self._record_outcome(contact, ago)

    def _record_outcome(self, contact: _Contact, ago: int) -> None:
        rand = self.rng.random
        outcome = self._outcome(contact.kind, ago)
        if (
            self.plan.terminated_on is None
            and ACCEPTABLE[outcome]
            and ENFORCEABLE[contact.kind]
            and self._showcase_failure(ago)
        ):
            # Showcase: a recent failure to attend still waiting for evidence, if none yet.
            outcome = "AFTA" if ago <= EVIDENCE_DAYS and self.state.missing("outcome", ("AFTA",)) else "UAAB"
        contact.outcome = outcome
        if outcome == "AFTA":
            contact.evidence_due = contact.day + EVIDENCE
            self.state.saw("outcome", "AFTA")
        assert contact.ends is not None
        # Failures are recorded within the hour, before anything is decided on them (the next
        # working day at the earliest); other outcomes up to a day later.
        within = 300 if ACCEPTABLE[outcome] else 12
        contact.recorded = min(contact.ends + FIVE_MINUTES * (1 + int(rand() * within)), self.state.moment)
        if contact.link is not None and ATTENDED[outcome]:
            credit = _credit(self.rng, contact.link, contact.day, outcome)
            # Contact.credited is in minutes for unpaid work (ADR 0048); the requirement keeps hours.
            contact.credited = credit * 60 if contact.link.type == "unpaid_work" else credit
        if rand() < 0.7:
            contact.notes = _pick(self.rng, NOTE_POOLS[outcome])

    def _showcase_failure(self, ago: int) -> bool:
        """Until every open workflow state has been produced once, recent failures on current
        sentences make them, so even a small demo shows each state (see RunState.seen)."""
        state = self.state
        if ago <= 1:
            return state.missing("enforcement", OPEN_ENFORCEMENT)
        if 8 <= ago <= 30:
            if self.plan.licence is not None:
                return state.missing("recall", OPEN_RECALL)
            return state.missing("breach", OPEN_BREACH)
        return False

    def _outcome(self, kind: str, ago: int) -> str:
        rng, drug = self.rng, kind == "drug_test"
        if rng.random() < self.person.fail_rate * (1.4 if kind == "unpaid_work_session" else 1.0):
            code = (ref.DRUG_TEST_FAILURES if drug else ref.UNACCEPTABLE).pick(rng)
            # A failure to attend waits 7 days for evidence; after that it has been decided.
            if code == "UAAB" and ago <= EVIDENCE_DAYS and rng.random() < 0.6:
                return "AFTA"
            return code
        return (ref.DRUG_TEST if drug else ref.ACCEPTABLE).pick(rng)

    def _add(self, contact: _Contact) -> None:
        """The row, the link from a rescheduled contact to this one, and any enforcement it starts."""
        row = self._row(contact)
        self.state.rows["contact"].append(row)
        kind, outcome = contact.kind, contact.outcome
        if contact.appointment and not contact.cancelled and kind in self.waiting:
            self.waiting.pop(kind)[RESCHEDULED_TO] = contact.id
        if outcome in ref.RESCHEDULED:
            self.waiting[kind] = row
        if outcome and counts_as_failure_to_comply(
            kind, outcome, carries_out_requirement=self._carries_out(contact)
        ):
            self.enforcer.failure(contact.id, contact.day, contact.recorded)

    def _carries_out(self, contact: _Contact) -> bool:
        """Linked to a requirement or a licence condition, as ``Contact.links_requirement`` reads the row."""
        return contact.link is not None or self.conditions.get(contact.kind) is not None

    def _row(self, contact: _Contact) -> list:
        # The draws in this list happen left to right: keep their order, or every seed's data changes.
        rand, moment, person = self.rng.random, self.state.moment, self.person
        appointment, outcome, link = contact.appointment, contact.outcome, contact.link
        location = TYPE_INFO[contact.kind][3]
        created = contact.starts - ONE_DAY * (2 + int(rand() * 13)) if appointment else contact.starts
        created = min(created, moment)
        return [
            contact.id,
            person.id,
            contact.kind,
            appointment,
            contact.starts,
            contact.ends,
            person.officer_id,
            location.format(town=person.town) if location else "",
            self.plan.id if (appointment or rand() < 0.7) else None,
            link.id if link is not None else None,
            self.conditions.get(contact.kind),
            contact.notes,
            contact.sensitive,
            outcome,
            contact.recorded,
            person.officer_user if outcome else None,
            contact.credited,
            contact.evidence_due,
            contact.cancelled,
            ref.CANCEL_REASONS[int(rand() * 4)] if contact.cancelled else "",
            None,  # RESCHEDULED_TO: set when the new appointment is booked
            "sms" if appointment and contact.starts > moment and rand() < 0.3 else "",
            person.officer_user,
            created,
            contact.recorded or contact.cancelled or created,
            1,
        ]


def _condition_links(plan: SentencePlan) -> dict[str, int | None]:
    """The licence condition a drug test or approved-premises session is held under."""
    if not plan.licence:
        return {}
    return {
        C.DRUG_TEST.value: plan.licence.condition("drug_testing"),
        C.APPROVED_PREMISES_KEY_WORKER_SESSION.value: plan.licence.condition("approved_premises_residence"),
    }


def _pick(rng: Random, pool: Sequence[T]) -> T:
    return pool[int(rng.random() * len(pool))]


def _credit(rng: Random, requirement: RequirementPlan, day: dt.date, outcome: str) -> int:
    remaining = (requirement.ordered or 0) - requirement.done
    if remaining <= 0:
        return 0
    if requirement.type == "unpaid_work":
        credit = min(remaining, CREDITS_HOURS.get(outcome, 0) or 0)
        if credit and outcome == "ATTC" and rng.random() < 0.15:
            credit = min(remaining, rng.choice((4, 5, 6)))
    elif requirement.type == "rehabilitation_activity":
        credit = 0 if day in requirement.days_used or outcome not in ("ATTC", "AFDA", "ATSS") else 1
        if credit:
            requirement.days_used.add(day)
    else:
        credit = 1 if outcome in ("ATTC", "AFDA") else 0
    if credit:
        requirement.done += credit
        requirement.last_credit = day
    return credit
