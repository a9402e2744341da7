"""The argument types every command shares: a YYYY-MM-DD date, a whole number of 1 or more,
a panel or agenda-item ID and a 903 collection year.

Each is an ``argparse`` ``type=``: it returns the parsed value or raises
``ArgumentTypeError``, which argparse prints as ``PROG: error: argument --x: <message>`` and
exits with status 2. One parser per kind, so every command refuses a bad value in the same words.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from datetime import date


def iso_date(text: str) -> date:
    """``2026-03-31`` -> ``date(2026, 3, 31)``."""
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a date: use YYYY-MM-DD, for example 2026-03-31"
        ) from None


def positive(text: str) -> int:
    """A whole number of 1 or more (``demo --children``)."""
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number of 1 or more")
    return value


def record_id(what: str, listed_by: str) -> Callable[[str], int]:
    """The type of the ID of a ``what`` ("panel", "item") that the command ``listed_by``
    shows: digits only, so ``-1`` is refused here rather than looked up."""

    def parse(text: str) -> int:
        if not (text.isascii() and text.isdigit()):
            raise argparse.ArgumentTypeError(f"{text!r} is not {_article(what)} {what} ID: use "
                                             f"the number that '{listed_by}' shows")
        return int(text)

    return parse


def _article(word: str) -> str:
    return "an" if word[:1] in "aeiou" else "a"


panel_id = record_id("panel", "panel list")
item_id = record_id("item", "panel list --panel PANEL_ID")


def collection_year(text: str) -> int:
    """The 903 collection year named by the year it ends: ``2026`` for 2025-26."""
    if not (text.isascii() and text.isdigit() and len(text) == 4):
        raise argparse.ArgumentTypeError(f"{text!r} is not a year: give the year the return "
                                         "ends, e.g. 2026 for 2025-26")
    return int(text)
