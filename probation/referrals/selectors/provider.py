"""What provider staff may read: the referrals sent to their own organisation, and only the fields a
referral shares (interventions.md § Commissioned Rehabilitative Services).

Provider staff hold no case permission (accounts.policy), so every case page, list and search refuses
them through people.policy; these selectors are their only way in. The one case policy still applies
limited access: a referral of a case the user is excluded from, or restricted to others, is not found.
"""

from django.db.models import QuerySet

from probation.accounts.models import Role, User
from probation.accounts.policy import Permission, has_permission
from probation.core.errors import NotFound
from probation.people.models import Person
from probation.people.policy import limited_access_denied_q
from probation.referrals.models import Provider, ProviderStaff, Referral

# The person's fields a provider sees: who they are working with, nothing of the case record.
SHARED_PERSON_FIELDS = (
    "person__crn",
    "person__first_name",
    "person__preferred_name",
    "person__surname",
    "person__date_of_birth",
)


def provider_of(user: User) -> Provider | None:
    """The organisation this provider user works for, or None (any other role; no staff record)."""
    if user.role != Role.PROVIDER or not has_permission(user, Permission.REFERRAL_PROVIDER_WORK):
        return None
    link = ProviderStaff.objects.filter(user=user).select_related("provider").first()
    return link.provider if link is not None else None


def provider_referrals(*, user: User, provider: Provider | None = None) -> QuerySet[Referral]:
    """The referrals sent to the user's organisation, less limited-access cases; none for anyone else."""
    provider = provider or provider_of(user)
    if provider is None:
        return Referral.objects.none()
    denied = Person.objects.filter(limited_access_denied_q(user)).values("pk")
    return (
        Referral.objects.filter(provider=provider)
        .exclude(person__in=denied)
        .select_related("person", "provider")
        .only(
            *SHARED_PERSON_FIELDS,
            "provider__name",
            "status",
            "sent_at",
            "sent_on",
            "complete_by",
            "contract_type",
            "catalogue_key",
            "assessed_on",
            "days_used",
            "maximum_days",
            "version",
        )
    )


def provider_referral_get(*, user: User, referral_id: int) -> Referral:
    """One referral of the user's organisation with everything it shares; missing and forbidden look
    the same."""
    referral = (
        Referral.objects.filter(pk=referral_id, pk__in=provider_referrals(user=user).values("pk"))
        .select_related("person", "provider", "practitioner__staff")
        .prefetch_related("categories", "action_plans", "sessions")
        .first()
    )
    if referral is None:
        raise NotFound(referral_id)
    return referral
