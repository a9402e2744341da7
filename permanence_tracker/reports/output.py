"""Writing a finished report to disk, whole or not at all (CLI and desktop app alike)."""

from __future__ import annotations

from pathlib import Path

from permanence_tracker.files import write_whole


def write_pdf(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` whole or not at all (``files.write_whole``): a failure (disk
    full, cancelled) leaves any earlier file as it was and no partial file."""
    write_whole(path, lambda out: out.write(data))
