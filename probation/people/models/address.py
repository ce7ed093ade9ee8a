from django.conf import settings
from django.db import models

from probation.core.models import VersionedModel
from probation.people.models.person import Person


class AddressStatus(models.TextChoices):
    MAIN = "main", "Main address"
    SECONDARY = "secondary", "Secondary address"
    PREVIOUS = "previous", "Previous address"


class AddressType(models.TextChoices):
    PERMANENT = "permanent", "Permanent or settled"
    TEMPORARY = "temporary", "Temporary accommodation"
    APPROVED_PREMISES = "approved_premises", "Approved premises"
    BAIL_ACCOMMODATION = "cas2", "Bail and short-term accommodation (CAS2)"
    NO_FIXED_ABODE = "nfa", "No fixed abode"
    PRISON = "prison", "Prison"


class Address(VersionedModel):
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="addresses")
    status = models.CharField(max_length=10, choices=AddressStatus.choices)
    address_type = models.CharField(max_length=20, choices=AddressType.choices)
    building_name = models.CharField(max_length=100, blank=True)
    address_number = models.CharField(max_length=20, blank=True)
    street_name = models.CharField(max_length=100, blank=True)
    district = models.CharField(max_length=100, blank=True)
    town_city = models.CharField("Town or city", max_length=100, blank=True)
    county = models.CharField(max_length=100, blank=True)
    postcode = models.CharField(max_length=8, blank=True)
    telephone = models.CharField(max_length=20, blank=True)
    start_date = models.DateField()
    end_date = models.DateField(null=True, blank=True)
    notes = models.TextField(blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )

    class Meta:
        verbose_name_plural = "addresses"
        ordering = ["-start_date", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["person"], condition=models.Q(status="main"), name="address_one_main_per_person"
            ),
            models.CheckConstraint(
                condition=models.Q(end_date__isnull=True) | models.Q(end_date__gte=models.F("start_date")),
                name="address_end_after_start",
            ),
        ]

    def __str__(self) -> str:
        return ", ".join(self.lines) or self.get_address_type_display()

    @property
    def lines(self) -> list[str]:
        first = " ".join(p for p in (self.address_number, self.street_name) if p)
        return [
            p
            for p in (self.building_name, first, self.district, self.town_city, self.county, self.postcode)
            if p
        ]
