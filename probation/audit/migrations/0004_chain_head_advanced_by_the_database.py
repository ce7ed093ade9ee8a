"""The database advances the chain head itself (ADR 0020).

A trigger on each appended entry refuses an entry that does not follow the head (wrong sequence
number or link) and moves the head on. On PostgreSQL the trigger function runs as the tables' owner
(SECURITY DEFINER), so the service's role needs no right to change the head and cannot move it back;
direct changes to the head are refused even for the owner unless triggers are switched off.
SQLite: adding hash_scheme rebuilt the audit table, which drops its triggers, so they are made again.
"""

from django.db import migrations

POSTGRES_UP = """
CREATE FUNCTION audit_chain_advance() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    moved integer;
BEGIN
    -- search_path is pinned (SECURITY DEFINER), so name the head table in the audit table's schema.
    EXECUTE 'UPDATE ' || quote_ident(TG_TABLE_SCHEMA) || '.audit_auditchainhead '
        || 'SET seq = $1, last_hash = $2 WHERE id = 1 AND seq = $1 - 1 AND last_hash = $3'
        USING NEW.seq, NEW.hash, NEW.prev_hash;
    GET DIAGNOSTICS moved = ROW_COUNT;
    IF moved <> 1 THEN
        RAISE EXCEPTION 'audit entry %% does not follow the chain head', NEW.seq;
    END IF;
    RETURN NULL;
END;
$$;
REVOKE ALL ON FUNCTION audit_chain_advance() FROM PUBLIC;
CREATE TRIGGER audit_auditevent_advance_head AFTER INSERT ON audit_auditevent
    FOR EACH ROW EXECUTE FUNCTION audit_chain_advance();

CREATE FUNCTION audit_chain_head_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    -- Only audit_chain_advance (a trigger, so depth 2 here) may move the head.
    IF pg_trigger_depth() < 2 THEN
        RAISE EXCEPTION 'audit_auditchainhead is moved only by appending to the audit';
    END IF;
    RETURN COALESCE(NEW, OLD);
END;
$$;
CREATE TRIGGER audit_auditchainhead_guard BEFORE UPDATE OR DELETE ON audit_auditchainhead
    FOR EACH ROW EXECUTE FUNCTION audit_chain_head_guard();
CREATE TRIGGER audit_auditchainhead_no_truncate BEFORE TRUNCATE ON audit_auditchainhead
    FOR EACH STATEMENT EXECUTE FUNCTION audit_append_only();
"""
POSTGRES_DOWN = """
DROP TRIGGER IF EXISTS audit_auditchainhead_no_truncate ON audit_auditchainhead;
DROP TRIGGER IF EXISTS audit_auditchainhead_guard ON audit_auditchainhead;
DROP FUNCTION IF EXISTS audit_chain_head_guard();
DROP TRIGGER IF EXISTS audit_auditevent_advance_head ON audit_auditevent;
DROP FUNCTION IF EXISTS audit_chain_advance();
"""
SQLITE_UP = [
    "DROP TRIGGER IF EXISTS audit_auditevent_no_update;",
    "DROP TRIGGER IF EXISTS audit_auditevent_no_delete;",
    "CREATE TRIGGER audit_auditevent_no_update BEFORE UPDATE ON audit_auditevent "
    "BEGIN SELECT RAISE(ABORT, 'audit_auditevent is append-only'); END;",
    "CREATE TRIGGER audit_auditevent_no_delete BEFORE DELETE ON audit_auditevent "
    "BEGIN SELECT RAISE(ABORT, 'audit_auditevent is append-only'); END;",
    "CREATE TRIGGER audit_auditevent_advance_head AFTER INSERT ON audit_auditevent BEGIN "
    "SELECT RAISE(ABORT, 'audit entry does not follow the chain head') WHERE NOT EXISTS ("
    "SELECT 1 FROM audit_auditchainhead WHERE id = 1 AND seq = NEW.seq - 1 AND last_hash = NEW.prev_hash); "
    "UPDATE audit_auditchainhead SET seq = NEW.seq, last_hash = NEW.hash WHERE id = 1; END;",
]
SQLITE_DOWN = ["DROP TRIGGER IF EXISTS audit_auditevent_advance_head;"]


def create_triggers(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(POSTGRES_UP)
    elif schema_editor.connection.vendor == "sqlite":
        for statement in SQLITE_UP:
            schema_editor.execute(statement)


def drop_triggers(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(POSTGRES_DOWN)
    elif schema_editor.connection.vendor == "sqlite":
        for statement in SQLITE_DOWN:
            schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("audit", "0003_auditevent_hash_scheme")]

    operations = [migrations.RunPython(create_triggers, drop_triggers)]
