"""The spreadsheet import's entry points for front ends, and the file-level helpers.

The steps, in order: :func:`.reading.list_sheets` and :func:`.reading.read_sheet`,
:func:`.layout.find_table`, :func:`.fields.auto_map` (or a saved mapping,
:func:`.mappings.mapping_for`), :func:`.preview.preview_import`, then
:func:`.commit.commit_import` with the :class:`.model.ImportSource` made here (the file's name
and SHA-256 checksum, which the import's audit entry records).
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from permanence_tracker.services.imports.spreadsheet.commit import commit_import
from permanence_tracker.services.imports.spreadsheet.model import (
    Decisions,
    ImportSource,
    ImportSummary,
    Preview,
)
from permanence_tracker.services.imports.spreadsheet.preview import preview_import
from permanence_tracker.services.imports.spreadsheet.rejects import write_rejects

_CHUNK = 1 << 20


def import_source(path: Path, sheet: str) -> ImportSource:
    """The file's name and SHA-256 checksum, and the sheet imported."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(_CHUNK), b""):
            digest.update(block)
    return ImportSource(path.name, digest.hexdigest(), sheet)


__all__ = ["Decisions", "ImportSource", "ImportSummary", "Preview", "commit_import",
           "import_source", "preview_import", "write_rejects"]
