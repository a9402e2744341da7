"""The result of checking the audit trail's hash chain (see ``persistence.audit``)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class AuditCheck:
    """How many entries were checked, and the first one that breaks the chain, if any.

    Each audit entry's hash covers its own fields and the previous entry's hash, so editing an
    entry, or removing one from the middle, breaks the chain at that point.
    """

    entries: int
    broken_at: int | None = None  # id of the first entry whose hash does not match
    reason: str = ""

    @property
    def intact(self) -> bool:
        return self.broken_at is None
