"""Creating and changing a person's record. Every write is audited in the same transaction."""

from collections.abc import Collection
from datetime import date
from typing import Any

from django.db import transaction

from probation.accounts.models import User
from probation.accounts.policy import Permission, has_permission
from probation.audit.models import AuditAction
from probation.audit.services import audit_record
from probation.core.clock import today_uk
from probation.core.errors import NotFound, PermissionDenied, ServiceError
from probation.people.duplicates import DuplicateCheck, person_possible_duplicates
from probation.people.models import Alias, CrnSequence, DuplicateOverride, Person, SearchKey
from probation.people.policy import can_change_case, people_visible_to
from probation.people.search_keys import keys_for_names, normalise, normalise_pnc
from probation.people.services.versioning import apply_versioned_update

CRN_LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
EARLIEST_DATE_OF_BIRTH = date(1900, 1, 1)
MINIMUM_AGE = 10  # the age of criminal responsibility in England and Wales

PERSON_EDITABLE_FIELDS = (
    "first_name",
    "middle_names",
    "surname",
    "preferred_name",
    "previous_surname",
    "date_of_birth",
    "gender",
    "pnc_number",
    "cro_number",
    "prison_number",
    "ni_number",
    "telephone",
    "mobile",
    "email",
    "preferred_language",
    "interpreter_required",
)
EQUALITY_FIELDS = ("ethnicity", "religion", "sexual_orientation", "gender_identity")


def crn_format(value: int) -> str:
    letter, number = divmod(value, 1_000_000)
    return f"{CRN_LETTERS[letter]}{number:06d}"


def crn_issue(*, count: int = 1) -> list[str]:
    """Hand out the next CRNs. The sequence row is locked, so two callers never get the same one
    and, because it only moves forward, a CRN is never reused."""
    with transaction.atomic():
        sequence, _ = CrnSequence.objects.select_for_update().get_or_create(pk=1)
        first = sequence.next_value
        sequence.next_value = first + count
        sequence.save(update_fields=["next_value"])
    return [crn_format(first + i) for i in range(count)]


def validate_date_of_birth(value: date) -> None:
    today = today_uk()
    if value > today:
        raise ServiceError("Date of birth must be in the past", field="date_of_birth")
    if value < EARLIEST_DATE_OF_BIRTH:
        raise ServiceError("Date of birth must be after 1 January 1900", field="date_of_birth")
    if value > today.replace(year=today.year - MINIMUM_AGE):
        raise ServiceError(
            "Date of birth must be at least 10 years ago (the age of criminal responsibility)",
            field="date_of_birth",
        )


def person_search_keys_rebuild(*, person: Person) -> None:
    names = [
        person.first_name,
        person.middle_names,
        person.surname,
        person.preferred_name,
        person.previous_surname,
    ]
    for alias in person.aliases.all():
        names += [alias.first_name, alias.middle_names, alias.surname]
    SearchKey.objects.filter(person=person).delete()
    SearchKey.objects.bulk_create(SearchKey(person=person, key=key) for key in sorted(keys_for_names(names)))


class PossibleDuplicates(ServiceError):
    """The person may already be recorded: nothing was created. Show ``check.matches`` (each with
    its reasons) and ask why a new record is needed; ``reason_missing`` when a reason was asked for
    and left blank (the message then says so)."""

    def __init__(self, check: DuplicateCheck, *, reason_missing: bool = False) -> None:
        super().__init__(
            "Enter why you are adding a new record for someone who may already be recorded"
            if reason_missing
            else "This person may already be recorded",
            field="duplicate_reason",
        )
        self.check = check
        self.reason_missing = reason_missing


def person_create(
    *,
    actor: User,
    data: dict[str, Any],
    duplicate_reason: str | None = None,
    duplicates_seen: Collection[str] | None = None,
) -> Person:
    """Issue a CRN for a new person, unless they look like someone already recorded (same PNC
    number, or same date of birth and a similar name): then raise PossibleDuplicates, unless the
    user gives ``duplicate_reason``, which is kept (DuplicateOverride) and audited. A reason covers
    only the matches the user was shown (``duplicates_seen``, when given): a new match asks again."""
    if not has_permission(actor, Permission.PERSON_CREATE) or actor.staff is None:
        raise PermissionDenied("You do not have permission to add a person")
    validate_date_of_birth(data["date_of_birth"])
    reason = (duplicate_reason or "").strip()
    fields = {k: v for k, v in data.items() if k in PERSON_EDITABLE_FIELDS}
    check = person_possible_duplicates(
        user=actor,
        first_name=data["first_name"],
        surname=data["surname"],
        date_of_birth=data["date_of_birth"],
        pnc_number=data.get("pnc_number", ""),
    )
    if check.matches:
        unseen = duplicates_seen is not None and not set(check.crns) <= set(duplicates_seen)
        if duplicate_reason is None or unseen or not reason:
            _possible_duplicates_shown(actor=actor, check=check)
            raise PossibleDuplicates(check, reason_missing=not (duplicate_reason is None or unseen))
    with transaction.atomic():
        person = Person(
            crn=crn_issue()[0],
            pdu=actor.staff.team.pdu,
            created_by=actor,
            **fields,
        )
        _prepare_person(person)
        person.save()
        person_search_keys_rebuild(person=person)
        detail = {"restricted_name_matches": check.hidden_name_matches} if check.hidden_name_matches else None
        audit_record(
            actor=actor,
            action=AuditAction.CREATE,
            crn=person.crn,
            object_type="person",
            object_id=person.pk,
            detail=detail,
        )
        if check.matches:
            _duplicate_override_record(actor=actor, person=person, reason=reason, check=check)
    return person


def _possible_duplicates_shown(*, actor: User, check: DuplicateCheck) -> None:
    """The matches shown are people's records seen, like a search's results: audited as a search."""
    audit_record(
        actor=actor,
        action=AuditAction.SEARCH,
        object_type="person_duplicates",
        detail={
            "results": len(check.matches),
            "restricted_results": sum(1 for m in check.matches if m.restricted),
            "crns": check.crns,
        },
    )


def _duplicate_override_record(*, actor: User, person: Person, reason: str, check: DuplicateCheck) -> None:
    override = DuplicateOverride.objects.create(
        person=person, reason=reason, matched_crns=check.crns, created_by=actor
    )
    # The audit names the records shown and why they matched, never the free-text reason.
    audit_record(
        actor=actor,
        action=AuditAction.CREATE,
        crn=person.crn,
        object_type="duplicate_override",
        object_id=override.pk,
        detail={"matched": {m.person.crn: list(m.reasons) for m in check.matches}},
    )


def person_for_change(*, actor: User, crn: str, permission: Permission) -> Person:
    """Lock a visible person for change; "not found" whether it is missing or hidden."""
    person = people_visible_to(actor).select_for_update().filter(crn=crn).first()
    if person is None:
        raise NotFound(crn)
    if not can_change_case(actor, person, permission):
        raise PermissionDenied("You do not have permission to change this case")
    return person


def _prepare_person(person: Person) -> None:
    person.surname_key = normalise(person.surname)
    person.pnc_key = normalise_pnc(person.pnc_number) or ""
    person.full_clean(exclude=["pdu", "created_by", "team", "officer"])


def person_update(*, actor: User, crn: str, expected_version: int, data: dict[str, Any]) -> list[str]:
    """Change personal details. Refused (nothing written) if someone saved a newer version."""
    allowed = PERSON_EDITABLE_FIELDS + EQUALITY_FIELDS
    data = {k: v for k, v in data.items() if k in allowed}
    if "date_of_birth" in data:
        validate_date_of_birth(data["date_of_birth"])
    with transaction.atomic():
        person = person_for_change(actor=actor, crn=crn, permission=Permission.PERSON_EDIT)
        changed = apply_versioned_update(
            actor=actor,
            person=person,
            instance=person,
            entity="person",
            expected_version=expected_version,
            data=data,
            validate=_prepare_person,
        )
        if not changed:
            return []
        if {"first_name", "middle_names", "surname", "preferred_name", "previous_surname"} & set(changed):
            person_search_keys_rebuild(person=person)
        audit_record(
            actor=actor,
            action=AuditAction.UPDATE,
            crn=person.crn,
            object_type="person",
            object_id=person.pk,
            detail={"fields": changed, "version": person.version},
        )
    return changed


def alias_create(*, actor: User, crn: str, data: dict[str, Any]) -> Alias:
    if data.get("date_of_birth"):
        validate_date_of_birth(data["date_of_birth"])
    with transaction.atomic():
        person = person_for_change(actor=actor, crn=crn, permission=Permission.PERSON_EDIT)
        alias = Alias.objects.create(person=person, **data)
        person_search_keys_rebuild(person=person)
        audit_record(actor=actor, action=AuditAction.CREATE, crn=crn, object_type="alias", object_id=alias.pk)
    return alias


def alias_delete(*, actor: User, crn: str, alias_id: int) -> None:
    with transaction.atomic():
        person = person_for_change(actor=actor, crn=crn, permission=Permission.PERSON_EDIT)
        deleted, _ = Alias.objects.filter(person=person, pk=alias_id).delete()
        if not deleted:
            raise NotFound(alias_id)
        person_search_keys_rebuild(person=person)
        audit_record(
            actor=actor,
            action=AuditAction.UPDATE,
            crn=crn,
            object_type="alias",
            object_id=alias_id,
            detail={"removed": True},
        )


def case_view_record(
    *,
    actor: User,
    person: Person,
    section: str,
    page: str = "",
    object_type: str = "person",
    object_id: object = None,
    detail: dict[str, Any] | None = None,
) -> None:
    """The one audit of a view of a case (probation.people.shell), written before the page is shown:
    the section, the page within it ("" for the section's own page), the object shown (the person by
    default) and what the page showed (ids, never free text)."""
    audit_record(
        actor=actor,
        action=AuditAction.VIEW,
        crn=person.crn,
        object_type=object_type,
        object_id=person.pk if object_id is None else object_id,
        detail={"section": section} | ({"page": page} if page else {}) | (detail or {}),
    )
