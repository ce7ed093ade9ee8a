"""Which courts a user may work with (deny by default).

- Court officers (COURT_LIST_MANAGE) import lists, match defendants and prepare for the courts of
  their own region: court teams cover every court the region's PDUs serve.
- Officers and senior POs (COURT_DUTY_VIEW without COURT_LIST_MANAGE) read the duty page of the
  courts their own PDU serves.
- Everyone else (VLOs, AP staff, case administrators, partners, administrators) sees no court.
Case-level limited access still applies to each defendant on top (probation.people.policy).
"""

from django.db.models import QuerySet

from probation.accounts.models import User
from probation.accounts.policy import Permission, has_permission
from probation.court.models import Court


def courts_visible_to(user: User) -> QuerySet[Court]:
    """Courts whose lists and duty pages the user may read."""
    courts = Court.objects.select_related("pdu")
    if user.staff is None or not has_permission(user, Permission.COURT_DUTY_VIEW):
        return courts.none()
    pdu = user.staff.team.pdu
    if has_permission(user, Permission.COURT_LIST_MANAGE):
        return courts.filter(pdu__region_id=pdu.region_id)
    return courts.filter(pdu=pdu)


def courts_manageable_by(user: User) -> QuerySet[Court]:
    """Courts the user may import lists for, match defendants of and prepare hearings at."""
    if not has_permission(user, Permission.COURT_LIST_MANAGE):
        return Court.objects.none()
    return courts_visible_to(user)


def courts_resultable_by(user: User) -> QuerySet[Court]:
    """Courts whose hearings the user may result: court officers of the court's own PDU, since a
    probation sentence puts the case on that PDU's unallocated list."""
    if user.staff is None:
        return Court.objects.none()
    return courts_manageable_by(user).filter(pdu_id=user.staff.team.pdu_id)
