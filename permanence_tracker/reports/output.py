"""Writing a finished report to disk, whole or not at all (CLI and desktop app alike)."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def write_pdf(path: Path, data: bytes) -> None:
    """Write ``data`` to a temporary file beside ``path``, then rename it over ``path``: a
    failure (disk full, cancelled) leaves any earlier file as it was and no partial file."""
    folder = path.parent if str(path.parent) else Path(".")
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=folder)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
