"""IRO caseloads against the IRO Handbook band, one frozen row per IRO, with service totals.

IRO Handbook (2010) para 7.15: 50-70 looked-after children per full-time IRO
(``Settings.caseload_low`` / ``caseload_high``). The band is judged on looked-after children
per FTE, exactly as ``services.permanence.summary.iro_caseloads`` does (its figures are reused,
so the page and the summary cannot disagree). A dual-role IRO also chairs child protection
conferences (``Iro.cp_cases``); their total load, looked-after children plus CP cases, is shown
beside the band figure, not instead of it, because the Handbook's band counts looked-after
children only.
"""

from __future__ import annotations

from dataclasses import dataclass

from permanence_tracker.domain.entities import Iro
from permanence_tracker.domain.measures import caseload_band, per_fte
from permanence_tracker.services.permanence.cohort import Cohort
from permanence_tracker.services.permanence.summary import IroLoad, iro_caseloads
from permanence_tracker.services.reviews.due import ReviewsDue, next_reviews


@dataclass(frozen=True, slots=True)
class IroCaseload:
    name: str
    fte: float
    dual_role: bool
    cp_cases: int  # child protection cases (dual role only)
    children: int  # looked-after children allocated to this IRO
    per_fte: float | None  # looked-after children per FTE: what the band judges; None: FTE unset
    band: str  # "below", "within" or "above" the band; "unset" while the FTE is not set
    total: int  # looked-after children + CP cases
    total_per_fte: float | None
    overdue: int  # looked-after children whose next review is overdue
    due_soon: int  # next reviews due in the next 8 weeks
    listed: bool = True  # False: named on child records but not in the IRO list (FTE 1.0)
    active: bool = True


@dataclass(frozen=True, slots=True)
class Caseloads:
    rows: tuple[IroCaseload, ...]  # by IRO name
    low: int
    high: int
    unallocated: int  # looked-after children with no IRO named

    @property
    def fte(self) -> float:
        return round(sum(r.fte for r in self.rows), 2)

    @property
    def children(self) -> int:
        return sum(r.children for r in self.rows)

    @property
    def cp_cases(self) -> int:
        return sum(r.cp_cases for r in self.rows)

    @property
    def total(self) -> int:
        return self.children + self.cp_cases

    @property
    def average_per_fte(self) -> float:
        """Allocated looked-after children per FTE across the IROs listed (the service
        average the Handbook band is compared with). An IRO whose FTE is not set (0.0: created
        by a spreadsheet import) is left out, children and all, rather than counted as 1 FTE."""
        counted = sum(r.children for r in self.rows if r.fte > 0)
        return per_fte(counted, self.fte) if self.rows else 0.0

    @property
    def average_band(self) -> str:
        return caseload_band(self.average_per_fte, self.low, self.high)

    @property
    def total_per_fte(self) -> float:
        """Looked-after children and CP cases per FTE, leaving out (as the average does) the
        IROs whose FTE is not set."""
        counted = sum(r.total for r in self.rows if r.fte > 0)
        return per_fte(counted, self.fte) if self.rows else 0.0

    @property
    def fte_not_set(self) -> tuple[str, ...]:
        """IROs whose FTE is not set yet (created by a spreadsheet import): their children are
        left out of the service figures until someone sets it on the IROs page."""
        return tuple(r.name for r in self.rows if r.band == "unset")

    @property
    def overdue(self) -> int:
        return sum(r.overdue for r in self.rows)

    @property
    def due_soon(self) -> int:
        return sum(r.due_soon for r in self.rows)


def caseloads(cohort: Cohort, due: ReviewsDue | None = None) -> Caseloads:
    """One row per IRO as ``summary.iro_caseloads`` lists them (inactive IROs with no children
    are left out), with CP cases, the dual-role total and their reviews overdue and due soon."""
    due = due if due is not None else next_reviews(cohort)
    iros = {iro.name: iro for iro in cohort.iros}
    overdue: dict[str, int] = {}
    soon: dict[str, int] = {}
    for review in due.reviews:
        if review.overdue:
            overdue[review.iro] = overdue.get(review.iro, 0) + 1
        elif review.week is not None:
            soon[review.iro] = soon.get(review.iro, 0) + 1
    rows = tuple(_row(load, iros.get(load.iro), overdue, soon) for load in iro_caseloads(cohort))
    unallocated = sum(1 for s in cohort.looked_after if not s.history.child.iro)
    return Caseloads(rows, cohort.settings.caseload_low, cohort.settings.caseload_high,
                     unallocated)


def _row(load: IroLoad, iro: Iro | None, overdue: dict[str, int],
         soon: dict[str, int]) -> IroCaseload:
    name = load.iro
    cp = iro.cp_cases if iro is not None and iro.dual_role else 0
    total = load.children + cp
    return IroCaseload(
        name=name, fte=load.fte, dual_role=bool(iro and iro.dual_role), cp_cases=cp,
        children=load.children, per_fte=load.per_fte, band=load.band,
        total=total, total_per_fte=per_fte(total, load.fte) if load.fte > 0 else None,
        overdue=overdue.get(name, 0), due_soon=soon.get(name, 0),
        listed=iro is not None, active=iro.active if iro is not None else True,
    )
