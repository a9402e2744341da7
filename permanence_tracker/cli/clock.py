"""The command line's one clock: the local time and today's date when a command runs.

The domain never reads the clock and services take the day as an argument; the CLI is an edge,
so it reads the clock, here and nowhere else. Tests may monkeypatch :func:`now`.
"""

from __future__ import annotations

from datetime import date, datetime


def now() -> datetime:
    """The local time now, with its UTC offset (the report's "Generated" stamp)."""
    return datetime.now().astimezone()


def today() -> date:
    """Today's local date: the day a record is entered, the default as-of date."""
    return now().date()
