"""The court duty page: one card per defendant, from data the view has read (no queries here)."""

import datetime as dt
from dataclasses import dataclass, field, replace

from probation.court.models import Hearing, MatchState, PreparationStatus, Session
from probation.court.presenters.status import hidden, status_tag
from probation.court.selectors.duty import PreviousReport
from probation.court.selectors.status import StatusPerson
from probation.enforcement.services.compliance import SentenceCompliance
from probation.people.policy import limited_access_message
from probation.risk.models import Registration
from probation.risk.presenters.rosh import level_tag
from probation.risk.presenters.tags import Tag, flag_tags
from probation.sentences.models import Sentence

NOT_MATCHED = Tag("Not yet matched", "grey")
SESSION_ORDER = {Session.MORNING: 0, Session.ALL_DAY: 1, Session.AFTERNOON: 2}
PREPARATION_TAGS = {
    PreparationStatus.NOT_STARTED: Tag("Not started", "grey"),
    PreparationStatus.IN_PROGRESS: Tag("In progress", "yellow"),
    PreparationStatus.COMPLETE: Tag("Complete", "green"),
    PreparationStatus.NOT_REQUIRED: Tag("Not required", "blue"),
}


@dataclass(frozen=True)
class OrderLine:
    label: str
    sentence_date: dt.date
    compliance: str
    red: bool


@dataclass(frozen=True)
class DutyCard:
    hearing: Hearing
    session: str
    tag: Tag
    crn: str = ""
    restricted_message: str = ""
    officer: str = ""
    rosh: Tag | None = None
    flags: list[Tag] = field(default_factory=list)
    orders: list[OrderLine] = field(default_factory=list)
    on_record: bool = False
    previous_reports: list[str] = field(default_factory=list)
    preparation: Tag = PREPARATION_TAGS[PreparationStatus.NOT_STARTED]


@dataclass(frozen=True)
class DutyData:
    people: dict[int, StatusPerson]
    sentences: dict[int, list[Sentence]]
    compliance: dict[int, SentenceCompliance]
    registrations: dict[int, list[Registration]]
    reports: dict[int, list[PreviousReport]] = field(default_factory=dict)


def _order_line(sentence: Sentence, compliance: SentenceCompliance | None) -> OrderLine:
    return OrderLine(
        label=sentence.get_type_display(),
        sentence_date=sentence.sentence_date,
        compliance=compliance.summary.text if compliance else "",
        red=bool(
            compliance and (compliance.summary.red or compliance.summary.status == "breach_in_progress")
        ),
    )


def _report_line(report: PreviousReport) -> str:
    when = f", completed {report.completed_on.day} {report.completed_on:%B %Y}" if report.completed_on else ""
    return f"{report.type_label}{when} ({report.court})"


def duty_card(hearing: Hearing, data: DutyData) -> DutyCard:
    confirmed = hearing.match_state == MatchState.CONFIRMED
    person = data.people.get(hearing.person_id) if hearing.person_id is not None else None
    card = DutyCard(
        hearing=hearing,
        session=Session(hearing.court_list.session).label,
        preparation=PREPARATION_TAGS[PreparationStatus(hearing.preparation_status)],
        # Until an officer confirms who the defendant is, the page claims nothing about the record.
        tag=status_tag(None, confirmed=True) if confirmed else NOT_MATCHED,
    )
    if person is None:
        return card
    if hidden(person):
        return replace(
            card,
            tag=status_tag(person, confirmed=True),
            crn=person.crn,
            restricted_message=limited_access_message(person),
        )
    return replace(
        card,
        tag=status_tag(person, confirmed=True),
        crn=person.crn,
        officer=person.officer.name if person.officer else "",
        rosh=level_tag(person.rosh_level) if person.rosh_level else None,
        flags=flag_tags(data.registrations.get(person.pk, [])),
        orders=[_order_line(s, data.compliance.get(s.pk)) for s in data.sentences.get(person.pk, [])],
        previous_reports=[_report_line(r) for r in data.reports.get(person.pk, [])],
        on_record=True,
    )


def duty_cards(hearings: list[Hearing], data: DutyData) -> list[DutyCard]:
    ordered = sorted(
        hearings,
        key=lambda h: (
            SESSION_ORDER[Session(h.court_list.session)],
            h.hearing_time or dt.time.max,
            h.listing_number,
        ),
    )
    return [duty_card(h, data) for h in ordered]
