"""Case-level access: the one policy every page, search, list, export and API call goes through.

Order of checks (deny by default):
1. the role must grant the permission (probation.accounts.policy);
2. partner users see only cases shared with them and not expired; a role whose scope an app above
   narrows (``register_role_scope``: approved-premises staff see their premises' residents) sees only
   that;
3. limited access (LAO): a user on a case's exclusion list never sees it; a restricted case is
   seen only by users on its restriction list. Denied users get the same "not found" as for a
   CRN that does not exist; search and lists show such cases only as "restricted" with the CRN.
4. changes (edit, allocate) are further scoped to the case's managing PDU.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, TypedDict

from django.db.models import BooleanField, Exists, ExpressionWrapper, OuterRef, Q, QuerySet

from probation.accounts.models import User
from probation.accounts.policy import Permission, has_permission, is_partner
from probation.core.clock import today_uk
from probation.people.models import Exclusion, PartnerShare, Person, Restriction


class LimitedAccess(TypedDict):
    """What ``people_listable_to`` adds to each person: this user is locked out by an exclusion or
    by a restriction."""

    lao_excluded: bool
    lao_restricted: bool


if TYPE_CHECKING:  # WithAnnotations takes two arguments only for the type checker
    from django_stubs_ext import WithAnnotations

    ListedPerson = WithAnnotations[Person, LimitedAccess]
else:
    ListedPerson = Person


@dataclass(frozen=True)
class CaseAccess:
    allowed: bool
    message: str = ""


def _excluded(user: User) -> Exists:
    return Exists(Exclusion.objects.filter(person=OuterRef("pk"), user=user))


def _restriction_granted(user: User) -> Exists:
    return Exists(Restriction.objects.filter(person=OuterRef("pk"), user=user))


def _shared_with(user: User) -> Exists:
    return Exists(PartnerShare.objects.filter(person=OuterRef("pk"), user=user, expires_on__gte=today_uk()))


# Roles whose cases an app above people narrows: role -> a filter on Person for the user. Filled in
# the app's AppConfig.ready() (people cannot import the apps above it), as core/panels.py is.
_ROLE_SCOPES: dict[str, Callable[[User], Q]] = {}


def register_role_scope(role: str, scope: Callable[[User], Q]) -> None:
    _ROLE_SCOPES[role] = scope


def scope_is_role_and_id_only(user: User) -> bool:
    """Whether this user's case scope depends on nothing but their role and id, so a query built for
    the role can be reused with the id swapped (core/prepared.py). Not for partners (their shares
    expire by date) nor for roles an app narrows (a scope may read the user's staff record)."""
    return user.is_active and not is_partner(user) and user.role not in _ROLE_SCOPES


def limited_access_denied_q(user: User) -> Q:
    """True for rows this user is locked out of by an exclusion or restriction."""
    return (Q(has_exclusions=True) & _excluded(user)) | (Q(is_restricted=True) & ~_restriction_granted(user))


def people_in_scope(user: User, queryset: QuerySet[Person] | None = None) -> QuerySet[Person]:
    """Cases the user could see if limited access did not apply (role and partner scope)."""
    queryset = Person.objects.all() if queryset is None else queryset
    if not has_permission(user, Permission.CASE_VIEW):
        return queryset.none()
    if is_partner(user):
        return queryset.filter(_shared_with(user))
    scope = _ROLE_SCOPES.get(user.role)
    if scope is not None:
        return queryset.filter(scope(user))
    return queryset


def people_visible_to(user: User, queryset: QuerySet[Person] | None = None) -> QuerySet[Person]:
    """Cases the user may open. Use for case pages, exports and the API."""
    return people_in_scope(user, queryset).exclude(limited_access_denied_q(user))


def people_listable_to(user: User, queryset: QuerySet[Person] | None = None) -> QuerySet[ListedPerson]:
    """Cases in scope, annotated ``lao_excluded``/``lao_restricted``: lists show those rows only as
    "restricted" with the CRN and the case's message (see limited_access_message)."""
    return people_in_scope(user, queryset).annotate(
        lao_excluded=ExpressionWrapper(Q(has_exclusions=True) & _excluded(user), output_field=BooleanField()),
        lao_restricted=ExpressionWrapper(
            Q(is_restricted=True) & ~_restriction_granted(user), output_field=BooleanField()
        ),
    )


def limited_access_message(person: ListedPerson) -> str:
    """The message a denied user sees beside the CRN (person annotated by people_listable_to)."""
    if person.lao_excluded:
        return person.exclusion_message or "You are excluded from viewing this case."
    return person.restriction_message or "This case is restricted. Contact the case owner for access."


def can_change_case(user: User, person: Person, permission: Permission) -> bool:
    """Edit and allocate apply to cases managed in the user's own PDU."""
    if not has_permission(user, permission) or user.staff is None:
        return False
    return person.pdu_id == user.staff.team.pdu_id


def check_case_change(user: User, person: Person, permission: Permission) -> CaseAccess:
    if can_change_case(user, person, permission):
        return CaseAccess(allowed=True)
    return CaseAccess(allowed=False, message="You do not have permission to change this case.")
