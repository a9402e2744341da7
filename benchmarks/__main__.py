"""Run the benchmarks and print a table of timings and peak memory.

    .venv/bin/python -m benchmarks                  # 100,000 children (default)
    .venv/bin/python -m benchmarks --children 5000  # a quicker run

The demo database is built once per size and seed under ``--cache`` and reused afterwards.
"""

from __future__ import annotations

import argparse
import resource
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

AS_OF = date(2026, 3, 31)


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _timed(label: str, rows: list, action: Callable[[], object]) -> object:
    started = time.perf_counter()
    result = action()
    rows.append((label, time.perf_counter() - started, _peak_mb()))
    return result


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks")
    parser.add_argument("--children", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--cache", type=Path, default=Path("/tmp/permanence-bench"))
    args = parser.parse_args()

    from permanence_tracker.app import open_context
    from permanence_tracker.services.permanence.cohort import load_cohort
    from permanence_tracker.services.permanence.summary import summarise

    args.cache.mkdir(parents=True, exist_ok=True)
    db = args.cache / f"demo-{args.children}-{args.seed}.sqlite"
    rows: list[tuple[str, float, float]] = []
    context = open_context(f"sqlite:///{db}", user="bench")
    with context.uow() as uow:
        empty = not uow.repo.child_ids()
    if empty:
        from permanence_tracker.services.demo import build_demo

        _timed(f"demo --children {args.children}", rows,
               lambda: build_demo(context.uow, children=args.children, seed=args.seed,
                                  as_of=AS_OF))
    with context.uow() as uow:
        total = len(uow.repo.child_ids())
    cohort = _timed("load and assess every child", rows, lambda: load_cohort(context.uow, AS_OF))
    _timed("summary figures from the cohort", rows, lambda: summarise(cohort))
    _timed("summary end to end", rows,
           lambda: summarise(load_cohort(context.uow, AS_OF)))
    some_id = cohort.standings[len(cohort.standings) // 2].child_id
    _return_903(context, rows)
    context.dispose()

    from benchmarks import gui

    timings = gui.measure(f"sqlite:///{db}", AS_OF, [some_id[:6], "smith", "zz"])
    rows.append(("app: open until Children table ready", timings["ready"], _peak_mb()))
    rows.append(("app: search keystroke (median)", timings["keystroke_median"], _peak_mb()))
    rows.append(("app: search keystroke (slowest)", timings["keystroke_max"], _peak_mb()))
    from benchmarks import reports  # synthetic service rows in memory: see its docstring

    rows.extend((label, seconds, _peak_mb()) for label, seconds, _ in reports.measure())
    from benchmarks import spreadsheet  # a synthetic 10,000-row workbook: see its docstring

    rows.extend((f"{label} ({target})", seconds, _peak_mb())
                for label, seconds, target in spreadsheet.measure())

    print(f"\n{total} children in {db} ({db.stat().st_size / 2**20:.0f} MiB), as of {AS_OF}\n")
    width = max(40, *(len(label) for label, _, _ in rows))
    print(f"{'benchmark':<{width}} {'seconds':>9} {'peak MiB':>9}")
    print("-" * (width + 20))
    for label, seconds, peak in rows:
        print(f"{label:<{width}} {seconds:>9.2f} {peak:>9.0f}")


def _return_903(context, rows: list) -> None:
    """The 2025-26 903 return: written (export-903), then checked with the DfE rules
    (check-903: this year's and last year's export through csc-validator-be-903 in its own
    venv), when that venv is installed."""
    import tempfile

    from permanence_tracker.paths import validator_python
    from permanence_tracker.services.exports.ssda903.check import check_903
    from permanence_tracker.services.exports.ssda903.service import export_903

    with tempfile.TemporaryDirectory() as folder:
        _timed("903 export 2025-26", rows,
               lambda: export_903(context.uow, 2026, Path(folder) / "out", AS_OF))
    if validator_python() is not None:
        _timed("903 check 2025-26 (DfE rules, 2 years)", rows,
               lambda: check_903(context.uow, 2026, AS_OF))


if __name__ == "__main__":
    main()
