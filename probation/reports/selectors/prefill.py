"""What the record already knows for a pre-sentence report (issue 11 item 4; court-reports.md § Content).

Each item is a line of text for one section of the report with the record it came from ("From OGRS3
score calculated 12 March 2026"). The writing service copies the items into the report's sections when
the report is first opened, where the author reads and edits them like any other words (ADR 0029:
the PDF renders only the report's own fields); the editor also lists the current items beside each
section so a later score or assessment can be added by hand.

Disclosure (court-reports.md § Never in a report): the pre-fill reads only structured facts — offence
codes and wordings, sentence types and dates, predictor percentages and bands, RoSH ratings, register
types, need severities and compliance counts. It never reads free text that could carry victim,
witness, MAPPA or police-intelligence material: no contact notes (sensitive or not), no registration
notes, no MAPPA meeting minutes, no RoSH evidence text ("who is at risk"), no breach notes, nothing from
victim records. The person always comes from people's scoped selectors (the case shell).
"""

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from probation.assessments.models import Assessment
from probation.assessments.selectors import needs_assessment_from
from probation.core.clock import LONDON
from probation.enforcement.models import Breach
from probation.enforcement.services.compliance import sentences_compliance
from probation.people.models import Person
from probation.reports.models import ReportRequest
from probation.risk.models import Registration, RoshAssessment
from probation.risk.models.rosh import COMMUNITY_GROUPS
from probation.rules.tiering.needs import score_needs
from probation.rules.tiering.tables import NEED_SECTIONS, Severity
from probation.scores.models import CriminalHistory, PredictorScore, PredictorSlug
from probation.scores.presenters import BAND_TAGS, headline
from probation.sentences.models import Sentence

# court-reports.md § Content 5: "Harm predictors come first": serious harm (RSR and its parts) before
# proven reoffending (OGRS3, OGP, OVP).
HARM_PREDICTORS = (PredictorSlug.RSR, PredictorSlug.SNSV, PredictorSlug.OSP_DC, PredictorSlug.OSP_IIC)
REOFFENDING_PREDICTORS = (PredictorSlug.OGRS3, PredictorSlug.OGP, PredictorSlug.OVP)
SEVERITY_WORDS = {
    Severity.NO_NEED: "no need",
    Severity.STANDARD: "standard need",
    Severity.SEVERE: "severe need",
}

# The report's sections the pre-fill writes to, in the order of the report.
OFFENCES = "offence_analysis"
PATTERN = "pattern_of_offending"
CIRCUMSTANCES = "circumstances"
RISK = "risk_assessment"
PREFILLED_SECTIONS = (OFFENCES, PATTERN, CIRCUMSTANCES, RISK)


@dataclass(frozen=True)
class PrefillItem:
    section: str  # the Report field it belongs to
    text: str
    source: str  # "From OGRS3 score calculated 12 March 2026"

    @property
    def line(self) -> str:
        return f"{self.text} ({self.source})"


def _day(day: dt.date | dt.datetime) -> str:
    if isinstance(day, dt.datetime):
        day = day.astimezone(LONDON).date()
    return f"{day.day} {day:%B %Y}"


def offence_items(request: ReportRequest) -> list[PrefillItem]:
    source = f"From the court's request of {_day(request.requested_on)}"
    items = []
    for offence in request.offences or ():
        wording = str(offence.get("wording") or "").strip()
        code = str(offence.get("code") or "").strip()
        text = f"{wording} ({code})" if wording and code else wording or code
        if text:
            items.append(PrefillItem(OFFENCES, f"Offence: {text}", source))
    return items


def _sentence_text(sentence: Sentence) -> str:
    parts = [sentence.get_type_display()]
    if sentence.custodial_months:
        parts.append(f"custodial term {sentence.custodial_months} months")
    if sentence.length_months:
        parts.append(f"{sentence.length_months} months")
    ended = f", ended {_day(sentence.terminated_on)}" if sentence.terminated_on else ", current"
    offence = next(iter(sentence.event.offences.all()), None)
    about = f" for {offence.description}" if offence is not None else ""
    sentenced = f", sentenced {_day(sentence.sentence_date)}"
    return f"Event {sentence.event.number}: {', '.join(parts)}{about}{sentenced}{ended}"


def _compliance_text(failures: int, warnings: Iterable[dt.date], breaches: int) -> str:
    warned = sorted(warnings)
    warning_text = (
        f"{len(warned)} warning{'s' if len(warned) != 1 else ''} ({', '.join(_day(d) for d in warned)})"
        if warned
        else "no warnings"
    )
    breach_text = f"{breaches} breach{'es' if breaches != 1 else ''}" if breaches else "no breaches"
    return f"{failures} failure{'s' if failures != 1 else ''} to comply, {warning_text}, {breach_text}"


def history_items(person: Person, *, today: dt.date) -> list[PrefillItem]:
    """Previous sanctions (criminal history), each sentence on the record and its compliance."""
    items = []
    history = CriminalHistory.objects.filter(person=person).first()
    if history is not None:
        items.append(
            PrefillItem(
                PATTERN,
                f"Previous sanctions: {history.previous_sanctions} "
                f"({history.previous_violent_sanctions} violent)",
                f"From the criminal history updated {_day(history.updated_at)}",
            )
        )
    sentences = list(
        Sentence.objects.filter(person=person)
        .select_related("event")
        .prefetch_related("event__offences")
        .order_by("sentence_date", "id")
    )
    compliance = sentences_compliance(sentences=sentences, today=today) if sentences else {}
    breaches: dict[int, int] = {}
    for sentence_id in Breach.objects.filter(sentence__in=sentences).values_list("sentence_id", flat=True):
        breaches[sentence_id] = breaches.get(sentence_id, 0) + 1
    for sentence in sentences:
        source = f"From the sentence record of event {sentence.event.number}"
        items.append(PrefillItem(PATTERN, _sentence_text(sentence), source))
        summary = compliance[sentence.pk]
        items.append(
            PrefillItem(
                PATTERN,
                f"Compliance on event {sentence.event.number}: "
                + _compliance_text(
                    summary.failure_count,
                    (w.given_on for w in summary.warnings),
                    breaches.get(sentence.pk, 0),
                ),
                f"From the enforcement record of event {sentence.event.number}",
            )
        )
    return items


def _score_item(score: PredictorScore) -> PrefillItem:
    label = PredictorSlug(score.predictor).label
    band = BAND_TAGS.get(score.result.get("band", ""), ("", ""))[0]
    text = f"{label}: {headline(score.predictor, score.result)}" + (f", {band.lower()}" if band else "")
    return PrefillItem(RISK, text, f"From {label} score calculated {_day(score.calculated_at)}")


def risk_items(person: Person) -> list[PrefillItem]:
    """Harm predictors first, then RoSH, then the reoffending predictors, then the active
    registrations (court-reports.md § Content 5)."""
    latest: dict[str, PredictorScore] = {}
    for score in PredictorScore.objects.filter(person=person).order_by("-calculated_at", "-id"):
        latest.setdefault(score.predictor, score)
    items = [_score_item(latest[slug]) for slug in HARM_PREDICTORS if slug in latest]
    rosh = RoshAssessment.objects.filter(person=person).order_by("-assessed_on", "-id").first()
    if rosh is not None:
        ratings = ", ".join(
            f"{label.lower()} {getattr(rosh, f'get_{key}_community_display')().lower()}"
            for key, label in COMMUNITY_GROUPS
        )
        items.append(
            PrefillItem(
                RISK,
                f"Risk of serious harm in the community: {rosh.get_overall_level_display().lower()} overall "
                f"({ratings})",
                f"From the RoSH assessment of {_day(rosh.assessed_on)}",
            )
        )
    items += [_score_item(latest[slug]) for slug in REOFFENDING_PREDICTORS if slug in latest]
    for registration in Registration.objects.active().filter(person=person).order_by("registered_on", "id"):
        register = registration.register
        detail = (
            f" (category {registration.category}, level {registration.level})"
            if registration.category or registration.level
            else ""
        )
        items.append(
            PrefillItem(
                RISK,
                f"Registration: {register.description}{detail}",
                f"From the registration of {_day(registration.registered_on)}",
            )
        )
    return items


def needs_items(person: Person) -> list[PrefillItem]:
    """Need severities of the newest completed needs assessment (drafts do not count)."""
    latest = Assessment.objects.completed().filter(person=person).order_by("-completed_at", "-id").first()
    if latest is None or latest.completed_at is None:
        return []
    source = f"From the needs assessment completed {_day(latest.completed_at)}"
    return [
        PrefillItem(
            CIRCUMSTANCES, f"{NEED_SECTIONS[need.section].title}: {SEVERITY_WORDS[need.severity]}", source
        )
        for need in score_needs(needs_assessment_from(latest))
        if need.severity is not None
    ]


def report_prefill(*, request: ReportRequest, today: dt.date) -> list[PrefillItem]:
    """Every pre-filled item for the report of ``request``, section by section."""
    person = request.person
    return [
        *offence_items(request),
        *history_items(person, today=today),
        *needs_items(person),
        *risk_items(person),
    ]


def prefill_by_section(items: Iterable[PrefillItem]) -> dict[str, list[PrefillItem]]:
    found: dict[str, list[PrefillItem]] = {section: [] for section in PREFILLED_SECTIONS}
    for item in items:
        found[item.section].append(item)
    return found


def prefill_text(items: Iterable[PrefillItem]) -> str:
    """The starting words of a section: one line per item, each naming its source."""
    return "\n".join(item.line for item in items)
