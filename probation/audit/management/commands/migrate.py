"""``manage.py migrate`` as the database owner (ADR 0020).

With ``DATABASE_MIGRATION_URL`` set, migrations run as that role, which owns the tables, triggers
and functions they create; afterwards the service's role (``DATABASE_URL``) is granted what it needs
and no more. Without it, this is Django's ``migrate`` unchanged.
"""

from typing import Any

from django.core.management.commands import migrate

from probation.audit.database_roles import database_privileges_grant, database_role, database_roles_configured


class Command(migrate.Command):
    help = f"{migrate.Command.help} Runs as the owner role when DATABASE_MIGRATION_URL is set (ADR 0020)."

    def handle(self, *args: Any, **options: Any) -> None:
        using = options["database"]
        with database_role("owner", using=using):
            super().handle(*args, **options)
            if database_roles_configured(using=using):
                database_privileges_grant(using=using)
