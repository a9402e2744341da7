"""``permanence-tracker settings`` and ``settings set NAME VALUE`` end to end on a real database:
the value is stored, listed, used by a report, audited; a bad value exits 1 and writes nothing."""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest
from sqlalchemy import func, select

from permanence_tracker import cli
from permanence_tracker.app import current_user
from permanence_tracker.persistence import tables as t


def _run(context, capsys, *args: str) -> tuple[int, str, str]:
    code = cli.main(["--db", context.url, "settings", *args])
    out = capsys.readouterr()
    return code, out.out, out.err


def _audit(context) -> list[tuple[str, str, dict, dict]]:
    """Every entry as (table, setting, old, new), each made by the command's user."""
    with context.engine.connect() as connection:
        rows = list(connection.execute(select(t.audit).order_by(t.audit.c.id)))
    # the OS user on SQLite; on PostgreSQL the database login (issue 12: each person connects
    # as themself, and the audit records who)
    acting = context.engine.url.username if context.engine.url.get_backend_name() != "sqlite" \
        else None
    assert {r.user for r in rows} <= {acting or current_user()}
    return [(r.table_name, r.row_key, json.loads(r.old), json.loads(r.new)) for r in rows]


def _pdf_text(path) -> str:
    tool = shutil.which("pdftotext")
    if tool is None:
        pytest.fail("pdftotext is missing: install poppler-utils (apt-get install poppler-utils)")
    return subprocess.run([tool, str(path), "-"], check=True, capture_output=True,
                          text=True).stdout


def test_an_administrator_scripts_the_set_up(context, capsys, tmp_path):
    code, out, _ = _run(context, capsys, "set", "authority_name", "Northshire County Council")
    assert (code, out) == (0, "authority_name set to: Northshire County Council\n")
    assert _run(context, capsys, "set", "protective-marking", "OFFICIAL")[0] == 0
    code, out, _ = _run(context, capsys, "set", "closure_days", "2026-12-29, 30/12/2026")
    assert out == "closure_days set to: 29/12/2026, 30/12/2026\n"
    assert _run(context, capsys, "set", "panel_types", "Permanence;Fostering")[0] == 0

    code, out, _ = _run(context, capsys)
    assert code == 0
    lines = out.splitlines()
    assert "authority_name       Northshire County Council" in lines  # names aligned
    assert "protective_marking   OFFICIAL" in lines
    assert "panel_types          Permanence; Fostering" in lines
    listed = {row["name"]: row for row in json.loads(_run(context, capsys, "--json")[1])}
    assert listed["closure_days"] == {
        "name": "closure_days", "value": "29/12/2026, 30/12/2026", "kind": "dates",
        "description": "days the authority is closed beyond England's bank holidays "
                       "(not working days)"}

    report = tmp_path / "cohort.pdf"
    assert cli.main(["--db", context.url, "report", "cohort", "--as-of", "2026-03-31",
                     "--out", str(report)]) == 0
    text = _pdf_text(report)
    assert "Northshire County Council" in text and "OFFICIAL" in text
    assert "Demo Authority" not in text and "OFFICIAL-SENSITIVE" not in text

    assert _audit(context) == [
        ("settings", "authority_name", {"authority_name": ""},
         {"authority_name": "Northshire County Council"}),
        ("settings", "protective_marking",
         {"protective_marking": "OFFICIAL-SENSITIVE"}, {"protective_marking": "OFFICIAL"}),
        ("settings", "closure_days", {"closure_days": []},
         {"closure_days": ["2026-12-29", "2026-12-30"]}),
        ("settings", "panel_types",
         {"panel_types": ["Adoption", "Fostering", "Permanence"]},
         {"panel_types": ["Permanence", "Fostering"]}),
    ]
    with context.uow() as uow:
        assert uow.verify_audit().intact


@pytest.mark.parametrize("args, message", [
    (["set", "caseload_low", "90"], "error: caseload_low: the band's low end (90) must be below "
                                    "its high end (70)"),
    (["set", "authority_code", "318"], "error: authority_code: 318 is a three-digit 903 "
                                       "authority code"),
    (["set", "closure_days", "25/12/26x"], "error: closure_days: '25/12/26x' is not a date"),
    (["set", "plan_types", ";"], "error: plan_types: cannot be empty"),
    (["set", "la", "E09000027"], "error: there is no setting called 'la': the settings are "
                                 "authority_name, authority_code,"),
])
def test_a_bad_value_is_refused_and_nothing_written(context, capsys, args, message):
    with context.uow() as uow:
        before = uow.settings()
    code, out, err = _run(context, capsys, *args)
    assert (code, out) == (1, "") and err.startswith(message)
    with context.uow() as uow:
        assert uow.settings() == before
    with context.engine.connect() as connection:
        assert connection.execute(select(func.count()).select_from(t.audit)).scalar() == 0
        assert connection.execute(select(func.count()).select_from(t.settings)).scalar() == 0


def test_set_help_lists_every_setting_and_how_to_write_it(capsys):
    with pytest.raises(SystemExit):
        cli.main(["settings", "set", "--help"])
    out = capsys.readouterr().out
    assert "closure_days" in out and "dd/mm/yyyy or yyyy-mm-dd" in out
    assert "monitoring_outcomes" in out and "items separated by ';' or new lines" in out


def test_the_band_moves_up_by_setting_both_ends_together(context, capsys):
    """The refusal of caseload_low 90 alone says "or set both together": that is possible."""
    code, out, err = _run(context, capsys, "set", "caseload_low", "90", "caseload_high", "110")
    assert (code, err) == (0, "")
    assert out.splitlines() == ["caseload_low set to: 90", "caseload_high set to: 110"]
    with context.uow() as uow:
        assert (uow.settings().caseload_low, uow.settings().caseload_high) == (90, 110)
    assert _audit(context) == [
        ("settings", "caseload_low", {"caseload_low": 50}, {"caseload_low": 90}),
        ("settings", "caseload_high", {"caseload_high": 70}, {"caseload_high": 110})]


def test_a_name_without_a_value_is_refused(context, capsys):
    code, out, err = _run(context, capsys, "set", "caseload_low", "60", "caseload_high")
    assert (code, out) == (2, "")
    assert err.startswith("error: 'caseload_high' has no value")


def test_settings_piped_into_head_ends_quietly(context):
    """`settings | head -1` must not end with a BrokenPipeError traceback."""
    import sys

    shown = subprocess.run(
        f"{sys.executable} -m permanence_tracker --db '{context.url}' settings | head -1",
        shell=True, capture_output=True, text=True, check=False)
    assert shown.stdout.startswith("authority_name")
    assert "Traceback" not in shown.stderr and "BrokenPipe" not in shown.stderr
