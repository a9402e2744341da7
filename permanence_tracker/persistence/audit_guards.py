"""PostgreSQL guards on the audit trail: no change without its audit entry, and no audit entry
in someone else's name (issue 12: "a login cannot bypass the application").

persistence/grants.py lets each group write the tables its role writes, so a login could
change a record with raw SQL and leave no trace, or append an entry naming another person.
Two triggers close both ways, for every login but the tables' owner (who migrates, and whose
``migrate-to`` copies everyone's entries):

- ``permanence_audit_entry``, BEFORE INSERT on ``audit``: refuses a row whose ``user`` is not
  ``session_user`` (the login that connected: ``SET ROLE`` does not change it), and stamps
  every row's ``txid`` with ``txid_current()`` (never the writer's own value);
- ``permanence_audited``, a deferred constraint trigger on every table the application writes
  (:data:`grants.WRITTEN_BY`): at commit, each inserted, updated or deleted row must have an
  audit entry of the same transaction for its table and row key (the repository's key: the
  primary key's values joined by "/"), else the whole transaction is refused (SQLSTATE
  :data:`UNAUDITED`). The index ``ix_audit_txid`` makes that one index probe per row, so a
  bulk import stays cheap.

What the guard cannot tell: whether an entry's old and new values are the truth. A login that
writes its own entry along with a raw change has left a trace in its own name, which is the
point. The hash does not cover ``txid`` (persistence/audit.entry_hash), so entries written
before these guards, whose ``txid`` is NULL, still verify. SQLite (one person's file) has no
logins to tell apart: the guards are PostgreSQL only.
"""

from __future__ import annotations

from sqlalchemy import Connection, Engine, text

from permanence_tracker.persistence import grants

UNAUDITED = "PTA01"  # SQLSTATE: a record changed without its audit entry
FORGED = "PTA02"  # SQLSTATE: an audit entry naming someone other than the login
AUDIT_TRIGGER = "permanence_audit_entry"
RECORD_TRIGGER = "permanence_audited"

# Is the connected login the owner of the table the trigger fired on (or a member of its role,
# or a superuser)? The owner is trusted: it could drop these triggers anyway.
_OWNER = ("pg_catalog.pg_has_role(session_user, (SELECT c.relowner FROM pg_catalog.pg_class c "
          "WHERE c.oid = TG_RELID), 'MEMBER')")


def _audit_entry_function() -> str:
    return f"""
CREATE OR REPLACE FUNCTION {AUDIT_TRIGGER}() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  NEW.txid := pg_catalog.txid_current();
  IF NEW."user" IS DISTINCT FROM session_user AND NOT {_OWNER} THEN
    RAISE EXCEPTION USING ERRCODE = '{FORGED}', MESSAGE = format(
      'an audit entry in the name of %L was refused: the login %L may write entries in its '
      'own name only; nothing was saved', NEW."user", session_user);
  END IF;
  RETURN NEW;
END $f$"""


def _audited_function(audit: str) -> str:
    """``audit``: the audit table's schema-qualified name, so that a login's temporary table
    called ``audit`` (pg_temp comes first in the search path) cannot stand in for it."""
    return f"""
CREATE OR REPLACE FUNCTION {RECORD_TRIGGER}() RETURNS trigger LANGUAGE plpgsql AS $f$
DECLARE
  keys text[] := ARRAY[]::text[];
  k text;
  -- text, not TG_TABLE_NAME's type name: its collation ("C") would keep the lookup below
  -- off the index's table_name column and make each check scan the whole transaction's
  -- entries (a bulk import's commit quadratic)
  tbl text := TG_TABLE_NAME;
BEGIN
  IF {_OWNER} THEN
    RETURN NULL;
  END IF;
  IF TG_OP <> 'DELETE' THEN
    keys := keys || array_to_string(ARRAY(
      SELECT to_jsonb(NEW) ->> c FROM unnest(TG_ARGV) WITH ORDINALITY AS u(c, n) ORDER BY n),
      '/');
  END IF;
  IF TG_OP <> 'INSERT' THEN
    k := array_to_string(ARRAY(
      SELECT to_jsonb(OLD) ->> c FROM unnest(TG_ARGV) WITH ORDINALITY AS u(c, n) ORDER BY n),
      '/');
    IF NOT k = ANY(keys) THEN
      keys := keys || k;
    END IF;
  END IF;
  FOREACH k IN ARRAY keys LOOP
    IF NOT EXISTS (SELECT FROM {audit} a WHERE a.txid = pg_catalog.txid_current()
                   AND a.table_name = tbl AND a.row_key = k) THEN
      RAISE EXCEPTION USING ERRCODE = '{UNAUDITED}', MESSAGE = format(
        'the %s of %s %s was refused: a change must be written with its audit entry, as the '
        'application writes it; nothing of this transaction was saved',
        lower(TG_OP), tbl, k);
    END IF;
  END LOOP;
  RETURN NULL;
END $f$"""


def _key_columns(connection: Connection, table: str) -> list[str]:
    return list(connection.execute(text(
        "SELECT a.attname FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid "
        "AND a.attnum = ANY(i.indkey) WHERE i.indrelid = to_regclass(:t) AND i.indisprimary "
        "ORDER BY array_position(i.indkey::int2[], a.attnum)"), {"t": f'"{table}"'}).scalars())


def apply(connection: Connection) -> None:
    """Create (or replace) both triggers; idempotent, PostgreSQL only, run by the owner."""
    if connection.dialect.name != "postgresql":
        return
    quote = connection.dialect.identifier_preparer.quote
    schema = connection.execute(text("SELECT current_schema()")).scalar_one()
    tables = set(connection.execute(text(
        "SELECT tablename FROM pg_tables WHERE schemaname = current_schema()")).scalars())
    connection.execute(text(_audit_entry_function()))
    connection.execute(text(f'DROP TRIGGER IF EXISTS {AUDIT_TRIGGER} ON "audit"'))
    connection.execute(text(f'CREATE TRIGGER {AUDIT_TRIGGER} BEFORE INSERT ON "audit" '
                            f'FOR EACH ROW EXECUTE FUNCTION {AUDIT_TRIGGER}()'))
    connection.execute(text(_audited_function(f"{quote(schema)}.audit")))
    for table in sorted(set(grants.WRITTEN_BY) & tables):
        keys = ", ".join(f"'{c}'" for c in _key_columns(connection, table))
        connection.execute(text(f'DROP TRIGGER IF EXISTS {RECORD_TRIGGER} ON "{table}"'))
        connection.execute(text(
            f'CREATE CONSTRAINT TRIGGER {RECORD_TRIGGER} AFTER INSERT OR UPDATE OR DELETE '
            f'ON "{table}" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW '
            f'EXECUTE FUNCTION {RECORD_TRIGGER}({keys})'))


def revoke(connection: Connection) -> None:
    """Drop both triggers and their functions (the migration's downgrade)."""
    if connection.dialect.name != "postgresql":
        return
    tables = set(connection.execute(text(
        "SELECT tablename FROM pg_tables WHERE schemaname = current_schema()")).scalars())
    for table in sorted((set(grants.WRITTEN_BY) | {"audit"}) & tables):
        for trigger in (AUDIT_TRIGGER, RECORD_TRIGGER):
            connection.execute(text(f'DROP TRIGGER IF EXISTS {trigger} ON "{table}"'))
    for function in (AUDIT_TRIGGER, RECORD_TRIGGER):
        connection.execute(text(f"DROP FUNCTION IF EXISTS {function}()"))


def login(engine: Engine) -> str | None:
    """The login a PostgreSQL server knows this engine's connections by (``session_user``):
    the name the app must write in the audit, even when the URL names none (libpq's default,
    ``PGUSER`` or a service file chose it). None on SQLite."""
    if engine.dialect.name != "postgresql":
        return None
    with engine.connect() as connection:
        return str(connection.execute(text("SELECT session_user")).scalar_one())
