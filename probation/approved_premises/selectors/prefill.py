"""What the record already knows for an approved-premises application (approved-premises.md § 1:
"OASys imports (RoSH summary, risk management plan, offence details...)"): the tier, the RoSH summary,
the risk management plan, the offences of current sentences and the licence (or, without one, the
community or bail details). Each is copied into the application as text the practitioner can read and
correct, with the record it came from, when the application is started."""

import datetime as dt
from dataclasses import dataclass

from probation.people.models import Person
from probation.risk.models import RoshAssessment
from probation.risk.models.rosh import RiskManagementPlan
from probation.sentences.models import Sentence


def _day(day: dt.date) -> str:
    return f"{day.day} {day:%B %Y}"


@dataclass(frozen=True)
class Prefill:
    tier: str
    rosh_level: str
    rosh_summary: str
    risk_management_plan: str
    offences: str
    licence_details: str


def _rosh_summary(person: Person) -> str:
    rosh = RoshAssessment.objects.filter(person=person).order_by("-assessed_on", "-pk").first()
    if rosh is None:
        return ""
    parts = [
        f"RoSH assessment of {_day(rosh.assessed_on)}: overall {rosh.get_overall_level_display().lower()}.",
        f"Nature of the risk: {rosh.nature_of_risk}",
        f"Who is at risk: {rosh.who_is_at_risk}",
    ]
    if rosh.when_most_likely:
        parts.append(f"When the risk is most likely: {rosh.when_most_likely}")
    if rosh.increasing_factors:
        parts.append(f"Circumstances that increase the risk: {rosh.increasing_factors}")
    if rosh.reducing_factors:
        parts.append(f"Circumstances that reduce the risk: {rosh.reducing_factors}")
    return "\n".join(parts)


def _plan(person: Person) -> str:
    plan = RiskManagementPlan.objects.filter(person=person).first()
    if plan is None:
        return ""
    return "\n".join(
        [
            f"Supervision: {plan.supervision}",
            f"Monitoring and control: {plan.monitoring_and_control}",
            f"Interventions and treatment: {plan.interventions_and_treatment}",
            f"Contingency plan: {plan.contingency_plan}",
        ]
    )


def _current_sentences(person: Person) -> list[Sentence]:
    return list(
        Sentence.objects.filter(person=person, terminated_on__isnull=True)
        .select_related("event", "licence")
        .prefetch_related("event__offences", "licence__conditions")
        .order_by("-sentence_date")
    )


def _offences(sentences: list[Sentence]) -> str:
    lines = []
    for sentence in sentences:
        for offence in sentence.event.offences.all():
            lines.append(
                f"Event {sentence.event.number}: {offence.description} ({offence.ho_code}), "
                f"{_day(offence.offence_date)}; "
                f"{sentence.get_type_display().lower()} of {_day(sentence.sentence_date)}"
            )
    return "\n".join(lines)


def _licence(sentences: list[Sentence]) -> str:
    for sentence in sentences:
        licence = getattr(sentence, "licence", None)
        if licence is None:
            continue
        dates = [f"released {_day(licence.release_date)}"]
        if licence.licence_expiry_date:
            dates.append(f"licence expires {_day(licence.licence_expiry_date)}")
        if licence.sentence_expiry_date:
            dates.append(f"sentence expires {_day(licence.sentence_expiry_date)}")
        conditions = [c.text for c in licence.conditions.all() if c.end_date is None]
        text = f"Licence (event {sentence.event.number}): {', '.join(dates)}."
        if conditions:
            text += "\nConditions:\n" + "\n".join(f"- {c}" for c in conditions)
        return text
    if sentences:
        s = sentences[0]
        made = f"{s.get_type_display()} of {_day(s.sentence_date)}"
        return f"{made} (event {s.event.number}); no licence recorded."
    return ""


def application_prefill(person: Person) -> Prefill:
    sentences = _current_sentences(person)
    return Prefill(
        tier=person.tier,
        rosh_level=person.rosh_level or "",
        rosh_summary=_rosh_summary(person),
        risk_management_plan=_plan(person),
        offences=_offences(sentences),
        licence_details=_licence(sentences),
    )
