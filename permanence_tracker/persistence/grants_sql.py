"""The PostgreSQL statements behind persistence/grants.py: group roles, sequence grants, the
row-level security policies on an IRO's caseload and the trigger keeping logins in step with
the ``users`` table. Each is idempotent (the owner may run them again at any migration).
"""

from __future__ import annotations

import json

SCHEMA = "current_schema()"  # the tracker's schema (``public``, or the URL's search_path)


def create_groups(groups: tuple[str, ...]) -> str:
    """Each group role, NOLOGIN, unless it exists (another tracker of the cluster made it)."""
    names = ", ".join(f"'{g}'" for g in groups)
    return f"""
DO $$
DECLARE g text;
BEGIN
  FOREACH g IN ARRAY ARRAY[{names}] LOOP
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = g) THEN
      BEGIN
        EXECUTE format('CREATE ROLE %I NOLOGIN', g);
      EXCEPTION
        WHEN duplicate_object OR unique_violation THEN NULL;  -- made meanwhile by another
        WHEN insufficient_privilege THEN
          RAISE EXCEPTION USING ERRCODE = 'insufficient_privilege', MESSAGE = format(
            'the tracker''s owner (%s) may not create the group role %s: give it CREATEROLE '
            '(ALTER ROLE %I CREATEROLE) or have a superuser run CREATE ROLE %I NOLOGIN, then '
            'run the migration again', current_user, g, current_user, g);
      END;
    END IF;
  END LOOP;
END $$"""


def grant_schema(groups: tuple[str, ...]) -> str:
    targets = ", ".join(groups)
    return (f"DO $$ BEGIN EXECUTE format('GRANT USAGE ON SCHEMA %I TO {targets}', "
            f"{SCHEMA}); END $$")


def grant_sequence(table: str, group: str) -> str:
    """USAGE on the ``id`` sequence of ``table`` (an INSERT draws from it), if it has one."""
    return f"""
DO $$
DECLARE s text;
BEGIN
  IF EXISTS (SELECT FROM information_schema.columns WHERE table_schema = {SCHEMA}
             AND table_name = '{table}' AND column_name = 'id') THEN
    s := pg_get_serial_sequence(quote_ident('{table}'), 'id');
    IF s IS NOT NULL THEN
      EXECUTE format('GRANT USAGE, SELECT ON SEQUENCE %s TO %I', s, '{group}');
    END IF;
  END IF;
END $$"""


# The IRO name the users table gives the login running the statement (NULL when none).
_IRO_NAME = ("(SELECT u.iro_name FROM users u WHERE u.login = current_user AND u.active "
             "AND u.iro_name <> '')")


def _own(table: str) -> str:
    if table == "child":
        return f"iro = {_IRO_NAME}"
    return f"child_id IN (SELECT c.child_id FROM child c WHERE c.iro = {_IRO_NAME})"


def row_security(tables: list[str], iro: str, others: list[str]) -> list[str]:
    """The IRO group writes only its caseload's rows of ``tables`` and reads every row; the
    other groups are not limited. The owner is never affected (no FORCE ROW LEVEL SECURITY)."""
    statements = []
    for table in tables:
        own = _own(table)
        policies = {
            "permanence_others": f"TO {', '.join(others)} USING (true) WITH CHECK (true)",
            "permanence_iro_read": f"FOR SELECT TO {iro} USING (true)",
            "permanence_iro_insert": f"FOR INSERT TO {iro} WITH CHECK ({own})",
            # a child of their caseload may be handed to another IRO, as the app allows
            # (services/authorization._Caseload); its records stay with their child
            "permanence_iro_update": f"FOR UPDATE TO {iro} USING ({own}) WITH CHECK "
                                     f"({'true' if table == 'child' else own})",
            "permanence_iro_delete": f"FOR DELETE TO {iro} USING ({own})",
        }
        statements.append(f'ALTER TABLE "{table}" ENABLE ROW LEVEL SECURITY')
        for name, rule in policies.items():
            statements.append(f'DROP POLICY IF EXISTS {name} ON "{table}"')
            statements.append(f'CREATE POLICY {name} ON "{table}" {rule}')
    return statements


def users_trigger(groups: dict[str, str], user_group: str) -> list[str]:
    """After each change to ``users``, the login holds exactly the group of its role while
    active, and none otherwise; ``user_group`` while it has a row at all. SECURITY DEFINER:
    it runs as the owner, who may grant the groups; an administrator's login may not. A login
    the cluster lacks is refused with SQLSTATE PTL01 (persistence/uow.py words it for the
    person), except when the owner adds it (copying a laptop's users with ``migrate-to``, or
    setting users up before their logins: saving the user again later grants the group)."""
    mapping = json.dumps(groups).replace("'", "''")
    function = f"""
CREATE OR REPLACE FUNCTION permanence_sync_login() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $f$
DECLARE
  groups constant jsonb := '{mapping}';
  g text;
  wanted text;
BEGIN
  IF TG_OP = 'DELETE' OR (TG_OP = 'UPDATE' AND OLD.login <> NEW.login) THEN
    FOR g IN SELECT value FROM jsonb_each_text(groups) UNION ALL SELECT '{user_group}' LOOP
      IF EXISTS (
          SELECT FROM pg_auth_members m JOIN pg_roles r ON r.oid = m.roleid
          JOIN pg_roles u ON u.oid = m.member WHERE r.rolname = g AND u.rolname = OLD.login)
      THEN
        EXECUTE format('REVOKE %I FROM %I', g, OLD.login);
      END IF;
    END LOOP;
  END IF;
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = NEW.login) THEN
    IF pg_has_role(session_user, (SELECT relowner FROM pg_class WHERE oid = TG_RELID),
                   'USAGE') THEN
      RAISE NOTICE 'no database login %: it gets its group once it exists and its user is '
                   'saved again', NEW.login;
      RETURN NEW;
    END IF;
    RAISE EXCEPTION USING ERRCODE = 'PTL01', MESSAGE = format(
      'there is no database login %L: ask the database administrator to create the login '
      'first (CREATE ROLE %I LOGIN PASSWORD ''...''), then add the user again; nothing was '
      'saved', NEW.login, NEW.login);
  END IF;
  wanted := CASE WHEN NEW.active THEN groups ->> NEW.role END;
  FOR g IN SELECT value FROM jsonb_each_text(groups) UNION ALL SELECT '{user_group}' LOOP
    IF EXISTS (SELECT FROM pg_auth_members m JOIN pg_roles r ON r.oid = m.roleid
               JOIN pg_roles u ON u.oid = m.member
               WHERE r.rolname = g AND u.rolname = NEW.login) THEN
      IF g IS DISTINCT FROM wanted AND g <> '{user_group}' THEN
        EXECUTE format('REVOKE %I FROM %I', g, NEW.login);
      END IF;
    ELSIF g = wanted OR g = '{user_group}' THEN
      EXECUTE format('GRANT %I TO %I', g, NEW.login);
    END IF;
  END LOOP;
  RETURN NEW;
END $f$"""
    return [function,
            "DROP TRIGGER IF EXISTS permanence_sync_login ON users",
            "CREATE TRIGGER permanence_sync_login AFTER INSERT OR UPDATE OR DELETE ON users "
            "FOR EACH ROW EXECUTE FUNCTION permanence_sync_login()"]
