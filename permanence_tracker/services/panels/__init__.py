"""Panels: meetings, agenda items, recommendations and ADM decisions: the context's API.

API (stable: the printed reports build on it). Entities are in :mod:`domain.panels`
(``PanelMeeting``, ``AgendaItem``, the recommendation and decision words, ``ItemStatus``).

Reads, each ``(uow_factory, ...)`` returning frozen rows (from :mod:`services.panels.queries`):

- ``panels(uow_factory, as_of) -> PanelList``: ``.upcoming`` (meeting after ``as_of``, soonest
  first) and ``.past`` (newest first), tuples of ``PanelRow(panel, upcoming, items, to_record,
  outstanding, missed)``.
- ``panel_detail(uow_factory, panel_id, as_of) -> PanelDetail(as_of, panel: PanelRow,
  items)``; each ``ItemRow(item, number, panel, child_name, status)`` has ``.deadline``,
  ``.missed``, ``.outstanding``, ``.subject``; ``status.state`` is one of the states in
  :mod:`domain.panels` and ``status.explanation`` gives the rule and the dates.
- ``panel_items(uow_factory, as_of)``: every ``ItemRow`` of every panel (by panel date).
- ``agenda_item(uow_factory, item_id) -> AgendaItem`` as stored (for an edit).
- ``outstanding_decisions(uow_factory, as_of)`` and ``outcomes_to_record(uow_factory,
  as_of)``: tuples of ``ItemRow`` across all panels (missed deadlines first; oldest first).
- ``panel_figures(uow_factory, periods=None) -> tuple[PanelFigures, ...]``: plans and matches
  for permanent fostering and adoption matches recommended, by panel date, per (start, end)
  period (both days included; default every financial year holding a panel).
- ``panel_settings(uow_factory) -> PanelSettings(types, business, closure_days)``: what the
  panel dialogs offer, and the closure days the ADM's working days skip.

Writes take ``today`` and raise :class:`ValidationError` (every problem, nothing written),
:class:`ConflictError` (a stale version) or :class:`NotFoundError`:

- ``save_panel(uow_factory, panel, today)``, ``save_item(uow_factory, item, today)``: add (no
  id) or update (id and the version read); ``delete_item``, ``delete_panel`` (once empty).
- ``record_recommendation(uow_factory, item, recommendation, reasons, dissent, today)`` and
  ``record_decision(uow_factory, item, minutes_received, decision, decided, today, notes)``
  (``decision`` "" records only when the ADM received the minutes) return ``Recorded(item,
  suggestion)``; ``record_minutes(uow_factory, panel_id, received, today)`` dates the minutes
  of every item of a panel still awaiting them.
- ``add_suggested_outcome(uow_factory, suggestion, today)`` adds a ``SuggestedOutcome`` to
  the child as a monitoring outcome, exactly as :func:`services.records.editing.add_outcome` does.
"""

from permanence_tracker.services.panels.commands import (
    Recorded,
    add_suggested_outcome,
    delete_item,
    delete_panel,
    record_decision,
    record_minutes,
    record_recommendation,
    save_item,
    save_panel,
)
from permanence_tracker.services.panels.queries import (
    ItemRow,
    PanelDetail,
    PanelFigures,
    PanelList,
    PanelRow,
    PanelSettings,
    agenda_item,
    outcomes_to_record,
    outstanding_decisions,
    panel_detail,
    panel_figures,
    panel_items,
    panel_settings,
    panels,
)

__all__ = [
    "ItemRow", "PanelDetail", "PanelFigures", "PanelList", "PanelRow", "PanelSettings",
    "Recorded", "add_suggested_outcome", "agenda_item", "delete_item", "delete_panel",
    "outcomes_to_record", "outstanding_decisions", "panel_detail", "panel_figures",
    "panel_items", "panel_settings", "panels", "record_decision", "record_minutes",
    "record_recommendation", "save_item", "save_panel",
]
