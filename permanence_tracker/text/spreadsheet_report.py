"""The spreadsheet import report: the file, sheet and header row; the mapping used (header ->
field, and the columns ignored); the rows left out (totals, notes) and why; the rows per
outcome; every problem (sheet, row, column, value, what to do); the conflicts with the decision
taken; the name + date-of-birth matches; the IROs created (with the reminder to set their FTE);
and the import's audit entry. ``permanence-tracker import-spreadsheet`` prints it and the
import wizard may show it; each front end says what to do next in its own words
(:class:`Advice`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from permanence_tracker.domain.calendar import uk_date
from permanence_tracker.domain.words import plural
from permanence_tracker.services.imports.spreadsheet.fields import FIELDS
from permanence_tracker.services.imports.spreadsheet.model import (
    OUTCOMES,
    Choice,
    Conflict,
    Decisions,
    ImportSummary,
    Preview,
)

MAX_PROBLEMS = 200
CHOICE_WORDS: dict[Choice, str] = {"keep": "keep the tracker's value",
                                   "take": "take the spreadsheet's value",
                                   "skip": "skip the row"}


@dataclass(frozen=True)
class ReportSource:
    """Where the rows came from: the file's name, the sheet, its header row and the saved
    mapping used ("" when the columns were mapped automatically or by hand)."""

    file: str
    sheet: str
    header_row: int
    mapping_name: str = ""


@dataclass(frozen=True)
class Advice:
    """What the reader can do next, in the words of the front end that shows the report."""

    undecided: str  # a conflict nobody decided
    unconfirmed: str  # a name + date-of-birth match not confirmed
    nothing_written: str  # problems, so nothing was written
    more_problems: str  # after "... and N more problems": where to see them all
    set_fte: str  # how to set the FTE of an IRO the import created


CLI_ADVICE = Advice(
    "undecided: choose with --on-conflict keep|take|skip",
    "not confirmed: check it is the same child, then add --confirm-matches",
    "Nothing was written: correct the rows above in the spreadsheet and import again, or use "
    "--skip-invalid to import the valid rows only (and --rejects FILE.csv to list the rest).",
    "write them all to a CSV with --rejects FILE.csv",
    "permanence-tracker iro edit NAME --fte 0.8")


def render(source: ReportSource, preview: Preview, mapping: Mapping[int, str],
           decisions: Decisions | None = None, summary: ImportSummary | None = None, *,
           dry_run: bool = False, advice: Advice = CLI_ADVICE) -> str:
    """The report of a previewed import (``summary`` None) or a committed one."""
    decisions = decisions or Decisions()
    lines = [f"Spreadsheet import: {source.file}, sheet '{source.sheet}', header on row "
             f"{source.header_row}"]
    lines += _mapping(source, preview, mapping)
    lines += _dropped(preview)
    lines += _totals(preview, summary)
    lines += _problems(preview, summary, advice)
    lines += _conflicts(preview, decisions, advice)
    lines += _matches(preview, decisions, advice)
    lines += _new_iros(preview, summary, advice)
    lines += ["", _result(source, preview, summary, dry_run, advice)]
    return "\n".join(lines)


def _mapping(source: ReportSource, preview: Preview, mapping: Mapping[int, str]) -> list[str]:
    how = f"saved mapping '{source.mapping_name}'" if source.mapping_name else "mapping"
    lines = ["", f"Columns ({how}):"]
    width = max([len(h) for h in preview.headers] + [6])
    for index, name in sorted(mapping.items()):
        lines.append(f"  {_header(preview, index):<{width}} -> {FIELDS[name].label}")
    ignored = [_header(preview, i) for i in range(len(preview.headers)) if i not in mapping]
    if ignored:
        lines.append(f"  ignored: {', '.join(ignored)}")
    return lines


def _header(preview: Preview, index: int) -> str:
    header = preview.headers[index] if index < len(preview.headers) else ""
    return header or f"(column {index + 1}, no header)"


def _dropped(preview: Preview) -> list[str]:
    if not preview.dropped:
        return []
    lines = ["", f"Rows left out ({len(preview.dropped)}):"]
    lines += [f"  row {number}: {why}" for number, why in preview.dropped]
    return lines


def _totals(preview: Preview, summary: ImportSummary | None) -> list[str]:
    counts = dict(summary.counts) if summary is not None else dict(preview.totals)
    names = [*OUTCOMES, *(["skipped"] if "skipped" in counts else [])]
    return ["", "Rows: " + ", ".join(f"{counts.get(n, 0):,} {n}" for n in names)]


def _problems(preview: Preview, summary: ImportSummary | None, advice: Advice) -> list[str]:
    problems = summary.rejected if summary is not None and summary.rejected else preview.problems
    if not problems:
        return []
    rows = len({p.row for p in problems})
    lines = ["", f"Problems ({plural(len(problems), 'problem')} on {plural(rows, 'row')}):"]
    for p in problems[:MAX_PROBLEMS]:
        value = f", value '{p.value}'" if p.value else ""
        lines.append(f"  sheet '{p.sheet}', row {p.row}, column '{p.column}'{value}: {p.message}")
    if len(problems) > MAX_PROBLEMS:
        lines.append(f"  ... and {len(problems) - MAX_PROBLEMS:,} more problems: "
                     f"{advice.more_problems}")
    return lines


def _conflicts(preview: Preview, decisions: Decisions, advice: Advice) -> list[str]:
    if not preview.conflicts:
        return []
    lines = ["", f"Conflicts with the tracker ({len(preview.conflicts)}):"]
    for c in preview.conflicts:
        choice = decisions.choice(c.key)
        if choice == "take" and not c.takeable:
            decided = "keep the tracker's value (the spreadsheet's cannot replace it)"
        else:
            decided = CHOICE_WORDS[choice] if choice is not None else advice.undecided
        lines.append(f"  row {c.row}, child {c.child_id}, {FIELDS[c.field].label}: tracker "
                     f"'{c.tracker_value}', spreadsheet '{c.sheet_value}' "
                     f"({conflict_reason(c)}) -> {decided}")
    return lines


_REFUSALS: dict[str, str] = {
    "care_start": "the tracker's episodes set when care began: correct them on the child's "
                  "record if they are wrong",
    "no_date": "the row gives no review date or date care began on which to record a change "
               "of legal status: record it on the child's record",
    "episode_start": "the episode began that day: correct the episode on the child's record",
    "closed_episode": "that episode has ended and later ones follow: record the change on the "
                      "child's record"}


def conflict_reason(c: Conflict) -> str:
    """Why the sheet and the tracker disagree, in words, and why the sheet's value cannot be
    taken when it cannot (the wizard's "Why" column shows the same words)."""
    label = FIELDS[c.field].label.lower() if c.field in FIELDS else c.field
    if c.kind == "episode":
        on = f"on {uk_date(c.on)}" if c.on else "now"
        held = f"{label} {c.tracker_value}" if c.tracker_value else f"no {label}"
        why = (f"the tracker's episode open {on} (from {uk_date(c.record_date)}, e.g. from a "
               f"903 return) has {held}")
        if c.field == "legal_status" and c.takeable:
            why += f"; taking the sheet's records a change of legal status on {uk_date(c.on)}"
    elif c.kind == "care_start":
        why = "no period of care in the tracker starts on this date"
    elif c.kind == "plan":
        why = f"the tracker has a different plan agreed on {uk_date(c.record_date)}"
    else:
        why = f"the tracker has a different {label}"
    return f"{why}; {_REFUSALS[c.refusal]}" if c.refusal else why


def _matches(preview: Preview, decisions: Decisions, advice: Advice) -> list[str]:
    if not preview.needs_confirmation:
        return []
    lines = ["", f"Matched by name and date of birth ({len(preview.needs_confirmation)}):"]
    for m in preview.needs_confirmation:
        given = f" (the sheet says {m.sheet_child_id})" if m.sheet_child_id else ""
        state = "confirmed" if m.row in decisions.confirmed else advice.unconfirmed
        lines.append(f"  row {m.row}{given}: child {m.child_id}, {m.name}, born "
                     f"{uk_date(m.dob)} -> {state}")
    return lines


def _new_iros(preview: Preview, summary: ImportSummary | None, advice: Advice) -> list[str]:
    names = summary.new_iros if summary is not None else preview.new_iros
    if not names:
        return []
    verb = "created" if summary is not None and summary.changed else "to create"
    return ["", f"New IROs {verb} ({len(names)}): {', '.join(names)}",
            f"  Their FTE is not set: set it for each ({advice.set_fte}) so that caseloads "
            "per FTE count them."]


def _result(source: ReportSource, preview: Preview, summary: ImportSummary | None,
            dry_run: bool, advice: Advice) -> str:
    if dry_run:
        return "Dry run: nothing was written."
    if summary is None:
        return advice.nothing_written if preview.problems else "Nothing was written."
    if summary.audit_id is None:
        return "Nothing changed: the tracker already holds every row (no audit entry written)."
    changed = plural(len(summary.children_changed), "child", "children")
    rejected = " The rejected rows were not written." if summary.rejected else ""
    return (f"Imported: {changed} changed. Audit entry {summary.audit_id}: import of "
            f"{source.file}, sheet '{source.sheet}'.{rejected}")
