"""The one place that knows where bundled data lives: ``db/`` and ``resources/``.

In a wheel they are copied into ``permanence_tracker/_bundled/``; in a source checkout (or an
editable install) they sit at the top of the repository beside the package.
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def _locate(name: str) -> Path:
    for candidate in (_PACKAGE / "_bundled" / name, _PACKAGE.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"bundled folder {name!r} not found beside {_PACKAGE}")


def db_dir() -> Path:
    """The ``db/`` folder: Alembic migrations and versioned reference data."""
    return _locate("db")


def migrations_dir() -> Path:
    return db_dir() / "migrations"


def reference_dir() -> Path:
    return db_dir() / "reference"


def resources_dir() -> Path:
    return _locate("resources")
