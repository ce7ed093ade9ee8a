"""Risk for each person: a RoSH assessment mirrored by one active RoSH registration (reference-data.md
§ RoSH), the other registrations (risk flags) their offence and circumstances call for, each with its
reviews (some overdue), and MAPPA where the law puts a person under it, with meetings and actions at
levels 2 and 3.

- RoSH: about a fifth of people are high or very high, more of those convicted of sexual or violent
  offences (the draws are a little higher, since cases held by a PSO are capped). Cases held by a PSO
  are low or medium (reference-data.md § Organisation: high and very
  high RoSH cases are held by POs).
- MAPPA (``mappa_category``): category 1 for a sexual offence (registered sexual offenders), category 2
  for a violent offence with 12 months' custody or more (the threshold for violent offenders),
  category 3 only at level 2 or 3, for another offence with high or very high RoSH (and for the cases
  the demo police partner shares "for MAPPA level 2"). Levels mostly 1, some 2, few 3, higher with
  higher RoSH. Sentences of the latest conviction only.
"""

import datetime as dt
import json
from dataclasses import dataclass
from random import Random

from probation.demo.case_history import reference as ref
from probation.demo.case_history.state import RunState, at
from probation.demo.case_history.timeline import SentencePlan
from probation.mappa.agencies import AGENCIES
from probation.risk.models.rosh import COMMUNITY_FIELDS, CUSTODY_FIELDS, LEVEL_RANK, REGISTER_FOR_LEVEL
from probation.risk.registers import REGISTER_TYPES_BY_CODE, add_months, next_review_date

LEVELS = ("low", "medium", "high", "very_high")
ROSH_BY_GROUP = {
    "sexual": ref.Weighted({"low": 3, "medium": 30, "high": 50, "very_high": 17}),
    "violent_custody": ref.Weighted({"low": 4, "medium": 32, "high": 50, "very_high": 14}),
    "violent": ref.Weighted({"low": 12, "medium": 44, "high": 37, "very_high": 7}),
    "other": ref.Weighted({"low": 38, "medium": 40, "high": 19.5, "very_high": 2.5}),
}
MAPPA_LEVEL_BY_ROSH = {
    "very_high": ref.Weighted({"M1": 35, "M2": 45, "M3": 20}),
    "high": ref.Weighted({"M1": 75, "M2": 22, "M3": 3}),
    "medium": ref.Weighted({"M1": 95, "M2": 5}),
    "low": ref.Weighted({"M1": 100}),
}
OVERDUE_SHARE = 0.12  # registrations whose latest review is overdue
# (code, chance) of the flags other than RoSH and MAPPA, by offence group, then for everyone.
FLAGS_BY_GROUP: dict[str, tuple[tuple[str, float], ...]] = {
    "sexual": (("ARSO", 0.85), ("AVIS", 0.6), ("SOPS", 0.35), ("RCHD", 0.45), ("RCPR", 0.15)),
    "violent": (("ADVP", 0.28), ("REG30", 0.12), ("REG15", 0.12), ("WEAP", 0.1), ("RSTO", 0.1),
                ("IRMO", 0.03), ("AV2S", 0.04), ("STRG", 0.04)),
    "drug": (("STRG", 0.05), ("REG26", 0.04), ("IIOM", 0.1), ("CUCK", 0.02)),
    "acquisitive": (("IIOM", 0.18), ("APPO", 0.08)),
}  # fmt: skip
FLAGS_FOR_EVERYONE: tuple[tuple[str, float], ...] = (
    ("ALSH", 0.08), ("AMHL", 0.12), ("RMDO", 0.02), ("RVLN", 0.04), ("RCCO", 0.06), ("ADVV", 0.03),
    ("RVAD", 0.015), ("IMAR", 0.02), ("INVI", 0.04), ("REG17", 0.03), ("WRSM", 0.01), ("RPIR", 0.005),
    ("HOIE", 0.01), ("PRC", 0.01), ("HREG", 0.03),
)  # fmt: skip
NOTES = {
    "RoSH": "Level set by the RoSH assessment; see the risk management plan.",
    "MAPP": "MAPPA referral accepted; category and level confirmed by the MAPPA coordinator.",
    "": "Registered on information from the police and the pre-sentence report.",
}
NATURE = {
    "sexual": "Sexual harm to children or adults, through contact offending or online.",
    "violent": "Physical and psychological harm from violence, including to a current or former partner.",
    "other": "Harm from further offending; no specific victim identified.",
}
OTHER_AGENCIES = ["Prisons", "Children's services", "Housing", "Health", "Mental health"]
CHAIRS = ("DI Harper", "DCI Okafor", "Head of PDU", "DI Marsh", "Senior Probation Officer", "DCI Bell")
ACTIONS = (
    ("Police", "Carry out a home visit and check the ViSOR record is up to date."),
    ("Probation", "Increase reporting to weekly and review the licence conditions."),
    ("Housing", "Confirm the suitability of the current address."),
    ("Children's services", "Share any contact the person has with children in the household."),
    ("Mental health", "Arrange an assessment with the community mental health team."),
    ("Probation", "Refer to the approved premises if the address breaks down."),
    ("Police", "Brief the neighbourhood team on the exclusion zone."),
    ("Prisons", "Share custody behaviour and intelligence before release."),
)
OWNERS = {"Police": "DC Patel", "Probation": "Offender manager", "Housing": "Housing officer",
          "Children's services": "Social worker", "Mental health": "CMHT duty worker",
          "Prisons": "Offender management unit"}  # fmt: skip


@dataclass(frozen=True)
class RiskPerson:
    id: int
    officer_id: int
    officer_user: int
    senior_user: int
    pso: bool  # held by a PSO: RoSH low or medium
    # Shared with the demo police partner "for MAPPA level 2" (probation.demo.people.access): managed
    # at level 2, in category 3 (other dangerous offenders) unless the offence gives 1 or 2.
    shared: bool = False


@dataclass(frozen=True)
class RiskResult:
    rosh: str  # "" not assessed
    mappa: tuple[str, str] | None  # (category, level)
    flags: frozenset[str]


def mappa_category(group: str, plan: SentencePlan | None) -> str:
    """The MAPPA category the person's current sentence makes them eligible for ("" none): see the
    module docstring."""
    if plan is None:
        return ""
    custody = plan.type in ("custodial", "post_sentence_supervision") and (plan.custodial_months or 0) >= 12
    if group == "sexual":
        return "M1"
    if group == "violent" and custody:
        return "M2"
    return ""


def _rosh_group(group: str, plan: SentencePlan | None) -> str:
    if group == "sexual":
        return "sexual"
    if group == "violent":
        return "violent_custody" if mappa_category(group, plan) else "violent"
    return "other"


class RiskWriter:
    def __init__(self, state: RunState) -> None:
        self.state = state

    def person(
        self,
        rng: Random,
        person: RiskPerson,
        plans: list[SentencePlan],
        group: str,
        current: SentencePlan | None,
    ) -> RiskResult:
        today = self.state.today
        latest = current or (plans[-1] if plans else None)
        start = today
        if latest is not None:
            before = latest.supervision_start - dt.timedelta(days=rng.randint(0, 60))
            start = min(today, max(latest.conviction_date, before))
        flags: set[str] = set()
        rosh = ""
        if plans and rng.random() < (0.97 if current else 0.75):
            rosh = ROSH_BY_GROUP[_rosh_group(group, current)].pick(rng)
            if person.pso and LEVEL_RANK[rosh] > 2:
                rosh = "medium"
            elif person.shared and LEVEL_RANK[rosh] < 3:
                rosh = "high"
            code = REGISTER_FOR_LEVEL[rosh]  # type: ignore[index]
            self._rosh(rng, person, rosh, self._register(rng, person, code, start), group)
            flags.add(code)
        mappa = self._mappa(rng, person, group, current, rosh, start)
        if mappa:
            flags.add("MAPP")
        self._flags(rng, person, group, start, flags)
        return RiskResult(rosh, mappa, frozenset(flags))

    def _mappa(
        self,
        rng: Random,
        person: RiskPerson,
        group: str,
        current: SentencePlan | None,
        rosh: str,
        start: dt.date,
    ) -> tuple[str, str] | None:
        category = mappa_category(group, current)
        if category == "" and rosh in ("high", "very_high") and current is not None and rng.random() < 0.02:
            category = "M3"
        if person.shared:
            category = category or "M3"
        if not category:
            return None
        level = MAPPA_LEVEL_BY_ROSH[rosh or "low"].pick(rng)
        if (category == "M3" or person.shared) and level == "M1":
            level = "M2"  # category 3 is only ever managed at level 2 or 3
        registered = self._register(rng, person, "MAPP", start, category=category, level=level)
        if level != "M1":
            self._meetings(rng, person, level, registered)
        return category, level

    def _flags(self, rng: Random, person: RiskPerson, group: str, start: dt.date, flags: set[str]) -> None:
        """The other flags (added to ``flags``), and sometimes an older one that has ended."""
        for code, chance in FLAGS_BY_GROUP.get(group, ()) + FLAGS_FOR_EVERYONE:
            if code not in flags and rng.random() < chance:
                flags.add(code)
                when = start - dt.timedelta(days=rng.randint(0, 700)) if code == "HREG" else start
                self._register(rng, person, code, when)
        if rng.random() < 0.08:  # ended before this sentence
            code = next((c for c in ("AMHL", "RCCO", "ALSH") if c not in flags), "")
            if code:
                self._register(
                    rng, person, code, start - dt.timedelta(days=rng.randint(120, 700)), ended=True
                )

    def _register(
        self,
        rng: Random,
        person: RiskPerson,
        code: str,
        start: dt.date,
        *,
        category: str = "",
        level: str = "",
        ended: bool = False,
    ) -> dt.date:
        """A registration with its reviews up to today (the last one sometimes overdue); returns the
        registration date."""
        state, today = self.state, self.state.today
        register = REGISTER_TYPES_BY_CODE[code]
        registered = min(today, start + dt.timedelta(days=rng.randint(0, 20)))
        reg_id = state.take("registration")
        deregistered = None
        if ended:  # registered well before today (see person): ends before it
            deregistered = min(today, registered + dt.timedelta(days=rng.randint(30, 100)))
        reviews = []
        next_review = next_review_date(register, registered)
        if register.is_reviewed and next_review is not None:
            overdue = rng.random() < OVERDUE_SHARE
            stop = deregistered or today
            while next_review is not None:
                follow = add_months(next_review, register.review_months)
                # The last review before today; left undone (overdue) for some registrations.
                if next_review > stop or (overdue and follow > stop):
                    break
                reviewed = next_review - dt.timedelta(days=rng.randint(0, 10))
                reviewed = max(reviewed, registered + dt.timedelta(days=1))
                next_review = add_months(reviewed, register.review_months)
                reviews.append((reviewed, next_review))
        stamp = at(registered, 11, rng.randrange(60))
        last_change = at(reviews[-1][0], 12) if reviews else stamp
        notes = NOTES["RoSH" if register.is_rosh else ("MAPP" if code == "MAPP" else "")]
        state.rows["registration"].append(
            [reg_id, person.id, code, registered, person.officer_id, person.officer_user, category, level,
             notes, next_review, deregistered, "No longer applicable after review." if deregistered else "",
             person.officer_id if deregistered else None, person.officer_user if deregistered else None,
             stamp, at(deregistered, 12) if deregistered else last_change, 1 + (1 if deregistered else 0)]
        )  # fmt: skip
        for reviewed, following in reviews:
            state.rows["registrationreview"].append(
                [reg_id, reviewed, person.officer_id, person.officer_user,
                 "Reviewed with the person; registration still needed.", following, at(reviewed, 12)]
            )  # fmt: skip
        return registered

    def _rosh(self, rng: Random, person: RiskPerson, rosh: str, start: dt.date, group: str) -> None:
        """The latest RoSH assessment: the overall level is the highest community rating."""
        today = self.state.today
        rank = LEVEL_RANK[rosh]  # type: ignore[index]
        ratings = [LEVELS[max(0, rank - 1 - rng.choice((0, 0, 1, 1, 2)))] for _ in COMMUNITY_FIELDS]
        target = {"sexual": 0, "violent": 1}.get(group, 1)  # children for sexual offences, else the public
        ratings[target] = rosh
        custody = ["" for _ in CUSTODY_FIELDS]
        assessed = min(today, start + dt.timedelta(days=rng.randint(0, 30)))
        if (today - assessed).days > 200:
            assessed = today - dt.timedelta(days=rng.randint(0, 190))
        who = ("Children in the community", "Members of the public", "A current or former partner")
        self.state.rows["roshassessment"].append(
            [person.id, assessed, person.officer_id, person.officer_user, at(assessed, 14), *ratings,
             *custody, rosh, NATURE.get(group, NATURE["other"]), who[target if group != "violent" else 2],
             "When using alcohol or drugs, or under stress.", "Loss of accommodation; contact with peers.",
             "Stable address, employment and engagement with supervision."]
        )  # fmt: skip

    def _meetings(self, rng: Random, person: RiskPerson, level: str, registered: dt.date) -> None:
        """Level 2 and 3 meetings about every 12 weeks (level 3 every 8) since registration, with
        actions: those of earlier meetings completed, the latest meeting's open (some overdue)."""
        state, today = self.state, self.state.today
        gap = 56 if level == "M3" else 84
        held = registered + dt.timedelta(days=rng.randint(7, 21))
        meetings = []
        while held <= today:
            meetings.append(held)
            held = held + dt.timedelta(days=gap + rng.randint(-7, 7))
        meetings = meetings[-6:]
        for index, day in enumerate(meetings):
            meeting_id = state.take("mappameeting")
            latest = index == len(meetings) - 1
            chosen = {"Probation", "Police", *rng.sample(OTHER_AGENCIES, rng.randint(0, 3))}
            agencies = [a for a in AGENCIES if a in chosen]
            next_review = day + dt.timedelta(days=gap)
            stamp = at(day, 16)
            state.rows["mappameeting"].append(
                [meeting_id, person.id, day, level, rng.choice(CHAIRS), json.dumps(agencies), "",
                 "Risk reviewed with the partner agencies; plan agreed.",
                 "Continue at the current level; review at the next meeting.", next_review,
                 person.senior_user, stamp, stamp, 1]
            )  # fmt: skip
            for agency, text in rng.sample(ACTIONS, rng.randint(2, 4)):
                due = day + dt.timedelta(days=rng.randint(7, 42))
                done = None
                if not latest or (due < today and rng.random() < 0.6):
                    done = min(today, due - dt.timedelta(days=rng.randint(-5, 5)))
                    done = max(done, day)
                state.rows["mappaaction"].append(
                    [meeting_id, text, agency, OWNERS.get(agency, "Named officer"), due, done,
                     "Done and reported to the coordinator." if done else "", person.senior_user, stamp,
                     at(done, 12) if done else stamp, 2 if done else 1]
                )  # fmt: skip
