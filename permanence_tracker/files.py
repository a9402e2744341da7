"""Writing a file whole or not at all: the one way every file the product writes reaches disk
(reports, Excel exports, the audit export, the 903 export's CSV files, the imports' rejects
files, a report opened in the PDF viewer), and the folders the product makes for them.

The content goes to a temporary file beside the target (created 0600, so only the owner can
read it: these are children's records) and is renamed over the target only once complete: a
failure (disk full, a cancel, a crash) leaves any earlier file as it was and no partial file.
"""

from __future__ import annotations

import errno
import io
import logging
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO, TextIO


def owner_only_folder(folder: Path) -> Path:
    """Make ``folder`` (and any missing folder above it) for its owner only, 0700 whatever the
    umask. A folder that already exists is left as it is: it is the person's own (their
    Documents, say), and its mode is theirs to choose. Raises OSError (NotADirectoryError when
    a file is in the way)."""
    missing = []
    above = folder.absolute()
    while not above.exists() and above != above.parent:
        missing.append(above)
        above = above.parent
    for made in reversed(missing):
        made.mkdir(mode=0o700, exist_ok=True)
        os.chmod(made, 0o700)  # mkdir's mode is masked by the umask
    if not folder.is_dir():  # a file in the way
        raise NotADirectoryError(errno.ENOTDIR, "Not a directory", str(folder))
    return folder


def write_whole(path: Path, write: Callable[[BinaryIO], object]) -> None:
    """Write ``path`` through ``write(binary_file)``, whole or not at all. Raises OSError
    (FileNotFoundError "No such folder" when the folder is missing) and writes nothing."""
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise FileNotFoundError(errno.ENOENT, "No such folder")
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=folder)
    try:
        with os.fdopen(handle, "wb") as out:
            write(out)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    # its kind and size only: a file's name may carry a child's name (logs.py)
    logging.getLogger(__name__).info("wrote a %s file of %d bytes", path.suffix or "plain",
                                     path.stat().st_size)


def write_text_whole(path: Path, write: Callable[[TextIO], object],
                     encoding: str = "utf-8") -> None:
    """:func:`write_whole` for text (CSV: no newline translation, as the csv module wants)."""
    def binary(out: BinaryIO) -> None:
        text = io.TextIOWrapper(out, encoding=encoding, newline="")
        write(text)
        text.flush()
        text.detach()  # the binary file is closed by write_whole, not by the wrapper

    write_whole(path, binary)
