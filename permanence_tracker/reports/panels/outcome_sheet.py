"""Report ``outcome-sheet``: one outcome sheet per agenda item of a panel, each on its own page.

An outcome sheet holds (domain.md, "Panels"): the panel date and type, members present and
quorum, the child and/or carers, the business (with carers' terms of approval), the
recommendation and its reasons, any dissent, the chair's sign-off, and the agency decision
maker's decision and its date, with signature and date lines for the chair and the ADM. The
ADM's deadline and the item's state are ``ItemRow.status`` from the panels service (7 working
days from receipt of the minutes: Fostering NMS 14, Adoption NMS 17).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from reportlab.platypus import Flowable, KeepTogether, PageBreak

from permanence_tracker.domain.calendar import uk_date
from permanence_tracker.reports.base import ReportMeta, build_pdf, frame_width
from permanence_tracker.reports.panels.text import decision_text, panel_facts, signature_block
from permanence_tracker.reports.tables import facts
from permanence_tracker.reports.text import NOTE, gap, heading, para, title

if TYPE_CHECKING:
    from permanence_tracker.services.panels import ItemRow, PanelDetail

TITLE = "Panel outcome sheet"


def sheet(row: ItemRow, total: int, width: float) -> list[Flowable]:
    item, panel = row.item, row.panel
    story = title(f"{TITLE}: item {row.number} of {total}",
                  f"{panel.type} panel of {uk_date(panel.date)}")
    story.append(facts(panel_facts(panel), width, label=96))
    story += heading("Business")
    story.append(facts([
        ("Item", f"{row.number}: {item.business}"),
        ("Child", f"{item.child_id} {row.child_name}".strip() if item.child_id else "none"),
        ("Carers", item.carers or "none"),
        ("Terms of approval", item.terms),
    ], width, columns=1, label=110))
    story += heading("Recommendation")
    story.append(facts([
        ("Recommendation", item.recommendation or "not yet recorded"),
        ("Reasons", item.reasons),
        ("Dissent", item.dissent or "none recorded"),
    ], width, columns=1, label=110))
    story.append(gap(3))
    story.append(KeepTogether(signature_block("Panel chair", panel.chair, width)))
    story += heading("Agency decision maker")
    story.append(facts([
        ("Minutes received", uk_date(item.minutes_received) or "not yet"),
        ("Decision due by", uk_date(row.deadline) or "7 working days from receipt of minutes"),
        ("Decision", decision_text(item)),
        ("Notes", item.adm_notes),
    ], width, columns=1, label=110))
    story.append(para(f"State on the as-of date: {row.status.state}. "
                      f"{row.status.explanation}", NOTE))
    story.append(gap(3))
    story.append(KeepTogether(signature_block("Agency decision maker", "", width)))
    return story


def render(detail: PanelDetail, meta: ReportMeta) -> bytes:
    width = frame_width()
    story: list[Flowable] = []
    total = detail.panel.items
    for index, row in enumerate(detail.items):
        if index:
            story.append(PageBreak())
        story += sheet(row, total, width)
    if not story:
        story = title(TITLE, f"{detail.panel.panel.type} panel of "
                             f"{uk_date(detail.panel.panel.date)}")
        story.append(para("This panel has no agenda items."))
    return build_pdf(TITLE, meta, story)
