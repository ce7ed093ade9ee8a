"""Account administration for system administrators (issue 9 item 4, ADR 0023): changing a user's
role and team, unlocking a locked sign-in, resetting two-factor. Each change is audited through
core.session_events in the same transaction; the admin site only shows these records."""

from dataclasses import dataclass
from datetime import datetime

from axes.models import AccessAttempt
from django.conf import settings
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from probation.accounts.lockout import cool_off_after
from probation.accounts.models import Role, Team, User
from probation.accounts.policy import Permission, has_permission
from probation.core.errors import NotFound
from probation.core.session_events import SessionEvent, session_event_record


class AccountAdministrationRefused(Exception):
    """The actor may not administer accounts, or the change is not allowed."""


def _check(actor: User) -> None:
    if not has_permission(actor, Permission.ACCOUNT_MANAGE):
        raise AccountAdministrationRefused("Only a system administrator may change accounts")


def user_list_for_administration(*, actor: User) -> QuerySet[User]:
    """Every user, with staff record and team, for the users page."""
    _check(actor)
    return User.objects.select_related("staff__team").order_by("username")


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
