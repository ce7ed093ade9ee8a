"""Contact.credited in one unit: minutes for unpaid work (ADR 0048).

Before this, an unpaid-work contact whose outcome an officer recorded on the outcome form held whole
HOURS in ``credited``, while a supervisor's session sheet (``on_project``) wrote MINUTES. The officer's
rows are multiplied by 60 here. Session-sheet rows moved onto projects by the demo generator are put
right by ``unpaid_work.0002_contact_credited_in_minutes`` (it knows the places). Reversible.
"""

from django.db import migrations
from django.db.models import F


def _officer_rows(apps):
    Contact = apps.get_model("contacts", "Contact")
    return Contact.objects.filter(requirement__type="unpaid_work", on_project=False, credited__gt=0)


def hours_to_minutes(apps, schema_editor):
    _officer_rows(apps).update(credited=F("credited") * 60)


def minutes_to_hours(apps, schema_editor):
    _officer_rows(apps).update(credited=F("credited") / 60)


class Migration(migrations.Migration):
    dependencies = [
        ("contacts", "0007_approved_premises_sign_in_type"),
        ("sentences", "0004_requirement_unpaid_work_part_minutes"),
    ]

    operations = [migrations.RunPython(hours_to_minutes, minutes_to_hours, elidable=False)]
