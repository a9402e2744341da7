"""Which rows belong in a collection year's 903 return, built from the children's histories.

A collection year runs 1 April to 31 March and is named by its end (2026 = 2025-26). Following
the DfE SSDA903 guidance as ``csc-validator-be-903`` encodes it:

- Header and Episodes: every child with an episode open at any time in the year (started on or
  before 31 March, not ended before 1 April), and those episodes. What happened after 31 March
  is not yet known to that return: a later DEC/REC, reversal or missing end is written blank.
- Reviews: every review held in the year, except those held under short breaks alone (V3/V4):
  the reg 48 reviews of short breaks are not returned (validation rule 399).
- UASC: the children of the Header recorded as unaccompanied asylum seekers.
- AD1: children adopted in the year (an episode ending E11/E12 in it; rules 601/602), with the
  decision the adoption followed (DATE_INT = PlacedAdoption DATE_PLACED, rule 523).
- PlacedAdoption: each decision that the child should be placed for adoption made by the end
  of the year and not reversed before it began (rules 118, 559).
- PrevPerm: the child's previous permanence, when recorded, for children who started to be
  looked after in the year (an episode with RNE S began in it; rule 634): a change of
  placement or legal status in the year does not make a PrevPerm row.
- Missing: missing/away periods open at any time in the year: started by its end (rule 570),
  and not ended before it began (rule 571); an end after 31 March is written blank.

Each row is a dict of column -> text; the writer orders the columns by :mod:`.layout`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from permanence_tracker.domain import codes
from permanence_tracker.domain.calendar import uk_date
from permanence_tracker.domain.codes import ADOPTION_RECS
from permanence_tracker.domain.entities import SHORT_BREAK_STATUSES, ChildHistory, Episode
from permanence_tracker.domain.errors import TrackerError
from permanence_tracker.services.exports.ssda903.layout import COLUMNS
from permanence_tracker.services.reference import collection_year_dates, year_text


class ReturnDataError(TrackerError):
    """The tracker holds something the year's return cannot code: nothing was written."""


@dataclass(frozen=True)
class YearWindow:
    year: int  # the collection year, named by its end
    sex_year: int  # the collection year whose SEX codes are written

    @property
    def start(self) -> date:
        return collection_year_dates(self.year)[0]

    @property
    def end(self) -> date:
        return collection_year_dates(self.year)[1]

    def holds(self, day: date | None) -> bool:
        return day is not None and self.start <= day <= self.end

    def by_end(self, day: date | None) -> date | None:
        """``day`` if it had happened by the end of the year, else None (not yet known)."""
        return day if day is not None and day <= self.end else None

    def open_in(self, start: date, end: date | None) -> bool:
        return start <= self.end and (end is None or end >= self.start)


def return_rows(histories: Iterable[ChildHistory], year: int, sex_year: int | None = None
                ) -> dict[str, list[dict[str, str]]]:
    """The rows of every table of the return for collection ``year``, by table name.

    SEX is coded for ``sex_year`` (default ``year``): the check writes last year's files in
    this year's SEX coding, because the DfE recoded SEX in 2024-25 (1/2 became M/F/U) and rule
    202 would otherwise report every child's unchanged sex as a change between the two years.
    """
    window = YearWindow(year, sex_year or year)
    tables: dict[str, list[dict[str, str]]] = {name: [] for name in COLUMNS}
    uncodable: list[str] = []
    for history in sorted(histories, key=lambda h: h.child.child_id):
        episodes = sorted((e for e in history.episodes if window.open_in(e.start, e.end)),
                          key=lambda e: e.start)
        if not episodes:
            continue
        try:
            child_rows = _child_rows(history, episodes, window)
        except ValueError:  # sex_for_year: no code for "not known" before 2024-25
            uncodable.append(history.child.child_id)
            continue
        for name, rows in child_rows.items():
            tables[name].extend(rows)
    if uncodable:
        raise ReturnDataError(
            f"{len(uncodable)} child(ren) of the {year_text(window.sex_year)} return have sex "
            f"'not known' (U), which returns up to 2023-24 cannot code (1 male, 2 female "
            f"only): {', '.join(uncodable[:10])}{' ...' if len(uncodable) > 10 else ''}. "
            "Record their sex in the child's record, or export 2024-25 or later.")
    return tables


def _child_rows(h: ChildHistory, episodes: list[Episode], w: YearWindow
                ) -> dict[str, list[dict[str, str]]]:
    child = h.child
    cid, dob = child.child_id, uk_date(child.dob)
    sex = codes.sex_for_year(child.sex, w.sex_year) if child.sex else ""
    out: dict[str, list[dict[str, str]]] = {
        "Header": [{"CHILD": cid, "SEX": sex, "DOB": dob, "ETHNIC": child.ethnicity,
                    "UPN": child.upn, "MOTHER": _flag(child.mother),
                    "MC_DOB": uk_date(child.mother_child_dob)}],
        "Episodes": [_episode(e, w) for e in episodes],
        "Reviews": [{"CHILD": cid, "DOB": dob, "REVIEW": uk_date(r.held),
                     "REVIEW_CODE": r.participation}
                    for r in sorted(h.reviews, key=lambda r: r.held)
                    if w.holds(r.held) and not _short_break_review(h.episodes, r.held)],
    }
    if child.uasc:
        out["UASC"] = [{"CHILD": cid, "SEX": sex, "DOB": dob, "DUC": uk_date(child.uasc_ceased)}]
    adopted = any(w.holds(e.end) and e.rec in ADOPTION_RECS for e in episodes)
    # (date of the decision, its record) of every recorded decision, earliest first
    decisions = sorted(((a.should_be_placed, a) for a in h.adoption if a.should_be_placed),
                       key=lambda decision: decision[0])
    standing = [a for decided, a in decisions if a.reversed is None and decided <= w.end]
    if adopted and standing:
        a = standing[-1]  # the decision the adoption followed (AD1: one row, rule INT31)
        out["AD1"] = [{"CHILD": cid, "DOB": dob, "DATE_INT": uk_date(a.should_be_placed),
                       "DATE_MATCH": uk_date(a.matched), "FOSTER_CARE": _flag(a.foster_carer),
                       "NB_ADOPTR": a.adopters_number, "SEX_ADOPTR": a.adopters_sex,
                       "LS_ADOPTR": a.adopters_status}]
    out["PlacedAdoption"] = [
        {"CHILD": cid, "DOB": dob, "DATE_PLACED": uk_date(decided),
         "DATE_PLACED_CEASED": uk_date(w.by_end(a.reversed)),
         "REASON_PLACED_CEASED": a.reversed_reason if w.by_end(a.reversed) else ""}
        for decided, a in decisions
        if decided <= w.end and (a.reversed is None or a.reversed >= w.start)]
    started_in_year = any(w.holds(e.start) and e.rne == "S" for e in episodes)
    out["PrevPerm"] = [{"CHILD": cid, "DOB": dob, "PREV_PERM": p.kind, "LA_PERM": p.la,
                        "DATE_PERM": _partial(p.year, p.month, p.day)}
                       for p in h.previous if started_in_year]
    out["Missing"] = [{"CHILD": cid, "DOB": dob, "MISSING": m.kind, "MIS_START": uk_date(m.start),
                       "MIS_END": uk_date(w.by_end(m.end))}
                      for m in sorted(h.missing, key=lambda m: (m.start, m.kind))
                      if w.open_in(m.start, m.end)]
    return out


def _episode(e: Episode, w: YearWindow) -> dict[str, str]:
    ended = w.by_end(e.end)
    return {"CHILD": e.child_id, "DECOM": uk_date(e.start), "RNE": e.rne, "LS": e.legal_status,
            "CIN": e.cin, "PLACE": e.placement, "PLACE_PROVIDER": e.provider,
            "DEC": uk_date(ended), "REC": e.rec if ended else "",
            "REASON_PLACE_CHANGE": e.reason_place_change if ended else "",
            "HOME_POST": e.home_post,
            "PL_POST": e.pl_post, "URN": e.urn}


def _short_break_review(episodes: Iterable[Episode], held: date) -> bool:
    """Held while the child was on short breaks only (V3/V4: reg 48 reviews are not returned,
    rule 399). An episode's first and last days both count, so a review held on the day care
    ended is still returned; any other review the tracker holds for the child is returned as
    recorded, so that a return imported into the tracker exports back unchanged."""
    spans = [e for e in episodes if e.start <= held and (e.end is None or held <= e.end)]
    return bool(spans) and all(e.legal_status in SHORT_BREAK_STATUSES for e in spans)


def _flag(value: bool | None) -> str:
    """A 903 1/0 item (MOTHER, FOSTER_CARE); blank when not recorded."""
    return "" if value is None else str(int(value))


def _partial(year: int | None, month: int | None, day: int | None) -> str:
    """PrevPerm DATE_PERM: ``dd/mm/YYYY``, ``zz/mm/YYYY`` or ``zz/zz/YYYY`` when partial."""
    if year is None:
        return ""
    day_text = "zz" if day is None else f"{day:02d}"
    month_text = "zz" if month is None else f"{month:02d}"
    return f"{day_text}/{month_text}/{year}"
