"""Printed report timings at scale: the caseload summary for 1,500 IROs and 100,000 children,
and 500 outcome sheets.

The inputs are synthetic *service rows built directly in memory* (``IroCaseload``,
``DueReview``, ``ChildRow``, panel rows), not read from a database: the reports only lay out
rows the services hand them, so this measures the report code alone (reading and assessing
100,000 children is timed separately by ``python -m benchmarks``).

    .venv/bin/python -m benchmarks.reports [--iros 1500] [--children 100000] [--sheets 500]
"""

from __future__ import annotations

import argparse
import random
import re
import time
from datetime import UTC, date, datetime, timedelta

from permanence_tracker.domain.entities import Settings
from permanence_tracker.domain.measures import caseload_band, per_fte
from permanence_tracker.services.permanence.caseloads import Caseloads, IroCaseload
from permanence_tracker.services.permanence.rows import ChildRow
from permanence_tracker.services.reporting.inputs import CaseloadsData, ReportInput, ReportRequest
from permanence_tracker.services.reviews.due import DueReview, ReviewsDue, week_of

AS_OF = date(2026, 3, 31)
GENERATED = datetime(2026, 4, 1, 9, 0, tzinfo=UTC)
PLANS = ("Adoption", "Long-term fostering", "Return to family", "SGO/CAO", "")
STATUSES = ("plan by 2nd review", "no plan by 2nd review", "not yet due",
            "2nd review due within 28 days, no plan")
FORENAMES = ("Alex", "Bea", "Cal", "Dee", "Eli", "Fay", "Gus", "Hal", "Ivy", "Jo")
SURNAMES = ("Ashdown", "Barrow", "Cotton", "Dunmore", "Elsworth", "Fairley", "Gosling")


def caseloads_input(iros: int, children: int, seed: int = 1) -> ReportInput:
    """``children`` looked-after children spread over ``iros`` IROs, as service rows."""
    rng = random.Random(seed)
    names = [f"IRO {n:04d} {SURNAMES[n % len(SURNAMES)]}" for n in range(iros)]
    rows, reviews, by_iro = [], [], {name: 0 for name in names}
    for n in range(children):
        iro = names[n % iros]
        by_iro[iro] += 1
        days_left = rng.randint(-60, 180)
        due = AS_OF + timedelta(days=days_left)
        child_id = f"C{n:07d}"
        reviews.append(DueReview(child_id, "", iro, rng.randint(1, 9), due, days_left,
                                 week_of(due, AS_OF)))
        rows.append(ChildRow(
            child_id=child_id, name=f"{rng.choice(FORENAMES)} {rng.choice(SURNAMES)}",
            dob=date(2012, 1, 1), age=14, sex="1", legal_status=rng.choice(("C1", "C2", "V2")),
            placement="U4", iro=iro, locality="", area="", team="", looked_after=True,
            short_breaks=False, start_of_care=date(2024, 1, 1), left_care=None,
            last_review=None, next_review_number=None, next_review_due=due,
            days_left=days_left, overdue=days_left < 0, plan=rng.choice(PLANS),
            parallel_plan="", plan_status=rng.choice(STATUSES), reason_group="", flags=(),
            version=1))
    reviews.sort(key=lambda r: (r.due, r.child_id))
    due = ReviewsDue(AS_OF, tuple(reviews))
    overdue = {name: 0 for name in names}
    soon = {name: 0 for name in names}
    for review in reviews:
        if review.overdue:
            overdue[review.iro] += 1
        elif review.week is not None:
            soon[review.iro] += 1
    loads = []
    for n, name in enumerate(names):
        fte = (1.0, 0.8, 0.5)[n % 3]
        load = per_fte(by_iro[name], fte)
        cp = 10 if n % 2 else 0
        loads.append(IroCaseload(name, fte, bool(cp), cp, by_iro[name], load,
                                 caseload_band(load, 50, 70), by_iro[name] + cp,
                                 per_fte(by_iro[name] + cp, fte), overdue[name], soon[name]))
    data = CaseloadsData(Caseloads(tuple(loads), 50, 70, 0), due, tuple(rows))
    return ReportInput(ReportRequest("caseloads", AS_OF), Settings(), data)


def outcome_sheets_input(sheets: int) -> ReportInput:
    """One synthetic panel with ``sheets`` agenda items, decided, as panel service rows."""
    from permanence_tracker.domain.panels import AgendaItem, ItemStatus, PanelMeeting
    from permanence_tracker.services.panels import ItemRow, PanelDetail, PanelRow

    panel = PanelMeeting(date(2026, 3, 4), "Permanence", "Pat Chair",
                         ("Pat Chair", "Ravi Member", "Sue Social", "Dr Lee"), True,
                         "Endeavour House", id=1)
    rows = []
    for n in range(1, sheets + 1):
        item = AgendaItem(1, "Match for permanent fostering", f"C{n:07d}", "Mr and Mrs Lee",
                          "", "Recommended", "The carers have looked after the child for two "
                          "years and can meet all of the child's needs into adulthood.",
                          "", date(2026, 3, 6), "Agreed", date(2026, 3, 12), "", id=n)
        status = ItemStatus("decided", date(2026, 3, 17), False, False,
                            "Minutes received 06/03/2026, decision due by 17/03/2026. Decided "
                            "12/03/2026, in time.")
        rows.append(ItemRow(item, n, panel, "Alex Ashdown", status))
    detail = PanelDetail(AS_OF, PanelRow(panel, False, sheets, 0, 0, 0), tuple(rows))
    return ReportInput(ReportRequest("outcome-sheet", AS_OF, panel_id=1), Settings(), detail)


def _time(label: str, action) -> tuple[str, float, object]:
    started = time.perf_counter()
    result = action()
    return label, time.perf_counter() - started, result


def measure(iros: int = 1500, children: int = 100_000, sheets: int = 500) -> list[tuple]:
    """(label, seconds, detail) per benchmark."""
    from permanence_tracker import reports

    results = []
    label, built, report = _time("build rows", lambda: caseloads_input(iros, children))
    label, seconds, pdf = _time("render", lambda: reports.render(report, GENERATED))
    results.append((f"report: caseloads {iros:,} IROs/{children:,}", seconds,
                    _size(pdf)))
    sheets_input = outcome_sheets_input(sheets)
    _label, seconds, pdf = _time("render", lambda: reports.render(sheets_input, GENERATED))
    results.append((f"report: {sheets:,} outcome sheets", seconds, _size(pdf)))
    return results


def _size(pdf: bytes) -> str:
    pages = len(re.findall(rb"/Type /Page\b(?!s)", pdf))
    return f"{len(pdf) / 2**20:.1f} MiB, {pages:,} pages"


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.reports")
    parser.add_argument("--iros", type=int, default=1500)
    parser.add_argument("--children", type=int, default=100_000)
    parser.add_argument("--sheets", type=int, default=500)
    args = parser.parse_args()
    print("Synthetic service rows built in memory (no database); IROs/children for caseloads")
    print(f"{'benchmark':<40} {'seconds':>9}  output")
    print("-" * 76)
    for label, seconds, detail in measure(args.iros, args.children, args.sheets):
        print(f"{label:<40} {seconds:>9.2f}  {detail}")


if __name__ == "__main__":
    main()
