"""Reads of parole reviews and governors' reports, for a person already loaded through the one case
policy (the case shell). A review or report of another person is "not found", as a missing one."""

from django.db.models import Q, QuerySet

from probation.accounts.models import Role, User
from probation.accounts.policy import Permission, has_permission
from probation.core.errors import NotFound, ServiceError
from probation.custody.models import CustodyRecord
from probation.parole.models import GovernorReport, ParoleReview, ReportStatus
from probation.people.models import Person
from probation.people.policy import can_change_case
from probation.rules.custody.key_dates import ReleaseSentenceType

# Sentences released only by the Parole Board (or from its PED): custody-release.md § Release points.
PAROLE_SENTENCES = (
    ReleaseSentenceType.LIFE,
    ReleaseSentenceType.IPP,
    ReleaseSentenceType.EDS,
    ReleaseSentenceType.SOPC,
)


def may_manage(user: User, person: Person) -> bool:
    """Request a review or a governor's report, record a hearing and a decision: in the managing PDU."""
    return can_change_case(user, person, Permission.PAROLE_MANAGE)


def may_write(user: User, report: ParoleReview | GovernorReport) -> bool:
    """Only the named author writes the report, while they may still change the case."""
    return report.author_id == user.pk and may_manage(user, report.person)


def reviews_for_person(*, user: User, person: Person) -> list[ParoleReview]:
    if not has_permission(user, Permission.PAROLE_VIEW):
        raise NotFound(person.crn)
    return list(
        ParoleReview.objects.filter(person=person)
        .select_related("author__staff", "custody")
        .order_by("-target_on", "-id")
    )


def governor_reports_for_person(*, user: User, person: Person) -> list[GovernorReport]:
    if not has_permission(user, Permission.PAROLE_VIEW):
        raise NotFound(person.crn)
    return list(
        GovernorReport.objects.filter(person=person)
        .select_related("author__staff")
        .order_by("-requested_on", "-id")
    )


def review_get(*, user: User, person: Person, review_id: int) -> ParoleReview:
    found = (
        ParoleReview.objects.filter(person=person, pk=review_id)
        .select_related("author__staff", "signed_by__staff", "last_saved_by", "custody__sentence__event")
        .first()
    )
    if found is None or not has_permission(user, Permission.PAROLE_VIEW):
        raise NotFound(review_id)
    found.person = person
    return found


def governor_report_get(*, user: User, person: Person, report_id: int) -> GovernorReport:
    found = (
        GovernorReport.objects.filter(person=person, pk=report_id).select_related("author", "custody").first()
    )
    if found is None or not has_permission(user, Permission.PAROLE_VIEW):
        raise NotFound(report_id)
    found.person = person
    return found


def custody_for_reports(*, person: Person) -> QuerySet[CustodyRecord]:
    """The person's custody records not yet released (any may have a governor's report)."""
    return (
        CustodyRecord.objects.filter(person=person, released_on__isnull=True)
        .select_related("sentence")
        .order_by("-sentence__sentence_date", "-id")
    )


def custody_for_parole(*, person: Person) -> QuerySet[CustodyRecord]:
    """Records the Parole Board decides release for: indeterminate, extended and SOPC sentences, and
    any with a parole eligibility date."""
    return custody_for_reports(person=person).filter(
        Q(release_type__in=[t.value for t in PAROLE_SENTENCES])
        | Q(ped__isnull=False)
        | Q(prison_ped__isnull=False)
    )


def open_review_for(custody: CustodyRecord) -> ParoleReview | None:
    """The review of this sentence still waiting for a final decision (none, or adjourned)."""
    return ParoleReview.objects.filter(custody=custody, decision__in=("", "adjourned")).first()


def signed(review: ParoleReview) -> bool:
    return review.status == ReportStatus.SIGNED


def authors_for(*, person: Person) -> list[tuple[int, str]]:
    """Who may be named author: officers and senior POs of the case's PDU, the case's officer first."""
    users = (
        User.objects.filter(
            is_active=True, role__in=(Role.PRACTITIONER, Role.SENIOR_PO), staff__team__pdu_id=person.pdu_id
        )
        .select_related("staff")
        .order_by("staff__surname", "staff__forename", "id")[:200]
    )
    found = [(u, (u.pk, str(u))) for u in users]
    first = [row for u, row in found if u.staff_id == person.officer_id]
    return first + [row for _, row in found if row not in first]


def sentence_label(custody: CustodyRecord) -> str:
    sentence = custody.sentence
    return f"{custody.get_release_type_display()}, sentenced {sentence.sentence_date:%-d %B %Y}"


def author_get(user_id: int) -> User:
    """The author named in a form (the service checks they may manage the case)."""
    found = User.objects.filter(pk=user_id).select_related("staff").first()
    if found is None:
        raise ServiceError("Choose the report's author.", field="author")
    return found
