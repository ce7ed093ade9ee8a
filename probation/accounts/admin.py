"""Organisation and user administration for system administrators (Django admin).

Only reference data and accounts are registered: no person or case data is reachable here.
"""

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin

from probation.accounts.models import PDU, OfficeLocation, Region, Staff, Team, User


@admin.register(Region)
class RegionAdmin(admin.ModelAdmin):
    list_display = ("code", "name")


@admin.register(PDU)
class PDUAdmin(admin.ModelAdmin):
    list_display = ("code", "name", "region")
    list_filter = ("region",)
    search_fields = ("code", "name")


@admin.register(Team)
class TeamAdmin(admin.ModelAdmin):
    list_display = ("code", "name", "pdu")
    list_select_related = ("pdu",)
    search_fields = ("code", "name")


@admin.register(OfficeLocation)
class OfficeLocationAdmin(admin.ModelAdmin):
    list_display = ("code", "name", "postcode")
    filter_horizontal = ("teams",)


@admin.register(Staff)
class StaffAdmin(admin.ModelAdmin):
    list_display = ("code", "surname", "forename", "grade", "team", "active")
    list_filter = ("grade", "active")
    list_select_related = ("team",)
    search_fields = ("code", "surname", "forename")
    autocomplete_fields = ("team",)


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
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
