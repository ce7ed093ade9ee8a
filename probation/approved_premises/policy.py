"""Who sees which approved-premises work, on top of the role's permissions (accounts.policy) and the
case policy (people.policy, which still applies limited access to every case page).

- AP staff see only their premises: its beds, its bookings and residents, and the applications
  placed with it. Their case scope is narrowed to those people (registered with people.policy in
  this app's AppConfig.ready()).
- Assessors see standard work, and emergency, short-notice and specialist work only with the
  qualification it needs; a limited-access (LAO) case needs the LAO qualification too. The Central
  Referral Unit sees all of it.
"""

from django.db.models import Exists, OuterRef, Q, QuerySet

from probation.accounts.models import Role, User
from probation.approved_premises.models import (
    Assessment,
    AssessorQualification,
    BookingStatus,
    NoticeType,
    Premises,
    PremisesStaffMember,
    Qualification,
    SpaceBooking,
)

SPECIALIST_TYPES = {
    "pipe": Qualification.PIPE,
    "esap": Qualification.ESAP,
    "rfap": Qualification.RFAP,
    "mental_health": Qualification.MENTAL_HEALTH,
}


def routing(*, notice_type: str, ap_type: str, limited_access: bool) -> dict[str, object]:
    """The Assessment fields that say which qualifications its assessor needs (approved-premises.md
    § 3: emergency, short-notice and specialist cases go only to assessors holding that qualification)."""
    return {
        "needs_emergency": notice_type in (NoticeType.EMERGENCY, NoticeType.SHORT_NOTICE),
        "needs_specialism": SPECIALIST_TYPES.get(ap_type, ""),
        "needs_lao": limited_access,
    }


def user_qualifications(user: User) -> set[str]:
    return set(AssessorQualification.objects.filter(user=user).values_list("qualification", flat=True))


def assessments_routed_to(user: User, queryset: QuerySet[Assessment]) -> QuerySet[Assessment]:
    """The assessments this user may see: all for the CRU; for an assessor, those needing only
    qualifications they hold."""
    if user.role == Role.AP_CRU:
        return queryset
    if user.role != Role.AP_ASSESSOR:
        return queryset.none()
    held = user_qualifications(user)
    condition = Q(needs_specialism="") | Q(needs_specialism__in=held)
    if Qualification.EMERGENCY not in held:
        condition &= Q(needs_emergency=False)
    if Qualification.LAO not in held:
        condition &= Q(needs_lao=False)
    return queryset.filter(condition)


def staff_premises_id(user: User) -> int | None:
    """The premises an AP staff member works at, or None."""
    if user.role != Role.AP_STAFF or user.staff_id is None:
        return None
    return (
        PremisesStaffMember.objects.filter(staff_id=user.staff_id)
        .values_list("premises_id", flat=True)
        .first()
    )


def premises_managed_by(user: User) -> QuerySet[Premises]:
    """Premises whose beds and residents this user runs: the CRU all of them, AP staff their own."""
    if user.role == Role.AP_CRU:
        return Premises.objects.all()
    if user.role == Role.AP_STAFF and user.staff_id is not None:
        return Premises.objects.filter(staff_members__staff_id=user.staff_id)
    return Premises.objects.none()


def ap_staff_case_scope(user: User) -> Q:
    """AP staff see people with a booking at their premises (upcoming, resident or past), which is how
    an application reaches a premises."""
    if user.staff_id is None:
        return Q(pk__in=[])
    bookings = SpaceBooking.objects.filter(
        person=OuterRef("pk"), premises__staff_members__staff_id=user.staff_id
    ).exclude(status=BookingStatus.CANCELLED)
    return Q(Exists(bookings))
