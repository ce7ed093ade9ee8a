"""The cache table that rate limits and lockout-free counters share across processes (ADR 0021).

Production keeps Django's cache in the database (``config/settings/production.py``), so every gunicorn
worker counts the same searches. The table is made everywhere (development and tests keep a
local-memory cache but may switch), by the owner role like every migration, so ``migrate`` then
grants the app role its use (ADR 0020).
"""

from django.core.management import call_command
from django.db import migrations

CACHE_TABLE = "openprobation_cache"  # production.CACHES["default"]["LOCATION"]


def cache_table_create(apps, schema_editor):
    call_command("createcachetable", CACHE_TABLE, database=schema_editor.connection.alias, verbosity=0)


class Migration(migrations.Migration):
    dependencies = [("accounts", "0001_organisation_staff_and_users")]

    operations = [migrations.RunPython(cache_table_create, migrations.RunPython.noop, elidable=False)]
