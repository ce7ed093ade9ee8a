"""Organisation reference data for system administrators (Django admin).

Only reference data and accounts are registered: no person or case data is reachable here. Users,
staff and teams are read-only here: roles and teams change on the audited service pages
(accounts.views.administration, issue 9 item 4), never by raw admin edits.
"""

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.http import HttpRequest
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from probation.accounts.models import PDU, OfficeLocation, Region, Staff, Team, User


@admin.register(Region)
class RegionAdmin(admin.ModelAdmin):
    list_display = ("code", "name")


@admin.register(PDU)
class PDUAdmin(admin.ModelAdmin):
    list_display = ("code", "name", "region")
    list_filter = ("region",)
    search_fields = ("code", "name")


class ReadOnlyAdmin(admin.ModelAdmin):
    """Listed and shown, never added, changed or deleted here."""

    def has_add_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False


@admin.register(Team)
class TeamAdmin(ReadOnlyAdmin):
    list_display = ("code", "name", "pdu")
    list_select_related = ("pdu",)
    search_fields = ("code", "name")


@admin.register(OfficeLocation)
class OfficeLocationAdmin(admin.ModelAdmin):
    list_display = ("code", "name", "postcode")
    filter_horizontal = ("teams",)


@admin.register(Staff)
class StaffAdmin(ReadOnlyAdmin):
    list_display = ("code", "surname", "forename", "grade", "team", "active")
    list_filter = ("grade", "active")
    list_select_related = ("team",)
    search_fields = ("code", "surname", "forename")
    autocomplete_fields = ("team",)


@admin.register(User)
class UserAdmin(ReadOnlyAdmin, DjangoUserAdmin):
    list_display = ("username", "role", "staff", "agency", "is_active")
    list_filter = ("role", "is_active")
    list_select_related = ("staff",)
    autocomplete_fields = ("staff",)
    fieldsets = (
        *(DjangoUserAdmin.fieldsets or ()),
        ("Probation", {"fields": ("role", "staff", "agency")}),
    )
    add_fieldsets = (
        *DjangoUserAdmin.add_fieldsets,
        ("Probation", {"fields": ("role", "staff", "agency")}),
    )


# Authenticators and recovery codes hold secrets and are changed only through the audited pages
# (two-factor set-up, an administrator's reset; ADR 0023), so django-otp's admin pages are removed.
for _model in (TOTPDevice, StaticDevice):
    if admin.site.is_registered(_model):
        admin.site.unregister(_model)
