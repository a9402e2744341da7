"""Writing a return's CSV files into a folder, all or nothing, for their owner only (0600
files; a folder made for them 0700, whatever the umask: they hold children's IDs and dates of
birth).

Every file is first written into a temporary folder beside the target; only when all are
written are they moved in. Files of the same names already in the target are kept aside and
put back if any move fails, so on any error the folder is as it was. Cells a spreadsheet would
run as a formula are written as text
(:func:`permanence_tracker.services.exports.excel.as_text_cell`), in every column: the DfE's
903 format has no free-text field and no negative number, and none of its codes, dates, IDs,
UPNs or postcodes may start with ``= + - @``, a tab or a carriage return, so the rule never
alters a valid value; it only defuses a bad one typed into the tracker.
"""

from __future__ import annotations

import csv
import os
import shutil
import tempfile
from pathlib import Path
from typing import TextIO

from permanence_tracker.domain.errors import TrackerError
from permanence_tracker.files import owner_only_folder, write_text_whole
from permanence_tracker.services.exports.excel import as_text_cell
from permanence_tracker.services.exports.ssda903.layout import COLUMNS, FILE_NAMES


class ExportFolderError(TrackerError):
    """The folder cannot be written: nothing was written."""


def write_csv(path: Path, table: str, rows: list[dict[str, str]]) -> None:
    """One table's file, 0600 and whole or not at all (:func:`write_text_whole`)."""
    columns = COLUMNS[table]

    def write(handle: TextIO) -> None:
        writer = csv.writer(handle, lineterminator="\r\n")
        writer.writerow(columns)
        for row in rows:
            writer.writerow([as_text_cell(row.get(c, "") or "") for c in columns])

    write_text_whole(path, write)


def write_tables(out: Path, tables: dict[str, list[dict[str, str]]]) -> list[Path]:
    """Write each table's file into ``out`` (made 0700 if missing, with any missing folder
    above it); the paths written, in order."""
    out = out.expanduser()
    created = not out.exists()
    try:
        owner_only_folder(out)
        staging = Path(tempfile.mkdtemp(prefix=".903-export-", dir=out.parent))
    except OSError as exc:
        if created:
            shutil.rmtree(out, ignore_errors=True)
        raise ExportFolderError(f"cannot write to the folder {out}: {exc.strerror or exc}"
                                ) from exc
    try:
        names = [FILE_NAMES[t] for t in tables]
        for table, rows in tables.items():
            write_csv(staging / FILE_NAMES[table], table, rows)
        _move_in(staging, out, names)
    except OSError as exc:
        if created:
            shutil.rmtree(out, ignore_errors=True)
        raise ExportFolderError(f"cannot write the 903 files to {out}: "
                                f"{exc.strerror or exc}; nothing was written") from exc
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return [out / n for n in names]


def _move_in(staging: Path, out: Path, names: list[str]) -> None:
    aside = staging / ".previous"
    aside.mkdir()
    kept: list[str] = []
    moved: list[str] = []
    try:
        for name in names:
            if (out / name).exists():
                os.replace(out / name, aside / name)
                kept.append(name)
        for name in names:
            shutil.move(str(staging / name), str(out / name))
            moved.append(name)
    except OSError:
        for name in moved:
            (out / name).unlink(missing_ok=True)
        for name in kept:
            os.replace(aside / name, out / name)
        raise
