"""``iro`` on the command line, on the SQL store: add, edit, list, retire, reinstate, and delete
(refused with exit 2 once a record names the IRO); each change in the audit trail."""

from __future__ import annotations

import json
from datetime import date

from sqlalchemy import select

from permanence_tracker import cli
from permanence_tracker.domain.entities import Child
from permanence_tracker.persistence import tables as t
from permanence_tracker.services.records import editing as records
from permanence_tracker.services.records import iros


def _run(context, capsys, *args) -> tuple[int, str, str]:
    code = cli.main(["--db", context.url, *args])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_edit_list_retire_reinstate(context, uow, capsys):
    assert _run(context, capsys, "iro", "add", "Ann Able", "--fte", "0.8")[0] == 0
    assert _run(context, capsys, "iro", "edit", "Ann Able", "--dual-role", "--cp-cases",
                "7")[:2] == (0, "saved IRO Ann Able\n")
    assert _run(context, capsys, "iro", "retire", "Ann Able")[:2] == (0,
                                                                       "retired IRO Ann Able\n")
    assert _run(context, capsys, "iro", "list")[1] == (
        "Ann Able: 0.8 FTE, 7 CP cases (dual role, retired)\n")
    code, _, err = _run(context, capsys, "iro", "retire", "Ann Able")
    assert (code, err) == (1, "error: name: 'Ann Able' is already retired\n")
    assert _run(context, capsys, "iro", "reinstate", "Ann Able")[0] == 0
    code, out, _ = _run(context, capsys, "iro", "list", "--json")
    assert json.loads(out) == [{"name": "Ann Able", "fte": 0.8, "dual_role": True,
                                "cp_cases": 7, "active": True, "has_history": False}]
    assert _run(context, capsys, "iro", "edit", "Ann Able", "--no-dual-role")[0] == 0
    assert [(r.dual_role, r.cp_cases) for r in iros.iro_list(uow)] == [(False, 0)]
    with context.engine.connect() as connection:
        assert [tuple(r) for r in connection.execute(
            select(t.audit.c.action, t.audit.c.row_key).where(t.audit.c.table_name == "iro")
            .order_by(t.audit.c.id))] == [("insert", "Ann Able")] + [("update", "Ann Able")] * 4
    code, _, err = _run(context, capsys, "iro", "edit", "Nobody", "--fte", "1")
    assert (code, err) == (1, "error: no IRO named 'Nobody': 'iro list' shows them\n")


def test_delete_is_refused_with_history_and_allowed_without(context, uow, capsys):
    for name in ("Ann Able", "Typo Name"):
        assert _run(context, capsys, "iro", "add", name)[0] == 0
    records.add_child(uow, Child("K1", date(2020, 1, 1), iro="Ann Able"), date(2026, 3, 31))
    code, out, err = _run(context, capsys, "iro", "delete", "Ann Able")
    assert (code, out) == (2, "")
    assert "has history" in err and "retire them instead" in err
    assert _run(context, capsys, "iro", "edit", "Ann Able", "--rename", "Ann B")[0] == 1
    assert _run(context, capsys, "iro", "edit", "Typo Name", "--rename", "Tia Name")[0] == 0
    assert _run(context, capsys, "iro", "delete", "Tia Name")[:2] == (0,
                                                                      "deleted IRO Tia Name\n")
    assert [r.name for r in iros.iro_list(uow)] == ["Ann Able"]
    with uow() as u:
        assert u.verify_audit().broken_at is None
