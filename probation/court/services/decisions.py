"""A court officer's decisions on a listed defendant: confirm a possible match, reject one, or confirm
there is no record (which creates the person through people's ``person_create``, the one way a
person is added, so its duplicate checks apply). Each decision is audited with the CRN it concerns.
Decisions name the version of the hearing the officer saw (ADR 0005)."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q

from probation.accounts.models import User
from probation.audit.models import AuditAction
from probation.audit.services import audit_record
from probation.core import clock
from probation.core.errors import NotFound, ServiceError
from probation.court.models import Hearing, HearingCandidate, MatchState
from probation.court.policy import courts_manageable_by
from probation.court.services.matching import NAME_DOB, PNC
from probation.people.duplicates import SAME_PNC
from probation.people.models.person import Gender
from probation.people.policy import people_visible_to
from probation.people.services.person import PossibleDuplicates, person_create

ENTITY = "hearing"
STALE = "Someone else decided this match while you were looking at it. Check the defendant again."


def hearing_for_change(*, actor: User, hearing_id: int, expected_version: int) -> Hearing:
    """Lock a hearing at a court the officer may manage; "not found" for missing and forbidden."""
    hearing = (
        Hearing.objects.select_for_update(of=("self",))
        .filter(pk=hearing_id, court_list__court__in=courts_manageable_by(actor))
        .first()
    )
    if hearing is None:
        raise NotFound(hearing_id)
    if hearing.version != expected_version:
        raise ServiceError(STALE)
    return hearing


def _unconfirmed(*, actor: User, hearing_id: int, expected_version: int) -> Hearing:
    hearing = hearing_for_change(actor=actor, hearing_id=hearing_id, expected_version=expected_version)
    if hearing.match_state == MatchState.CONFIRMED:
        raise ServiceError("This defendant’s match has already been confirmed")
    return hearing


def _candidate(hearing: Hearing, person_id: int, actor: User) -> HearingCandidate:
    candidate = (
        HearingCandidate.objects.filter(hearing=hearing, person_id=person_id, rejected=False)
        .select_related("person")
        .first()
    )
    if candidate is None:
        raise NotFound(person_id)
    # A case this officer may not open is offered only on its exact PNC number (ADR 0021), so only
    # then may they act on it; otherwise it is "not found", as it was never shown to them.
    if candidate.matched_on != PNC and not people_visible_to(actor).filter(pk=person_id).exists():
        raise NotFound(person_id)
    return candidate


def _confirm(hearing: Hearing, *, actor: User, person_id: int | None) -> None:
    hearing.match_state = MatchState.CONFIRMED
    hearing.person_id = person_id
    hearing.matched_by = actor
    hearing.matched_at = clock.now()
    hearing.version += 1
    hearing.save(update_fields=["match_state", "person", "matched_by", "matched_at", "version", "updated_at"])


def _audit(actor: User, hearing: Hearing, crn: str, decision: str, **detail: object) -> None:
    audit_record(
        actor=actor,
        action=AuditAction.UPDATE,
        crn=crn,
        object_type=ENTITY,
        object_id=hearing.pk,
        detail={"decision": decision, "court_list": hearing.court_list_id} | detail,
    )


def hearing_match_confirm(*, actor: User, hearing_id: int, expected_version: int, person_id: int) -> Hearing:
    """Link the hearing to one of its possible matches. A case the officer may not open can be linked
    only when it was offered by its exact PNC number, and stays shown by CRN alone."""
    with transaction.atomic():
        hearing = _unconfirmed(actor=actor, hearing_id=hearing_id, expected_version=expected_version)
        candidate = _candidate(hearing, person_id, actor)
        _confirm(hearing, actor=actor, person_id=candidate.person_id)
        _audit(actor, hearing, candidate.person.crn, "confirmed", matched_on=candidate.matched_on)
    return hearing


def hearing_match_reject(*, actor: User, hearing_id: int, expected_version: int, person_id: int) -> Hearing:
    """This possible match is not the defendant: it is no longer offered."""
    with transaction.atomic():
        hearing = _unconfirmed(actor=actor, hearing_id=hearing_id, expected_version=expected_version)
        candidate = _candidate(hearing, person_id, actor)
        candidate.rejected = True
        candidate.save(update_fields=["rejected"])
        hearing.version += 1
        hearing.save(update_fields=["version", "updated_at"])
        _audit(actor, hearing, candidate.person.crn, "rejected", matched_on=candidate.matched_on)
    return hearing


def _split_forenames(forenames: str) -> tuple[str, str]:
    first, _, middle = forenames.partition(" ")
    return first, middle.strip()


NOT_THE_DEFENDANT = "A court officer checked this record against the court list and it is not the defendant"
FOUND_WHEN_ADDING = "This defendant may already be on the record: check the possible matches below"


def _candidates_from_duplicates(
    hearing: Hearing, refused: PossibleDuplicates, rejected: set[str]
) -> list[str]:
    """The records people's duplicate check found that the officer has not yet decided on, added as
    possible matches (with its reasons) so they can be confirmed or rejected here."""
    found = [m for m in refused.check.matches if m.person.crn not in rejected]
    HearingCandidate.objects.bulk_create(
        [
            HearingCandidate(
                hearing=hearing,
                person=m.person,
                matched_on=PNC if SAME_PNC in m.reasons else NAME_DOB,
                score=100 if SAME_PNC in m.reasons else 90,
                reasons=[f"Found when adding them: {reason}" for reason in m.reasons],
            )
            for m in found
        ],
        ignore_conflicts=True,
    )
    return [m.person.crn for m in found]


def hearing_no_record_confirm(*, actor: User, hearing_id: int, expected_version: int) -> Hearing:
    """Nobody on the record is this defendant: create them (people's person_create) and link them.
    Refused while a possible match is still offered, so a known person is never added twice. Records
    the officer rejected are the reason given to person_create's duplicate check; if it finds others,
    nobody is created and they are added as possible matches (raises ServiceError after committing
    them, so the officer sees them)."""
    with transaction.atomic():
        hearing = _no_record_allowed(actor=actor, hearing_id=hearing_id, expected_version=expected_version)
        rejected = set(
            HearingCandidate.objects.filter(hearing=hearing, rejected=True).values_list(
                "person__crn", flat=True
            )
        )
        try:
            person = person_create(
                actor=actor,
                data=_person_data(hearing),
                duplicate_reason=NOT_THE_DEFENDANT if rejected else None,
                duplicates_seen=sorted(rejected),
            )
        except PossibleDuplicates as refused:
            crns = _candidates_from_duplicates(hearing, refused, rejected)
            hearing.version += 1
            hearing.save(update_fields=["version", "updated_at"])
            _audit(actor, hearing, "", "no_record_refused_possible_matches", candidates=crns)
            found = True
        except ValidationError as error:
            raise ServiceError(
                "The defendant’s details as listed cannot make a record ("
                + "; ".join(error.messages)
                + "): add them with Add a person"
            ) from None
        else:
            found = False
            _confirm(hearing, actor=actor, person_id=person.pk)
            _audit(actor, hearing, person.crn, "no_record_created")
    if found:
        raise ServiceError(FOUND_WHEN_ADDING)
    return hearing


def _no_record_allowed(*, actor: User, hearing_id: int, expected_version: int) -> Hearing:
    hearing = _unconfirmed(actor=actor, hearing_id=hearing_id, expected_version=expected_version)
    # Only the matches this officer is offered count: a case they may not open, matched by name,
    # is never shown to them, and refusing because of it would tell them it exists (ADR 0021).
    offered = HearingCandidate.objects.filter(hearing=hearing, rejected=False).filter(
        Q(matched_on=PNC) | Q(person__in=people_visible_to(actor))
    )
    if offered.exists():
        raise ServiceError("Confirm or reject each possible match before confirming there is no record")
    if hearing.date_of_birth is None:
        raise ServiceError(
            "The list gives no date of birth for this defendant: find their date of birth, then add "
            "them with Add a person"
        )
    return hearing


def _person_data(hearing: Hearing) -> dict[str, object]:
    first_name, middle_names = _split_forenames(hearing.forenames)
    return {
        "first_name": first_name,
        "middle_names": middle_names,
        "surname": hearing.surname,
        "date_of_birth": hearing.date_of_birth,
        "gender": Gender.NOT_KNOWN,
        "pnc_number": hearing.pnc_number,
        "cro_number": hearing.cro_number,
    }
