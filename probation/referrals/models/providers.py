"""Commissioned providers (organisations holding a contract in a region) and their staff's sign-ins."""

from django.conf import settings
from django.db import models

from probation.accounts.models import Region


class Provider(models.Model):
    """An organisation holding one contract (type, from probation.rules.referrals.catalogue) in a region."""

    name = models.CharField(max_length=120)
    region = models.ForeignKey(Region, on_delete=models.PROTECT, related_name="providers")
    contract_type = models.CharField(max_length=4)  # catalogue ContractType.code

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["name", "region", "contract_type"], name="provider_contract_unique"
            )
        ]

    def __str__(self) -> str:
        return self.name


class ProviderStaff(models.Model):
    """A user with the PROVIDER role works for one provider organisation: they see only the referrals
    sent to it (probation.referrals.selectors.provider)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="provider_staff"
    )
    provider = models.ForeignKey(Provider, on_delete=models.PROTECT, related_name="staff")

    def __str__(self) -> str:
        return f"{self.user} at {self.provider}"
