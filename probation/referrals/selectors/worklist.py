"""What the practitioner's My work needs from referrals: flagged session feedback not yet read, and
action plans waiting for approval, on the officer's caseload. One query whatever the caseload."""

from django.db.models import Count, Q, QuerySet

from probation.referrals.models import Referral
from probation.rules.referrals.progress import Status


def referrals_needing_the_practitioner(people: QuerySet) -> list[dict[str, object]]:
    """``people``: the officer's cases as people.policy lists them (annotated lao_excluded and
    lao_restricted). Referrals with unread flagged feedback or an action plan to approve."""
    return list(
        Referral.objects.filter(person__in=people.values("pk"))
        .annotate(
            unread=Count(
                "sessions", filter=Q(sessions__notify_practitioner=True, sessions__seen_at__isnull=True)
            )
        )
        .filter(Q(unread__gt=0) | Q(status=Status.PLAN_SUBMITTED))
        .values("pk", "status", "unread", "person_id", "provider__name")
        .order_by("sent_at", "pk")
    )
