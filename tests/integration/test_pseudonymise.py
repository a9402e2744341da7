"""``--pseudonymise`` on the printed reports and the audit export (issue 12), on the demo's
synthetic authority: with it, no child's full name or full date of birth is printed, and the
initials, IDs and month-year are; without it, the names are there (so the check can fail)."""

from __future__ import annotations

import csv
import io
import shutil
import subprocess
from datetime import date

import pytest

from permanence_tracker import cli
from permanence_tracker.domain.calendar import uk_date
from permanence_tracker.domain.pseudonym import initials, month_year
from permanence_tracker.services import panels as svc
from permanence_tracker.services.demo import build_demo
from permanence_tracker.services.permanence.cohort import load_cohort

AS_OF = date(2026, 3, 31)
pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs pdftotext")


@pytest.fixture
def demo(context, db_url):
    build_demo(context.uow, children=40, seed=3, as_of=AS_OF)
    return context.uow, db_url


def _children(uow):
    cohort = load_cohort(uow, AS_OF)
    return [s.history.child for s in cohort.standings
            if s.history.child.forename and s.history.child.surname]


def _text(path) -> str:
    done = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True,
                          text=True, check=True)
    return " ".join(done.stdout.split())


def _report(db_url, tmp_path, capsys, *args: str, pseudonymise: bool) -> str:
    out = tmp_path / f"{args[0]}{'-p' if pseudonymise else ''}.pdf"
    flags = ["--pseudonymise"] if pseudonymise else []
    code = cli.main(["--db", db_url, "report", *args, "--as-of", AS_OF.isoformat(),
                     "--out", str(out), *flags])
    said = capsys.readouterr().out
    assert code == 0, said
    assert ("(pseudonymised)" in said) == pseudonymise
    return _text(out)


def _panel_with_child(uow) -> int:
    listed = svc.panels(uow, AS_OF)
    for row in listed.past:
        detail = svc.panel_detail(uow, row.panel.id, AS_OF)
        if any(i.child_name for i in detail.items):
            return row.panel.id
    raise AssertionError("the demo has no panel about a named child")


def test_every_report_pseudonymised(demo, tmp_path, capsys):
    uow, db_url = demo
    children = _children(uow)
    full_names = {c.name for c in children}
    panel = str(_panel_with_child(uow))
    child = next(c for c in children if c.iro)
    cases = [("caseloads",), ("cohort",), ("review-prep", "--child", child.child_id),
             ("outcome-sheet", "--panel", panel), ("panel-summary", "--panel", panel),
             ("panel-figures",)]
    named_somewhere = False
    for args in cases:
        plain = _report(db_url, tmp_path, capsys, *args, pseudonymise=False)
        hidden = _report(db_url, tmp_path, capsys, *args, pseudonymise=True)
        shown = {n for n in full_names if n in plain}
        named_somewhere |= bool(shown)
        assert not {n for n in full_names if n in hidden}, args
        assert "Pseudonymised" in hidden and "Pseudonymised" not in plain
        for name in shown:  # each name printed plainly is printed as initials instead
            assert initials(name) in hidden, (args, name)
    assert named_somewhere  # the plain reports do name children: the check could fail
    sheet = _report(db_url, tmp_path, capsys, "review-prep", "--child", child.child_id,
                    pseudonymise=True)
    assert f"{month_year(child.dob)} (age" in sheet and uk_date(child.dob) not in sheet
    assert child.child_id in sheet and child.iro in sheet  # the ID and the IRO (staff) stay


def test_audit_export_pseudonymised(demo, tmp_path, capsys):
    uow, db_url = demo
    child = _children(uow)[0]

    def export(name: str, *flags: str) -> str:
        out = tmp_path / name
        code = cli.main(["--db", db_url, "audit", "export", "--child", child.child_id,
                         "--out", str(out), *flags])
        assert code == 0, capsys.readouterr()
        return out.read_text(encoding="utf-8")

    plain = export("plain.csv")
    hidden = export("hidden.csv", "--pseudonymise")
    rows = list(csv.DictReader(io.StringIO(hidden)))  # one header line: no title before it
    plain_rows = list(csv.DictReader(io.StringIO(plain)))
    assert "Pseudonymised" not in plain_rows[0] and {r["Pseudonymised"] for r in rows} == {"yes"}

    def value(found: list[dict[str, str]], field: str) -> str:
        return next(r["After"] for r in found if r["Field"] == field and r["After"])

    assert value(plain_rows, "forename") == child.forename
    assert value(plain_rows, "dob") == uk_date(child.dob)
    assert child.forename not in hidden and child.surname not in hidden
    assert uk_date(child.dob) not in hidden and value(rows, "dob") == month_year(child.dob)
    assert value(rows, "forename") == initials(child.forename)
