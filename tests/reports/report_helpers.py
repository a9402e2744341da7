"""A small hand-built authority for the report tests, held in memory (no database), and
helpers that read a PDF back with poppler's pdftotext / pdftoppm. (A module of its own, not
conftest.py: two conftest modules would clash on the name ``conftest`` when imported.)

Worked by hand, as of Tuesday 31/03/2026 (caseload band set to 2-3 per FTE so that three IROs
reach every band; the rule is the IRO Handbook's, both ends inclusive):

- K1 (Kay Kite): care from 06/01/2025 (C2), reviews 20/01 and 14/04/2025, plan 01/03/2025
  (by the 2nd review). 3rd review due 14/10/2025 (6 months after 14/04), not held: 168 days
  overdue (17 days of October + 30 + 31 + 31 + 28 + 31).
- K2 (Kay): same care, reviews 20/01, 14/04, 06/10/2025; no plan: flagged, reason "other
  legal status" (C2). 4th review due 06/04/2026: 6 days left, week 1.
- K3 (Kay): care from Monday 02/03/2026 on an interim care order (C1); 1st review due 20
  working days later, Monday 30/03/2026 (no bank holiday in March 2026): 1 day overdue.
- L1 (Lee Lark): section 20 (V2) from 03/06/2024, reviews 28/06/2024, 20/09/2024, 14/03/2025,
  12/09/2025; no plan: flagged, reason "section 20". Next due 12/03/2026: 19 days overdue.
- L2 (Lee): short breaks (V3) from 03/11/2025: looked after, no LAC review measures.
- M1 (Mo Moss): care from 01/09/2025 (C2), reviews 26/09 and 19/12/2025, plan 01/12/2025
  Adoption with parallel Long-term fostering; 3rd due 19/06/2026: 80 days, beyond 8 weeks.
  Placement order 01/11/2025, not matched: A2 = 150 days (30 + 31 + 31 + 28 + 30) > 121.
- U1 (no IRO): C1 from 02/02/2026, 1st review 27/02/2026, 2nd due 27/05/2026: 57 days.
- X1 (Kay): in care 08/01/2024 to 01/12/2025, adopted (E11): left care in the year; reviews
  26/01 and 20/04/2024 and no plan: left care in the year without a plan by the 2nd review.

So Kay: 3 children / 0.8 FTE = 3.75, above; dual role 12 CP cases, total 15, 18.75 per FTE;
2 overdue (K1, K3), 1 due within 8 weeks (K2). Lee: 2 / 1.0 = 2, within; 1 overdue. Mo:
1 / 0.5 = 2, within. Service: 6 children / 2.3 FTE = 2.61 (within), 12 CP, total 18 (7.83
per FTE), 3 overdue, 1 due soon; 1 looked-after child (U1) with no IRO.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from permanence_tracker.domain.calendar import WorkingCalendar
from permanence_tracker.domain.entities import (
    AdoptionMilestones,
    Child,
    ChildHistory,
    Episode,
    Iro,
    MissingEpisode,
    MonitoringOutcome,
    PlanChange,
    Review,
    Settings,
)
from permanence_tracker.domain.standing import assess_child
from permanence_tracker.services.permanence.cohort import Cohort

D = date.fromisoformat
AS_OF = D("2026-03-31")
GENERATED = datetime(2026, 4, 1, 9, 30, tzinfo=UTC)
AUTHORITY = "Testshire County Council"
SETTINGS = Settings(authority_name=AUTHORITY, caseload_low=2, caseload_high=3)
IROS = (Iro("Kay Kite", fte=0.8, dual_role=True, cp_cases=12), Iro("Lee Lark"),
        Iro("Mo Moss", fte=0.5))


def _history(cid, forename, iro, start, legal, reviews=(), plans=(), end=None, rec="",
             place="U4", **extra):
    episode = Episode(cid, D(start), "S", legal, placement=place, end=D(end) if end else None,
                      rec=rec)
    child = Child(cid, D("2016-05-05"), "2", forename, "Test", iro=iro, social_worker="Sam Ray")
    return ChildHistory(
        child, episodes=(episode,),
        reviews=tuple(Review(cid, D(h), "PN1") for h in reviews),
        plans=tuple(PlanChange(cid, D(a), p, q, id=n) for n, (a, p, q) in enumerate(plans, 1)),
        **extra)


HISTORIES = (
    _history("K1", "Kit", "Kay Kite", "2025-01-06", "C2", ["2025-01-20", "2025-04-14"],
             [("2025-03-01", "Long-term fostering", "")],
             outcomes=(MonitoringOutcome("K1", D("2025-06-01"),
                                         "Permanent Fostering Panel Agreed", id=1),)),
    _history("K2", "Kim", "Kay Kite", "2025-01-06", "C2",
             ["2025-01-20", "2025-04-14", "2025-10-06"]),
    _history("K3", "Kai", "Kay Kite", "2026-03-02", "C1",
             missing=(MissingEpisode("K3", "M", D("2026-03-10"), D("2026-03-11")),)),
    _history("L1", "Lou", "Lee Lark", "2024-06-03", "V2",
             ["2024-06-28", "2024-09-20", "2025-03-14", "2025-09-12"]),
    _history("L2", "Lia", "Lee Lark", "2025-11-03", "V3", place="R1"),
    _history("M1", "Max", "Mo Moss", "2025-09-01", "C2", ["2025-09-26", "2025-12-19"],
             [("2025-12-01", "Adoption", "Long-term fostering")],
             adoption=(AdoptionMilestones("M1", should_be_placed=D("2025-12-10"),
                                          placement_order=D("2025-11-01")),),
             outcomes=(MonitoringOutcome("M1", D("2026-01-20"),
                                         "Adoption family finding underway", id=2),)),
    _history("U1", "Uma", "", "2026-02-02", "C1", ["2026-02-27"]),
    _history("X1", "Xia", "Kay Kite", "2024-01-08", "C2", ["2024-01-26", "2024-04-20"],
             end="2025-12-01", rec="E11"),
)


def build_cohort(as_of: date = AS_OF, settings: Settings = SETTINGS) -> Cohort:
    calendar = WorkingCalendar()
    standings = sorted((assess_child(h, as_of, calendar, settings) for h in HISTORIES),
                       key=lambda s: s.child_id)
    return Cohort(as_of, settings, IROS, tuple(standings), calendar)


def _tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        pytest.fail(f"{name} is missing: install poppler-utils (apt-get install poppler-utils)")
    return path


def pdf_text(pdf: bytes, tmp_path: Path, layout: bool = True) -> str:
    """The PDF's text as poppler extracts it (pages separated by form feeds)."""
    source = tmp_path / "report.pdf"
    source.write_bytes(pdf)
    args = [_tool("pdftotext")] + (["-layout"] if layout else []) + [str(source), "-"]
    return subprocess.run(args, check=True, capture_output=True, text=True).stdout


def pages(text: str) -> list[str]:
    found = text.split("\f")
    return found[:-1] if found and not found[-1].strip() else found


def squash(text: str) -> str:
    """Whitespace collapsed to single spaces, for matching table rows laid out in columns."""
    return re.sub(r"\s+", " ", text).strip()


def render_png(pdf: bytes, tmp_path: Path, page: int = 1) -> Path:
    source = tmp_path / "page.pdf"
    source.write_bytes(pdf)
    stem = tmp_path / "page"
    subprocess.run([_tool("pdftoppm"), "-r", "60", "-png", "-f", str(page), "-l", str(page),
                    "-singlefile", str(source), str(stem)], check=True)
    return stem.with_suffix(".png")


def check_chrome(text: str, title: str, authority: str = AUTHORITY,
                 marking: str = "OFFICIAL-SENSITIVE",
                 stamp: str = r"Generated 01/04/2026 09:30 · as of 31/03/2026") -> None:
    """Every page: marking top and bottom, authority, title, generated-at, as-of, page N of M."""
    found = pages(text)
    assert found, "no pages"
    for number, page in enumerate(found, start=1):
        lines = [line.strip() for line in page.strip().splitlines() if line.strip()]
        assert lines[0] == marking, f"page {number} does not start with the marking"
        assert lines[-1] == marking, f"page {number} does not end with the marking"
        assert authority in lines[1] and title in lines[1], f"page {number} header: {lines[1]}"
        assert re.search(stamp, lines[-2]), f"page {number} footer: {lines[-2]}"
        assert f"Page {number} of {len(found)}" in lines[-2]

