"""One person's case history: their planned sentences (``timeline``) turned into rows, with the
contacts of each sentence generated in date order and every unacceptable outcome handed to the
enforcement workflows as it happens, so a recall or a revoked order stops the contacts that follow.

Requirement progress is the sum of what the contacts credited (``Requirement.done`` is exactly
that sum): unpaid work hours from attended sessions, one RAR day per distinct date of an attended
RAR-linked contact, one programme session per attended session, never beyond the amount ordered.
"""

import datetime as dt
import math
from dataclasses import dataclass
from random import Random

from probation.demo.case_history import reference as ref
from probation.demo.case_history.state import (
    OPEN_BREACH,
    OPEN_ENFORCEMENT,
    OPEN_RECALL,
    RunState,
    at,
    day_start,
)
from probation.demo.case_history.timeline import SentencePlan
from probation.demo.case_history.workflows import Enforcer
from probation.sentences.domain.compliance import EVIDENCE_DAYS
from probation.sentences.domain.outcomes import CONTACT_TYPES, OUTCOMES
from probation.sentences.domain.outcomes import ContactTypeCode as C

HORIZON_DAYS = 28  # future appointments are booked up to four weeks ahead
ONE_DAY, FIVE_MINUTES = dt.timedelta(days=1), dt.timedelta(minutes=5)
EVIDENCE = dt.timedelta(days=EVIDENCE_DAYS)
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
            self._sentence_rows(person, plan)
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
        state, today, moment = self.state, self.state.today, self.state.moment
        enforcer = Enforcer(
            state, rng, person_id=person.id, plan=plan, users=(person.officer_user, person.senior_user)
        )
        enforcer.rosh = person.rosh
        rar = next((r for r in plan.requirements if r.type == "rehabilitation_activity"), None)
        conditions = {}
        if plan.licence:
            conditions = {
                C.DRUG_TEST.value: plan.licence.condition("drug_testing"),
                C.APPROVED_PREMISES_KEY_WORKER_SESSION.value: plan.licence.condition(
                    "approved_premises_residence"
                ),
            }
        rows = state.rows["contact"]
        waiting: dict[str, list] = {}  # type -> the rescheduled contact waiting for its new appointment
        rand = rng.random
        officer, officer_user, person_id, town = (
            person.officer_id,
            person.officer_user,
            person.id,
            person.town,
        )
        fail_rate, sentence_id = person.fail_rate, plan.id
        next_id = state.ids["contact"]
        count = 0
        for day, kind, requirement in self._schedule(rng, plan, budget):
            stop = plan.terminated_on
            appointment, length, slots, location, rar_type = TYPE_INFO[kind]
            if (stop is not None and day > stop) or (
                appointment and enforcer.blocked and enforcer.is_blocked(day)
            ):
                continue
            if requirement is not None and requirement.done >= (requirement.ordered or 0):
                continue
            starts = day_start(day) + slots[int(rand() * len(slots))]
            if not appointment and starts > moment:
                continue
            contact_id, next_id = next_id, next_id + 1
            ends = starts + length if appointment else None
            link = requirement
            if (
                rar_type
                and link is None
                and rar is not None
                and rand() < 0.5
                and rar.done < (rar.ordered or 0)
                and rar.active_on(day)
            ):
                link = rar
            outcome, cancelled, evidence_due, credited, recorded = "", None, None, 0, None
            notes, sensitive = "", False
            if appointment and starts <= moment:
                ago = (today - day).days
                if rand() < 0.01:
                    cancelled = starts - ONE_DAY * (1 + int(rand() * 3))
                elif stop is None and ((ago <= 5 and rand() < 0.3) or rand() < 0.002):
                    pass  # outstanding: the officer has not recorded the outcome yet
                else:
                    outcome = self._outcome(rng, kind, fail_rate, ago)
                    if stop is None and ACCEPTABLE[outcome] and self._showcase_failure(plan, ago):
                        outcome = "UAAB"
                    if outcome == "AFTA":
                        evidence_due = day + EVIDENCE
                    recorded = ends + FIVE_MINUTES * (1 + int(rand() * 300))
                    if recorded > moment:
                        recorded = moment
                    if link is not None and ATTENDED[outcome]:
                        credited = self._credit(rng, link, day, outcome)
                    if rand() < 0.7:
                        pool = NOTE_POOLS[outcome]
                        notes = pool[int(rand() * len(pool))]
            elif not appointment:
                pool = ref.NOTES["record"]
                notes = pool[int(rand() * len(pool))]
            if notes and rand() < 0.03:
                pool = ref.NOTES["sensitive"]
                notes, sensitive = pool[int(rand() * len(pool))], True
            created = starts - ONE_DAY * (2 + int(rand() * 13)) if appointment else starts
            if created > moment:
                created = moment
            row = [
                contact_id,
                person_id,
                kind,
                appointment,
                starts,
                ends,
                officer,
                location.format(town=town) if location else "",
                sentence_id if (appointment or rand() < 0.7) else None,
                link.id if link is not None else None,
                conditions.get(kind),
                notes,
                sensitive,
                outcome,
                recorded,
                officer_user if outcome else None,
                credited,
                evidence_due,
                cancelled,
                ref.CANCEL_REASONS[int(rand() * 4)] if cancelled else "",
                None,
                "sms" if appointment and starts > moment and rand() < 0.3 else "",
                officer_user,
                created,
                recorded or cancelled or created,
                1,
            ]
            rows.append(row)
            count += 1
            if appointment and not cancelled and kind in waiting:
                waiting.pop(kind)[20] = contact_id
            if outcome in ref.RESCHEDULED:
                waiting[kind] = row
            if outcome and not ACCEPTABLE[outcome]:
                state.ids["contact"] = next_id
                enforcer.failure(contact_id, day)
        state.ids["contact"] = next_id
        return count

    def _showcase_failure(self, plan: SentencePlan, ago: int) -> bool:
        """Until every open workflow state has been produced once, recent failures on current
        sentences make them, so even a small demo shows each state (see RunState.seen)."""
        state = self.state
        if ago <= 1:
            return state.missing("enforcement", OPEN_ENFORCEMENT)
        if 8 <= ago <= 30:
            if plan.licence is not None:
                return state.missing("recall", OPEN_RECALL)
            return state.missing("breach", OPEN_BREACH)
        return False

    def _outcome(self, rng: Random, kind: str, fail_rate: float, ago: int) -> str:
        drug = kind == "drug_test"
        if rng.random() < fail_rate * (1.4 if kind == "unpaid_work_session" else 1.0):
            code = (ref.DRUG_TEST_FAILURES if drug else ref.UNACCEPTABLE).pick(rng)
            # A failure to attend waits 7 days for evidence; after that it has been decided.
            if code == "UAAB" and ago <= EVIDENCE_DAYS and rng.random() < 0.6:
                return "AFTA"
            return code
        return (ref.DRUG_TEST if drug else ref.ACCEPTABLE).pick(rng)

    def _credit(self, rng: Random, requirement, day: dt.date, outcome: str) -> int:
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

    def _sentence_rows(self, person: PersonInput, plan: SentencePlan) -> None:
        rows, stamp = self.state.rows, at(plan.conviction_date, 12)
        today = self.state.today
        rows["event"].append(
            [
                plan.event_id,
                person.id,
                plan.number,
                plan.conviction_date,
                plan.court,
                person.officer_user,
                stamp,
                stamp,
                1,
            ]
        )
        for code, description, day, main, counts in plan.offences:
            rows["eventoffence"].append([plan.event_id, code, description, day, main, counts])
        rows["sentence"].append(
            [
                plan.id,
                plan.event_id,
                person.id,
                plan.type,
                plan.kind,
                plan.start,
                plan.length_months,
                plan.custodial_months,
                plan.start,
                plan.expected_end,
                plan.terminated_on,
                plan.termination_reason,
                plan.last_breach_ended_on,
                stamp,
                stamp,
                1,
            ]
        )
        for req in plan.requirements:
            ended, reason = None, ""
            tracked = req.ordered is not None and req.type in (
                "unpaid_work",
                "rehabilitation_activity",
                "accredited_programme",
            )
            finished = tracked and req.done >= (req.ordered or 0)
            if plan.terminated_on is not None:
                ended = min(req.end or plan.terminated_on, plan.terminated_on)
                reason = "completed" if finished or (not tracked and ended == req.end) else "order_ended"
            elif finished and req.last_credit is not None:
                ended, reason = req.last_credit, "completed"
            elif not tracked and req.end is not None and req.end < today:
                ended, reason = req.end, "completed"
            rows["requirement"].append(
                [
                    req.id,
                    plan.id,
                    req.type,
                    req.ordered,
                    req.done,
                    req.start,
                    req.end,
                    req.details,
                    req.electronic_monitoring,
                    ended,
                    reason,
                    stamp,
                    stamp,
                    1,
                ]
            )
        licence = plan.licence
        if licence is not None:
            rows["licence"].append(
                [
                    licence.id,
                    plan.id,
                    licence.supervision,
                    licence.release,
                    licence.release,
                    licence.licence_expiry,
                    licence.sentence_expiry,
                    licence.pss_end,
                    licence.top_up_end,
                    licence.prison,
                    stamp,
                    stamp,
                    1,
                ]
            )
            for ordinal, (condition_id, kind, category, text) in enumerate(licence.conditions, start=1):
                rows["licencecondition"].append(
                    [
                        condition_id,
                        licence.id,
                        kind,
                        category,
                        text,
                        licence.release,
                        None,
                        ordinal,
                        stamp,
                        stamp,
                        1,
                    ]
                )


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
