"""A printed report's input, pseudonymised (issue 12): the rules of ``domain.pseudonym``
applied to every kind of :data:`~permanence_tracker.services.reporting.inputs.ReportData`.

Done here, where the report's input is built, so the CLI, the app and any other front end get
the same pseudonymised report. Children's and carers' names become initials (each beside the
child's ID, which keeps rows apart); a date of birth becomes the first of its month (the report
shows month and year only: ``ReportMeta.pseudonymised``); the UPN and a mother's child's date of
birth are blanked; free text (plan, outcome and review notes, notes on the record, panel
reasons, dissent and ADM notes) is replaced by ``LEFT_OUT``. Staff (IROs, social workers, panel
members) keep their names. The audit tab of a record is emptied (its before and after values
hold names and dates of birth; the audit export pseudonymises those itself).
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from permanence_tracker.domain.pseudonym import first_of_month, free_text, initials
from permanence_tracker.services.panels import ItemRow, PanelDetail
from permanence_tracker.services.permanence.dashboard import ChildGroup, Dashboard
from permanence_tracker.services.permanence.rows import ChildRow
from permanence_tracker.services.records.child_record import ChildRecord

if TYPE_CHECKING:
    from permanence_tracker.services.reporting.inputs import ReportData


def pseudonymise_report_data(data: ReportData) -> ReportData:
    """``data`` (any ReportData) with names, dates of birth and free text pseudonymised;
    figures and report-made words unchanged."""
    from permanence_tracker.services.reporting.inputs import CaseloadsData, CohortData

    if isinstance(data, CaseloadsData):
        return replace(data, children=tuple(child_row(r) for r in data.children))
    if isinstance(data, CohortData):
        return replace(data, dashboard=dashboard(data.dashboard))
    if isinstance(data, ChildRecord):
        return child_record(data)
    if isinstance(data, PanelDetail):
        return replace(data, items=tuple(item_row(r) for r in data.items))
    return data  # panel figures: counts only


def child_row(row: ChildRow) -> ChildRow:
    return replace(row, name=initials(row.name), dob=first_of_month(row.dob))


def dashboard(figures: Dashboard) -> Dashboard:
    def group(g: ChildGroup) -> ChildGroup:
        return replace(g, children=tuple(replace(c, name=initials(c.name))
                                         for c in g.children))
    return replace(figures, without_plan=tuple(group(g) for g in figures.without_plan),
                   drift=tuple(group(g) for g in figures.drift))


def child_record(record: ChildRecord) -> ChildRecord:
    child = record.child
    named = initials(child.name)
    # Child.name joins forename and surname: the initials go in the forename, so
    # ``child.name`` reads "A.E." and no part of the real name is kept.
    child = replace(child, forename=named, surname="", dob=first_of_month(child.dob), upn="",
                    mother_child_dob=None)
    return replace(
        record, child=child, standing=child_row(record.standing),
        reviews=tuple(replace(r, review=replace(r.review, notes=free_text(r.review.notes)))
                      for r in record.reviews),
        plans=tuple(replace(p, plan=replace(p.plan, notes=free_text(p.plan.notes)))
                    for p in record.plans),
        outcomes=tuple(replace(o, notes=free_text(o.notes)) for o in record.outcomes),
        notes=tuple(replace(n, text=free_text(n.text)) for n in record.notes),
        audit=())


def item_row(row: ItemRow) -> ItemRow:
    item = row.item
    item = replace(item, carers=initials(item.carers), reasons=free_text(item.reasons),
                   dissent=free_text(item.dissent), adm_notes=free_text(item.adm_notes))
    return replace(row, item=item, child_name=initials(row.child_name))
