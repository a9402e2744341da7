"""The authority's settings: listed as text, and changed one or several at a time.

Each setting of :class:`~permanence_tracker.domain.entities.Settings` that an administrator may
change has a kind, which says how its text is read (the same text :func:`list_settings` shows):

- ``text``: one line, not empty (the authority's name, the protective marking);
- ``code``: the authority's ONS code, as the 903's PL_LA holds it (E09000027);
- ``dates``: closure days, dd/mm/yyyy or yyyy-mm-dd, separated by commas (may be empty);
- ``number``: a whole number of 1 or more (the caseload band's ends, the drift thresholds);
- ``list``: items separated by ``;`` or new lines, at least one, no repeats.

:func:`set_settings` reads every value given, then checks them together with the settings in
force (the caseload band's low end must stay below its high end) in one unit of work: all are
stored or, with a :class:`ValidationError` naming each setting and how to fix it, none.
The unit of work audits each changed setting with its old and new values. ``demo`` is not
listed: only the demo sets it. This module is the service both the ``settings`` command and
the Settings dialog use.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import Any

from permanence_tracker.domain.calendar import uk_date
from permanence_tracker.domain.entities import Settings
from permanence_tracker.domain.errors import Problem, ValidationError
from permanence_tracker.domain.panels import (
    ADOPTION_MATCH,
    MATCH_PERMANENT_FOSTERING,
    PLAN_PERMANENT_FOSTERING,
)
from permanence_tracker.services.authorization import requires
from permanence_tracker.services.unit_of_work import UowFactory

# English authorities with children's services: unitary (E06), metropolitan district (E08),
# London borough (E09) and county (E10) councils. E07 districts have no children's services.
_ONS_CODE = re.compile(r"E(06|08|09|10)\d{6}")
_LIST_SPLIT = re.compile(r"[;\n]")
_DATE_SPLIT = re.compile(r"[,;\n]")
_COUNTED_BUSINESS = (PLAN_PERMANENT_FOSTERING, MATCH_PERMANENT_FOSTERING, ADOPTION_MATCH)


@dataclass(frozen=True)
class SettingRow:
    name: str  # the Settings field, as ``settings set NAME`` takes it
    value: str  # as text, in the form set_setting reads back
    description: str
    kind: str  # text, code, dates, number or list (see the module docstring)


class _Refused(ValueError):
    """A value that cannot be read: the message says why and how to write it."""


def _text(text: str) -> str:
    value = text.strip()
    if not value:
        raise _Refused("cannot be empty: give the text, in quotes if it has spaces")
    if "\n" in value:
        raise _Refused("must be one line")
    return value


def _code(text: str) -> str:
    value = text.strip().upper()
    if not value or _ONS_CODE.fullmatch(value):  # blank: not set yet (the 903 check asks)
        return value
    if value.isdigit() and len(value) == 3:
        raise _Refused(f"{value} is a three-digit 903 authority code: give the authority's ONS "
                       "code instead, as the 903's PL_LA holds it (for example E09000027)")
    if re.fullmatch(r"E07\d{6}", value):
        raise _Refused(f"{value} is a district council's code, and districts have no children's "
                       "services: give your county's code (E10 and six digits)")
    raise _Refused(f"{text.strip()!r} is not an ONS authority code: use E06, E08, E09 or E10 "
                   "followed by six digits, for example E09000027")


def _date(text: str) -> date:
    for form in ("%d/%m/%Y", "%Y-%m-%d"):
        try:
            return datetime.strptime(text, form).date()
        except ValueError:
            continue
    raise _Refused(f"{text!r} is not a date: use dd/mm/yyyy or yyyy-mm-dd, for example "
                   "24/12/2026, separating the days with commas")


def _dates(text: str) -> tuple[date, ...]:
    parts = (p.strip() for p in _DATE_SPLIT.split(text))
    return tuple(sorted({_date(p) for p in parts if p}))


def _number(text: str) -> int:
    value = text.strip()
    if not (value.isascii() and value.isdigit()) or int(value) < 1:
        raise _Refused(f"{value!r} is not a whole number of 1 or more")
    return int(value)


def _items(longest: int) -> Callable[[str], tuple[str, ...]]:
    """A list's reader; ``longest`` is what the records' column holding an item can store."""

    def read(text: str) -> tuple[str, ...]:
        items = tuple(p.strip() for p in _LIST_SPLIT.split(text) if p.strip())
        if not items:
            raise _Refused("cannot be empty: give at least one item, separating items with ';'")
        seen: set[str] = set()
        for item in items:
            if item.casefold() in seen:
                raise _Refused(f"{item!r} is given twice: give each item once")
            seen.add(item.casefold())
            if len(item) > longest:
                raise _Refused(f"{item[:30]!r}... is {len(item)} characters long: an item may "
                               f"have at most {longest}")
        return items

    return read


def _business(text: str) -> tuple[str, ...]:
    items = _items(10_000)(text)
    missing = [b for b in _COUNTED_BUSINESS if b not in items]
    if missing:
        raise _Refused("the panel figures count " + ", ".join(repr(b) for b in missing)
                       + ": keep " + ("it" if len(missing) == 1 else "them") + " in the list")
    return items


@dataclass(frozen=True)
class _Spec:
    kind: str
    description: str
    read: Callable[[str], Any]


def _show(value: Any) -> str:
    if isinstance(value, tuple):
        if all(isinstance(v, date) for v in value):
            return ", ".join(uk_date(v) for v in value)
        return "; ".join(value)
    return str(value)


SPECS: dict[str, _Spec] = {
    "authority_name": _Spec("text", "the authority's name, heading every report", _text),
    "authority_code": _Spec("code", "the authority's ONS code (E09000027, say), which the "
                            "903 check's placement-location rules use", _code),
    "protective_marking": _Spec("text", "the protective marking on every printed or exported "
                                "page", _text),
    "closure_days": _Spec("dates", "days the authority is closed beyond England's bank "
                          "holidays (not working days)", _dates),
    "caseload_low": _Spec("number", "the IRO caseload band's low end, children per full-time "
                          "IRO (IRO Handbook: 50)", _number),
    "caseload_high": _Spec("number", "the IRO caseload band's high end, children per full-time "
                           "IRO (IRO Handbook: 70)", _number),
    "ico_weeks": _Spec("number", "drift: weeks of an interim care order before it is flagged "
                       "(Children Act 1989 s32(1)(a): 26)", _number),
    "a1_days": _Spec("number", "drift: adoption scorecard A1 threshold, days from care to "
                     "placement for adoption", _number),
    "a2_days": _Spec("number", "drift: adoption scorecard A2 threshold, days from placement "
                     "order to match", _number),
    "panel_types": _Spec("list", "the kinds of panel meeting", _items(10_000)),
    "panel_business": _Spec("list", "what a panel's agenda item may be about", _business),
    "monitoring_outcomes": _Spec("list", "the monitoring outcomes a child's record may hold",
                                 _items(120)),
    "plan_types": _Spec("list", "the permanence plans a child's plan may record", _items(60)),
    "backup_keep_days": _Spec("number", "days a SQLite tracker's automatic backups are kept "
                              "(the newest is always kept)", _number),
}


def setting_name(given: str) -> str:
    """A setting's name as listed, from the way it was typed (``Authority-Name``)."""
    return given.strip().replace("-", "_").lower()


@requires("settings.read")
def list_settings(uow_factory: UowFactory) -> tuple[SettingRow, ...]:
    """Every setting an administrator may change, with its value in force, in a fixed order."""
    with uow_factory() as uow:
        settings = uow.settings()
    return tuple(SettingRow(name, _show(getattr(settings, name)), spec.description, spec.kind)
                 for name, spec in SPECS.items())


@requires("settings.edit")
def set_setting(uow_factory: UowFactory, name: str, text_value: str) -> Settings:
    """Change one setting from its text (see :func:`set_settings`)."""
    return set_settings(uow_factory, {name: text_value})


@requires("settings.edit")
def set_settings(uow_factory: UowFactory, changes: Mapping[str, str]) -> Settings:
    """Read and check every ``name: text`` given, then store them all in one audited unit of
    work and return the settings now in force; or store none and raise ValidationError."""
    problems: list[Problem] = []
    values: dict[str, Any] = {}
    for given, text in changes.items():
        name = setting_name(given)
        spec = SPECS.get(name)
        if spec is None:
            problems.append(Problem("", f"there is no setting called {given!r}: the settings "
                                        f"are {', '.join(SPECS)}"))
            continue
        try:
            values[name] = spec.read(text)
        except _Refused as refused:
            problems.append(Problem(name, str(refused)))
    if problems:
        raise ValidationError(problems)
    with uow_factory() as uow:
        settings = replace(uow.settings(), **values)
        if settings.caseload_low >= settings.caseload_high:
            which = "caseload_low" if "caseload_low" in values else "caseload_high"
            raise ValidationError([Problem(which, (
                f"the band's low end ({settings.caseload_low}) must be below its high end "
                f"({settings.caseload_high}): to move the band up, set caseload_high first; "
                "down, set caseload_low first; or set both together"))])
        uow.save_settings(settings)
    return settings
