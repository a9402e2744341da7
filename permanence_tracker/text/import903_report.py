"""The 903 import report: files recognised, rows read and rejected per table, records
inserted, updated and unchanged, then each problem. ``permanence-tracker import-903`` prints it
and File ▸ Import 903 return… shows it; each says what to do next in its own words
(:class:`Advice`).
"""

from __future__ import annotations

from dataclasses import dataclass

from permanence_tracker.domain.words import plural
from permanence_tracker.services.imports.ssda903.merge import KINDS
from permanence_tracker.services.imports.ssda903.model import Rejection
from permanence_tracker.services.imports.ssda903.service import ImportResult
from permanence_tracker.services.imports.ssda903.tables import TABLES
from permanence_tracker.services.reference import year_text

RECORD_NAMES = {"child": "children", "episode": "episodes", "review": "reviews",
                "adoption": "adoption milestones", "missing": "missing episodes",
                "previous": "previous permanence"}
MAX_PROBLEMS = 200


@dataclass(frozen=True)
class Advice:
    """What the reader can do next, in the words of the front end that shows the report."""

    nothing_written: str  # rows were invalid and nothing was written
    more_problems: str  # after "... and N more problems": where to see them all


CLI_ADVICE = Advice(
    "Nothing was written: fix the rows above and import again, or use --skip-invalid to "
    "import the valid rows and list the rest in a CSV.",
    "write them all to a CSV with --rejects FILE.csv")


def render(result: ImportResult, advice: Advice = CLI_ADVICE) -> str:
    """The import report of ``result`` (see the module docstring)."""
    lines = [f"903 import: {plural(len(result.files), 'file')} recognised, "
             f"{len(result.skipped)} skipped"]
    width = max([len(f.name) for f in result.files] + [10])
    for f in result.files:
        year = year_text(f.year) if f.year else "year unknown"
        rows = len(f.rows)  # the counts stay right-aligned; the noun follows its number
        lines.append(f"  {f.name:<{width}}  {f.table:<14} {year:<12} {rows:>7,} "
                     + ("row" if rows == 1 else "rows"))
    for s in result.skipped:
        lines.append(f"  skipped {s.name}: {s.table + ' - ' if s.table else ''}{s.reason}")
    read, rejected = result.rows_read(), result.rows_rejected()
    lines += ["", f"  {'903 table':<16}{'read':>9}{'rejected':>10}"]
    for spec in TABLES:
        if spec.name in read:
            lines.append(f"  {spec.name:<16}{read[spec.name]:>9,}{rejected.get(spec.name, 0):>10,}")
    verb = "" if result.written else " (not written)"
    lines += ["", f"  {'records' + verb:<26}{'inserted':>10}{'updated':>9}{'unchanged':>11}"]
    for kind in KINDS:
        c = result.plan.counts.get(kind)
        if c:
            lines.append(f"  {RECORD_NAMES[kind]:<26}{c['inserted']:>10,}{c['updated']:>9,}"
                         f"{c['unchanged']:>11,}")
    lines += ["", f"Rejected rows: {result.rejected_rows:,}"]
    lines += _problems(result.rejections, advice)
    if result.rejections and not result.written:
        lines.append(advice.nothing_written)
    elif result.rejections:
        lines.append("The valid rows were written; the rejected rows were not.")
    return "\n".join(lines)


def _problems(rejections: list[Rejection], advice: Advice) -> list[str]:
    lines = [f"  {r}" for r in rejections[:MAX_PROBLEMS]]
    if len(rejections) > MAX_PROBLEMS:
        lines.append(f"  ... and {len(rejections) - MAX_PROBLEMS:,} more problems: "
                     f"{advice.more_problems}")
    return lines
