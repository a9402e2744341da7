"""``permanence-tracker report NAME ... --out FILE.pdf``: writes the PDF, or says clearly why not
(and then writes nothing)."""

from __future__ import annotations

import pytest
from report_helpers import check_chrome, pdf_text, squash

from permanence_tracker import cli, reports


@pytest.fixture
def folder(tmp_path):
    """An empty folder for the reports (the database lives in tmp_path)."""
    made = tmp_path / "out"
    made.mkdir()
    return made


@pytest.fixture
def run(stored, db_url, capsys):
    def run(*args: str) -> tuple[int, str, str]:
        code = cli.main(["--db", db_url, "report", *args])
        out, err = capsys.readouterr()
        return code, out, err
    return run


def test_caseloads_written(run, tmp_path):
    out = tmp_path / "caseloads.pdf"
    code, said, _ = run("caseloads", "--as-of", "2026-03-31", "--out", str(out))
    assert code == 0 and f"wrote IRO caseloads to {out}" in said
    text = pdf_text(out.read_bytes(), tmp_path)
    assert "Kay Kite 0.8 yes 3 3.75 above 2–3 12 15 18.75 2 1" in squash(text)
    assert "as of 31/03/2026" in text and "Page 1 of 5" in text


def test_review_prep_and_one_iro(run, tmp_path):
    out = tmp_path / "m1.pdf"
    assert run("review-prep", "--child", "M1", "--as-of", "2026-03-31", "--out", str(out))[0] == 0
    check_chrome(pdf_text(out.read_bytes(), tmp_path), "Review preparation sheet",
                 stamp=r"Generated \d\d/\d\d/\d{4} \d\d:\d\d · as of 31/03/2026")
    one = tmp_path / "lee.pdf"
    assert run("caseloads", "--iro", "Lee Lark", "--as-of", "2026-03-31", "--out", str(one))[0] \
        == 0
    assert "Kay Kite 3 looked-after" not in squash(pdf_text(one.read_bytes(), tmp_path))


@pytest.mark.parametrize("args, message", [
    (["nope"], "no report called 'nope': choose one of caseloads, outcome-sheet, "
               "panel-summary, panel-figures, cohort, review-prep"),
    (["review-prep"], "the review-prep report needs --child ID"),
    (["outcome-sheet"], "the outcome-sheet report needs --panel ID"),
    (["panel-summary"], "the panel-summary report needs --panel ID"),
    (["review-prep", "--child", "NOPE"], "no child with ID 'NOPE'"),
    (["caseloads", "--iro", "Nobody"], "no IRO called 'Nobody' with a caseload on 31/03/2026: "
                                       "IROs are Kay Kite, Lee Lark, Mo Moss"),
    (["panel-summary", "--panel", "999"], "no panel with ID 999"),
    (["cohort", "--from", "2026-04-01"], "--from 01/04/2026 is after the as-of date"),
])
def test_bad_requests_are_refused_and_nothing_is_written(run, folder, args, message):
    code, _, err = run(*args, "--as-of", "2026-03-31", "--out", str(folder / "report.pdf"))
    assert code != 0
    assert message in err
    assert list(folder.iterdir()) == []


@pytest.mark.parametrize("where, message", [
    ("missing/report.pdf", "the folder {tmp}/missing does not exist"),
    ("", "is a folder: give a file name ending .pdf"),
    ("report.txt", "does not end in .pdf"),
])
def test_unwritable_out(run, folder, where, message):
    code, _, err = run("caseloads", "--as-of", "2026-03-31", "--out", str(folder / where))
    assert code == 2
    assert message.format(tmp=folder) in err


def test_a_failure_while_laying_out_leaves_no_file(run, folder, monkeypatch):
    def broken(report, generated_at):
        raise RuntimeError("layout failed")

    monkeypatch.setattr(reports, "render", broken)
    with pytest.raises(RuntimeError):
        run("caseloads", "--as-of", "2026-03-31", "--out", str(folder / "report.pdf"))
    assert list(folder.iterdir()) == []


def test_a_failure_while_writing_leaves_the_old_file(run, folder, monkeypatch):
    out = folder / "report.pdf"
    out.write_bytes(b"old")

    def full(*_args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("os.replace", full)
    code, _, err = run("caseloads", "--as-of", "2026-03-31", "--out", str(out))
    assert code == 2 and "No space left on device" in err
    assert out.read_bytes() == b"old" and [p.name for p in folder.iterdir()] == ["report.pdf"]


def test_an_existing_file_is_replaced_whole(run, folder):
    out = folder / "report.pdf"
    out.write_bytes(b"old")
    assert run("caseloads", "--as-of", "2026-03-31", "--out", str(out))[0] == 0
    assert out.read_bytes().startswith(b"%PDF")
    assert [p.name for p in folder.iterdir()] == ["report.pdf"]
