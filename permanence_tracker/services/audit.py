"""The audit trail as a use case: check its hash chain, read it with filters, export it.

:func:`verify_audit` recomputes the chain (``persistence.audit``); :func:`audit_entries` reads
entries as frozen :class:`AuditEntry` rows (who, when, which table and row, what action, and
each field's value before and after); :func:`export_audit` writes them, in date order, one
row per changed field (Field, Before, After), to a CSV file or an Excel workbook for an
information-governance reviewer. Both files are written
whole or not at all (a temporary file beside the target, then renamed over it), readable by
their owner only, and text a spreadsheet would run as a formula stays text.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any, TextIO

from permanence_tracker.domain.audit import AuditCheck
from permanence_tracker.domain.calendar import uk_date
from permanence_tracker.domain.errors import TrackerError
from permanence_tracker.domain.pseudonym import HEADING, free_text, initials, month_year
from permanence_tracker.files import write_text_whole
from permanence_tracker.services.authorization import requires
from permanence_tracker.services.exports.excel import as_text_cell, unwritable, write_xlsx
from permanence_tracker.services.unit_of_work import UowFactory

ACTIONS = ("insert", "update", "delete", "import")  # what an entry records
# Fields every entry's row key or Child ID column already shows
_SHOWN_ELSEWHERE = ("id", "child_id")
EXPORT_HEADERS = ("Entry", "When", "By", "Child ID", "Table", "Row", "Action", "Field",
                  "Before", "After")
PSEUDONYMISED_HEADER = "Pseudonymised"  # a pseudonymised CSV's last column (export_audit)
EXPORT_SUFFIXES = (".csv", ".xlsx")
# What a pseudonymised export does to each field's before and after values (issue 12): a
# child's or carer's name as initials, a date of birth as month and year, free text and
# identifiers (UPN, postcodes) left out. IRO names (the iro table, a review's chair) are
# staff and kept.
_NAME_FIELDS = frozenset({"forename", "surname", "carers"})
_BIRTH_FIELDS = frozenset({"dob", "mother_child_dob"})
_LEFT_OUT_FIELDS = frozenset({"notes", "text", "reasons", "dissent", "adm_notes", "upn",
                              "home_post", "pl_post"})


@dataclass(frozen=True, slots=True)
class Change:
    """One field of an entry: its value before and after, as words ('' for none)."""

    field: str
    before: str
    after: str


@dataclass(frozen=True, slots=True)
class AuditEntry:
    """One audit entry: ``at`` is local time; ``changes`` lists the fields it touched."""

    id: int
    at: datetime
    user: str
    child_id: str | None
    table: str
    row_key: str
    action: str  # insert, update, delete, import
    changes: tuple[Change, ...]


@requires("audit.read")
def verify_audit(uow_factory: UowFactory) -> AuditCheck:
    """Recompute the whole trail's hash chain, oldest entry first (read only)."""
    with uow_factory() as uow:
        return uow.verify_audit()


@requires("audit.read")
def audit_entries(uow_factory: UowFactory, child_id: str | None = None,
                  date_from: date | None = None, date_to: date | None = None,
                  user: str | None = None, table: str | None = None,
                  action: str | None = None) -> tuple[AuditEntry, ...]:
    """The entries matching every filter given, in date order. ``date_from`` and ``date_to``
    are whole local days, both included; a blank filter is no filter. A ``child_id`` that no
    entry has ever named is refused (TrackerError): a child ID that is not there."""
    if date_from is not None and date_to is not None and date_to < date_from:
        raise TrackerError(f"the dates are the wrong way round: {uk_date(date_to)} is before "
                           f"{uk_date(date_from)}: give the earlier date first")
    since = _local_midnight(date_from) if date_from is not None else None
    until = _local_midnight(date_to + timedelta(days=1)) if date_to is not None else None
    with uow_factory() as uow:
        rows = uow.repo.audit_entries(child_id or None, since, until, user or None,
                                      table or None, action or None)
        if child_id and not rows and not uow.repo.audit_entries(child_id):
            # No entry ever named it: a mistyped ID, not a quiet child. (A deleted child's
            # entries remain, so its trail can still be exported.)
            raise TrackerError(f"no child {child_id}: check the ID")
    entries = (_entry(row) for row in rows)
    return tuple(sorted(entries, key=lambda entry: (entry.at, entry.id)))


def _local_midnight(day: date) -> datetime:
    """The start of ``day`` on this computer's clock, as an aware time."""
    return datetime.combine(day, time.min).astimezone()


def _entry(row: dict[str, Any]) -> AuditEntry:
    old = _parsed(row.get("old"))
    new = _parsed(row.get("new"))
    fields = list(dict.fromkeys([*old, *new]))
    changes = tuple(Change(name, value_text(old.get(name)), value_text(new.get(name)))
                    for name in fields if name not in _SHOWN_ELSEWHERE)
    if row["action"] == "insert" or row["action"] == "import":
        changes = tuple(c for c in changes if c.after)  # a new record's blank fields: noise
    return AuditEntry(row["id"], row["at"], row["user"], row.get("child_id"),
                      row["table_name"], row["row_key"], row["action"], changes)


def _parsed(value: str | None) -> dict[str, Any]:
    if not value:
        return {}
    parsed = json.loads(value)
    return parsed if isinstance(parsed, dict) else {"value": parsed}


def value_text(value: Any) -> str:
    """A stored JSON value as words: ISO dates as dd/mm/yyyy, None as blank, lists joined."""
    if value is None:
        return ""
    if isinstance(value, list):
        return "; ".join(value_text(v) for v in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    if isinstance(value, str) and len(value) == 10 and value[4] == "-" and value[7] == "-":
        try:
            return uk_date(date.fromisoformat(value))
        except ValueError:
            return value
    return str(value)


def change_lines(entry: AuditEntry) -> str:
    """What the entry changed, one field a line: ``field: before → after`` for an update,
    ``field: value`` for a record added (its values after) or deleted (its values before)."""
    lines = []
    for change in entry.changes:
        if entry.action == "delete":
            lines.append(f"{change.field}: {change.before}")
        elif entry.action == "update":
            lines.append(f"{change.field}: {change.before or '(blank)'} → "
                         f"{change.after or '(blank)'}")
        else:
            lines.append(f"{change.field}: {change.after}")
    return "\n".join(lines)


def pseudonymise_entry(entry: AuditEntry) -> AuditEntry:
    """``entry`` with its before and after values pseudonymised (``domain.pseudonym``)."""
    return replace(entry, changes=tuple(
        Change(c.field, _pseudonymised(c.field, c.before), _pseudonymised(c.field, c.after))
        for c in entry.changes))


def _pseudonymised(field: str, words: str) -> str:
    if field in _NAME_FIELDS:
        return initials(words)
    if field in _LEFT_OUT_FIELDS:
        return free_text(words)
    if field in _BIRTH_FIELDS and words:
        try:  # value_text wrote the date dd/mm/yyyy
            return month_year(datetime.strptime(words, "%d/%m/%Y").date())
        except ValueError:
            return free_text(words)  # not a date: kept out rather than shown whole
    return words


# -- export ---------------------------------------------------------------------------------
def export_rows(entry: AuditEntry) -> list[tuple[object, ...]]:
    """The entry as export rows: one per field it changed (Field, Before, After; an insert's
    Before and a delete's After are blank), or one row with no field when it changed none."""
    head = (entry.id, entry.at.replace(tzinfo=None), entry.user, entry.child_id or "",
            entry.table, entry.row_key, entry.action)
    if not entry.changes:
        return [(*head, "", "", "")]
    return [(*head, c.field, c.before, c.after) for c in entry.changes]


def export_audit(entries: Sequence[AuditEntry], path: Path, marking: str, as_of: date,
                 generated: datetime, authority: str = "", pseudonymise: bool = False) -> Path:
    """Write ``entries`` to ``path``, one row per changed field (:func:`export_rows`):
    ``.xlsx`` a marked workbook (title rows, frozen header, autofilter, times as date-times),
    ``.csv`` plain rows under one header line, so any CSV reader (``csv.DictReader``) takes
    the first line as the column names. Raises ``ExportFileError`` (nothing written) when the
    file cannot be written, ``TrackerError`` for another kind of file.

    ``pseudonymise``: each field's before and after values as its kind needs (names as
    initials, dates of birth as month and year, free text left out). The workbook's title says
    so. A CSV has no title line (it would be read as the header), so a pseudonymised CSV gets
    a last column, "Pseudonymised", "yes" on every row: the mark stays with each row however
    the rows are filtered, sorted or pasted elsewhere, and a reader sees it in the header. A
    plain CSV keeps exactly the ten columns, as before any pseudonymising existed.
    """
    suffix = path.suffix.lower()
    if suffix not in EXPORT_SUFFIXES:
        raise TrackerError(f"cannot export the audit trail to {path.name}: the file name must "
                           "end .csv or .xlsx")
    if pseudonymise:
        entries = [pseudonymise_entry(e) for e in entries]
    title = f"Audit trail ({HEADING})" if pseudonymise else "Audit trail"
    if suffix == ".xlsx":
        return write_xlsx(path, title, EXPORT_HEADERS,
                          [row for e in entries for row in export_rows(e)], marking, as_of,
                          generated, authority)
    mark: tuple[str, ...] = ("yes",) if pseudonymise else ()
    headers = (*EXPORT_HEADERS, PSEUDONYMISED_HEADER) if pseudonymise else EXPORT_HEADERS
    text_rows = [(row[0], _csv_time(e.at), *row[2:], *mark)
                 for e in entries for row in export_rows(e)]
    _write_csv_whole(path, [headers, *text_rows])
    return path


def _csv_time(at: datetime) -> str:
    local = at.replace(tzinfo=None)
    return f"{uk_date(local.date())} {local:%H:%M:%S}"


def _write_csv_whole(path: Path, rows: Sequence[Sequence[object]]) -> None:
    def write(out: TextIO) -> None:
        writer = csv.writer(out)
        for row in rows:
            writer.writerow([as_text_cell(cell) for cell in row])

    try:
        write_text_whole(path, write)  # 0600, whole or not at all
    except OSError as exc:
        raise unwritable(path, exc) from exc
