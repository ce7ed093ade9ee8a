"""Leave 10% of each people_person page free on PostgreSQL, so the frequent single-column updates
(the stored tier, written by every recalculation; version bumps) can be HOT updates that do not touch
the table's indexes. Measured on 250,000 people: the first national tier recalculation fell from
31.6 s to 26.6–29.9 s on the same loaded machine (ADR 0012). Metadata only: existing pages are
rewritten as they are updated (or by VACUUM FULL)."""

from django.db import migrations


def set_fillfactor(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("ALTER TABLE people_person SET (fillfactor = 90)")


def reset_fillfactor(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("ALTER TABLE people_person RESET (fillfactor)")


class Migration(migrations.Migration):
    dependencies = [("people", "0004_personchange_entity_wider")]

    operations = [migrations.RunPython(set_fillfactor, reset_fillfactor)]
