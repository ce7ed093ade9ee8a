"""What happened after each unacceptable outcome on one sentence: the enforcement action, and any
breach or recall, decided with the real rules (probation.rules) in date order.

- Every unacceptable outcome opens an enforcement case, respond by 10 working days after the failure.
- Orders (Sentencing Act 2020 Sch 10 para 6): with a warning given in the last 12 months breach is
  the only lawful decision; otherwise one warning, sometimes breach straight away. Failures while a
  breach is in progress are added to it (one open breach per sentence).
- Licences: warning, licence compliance letter, recall or no further action; a recall returns the
  person to custody (fixed-term 14 or 28 days, standard until re-released or the licence ends), and
  there is at most one recall in progress per licence.
Cases decided after today are left open (awaiting action, referred, pending the person's response).
"""

import datetime as dt
import json
from dataclasses import dataclass, field
from random import Random

from probation.demo.case_history.state import OPEN_BREACH, OPEN_RECALL, RunState, at, working_days_after
from probation.demo.case_history.timeline import SentencePlan
from probation.rules.enforcement.actions import EnforcementAction as A
from probation.rules.enforcement.actions import allowed_enforcement_actions
from probation.rules.enforcement.breach import OrderKind, WarningGiven
from probation.rules.enforcement.recall import (
    RecallCase,
    RecallType,
    allowed_recall_types,
    fixed_term_re_release_date,
    recall_rules_in_force_on,
)
from probation.rules.sentences.licences import SentenceKind

ENFORCEMENT_DAYS = 10
OPEN_STATES = {"awaiting_action": 70, "referred_to_offender_manager": 15, "pending_response": 15}
BREACH_OUTCOMES = {
    "proven_order_continues": 35,
    "proven_order_amended": 25,
    "proven_fined": 10,
    "not_proven": 4,
    "proven_revoked_and_resentenced": 15,
    "proven_committed_to_custody": 5,
}
ENDS_ORDER = {"proven_revoked_and_resentenced", "proven_committed_to_custody"}
RESULT = {
    A.FIRST_WARNING_LETTER: "first_warning_sent",
    A.SECOND_WARNING_LETTER: "second_warning_sent",
    A.BREACH_OR_RECALL_INITIATED: "breach_or_recall_initiated",
    A.NO_FURTHER_ACTION: "no_further_action",
}
BY_STATUS = {status: action for action, status in RESULT.items()}


@dataclass
class Breach:
    id: int
    initiated_on: dt.date
    ended_on: dt.date | None  # None: still in progress today
    failures: list[int] = field(default_factory=list)


@dataclass
class Recall:
    final_on: dt.date | None  # the day it reached a final state; None: still in progress today


class Enforcer:
    def __init__(
        self, state: RunState, rng: Random, *, person_id: int, plan: SentencePlan, users: tuple
    ) -> None:
        self.state, self.rng, self.person_id, self.plan = state, rng, person_id, plan
        self.officer_user, self.senior_user = users
        if plan.licence is not None:
            self.order = OrderKind.LICENCE
        elif plan.type == "community_order":
            self.order = OrderKind.COMMUNITY_ORDER
        else:
            self.order = OrderKind.SUSPENDED_SENTENCE_ORDER
        self.warnings: list[WarningGiven] = []
        self.breach: Breach | None = None
        self.recall: Recall | None = None
        self.failures: list[tuple[int, dt.date]] = []
        self.blocked: tuple[dt.date, dt.date | None] | None = None  # in custody after a recall

    def is_blocked(self, day: dt.date) -> bool:
        return (
            self.blocked is not None
            and self.blocked[0] <= day
            and (self.blocked[1] is None or day < self.blocked[1])
        )

    def failure(self, contact_id: int, day: dt.date, recorded: dt.datetime | None = None) -> None:
        """An unacceptable outcome of an enforceable appointment, recorded at ``recorded``: the
        enforcement case opens once the outcome is recorded, never before."""
        rng, today = self.rng, self.state.today
        self.failures.append((contact_id, day))
        respond_by = working_days_after(day, ENFORCEMENT_DAYS)
        late = rng.random() < 0.06
        decided = working_days_after(day, rng.randint(11, 15) if late else rng.randint(1, 9))
        case = self.state.take("enforcementcase")
        opened = at(day, 17, rng.randrange(60))
        if recorded is not None and recorded > opened:
            opened = recorded + dt.timedelta(minutes=1)
        steps = [("", "awaiting_action", "", opened, "")]
        status, reason, decided_on = "awaiting_action", "", None
        if decided > today:
            status = self.state.prefer(rng, "enforcement", OPEN_STATES)
            if status != "awaiting_action":
                action = (
                    A.REFER_TO_OFFENDER_MANAGER
                    if status.startswith("referred")
                    else A.DECISION_PENDING_RESPONSE
                )
                steps.append(
                    (
                        "awaiting_action",
                        status,
                        action.value,
                        at(min(day + dt.timedelta(days=1), today), 11),
                        "",
                    )
                )
        else:
            if rng.random() < 0.08:
                referred = at(day + dt.timedelta(days=1), 10)
                steps.append(
                    (
                        "awaiting_action",
                        "referred_to_offender_manager",
                        A.REFER_TO_OFFENDER_MANAGER.value,
                        referred,
                        "",
                    )
                )
            action = self._decide(contact_id, day, decided)
            status, decided_on = RESULT[action], decided
            if action is A.NO_FURTHER_ACTION:
                reason = "Explanation accepted after discussion; reporting instructions repeated."
            steps.append((steps[-1][1], status, action.value, at(decided, 15, rng.randrange(60)), ""))
            if status == "first_warning_sent" and rng.random() < 0.03:
                withdrawn = decided + dt.timedelta(days=rng.randint(3, 20))
                if withdrawn <= today:
                    self.warnings[-1] = WarningGiven(decided, withdrawn=True)
                    status = "warning_withdrawn"
                    steps.append(
                        ("first_warning_sent", status, A.WITHDRAW_WARNING.value, at(withdrawn, 12), "")
                    )
        self.state.saw("enforcement", status)
        last_action = next((s[2] for s in reversed(steps) if s[2]), "")
        stamp_end = steps[-1][3]
        self.state.rows["enforcementcase"].append(
            [case, contact_id, self.plan.id, self.person_id, day, status, last_action, respond_by, decided_on,
             self.officer_user if decided_on else None, reason, steps[0][3], stamp_end, len(steps)]
        )  # fmt: skip
        for from_status, to_status, action_value, moment, note in steps:
            self.state.rows["enforcementstep"].append(
                [case, action_value, from_status, to_status, self.officer_user, moment, note]
            )

    def _decide(self, contact_id: int, day: dt.date, decided: dt.date) -> A:
        rng = self.rng
        # A failure while a breach is in progress is added to it (even when decided after the breach
        # concluded): a new breach may rely only on failures after the last one ended (the reset date).
        breach = self.breach
        if breach is not None and (
            breach.ended_on is None or day < breach.ended_on or decided < breach.ended_on
        ):
            if contact_id not in breach.failures:
                breach.failures.append(contact_id)
                self.state.rows["breachfailure"].append([breach.id, contact_id])
            return A.BREACH_OR_RECALL_INITIATED
        if self.recall is not None and (self.recall.final_on is None or decided < self.recall.final_on):
            return A.BREACH_OR_RECALL_INITIATED
        allowed = allowed_enforcement_actions(self.order, warnings=self.warnings, considered_on=decided)
        if self.order is OrderKind.LICENCE:
            recent = sum(1 for w in self.warnings if not w.withdrawn and (decided - w.given_on).days < 365)
            weights = {
                "first_warning_sent": 75 if recent == 0 else 8,
                "second_warning_sent": 45 if A.SECOND_WARNING_LETTER in allowed else 0,
                "breach_or_recall_initiated": 10 if recent == 0 else (35 if recent == 1 else 75),
                "no_further_action": 15,
            }
        else:
            weights = {
                "first_warning_sent": 88 if A.FIRST_WARNING_LETTER in allowed else 0,
                "breach_or_recall_initiated": 12,
            }
        fresh = (self.state.today - decided).days <= 25
        licence = self.order is OrderKind.LICENCE
        showcase = (
            self.state.missing("recall", OPEN_RECALL)
            if licence
            else self.state.missing("breach", OPEN_BREACH)
        )
        if fresh and showcase:
            action = A.BREACH_OR_RECALL_INITIATED
        else:
            action = BY_STATUS[self.state.prefer(rng, "enforcement", weights)]
        if action in (A.FIRST_WARNING_LETTER, A.SECOND_WARNING_LETTER):
            self.warnings.append(WarningGiven(decided))
        elif action is A.BREACH_OR_RECALL_INITIATED:
            if self.order is OrderKind.LICENCE:
                self._recall(day, decided)
            else:
                self._breach(day, decided)
        return action

    def _breach(self, day: dt.date, initiated: dt.date) -> None:
        rng, state, plan, today = self.rng, self.state, self.plan, self.state.today
        reset = max(plan.start, plan.last_breach_ended_on or plan.start)
        relied_on = [c for c, d in self.failures if d >= reset and (day - d).days < 365][-6:]
        breach = Breach(state.take("breach"), initiated, None, relied_on)
        pack = working_days_after(initiated, rng.randint(3, 10))
        hearing = pack + dt.timedelta(days=rng.randint(10, 42))
        options = dict(BREACH_OUTCOMES)
        if plan.latest:
            for outcome in ENDS_ORDER:
                options[outcome] = 0
        options["withdrawn"] = 6
        outcome = state.prefer(rng, "breach", options)
        if initiated >= today - dt.timedelta(days=25) and state.missing("breach", OPEN_BREACH):
            # Showcase (RunState.seen): leave this one in progress today.
            outcome = options_open = "proven_order_continues"
            if state.missing("breach", ("initiated",)):
                pack = today + dt.timedelta(days=2)
            else:
                pack = max(initiated, today - dt.timedelta(days=2))
            hearing = today + dt.timedelta(days=20)
            del options_open
        if outcome == "withdrawn":
            ended = initiated + dt.timedelta(days=rng.randint(5, 40))
            path = [("", "initiated", initiated)] + (
                [("initiated", "pack_sent_to_court", pack)] if pack < ended else []
            )
            path.append((path[-1][1], "withdrawn", ended))
        else:
            ended = hearing
            path = [("", "initiated", initiated), ("initiated", "pack_sent_to_court", pack),
                    ("pack_sent_to_court", outcome, hearing)]  # fmt: skip
        path = [p for p in path if p[2] <= today]
        status = path[-1][1]
        concluded = status not in ("initiated", "pack_sent_to_court")
        breach.ended_on = ended if concluded else None
        if concluded:
            plan.last_breach_ended_on = ended
            if status in ENDS_ORDER:
                plan.terminate(ended, "revoked_breach")
        state.saw("breach", status)
        self.breach = breach
        notes = _BREACH_NOTES.get(status, "")
        state.rows["breach"].append(
            [breach.id, plan.id, self.person_id, status, initiated, self.officer_user,
             "Revoke and re-sentence" if rng.random() < 0.3 else "Allow the order to continue with a fine",
             plan.court, hearing if pack <= today else None, pack if pack <= today else None, notes,
             breach.ended_on, at(initiated, 14), at(path[-1][2], 16), len(path)]
        )  # fmt: skip
        state.rows["breachfailure"] += [[breach.id, c] for c in relied_on]
        for from_status, to_status, day_ in path:
            state.rows["breachstep"].append(
                [breach.id, from_status, to_status, self.officer_user, at(day_, 16), ""]
            )

    def _recall(self, day: dt.date, started: dt.date) -> None:
        rng, state, plan, today = self.rng, self.state, self.plan, self.state.today
        licence = plan.licence
        assert licence is not None
        charged = rng.random() < 0.25
        ended = plan.supervision_end is not None and plan.supervision_end <= today
        # Showcase (RunState.seen): a standard recall (a new charge allows it) not re-released in time.
        stays_in = ended and state.missing("recall", ("licence_ended_in_custody",))
        charged = charged or stays_in
        case = RecallCase(SentenceKind(plan.kind), adult=True, sentence_months=plan.custodial_months or 12,
                          charged_with_new_offence=charged)  # fmt: skip
        # The rule in force when the recall is considered (enforcement.md § Law by date; decisions
        # follow within days, so the boundary day's few cases may differ).
        self.recall_rules = recall_rules_in_force_on(started)
        allowed = allowed_recall_types(case, self.recall_rules)
        emergency = RecallType.STANDARD in allowed and rng.random() < 0.2
        recall_type = (
            RecallType.STANDARD
            if emergency or stays_in or RecallType.FIXED_TERM not in allowed
            else (
                RecallType.STANDARD
                if RecallType.STANDARD in allowed and rng.random() < 0.6
                else RecallType.FIXED_TERM
            )
        )
        decision = "recall" if emergency or stays_in or rng.random() < 0.85 else "no_recall"
        if not (emergency or stays_in) and state.missing("recall", ("no_recall_decided",)):
            decision = "no_recall"
        recommended = started + dt.timedelta(days=rng.randint(0, 2))
        decided = recommended + dt.timedelta(days=rng.randint(0, 2))
        if started >= today - dt.timedelta(days=25) and state.missing("recall", OPEN_RECALL):
            recommended, decided, decision, emergency = self._showcase_recall(started, recommended, decided)
        path = [("", "considering", started), ("considering", "awaiting_decision", recommended)]
        returned = release_due = released = None
        if decision == "no_recall":
            path.append(("awaiting_decision", "no_recall_decided", decided))
        else:
            path.append(("awaiting_decision", "recall_decided", decided))
            returned, release_due, released = self._custody(
                path, decided, recall_type, emergency=emergency, stays_in=stays_in
            )
        path = [p for p in path if p[2] <= today]
        status = path[-1][1]
        final = status in ("no_recall_decided", "re_released", "licence_ended_in_custody")
        self.recall = Recall(path[-1][2] if final else None)
        state.saw("recall", status)
        reached = {p[1] for p in path}
        decided_state = status not in ("considering", "awaiting_decision")
        recall_id = state.take("recall")
        recommends = "recall" if decision == "recall" or rng.random() < 0.5 else "no_recall"
        state.rows["recall"].append(
            [recall_id, plan.id, licence.id, self.person_id, status, emergency,
             "Failed to keep in touch as instructed; whereabouts not known for several days.",
             json.dumps(["warning", "increased_reporting"][: rng.randint(1, 2)]), "", charged, False,
             rng.random() < 0.1, self.rosh, "", recommends if "awaiting_decision" in reached else "",
             recall_type.value if "awaiting_decision" in reached and recommends == "recall" else "",
             "Risk can no longer be managed in the community." if "awaiting_decision" in reached else "",
             self.officer_user, started, recommended if "awaiting_decision" in reached else None,
             decision if status not in ("considering", "awaiting_decision") else "",
             recall_type.value if decision == "recall" and decided_state else "",
             "Decision recorded with rationale after review of the recommendation."
             if status not in ("considering", "awaiting_decision") else "",
             self.senior_user if status not in ("considering", "awaiting_decision") else None,
             decided if status not in ("considering", "awaiting_decision") else None,
             returned if "returned_to_custody" in reached else None,
             release_due if "returned_to_custody" in reached else None,
             released if "re_released" in reached else None,
             self.recall_rules.key if decided_state else "",
             (release_due - returned).days
             if release_due and returned and "returned_to_custody" in reached else None,
             at(started, 13), at(path[-1][2], 13), len(path)]
        )  # fmt: skip
        keep_in_touch = licence.conditions[2][0]
        state.rows["recallcondition"].append([recall_id, keep_in_touch])
        for from_status, to_status, day_ in path:
            actor = (
                self.senior_user
                if to_status in ("recall_decided", "no_recall_decided")
                else self.officer_user
            )
            state.rows["recallstep"].append([recall_id, from_status, to_status, actor, at(day_, 13), ""])

    def _custody(
        self, path: list, decided: dt.date, recall_type: RecallType, *, emergency: bool, stays_in: bool
    ) -> tuple[dt.date, dt.date | None, dt.date | None]:
        """Returned to custody, then re-released or kept in until supervision ends. Appends the steps
        to the path; returns the days returned, due for fixed-term re-release and re-released."""
        rng, plan, today = self.rng, self.plan, self.state.today
        returned = decided + dt.timedelta(days=rng.randint(0, 2) if emergency else rng.randint(0, 10))
        if self.showcase == "recall_decided":
            returned = today + dt.timedelta(days=2)
        elif self.showcase == "returned_to_custody":
            returned = max(decided, today - dt.timedelta(days=3))
        path.append(("recall_decided", "returned_to_custody", returned))
        # Supervision (licence, then any top-up or post-sentence supervision) ends in custody.
        end = max(plan.supervision_end or (today + dt.timedelta(days=3650)), returned)
        release_due: dt.date | None = None
        released: dt.date | None
        if recall_type is RecallType.FIXED_TERM:
            release_due = fixed_term_re_release_date(
                returned, plan.custodial_months or 12, rules=self.recall_rules
            )
            released = release_due
        else:
            released = returned + dt.timedelta(days=rng.randint(90, 300))
        if stays_in and recall_type is RecallType.STANDARD:
            released = end
        if released >= end:
            released = None
            path.append(("returned_to_custody", "licence_ended_in_custody", end))
        else:
            path.append(("returned_to_custody", "re_released", released))
        self.blocked = (returned, released)
        if released is None and end <= today:
            plan.terminate(end, "licence_expired")
        return returned, release_due, released

    def _showcase_recall(self, started: dt.date, recommended: dt.date, decided: dt.date) -> tuple:
        """Dates that leave this recall in the first open state not produced yet (RunState.seen)."""
        today, one = self.state.today, dt.timedelta(days=1)
        wanted = next(s for s in OPEN_RECALL if self.state.missing("recall", (s,)))
        self.showcase = wanted
        if wanted == "considering":
            return today + one, today + 2 * one, "recall", False
        if wanted == "awaiting_decision":
            return max(started, today - one), today + one, "recall", False
        recommended = max(started, today - 6 * one)
        return recommended, max(recommended, today - 4 * one), "recall", False

    rosh = ""
    showcase = ""


_BREACH_NOTES = {
    "proven_order_continues": "Breach proven; the order continues.",
    "proven_order_amended": "Breach proven; the order was amended by the court.",
    "proven_revoked_and_resentenced": "Breach proven; the order was revoked and the person re-sentenced.",
    "proven_committed_to_custody": "Breach proven; committed to custody.",
    "proven_fined": "Breach proven; fined and the order continues.",
    "not_proven": "Breach not proven.",
    "withdrawn": "Breach withdrawn.",
}
