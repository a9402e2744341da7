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


VALIDATOR_ENV = "PERMANENCE_TRACKER_903_VALIDATOR"
VALIDATOR_PACKAGE = "csc-validator-be-903==0.1.17"  # the DfE 903 rules (pins pandas<2)


def _venv_python(venv: Path) -> Path:
    import os

    return venv / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


def validator_venv() -> Path:
    """Where ``permanence-tracker validator install`` puts the validator's own venv (wheels)."""
    import platformdirs

    return Path(platformdirs.user_data_dir("permanence-tracker", appauthor=False)) / "validator-903"


def validator_python() -> Path | None:
    """The python that has ``csc-validator-be-903`` (the DfE 903 rules) installed, or None.

    In order: ``$PERMANENCE_TRACKER_903_VALIDATOR``; ``.venv-903`` of a source checkout (made
    by scripts/run and scripts/test); the user data directory's ``validator-903`` venv. The
    first that exists wins. It is a separate venv because the validator pins pandas<2.
    """
    import os

    candidates = []
    if os.environ.get(VALIDATOR_ENV):
        candidates.append(Path(os.environ[VALIDATOR_ENV]).expanduser())
    candidates.append(_venv_python(_PACKAGE.parent / ".venv-903"))
    candidates.append(_venv_python(validator_venv()))
    for candidate in candidates:
        if candidate.is_file():
            return candidate
    return None
