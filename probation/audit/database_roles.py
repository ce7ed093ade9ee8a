"""The two PostgreSQL roles (ADR 0020).

The service connects as the *app* role (``DATABASE_URL``); the *owner* role
(``DATABASE_MIGRATION_URL``) owns every table, trigger and function and runs ``manage.py migrate``.
The app role may read and write the domain tables but only read and append to the audit: no
``UPDATE``, ``DELETE`` or ``TRUNCATE`` there, and, not being the owner, it cannot alter the tables or
switch their triggers off. The chain head is moved only by a trigger running as the owner.
"""

from collections.abc import Iterator
from contextlib import contextmanager

from django.conf import settings
from django.db import connections
from psycopg import sql

# Tables the service may read and append to, never change; and tables it may only read.
APPEND_ONLY_TABLES = ("audit_auditevent",)
READ_ONLY_TABLES = ("audit_auditchainhead",)


def database_roles_configured(*, using: str = "default") -> bool:
    return bool(settings.DATABASE_ROLES) and connections[using].vendor == "postgresql"


@contextmanager
def database_role(role: str, *, using: str = "default") -> Iterator[None]:
    """Connect ``using`` as ``role`` ("owner" or "app") for the duration, then as before. Outside a
    transaction only: the current connection is closed."""
    connection = connections[using]
    wanted = settings.DATABASE_ROLES[role] if database_roles_configured(using=using) else {}
    before = {key: connection.settings_dict.get(key) for key in wanted}
    if wanted == before:
        yield
        return
    connection.close()
    connection.settings_dict.update(wanted)
    try:
        yield
    finally:
        connection.close()
        connection.settings_dict.update(before)


def database_privileges_grant(*, using: str = "default") -> None:
    """Give the app role exactly what the service needs, on every table in the schema. Idempotent:
    ``migrate`` runs it after every migration, so new tables are covered."""
    app = sql.Identifier(str(settings.DATABASE_ROLES["app"]["USER"]))
    audit = sql.SQL(", ").join(sql.Identifier(t) for t in (*APPEND_ONLY_TABLES, *READ_ONLY_TABLES))
    statements = [
        "REVOKE ALL ON ALL TABLES IN SCHEMA {schema} FROM {app}",
        "GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA {schema} TO {app}",
        "REVOKE UPDATE, DELETE ON {audit} FROM {app}",
        "REVOKE INSERT ON {read_only} FROM {app}",
        "REVOKE ALL ON ALL SEQUENCES IN SCHEMA {schema} FROM {app}",
        "GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA {schema} TO {app}",
        "GRANT USAGE ON SCHEMA {schema} TO {app}",
    ]
    with connections[using].cursor() as cursor:
        cursor.execute("SELECT current_schema()")
        schema = sql.Identifier(cursor.fetchone()[0])
        read_only = sql.SQL(", ").join(sql.Identifier(t) for t in READ_ONLY_TABLES)
        names = {"schema": schema, "app": app, "audit": audit, "read_only": read_only}
        for statement in statements:
            cursor.execute(sql.SQL(statement).format(**names).as_string(cursor.cursor))
