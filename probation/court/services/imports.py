"""Importing a court list: all or nothing, and idempotent by court, date, session and listing number.

The file is read and checked whole first (probation.court.services.formats); only a file without a
single problem is written, in one transaction. A hearing already on the list (same listing number) is
left exactly as it is, so importing the same list twice changes nothing. Possible matches are found
for each new hearing and stored with why they matched; nobody is linked or created until a court
officer confirms (probation.court.services.decisions).
"""

from dataclasses import dataclass

from django.db import transaction

from probation.accounts.models import User
from probation.audit.models import AuditAction
from probation.audit.services import audit_record
from probation.core.errors import ServiceError
from probation.court.models import CourtList, Hearing, HearingCandidate
from probation.court.policy import courts_manageable_by
from probation.court.services.formats import ListedHearing, ParsedList
from probation.court.services.matching import candidates_find_all


@dataclass(frozen=True)
class ImportResult:
    court_list: CourtList
    added: int
    unchanged: int


def _hearing(court_list: CourtList, listed: ListedHearing) -> Hearing:
    return Hearing(
        court_list=court_list,
        listing_number=listed.listing_number,
        room=listed.room,
        hearing_time=listed.hearing_time,
        forenames=listed.forenames,
        surname=listed.surname,
        date_of_birth=listed.date_of_birth,
        pnc_number=listed.pnc_number,
        cro_number=listed.cro_number,
        address=listed.address,
        offences=[{"code": o.code, "wording": o.wording} for o in listed.offences],
        plea=listed.plea,
    )


def court_list_import(*, actor: User, parsed: ParsedList) -> ImportResult:
    court = courts_manageable_by(actor).filter(code=parsed.court_code, active=True).first()
    if court is None:
        # The same words whether the court does not exist or is another region's.
        raise ServiceError(
            f"There is no court with the code {parsed.court_code} that you can import lists for"
        )
    with transaction.atomic():
        court_list, created = CourtList.objects.select_for_update().get_or_create(
            court=court,
            sitting_date=parsed.sitting_date,
            session=parsed.session,
            defaults={"imported_by": actor},
        )
        existing = set(court_list.hearings.values_list("listing_number", flat=True))
        new = [h for h in parsed.hearings if h.listing_number not in existing]
        hearings = Hearing.objects.bulk_create(_hearing(court_list, listed) for listed in new)
        candidates = [
            HearingCandidate(
                hearing=hearing,
                person_id=c.person_id,
                matched_on=c.matched_on,
                score=c.score,
                reasons=list(c.reasons),
            )
            for hearing, found in zip(hearings, candidates_find_all(user=actor, listed=new), strict=True)
            for c in found
        ]
        HearingCandidate.objects.bulk_create(candidates)
        audit_record(
            actor=actor,
            action=AuditAction.CREATE,
            object_type="court_list",
            object_id=court_list.pk,
            detail={
                "court": court.code,
                "sitting_date": parsed.sitting_date.isoformat(),
                "session": parsed.session,
                "list_created": created,
                "hearings_added": [h.listing_number for h in new],
                "hearings_unchanged": len(parsed.hearings) - len(new),
                "candidates": sorted({c.person_id for c in candidates}),
            },
        )
    return ImportResult(court_list=court_list, added=len(new), unchanged=len(parsed.hearings) - len(new))
