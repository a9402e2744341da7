"""The reports benchmark's synthetic inputs stay valid (run small, so the suite stays quick)."""

from __future__ import annotations

from benchmarks import reports as bench


def test_benchmark_runs_on_small_inputs():
    results = bench.measure(iros=3, children=30, sheets=2)
    assert [label for label, _, _ in results] == ["report: caseloads 3 IROs/30",
                                                  "report: 2 outcome sheets"]
    assert all(seconds > 0 for _, seconds, _ in results)
    assert results[1][2].endswith(" 2 pages")


def test_synthetic_caseloads_add_up():
    data = bench.caseloads_input(iros=4, children=41).data
    assert data.caseloads.children == 41 == len(data.children) == len(data.due.reviews)
    assert [r.children for r in data.caseloads.rows] == [11, 10, 10, 10]
