"""A session's contact credits what its place credited, in minutes (ADR 0048): the demo generator moved
officer-recorded appointments (whole HOURS in Contact.credited) onto projects; the sheet service already
writes minutes (worked + travel). Forward only sets the value the sheet would have written."""

from django.db import migrations
from django.db.models import F, OuterRef, Subquery


def places_to_contacts(apps, schema_editor):
    Contact = apps.get_model("contacts", "Contact")
    Place = apps.get_model("unpaid_work", "Place")
    minutes = Place.objects.filter(contact_id=OuterRef("pk")).annotate(
        total=F("credited_minutes") + F("travel_minutes")
    )
    Contact.objects.filter(on_project=True, upw_place__isnull=False).exclude(outcome="").update(
        credited=Subquery(minutes.values("total")[:1])
    )


class Migration(migrations.Migration):
    dependencies = [
        ("unpaid_work", "0001_initial"),
        ("contacts", "0008_credited_in_minutes"),
    ]

    operations = [migrations.RunPython(places_to_contacts, migrations.RunPython.noop, elidable=False)]
