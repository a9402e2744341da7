"""Read queries over panels, returning frozen rows (front ends import them from
:mod:`services.panels`).

Each query reads in one unit of work and judges every item as of the date given, with the
authority's working calendar (England bank holidays plus its closure days).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from permanence_tracker.domain.calendar import WorkingCalendar, uk_date
from permanence_tracker.domain.errors import NotFoundError, Problem, ValidationError
from permanence_tracker.domain.measures import financial_year
from permanence_tracker.domain.panels import (
    ADOPTION_MATCH,
    MATCH_PERMANENT_FOSTERING,
    PLAN_PERMANENT_FOSTERING,
    RECOMMENDED,
    TO_RECORD,
    AgendaItem,
    ItemStatus,
    PanelMeeting,
    item_status,
)
from permanence_tracker.services.authorization import requires
from permanence_tracker.services.unit_of_work import UnitOfWork, UowFactory


@dataclass(frozen=True, slots=True)
class ItemRow:
    """An agenda item with its panel, its child's name and its state as of the query date."""

    item: AgendaItem
    number: int  # position on its panel's agenda, from 1
    panel: PanelMeeting
    child_name: str  # "" when there is no child or the child has no name recorded
    status: ItemStatus

    @property
    def deadline(self) -> date | None:
        return self.status.deadline

    @property
    def missed(self) -> bool:
        return self.status.missed

    @property
    def outstanding(self) -> bool:
        return self.status.outstanding

    @property
    def subject(self) -> str:
        """Who the item is about: "C1 Ava Stone; carers: Mr and Mrs Lee"."""
        parts = []
        if self.item.child_id:
            parts.append(f"{self.item.child_id} {self.child_name}".strip())
        if self.item.carers:
            parts.append(f"carers: {self.item.carers}")
        return "; ".join(parts)


@dataclass(frozen=True, slots=True)
class PanelRow:
    """A meeting with the counts a panel administrator works from."""

    panel: PanelMeeting
    upcoming: bool  # meets after the as-of date
    items: int
    to_record: int  # held, and the recommendation not recorded
    outstanding: int  # the ADM's decision awaited
    missed: int  # decision deadline missed (still awaited, or decided late)


@dataclass(frozen=True, slots=True)
class PanelList:
    as_of: date
    upcoming: tuple[PanelRow, ...]  # soonest first
    past: tuple[PanelRow, ...]  # newest first (a panel on the as-of date has been held)


@dataclass(frozen=True, slots=True)
class PanelDetail:
    as_of: date
    panel: PanelRow
    items: tuple[ItemRow, ...]  # agenda order


@dataclass(frozen=True, slots=True)
class PanelFigures:
    """Recommended business per period, counted by panel date (the council report's table)."""

    start: date
    end: date  # inclusive
    label: str  # "2014/15" for a financial year, else "01/04/2015 to 31/03/2016"
    panels: int  # meetings in the period
    items: int  # agenda items at them
    plans_permanent_fostering: int
    matches_permanent_fostering: int
    adoption_matches: int


@dataclass(frozen=True, slots=True)
class PanelSettings:
    """What the panel dialogs offer and count with, as the authority configured them."""

    types: tuple[str, ...]  # panel types ("Adoption", "Fostering", "Permanence" ...)
    business: tuple[str, ...]  # what an agenda item can be about
    closure_days: tuple[date, ...]  # the authority's own, on top of England's bank holidays


@requires("panels.read")
def panel_settings(uow_factory: UowFactory) -> PanelSettings:
    """The panel types, agenda business and closure days from the authority's settings."""
    with uow_factory() as uow:
        settings = uow.settings()
    return PanelSettings(tuple(settings.panel_types), tuple(settings.panel_business),
                         tuple(settings.closure_days))


def _rows(uow: UnitOfWork, panels: Sequence[PanelMeeting], as_of: date
          ) -> dict[int, list[ItemRow]]:
    calendar = WorkingCalendar(uow.settings().closure_days)
    wanted = {p.id: p for p in panels if p.id is not None}
    if len(wanted) == 1:  # one panel's agenda: read just that
        items = uow.repo.records_where(AgendaItem, panel_id=next(iter(wanted)))
    else:
        items = [i for i in uow.repo.records_where(AgendaItem) if i.panel_id in wanted]
    names = uow.repo.child_names(i.child_id for i in items if i.child_id)
    rows: dict[int, list[ItemRow]] = defaultdict(list)
    for item in items:  # by id: the order they were put on the agenda
        panel = wanted[item.panel_id]
        agenda = rows[item.panel_id]
        agenda.append(ItemRow(item, len(agenda) + 1, panel, names.get(item.child_id or "", ""),
                              item_status(item, panel.date, calendar, as_of)))
    return rows


def _panel_row(panel: PanelMeeting, rows: Iterable[ItemRow], as_of: date) -> PanelRow:
    rows = list(rows)
    return PanelRow(panel, panel.date > as_of, len(rows),
                    sum(r.status.state == TO_RECORD for r in rows),
                    sum(r.outstanding for r in rows), sum(r.missed for r in rows))


def _all(uow_factory: UowFactory, as_of: date
         ) -> tuple[list[PanelMeeting], dict[int, list[ItemRow]]]:
    with uow_factory() as uow:
        meetings = uow.repo.records_where(PanelMeeting)
        return meetings, _rows(uow, meetings, as_of)


@requires("panels.read")
def panels(uow_factory: UowFactory, as_of: date) -> PanelList:
    meetings, rows = _all(uow_factory, as_of)
    listed = [_panel_row(p, rows.get(p.id or 0, ()), as_of) for p in meetings]
    upcoming = sorted((r for r in listed if r.upcoming), key=lambda r: (r.panel.date, r.panel.id))
    past = sorted((r for r in listed if not r.upcoming),
                  key=lambda r: (r.panel.date, r.panel.id), reverse=True)
    return PanelList(as_of, tuple(upcoming), tuple(past))


@requires("panels.read")
def panel_detail(uow_factory: UowFactory, panel_id: int, as_of: date) -> PanelDetail:
    with uow_factory() as uow:
        found = uow.repo.records_where(PanelMeeting, id=panel_id)
        if not found:
            raise NotFoundError(f"no panel with ID {panel_id}: it may have been deleted; "
                                "reload the list")
        items = _rows(uow, found, as_of).get(panel_id, [])
    return PanelDetail(as_of, _panel_row(found[0], items, as_of), tuple(items))


@requires("panels.read")
def agenda_item(uow_factory: UowFactory, item_id: int) -> AgendaItem:
    """One agenda item as stored (with its version, for an edit)."""
    with uow_factory() as uow:
        found = uow.repo.records_where(AgendaItem, id=item_id)
    if not found:
        raise NotFoundError(f"no agenda item with ID {item_id}: check the ID or list the "
                            "panel's items")
    item: AgendaItem = found[0]
    return item


def _every_item(uow_factory: UowFactory, as_of: date) -> list[ItemRow]:
    _meetings, rows = _all(uow_factory, as_of)
    return [row for items in rows.values() for row in items]


@requires("panels.read")
def panel_items(uow_factory: UowFactory, as_of: date) -> tuple[ItemRow, ...]:
    """Every agenda item of every panel, by panel date then agenda number."""
    rows = _every_item(uow_factory, as_of)
    return tuple(sorted(rows, key=lambda r: (r.panel.date, r.panel.id or 0, r.number)))


@requires("panels.read")
def outstanding_decisions(uow_factory: UowFactory, as_of: date) -> tuple[ItemRow, ...]:
    """Items awaiting the ADM's decision: missed deadlines first (oldest deadline first), then
    those due (soonest first), then those whose minutes the ADM has not received yet."""
    def order(row: ItemRow) -> tuple[bool, bool, date, date, int]:
        waiting = row.deadline is None
        return (not row.missed, waiting, row.deadline or row.panel.date, row.panel.date,
                row.number)

    return tuple(sorted((r for r in _every_item(uow_factory, as_of) if r.outstanding),
                        key=order))


@requires("panels.read")
def outcomes_to_record(uow_factory: UowFactory, as_of: date) -> tuple[ItemRow, ...]:
    """Items of panels held by ``as_of`` whose recommendation is not recorded, oldest first."""
    rows = (r for r in _every_item(uow_factory, as_of) if r.status.state == TO_RECORD)
    return tuple(sorted(rows, key=lambda r: (r.panel.date, r.panel.id or 0, r.number)))


def _label(start: date, end: date) -> str:
    """A financial year as the council's panel report names it ("2025/26"), else the dates."""
    if (start, end) == financial_year(start):
        return f"{start.year}/{str(end.year)[2:]}"
    return f"{uk_date(start)} to {uk_date(end)}"


@requires("panels.read")
def panel_figures(uow_factory: UowFactory,
                  periods: Sequence[tuple[date, date]] | None = None) -> tuple[PanelFigures, ...]:
    """Plans and matches for permanent fostering and adoption matches recommended, per period.

    ``periods`` are (start, end) pairs, both days included; by default every financial year
    (1 April to 31 March) from the first panel's to the last panel's. An item counts in the
    period holding its panel's date, once the panel has recommended it.
    """
    with uow_factory() as uow:
        meetings = {p.id: p for p in uow.repo.records_where(PanelMeeting)}
        items = uow.repo.records_where(AgendaItem)
    if periods is None:
        periods = _financial_years([p.date for p in meetings.values()])
    figures = []
    for start, end in periods:
        if end < start:
            raise ValidationError([Problem("period", f"{uk_date(start)} to {uk_date(end)} ends "
                                                     "before it starts: swap the dates")])
        held = {i for i, p in meetings.items() if start <= p.date <= end}
        mine = [i for i in items if i.panel_id in held]
        counted = [i.business for i in mine if i.recommendation == RECOMMENDED]
        figures.append(PanelFigures(start, end, _label(start, end), len(held), len(mine),
                                    counted.count(PLAN_PERMANENT_FOSTERING),
                                    counted.count(MATCH_PERMANENT_FOSTERING),
                                    counted.count(ADOPTION_MATCH)))
    return tuple(figures)


def _financial_years(days: list[date]) -> list[tuple[date, date]]:
    if not days:
        return []
    first, last = financial_year(min(days)), financial_year(max(days))
    return [financial_year(date(year, 4, 1)) for year in range(first[0].year, last[0].year + 1)]
