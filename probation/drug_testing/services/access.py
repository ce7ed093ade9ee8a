"""Who may write a person's drug tests (probation.accounts.policy, issue 12 item 5): practitioners
and senior POs in the case's managing PDU on any basis; approved-premises staff for the residents
their case scope shows them (probation.approved_premises.policy), on the approved-premises basis only.
Anything else looks like a missing case."""

from enum import Enum

from probation.accounts.models import User
from probation.accounts.policy import Permission, has_permission
from probation.core.errors import NotFound, PermissionDenied
from probation.people.models import Person
from probation.people.policy import can_change_case, people_visible_to
from probation.people.services.person import person_for_change


class Writer(Enum):
    OFFICER = "officer"  # any basis
    APPROVED_PREMISES = "approved_premises"  # the approved-premises basis only


def writer_for(user: User, person: Person) -> Writer | None:
    """How this user may record tests of this (already visible) person, if at all."""
    if can_change_case(user, person, Permission.DRUG_TEST_MANAGE):
        return Writer.OFFICER
    if has_permission(user, Permission.DRUG_TEST_RECORD_AP):
        return Writer.APPROVED_PREMISES
    return None


def may_decide(user: User, person: Person) -> bool:
    return can_change_case(user, person, Permission.DRUG_TEST_DECIDE)


def person_for_test(*, actor: User, crn: str) -> tuple[Person, Writer]:
    """The person, locked, and how the actor may write their tests; NotFound otherwise."""
    if has_permission(actor, Permission.DRUG_TEST_MANAGE):
        try:
            return person_for_change(
                actor=actor, crn=crn, permission=Permission.DRUG_TEST_MANAGE
            ), Writer.OFFICER
        except PermissionDenied:
            raise NotFound(crn) from None
    if has_permission(actor, Permission.DRUG_TEST_RECORD_AP):
        person = people_visible_to(actor).select_for_update().filter(crn=crn).first()
        if person is not None:
            return person, Writer.APPROVED_PREMISES
    raise NotFound(crn)


def person_for_decision(*, actor: User, crn: str) -> Person:
    if not has_permission(actor, Permission.DRUG_TEST_DECIDE):
        raise NotFound(crn)
    try:
        return person_for_change(actor=actor, crn=crn, permission=Permission.DRUG_TEST_DECIDE)
    except PermissionDenied:
        raise NotFound(crn) from None
