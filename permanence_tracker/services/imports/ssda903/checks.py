"""Checks across rows and files, and the cascades that keep each child's records whole.

- One file may not give the same record twice (:data:`UNIQUE`): a child twice in a Header,
  UASC or PrevPerm file, two episodes of a child starting the same day, the same review,
  adoption decision, missing period or social worker allocation twice. Every such row is
  rejected, as the import cannot tell which is right; folding them (the rule for several
  returns, merge.py) would silently lose one. Rows of different files (say, two years'
  returns) are folded as before.
- A row about a child who is neither in a Header file of the import nor in the database is
  invalid; when the child's Header row was itself rejected the row is rejected with it.
- An episode may not start before the child's date of birth nor overlap another episode of
  the child, in the import or already stored (SSDA903 validation: episodes do not overlap);
  no period of care (RNE S) starts on or after the 18th birthday (DfE rule 352).
- A child's episodes go in together or not at all: importing some of them would break the
  chain of episodes that makes a period of care (SSDA903 guidance: RNE S starts a period,
  REC X1 continues it), and with it the review timetable (Care Planning Regs 2010 reg 33).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date

from permanence_tracker.domain.calendar import uk_date
from permanence_tracker.domain.entities import Episode
from permanence_tracker.domain.measures import eighteenth_birthday
from permanence_tracker.services.imports.ssda903.merge import Stored, fold
from permanence_tracker.services.imports.ssda903.model import Fact, Key, Rejection, SourceRow


def _where(row: SourceRow) -> str:
    return f"{row.file.name} row {row.number}"


@dataclass(frozen=True)
class Unique:
    """What one file may give only once: the columns of its key (a fact's key, or for
    SWEpisodes the child and SW_DECOM), the record in words and why it is one."""

    columns: tuple[str, ...]
    what: str  # with {child} and {on}: the key's date or code, in words
    why: str


UNIQUE: dict[str, Unique] = {
    "Header": Unique(("CHILD",), "child {child}",
                     "a return holds one Header row per child"),
    "UASC": Unique(("CHILD",), "child {child}", "a return holds one UASC row per child"),
    "PrevPerm": Unique(("CHILD",), "child {child}",
                       "a return holds one PrevPerm row per child"),
    # SSDA903: a child's episodes do not overlap, so no two start on the same day
    "Episodes": Unique(("CHILD", "DECOM"), "an episode of child {child} starting {on}",
                       "a child's episodes may not overlap, so only one starts on a day"),
    "Reviews": Unique(("CHILD", "REVIEW"), "a review of child {child} held {on}",
                      "a review is recorded once"),
    # DfE rules 579 (decisions may not overlap) and 523 (DATE_INT = DATE_PLACED)
    "AD1": Unique(("CHILD", "DATE_INT"), "an adoption decision of child {child} of {on}",
                  "each decision is one AD1 row (DfE rules 523 and 579)"),
    "PlacedAdoption": Unique(("CHILD", "DATE_PLACED"),
                             "an adoption decision of child {child} of {on}",
                             "each decision is one PlacedAdoption row (DfE rule 579)"),
    # DfE rule 574: missing or away periods may not overlap
    "Missing": Unique(("CHILD", "MIS_START", "MISSING"),
                      "a missing or away period of child {child} starting {on}",
                      "such periods may not overlap (DfE rule 574)"),
    # DfE rule SW19STG2: two social worker episodes of a child may not start on the same date
    "SWEpisodes": Unique(("CHILD", "SW_DECOM"),
                         "a social worker episode of child {child} starting {on}",
                         "two may not start on the same date (DfE rule SW19STG2)"),
}


def _unique_key(fact: Fact) -> Key:
    if fact.kind == "social_worker":
        return (fact.child_id, fact.fields["since"])
    return fact.key


def _said(part: object) -> str:
    return uk_date(part) if isinstance(part, date) else str(part or "(blank)")


def _duplicates(facts: list[Fact], new: list[Rejection]) -> list[Fact]:
    """Reject every row of a record one file gives more than once (see :data:`UNIQUE`)."""
    rows_of: dict[tuple[int, Key], list[Fact]] = defaultdict(list)
    for fact in facts:
        if fact.row.file.table in UNIQUE:
            rows_of[(id(fact.row.file), _unique_key(fact))].append(fact)
    bad: set[int] = set()
    for (_, key), same in rows_of.items():
        rows = sorted({id(f.row): f.row for f in same}.values(), key=lambda r: r.number)
        if len(rows) < 2:
            continue
        rule = UNIQUE[rows[0].file.table]
        what = rule.what.format(child=key[0], on=" ".join(_said(p) for p in key[1:]))
        numbers = ", ".join(str(r.number) for r in rows[:-1]) + f" and {rows[-1].number}"
        fix = (f"keep one of these rows and delete the others, or correct "
               f"{' or '.join(rule.columns[1:] or rule.columns)} in the one that is wrong")
        times = "twice" if len(rows) == 2 else f"{len(rows)} times"
        for row in rows:
            bad.add(id(row))
            column = rule.columns[-1] if len(rule.columns) < 3 else rule.columns[1]
            new.append(Rejection(row, column, row.values.get(column, ""),
                                 f"{what} is in this file {times} (rows {numbers}): "
                                 f"{rule.why}; {fix}"))
    return [f for f in facts if id(f.row) not in bad]


def check_facts(facts: list[Fact], rejected: list[Rejection], stored: Stored
                ) -> tuple[list[Fact], list[Rejection]]:
    """The facts that survive the cross-row checks, and the new rejections."""
    new: list[Rejection] = []
    facts = _duplicates(facts, new)
    facts = _known_children(facts, rejected + new, stored, new)
    facts = _episodes(facts, stored, new)
    facts = _whole_children(facts, rejected + new, new)
    return facts, new


def _known_children(facts: list[Fact], rejected: list[Rejection], stored: Stored,
                    new: list[Rejection]) -> list[Fact]:
    headers = {f.child_id for f in facts if f.row.file.table == "Header"}
    bad_headers: dict[str, SourceRow] = {}
    for r in rejected:
        if r.row.file.table == "Header" and r.row.values.get("CHILD"):
            bad_headers.setdefault(r.row.values["CHILD"], r.row)
    kept = []
    for fact in facts:
        cid = fact.child_id
        if fact.row.file.table == "Header" or cid in headers or stored.has_child(cid):
            kept.append(fact)
        elif cid in bad_headers:
            new.append(Rejection(fact.row, "CHILD", cid, f"the child's Header row "
                                 f"({_where(bad_headers[cid])}) was rejected: fix that row",
                                 consequence=True))
        else:
            new.append(Rejection(fact.row, "CHILD", cid, f"child {cid} is in no Header file of "
                                 "this import and not in the database: include the child's "
                                 "Header row, or correct the CHILD ID"))
    return kept


def _dates_of_birth(facts: list[Fact], stored: Stored) -> dict[str, date]:
    born = {key[0]: c.dob for key, c in stored.records["child"].items()}
    for (kind, key), values in fold([f for f in facts if f.kind == "child"]).items():
        if kind == "child" and "dob" in values:
            born[key[0]] = values["dob"]
    return born


def _episodes(facts: list[Fact], stored: Stored, new: list[Rejection]) -> list[Fact]:
    episode_facts = [f for f in facts if f.kind == "episode"]
    rows_of: dict[Key, list[SourceRow]] = defaultdict(list)
    for fact in sorted(episode_facts, key=lambda f: f.row.priority):
        rows_of[fact.key].append(fact.row)
    born = _dates_of_birth(facts, stored)
    bad: set[int] = set()

    def reject(key: Key, column: str, reason: str) -> None:
        row = rows_of[key][-1]
        bad.update(id(r) for r in rows_of[key])
        new.append(Rejection(row, column, row.values.get(column, ""), reason))

    by_child: dict[str, dict[date, Episode]] = defaultdict(dict)
    for child_id, episodes in stored.episodes_by_child.items():
        by_child[child_id] = {ep.start: ep for ep in episodes}
    for (_, key), values in fold(episode_facts).items():
        child_id, start = key
        current = by_child[child_id].get(start)
        by_child[child_id][start] = (Episode(child_id, start, **values) if current is None
                                     else replace(current, **values))
        dob = born.get(child_id)
        if dob and start < dob:
            reject(key, "DECOM", f"the episode starts before the child's date of birth "
                                 f"({uk_date(dob)}): correct DECOM or the DOB")
        elif dob and by_child[child_id][start].rne == "S" and start >= eighteenth_birthday(dob):
            reject(key, "DECOM", f"a period of care cannot start on or after the child's 18th "
                                 f"birthday ({uk_date(eighteenth_birthday(dob))}; DfE rule "
                                 "352): correct DECOM or the DOB")
    for child_id, by_start in by_child.items():
        ordered = sorted(by_start.values(), key=lambda ep: ep.start)
        for i, later in enumerate(ordered):
            for earlier in ordered[:i]:
                if (earlier.end is None or earlier.end > later.start) and \
                        (rows_of.get((child_id, later.start)) or
                         rows_of.get((child_id, earlier.start))):
                    _overlap(child_id, earlier, later, rows_of, reject)
                    break
    return [f for f in facts if id(f.row) not in bad]


def _overlap(child_id: str, earlier: Episode, later: Episode,
             rows_of: dict[Key, list[SourceRow]], reject: Callable[[Key, str, str], None]
             ) -> None:
    end = f"{uk_date(earlier.end)}" if earlier.end else "still open"
    key_later, key_earlier = (child_id, later.start), (child_id, earlier.start)
    if key_later in rows_of:
        source = (_where(rows_of[key_earlier][-1]) if key_earlier in rows_of
                  else "already in the database")
        reject(key_later, "DECOM", f"the episode overlaps child {child_id}'s episode from "
                                   f"{uk_date(earlier.start)} to {end} ({source}): end that "
                                   "episode on or before this DECOM, or correct the dates")
    else:
        reject(key_earlier, "DEC", f"the episode ({end}) overlaps child {child_id}'s episode "
                                   f"from {uk_date(later.start)}, already in the database: "
                                   "give a DEC on or before that date")


def _whole_children(facts: list[Fact], rejected: list[Rejection], new: list[Rejection]
                    ) -> list[Fact]:
    broken: dict[str, SourceRow] = {}
    for r in rejected:
        if r.row.file.table == "Episodes" and r.row.values.get("CHILD") and not r.consequence:
            broken.setdefault(r.row.values["CHILD"], r.row)
    kept = []
    for fact in facts:
        cause = broken.get(fact.child_id) if fact.kind == "episode" else None
        if cause is None:
            kept.append(fact)
            continue
        new.append(Rejection(fact.row, "", "", f"another episode of child {fact.child_id} was "
                             f"rejected ({_where(cause)}): a child's episodes are imported "
                             "together so that periods of care stay whole; fix that row",
                             consequence=True))
    return kept
