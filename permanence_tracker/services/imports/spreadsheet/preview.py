"""The preview: every row read and checked, then compared with the tracker; nothing written.

Each mapped cell is read by :mod:`.values`. A date column's order is decided once for the
whole column (:func:`.values.column_date_order`): a US-order (month first) or mixed column is a
problem on every filled cell of it, never guessed. A row without a child ID and without a name
and date of birth is rejected, as is every row of a child ID the sheet gives more than once.
The tracker is read once (:func:`.compare.read_tracker`) and each row matched and compared
(:func:`.compare.compare`): create, update, unchanged or rejected, with the conflicts.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Mapping
from datetime import date
from typing import Any

from permanence_tracker.domain import limits
from permanence_tracker.domain.codes import canonical_sex
from permanence_tracker.domain.entities import Settings
from permanence_tracker.services.authorization import requires
from permanence_tracker.services.imports.spreadsheet import values
from permanence_tracker.services.imports.spreadsheet.compare import compare, read_tracker
from permanence_tracker.services.imports.spreadsheet.fields import FIELDS
from permanence_tracker.services.imports.spreadsheet.layout import SourceRow, Table
from permanence_tracker.services.imports.spreadsheet.model import (
    Decisions,
    Preview,
    RowFacts,
    RowOutcome,
    RowProblem,
)
from permanence_tracker.services.progress import Progress, silent
from permanence_tracker.services.unit_of_work import UowFactory

STEPS = 3
_REPORT_EVERY = 1000
_SEVERAL_DATES = re.compile(r"\s*(?:[;,\n]|\band\b|&)\s*")
_SEX_WORDS = {"male": "M", "boy": "M", "female": "F", "girl": "F", "unknown": "U",
              "not known": "U"}
# The longest value each text field may hold: the database's own columns (domain/limits.py),
# so that a cell too long for the tracker is a problem of its row in the preview, never a
# failure of the whole import at commit.
LIMITS: dict[str, int] = {
    "child_id": limits.CHILD_ID, "forename": limits.NAME, "surname": limits.NAME,
    "social_worker": limits.NAME, "team": limits.NAME, "iro": limits.NAME,
    "plan_type": limits.PLAN_TYPE, "parallel_plan": limits.PLAN_TYPE,
    "monitoring_outcome": limits.OUTCOME}
_SHOWN = 40  # characters of an over-long value shown in its problem
US_ORDER = ("dates in this column are written month first (US order, mm/dd/yyyy), so none "
            "is read rather than guessed: write them day first as dd/mm/yyyy and import again")


@requires("import")
def preview_import(uow_factory: UowFactory, table: Table, mapping: Mapping[int, str],
                   today: date, *, progress: Progress = silent) -> Preview:
    """What importing ``table`` with ``mapping`` (column index -> field name) would do."""
    progress(0, STEPS, "Reading the tracker")
    with uow_factory() as uow:
        tracker = read_tracker(uow)
    progress(1, STEPS, "Reading every row")
    facts, problems = read_rows(table, mapping, tracker.settings, tracker.iro_names, today,
                                progress)
    progress(2, STEPS, "Comparing with the tracker")
    columns = {name: table.headers[i] for i, name in mapping.items()}
    rejected = {p.row for p in problems}
    result = compare([f for f in facts if f.row not in rejected], tracker, today, Decisions(),
                     table.sheet, columns)
    problems += result.problems
    rejected |= {p.row for p in result.problems}
    outcomes = {o.row: o for o in result.outcomes}
    rows = tuple(outcomes.get(r.number) if r.number not in rejected and r.number in outcomes
                 else RowOutcome(r.number, _row_child_id(r, mapping), "rejected", ())
                 for r in table.rows)
    progress(STEPS, STEPS, "Preview ready")
    return Preview(
        sheet=table.sheet, headers=table.headers, source_rows=table.rows,
        facts=tuple(f for f in facts if f.row not in rejected),
        outcomes=tuple(o for o in rows if o is not None),
        problems=tuple(sorted(problems, key=lambda p: p.row)),
        conflicts=tuple(c for c in result.conflicts if c.row not in rejected),
        needs_confirmation=tuple(m for m in result.matches if m.row not in rejected),
        new_iros=result.new_iros, dropped=table.dropped, columns=columns)


def _row_child_id(row: SourceRow, mapping: Mapping[int, str]) -> str:
    index = next((i for i, name in mapping.items() if name == "child_id"), None)
    return _text(row.cells[index]) if index is not None and index < len(row.cells) else ""


def _text(value: object) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return "" if value is None else re.sub(r"\s+", " ", str(value)).strip()


def _blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _date_values(value: object, kind: str) -> list[object]:
    """A date cell's values; a "dates" cell may hold several ("03/03/2025, 02/06/2025")."""
    if kind == "dates" and isinstance(value, str):
        return [part for part in _SEVERAL_DATES.split(value.strip()) if part]
    return [value]


def _column_orders(table: Table, mapping: Mapping[int, str]) -> dict[int, str]:
    """Each date column's order ("dmy"), or the problem message that rejects its cells."""
    orders: dict[int, str] = {}
    for index, name in mapping.items():
        kind = FIELDS[name].kind
        if kind not in ("date", "dates"):
            continue
        cells = [v for row in table.rows for v in _date_values(row.cells[index], kind)]
        try:
            order = values.column_date_order(cells)
        except values.ValueProblem as problem:
            orders[index] = str(problem)
            continue
        orders[index] = order if order == "dmy" else US_ORDER
    return orders


def read_rows(table: Table, mapping: Mapping[int, str], settings: Settings,
              iro_names: list[str], today: date, progress: Progress = silent
              ) -> tuple[list[RowFacts], list[RowProblem]]:
    """Every row's facts and every problem found in the sheet alone (not yet the tracker)."""
    orders = _column_orders(table, mapping)
    known_iros = list(iro_names)
    facts: list[RowFacts] = []
    problems: list[RowProblem] = []
    total = len(table.rows)
    for done, row in enumerate(table.rows):
        if done % _REPORT_EVERY == 0:
            progress(1, 3, f"Reading every row ({done:,} of {total:,})")
        found, row_problems = _read_row(table, row, mapping, orders, settings, known_iros,
                                        today)
        if found.iro and found.iro not in known_iros:
            known_iros.append(found.iro)  # "J. Smith" further down then means this new IRO
        facts.append(found)
        problems += row_problems
    problems += _duplicates(table, facts, mapping)
    return facts, problems


def _duplicates(table: Table, facts: list[RowFacts], mapping: Mapping[int, str]
                ) -> list[RowProblem]:
    rows: dict[str, list[int]] = defaultdict(list)
    for f in facts:
        if f.child_id:
            rows[f.child_id].append(f.row)
    column = next((table.headers[i] for i, n in mapping.items() if n == "child_id"), "Child ID")
    problems = []
    for child_id, numbers in rows.items():
        for number in numbers if len(numbers) > 1 else ():
            others = ", ".join(str(n) for n in numbers if n != number)
            problems.append(RowProblem(table.sheet, number, column, child_id,
                                       f"child ID {child_id} is also on row {others}: keep one "
                                       "row per child (merge them) and import again"))
    return problems


def _read_row(table: Table, row: SourceRow, mapping: Mapping[int, str],
              orders: dict[int, str], settings: Settings, known_iros: list[str], today: date
              ) -> tuple[RowFacts, list[RowProblem]]:
    got: dict[str, Any] = {"reviews": []}
    problems: list[RowProblem] = []

    def problem(index: int, value: object, message: str) -> None:
        problems.append(RowProblem(table.sheet, row.number, table.headers[index],
                                   _shortened(value), message))

    for index, name in sorted(mapping.items()):
        value = row.cells[index] if index < len(row.cells) else None
        if _blank(value):
            continue
        order = orders.get(index, "dmy")
        if order not in ("dmy", "mdy"):
            problem(index, value, order)
            continue
        try:
            _read_cell(got, name, value, order, settings, known_iros, today)
            _check_length(got, name)
        except (values.ValueProblem, ValueError) as error:
            problem(index, value, str(error))
    columns = {name: table.headers[i] for i, name in mapping.items()}
    facts = _facts(row.number, got)
    for column_field, value, message in _row_rules(facts, got):
        problems.append(RowProblem(table.sheet, row.number,
                                   columns.get(column_field, column_field), value, message))
    return facts, problems


def _check_length(got: dict[str, Any], name: str) -> None:
    """Refuse (and forget) a value longer than its column holds (:data:`LIMITS`)."""
    parts = zip(("forename", "surname"), got[name], strict=True) if name == "name" else (
        [(name, got[name])] if name in LIMITS else [])
    for part, text in parts:
        if isinstance(text, str) and len(text) > LIMITS[part]:
            del got[name]
            raise values.ValueProblem(f"is {len(text)} characters long: at most "
                                      f"{LIMITS[part]} — shorten it")


def _shortened(value: object) -> str:
    text = _text(value)
    return text if len(text) <= _SHOWN else text[:_SHOWN - 1] + "…"


def _split_name(text: str) -> tuple[str, str]:
    """"Surname, Forename" or "Forename Surname" (the last word the surname)."""
    if "," in text:
        surname, _, forename = text.partition(",")
        return forename.strip(), surname.strip()
    forename, _, surname = text.rpartition(" ")
    return (forename, surname) if forename else ("", surname)


def _sex(value: object) -> str:
    text = _text(value).lower()
    return _SEX_WORDS.get(text) or canonical_sex(text)


def _read_cell(got: dict[str, Any], name: str, value: object, order: str, settings: Settings,
               known_iros: list[str], today: date) -> None:
    kind = FIELDS[name].kind
    if name.startswith("review_") or name == "reviews":
        for part in _date_values(value, kind):
            held = values.parse_date(part, order)
            if held > today:
                raise values.ValueProblem(f"the review date {_text(part)} is after today: "
                                          "import only reviews held")
            got["reviews"].append(held)
    elif kind == "date":
        got[name] = values.parse_date(value, order)
    elif name == "name":
        got["name"] = _split_name(_text(value))
    elif kind == "sex":
        got[name] = _sex(value)
    elif kind == "legal_status":
        got[name] = values.legal_status(value)
    elif kind == "yes_no":
        got[name] = values.yes_no(value)
    elif kind == "plan_type":
        got[name] = values.plan_type(value, settings.plan_types)
    elif kind == "iro":
        got[name] = values.match_iro(value, known_iros)
    elif name == "monitoring_outcome":
        got[name] = _outcome(value, settings)
    elif name == "placement":
        got[name] = _placement(value)
    else:
        got[name] = _text(value)


def _outcome(value: object, settings: Settings) -> str:
    text = _text(value)
    for known in settings.monitoring_outcomes:
        if known.casefold() == text.casefold():
            return known
    raise values.ValueProblem(f"{text!r} is not one of this tracker's monitoring outcomes: "
                              f"write one of {'; '.join(settings.monitoring_outcomes)} (or add "
                              "it to the list in Settings first)")


def _placement(value: object) -> str:
    from permanence_tracker.services import reference

    code = _text(value).upper()
    if code not in reference.codes("PLACE"):
        raise values.ValueProblem(f"{_text(value)!r} is not a 903 placement code: write the "
                                  "code (U4, K2, R1 ...) or leave the cell blank")
    return code


def _facts(number: int, got: dict[str, Any]) -> RowFacts:
    forename, surname = got.get("name", ("", ""))
    return RowFacts(
        row=number, child_id=got.get("child_id", ""),
        forename=got.get("forename") or forename, surname=got.get("surname") or surname,
        dob=got.get("dob"), sex=got.get("sex", ""), legal_status=got.get("legal_status", ""),
        looked_after_from=got.get("looked_after_from"), placement=got.get("placement", ""),
        reviews=tuple(sorted(set(got["reviews"]))), plan_type=got.get("plan_type", ""),
        parallel_plan=got.get("parallel_plan", ""), plan_agreed=got.get("plan_agreed"),
        iro=got.get("iro", ""), social_worker=got.get("social_worker", ""),
        team=got.get("team", ""), monitoring_outcome=got.get("monitoring_outcome", ""),
        panel_date=got.get("panel_date"), comments=got.get("comments", ""))


def _row_rules(f: RowFacts, got: dict[str, Any]) -> list[tuple[str, str, str]]:
    """Problems of the row as a whole: (field whose column is named, value, message)."""
    found: list[tuple[str, str, str]] = []
    if not f.child_id and not ((f.forename or f.surname) and f.dob):
        found.append(("child_id", "", "has no child ID, and no name and date of birth to "
                      "match a child by: add the child ID"))
    if f.plan_type and f.plan_agreed is None:
        found.append(("plan_agreed", "", f"gives the plan {f.plan_type!r} but not the date it "
                      "was agreed: add the date, or the plan cannot be recorded"))
    elif f.plan_agreed is not None and not f.plan_type:
        found.append(("plan_type", "", "gives the date a plan was agreed but not the plan "
                      "type: add it, or the plan cannot be recorded"))
    elif got.get("plan_yes_no") and not f.plan_type and f.plan_agreed is None:
        found.append(("plan_yes_no", "Y", "says a plan is in place but gives no plan type or "
                      "date: add them, or the plan cannot be recorded"))
    if f.parallel_plan and not f.plan_type:
        found.append(("parallel_plan", f.parallel_plan, "gives a parallel plan but no primary "
                      "plan type: add the primary plan"))
    if f.dob and f.looked_after_from and f.looked_after_from < f.dob:
        found.append(("looked_after_from", "", "the date care began is before the date of "
                      "birth: correct one of them"))
    return found
