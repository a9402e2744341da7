"""What each printed report is made from, read through the same services as the app.

The report code (``permanence_tracker.reports``) never reads the database or counts anything:
the CLI or the GUI calls :func:`load_report_input` here, which reads once and returns frozen
service rows (``Caseloads``, ``ReviewsDue``, ``ChildRow``, ``Dashboard``, ``ChildRecord``,
``PanelDetail``, ``PanelFigures``), and hands them to ``reports.render``. The figures on
paper are therefore the figures on screen and in ``summary --json`` for the same data and
as-of date.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Any

from permanence_tracker.domain.entities import Settings
from permanence_tracker.domain.errors import NotFoundError, Problem, ValidationError
from permanence_tracker.domain.measures import financial_year
from permanence_tracker.services.panels.commands import (
    PanelDetail,
    PanelFigures,
    panel_detail,
    panel_figures,
)
from permanence_tracker.services.permanence.caseloads import Caseloads, caseloads
from permanence_tracker.services.permanence.cohort import load_cohort
from permanence_tracker.services.permanence.dashboard import Dashboard, dashboard
from permanence_tracker.services.permanence.rows import ChildRow, child_row
from permanence_tracker.services.progress import Progress
from permanence_tracker.services.records.child_record import ChildRecord, load_child_record
from permanence_tracker.services.reviews.due import ReviewsDue, next_reviews


@dataclass(frozen=True, slots=True)
class ReportSpec:
    name: str
    title: str
    needs: tuple[str, ...]  # request fields that must be given: "child_id", "panel_id"
    description: str


REPORTS: dict[str, ReportSpec] = {spec.name: spec for spec in (
    ReportSpec("caseloads", "IRO caseloads", (),
               "IRO caseload summary, then each IRO's children with the next review due"),
    ReportSpec("outcome-sheet", "Panel outcome sheets", ("panel_id",),
               "one outcome sheet per agenda item of a panel, with signature lines"),
    ReportSpec("panel-summary", "Panel summary", ("panel_id",),
               "every item of one panel on one document"),
    ReportSpec("panel-figures", "Permanence panel figures", (),
               "plans and matches for permanent fostering, and adoption matches, per period"),
    ReportSpec("cohort", "Permanence monitoring report", (),
               "the Head of Corporate Parenting's cohort and permanence monitoring report"),
    ReportSpec("review-prep", "Review preparation sheet", ("child_id",),
               "one child's preparation sheet for the IRO"),
)}
OPTION = {"child_id": "--child ID", "panel_id": "--panel ID"}


@dataclass(frozen=True, slots=True)
class ReportRequest:
    name: str
    as_of: date
    period_from: date | None = None  # start of the reporting period (cohort, panel figures)
    panel_id: int | None = None
    iro: str = ""  # caseloads: only this IRO's section
    child_id: str = ""


@dataclass(frozen=True, slots=True)
class ReportInput:
    """Everything ``reports.render`` needs: the request, the settings and the data."""

    request: ReportRequest
    settings: Settings
    data: Any


@dataclass(frozen=True, slots=True)
class CaseloadsData:
    caseloads: Caseloads
    due: ReviewsDue  # every looked-after child's next LAC review (short breaks excluded)
    children: tuple[ChildRow, ...]  # the looked-after children
    iro: str = ""  # only this IRO's section ("" = every IRO)


@dataclass(frozen=True, slots=True)
class CohortData:
    dashboard: Dashboard
    period_from: date  # start of the reporting period


@dataclass(frozen=True, slots=True)
class PanelFiguresData:
    figures: tuple[PanelFigures, ...]  # one per period, oldest first
    compared_from: date | None  # --from: the seed's "year before" and "from then to date"




def check_request(request: ReportRequest) -> ReportSpec:
    """The report's spec; raises ValidationError naming the option to add or the right name."""
    spec = REPORTS.get(request.name)
    if spec is None:
        raise ValidationError([Problem("report", f"no report called {request.name!r}: choose "
                                       f"one of {', '.join(REPORTS)}")])
    missing = [OPTION[n] for n in spec.needs if getattr(request, n) in (None, "")]
    if missing:
        raise ValidationError([Problem("report", f"the {spec.name} report needs "
                                       f"{' and '.join(missing)}")])
    if request.period_from and request.period_from > request.as_of:
        raise ValidationError([Problem("from", f"--from {request.period_from:%d/%m/%Y} is after "
                                       f"the as-of date {request.as_of:%d/%m/%Y}: give a start "
                                       "on or before it")])
    return spec


def load_report_input(uow_factory: Callable, request: ReportRequest,
                      progress: Progress | None = None) -> ReportInput:
    """Read what the report needs as things stood on ``request.as_of``.

    Raises ValidationError (unknown report, missing option) or NotFoundError (unknown child,
    IRO or panel) before anything is laid out.
    """
    spec = check_request(request)
    with uow_factory() as uow:
        settings = uow.settings()
    data = _LOADERS[spec.name](uow_factory, request, progress)
    return ReportInput(request, settings, data)


def _caseloads(uow_factory, request: ReportRequest, progress) -> CaseloadsData:
    cohort = load_cohort(uow_factory, request.as_of, progress=progress)
    due = next_reviews(cohort)
    loads = caseloads(cohort, due)
    if request.iro and request.iro not in {r.name for r in loads.rows}:
        names = ", ".join(r.name for r in loads.rows[:12]) or "none"
        more = " ..." if len(loads.rows) > 12 else ""
        raise NotFoundError(f"no IRO called {request.iro!r} with a caseload on "
                            f"{request.as_of:%d/%m/%Y}: IROs are {names}{more}")
    children = tuple(child_row(s) for s in cohort.looked_after)
    return CaseloadsData(loads, due, children, request.iro)


def _cohort(uow_factory, request: ReportRequest, progress) -> CohortData:
    cohort = load_cohort(uow_factory, request.as_of, progress=progress)
    figures = dashboard(cohort, request.period_from)
    return CohortData(figures, figures.year_from)


def _review_prep(uow_factory, request: ReportRequest, progress) -> ChildRecord:
    return load_child_record(uow_factory, request.child_id, request.as_of)


def _panel(uow_factory, request: ReportRequest, progress) -> PanelDetail:
    """The panel's agenda as of the date; an outcome-sheet run with --child keeps only that
    child's items."""
    detail = panel_detail(uow_factory, request.panel_id, request.as_of)
    if request.name == "outcome-sheet" and request.child_id:
        items = tuple(r for r in detail.items if r.item.child_id == request.child_id)
        if not items:
            about = sorted({r.item.child_id for r in detail.items if r.item.child_id})
            raise NotFoundError(
                f"panel {request.panel_id} ({detail.panel.panel.date:%d/%m/%Y}) has no item "
                f"about child {request.child_id!r}: its children are "
                f"{', '.join(about) or 'none'}")
        detail = replace(detail, items=items)
    return detail


def figure_periods(uow_factory, as_of: date, start: date | None) -> list[tuple[date, date]]:
    """With ``start``: the financial year before it, then ``start`` to ``as_of`` (the seed
    report's "2014/15" against "April 2015 to present"). Without: every financial year holding
    a panel up to ``as_of``, the current one ending on ``as_of``."""
    if start is not None:
        return [financial_year(start - timedelta(days=1)), (start, as_of)]
    years = [(f.start, f.end) for f in panel_figures(uow_factory) if f.start <= as_of]
    return [(first, min(last, as_of)) for first, last in years]


def _panel_figures(uow_factory, request: ReportRequest, progress) -> PanelFiguresData:
    periods = figure_periods(uow_factory, request.as_of, request.period_from)
    return PanelFiguresData(panel_figures(uow_factory, periods), request.period_from)


_LOADERS: dict[str, Callable] = {
    "caseloads": _caseloads,
    "cohort": _cohort,
    "review-prep": _review_prep,
    "outcome-sheet": _panel,
    "panel-summary": _panel,
    "panel-figures": _panel_figures,
}
