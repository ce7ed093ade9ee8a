"""A person's events, sentences, requirements and licences, planned backwards from today.

The latest event is usually current (the person is on the caseload because of it); earlier ones ended
before the next conviction, or were revoked and re-sentenced on it. Dates follow the law as
enforcement.md states it: release at the half-way point of a standard determinate sentence, a
licence to the sentence expiry date for 12 months or more, post-sentence supervision (and top-up
supervision) to 12 months after release for shorter terms, unpaid work within 12 months.
"""

import datetime as dt
from dataclasses import dataclass, field
from random import Random

from probation.demo.case_history import reference as ref
from probation.demo.people.people import years_before
from probation.rules.calendar.periods import add_months, period_end
from probation.rules.sentences.licences import (
    STANDARD_LICENCE_CONDITIONS,
    SupervisionKind,
    supervision_after_release,
)
from probation.rules.sentences.requirements import unpaid_work_deadline

CO_MONTHS = ref.Weighted({6: 8, 9: 6, 12: 30, 18: 20, 24: 22, 36: 6})
SSO_CUSTODY = ref.Weighted({1: 3, 2: 5, 3: 8, 4: 10, 6: 16, 8: 10, 9: 8, 10: 6, 12: 14, 16: 6, 18: 8, 24: 6})
SSO_SUPERVISION = ref.Weighted({6: 10, 12: 40, 18: 25, 24: 25})
CUSTODY = ref.Weighted(
    {3: 8, 4: 8, 6: 14, 8: 8, 9: 6, 10: 4, 12: 12, 16: 6, 18: 8, 24: 10, 30: 4, 36: 5, 48: 3, 60: 2, 84: 1}
)
PSS_CUSTODY = ref.Weighted({1: 2, 2: 4, 3: 6, 4: 6, 6: 5, 8: 3, 10: 2})
SENTENCE_TYPES = ref.Weighted(
    {"community_order": 45, "suspended_sentence_order": 20, "custodial": 30, "post_sentence_supervision": 5}
)
EVENT_COUNT = ref.Weighted({1: 45, 2: 30, 3: 17, 4: 8})
ADDITIONAL_CONDITIONS = (
    ("exclusion_zone", "Not to enter the exclusion zone of {town} town centre shown on the attached map."),
    (
        "non_contact",
        "Not to approach or communicate with the victim without the prior approval of the officer.",
    ),
    ("curfew", "Stay at the approved address between 19:00 and 07:00 each night, electronically monitored."),
    ("drug_testing", "Attend for drug testing as directed by the supervising officer."),
    ("approved_premises_residence", "Reside at the approved premises chosen by the supervising officer."),
    ("other", "Attend all appointments arranged with the mental health team."),
)


@dataclass
class RequirementPlan:
    id: int
    type: str
    ordered: int | None
    start: dt.date
    end: dt.date | None
    details: str = ""
    electronic_monitoring: bool = False
    done: int = 0
    last_credit: dt.date | None = None
    days_used: set = field(default_factory=set)

    def active_on(self, day: dt.date) -> bool:
        return self.start <= day and (self.end is None or day <= self.end)


@dataclass
class LicencePlan:
    id: int
    supervision: str
    release: dt.date
    licence_expiry: dt.date | None
    sentence_expiry: dt.date | None
    pss_end: dt.date | None = None
    top_up_end: dt.date | None = None
    prison: str = ""
    conditions: list[tuple[int, str, str, str]] = field(default_factory=list)  # id, kind, category, text

    def condition(self, category: str) -> int | None:
        return next((c[0] for c in self.conditions if c[2] == category), None)


@dataclass
class SentencePlan:
    event_id: int
    id: int
    number: int
    conviction_date: dt.date
    court: str
    type: str
    kind: str
    start: dt.date
    length_months: int | None
    custodial_months: int | None
    supervision_start: dt.date
    supervision_end: dt.date | None  # None: indeterminate
    expected_end: dt.date | None
    terminated_on: dt.date | None = None
    termination_reason: str = ""
    last_breach_ended_on: dt.date | None = None
    latest: bool = False
    requirements: list[RequirementPlan] = field(default_factory=list)
    licence: LicencePlan | None = None
    offences: list[tuple[str, str, dt.date, bool, int]] = field(default_factory=list)

    @property
    def is_order(self) -> bool:
        return self.type in ("community_order", "suspended_sentence_order")

    @property
    def stop(self) -> dt.date | None:
        """The last day of supervision: termination, else the planned end."""
        return self.terminated_on or self.supervision_end

    def terminate(self, day: dt.date, reason: str) -> None:
        if self.terminated_on is None or day < self.terminated_on:
            self.terminated_on, self.termination_reason = day, reason


@dataclass
class Draft:
    type: str
    kind: str
    length_months: int | None
    custodial_months: int | None


def _draft(rng: Random, *, latest: bool) -> Draft:
    kind_ = SENTENCE_TYPES.pick(rng)
    if kind_ == "community_order":
        return Draft(kind_, "standard_determinate", CO_MONTHS.pick(rng), None)
    if kind_ == "suspended_sentence_order":
        return Draft(kind_, "standard_determinate", SSO_SUPERVISION.pick(rng), SSO_CUSTODY.pick(rng))
    if kind_ == "post_sentence_supervision":
        return Draft(kind_, "standard_determinate", 12, PSS_CUSTODY.pick(rng))
    months = CUSTODY.pick(rng)
    roll = rng.random()
    if latest and roll < 0.01:
        return Draft(kind_, "indeterminate", None, rng.choice((60, 72, 96, 120)))
    if months >= 48 and roll < 0.3:
        return Draft(kind_, "extended", None, months)
    if months >= 24 and roll < 0.05:
        return Draft(kind_, "sentence_of_particular_concern", None, months)
    return Draft(kind_, "standard_determinate", None, months)


def _months_between(start: dt.date, end: dt.date) -> int:
    return max(1, round((end - start).days / 30.44))


def _shape(draft: Draft, start: dt.date) -> dict:
    """The sentence's dates from its start: supervision period and (after custody) licence dates."""
    if draft.type in ("community_order", "suspended_sentence_order"):
        end = period_end(start, draft.length_months or 12)
        return {"supervision_start": start, "supervision_end": end, "expected_end": end, "licence": None}
    custody = draft.custodial_months or 1
    if draft.kind == "indeterminate":
        release = add_months(start, custody)
        return {
            "supervision_start": release,
            "supervision_end": None,
            "expected_end": None,
            "licence": ("licence", release, None, None, None, None),
        }
    share = 2 / 3 if draft.kind == "extended" else 1 / 2
    release = start + dt.timedelta(days=round(custody * 30.44 * share))
    expiry = period_end(start, custody)
    if draft.kind == "extended":
        expiry = period_end(start, custody + 36)  # the extended licence period
    supervision = supervision_after_release(custody)
    pss_end = top_up = None
    end = expiry
    if supervision is SupervisionKind.POST_SENTENCE_SUPERVISION:
        pss_end = end = max(expiry, period_end(release, 12))
    elif custody < 24 and draft.kind == "standard_determinate":
        top_up = period_end(release, 12)
        end = max(expiry, top_up)
    licence = (supervision.value, release, expiry, expiry, pss_end, top_up)
    return {"supervision_start": release, "supervision_end": end, "expected_end": end, "licence": licence}


def _total_days(draft: Draft) -> int:
    shape = _shape(draft, dt.date(2020, 1, 1))
    end = shape["supervision_end"] or dt.date(2030, 1, 1)
    return (end - dt.date(2020, 1, 1)).days


class TimelinePlanner:
    """Plans one person's events; ids come from ``take`` so rows can point at each other."""

    def __init__(self, *, today: dt.date, take, town: str, court_towns: list[str], ap_name: str) -> None:
        self.today, self.take = today, take
        self.town, self.court_towns, self.ap_name = town, court_towns, ap_name

    def plan(self, rng: Random, *, dob: dt.date, allocated: bool) -> list[SentencePlan]:
        today = self.today
        adult = years_before(dob, -18)
        earliest = max(years_before(today, 6), adult)
        wanted = EVENT_COUNT.pick(rng)
        drafts = [_draft(rng, latest=True)]
        total = _total_days(drafts[0])
        if rng.random() < (0.92 if allocated else 0.45):
            start = today - dt.timedelta(days=int(min(total - 1, (today - earliest).days) * rng.random()))
        else:
            start = today - dt.timedelta(days=total + rng.randint(30, 540))
        starts = [max(start, earliest)]
        ends: list[tuple[dt.date | None, str]] = [(None, "")]
        cursor = starts[0]
        while len(drafts) < wanted:
            draft = _draft(rng, latest=False)
            total = _total_days(draft)
            if draft.type in ("community_order", "suspended_sentence_order") and rng.random() < 0.15:
                start = cursor - dt.timedelta(days=int(total * rng.uniform(0.2, 0.9)))
                end: tuple[dt.date | None, str] = (cursor, "resentenced")
            else:
                start = cursor - dt.timedelta(days=total + rng.randint(14, 400))
                end = (None, "")
            if start - dt.timedelta(days=42) < earliest:
                break
            drafts.append(draft)
            starts.append(start)
            ends.append(end)
            cursor = start - dt.timedelta(days=rng.choice((0, 0, 0, 14, 21, 28, 42)))
        plans = []
        for number, index in enumerate(reversed(range(len(drafts))), start=1):
            plans.append(self._sentence(rng, drafts[index], starts[index], number, earliest, dob))
            forced, reason = ends[index]
            plan = plans[-1]
            plan.latest = index == 0
            if forced is not None:
                plan.terminate(forced, reason)
            elif not plan.latest or (plan.stop is not None and plan.stop < today):
                self._natural_end(rng, plan)
        return plans

    def _natural_end(self, rng: Random, plan: SentencePlan) -> None:
        end = plan.stop or self.today
        if plan.is_order and rng.random() < 0.08:
            days = (end - plan.start).days
            plan.terminate(
                plan.start + dt.timedelta(days=int(days * rng.uniform(0.6, 0.9))), "early_good_progress"
            )
        elif plan.is_order:
            plan.terminate(end, "completed" if rng.random() < 0.96 else "transferred")
        else:
            plan.terminate(end, "licence_expired")

    def _sentence(
        self, rng: Random, draft: Draft, start: dt.date, number: int, earliest: dt.date, dob: dt.date
    ) -> SentencePlan:
        shape = _shape(draft, start)
        adjourned = rng.choice((0, 0, 0, 14, 21, 28, 35, 42))
        conviction = max(earliest, start - dt.timedelta(days=adjourned))
        conviction = min(conviction, start)
        custodial = draft.type in ("custodial", "post_sentence_supervision")
        crown = rng.random() < (0.7 if custodial and (draft.custodial_months or 0) >= 12 else 0.12)
        town = self.town if rng.random() < 0.85 else rng.choice(self.court_towns)
        length = draft.length_months
        if custodial and shape["supervision_end"] is not None:
            length = _months_between(shape["supervision_start"], shape["supervision_end"])
        plan = SentencePlan(
            event_id=self.take("event"),
            id=self.take("sentence"),
            number=number,
            conviction_date=conviction,
            court=f"{town} {'Crown' if crown else 'Magistrates'}' Court".replace(
                "Crown' Court", "Crown Court"
            ),
            type=draft.type,
            kind=draft.kind,
            start=start,
            length_months=length,
            custodial_months=draft.custodial_months,
            supervision_start=shape["supervision_start"],
            supervision_end=shape["supervision_end"],
            expected_end=shape["expected_end"],
        )
        plan.offences = self._offences(rng, conviction, dob)
        if plan.is_order:
            plan.requirements = self._requirements(rng, plan, dob)
        if shape["licence"]:
            plan.licence = self._licence(rng, shape["licence"])
        return plan

    def _offences(self, rng: Random, conviction: dt.date, dob: dt.date) -> list:
        category, main = ref.offence_pick(rng)
        earliest = dob + dt.timedelta(days=365 * 16)
        day = max(earliest, conviction - dt.timedelta(days=rng.randint(7, 300)))
        rows = [(main.ho_code, main.description, min(day, conviction), True, 1)]
        extra = rng.choices((0, 1, 2), (60, 28, 12))[0]
        for _ in range(extra):
            _, other = ref.offence_pick(rng, category if rng.random() < 0.6 else None)
            rows.append((other.ho_code, other.description, rows[0][2], False, rng.choice((1, 1, 1, 2, 3))))
        return rows

    def _requirements(self, rng: Random, plan: SentencePlan, dob: dt.date) -> list[RequirementPlan]:
        start, end = plan.start, plan.supervision_end or plan.start
        young = (start - dob).days < 25 * 365
        chosen = [t for t, p in ref.REQUIREMENT_CHANCE.items() if rng.random() < p]
        chosen = [t for t in chosen if t != "attendance_centre" or young][:4] or ["rehabilitation_activity"]
        out = []
        for kind in chosen:
            req = RequirementPlan(self.take("requirement"), kind, None, start, end)
            if kind == "unpaid_work":
                req.ordered = ref.UPW_HOURS.pick(rng)
                req.end = max(start, min(unpaid_work_deadline(start), end))
            elif kind == "rehabilitation_activity":
                req.ordered = ref.RAR_DAYS.pick(rng)
            elif kind == "accredited_programme":
                req.details, req.ordered = rng.choice(ref.PROGRAMMES)
            elif kind == "curfew":
                req.ordered = rng.choice((8, 9, 10, 11, 12))
                req.details = f"Curfew of {req.ordered} hours a day ending 07:00, at the home address"
                req.electronic_monitoring = rng.random() < 0.85
                req.end = min(end, add_months(start, rng.choice((2, 3, 4, 6))))
            elif kind == "attendance_centre":
                req.ordered = 12  # the statutory minimum (12 to 36 hours), as its details say
            elif kind == "exclusion":
                req.details = f"Not to enter {self.town} town centre (area shown on the map)"
                req.electronic_monitoring = rng.random() < 0.4
                req.end = min(end, add_months(start, rng.choice((3, 6, 12))))
            elif kind == "alcohol_abstinence_monitoring":
                req.details = "Abstain from alcohol, monitored by a transdermal tag"
                req.electronic_monitoring = True
                req.end = min(end, start + dt.timedelta(days=rng.choice((60, 90, 120))))
            elif kind == "electronic_monitoring":
                req.details, req.electronic_monitoring = "Whereabouts monitoring by GPS tag", True
                req.end = min(end, add_months(start, 6))
            else:
                req.details = _DETAILS.get(kind) or rng.choice(ref.PROHIBITED)
            out.append(req)
        return out

    def _licence(self, rng: Random, dates: tuple) -> LicencePlan:
        supervision, release, expiry, sed, pss_end, top_up = dates
        licence = LicencePlan(
            self.take("licence"),
            supervision,
            release,
            expiry,
            sed,
            pss_end,
            top_up,
            prison=rng.choice(_PRISONS),
        )
        for text in STANDARD_LICENCE_CONDITIONS:
            licence.conditions.append((self.take("condition"), "standard", "", text))
        for category, text in rng.sample(
            ADDITIONAL_CONDITIONS, rng.choices((0, 1, 2, 3), (35, 35, 20, 10))[0]
        ):
            if category == "approved_premises_residence" and not self.ap_name:
                continue
            licence.conditions.append(
                (self.take("condition"), "additional", category, text.format(town=self.town))
            )
        if rng.random() < 0.05:
            text = "Not to own or use more than one mobile telephone without approval."
            licence.conditions.append((self.take("condition"), "bespoke", "", text))
        return licence


_DETAILS = {
    "drug_rehabilitation": "Treatment with the local drug service; testing as directed",
    "alcohol_treatment": "Treatment with the local alcohol service",
    "mental_health_treatment": "Treatment as a non-resident patient of the local mental health service",
    "residence": "Reside at an address approved by the responsible officer",
    "foreign_travel_prohibition": "Not to travel outside the United Kingdom",
    "attendance_centre": "Attend the attendance centre for 12 hours",
}
_PRISONS = (
    "HMP Leeds",
    "HMP Durham",
    "HMP Liverpool",
    "HMP Birmingham",
    "HMP Bristol",
    "HMP Cardiff",
    "HMP Pentonville",
    "HMP Wandsworth",
    "HMP Nottingham",
    "HMP Exeter",
    "HMP Lewes",
    "HMP Hull",
)
