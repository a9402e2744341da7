"""A file that belongs to a transaction: written beside its target inside the unit of work and
put in place only after the commit, so it exists exactly when the records it describes do.

The imports' rejects CSVs use it: an import that fails or is cancelled leaves no rejects file,
and a rejects file that cannot be written (an ``OSError`` inside the unit of work) rolls the
import back.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path


class PendingFile:
    """Use as ``with PendingFile(target) as pending:`` around the unit of work: call
    :meth:`write` inside it and :meth:`keep` after it has committed; leaving the ``with``
    without :meth:`keep` removes the written file."""

    def __init__(self, target: Path | None) -> None:
        self.target = target
        self._written: Path | None = None

    def write(self, writer: Callable[[Path], object]) -> None:
        """Write through ``writer(path)`` to a hidden file beside the target."""
        if self.target is None:
            return
        path = self.target.with_name(f".{self.target.name}.partial")
        self._written = path  # set first: a half-written file is removed too
        writer(path)

    def keep(self) -> None:
        """Put the written file in place (atomic on one file system)."""
        if self._written is not None and self.target is not None:
            os.replace(self._written, self.target)
            self._written = None

    def __enter__(self) -> PendingFile:
        return self

    def __exit__(self, *_exc: object) -> None:
        if self._written is not None:
            self._written.unlink(missing_ok=True)
            self._written = None
