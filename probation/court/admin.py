"""Courts are reference data that system administrators keep (no case data is reachable here)."""

from django.contrib import admin

from probation.court.models import Court


@admin.register(Court)
class CourtAdmin(admin.ModelAdmin):
    list_display = ("code", "name", "kind", "pdu", "active")
    list_filter = ("kind", "active", "pdu__region")
    search_fields = ("code", "name")
