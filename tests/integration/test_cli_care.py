"""``care start`` and ``care end`` end to end on a real database: the same service and checks as
the app's Start care and End care, audited; a refused input exits 1, says why, writes nothing."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from permanence_tracker import cli
from permanence_tracker.cli import clock
from permanence_tracker.domain.entities import Child, Episode
from permanence_tracker.persistence import tables as t
from permanence_tracker.services.records import editing as records

TODAY = date(2026, 3, 31)


@pytest.fixture
def run(context, capsys, monkeypatch):
    monkeypatch.setattr(clock, "today", lambda: TODAY)
    records.add_child(context.uow, Child("C1", date(2015, 1, 1), "F", "Nia", "Vale"), TODAY)

    def run_(*args: str) -> tuple[int, str, str]:
        code = cli.main(["--db", context.url, "care", *args])
        out = capsys.readouterr()
        return code, out.out, out.err
    return run_


def _episodes(context) -> list[tuple]:
    with context.uow() as u:
        return [(e.start, e.rne, e.legal_status, e.placement, e.provider, e.cin, e.end, e.rec)
                for e in sorted(u.repo.records(Episode, "C1"), key=lambda e: e.start)]


def _audited(context) -> list[tuple[str, str]]:
    """The child's audit entries after their details: (table, action), oldest first."""
    with context.engine.connect() as connection:
        rows = connection.execute(select(t.audit).where(t.audit.c.child_id == "C1")
                                  .order_by(t.audit.c.id))
        return [(r.table_name, r.action) for r in rows][1:]


def test_start_end_and_re_enter_care(run, context):
    assert run("start", "C1", "--on", "2025-04-01", "--ls", "C1", "--place", "U6",
               "--provider", "PR1", "--cin", "N1") == (
        0, "C1 looked after from 01/04/2025: legal status C1, placement U6\n", "")
    assert run("end", "C1", "--on", "2025-09-01", "--rec", "E4A") == (
        0, "C1 left care on 01/09/2025 (E4A)\n", "")
    code, out, _ = run("start", "C1", "--on", "2026-01-05", "--ls", "V2", "--place", "T0",
                       "--cin", "N2")
    assert code == 0
    assert _episodes(context) == [
        (date(2025, 4, 1), "S", "C1", "U6", "PR1", "N1", date(2025, 9, 1), "E4A"),
        (date(2026, 1, 5), "S", "V2", "T0", "", "N2", None, "")]
    assert _audited(context) == [("episode", "insert"), ("episode", "update"),
                                 ("episode", "insert")]  # start, end, start again


@pytest.mark.parametrize("args, words", [
    (("--on", "2026-04-01", "--ls", "C1", "--place", "U6", "--provider", "PR1", "--cin", "N1"),
     "error: on: 01/04/2026 is in the future"),
    (("--on", "2025-06-02", "--ls", "C1", "--place", "H5", "--provider", "PR1", "--cin", "N1"),
     "placement: 'H5' is in the PLACE list only up to 2024-25"),
    (("--on", "2025-06-02", "--ls", "C1", "--place", "U6", "--cin", "N1"),
     "provider: is required for placement U6"),
])
def test_a_refused_start_exits_1_and_writes_nothing(run, context, args, words):
    code, out, err = run("start", "C1", *args)
    assert (code, out) == (1, "")
    assert words in err, err
    assert _episodes(context) == [] and _audited(context) == []


def test_end_care_refuses_x1_and_a_child_not_in_care(run, context):
    code, _, err = run("end", "C1", "--on", "2025-09-01", "--rec", "E4A")
    assert code == 1 and "the child is not looked after" in err
    run("start", "C1", "--on", "2025-04-01", "--ls", "C1", "--place", "U6", "--provider",
        "PR1", "--cin", "N1")
    code, _, err = run("end", "C1", "--on", "2025-09-01", "--rec", "X1")
    assert code == 1 and "X1 means another episode follows" in err
    assert _episodes(context)[0][-2:] == (None, "")


def test_a_bad_date_is_refused_by_argparse(run, capsys):
    with pytest.raises(SystemExit) as caught:
        run("start", "C1", "--on", "31/03/2026", "--ls", "C1", "--place", "U6", "--cin", "N1")
    assert caught.value.code == 2
    assert "is not a date: use YYYY-MM-DD" in capsys.readouterr().err
