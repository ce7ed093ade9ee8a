"""A person's risk, needs and scores records around their case history (``risk``, ``needs``,
``scores``), drawn from their own random stream so the contact history is the same with or without
them.

Risk comes first (the history's recall records carry the RoSH level); the needs assessment, the
criminal history and the scores after it, from the sentences as the history left them (a recall or a
revoked order may have ended the current one).

People in custody before their release on a current custodial sentence are often not assessed yet:
no RoSH, flags, needs assessment, criminal history or scores, which is what a practitioner sees on a
case newly allocated ahead of release (and what the tier-change journey starts from): each officer's
first such case (in id order, so whatever the chunk size) and about a third of the others. Cases
shared with the police partner for MAPPA are always assessed.
"""

import datetime as dt
import time
from dataclasses import dataclass
from random import Random

from probation.demo.case_history.needs import NeedsPerson, needs_assessment_add
from probation.demo.case_history.risk import RiskPerson, RiskResult, RiskWriter
from probation.demo.case_history.scores import ScoresPerson, current_plan, offence_group, scores_add
from probation.demo.case_history.state import RunState
from probation.demo.case_history.timeline import SentencePlan

NOT_YET_ASSESSED = 0.35  # of the other people in custody before release on a current custodial sentence


@dataclass(frozen=True)
class Who:
    id: int
    dob: dt.date
    gender: str
    officer: int
    officer_user: int
    senior_user: int
    pso: bool
    shared: bool


class CaseRecords:
    def __init__(self, state: RunState, seed: int) -> None:
        self.state, self.seed = state, seed
        self.risk = RiskWriter(state)
        self.seconds = 0.0
        self.rosh_levels: dict[str, list[int]] = {}
        self.awaiting: set[int] = set()  # officers with a case not assessed yet

    def before_history(self, who: Who, plans: list[SentencePlan]) -> tuple[Random, RiskResult | None]:
        """The person's stream and their risk records (None: not assessed yet)."""
        started = time.perf_counter()
        rng = Random((self.seed * 1_000_003 + who.id) * 31 + 7)  # noqa: S311 - reproducible fiction
        latest = plans[-1] if plans and plans[-1].terminated_on is None else None
        in_custody = (
            latest is not None and latest.type == "custodial" and latest.supervision_start > self.state.today
        )
        result = None
        awaiting = in_custody and not who.shared
        if awaiting and who.officer in self.awaiting:
            awaiting = rng.random() < NOT_YET_ASSESSED
        if awaiting:
            self.awaiting.add(who.officer)
        else:
            person = RiskPerson(who.id, who.officer, who.officer_user, who.senior_user, who.pso, who.shared)
            result = self.risk.person(rng, person, plans, offence_group(plans), latest)
        self.seconds += time.perf_counter() - started
        return rng, result

    def after_history(
        self, who: Who, plans: list[SentencePlan], rng: Random, risk: RiskResult | None
    ) -> None:
        started = time.perf_counter()
        if risk is not None:
            current = current_plan(plans)
            supervised = (current or plans[-1]).supervision_start if plans else self.state.today
            needs = NeedsPerson(
                who.id, who.gender, offence_group(plans), current is not None, who.officer_user, supervised
            )
            answers = needs_assessment_add(rng, self.state, needs)
            scored = ScoresPerson(who.id, who.dob, who.gender, who.officer_user, "ADVP" in risk.flags)
            scores_add(rng, self.state, scored, plans, answers)
        self.rosh_levels.setdefault(risk.rosh if risk else "", []).append(who.id)
        self.seconds += time.perf_counter() - started
