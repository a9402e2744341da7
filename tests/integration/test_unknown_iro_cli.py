"""Issue 10 item 3 from the command line: ``child add --iro`` and ``review add --iro`` with a
name that is not an IRO print ``iro: ... not an IRO: add them first``, exit 1 and write
nothing; after ``iro add`` the same command succeeds."""

from __future__ import annotations

from datetime import date

from permanence_tracker import cli
from permanence_tracker.domain.entities import Child, Episode, Review
from permanence_tracker.services.records import editing as records


def _run(context, capsys, *args) -> tuple[int, str, str]:
    code = cli.main(["--db", context.url, *args])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_child_add_refuses_an_unknown_iro_until_they_are_added(context, uow, capsys):
    code, out, err = _run(context, capsys, "child", "add", "K1", "--dob", "2020-01-01",
                          "--iro", "Zed Zephyr")
    assert (code, out) == (1, "")
    assert err == "error: iro: 'Zed Zephyr' is not an IRO: add them first\n"
    with uow() as u:
        assert not u.repo.child_ids()
    assert _run(context, capsys, "iro", "add", "Zed Zephyr", "--fte", "0.8")[0] == 0
    code, out, _ = _run(context, capsys, "child", "add", "K1", "--dob", "2020-01-01",
                        "--iro", "Zed Zephyr")
    assert (code, out.splitlines()[0]) == (0, "added child K1")


def test_review_add_refuses_an_unknown_iro(context, uow, capsys):
    records.add_child(uow, Child("K1", date(2020, 1, 1)), date(2026, 3, 31))
    records.save_episode(uow, Episode("K1", date(2025, 1, 6), "S", "C2", placement="U4"),
                         date(2026, 3, 31))
    code, _, err = _run(context, capsys, "review", "add", "K1", "--held", "2025-02-01",
                        "--pn", "PN1", "--iro", "Nobody")
    assert code == 1
    assert "iro: 'Nobody' is not an IRO: add them first" in err
    with uow() as u:
        assert u.repo.records(Review, "K1") == []
