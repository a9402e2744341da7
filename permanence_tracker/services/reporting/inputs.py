"""What each printed report is made from, read through the same services as the app.

The report code (``permanence_tracker.reports``) never reads the database or counts anything:
the CLI or the GUI calls :func:`load_report_input` here, which reads once and returns frozen
service rows (``Caseloads``, ``ReviewsDue``, ``ChildRow``, ``Dashboard``, ``ChildRecord``,
``PanelDetail``, ``PanelFigures``), and hands them to ``reports.render``. The figures on
paper are therefore the figures on screen and in ``summary --json`` for the same data and
as-of date.

A request that cannot be met raises ``ValidationError`` whose problems name the request field
(``Problem.field``: "report", "panel", "child", "from") in neutral words; the edge says the field
its own way (the CLI's ``--from``, the dialog's "Period from"). A problem with a field's value
reads after the field's name: ``from`` "01/04/2026 is after the as-of date 31/03/2026: ...".
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, timedelta

from permanence_tracker.domain.calendar import uk_date
from permanence_tracker.domain.entities import Settings
from permanence_tracker.domain.errors import NotFoundError, Problem, ValidationError
from permanence_tracker.domain.measures import financial_year
from permanence_tracker.services.authorization import requires
from permanence_tracker.services.panels import (
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
from permanence_tracker.services.reporting.pseudonymise import pseudonymise_report_data
from permanence_tracker.services.reviews.due import ReviewsDue, next_reviews
from permanence_tracker.services.unit_of_work import UowFactory


@dataclass(frozen=True, slots=True)
class ReportSpec:
    name: str
    title: str
    needs: tuple[str, ...]  # the inputs that must be given: "panel", "child"
    description: str


REPORTS: dict[str, ReportSpec] = {spec.name: spec for spec in (
    ReportSpec("caseloads", "IRO caseloads", (),
               "IRO caseload summary, then each IRO's children with the next review due"),
    ReportSpec("outcome-sheet", "Panel outcome sheets", ("panel",),
               "one outcome sheet per agenda item of a panel, with signature lines"),
    ReportSpec("panel-summary", "Panel summary", ("panel",),
               "every item of one panel on one document"),
    ReportSpec("panel-figures", "Permanence panel figures", (),
               "plans and matches for permanent fostering, and adoption matches, per period"),
    ReportSpec("cohort", "Permanence monitoring report", (),
               "the Head of Corporate Parenting's cohort and permanence monitoring report"),
    ReportSpec("review-prep", "Review preparation sheet", ("child",),
               "one child's preparation sheet for the IRO"),
)}
# The request attribute holding each input a report may need, and what to call it.
_INPUT = {"panel": ("panel_id", "a panel"), "child": ("child_id", "a child")}


@dataclass(frozen=True, slots=True)
class ReportRequest:
    name: str
    as_of: date
    period_from: date | None = None  # start of the reporting period (cohort, panel figures)
    panel_id: int | None = None
    iro: str = ""  # caseloads: only this IRO's section
    child_id: str = ""
    # Names as initials, dates of birth as month and year, free text left out (issue 12):
    # ``reporting.pseudonymise``; the report says "Pseudonymised" on every page.
    pseudonymise: bool = False


@dataclass(frozen=True, slots=True)
class ReportInput:
    """Everything ``reports.render`` needs: the request, the settings and the data."""

    request: ReportRequest
    settings: Settings
    data: ReportData  # the type the report named by ``request.name`` lays out (``_LOADERS``)


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
    compared_from: date | None  # period_from: the seed's "year before" and "from then to date"


ReportData = CaseloadsData | CohortData | ChildRecord | PanelDetail | PanelFiguresData
"""What a loader reads for a report: ``caseloads`` a CaseloadsData, ``cohort`` a CohortData,
``review-prep`` a ChildRecord, ``outcome-sheet`` and ``panel-summary`` a PanelDetail,
``panel-figures`` a PanelFiguresData."""
Loader = Callable[[UowFactory, ReportRequest, Progress | None], ReportData]


def missing_inputs(request: ReportRequest) -> tuple[str, ...]:
    """The inputs ("panel", "child") the request's report needs and was not given (none for a
    report name that does not exist: :func:`check_request` refuses that)."""
    spec = REPORTS.get(request.name)
    needs = spec.needs if spec is not None else ()
    return tuple(n for n in needs if getattr(request, _INPUT[n][0]) in (None, ""))


def check_request(request: ReportRequest) -> ReportSpec:
    """The report's spec; raises ValidationError naming the field that is wrong: an unknown
    report, an input the report needs, or a period starting after the as-of date."""
    spec = REPORTS.get(request.name)
    if spec is None:
        raise ValidationError([Problem("report", f"no report called {request.name!r}: choose "
                                       f"one of {', '.join(REPORTS)}")])
    missing = missing_inputs(request)
    if missing:
        raise ValidationError([Problem(n, f"the {spec.name} report needs {_INPUT[n][1]}")
                               for n in missing])
    if request.period_from and request.period_from > request.as_of:
        raise ValidationError([Problem("from", f"{uk_date(request.period_from)} is after the "
                                       f"as-of date {uk_date(request.as_of)}: give a start on "
                                       "or before it")])
    return spec


@requires("reports.run")
def load_report_input(uow_factory: UowFactory, request: ReportRequest,
                      progress: Progress | None = None) -> ReportInput:
    """Read what the report needs as things stood on ``request.as_of``.

    Raises ValidationError (unknown report, missing option) or NotFoundError (unknown child,
    IRO or panel) before anything is laid out.
    """
    spec = check_request(request)
    with uow_factory() as uow:
        settings = uow.settings()
    data = _LOADERS[spec.name](uow_factory, request, progress)
    if request.pseudonymise:
        data = pseudonymise_report_data(data)
    return ReportInput(request, settings, data)


def _caseloads(uow_factory: UowFactory, request: ReportRequest,
               progress: Progress | None) -> CaseloadsData:
    cohort = load_cohort(uow_factory, request.as_of, progress=progress)
    due = next_reviews(cohort)
    loads = caseloads(cohort, due)
    if request.iro and request.iro not in {r.name for r in loads.rows}:
        names = ", ".join(r.name for r in loads.rows[:12]) or "none"
        more = " ..." if len(loads.rows) > 12 else ""
        raise NotFoundError(f"no IRO called {request.iro!r} with a caseload on "
                            f"{uk_date(request.as_of)}: IROs are {names}{more}")
    children = tuple(child_row(s) for s in cohort.looked_after)
    return CaseloadsData(loads, due, children, request.iro)


def _cohort(uow_factory: UowFactory, request: ReportRequest,
            progress: Progress | None) -> CohortData:
    cohort = load_cohort(uow_factory, request.as_of, progress=progress)
    figures = dashboard(cohort, request.period_from)
    return CohortData(figures, figures.year_from)


def _review_prep(uow_factory: UowFactory, request: ReportRequest,
                 progress: Progress | None) -> ChildRecord:
    return load_child_record(uow_factory, request.child_id, request.as_of)


def _panel(uow_factory: UowFactory, request: ReportRequest,
           progress: Progress | None) -> PanelDetail:
    """The panel's agenda as of the date; an outcome-sheet for one child keeps only that
    child's items."""
    # check_request has refused a panel report without a panel: this only narrows the type.
    assert request.panel_id is not None
    detail = panel_detail(uow_factory, request.panel_id, request.as_of)
    if request.name == "outcome-sheet" and request.child_id:
        items = tuple(r for r in detail.items if r.item.child_id == request.child_id)
        if not items:
            about = sorted({r.item.child_id for r in detail.items if r.item.child_id})
            raise NotFoundError(
                f"panel {request.panel_id} ({uk_date(detail.panel.panel.date)}) has no item "
                f"about child {request.child_id!r}: its children are "
                f"{', '.join(about) or 'none'}")
        detail = replace(detail, items=items)
    return detail


@requires("panels.read")
def figure_periods(uow_factory: UowFactory, as_of: date,
                   start: date | None) -> list[tuple[date, date]]:
    """With ``start``: the financial year before it, then ``start`` to ``as_of`` (the seed
    report's "2014/15" against "April 2015 to present"). Without: every financial year holding
    a panel up to ``as_of``, the current one ending on ``as_of``."""
    if start is not None:
        return [financial_year(start - timedelta(days=1)), (start, as_of)]
    years = [(f.start, f.end) for f in panel_figures(uow_factory) if f.start <= as_of]
    return [(first, min(last, as_of)) for first, last in years]


def _panel_figures(uow_factory: UowFactory, request: ReportRequest,
                   progress: Progress | None) -> PanelFiguresData:
    periods = figure_periods(uow_factory, request.as_of, request.period_from)
    return PanelFiguresData(panel_figures(uow_factory, periods), request.period_from)


_LOADERS: dict[str, Loader] = {
    "caseloads": _caseloads,
    "cohort": _cohort,
    "review-prep": _review_prep,
    "outcome-sheet": _panel,
    "panel-summary": _panel,
    "panel-figures": _panel_figures,
}
