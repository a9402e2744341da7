"""Words for counts: the one place that says "1 page" / "2 pages" and "today" / "in 3 days".

Used by the front ends and by rules' explanations, so it lives in domain/ (pure text, no clock).
"""
from __future__ import annotations


def plural(count: int, one: str, many: str | None = None) -> str:
    """``count`` and its noun: plural(1, "page") -> "1 page", plural(2, "page") -> "2 pages".

    Give ``many`` when the plural is not ``one + "s"`` (plural(2, "child", "children")).
    Thousands are separated with commas, as elsewhere in the app.
    """
    noun = one if count == 1 else (many if many is not None else one + "s")
    return f"{count:,} {noun}"


def days_phrase(days: int) -> str:
    """When something falls, from the days left (negative when past).

    "today", "in 1 day", "in 3 days", "1 day overdue", "2 days overdue".
    """
    if days == 0:
        return "today"
    if days > 0:
        return f"in {plural(days, 'day')}"
    return f"{plural(-days, 'day')} overdue"
