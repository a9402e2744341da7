"""What the spreadsheet import engine hands to front ends: frozen rows, nothing to format.

A :class:`Preview` is made before anything is written (:func:`.preview.preview_import`); the
user answers its conflicts and name + date-of-birth matches in :class:`Decisions`, and
:func:`.commit.commit_import` writes the rows in one unit of work, returning an
:class:`ImportSummary`. The words people read are made at the edge (gui/, cli/, text/).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Literal

from permanence_tracker.services.imports.spreadsheet.layout import SourceRow

Outcome = Literal["create", "update", "unchanged", "rejected"]
Choice = Literal["keep", "take", "skip"]
OUTCOMES: tuple[Outcome, ...] = ("create", "update", "unchanged", "rejected")
CHOICES: tuple[Choice, ...] = ("keep", "take", "skip")

# An IRO created by an import has no FTE yet: the spreadsheet does not say, and an FTE is never
# invented. 0.0 is "FTE not set" (the IRO list refuses 0 from a person, so it cannot be typed);
# per-FTE figures count such an IRO as no FTE at all and the IROs page asks for it.
FTE_NOT_SET = 0.0


@dataclass(frozen=True)
class ImportSource:
    """The file imported: its name, SHA-256 checksum and the sheet read."""

    name: str
    sha256: str
    sheet: str


@dataclass(frozen=True)
class RowProblem:
    """Why a row cannot be imported: the sheet, the sheet's own row number, the column header
    as written, the value and what to do about it."""

    sheet: str
    row: int
    column: str
    value: str
    message: str


# What a conflict is about (the words are made at the edge, text/spreadsheet_report.py):
# "differs"     the child's record holds a different value (name, sex, IRO, date of birth);
# "episode"     the episode open ``on`` the row's date (it began ``record_date``) has a different
#               legal status or placement;
# "care_start"  no period of care in the tracker begins on the sheet's date care began;
# "plan"        the tracker holds a different plan agreed on ``record_date``.
ConflictKind = Literal["differs", "episode", "care_start", "plan"]
# Why the sheet's value cannot be taken ("" when it can):
# "care_start"     the tracker's episodes set when care began;
# "no_date"        the row gives no date on which to record a change of legal status;
# "episode_start"  the change would fall on the day the episode began (two episodes that day);
# "closed_episode" the episode open that day has ended: later history follows it.
Refusal = Literal["", "care_start", "no_date", "episode_start", "closed_episode"]


@dataclass(frozen=True)
class Conflict:
    """Where the sheet disagrees with what the tracker holds; the user keeps the tracker's value,
    takes the sheet's or skips the row. The facts only: the field, both values, what kind of
    disagreement, the date the sheet's value is about (``on``, None: now) and the date of the
    tracker's record it concerns (``record_date``: the episode's start, the plan's agreement).
    ``refusal`` says why the sheet's value cannot be taken ("" when it can)."""

    key: str  # "<row>:<field>", the same in the preview and at commit
    row: int
    child_id: str
    field: str
    tracker_value: str
    sheet_value: str
    kind: ConflictKind
    on: date | None = None
    record_date: date | None = None
    refusal: Refusal = ""

    @property
    def takeable(self) -> bool:
        return not self.refusal


@dataclass(frozen=True)
class NameMatch:
    """A row matched to a child in the tracker by name and date of birth only: written to that
    child only when the user confirms it is the same child."""

    row: int
    sheet_child_id: str  # "" when the row gives none
    child_id: str  # the tracker's child
    name: str
    dob: date


@dataclass(frozen=True)
class RowOutcome:
    row: int
    child_id: str
    outcome: Outcome
    changes: tuple[str, ...]  # field names written ("reviews", "plan" ...), none when unchanged


@dataclass(frozen=True)
class RowFacts:
    """What one row says, read and checked (blank: not given)."""

    row: int
    child_id: str = ""
    forename: str = ""
    surname: str = ""
    dob: date | None = None
    sex: str = ""
    legal_status: str = ""
    looked_after_from: date | None = None
    placement: str = ""
    reviews: tuple[date, ...] = ()
    plan_type: str = ""
    parallel_plan: str = ""
    plan_agreed: date | None = None
    iro: str = ""
    social_worker: str = ""
    team: str = ""
    monitoring_outcome: str = ""
    panel_date: date | None = None
    comments: str = ""


@dataclass(frozen=True)
class Preview:
    sheet: str
    headers: tuple[str, ...]
    source_rows: tuple[SourceRow, ...]
    facts: tuple[RowFacts, ...]  # the rows read without problems, what commit writes from
    outcomes: tuple[RowOutcome, ...]  # one per source row, in sheet order
    problems: tuple[RowProblem, ...]
    conflicts: tuple[Conflict, ...]
    needs_confirmation: tuple[NameMatch, ...]
    new_iros: tuple[str, ...]  # IROs the import would create (FTE not set)
    dropped: tuple[tuple[int, str], ...] = ()  # rows the layout left out (totals, notes)
    columns: Mapping[str, str] = field(default_factory=dict)  # field -> its column's header

    @property
    def totals(self) -> dict[str, int]:
        """Rows per outcome, every outcome present."""
        counted = Counter(o.outcome for o in self.outcomes)
        return {outcome: counted.get(outcome, 0) for outcome in OUTCOMES}

    @property
    def rejected_rows(self) -> tuple[int, ...]:
        return tuple(sorted({p.row for p in self.problems}))


@dataclass(frozen=True)
class Decisions:
    """The user's answers: per conflict key, or one for every conflict (``all``); and the rows
    whose name + date-of-birth match is confirmed. An undecided conflict refuses the commit;
    ``all="take"`` keeps the tracker's value where the sheet's cannot replace it (``takeable``
    False), and an unconfirmed match's row is skipped."""

    by_key: Mapping[str, Choice] = field(default_factory=dict)
    all: Choice | None = None
    confirmed: frozenset[int] = frozenset()

    def choice(self, key: str) -> Choice | None:
        return self.by_key.get(key, self.all)


@dataclass(frozen=True)
class ImportSummary:
    """What the commit did. ``audit_id`` is None when nothing changed (no import entry is then
    written: re-importing the same file leaves the tracker and its trail as they were)."""

    counts: Mapping[str, int]  # create, update, unchanged, rejected, skipped
    children_changed: tuple[str, ...]
    new_iros: tuple[str, ...]
    audit_id: int | None
    rejected: tuple[RowProblem, ...] = ()  # rows left out with skip_invalid
    skipped_rows: tuple[int, ...] = ()  # skipped by a decision or an unconfirmed match

    @property
    def changed(self) -> bool:
        return self.audit_id is not None

    @property
    def fte_reminder(self) -> bool:
        """Whether to remind the user to set the FTE of the IROs the import created."""
        return bool(self.new_iros)
