"""Report ``panel-figures``: permanence panel business recommended, per period.

The seed council report's "Permanence Panel figures" table compares 2014/15 with "April 2015
to present": plans for permanent fostering and matches for permanent fostering; adoption
matches are added beside them. A column per period (financial years, or with ``--from`` the
year before it and from it to the as-of date), a row per kind of business, and a grouped bar
chart. Counts are ``services.panels.commands.panel_figures``: items the panel recommended, by the
date
of their panel.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from permanence_tracker.domain.calendar import uk_date
from permanence_tracker.reports.base import ReportMeta, build_pdf, frame_width
from permanence_tracker.reports.charts import bar_chart
from permanence_tracker.reports.tables import table
from permanence_tracker.reports.text import NOTE, gap, heading, para, title

if TYPE_CHECKING:
    from permanence_tracker.services.panels import PanelFigures
    from permanence_tracker.services.reporting.inputs import PanelFiguresData

TITLE = "Permanence panel figures"
ROWS = (("Plans for permanent fostering", "plans_permanent_fostering"),
        ("Matches for permanent fostering", "matches_permanent_fostering"),
        ("Adoption matches", "adoption_matches"))
CONTEXT = (("Panels held", "panels"), ("Agenda items heard", "items"))


def period_label(figures: PanelFigures, as_of: date) -> str:
    """The service's label; a period ending on the as-of date reads "... to date"."""
    if figures.end == as_of and figures.label.endswith(uk_date(as_of)):
        return f"{uk_date(figures.start)} to date"
    return figures.label


def render(data: PanelFiguresData, meta: ReportMeta) -> bytes:
    figures = data.figures
    width = frame_width()
    story = title(TITLE, "Business the permanence, fostering and adoption panels recommended, "
                         "counted by the date of the panel")
    if not figures:
        story.append(para("No panels are recorded up to the as-of date."))
        return build_pdf(TITLE, meta, story)
    labels = [period_label(f, meta.as_of) for f in figures]
    rows = [[name] + [f"{getattr(f, field):,}" for f in figures] for name, field in ROWS]
    rows += [[name] + [f"{getattr(f, field):,}" for f in figures] for name, field in CONTEXT]
    first = max(0.3 * width, width - 90 * len(figures))
    rest = (width - first) / len(figures)
    story += heading("Recommended by panel, per period")
    story.append(table(["", *labels], rows, [first] + [rest] * len(figures),
                       "L" + "R" * len(figures)))
    periods = "; ".join(f"{label}: {uk_date(f.start)} to {uk_date(f.end)}"
                        for label, f in zip(labels, figures, strict=True))
    story.append(para(f"Periods, both days included: {periods}.", NOTE))
    story.append(gap(4))
    series = [[getattr(f, field) for f in figures] for _, field in ROWS]
    story.append(bar_chart(labels, series, width, 220, "Recommended by panel",
                           [name for name, _ in ROWS]))
    return build_pdf(TITLE, meta, story)
