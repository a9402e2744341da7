"""What the wizard's pages share: the file, the table found, the mapping, the preview, the
user's decisions and the import's summary. Each page fills in its part and clears what
follows from it, so going Back and changing a choice never leaves a stale preview behind."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from permanence_tracker.services.imports.spreadsheet.layout import Table
from permanence_tracker.services.imports.spreadsheet.model import (
    Decisions,
    ImportSummary,
    Preview,
)
from permanence_tracker.services.imports.spreadsheet.reading import SheetInfo

OUTCOME_WORDS = {"create": "Create", "update": "Update", "unchanged": "Unchanged",
                 "rejected": "Rejected"}
CHOICE_WORDS = {"keep": "Keep the tracker's", "take": "Take the sheet's",
                "skip": "Skip the row"}


@dataclass
class WizardState:
    """The session (its ``uow`` factory, passed on to services) and the answers so far."""

    session: object
    today: date
    open_child: Callable[[str], object] = lambda _child_id: None
    show_iros: Callable[[], object] | None = None
    path: Path | None = None
    sheets: tuple[SheetInfo, ...] = ()
    table: Table | None = None
    mapping: dict[int, str] = field(default_factory=dict)
    preview: Preview | None = None
    decisions: Decisions = field(default_factory=Decisions)
    summary: ImportSummary | None = None
    rejects_to: Path | None = None

    @property
    def uow(self):
        return self.session.uow  # type: ignore[attr-defined]

    def new_table(self, table: Table | None) -> None:
        self.table, self.mapping = table, {}
        self.new_mapping()

    def new_mapping(self) -> None:
        self.preview, self.decisions, self.summary = None, Decisions(), None
