"""Composition root: the only place that builds the engine and wires services to front ends."""

from __future__ import annotations

import getpass
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import platformdirs

from permanence_tracker.persistence import engine as engines
from permanence_tracker.persistence.uow import uow_factory

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


@dataclass
class Context:
    """What a front end needs: where the data is and how to start a unit of work."""

    url: str
    user: str
    engine: object
    uow: object
    backup: Path | None = None

    def dispose(self) -> None:
        self.engine.dispose()


def open_context(url: str | None = None, user: str | None = None) -> Context:
    resolved = engines.resolve_url(url, data_dir())
    engine = engines.create(resolved)
    backup = engines.migrate(engine, _now())
    who = user or current_user()
    return Context(resolved, who, engine, uow_factory(engine, who, _now), backup)


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
