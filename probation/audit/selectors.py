from django.db.models import QuerySet

from probation.accounts.models import User
from probation.accounts.policy import Permission, has_permission
from probation.audit.models import AuditEvent


def audit_event_list(
    *, user: User, username: str = "", crn: str = "", action: str = ""
) -> QuerySet[AuditEvent]:
    """Audit entries for administrators, newest first, filtered by user, CRN and/or action (e.g.
    "alert" for probing alerts)."""
    if not has_permission(user, Permission.AUDIT_VIEW):
        return AuditEvent.objects.none()
    events = AuditEvent.objects.all()
    if username:
        events = events.filter(username=username.strip())
    if crn:
        events = events.filter(crn=crn.strip().upper())
    if action:
        events = events.filter(action=action)
    return events.order_by("-seq")
