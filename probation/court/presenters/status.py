"""Words and colours for a defendant's probation status, and a candidate as the officer sees it."""

from dataclasses import dataclass

from probation.court.models import HearingCandidate
from probation.court.selectors.status import RecordStatus, StatusPerson, record_status
from probation.people.policy import limited_access_message
from probation.risk.presenters.tags import Tag

STATUS_TAGS = {
    RecordStatus.CURRENT: Tag("Current", "green"),
    RecordStatus.PREVIOUSLY_KNOWN: Tag("Previously known", "blue"),
    RecordStatus.PRE_SENTENCE: Tag("Pre-sentence record", "purple"),
    RecordStatus.NO_RECORD: Tag("No record", "grey"),
}
RESTRICTED_TAG = Tag("Restricted", "red")


def hidden(person: StatusPerson) -> bool:
    return bool(person.lao_excluded or person.lao_restricted)


def status_tag(person: StatusPerson | None, *, confirmed: bool) -> Tag:
    """The status, "(unconfirmed)" until an officer confirms the match. A case the user may not open
    shows as restricted, never with its status."""
    if person is not None and hidden(person):
        return RESTRICTED_TAG
    tag = STATUS_TAGS[record_status(person)]
    return tag if confirmed else Tag(f"{tag.label} (unconfirmed)", tag.colour)


@dataclass(frozen=True)
class CandidateView:
    person_id: int
    crn: str
    name: str  # "" for a case the user may not open: it is never shown by name
    restricted_message: str
    date_of_birth: object
    pnc_number: str
    tag: Tag
    reasons: list[str]


def candidate_view(candidate: HearingCandidate, person: StatusPerson) -> CandidateView:
    if hidden(person):
        return CandidateView(
            person_id=person.pk,
            crn=person.crn,
            name="",
            restricted_message=limited_access_message(person),
            date_of_birth=None,
            pnc_number="",
            tag=RESTRICTED_TAG,
            reasons=list(candidate.reasons),
        )
    return CandidateView(
        person_id=person.pk,
        crn=person.crn,
        name=person.display_name,
        restricted_message="",
        date_of_birth=person.date_of_birth,
        pnc_number=person.pnc_number,
        tag=STATUS_TAGS[record_status(person)],
        reasons=list(candidate.reasons),
    )
