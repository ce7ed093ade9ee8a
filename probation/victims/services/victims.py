"""Recording victims and representatives, their choices and the separate contact log (victims.md;
issue 15 item 2). Only victim liaison staff of the case's region; every change audited with ids and
choices, never a name, address or note."""

import datetime as dt
from dataclasses import asdict, dataclass

from django.db import transaction

from probation.accounts.models import User
from probation.accounts.policy import Permission, has_permission
from probation.audit.models import AuditAction
from probation.audit.services import audit_record
from probation.core import clock
from probation.core.date_checks import date_not_future
from probation.core.errors import NotFound, ServiceError
from probation.rules.errors import RuleErrorCollector
from probation.victims.models import (
    ContactMethod,
    InformationLevel,
    Participation,
    SchemeCase,
    StatementDelivery,
    Victim,
    VictimContact,
    VictimRole,
    VictimStatement,
)
from probation.victims.selectors.scope import scheme_cases_visible_to
from probation.victims.services.scheme import check_version

VICTIM = "victim"
VICTIM_CONTACT = "victim_contact"
SUMMARY_MAX = 4000


@dataclass(frozen=True)
class VictimDetails:
    forename: str
    surname: str
    role: str = VictimRole.VICTIM
    represents_id: int | None = None
    relationship: str = ""
    date_of_birth: dt.date | None = None
    address: str = ""
    postcode: str = ""
    phone: str = ""
    email: str = ""
    preferred_method: str = ContactMethod.LETTER
    information_level: str = InformationLevel.KEY_STAGES
    interpreter_language: str = ""
    accessibility_needs: str = ""


def name_key(forename: str, surname: str) -> str:
    return f"{' '.join(forename.lower().split())}|{' '.join(surname.lower().split())}"


def _check_shape(details: VictimDetails, errors: RuleErrorCollector) -> None:
    if not details.forename.strip():
        errors.add("Enter the first name", field="forename")
    if not details.surname.strip():
        errors.add("Enter the last name", field="surname")
    if details.role not in VictimRole.values:
        errors.add("Select who this is", field="role")
    if details.information_level not in InformationLevel.values:
        errors.add("Select the information they want", field="information_level")
    if details.date_of_birth is not None:
        with errors.check():
            date_not_future(details.date_of_birth, field="date_of_birth", label="Date of birth")


# What each contact method needs recorded: letters an address, email an email, phone and text a number.
METHOD_NEEDS = {
    ContactMethod.LETTER: ("address", "an address to send letters to"),
    ContactMethod.EMAIL: ("email", "the email to contact them by"),
    ContactMethod.PHONE: ("phone", "the phone number to contact them by"),
    ContactMethod.SMS: ("phone", "the phone number to contact them by"),
}


def _check_method(details: VictimDetails, errors: RuleErrorCollector) -> None:
    if details.preferred_method not in ContactMethod.values:
        errors.add("Select how they want to be contacted", field="preferred_method")
        return
    field, what = METHOD_NEEDS[ContactMethod(details.preferred_method)]
    if not str(getattr(details, field)).strip():
        errors.add(f"Enter {what}, or choose another contact method", field=field)


def _check_relations(
    details: VictimDetails, case: SchemeCase, *, victim_id: int | None, errors: RuleErrorCollector
) -> None:
    if details.role != VictimRole.VICTIM:
        if details.represents_id is None and details.role != VictimRole.OTHER_REPRESENTATIVE:
            errors.add("Select the victim they represent", field="represents_id")
        elif (
            details.represents_id is not None
            and not case.victims.filter(pk=details.represents_id, role=VictimRole.VICTIM).exists()
        ):
            errors.add("Select a victim of this case", field="represents_id")
    duplicate = case.victims.filter(name_key=name_key(details.forename, details.surname))
    if victim_id is not None:
        duplicate = duplicate.exclude(pk=victim_id)
    if details.forename.strip() and details.surname.strip() and duplicate.exists():
        name = f"{details.forename.strip()} {details.surname.strip()}"
        errors.add(f"{name} is already recorded on this case: open their record instead", field="forename")


def _check(details: VictimDetails, case: SchemeCase, *, victim_id: int | None) -> None:
    """Every problem at once (issue 10 item 8); a second victim of the same name on the case is a
    duplicate."""
    errors = RuleErrorCollector()
    _check_shape(details, errors)
    _check_method(details, errors)
    _check_relations(details, case, victim_id=victim_id, errors=errors)
    errors.raise_any()


def _case_for_change(actor: User, case_id: int) -> SchemeCase:
    case = (
        scheme_cases_visible_to(actor).select_for_update().select_related("person").filter(pk=case_id).first()
    )
    if case is None or not has_permission(actor, Permission.VICTIM_RECORDS_MANAGE):
        raise NotFound(case_id)
    return case


def _victim_for_change(actor: User, victim_id: int) -> Victim:
    victim = (
        Victim.objects.select_for_update()
        .select_related("scheme_case__person")
        .filter(pk=victim_id, scheme_case__in=scheme_cases_visible_to(actor))
        .first()
    )
    if victim is None or not has_permission(actor, Permission.VICTIM_RECORDS_MANAGE):
        raise NotFound(victim_id)
    return victim


def _fields(details: VictimDetails) -> dict[str, object]:
    data = asdict(details)
    for key, value in data.items():
        if isinstance(value, str):
            data[key] = value.strip()
    data["postcode"] = str(data["postcode"]).upper()
    data["name_key"] = name_key(details.forename, details.surname)
    return data


def victim_create(*, actor: User, case_id: int, details: VictimDetails) -> Victim:
    with transaction.atomic():
        case = _case_for_change(actor, case_id)
        _check(details, case, victim_id=None)
        victim = Victim.objects.create(scheme_case=case, created_by=actor, **_fields(details))
        audit_record(
            actor=actor,
            action=AuditAction.CREATE,
            crn=case.person.crn,
            object_type=VICTIM,
            object_id=victim.pk,
            detail={"scheme_case": case.pk, "role": victim.role},
        )
    return victim


def victim_update(*, actor: User, victim_id: int, expected_version: int, details: VictimDetails) -> Victim:
    with transaction.atomic():
        victim = _victim_for_change(actor, victim_id)
        check_version(victim, expected_version)
        _check(details, victim.scheme_case, victim_id=victim.pk)
        changed = []
        for key, value in _fields(details).items():
            if getattr(victim, key) != value:
                setattr(victim, key, value)
                changed.append(key)
        if changed:
            victim.version += 1
            victim.save()
        audit_record(
            actor=actor,
            action=AuditAction.UPDATE,
            crn=victim.scheme_case.person.crn,
            object_type=VICTIM,
            object_id=victim.pk,
            detail={"fields": sorted(c for c in changed if c != "name_key"), "version": victim.version},
        )
    return victim


def victim_participation_set(
    *, actor: User, victim_id: int, expected_version: int, participation: str, on: dt.date
) -> Victim:
    """Opt in, opt out, defer, or rejoin (opt in again after opting out): any time (victims.md §
    Timescales). Opting out stops every letter until they rejoin."""
    if participation not in (Participation.OPTED_IN, Participation.OPTED_OUT, Participation.DEFERRED):
        raise ServiceError("Select whether they opt in, opt out or defer", field="participation")
    date_not_future(on, field="on", label="Date of their decision")
    with transaction.atomic():
        victim = _victim_for_change(actor, victim_id)
        check_version(victim, expected_version)
        previous = victim.participation
        victim.participation = participation
        victim.participation_on = on
        victim.version += 1
        victim.save(update_fields=["participation", "participation_on", "version", "updated_at"])
        audit_record(
            actor=actor,
            action=AuditAction.UPDATE,
            crn=victim.scheme_case.person.crn,
            object_type=VICTIM,
            object_id=victim.pk,
            detail={
                "participation": participation,
                "from": previous,
                "on": on.isoformat(),
                "version": victim.version,
            },
        )
    return victim


def victim_contact_record(
    *, actor: User, victim_id: int, contact_date: dt.date, method: str, summary: str
) -> VictimContact:
    """A contact with the victim, in the scheme's own log. The first for the case is its first
    contact (victims.md: within 40 working days of sentence)."""
    errors = RuleErrorCollector()
    if method not in ContactMethod.values:
        errors.add("Select how the contact was made", field="method")
    summary = summary.strip()
    if not summary:
        errors.add("Enter a summary of the contact", field="summary")
    elif len(summary) > SUMMARY_MAX:
        errors.add(f"Summary must be {SUMMARY_MAX:,} characters or fewer", field="summary")
    with errors.check():
        date_not_future(contact_date, field="contact_date", label="Date of contact")
    errors.raise_any()
    with transaction.atomic():
        victim = _victim_for_change(actor, victim_id)
        case = SchemeCase.objects.select_for_update().get(pk=victim.scheme_case_id)
        if contact_date < case.sentence_date:
            raise ServiceError(
                "Date of contact must be on or after the date of sentence", field="contact_date"
            )
        first = case.first_contact_on is None or contact_date < case.first_contact_on
        contact = VictimContact.objects.create(
            victim=victim,
            contact_date=contact_date,
            method=method,
            summary=summary,
            first_contact=case.first_contact_on is None,
            recorded_by=actor,
        )
        if first:
            case.first_contact_on = contact_date
            case.save(update_fields=["first_contact_on", "updated_at"])
        audit_record(
            actor=actor,
            action=AuditAction.CREATE,
            crn=victim.scheme_case.person.crn,
            object_type=VICTIM_CONTACT,
            object_id=contact.pk,
            detail={"victim": victim.pk, "method": method, "contact_date": contact_date.isoformat()},
        )
    return contact


STATEMENT = "victim_statement"


def victim_statement_record(
    *, actor: User, victim_id: int, hearing: str, delivery: str, asks_to_attend: bool, wishes: str
) -> VictimStatement:
    """How the victim's personal statement will be given at a parole hearing, and their wishes."""
    errors = RuleErrorCollector()
    hearing, wishes = hearing.strip(), wishes.strip()
    if not hearing:
        errors.add("Enter which hearing the statement is for", field="hearing")
    if delivery not in StatementDelivery.values:
        errors.add("Select how the statement will be given", field="delivery")
    if len(wishes) > SUMMARY_MAX:
        errors.add(f"Wishes must be {SUMMARY_MAX:,} characters or fewer", field="wishes")
    errors.raise_any()
    with transaction.atomic():
        victim = _victim_for_change(actor, victim_id)
        statement = VictimStatement.objects.create(
            victim=victim,
            hearing=hearing[:100],
            delivery=delivery,
            asks_to_attend=asks_to_attend,
            wishes=wishes,
            recorded_on=clock.today_uk(),
            recorded_by=actor,
        )
        audit_record(
            actor=actor,
            action=AuditAction.CREATE,
            crn=victim.scheme_case.person.crn,
            object_type=STATEMENT,
            object_id=statement.pk,
            detail={"victim": victim.pk, "delivery": delivery, "asks_to_attend": asks_to_attend},
        )
    return statement
