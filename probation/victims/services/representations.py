"""The victim's requests for licence conditions (victims.md § Representations; issue 15 item 5).

The VLO sends each request to the COM *without any location*: the text is refused if it holds a
postcode, a street address or a line of an address any victim of the case gave. The COM (the case's
managing PDU, as for every change to the case) includes or declines each with a reason; the VLO sees
the outcome to tell the victim.
"""

from django.db import transaction

from probation.accounts.models import User
from probation.accounts.policy import Permission
from probation.audit.models import AuditAction
from probation.audit.services import audit_record
from probation.core import clock
from probation.core.errors import NotFound, ServiceError
from probation.people.services.person import person_for_change
from probation.rules.victims.disclosure import location_problems
from probation.victims.models import Representation, RepresentationKind, RepresentationStatus
from probation.victims.services.scheme import check_version
from probation.victims.services.victims import _victim_for_change

REPRESENTATION = "victim_representation"
TEXT_MAX = 1000


def representation_send(*, actor: User, victim_id: int, kind: str, request: str) -> Representation:
    if kind not in RepresentationKind.values:
        raise ServiceError("Select what the victim asks for", field="kind")
    request = request.strip()
    if not request:
        raise ServiceError("Describe the request for the COM", field="request")
    if len(request) > TEXT_MAX:
        raise ServiceError(f"Request must be {TEXT_MAX:,} characters or fewer", field="request")
    with transaction.atomic():
        victim = _victim_for_change(actor, victim_id)
        victims = victim.scheme_case.victims.all()
        problems = location_problems(
            request,
            known_addresses=[v.address for v in victims],
            known_postcodes=[v.postcode for v in victims],
        )
        if problems:
            raise ServiceError(
                f"The request must not give a location: remove {' and '.join(problems)}. Describe the "
                "condition only (for example, 'an exclusion zone around the victim's home area'); the COM "
                "draws the zone",
                field="request",
            )
        representation = Representation.objects.create(
            scheme_case=victim.scheme_case,
            victim=victim,
            kind=kind,
            request=request,
            sent_on=clock.today_uk(),
            sent_by=actor,
        )
        audit_record(
            actor=actor,
            action=AuditAction.CREATE,
            crn=victim.scheme_case.person.crn,
            object_type=REPRESENTATION,
            object_id=representation.pk,
            detail={"victim": victim.pk, "kind": kind},
        )
    return representation


def representation_decide(
    *, actor: User, crn: str, representation_id: int, expected_version: int, decision: str, reason: str
) -> Representation:
    """The COM includes or declines a request, with the reason (necessary and proportionate)."""
    if decision not in (RepresentationStatus.INCLUDED, RepresentationStatus.DECLINED):
        raise ServiceError("Select whether you include or decline the request", field="decision")
    reason = reason.strip()
    if not reason:
        raise ServiceError("Enter the reason for your decision", field="reason")
    if len(reason) > TEXT_MAX:
        raise ServiceError(f"Reason must be {TEXT_MAX:,} characters or fewer", field="reason")
    with transaction.atomic():
        person = person_for_change(actor=actor, crn=crn, permission=Permission.VICTIM_REPRESENTATION_DECIDE)
        representation = (
            Representation.objects.select_for_update()
            .filter(pk=representation_id, scheme_case__person=person)
            .first()
        )
        if representation is None:
            raise NotFound(crn)
        check_version(representation, expected_version)
        if representation.status != RepresentationStatus.WITH_COM:
            raise ServiceError("This request has already been decided")
        representation.status = decision
        representation.decision_reason = reason
        representation.decided_on = clock.today_uk()
        representation.decided_by = actor
        representation.version += 1
        representation.save()
        audit_record(
            actor=actor,
            action=AuditAction.UPDATE,
            crn=person.crn,
            object_type=REPRESENTATION,
            object_id=representation.pk,
            detail={"decision": decision, "version": representation.version},
        )
    return representation
