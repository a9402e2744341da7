"""Printed reports (reportlab only): one module per report, each ``render(data, meta) -> bytes``.

Reports receive frozen rows the services computed (``services.reporting.inputs``) and only lay
them out; they import no database code and count nothing. :func:`render` picks the report
by name and builds the page chrome (authority, title, protective marking, as-of date,
generated-at from the caller's clock, page N of M) from the settings.
"""

from __future__ import annotations

import importlib
from datetime import datetime
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from permanence_tracker.services.reporting.inputs import ReportInput


MODULES = {
    "caseloads": "caseloads",
    "cohort": "cohort",
    "review-prep": "review_prep",
    "outcome-sheet": "panels.outcome_sheet",
    "panel-summary": "panels.summary",
    "panel-figures": "panels.figures",
}


def render(report: ReportInput, generated_at: datetime) -> bytes:
    """The PDF for a loaded report input, stamped as generated at ``generated_at``."""
    from permanence_tracker.reports.base import ReportMeta

    name = report.request.name
    if name not in MODULES:
        raise KeyError(f"no report called {name!r}: choose one of {', '.join(MODULES)}")
    module = importlib.import_module(f"permanence_tracker.reports.{MODULES[name]}")
    meta = ReportMeta.from_settings(report.settings, report.request.as_of, generated_at,
                                    report.request.pseudonymise)
    pdf: bytes = module.render(report.data, meta)  # each module's render(data, meta) -> bytes
    return pdf
