"""Cohort filters: which children a view shows. Pure, so the GUI proxy and reports agree.

A saved cohort is a named :class:`CohortFilter` (for example "in proceedings since Jan 2024",
"aged 0-14", "in foster care"), stored as JSON in the database settings.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field, fields, replace
from datetime import date

from permanence_tracker.services.permanence.rows import ChildRow

FOSTER_CARE = frozenset({"U1", "U2", "U3", "U4", "U5", "U6"})
LOOKED_AFTER_NOW, LEFT_CARE, EVERYONE = "now", "left", "all"


@dataclass(frozen=True)
class CohortFilter:
    text: str = ""  # matches child ID or name, case-insensitive
    status: str = LOOKED_AFTER_NOW
    legal_statuses: frozenset[str] = field(default_factory=frozenset)
    iros: frozenset[str] = field(default_factory=frozenset)
    localities: frozenset[str] = field(default_factory=frozenset)
    areas: frozenset[str] = field(default_factory=frozenset)
    placements: frozenset[str] = field(default_factory=frozenset)
    plan_statuses: frozenset[str] = field(default_factory=frozenset)
    overdue_only: bool = False
    flagged_only: bool = False
    age_min: int | None = None
    age_max: int | None = None
    care_started_from: date | None = None

    def with_text(self, text: str) -> CohortFilter:
        return replace(self, text=text)

    def matches(self, row: ChildRow) -> bool:
        if self.status == LOOKED_AFTER_NOW and not row.looked_after:
            return False
        # Left care: a period of care ended. Between short breaks is not leaving care (issue 8
        # §2.1: short breaks ending never count), so those rows have no left_care date.
        if self.status == LEFT_CARE and (row.looked_after or row.left_care is None):
            return False
        if self.text:
            needle = self.text.casefold()
            if needle not in row.child_id.casefold() and needle not in row.name.casefold():
                return False
        for wanted, value in (
            (self.legal_statuses, row.legal_status), (self.iros, row.iro),
            (self.localities, row.locality), (self.areas, row.area),
            (self.placements, row.placement),
        ):
            if wanted and value not in wanted:
                return False
        # A plan status, or "plan agreed late" / "still no plan" (rows.PLAN_AGREED_LATE ...).
        if self.plan_statuses and not self.plan_statuses & row.plan_tags:
            return False
        if self.overdue_only and not row.overdue:
            return False
        if self.flagged_only and not row.flags:  # a plan agreed late is no flag (issue 10)
            return False
        if self.age_min is not None and row.age < self.age_min:
            return False
        if self.age_max is not None and row.age > self.age_max:
            return False
        return not (self.care_started_from and (
            row.start_of_care is None or row.start_of_care < self.care_started_from))

    # -- persistence as JSON (saved cohorts) --------------------------------------------
    def to_json(self) -> str:
        data = asdict(self)
        for key, value in data.items():
            if isinstance(value, frozenset):
                data[key] = sorted(value)
            elif isinstance(value, date):
                data[key] = value.isoformat()
        return json.dumps(data, sort_keys=True)

    @classmethod
    def from_json(cls, text: str) -> CohortFilter:
        data = json.loads(text)
        known = {f.name: f for f in fields(cls)}
        values = {}
        for key, value in data.items():
            if key not in known:
                continue
            if isinstance(value, list):
                value = frozenset(value)
            elif key == "care_started_from" and value:
                value = date.fromisoformat(value)
            values[key] = value
        return cls(**values)


def default_cohorts() -> dict[str, CohortFilter]:
    """The seed authority's tracker cohorts, offered until the user saves their own."""
    return {
        "All looked after now": CohortFilter(),
        "Aged 0-14": CohortFilter(age_max=14),
        "In foster care": CohortFilter(placements=FOSTER_CARE),
        "Interim care order (in proceedings)": CohortFilter(legal_statuses=frozenset({"C1"})),
        "Section 20": CohortFilter(legal_statuses=frozenset({"V2"})),
        "Flagged": CohortFilter(flagged_only=True),
        "Left care": CohortFilter(status=LEFT_CARE),
    }
