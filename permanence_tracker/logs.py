"""The app's log: what an administrator needs to diagnose a problem, and no personal data.

:func:`configure` (called by the app's start-up, ``gui/main.py``, and the command line,
``cli/entry.py``) writes a rotating log (1 MB x 5 files) in the platform's user log folder, or
in ``$PERMANENCE_TRACKER_LOG_DIR``. The folder is its owner's only (0700), every file 0600.

What is logged: start and stop, the tracker opened (as :func:`app.shown_url` shows it, never a
password or passphrase), migrations, backups made, pruned and restored, imports and exports as
counts, and errors as their type and traceback frames. Never a name, a date of birth, a note,
a passphrase or a row's values. An exception's message may quote a value (a ValidationError
repeats what was typed; a database error lists the statement's parameters), so the formatter
here writes every traceback without the message: :meth:`_PrivateFormatter.formatException`.
The test suite writes this log for its whole run and fails when a synthetic name or note
appears in it (``tests/log_scan.py``).

SQLAlchemy's loggers are held at WARNING (whatever the root logger's level): at INFO they
would write every statement's parameters, which are row values.
"""

from __future__ import annotations

import logging
import os
import traceback
from logging.handlers import RotatingFileHandler
from pathlib import Path
from types import TracebackType

import platformdirs

ENV_VAR = "PERMANENCE_TRACKER_LOG_DIR"
FILE_NAME = "permanence-tracker.log"
MAX_BYTES = 1_000_000
BACKUPS = 5
_FORMAT = "%(asctime)s %(process)d %(levelname)s %(name)s: %(message)s"
# Held at WARNING: SQLAlchemy would write statements' parameters (row values) below it, and
# Alembic two lines on every opening (the migrations are logged by persistence/engine.py).
QUIET = ("sqlalchemy", "alembic")


def folder() -> Path:
    """Where the log goes: ``$PERMANENCE_TRACKER_LOG_DIR``, else the user log folder."""
    named = os.environ.get(ENV_VAR)
    return Path(named) if named else Path(platformdirs.user_log_dir("permanence-tracker",
                                                                    appauthor=False))


class _PrivateFormatter(logging.Formatter):
    """Tracebacks as the exception's type and frames, never its message (which may quote a
    child's name or a row's values) nor the frames' source lines."""

    def formatException(self, ei) -> str:  # noqa: N802 - logging's name
        kind, exc, tb = ei
        return "".join(_frames(kind, exc, tb)).rstrip("\n")


def _frames(kind: type[BaseException] | None, exc: BaseException | None,
            tb: TracebackType | None) -> list[str]:
    """The traceback's frames (file, line, function) and each exception's type, causes first,
    without messages or source lines."""
    lines: list[str] = []
    if exc is not None and exc.__cause__ is not None:
        cause = exc.__cause__
        lines += _frames(type(cause), cause, cause.__traceback__)
        lines.append("The above exception was the direct cause of the following:\n")
    lines.append("Traceback (most recent call last):\n")
    # where, not what: a frame's source line may quote a literal (a test's made-up name)
    lines += [f'  File "{frame.filename}", line {frame.lineno}, in {frame.name}\n'
              for frame in traceback.extract_tb(tb)]
    name = f"{kind.__module__}.{kind.__qualname__}" if kind is not None else "None"
    lines.append(f"{name} (message not logged: it may hold personal data)\n")
    return lines


class _PrivateFileHandler(RotatingFileHandler):
    """A rotating file handler whose files are created 0600, the first and every rotated one
    (the standard handler's follow the umask, often 0644)."""

    def _open(self):  # logging's own signature
        descriptor = os.open(self.baseFilename, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        os.chmod(self.baseFilename, 0o600)  # a file made before, by another handler or umask
        return os.fdopen(descriptor, self.mode.replace("w", "a"), encoding=self.encoding,
                         errors=self.errors)


def configure(where: Path | None = None, level: int = logging.INFO) -> Path:
    """Send the root logger's records at ``level`` and above to the log file in ``where``
    (default :func:`folder`); returns the file. Calling it again for the same file changes
    nothing (the command line runs in the app's process, and tests run both)."""
    path = (where or folder()).absolute() / FILE_NAME
    root = logging.getLogger()
    for name in QUIET:
        logging.getLogger(name).setLevel(logging.WARNING)
    if any(isinstance(h, _PrivateFileHandler) and Path(h.baseFilename) == path
           for h in root.handlers):
        return path
    _private_folder(path.parent)
    handler = _PrivateFileHandler(path, maxBytes=MAX_BYTES, backupCount=BACKUPS,
                                  encoding="utf-8")
    handler.setFormatter(_PrivateFormatter(_FORMAT))
    handler.setLevel(level)
    root.addHandler(handler)
    if root.level == logging.NOTSET or root.level > level:
        root.setLevel(level)
    return path


def _private_folder(path: Path) -> None:
    """Make ``path`` (and any missing parent) readable by its owner only, whatever the umask."""
    missing = [p for p in (path, *path.parents) if not p.exists()]
    for made in reversed(missing):
        made.mkdir(mode=0o700, exist_ok=True)
        os.chmod(made, 0o700)
    os.chmod(path, 0o700)


def log_files(path: Path) -> list[Path]:
    """The log file and its rotated copies (``.1`` ... ``.5``) that exist, oldest first."""
    rotated = [Path(f"{path}.{n}") for n in range(BACKUPS, 0, -1)]
    return [p for p in [*rotated, path] if p.exists()]
