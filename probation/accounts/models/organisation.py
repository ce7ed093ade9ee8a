"""The probation organisation: 12 regions, ~100 PDUs, their teams and offices (reference-data.md)."""

from django.db import models


class Region(models.Model):
    code = models.CharField(max_length=3, unique=True)
    name = models.CharField(max_length=100, unique=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class PDU(models.Model):
    """A probation delivery unit."""

    code = models.CharField(max_length=6, unique=True)
    name = models.CharField(max_length=100)
    region = models.ForeignKey(Region, on_delete=models.PROTECT, related_name="pdus")

    class Meta:
        ordering = ["name"]
        verbose_name = "PDU"

    def __str__(self) -> str:
        return self.name


class Team(models.Model):
    code = models.CharField(max_length=8, unique=True)
    name = models.CharField(max_length=100)
    pdu = models.ForeignKey(PDU, on_delete=models.PROTECT, related_name="teams")

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class OfficeLocation(models.Model):
    code = models.CharField(max_length=8, unique=True)
    name = models.CharField(max_length=100)
    address = models.CharField(max_length=300)
    postcode = models.CharField(max_length=8)
    # The number letters give for the office (warning letters are signed from it, issue 10 item 9).
    phone = models.CharField(max_length=20, blank=True)
    teams = models.ManyToManyField(Team, related_name="offices", blank=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name
