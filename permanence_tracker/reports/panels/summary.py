"""Report ``panel-summary``: every agenda item of one panel on one document (landscape).

The panel's details and counts (items, recommendations still to record, ADM decisions awaited
and deadlines missed, from ``PanelRow``), then a line per item: business, child and/or carers,
recommendation with reasons and dissent, the ADM's decision, the decision deadline and the
item's state as of the report date (``ItemRow.status``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from permanence_tracker.domain.calendar import uk_date
from permanence_tracker.reports.base import ReportMeta, build_pdf, frame_width
from permanence_tracker.reports.panels.text import decision_text, panel_facts
from permanence_tracker.reports.tables import facts, table
from permanence_tracker.reports.text import gap, heading, para, title

if TYPE_CHECKING:
    from permanence_tracker.services.panels import ItemRow, PanelDetail

TITLE = "Panel summary"
HEADER = ["No.", "Business", "Child / carers", "Recommendation", "Reasons and dissent",
          "ADM decision", "Decision due by", "State"]
WIDTHS = (4, 14, 15, 12, 24, 11, 9, 11)


def item_row(row: ItemRow) -> list[str]:
    item = row.item
    why = item.reasons + (f" Dissent: {item.dissent}" if item.dissent else "")
    return [str(row.number), item.business + (f" ({item.terms})" if item.terms else ""),
            row.subject, item.recommendation or "to record", why.strip(), decision_text(item),
            uk_date(row.deadline), row.status.state]


def render(detail: PanelDetail, meta: ReportMeta) -> bytes:
    width = frame_width(wide=True)
    counts = detail.panel
    panel = counts.panel
    story = title(f"{TITLE}: {panel.type} panel of {uk_date(panel.date)}",
                  f"Every agenda item, as things stood on {uk_date(detail.as_of)}")
    story.append(facts(panel_facts(panel) + [
        ("Items", str(counts.items)), ("To record", str(counts.to_record)),
        ("ADM decisions awaited", str(counts.outstanding)),
        ("Deadlines missed", str(counts.missed)),
    ], width, columns=2, label=130))
    story.append(gap(2))
    story += heading("Agenda items")
    if detail.items:
        scale = width / sum(WIDTHS)
        story.append(table(HEADER, [item_row(r) for r in detail.items],
                           [w * scale for w in WIDTHS], "RLLLLLLL"))
    else:
        story.append(para("This panel has no agenda items."))
    return build_pdf(TITLE, meta, story, wide=True)
