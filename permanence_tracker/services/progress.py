"""How a long-running service says how far it has got, so a front end can show it."""

from __future__ import annotations

from collections.abc import Callable

Progress = Callable[[int, int, str], None]
"""``progress(done, total, text)``; ``total`` 0 means "not known yet". A GUI task's callback
raises to cancel the work (see ``gui.tasks``)."""


def silent(done: int, total: int, text: str) -> None:
    """The :data:`Progress` of a caller that does not show progress."""
