"""``permanence-tracker users ...`` and ``find`` end to end on SQLite and PostgreSQL: each change
is made, listed and audited; each refusal names the argument to fix and exits 1 (2 for an
argument argparse refuses); an IRO finds children outside their caseload, read only."""

from __future__ import annotations

import json
from datetime import date

import pytest

from permanence_tracker import cli
from permanence_tracker.app import current_user
from permanence_tracker.domain.entities import Child, Episode


def _me(context) -> str:
    """The login the command acts as: the OS user on SQLite, the database login on PostgreSQL."""
    url = context.engine.url
    return url.username if url.get_backend_name() != "sqlite" else current_user()


def _run(context, capsys, *args: str) -> tuple[int, str, str]:
    code = cli.main(["--db", context.url, *args])
    out = capsys.readouterr()
    return code, out.out, out.err


def _audited(context) -> list[str]:
    with context.uow() as work:
        return [e["action"] for e in work.repo.audit_entries(table="users")]


def test_users_are_added_changed_deactivated_and_reactivated(context, capsys):
    me = _me(context)
    assert _run(context, capsys, "users", "list")[1].startswith("no users: whoever opens")
    code, _, err = _run(context, capsys, "users", "add", "ann", "--role", "iro",
                        "--iro-name", "Ann Able")
    assert code == 1 and "error: ROLE: the first user must be an administrator" in err
    code, out, _ = _run(context, capsys, "users", "add", me, "--role", "administrator")
    assert code == 0 and f"added {me} as Administrator" in out
    assert "the user list is now on" in out
    code, _, err = _run(context, capsys, "users", "add", "ann", "--role", "IRO")
    assert code == 1 and "error: --iro-name: an IRO needs the name children's records" in err
    code, _, err = _run(context, capsys, "users", "add", me, "--role", "manager")
    assert code == 1 and f"error: LOGIN: {me!r} is already a user" in err
    code, out, _ = _run(context, capsys, "users", "add", "ann", "--role", "iro",
                        "--name", "Ann Example", "--iro-name", "Ann Able")
    assert (code, out) == (0, "added ann as IRO\n")
    with pytest.raises(SystemExit) as bad:
        _run(context, capsys, "users", "add", "bo", "--role", "boss")
    assert bad.value.code == 2 and "'boss' is not a role: use one of iro, manager" in \
        capsys.readouterr().err
    code, out, _ = _run(context, capsys, "users", "role", "ann", "panel-administrator")
    assert (code, out) == (0, "ann is now Panel administrator\n")
    code, out, _ = _run(context, capsys, "users", "deactivate", "ann")
    assert code == 0 and "deactivated ann" in out
    listed = _run(context, capsys, "users", "list")[1].splitlines()
    assert f"{me}: Administrator" in listed
    assert "ann: Panel administrator, name Ann Example (deactivated)" in listed
    code, out, _ = _run(context, capsys, "users", "reactivate", "ann")
    assert (code, out) == (0, "reactivated ann as Panel administrator\n")
    rows = json.loads(_run(context, capsys, "users", "list", "--json")[1])
    assert {"login": "ann", "role": "panel_administrator", "name": "Ann Example",
            "iro_name": "", "active": True} in rows
    assert _audited(context) == ["insert", "insert", "update", "update", "update"]


def test_refusals_name_what_to_fix_and_change_nothing(context, capsys):
    me = _me(context)
    _run(context, capsys, "users", "add", me, "--role", "administrator")
    code, _, err = _run(context, capsys, "users", "deactivate", me)
    assert code == 1 and "last active administrator: make someone else" in err
    code, _, err = _run(context, capsys, "users", "role", "nobody", "manager")
    assert code == 1 and "no user 'nobody': check the login" in err
    code, _, err = _run(context, capsys, "users", "role", me, "iro")
    assert code == 1 and "error: --iro-name: an IRO needs" in err
    assert _audited(context) == ["insert"]


@pytest.fixture
def children(context):
    with context.uow() as work:
        work.repo.add(Child("F1", date(2015, 4, 1), forename="Testa", surname="Example",
                            iro="Ann Able"))
        work.repo.add(Child("F2", date(2016, 5, 2), forename="Probe", surname="Example",
                            iro="Bob Other"))
        work.repo.add(Episode("F2", date(2024, 1, 8), "S", "C2", placement="U4"))
    return context


def test_find_lists_any_child_read_only_outside_an_iros_caseload(children, capsys):
    context, me = children, _me(children)
    code, out, _ = _run(context, capsys, "find", "example")
    assert code == 0 and out.splitlines() == [
        "F2: Probe Example, born 02/05/2016, IRO Bob Other, looked after",
        "F1: Testa Example, born 01/04/2015, IRO Ann Able, not looked after"]
    _run(context, capsys, "users", "add", me, "--role", "administrator")  # me first, or
    _run(context, capsys, "users", "add", "boss", "--role", "administrator")  # I am locked out
    assert _run(context, capsys, "users", "role", me, "iro", "--iro-name", "Ann Able")[0] == 0
    code, out, _ = _run(context, capsys, "find", "EXAMPLE")  # now as an IRO: everyone found
    assert code == 0 and out.splitlines() == [
        "F2: Probe Example, born 02/05/2016, IRO Bob Other, looked after (read only)",
        "F1: Testa Example, born 01/04/2015, IRO Ann Able, not looked after"]
    code, _, err = _run(context, capsys, "review", "add", "F2", "--held", "2025-01-06")
    assert code == 1 and "F2" in err, err  # found, but not theirs to change
    found = json.loads(_run(context, capsys, "find", "f2", "--json")[1])
    assert found == [{"child_id": "F2", "name": "Probe Example", "dob": "2016-05-02",
                      "iro": "Bob Other", "looked_after": True, "editable": False}]
    code, out, _ = _run(context, capsys, "find", "ample", "--limit", "1")
    assert code == 0 and "and more: showing the first 1 child" in out
    code, _, err = _run(context, capsys, "find", "x")
    assert code == 1 and "error: TEXT: type at least 2 characters" in err
    assert _run(context, capsys, "find", "zzzz")[1].startswith("no child found")
