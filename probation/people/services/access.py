"""Managing limited access (exclusion and restriction lists) and partner sharing."""

from datetime import date, timedelta

from django.db import transaction

from probation.accounts.models import Role, User
from probation.accounts.policy import Permission, has_permission
from probation.audit.models import AuditAction
from probation.audit.services import audit_record
from probation.core.clock import today_uk
from probation.core.errors import NotFound, PermissionDenied, ServiceError
from probation.people.models import Exclusion, PartnerShare, Person, Restriction


def _person_for_access_change(*, actor: User, crn: str) -> Person:
    if not has_permission(actor, Permission.LIMITED_ACCESS_MANAGE):
        raise PermissionDenied("You do not have permission to manage limited access")
    person = Person.objects.select_for_update().filter(crn=crn).first()
    if person is None:
        raise NotFound(crn)
    return person


_LIST_MODELS: dict[str, type[Exclusion] | type[Restriction]] = {
    "exclusion": Exclusion,
    "restriction": Restriction,
}


def _user_by_username(username: str) -> User:
    user = User.objects.filter(username=username.strip(), is_active=True).first()
    if user is None:
        raise ServiceError("Enter the username of an active user", field="username")
    return user


def limited_access_add(*, actor: User, crn: str, list_name: str, username: str) -> None:
    model = _LIST_MODELS.get(list_name)
    if model is None:
        raise ServiceError("Select exclusion or restriction", field="list_name")
    with transaction.atomic():
        person = _person_for_access_change(actor=actor, crn=crn)
        user = _user_by_username(username)
        _, created = model.objects.get_or_create(person=person, user=user, defaults={"added_by": actor})
        if not created:
            raise ServiceError(f"{user.username} is already on the {list_name} list", field="username")
        _refresh_flags(person)
        audit_record(
            actor=actor,
            action=AuditAction.ACCESS_CHANGE,
            crn=crn,
            object_type=list_name,
            object_id=user.pk,
            detail={"added": user.username},
        )


def limited_access_remove(*, actor: User, crn: str, list_name: str, user_id: int) -> None:
    model = _LIST_MODELS.get(list_name)
    if model is None:
        raise NotFound(list_name)
    with transaction.atomic():
        person = _person_for_access_change(actor=actor, crn=crn)
        deleted, _ = model.objects.filter(person=person, user_id=user_id).delete()
        if not deleted:
            raise NotFound(user_id)
        _refresh_flags(person)
        audit_record(
            actor=actor,
            action=AuditAction.ACCESS_CHANGE,
            crn=crn,
            object_type=list_name,
            object_id=user_id,
            detail={"removed": True},
        )


def limited_access_messages_set(
    *, actor: User, crn: str, exclusion_message: str, restriction_message: str
) -> None:
    with transaction.atomic():
        person = _person_for_access_change(actor=actor, crn=crn)
        Person.objects.filter(pk=person.pk).update(
            exclusion_message=exclusion_message.strip(), restriction_message=restriction_message.strip()
        )
        audit_record(
            actor=actor,
            action=AuditAction.ACCESS_CHANGE,
            crn=crn,
            object_type="messages",
            object_id=person.pk,
        )


def _refresh_flags(person: Person) -> None:
    Person.objects.filter(pk=person.pk).update(
        has_exclusions=Exclusion.objects.filter(person=person).exists(),
        is_restricted=Restriction.objects.filter(person=person).exists(),
    )


# A partner share is for a MAPPA episode, reviewed at least yearly: an end date decades away would be
# a share for ever (issue 9 item 7).
SHARE_MAX_DAYS = 2 * 365


def partner_share_grant(
    *, actor: User, person: Person, partner: User, reason: str, expires_on: date
) -> PartnerShare:
    """Share a case with a partner-agency user (MAPPA). The actor must be able to change the case."""
    if partner.role != Role.PARTNER:
        raise ServiceError("Cases can only be shared with partner agency users", field="username")
    if expires_on <= today_uk():
        raise ServiceError("The share must end in the future", field="expires_on")
    if expires_on > today_uk() + timedelta(days=SHARE_MAX_DAYS):
        raise ServiceError("The share must end within 2 years of today", field="expires_on")
    if not reason.strip():
        raise ServiceError("Enter the reason for sharing", field="reason")
    with transaction.atomic():
        share, _ = PartnerShare.objects.update_or_create(
            person=person,
            user=partner,
            defaults={"reason": reason.strip(), "granted_by": actor, "expires_on": expires_on},
        )
        audit_record(
            actor=actor,
            action=AuditAction.ACCESS_CHANGE,
            crn=person.crn,
            object_type="partner_share",
            object_id=partner.pk,
            detail={"partner": partner.username, "expires_on": expires_on.isoformat()},
        )
    return share
