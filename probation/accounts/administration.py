"""Account administration for system administrators (issue 9 item 4, ADR 0023): finding and
creating users, changing a user's role and team, deactivating a leaver's account, issuing a
set-password link, unlocking a locked sign-in, resetting two-factor. Each change is audited through
core.session_events in the same transaction; the admin site only shows these records."""

from dataclasses import dataclass
from datetime import datetime

from axes.models import AccessAttempt
from django.conf import settings
from django.contrib.auth.tokens import default_token_generator
from django.db import IntegrityError, transaction
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from probation.accounts.lockout import cool_off_after
from probation.accounts.models import Grade, Role, Staff, Team, User
from probation.accounts.policy import Permission, has_permission
from probation.core.errors import NotFound
from probation.core.session_events import SessionEvent, session_event_record


class AccountAdministrationRefused(Exception):
    """The actor may not administer accounts, or the change is not allowed."""


def _check(actor: User) -> None:
    if not has_permission(actor, Permission.ACCOUNT_MANAGE):
        raise AccountAdministrationRefused("Only a system administrator may change accounts")


# The grades a staff member with each role may hold. Partners and system administrators have no
# staff record (a partner names their agency instead).
ROLE_GRADES: dict[str, tuple[str, ...]] = {
    Role.PRACTITIONER: (Grade.PO, Grade.PSO, Grade.PQIP),
    Role.SENIOR_PO: (Grade.SPO, Grade.HEAD_OF_PDU),
    Role.CASE_ADMIN: (Grade.CASE_ADMIN, Grade.REGIONAL_ADMIN),
    Role.COURT_OFFICER: (Grade.COURT_OFFICER,),
    Role.VLO: (Grade.VLO,),
    Role.AP_STAFF: (Grade.AP_STAFF,),
    # Area roles (issue 17): their staff record's team places them in their PDU or region.
    Role.HEAD_OF_PDU: (Grade.HEAD_OF_PDU,),
    Role.REGIONAL_LEAD: (Grade.REGIONAL_ADMIN, Grade.HEAD_OF_PDU),
}


def user_list_for_administration(*, actor: User, query: str = "", role: str = "") -> QuerySet[User]:
    """Users for the users page, with staff record and team: those whose username, name, staff code
    or email contains ``query`` (all when empty), of ``role`` when given, by username."""
    _check(actor)
    users = User.objects.select_related("staff__team").order_by("username")
    if query := query.strip():
        users = users.filter(
            Q(username__icontains=query)
            | Q(first_name__icontains=query)
            | Q(last_name__icontains=query)
            | Q(email__icontains=query)
            | Q(staff__code__iexact=query)
            | Q(staff__surname__icontains=query)
        )
    if role:
        users = users.filter(role=role)
    return users


@dataclass(frozen=True)
class NewAccount:
    """What a system administrator gives to create an account. ``team`` and ``grade`` are for staff
    roles, ``agency`` for partners."""

    username: str
    first_name: str
    last_name: str
    email: str
    role: str
    team: Team | None = None
    grade: str = ""
    agency: str = ""


def _next_staff_code(team: Team) -> str:
    """The next free staff code in the team's PDU: the PDU code and a 4-digit sequence, as the
    organisation's staff codes are."""
    prefix = team.pdu.code
    codes = Staff.objects.filter(code__startswith=prefix).values_list("code", flat=True)
    numbers = [int(code[len(prefix) :]) for code in codes if code[len(prefix) :].isdigit()]
    return f"{prefix}{max(numbers, default=0) + 1:04d}"


@transaction.atomic
def user_create(*, actor: User, account: NewAccount) -> User:
    """Create an account that cannot sign in until its holder sets a password through a link from
    ``sign_in_link_issue``; a staff role gets a staff record in ``team`` with ``grade``. Audited."""
    _check(actor)
    if account.role not in Role.values:
        raise AccountAdministrationRefused("Choose a role")
    if User.objects.filter(username__iexact=account.username).exists():
        raise AccountAdministrationRefused("A user with that username already exists")
    staff = None
    if account.role in ROLE_GRADES:
        if account.team is None or account.grade not in ROLE_GRADES[account.role]:
            raise AccountAdministrationRefused("Choose a team and a grade that fits the role")
        team = Team.objects.select_related("pdu").get(pk=account.team.pk)
        try:
            with transaction.atomic():
                staff = Staff.objects.create(
                    code=_next_staff_code(team),
                    forename=account.first_name,
                    surname=account.last_name,
                    grade=account.grade,
                    team=team,
                    email=account.email,
                )
        except IntegrityError:
            raise AccountAdministrationRefused(
                "Someone else added staff to that PDU just now: try again"
            ) from None
    user = User(
        username=account.username,
        first_name=account.first_name,
        last_name=account.last_name,
        email=account.email,
        role=account.role,
        staff=staff,
        agency=account.agency if account.role == Role.PARTNER else "",
    )
    user.set_unusable_password()
    user.save()
    detail = {"user": user.username, "role": user.role}
    if staff is not None:
        detail |= {"team": staff.team.code, "grade": staff.grade, "staff_code": staff.code}
    session_event_record(actor=actor, event=SessionEvent.ACCOUNT_CREATED, detail=detail)
    return user


@transaction.atomic
def sign_in_link_issue(*, actor: User, user: User) -> str:
    """A link path (``/account/set-password/<uid>/<token>``) with which ``user`` sets a new password:
    for a new account, or a forgotten password. It works once (setting the password invalidates it)
    and expires after settings.PASSWORD_RESET_TIMEOUT. Only for active accounts; audited."""
    _check(actor)
    if not user.is_active:
        raise AccountAdministrationRefused("Reactivate the account before issuing a link")
    session_event_record(actor=actor, event=SessionEvent.SIGN_IN_LINK_ISSUED, detail={"user": user.username})
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    return f"/account/set-password/{uid}/{default_token_generator.make_token(user)}"


@transaction.atomic
def user_active_set(*, actor: User, user: User, active: bool) -> bool:
    """Deactivate a leaver's account (it can no longer sign in, and a session it has open ends at its
    next request) or reactivate it. An administrator cannot deactivate themselves. Returns whether
    anything changed; audited when it did."""
    _check(actor)
    user = User.objects.select_for_update(of=("self",)).get(pk=user.pk)
    if user.pk == actor.pk and not active:
        raise AccountAdministrationRefused("You cannot deactivate your own account")
    if user.is_active == active:
        return False
    user.is_active = active
    user.save(update_fields=["is_active"])
    event = SessionEvent.ACCOUNT_REACTIVATED if active else SessionEvent.ACCOUNT_DEACTIVATED
    session_event_record(actor=actor, event=event, detail={"user": user.username})
    return True


def user_for_administration(*, actor: User, user_id: int) -> User:
    """One user to administer; NotFound (404) if there is none."""
    _check(actor)
    user = User.objects.select_related("staff__team").filter(pk=user_id).first()
    if user is None:
        raise NotFound
    return user


@dataclass(frozen=True)
class LockedSignIn:
    username: str
    ip_address: str
    failures: int
    locked_until: datetime


def locked_sign_in_list() -> list[LockedSignIn]:
    """Username and address pairs locked out now, with when each lock ends."""
    locked = []
    now = timezone.now()
    attempts = AccessAttempt.objects.filter(failures_since_start__gte=settings.AXES_FAILURE_LIMIT)
    for attempt in attempts.order_by("username", "ip_address"):
        until = attempt.attempt_time + cool_off_after(attempt.failures_since_start)
        if until > now:
            locked.append(
                LockedSignIn(
                    username=attempt.username or "",
                    ip_address=attempt.ip_address or "",
                    failures=attempt.failures_since_start,
                    locked_until=until,
                )
            )
    return locked


@transaction.atomic
def sign_in_unlock(*, actor: User, username: str, ip_address: str) -> int:
    """End the lockout of ``username`` from ``ip_address``. Returns how many records were cleared."""
    _check(actor)
    cleared, _ = AccessAttempt.objects.filter(username=username, ip_address=ip_address or None).delete()
    session_event_record(
        actor=actor,
        event=SessionEvent.ACCOUNT_UNLOCKED,
        detail={"username": username[:150], "ip_address": ip_address, "cleared": cleared},
    )
    return cleared


@transaction.atomic
def two_factor_reset(*, actor: User, user: User) -> None:
    """Remove ``user``'s authenticator and recovery codes, so they set up two-factor again at their
    next sign-in (a lost phone with no recovery codes left)."""
    _check(actor)
    TOTPDevice.objects.filter(user=user).delete()
    StaticDevice.objects.filter(user=user).delete()
    session_event_record(actor=actor, event=SessionEvent.TWO_FACTOR_RESET, detail={"user": user.username})


@transaction.atomic
def user_change(*, actor: User, user: User, role: str, team: Team | None) -> dict[str, list[str]]:
    """Change ``user``'s role and (if they have a staff record) team. Audited with the before and
    after of each field changed; returns those changes. An administrator may not change their own role
    (another administrator must), so no one can grant themselves more."""
    _check(actor)
    if role not in Role.values:
        raise AccountAdministrationRefused("Choose a role")
    # Lock only the user row: PostgreSQL refuses FOR UPDATE on the nullable side of the staff join.
    user = User.objects.select_for_update(of=("self",)).select_related("staff__team").get(pk=user.pk)
    if user.pk == actor.pk and role != user.role:
        raise AccountAdministrationRefused(
            "You cannot change your own role: ask another system administrator"
        )
    changes: dict[str, list[str]] = {}
    if role != user.role:
        changes["role"] = [user.role, role]
        user.role = role
        user.save(update_fields=["role"])
    staff = user.staff
    if staff is not None and team is not None and team.pk != staff.team_id:
        changes["team"] = [staff.team.code, team.code]
        staff.team = team
        staff.save(update_fields=["team"])
    if changes:
        session_event_record(
            actor=actor, event=SessionEvent.ACCOUNT_CHANGE, detail={"user": user.username, **changes}
        )
    return changes
