"""Turning each row of a recognised 903 table into facts about stored records.

The mapping (SSDA903 specification): Header -> child; Episodes -> episode (CHILD + DECOM);
Reviews -> review (CHILD + REVIEW, REVIEW_CODE = participation); Header MOTHER/MC_DOB and
AD1 NB_ADOPTR/SEX_ADOPTR/LS_ADOPTR are kept so that the return can be exported again;
UASC -> child.uasc and uasc_ceased (DUC); AD1 and PlacedAdoption -> adoption milestones;
Missing -> missing episode; PrevPerm -> previous permanence (DATE_PERM may be partial,
``zz/MM/YYYY``); SWEpisodes -> the child's social worker. A row with any problem gives no facts.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date

from permanence_tracker.domain.calendar import uk_date
from permanence_tracker.domain.codes import canonical_sex
from permanence_tracker.services.imports.ssda903.model import Fact, Rejection, SourceFile
from permanence_tracker.services.imports.ssda903.values import Cells, row_years

_UPN = re.compile(r"^[A-Z]\d{11}[0-9A-Z]$")
_UPN_UNKNOWN = {f"UN{n}" for n in range(1, 11)}  # DfE codes for a UPN not known
_PARTIAL = re.compile(r"^(zz|\d{1,2})/(zz|\d{1,2})/(\d{4})$", re.IGNORECASE)


def _child_id(c: Cells) -> str:
    return c.text("CHILD", required=True, max_len=40)


def _header(c: Cells) -> list[Fact]:
    child_id = _child_id(c)
    dob = c.date("DOB", required=True)
    sex = _sex(c, required=True)
    ethnicity = c.code("ETHNIC", "ETHNIC")
    upn = c.text("UPN").upper()
    if upn and upn not in _UPN_UNKNOWN and not _UPN.match(upn):
        c.problem("UPN", "is not a UPN: a letter, 11 digits and a final digit or letter "
                         "(13 characters), or UN1-UN10 when it is not known")
    fields = {"dob": dob, "sex": sex, "ethnicity": ethnicity, "upn": upn,
              "mother": _flag(c, "MOTHER", "1 (the child is a mother) or 0 (not)"),
              "mother_child_dob": c.date("MC_DOB")}
    return [Fact("child", (child_id,), fields, c.row)]


def _flag(c: Cells, column: str, meaning: str) -> bool | None:
    """A 903 1/0 item (MOTHER, FOSTER_CARE); None when blank."""
    flag = c.text(column)
    if flag not in ("", "0", "1"):
        c.problem(column, f"must be {meaning}")
    return None if flag not in ("0", "1") else flag == "1"


def _episode(c: Cells) -> list[Fact]:
    child_id = _child_id(c)
    start = c.date("DECOM", required=True)
    end = c.date("DEC")
    if start and end and end < start:  # DfE rule 356: DEC before DECOM (DEC = DECOM is valid)
        c.problem("DEC", f"the episode ends on {uk_date(end)}, before it starts "
                         f"({uk_date(start)}): correct DEC or DECOM (DfE rule 356)")
    years = row_years(c.row.file, start)  # the return's year; a carried episode: its start
    rec = c.code("REC", "REC", row_years(c.row.file, end))
    if end and not rec and not c.row.values.get("REC"):
        c.problem("REC", "REC is required when DEC is given: give the reason the episode "
                         "ceased (X1 if another episode follows the same day)")
    if rec and not c.row.values.get("DEC"):
        c.problem("REC", f"REC {rec} is given but DEC is empty: give the date the episode "
                         "ceased, or clear REC if it is still open")
    fields = {
        "rne": c.code("RNE", "RNE", years, required=True),
        "legal_status": c.code("LS", "LS", years, required=True),
        "cin": c.code("CIN", "CIN", years),
        "placement": c.code("PLACE", "PLACE", years),
        "provider": c.code("PLACE_PROVIDER", "PLACE_PROVIDER", years),
        "end": end,
        "rec": rec,
        "reason_place_change": c.code("REASON_PLACE_CHANGE", "REASON_PLACE_CHANGE", years),
        "home_post": c.text("HOME_POST", max_len=8),
        "pl_post": c.text("PL_POST", max_len=8),
        "urn": c.text("URN", max_len=10),
    }
    return [Fact("episode", (child_id, start), fields, c.row)]


def _review(c: Cells) -> list[Fact]:
    child_id = _child_id(c)
    held = c.date("REVIEW", required=True)
    participation = c.code("REVIEW_CODE", "REVIEW_CODE", row_years(c.row.file, held))
    return [Fact("review", (child_id, held), {"participation": participation}, c.row)]


def _uasc(c: Cells) -> list[Fact]:
    fields = {"uasc": True, "uasc_ceased": c.date("DUC", future_ok=True), "sex": _sex(c)}
    return [Fact("child", (_child_id(c),), fields, c.row)]


def _sex(c: Cells, required: bool = False) -> str:
    """Header/UASC SEX, checked against the list of the return's collection year (1/2 up to
    2023-24, M/F/U from 2024-25: DfE rule 101) and stored canonical (M, F or U), so that 2 in
    one year and F in the next are the same value."""
    code = c.code("SEX", "SEX", row_years(c.row.file), required=required)
    return canonical_sex(code) if code else ""


def _ad1(c: Cells) -> list[Fact]:
    child_id = _child_id(c)
    decided = c.date("DATE_INT")
    matched = c.date("DATE_MATCH")
    if decided and matched and matched < decided:
        c.problem("DATE_MATCH", f"the match ({uk_date(matched)}) is before the decision that "
                                f"the child should be placed for adoption ({uk_date(decided)})")
    fields = {"matched": matched,
              "foster_carer": _flag(c, "FOSTER_CARE",
                                    "1 (matched with their foster carer) or 0 (not)"),
              "adopters_number": _one_of(c, "NB_ADOPTR", ADOPTERS_NUMBER),
              "adopters_sex": c.code("SEX_ADOPTR", "SEX_ADOPTR"),
              "adopters_status": c.code("LS_ADOPTR", "LS_ADOPTR")}
    # One record per decision: keyed by the decision date, as PlacedAdoption's DATE_PLACED.
    return [Fact("adoption", (child_id, decided), fields, c.row)]


# AD1 NB_ADOPTR (DfE SSDA903 validation rule 175); SEX_ADOPTR and LS_ADOPTR are code lists.
ADOPTERS_NUMBER = ("1", "2")


def _one_of(c: Cells, column: str, allowed: tuple[str, ...]) -> str:
    value = c.text(column).upper()
    if value and value not in allowed:
        c.problem(column, f"{value!r} is not a valid {column}: use one of {', '.join(allowed)}")
        return ""
    return value


def _placed(c: Cells) -> list[Fact]:
    """PlacedAdoption: DATE_PLACED is the date of the decision that the child should be placed
    for adoption (= AD1 DATE_INT, DfE rule 523), not the day the child moved in (that is the
    start of the A3-A6 placement, DfE rule 552); DATE_PLACED_CEASED reverses the decision. A
    child may have several decisions, so the record is keyed by the decision date."""
    child_id = _child_id(c)
    decided = c.date("DATE_PLACED", required=True)
    ceased = c.date("DATE_PLACED_CEASED")
    reason = c.code("REASON_PLACED_CEASED", "REASON_PLACED_CEASED")
    if decided and ceased and ceased < decided:
        c.problem("DATE_PLACED_CEASED", f"is before the decision it reverses (DATE_PLACED "
                                        f"{uk_date(decided)}): correct one of the dates")
    if ceased and not c.row.values.get("REASON_PLACED_CEASED"):
        c.problem("REASON_PLACED_CEASED", "is required when DATE_PLACED_CEASED is given: use "
                                          "RD1-RD4")
    if reason and not c.row.values.get("DATE_PLACED_CEASED"):
        c.problem("DATE_PLACED_CEASED", "is required when REASON_PLACED_CEASED is given")
    fields = {"reversed": ceased, "reversed_reason": reason}
    return [Fact("adoption", (child_id, decided), fields, c.row)]


def _missing(c: Cells) -> list[Fact]:
    child_id = _child_id(c)
    start = c.date("MIS_START", required=True)
    kind = c.code("MISSING", "MISSING", row_years(c.row.file, start), required=True)
    end = c.date("MIS_END")
    if start and end and end < start:
        c.problem("MIS_END", f"is before MIS_START ({uk_date(start)}): correct one of the dates")
    return [Fact("missing", (child_id, start, kind), {"end": end}, c.row)]


def _partial_date(c: Cells) -> tuple[int | None, int | None, int | None]:
    value = c.text("DATE_PERM")
    if not value:
        return None, None, None
    match = _PARTIAL.match(value)
    if not match:
        c.problem("DATE_PERM", "is not a date: write dd/mm/YYYY, or zz/mm/YYYY or zz/zz/YYYY "
                               "when the day or month is not known")
        return None, None, None
    day_t, month_t, year_t = match.groups()
    day = None if day_t.lower() == "zz" else int(day_t)
    month = None if month_t.lower() == "zz" else int(month_t)
    year = int(year_t)
    if day is not None and month is None:
        c.problem("DATE_PERM", "gives a day without a month: use zz/zz/YYYY")
    elif month is not None and not 1 <= month <= 12:
        c.problem("DATE_PERM", f"has month {month}, which does not exist")
    elif day is not None and c.date("DATE_PERM") is None:
        return None, None, None  # c.date reported why
    elif date(year, month or 1, 1) > c.today:
        c.problem("DATE_PERM", "is in the future: correct the year")
    return year, month, day


def _prevperm(c: Cells) -> list[Fact]:
    child_id = _child_id(c)
    kind = c.code("PREV_PERM", "PREV_PERM", row_years(c.row.file), required=True)
    year, month, day = _partial_date(c)
    fields = {"kind": kind, "la": c.text("LA_PERM", max_len=4), "year": year, "month": month,
              "day": day}
    return [Fact("previous", (child_id,), fields, c.row)]


def _social_worker(c: Cells) -> list[Fact]:
    child_id = _child_id(c)
    fields = {"social_worker": c.text("SW_ID", required=True, max_len=120),
              "since": c.date("SW_DECOM", required=True)}
    return [Fact("social_worker", (child_id,), fields, c.row)]


PARSERS: dict[str, Callable[[Cells], list[Fact]]] = {
    "Header": _header, "Episodes": _episode, "Reviews": _review, "UASC": _uasc, "AD1": _ad1,
    "PlacedAdoption": _placed, "Missing": _missing, "PrevPerm": _prevperm,
    "SWEpisodes": _social_worker,
}


def parse_files(files: list[SourceFile], today: date) -> tuple[list[Fact], list[Rejection]]:
    facts: list[Fact] = []
    rejections: list[Rejection] = []
    for source in files:
        parser = PARSERS[source.table]
        width = len(source.columns)
        for row in source.rows:
            cells = Cells(row, today)
            row_facts = parser(cells)
            if row.overflow:
                cells.problem("", f"has {row.overflow} values but the header has {width} "
                                  "columns: remove the extra values or quote cells with commas",
                              "")
            if cells.problems:
                rejections.extend(cells.problems)
            else:
                facts.extend(row_facts)
    return facts, rejections
