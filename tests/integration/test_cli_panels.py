"""``permanence-tracker panel ...``: add a panel and items, record results, list and count.

All dates are in the past of any day the suite runs (the commands use the real today).
Panel Thu 11/12/2025; minutes received Mon 15/12/2025, so the ADM's deadline is the 7th
working day after: 16, 17, 18, 19, 22, 23, 24 Dec -> Wed 24/12/2025.
"""

from __future__ import annotations

import json
from datetime import date

from permanence_tracker import cli
from permanence_tracker.domain.entities import Child, MonitoringOutcome
from permanence_tracker.services.records import editing as records


def _run(context, capsys, *args) -> tuple[int, str, str]:
    code = cli.main(["--db", context.url, "panel", *args])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_a_panel_from_the_command_line(context, capsys):
    records.add_child(context.uow, Child("C1", date(2016, 1, 1), forename="Ava",
                                         surname="Stone"), date(2025, 12, 1))
    code, out, _ = _run(context, capsys, "add", "--date", "2025-12-11", "--type", "Permanence",
                        "--chair", "Pat Chair", "--member", "Pat Chair", "--member", "Sam SW",
                        "--quorate", "--venue", "Room 4")
    assert code == 0 and out.startswith("added panel ")
    panel_id = out.split()[2].rstrip(":")
    code, out, _ = _run(context, capsys, "item", panel_id, "--business",
                        "Match for permanent fostering", "--child", "C1")
    assert code == 0
    item_id = out.split()[2]
    code, out, _ = _run(context, capsys, "recommend", item_id, "--recommendation",
                        "Recommended", "--reasons", "Settled for two years")
    assert code == 0
    assert "suggested monitoring outcome for C1: 'Permanent Fostering Panel Agreed' on " \
           "11/12/2025 (not added" in out
    code, out, _ = _run(context, capsys, "decision", item_id, "--minutes-received",
                        "2025-12-15", "--decision", "Agreed", "--date", "2025-12-29",
                        "--add-outcome")
    assert code == 0
    assert "Agreed on 29/12/2025" in out
    assert "added monitoring outcome 'Permanent Fostering Panel Agreed' on 29/12/2025" in out
    with context.uow() as uow:
        assert [o.outcome for o in uow.repo.records(MonitoringOutcome, "C1")] == [
            "Permanent Fostering Panel Agreed"]
    code, out, _ = _run(context, capsys, "list", "--panel", panel_id)
    assert "C1 Ava Stone" in out and "DECIDED LATE" in out and "due 24/12/2025" in out
    code, out, _ = _run(context, capsys, "list", "--outstanding", "--as-of", "2025-12-24")
    assert "ADM decisions outstanding as of 24/12/2025: 1" in out
    code, out, _ = _run(context, capsys, "list", "--as-of", "2025-12-10")
    assert "Upcoming panels (as of 10/12/2025): 1" in out
    code, out, _ = _run(context, capsys, "figures", "--json")
    assert json.loads(out) == [{
        "start": "2025-04-01", "end": "2026-03-31", "label": "2025/26", "panels": 1,
        "items": 1, "plans_permanent_fostering": 0, "matches_permanent_fostering": 1,
        "adoption_matches": 0}]


def test_bad_input_is_reported_and_nothing_written(context, capsys):
    code, _, err = _run(context, capsys, "add", "--date", "2025-12-11", "--type", "Social",
                        "--chair", "Pat Chair")
    assert code == 1
    assert "type: 'Social' is not a panel type: choose one of Adoption; Fostering; " \
           "Permanence" in err
    code, _, err = _run(context, capsys, "item", "99", "--business", "Adoption match",
                        "--carers", "Mr and Mrs Lee")
    assert code == 1 and "no panel with ID 99" in err
    code, out, err = _run(context, capsys, "figures", "--period", "2026-03-31", "2025-04-01")
    assert code == 1 and "ends before it starts" in err
    code, out, _ = _run(context, capsys, "list")
    assert "Upcoming panels" in out and "Past panels" in out and ": 0" in out
