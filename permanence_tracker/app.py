"""Composition root: the only place that builds the engine and wires services to front ends."""

from __future__ import annotations

import getpass
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Protocol

import platformdirs

from permanence_tracker.persistence import engine as engines
from permanence_tracker.persistence.uow import uow_factory
from permanence_tracker.services.unit_of_work import UowFactory

APP_NAME = "permanence-tracker"


def data_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def current_user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no passwd entry (containers)
        return "unknown"


def _now() -> datetime:
    return datetime.now().astimezone()


class Disposable(Protocol):
    """The database connection pool, as far as a front end may touch it: closing it on exit."""

    def dispose(self) -> None: ...


@dataclass
class Context:
    """What a front end needs: where the data is and the door to it.

    ``uow`` is the only way in: front ends pass it to service functions, which open units of
    work with it; they never call it themselves (``tests/architecture/test_door.py``).
    """

    url: str
    user: str
    engine: Disposable  # a SQLAlchemy Engine; typed by what a front end may do with it
    uow: UowFactory
    backup: Path | None = None

    def dispose(self) -> None:
        self.engine.dispose()


def open_context(url: str | None = None, user: str | None = None) -> Context:
    resolved = engines.resolve_url(url, data_dir())
    engine = engines.create(resolved)
    backup = engines.migrate(engine, _now())
    who = user or current_user()
    return Context(resolved, who, engine, uow_factory(engine, who, _now), backup)


def default_url() -> str:
    """The SQLite file used when no database is named (the welcome screen's first choice)."""
    return engines.default_url(data_dir())


def env_database() -> str | None:
    import os

    return os.environ.get(engines.ENV_VAR) or None


def database_exists(url: str | None = None) -> bool:
    """Whether the resolved database is a SQLite file that exists (servers always 'exist')."""
    resolved = engines.resolve_url(url, data_dir())
    if not resolved.startswith("sqlite"):
        return True
    path = resolved.split("///", 1)[-1]
    return Path(path).exists()
