"""What each printed report is made from, read through the same services as the app.

The report code (``permanence_tracker.reports``) never reads the database or counts anything:
the CLI or the GUI calls :func:`load_report_input` here, which reads once and returns frozen
service rows (``Caseloads``, ``ReviewsDue``, ``ChildRow``, ``Dashboard``, ``ChildRecord``,
panel rows), and hands them to ``reports.render``. The figures on paper are therefore the
figures on screen and in ``summary --json`` for the same data and as-of date.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from permanence_tracker.domain.entities import Settings
from permanence_tracker.domain.errors import NotFoundError, Problem, ValidationError
from permanence_tracker.services.caseloads import Caseloads, caseloads
from permanence_tracker.services.child_record import ChildRecord, load_child_record
from permanence_tracker.services.cohort import load_cohort
from permanence_tracker.services.dashboard import Dashboard, dashboard
from permanence_tracker.services.reviews_due import ReviewsDue, next_reviews
from permanence_tracker.services.rows import ChildRow, child_row


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


Progress = Callable[[int, int, str], None]


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
    cohort = load_cohort(uow_factory, request.as_of, report=progress)
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
    cohort = load_cohort(uow_factory, request.as_of, report=progress)
    figures = dashboard(cohort, request.period_from)
    return CohortData(figures, figures.year_from)


def _review_prep(uow_factory, request: ReportRequest, progress) -> ChildRecord:
    return load_child_record(uow_factory, request.child_id, request.as_of)


def _panels_pending(uow_factory, request: ReportRequest, progress):
    raise NotFoundError("panel reports are not available yet: the panels service is missing")


_LOADERS: dict[str, Callable] = {
    "caseloads": _caseloads,
    "cohort": _cohort,
    "review-prep": _review_prep,
    "outcome-sheet": _panels_pending,
    "panel-summary": _panels_pending,
    "panel-figures": _panels_pending,
}
