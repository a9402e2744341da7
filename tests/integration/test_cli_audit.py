"""``permanence-tracker audit verify`` and ``audit export`` end to end on a real database: an
intact chain exits 0 with its count; an entry edited with raw SQL, or deleted, exits 1 naming
the first broken entry and what is wrong; an export holds who, when, what, before and after, in
date order, as CSV or a marked workbook, and a bad request writes nothing."""

from __future__ import annotations

import csv
from dataclasses import replace
from datetime import UTC, date, datetime

import pytest
from openpyxl import load_workbook
from sqlalchemy import select, update

from permanence_tracker import cli
from permanence_tracker.domain.entities import Child, Review
from permanence_tracker.persistence import tables as t
from permanence_tracker.persistence.uow import uow_factory

K1 = Child("K1", date(2019, 5, 4), sex="F", forename="Kit")
K2 = Child("K2", date(2018, 2, 3), sex="M", forename="Lee")


def _as(context, user: str, at: datetime):
    return uow_factory(context.engine, user, lambda: at)


def _trail(context) -> None:
    """Six entries over three days (noon UTC: the same local day in any UK-ish time zone)."""
    with _as(context, "ann", datetime(2026, 1, 5, 12, tzinfo=UTC))() as uow:
        uow.repo.add(K1)
        first = uow.repo.add(Review("K1", date(2026, 1, 5)))
    with _as(context, "=HYPERLINK(\"x\")", datetime(2026, 1, 6, 12, tzinfo=UTC))() as uow:
        uow.repo.add(K2)
    with _as(context, "bob", datetime(2026, 1, 7, 12, tzinfo=UTC))() as uow:
        uow.repo.update(replace(first, notes="Held late", version=1))
        review = uow.repo.add(Review("K1", date(2026, 1, 6)))
        uow.repo.delete(review)


def _ids(context) -> list[int]:
    with context.engine.connect() as connection:
        return list(connection.execute(select(t.audit.c.id).order_by(t.audit.c.id)).scalars())


def _run(context, capsys, *args: str) -> tuple[int, str, str]:
    code = cli.main(["--db", context.url, "audit", *args])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_an_intact_trail_verifies(context, capsys):
    _trail(context)
    assert _run(context, capsys, "verify") == (0, "audit intact: 6 entries\n", "")


def test_an_entry_edited_with_sql_is_named(context, capsys):
    _trail(context)
    second = _ids(context)[1]
    with context.engine.begin() as connection:
        connection.execute(update(t.audit).where(t.audit.c.id == second).values(
            new='{"held": "2026-01-04"}'))
    code, out, _ = _run(context, capsys, "verify")
    assert code == 1
    assert f"audit BROKEN at entry {second}: audit entry {second} (insert of review " in out
    assert "by ann at 05/01/2026 12:00 UTC): hash mismatch" in out
    assert "1 entry before it verified" in out


def test_a_deleted_entry_is_a_missing_link(context, capsys):
    _trail(context)
    ids = _ids(context)
    with context.engine.begin() as connection:
        connection.execute(t.audit.delete().where(t.audit.c.id == ids[2]))
    code, out, _ = _run(context, capsys, "verify")
    assert code == 1
    assert f"audit BROKEN at entry {ids[3]}: audit entry {ids[3]} (update of review" in out
    assert f"missing link: entry {ids[2]} before it is gone (removed)" in out
    assert "2 entries before it verified" in out


def test_export_a_childs_trail_to_csv(context, capsys, tmp_path):
    """One row per changed field, Before and After in columns of their own; plain CSV that
    csv.DictReader reads (no title line)."""
    _trail(context)
    out_file = tmp_path / "k1.csv"
    code, out, _ = _run(context, capsys, "export", "--child", "K1", "--out", str(out_file))
    assert (code, out) == (0, f"5 audit entries written to {out_file}\n")
    with out_file.open(encoding="utf-8", newline="") as stream:
        reader = csv.DictReader(stream)
        body = list(reader)
    assert reader.fieldnames == ["Entry", "When", "By", "Child ID", "Table", "Row", "Action",
                                 "Field", "Before", "After"]
    entries = list(dict.fromkeys((r["Entry"], r["When"][:10], r["By"], r["Table"], r["Action"])
                                 for r in body))
    assert [e[1:] for e in entries] == [  # the local day, in date order
        ("05/01/2026", "ann", "child", "insert"),
        ("05/01/2026", "ann", "review", "insert"),
        ("07/01/2026", "bob", "review", "update"),
        ("07/01/2026", "bob", "review", "insert"),
        ("07/01/2026", "bob", "review", "delete"),
    ]

    def fields(number: int) -> dict[str, tuple[str, str]]:
        return {r["Field"]: (r["Before"], r["After"]) for r in body
                if r["Entry"] == entries[number][0]}

    assert fields(0)["forename"] == ("", "Kit")  # an insert: Before empty
    assert fields(1)["held"] == ("", "05/01/2026")
    assert fields(2) == {"notes": ("", "Held late")}  # an update: only what changed
    assert fields(4)["held"] == ("06/01/2026", "")  # a delete: After empty
    assert all(r["Field"] and r["Child ID"] == "K1" for r in body)
    assert (out_file.stat().st_mode & 0o777) == 0o600


def test_an_entry_with_no_field_changes_is_one_row_with_no_field(context, capsys, tmp_path):
    with _as(context, "ann", datetime(2026, 1, 5, 12, tzinfo=UTC))() as uow:
        uow.repo.add(K1)
        uow.audit_import("kids.csv", {})
    out_file = tmp_path / "day.csv"
    assert _run(context, capsys, "export", "--from", "2026-01-05", "--table", "imports",
                "--out", str(out_file))[0] == 0
    (row,) = list(csv.DictReader(out_file.open(encoding="utf-8", newline="")))
    assert (row["Action"], row["Row"], row["Field"], row["Before"], row["After"]) == (
        "import", "kids.csv", "", "", "")


def test_an_unknown_child_is_refused_and_nothing_written(context, capsys, tmp_path):
    _trail(context)
    target = tmp_path / "nope.csv"
    code, out, err = _run(context, capsys, "export", "--child", "NOPE", "--out", str(target))
    assert (code, out) == (1, "")
    assert "no child NOPE: check the ID" in err
    assert not target.exists()


def test_a_deleted_childs_trail_can_still_be_exported(context, capsys, tmp_path):
    _trail(context)
    with _as(context, "bob", datetime(2026, 1, 8, 12, tzinfo=UTC))() as uow:
        uow.repo.delete(uow.repo.child("K2"))
    target = tmp_path / "k2.csv"
    code, out, _ = _run(context, capsys, "export", "--child", "K2", "--out", str(target))
    assert (code, out) == (0, f"2 audit entries written to {target}\n")
    # on a day with none of its entries, it is still a child the trail knows: an empty file
    code, out, _ = _run(context, capsys, "export", "--child", "K2", "--from", "2026-02-01",
                        "--out", str(target))
    assert (code, out) == (0, f"0 audit entries written to {target}\n")


def test_entries_removed_from_the_end_are_named(context, capsys):
    _trail(context)
    ids = _ids(context)
    with context.engine.begin() as connection:
        connection.execute(t.audit.delete().where(t.audit.c.id == ids[-1]))
    code, out, _ = _run(context, capsys, "verify")
    assert code == 1
    assert (f"audit BROKEN at entry {ids[-1]}: entries after #{ids[-2]} were removed: the "
            f"head says #{ids[-1]} (6 entries). 5 entries before it verified.") in out
    with context.engine.begin() as connection:
        connection.execute(t.audit.delete())
    code, out, _ = _run(context, capsys, "verify")
    assert code == 1 and f"every entry was removed: the head says #{ids[-1]}" in out


def test_export_a_date_range_to_a_marked_workbook(context, capsys, tmp_path):
    _trail(context)
    out_file = tmp_path / "january.xlsx"
    code, _, _ = _run(context, capsys, "export", "--from", "2026-01-06", "--to", "2026-01-06",
                      "--out", str(out_file))
    assert code == 0
    sheet = load_workbook(out_file).active
    assert sheet["A1"].value == "OFFICIAL-SENSITIVE"
    assert [c.value for c in sheet[4]][:4] == ["Entry", "When", "By", "Child ID"]
    assert [c.value for c in sheet[4]][7:] == ["Field", "Before", "After"]
    assert sheet.freeze_panes == "A5"
    last = sheet.max_row  # K2's insert: one row per field it set
    assert sheet.auto_filter.ref == f"A4:J{last}" and last > 5
    user = sheet["C5"]
    assert (user.value, user.data_type, user.quotePrefix) == ('=HYPERLINK("x")', "s", True)
    assert (sheet["D5"].value, sheet["B5"].value.date()) == ("K2", date(2026, 1, 6))


def test_a_formula_like_cell_is_text_in_csv(context, capsys, tmp_path):
    _trail(context)
    out_file = tmp_path / "k2.csv"
    assert _run(context, capsys, "export", "--child", "K2", "--out", str(out_file))[0] == 0
    rows = list(csv.reader(out_file.open(encoding="utf-8")))[1:]
    assert {row[2] for row in rows} == {"'=HYPERLINK(\"x\")"}


@pytest.mark.parametrize(("args", "code", "says"), [
    ((), 2, "say which entries to export"),
    (("--child", "K1", "--out-suffix", ".pdf"), 1, "must end .csv or .xlsx"),
    (("--from", "2026-01-07", "--to", "2026-01-05"), 1, "the dates are the wrong way round"),
    (("--child", "K1", "--in-missing-folder"), 1, "does not exist"),
])
def test_a_bad_export_writes_nothing(context, capsys, tmp_path, args, code, says):
    _trail(context)
    target = tmp_path / "out.csv"
    if "--out-suffix" in args:
        target, args = tmp_path / "out.pdf", args[:2]
    if "--in-missing-folder" in args:
        target, args = tmp_path / "no such" / "out.csv", args[:2]
    result, _, err = _run(context, capsys, "export", *args, "--out", str(target))
    assert result == code and says in err
    assert list(tmp_path.rglob("*.csv")) + list(tmp_path.rglob("*.pdf")) == []
