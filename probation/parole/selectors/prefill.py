"""What the record already knows for a PAROM1 (custody-release.md § Parole Board report; ADR 0032's
pre-fill, copied into the sections when the author first opens the report).

Disclosure: a PAROM1 is disclosed to the prisoner, so the pre-fill reads structured facts only —
sentence type and key dates, RoSH ratings and dates, intervention names and session counts, plan goal
titles and statuses, MAPPA category and level, the risk management plan's supervision, monitoring,
interventions and contingency sections, the release plan's pathway statuses. It never reads MAPPA
minutes or decisions, RoSH evidence ("who is at risk" can name a victim), the plan's victim safety
planning, contact notes, or anything from victim records.
"""

import datetime as dt
from collections import Counter
from dataclasses import dataclass

from probation.core.models import concrete_field
from probation.custody.models import CustodyRecord
from probation.mappa.models import MappaMeeting
from probation.mappa.selectors import mappa_registration_get
from probation.people.models import Person
from probation.plans.models import RarActivity
from probation.plans.selectors.plans import plan_for
from probation.risk.selectors.rosh import risk_management_plan_get, rosh_assessment_list
from probation.rules.plans.areas import AREA_LABELS, Area
from probation.rules.plans.interventions import CATALOGUE

SENTENCE = "sentence_details"
ROSH = "rosh_history"
INTERVENTIONS = "interventions"
PLAN = "sentence_plan"
MAPPA = "mappa"
RMP = "risk_management_plan"
RELEASE = "release_plan"
PREFILLED_SECTIONS = (SENTENCE, ROSH, INTERVENTIONS, PLAN, MAPPA, RMP, RELEASE)
KEY_DATES = ("crd", "ped", "led", "sed", "hdced", "ted")


@dataclass(frozen=True)
class PrefillItem:
    section: str
    text: str
    source: str

    @property
    def line(self) -> str:
        return f"{self.text} ({self.source})"


def _day(day: dt.date) -> str:
    return f"{day.day} {day:%B %Y}"


def sentence_items(custody: CustodyRecord) -> list[PrefillItem]:
    source = "From the custody record"
    sentence = custody.sentence
    term = f"{custody.term_months} months" + (f" {custody.term_days} days" if custody.term_days else "")
    items = [
        PrefillItem(
            SENTENCE,
            f"{custody.get_release_type_display()}, custodial term or tariff {term}, sentenced "
            f"{_day(sentence.sentence_date)}",
            source,
        )
    ]
    if custody.extension_months:
        items.append(PrefillItem(SENTENCE, f"Extension period: {custody.extension_months} months", source))
    for name in KEY_DATES:
        value = getattr(custody, name)
        if value is not None:
            label = concrete_field(CustodyRecord, name).verbose_name
            items.append(
                PrefillItem(
                    SENTENCE, f"{label}: {_day(value)}", f"{source} ({custody.get_dates_status_display()})"
                )
            )
    return items


def rosh_items(person: Person) -> list[PrefillItem]:
    items = []
    for a in rosh_assessment_list(person=person)[:10]:
        ratings = (
            f"public {a.get_public_community_display()}, "
            f"known adult {a.get_known_adult_community_display()}, "
            f"children {a.get_children_community_display()}, staff {a.get_staff_community_display()}"
        )
        items.append(
            PrefillItem(
                ROSH,
                f"Overall {a.get_overall_level_display()} ({ratings})",
                f"From the RoSH assessment of {_day(a.assessed_on)}",
            )
        )
    return items


def _intervention_names() -> dict[str, str]:
    return {item.key: item.name for version in CATALOGUE for item in version.rule}


def intervention_items(person: Person, *, today: dt.date) -> list[PrefillItem]:
    counts = Counter(
        RarActivity.objects.filter(requirement__sentence__person=person).values_list(
            "intervention", flat=True
        )
    )
    names = _intervention_names()
    return [
        PrefillItem(
            INTERVENTIONS,
            f"{names.get(key, key)}: {n} session{'s' if n != 1 else ''}",
            "From the RAR activity log",
        )
        for key, n in sorted(counts.items())
    ]


def plan_items(person: Person) -> list[PrefillItem]:
    plan = plan_for(person)
    if plan is None:
        return []
    agreed = f"agreed {_day(plan.agreed_on)}" if plan.agreed_on else "not yet agreed"
    source = f"From the sentence plan ({agreed})"
    items = []
    for goal in plan.goals or ():
        area = AREA_LABELS.get(Area(goal["area"]), goal["area"]) if goal.get("area") in set(Area) else ""
        status = str(goal.get("status") or "active").replace("_", " ")
        items.append(PrefillItem(PLAN, f"{area}: {goal.get('title', '')} ({status})", source))
    return items


def mappa_items(person: Person) -> list[PrefillItem]:
    registration = mappa_registration_get(person=person)
    if registration is None:
        return [PrefillItem(MAPPA, "Not managed under MAPPA", "From the registers")]
    items = [
        PrefillItem(
            MAPPA,
            f"MAPPA category {registration.category}, level {registration.level}",
            f"From the MAPPA registration of {_day(registration.registered_on)}",
        )
    ]
    # Meeting dates and levels only: never the minutes or decisions (not for disclosure).
    for held_on, level in (
        MappaMeeting.objects.filter(person=person).order_by("-held_on").values_list("held_on", "level")[:5]
    ):
        items.append(PrefillItem(MAPPA, f"MAPPA meeting at level {level}", f"Held {_day(held_on)}"))
    return items


def rmp_items(person: Person) -> list[PrefillItem]:
    plan = risk_management_plan_get(person=person)
    if plan is None:
        return []
    source = f"From the risk management plan updated {_day(plan.updated_at.date())}"
    # Not the victim safety planning section: it can locate or name a victim.
    parts = (
        ("Supervision", plan.supervision),
        ("Monitoring and control", plan.monitoring_and_control),
        ("Interventions and treatment", plan.interventions_and_treatment),
        ("Contingency plan", plan.contingency_plan),
    )
    return [PrefillItem(RMP, f"{label}: {text.strip()}", source) for label, text in parts if text.strip()]


def release_items(custody: CustodyRecord) -> list[PrefillItem]:
    source = "From the pre-release plan"
    items = []
    if custody.release_night:
        items.append(
            PrefillItem(RELEASE, f"On the day of release: {custody.get_release_night_display()}", source)
        )
    if custody.ap_referral_needed:
        items.append(PrefillItem(RELEASE, "An approved premises referral is needed", source))
    for pathway in custody.pathways.all():
        items.append(
            PrefillItem(RELEASE, f"{pathway.get_pathway_display()}: {pathway.get_status_display()}", source)
        )
    return items


def parom1_prefill(*, person: Person, custody: CustodyRecord, today: dt.date) -> dict[str, list[PrefillItem]]:
    """Each pre-filled section's items, in the report's order."""
    return {
        SENTENCE: sentence_items(custody),
        ROSH: rosh_items(person),
        INTERVENTIONS: intervention_items(person, today=today),
        PLAN: plan_items(person),
        MAPPA: mappa_items(person),
        RMP: rmp_items(person),
        RELEASE: release_items(custody),
    }


def prefill_text(items: list[PrefillItem]) -> str:
    return "\n".join(item.line for item in items)
