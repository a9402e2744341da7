"""Panel commands: meetings, agenda items, recommendations and the ADM's decisions written,
each checked (``domain.panel_checks``) and audited in one unit of work. The context's whole API,
reads included, is :mod:`services.panels`."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from permanence_tracker.domain.calendar import uk_date
from permanence_tracker.domain.entities import MonitoringOutcome
from permanence_tracker.domain.errors import NotFoundError, Problem, ValidationError
from permanence_tracker.domain.panel_checks import check_item, check_panel
from permanence_tracker.domain.panels import (
    AgendaItem,
    PanelMeeting,
    SuggestedOutcome,
    needs_decision,
    suggested_outcome,
)
from permanence_tracker.services.authorization import requires
from permanence_tracker.services.records import editing as records
from permanence_tracker.services.unit_of_work import UnitOfWork, UowFactory

# How a field of an item reads in a message about its panel
FIELD_WORDS = {"adm_decision_date": "ADM decision date", "adm_decision": "ADM decision",
               "minutes_received": "minutes received", "child_id": "child ID"}


@dataclass(frozen=True, slots=True)
class Recorded:
    item: AgendaItem  # as stored, with its new version
    suggestion: SuggestedOutcome | None  # a monitoring outcome to offer for the child


def _raise(problems: list[Problem]) -> None:
    if problems:
        raise ValidationError(problems)


def _panel(uow: UnitOfWork, panel_id: int) -> PanelMeeting:
    found = uow.repo.records_where(PanelMeeting, id=panel_id)
    if not found:
        raise NotFoundError(f"no panel with ID {panel_id}: check the ID or list the panels")
    return found[0]


def _item(uow: UnitOfWork, item_id: int | None) -> AgendaItem:
    found = uow.repo.records_where(AgendaItem, id=item_id) if item_id is not None else []
    if not found:
        raise NotFoundError(f"no agenda item with ID {item_id}: check the ID or list the "
                            "panel's items")
    return found[0]


def _tidy(item: AgendaItem) -> AgendaItem:
    child = (item.child_id or "").strip() or None
    return replace(item, child_id=child, carers=item.carers.strip(), terms=item.terms.strip())


@requires("panels.edit")
def save_panel(uow_factory: UowFactory, panel: PanelMeeting, today: date) -> PanelMeeting:
    """Add or update a meeting; an update must leave each of its items valid."""
    panel = replace(panel, chair=panel.chair.strip(), venue=panel.venue.strip(),
                    members=tuple(m.strip() for m in panel.members))
    with uow_factory() as uow:
        stored = _panel(uow, panel.id) if panel.id is not None else None
        types = uow.settings().panel_types + ((stored.type,) if stored else ())
        problems = check_panel(panel, today, types)
        if stored is not None:
            field = "date" if panel.date != stored.date else (
                "quorate" if panel.quorate != stored.quorate else "")
            business = uow.settings().panel_business
            for number, item in enumerate(uow.repo.records_where(AgendaItem, panel_id=panel.id),
                                          start=1):
                for problem in check_item(item, panel, today, (*business, item.business), True):
                    what = FIELD_WORDS.get(problem.field, problem.field.replace("_", " "))
                    problems.append(Problem(field, f"would make item {number} "
                                                   f"({item.business}) wrong: its {what} "
                                                   f"{problem.message}"))
        _raise(problems)
        return uow.repo.add(panel) if stored is None else uow.repo.update(panel)


@requires("panels.edit")
def delete_panel(uow_factory: UowFactory, panel: PanelMeeting) -> None:
    with uow_factory() as uow:
        items = uow.repo.records_where(AgendaItem, panel_id=panel.id)
        if items:
            raise ValidationError([Problem("", f"the panel of {uk_date(panel.date)} has "
                                               f"{len(items)} agenda item(s): remove them first")])
        uow.repo.delete(panel)


def _check(uow: UnitOfWork, item: AgendaItem, today: date
           ) -> tuple[PanelMeeting, AgendaItem | None]:
    panel = _panel(uow, item.panel_id)
    stored = _item(uow, item.id) if item.id is not None else None
    business = uow.settings().panel_business + ((stored.business,) if stored else ())
    known = not item.child_id or uow.repo.child(item.child_id) is not None
    _raise(check_item(item, panel, today, business, known))
    return panel, stored


@requires("panels.edit")
def save_item(uow_factory: UowFactory, item: AgendaItem, today: date) -> AgendaItem:
    item = _tidy(item)
    with uow_factory() as uow:
        _panel_, stored = _check(uow, item, today)
        return uow.repo.add(item) if stored is None else uow.repo.update(item)


@requires("panels.edit")
def delete_item(uow_factory: UowFactory, item: AgendaItem) -> None:
    with uow_factory() as uow:
        uow.repo.delete(item)


def _record(uow_factory: UowFactory, item: AgendaItem, today: date) -> Recorded:
    with uow_factory() as uow:
        panel, _stored = _check(uow, item, today)
        saved = uow.repo.update(item)
        suggestion = None
        if saved.child_id:
            existing = tuple((o.outcome, o.recorded)
                             for o in uow.repo.records(MonitoringOutcome, saved.child_id))
            suggestion = suggested_outcome(saved, panel.date,
                                           uow.settings().monitoring_outcomes, existing)
        return Recorded(saved, suggestion)


@requires("panels.edit")
def record_recommendation(uow_factory: UowFactory, item: AgendaItem, recommendation: str,
                          reasons: str, dissent: str, today: date) -> Recorded:
    """The panel's recommendation on ``item`` (as the user saw it: a stale one conflicts)."""
    return _record(uow_factory, replace(_tidy(item), recommendation=recommendation,
                                        reasons=reasons.strip(), dissent=dissent.strip()), today)


@requires("panels.edit")
def record_decision(uow_factory: UowFactory, item: AgendaItem, minutes_received: date | None,
                    decision: str, decided: date | None, today: date,
                    notes: str = "") -> Recorded:
    """When the ADM received the minutes and (once made) the ADM's decision and its date."""
    return _record(uow_factory, replace(_tidy(item), minutes_received=minutes_received,
                                        adm_decision=decision, adm_decision_date=decided,
                                        adm_notes=notes.strip()), today)


@requires("panels.edit")
def record_minutes(uow_factory: UowFactory, panel_id: int, received: date, today: date
                   ) -> tuple[AgendaItem, ...]:
    """Date the minutes for every item of a panel that awaits them; returns those items."""
    with uow_factory() as uow:
        panel = _panel(uow, panel_id)
        waiting = [i for i in uow.repo.records_where(AgendaItem, panel_id=panel_id)
                   if needs_decision(i) and i.minutes_received is None]
        if not waiting:
            raise ValidationError([Problem("minutes_received", "no item of this panel awaits "
                                           "its minutes: record the recommendations first")])
        changed = [replace(i, minutes_received=received) for i in waiting]
        problems = []
        business = uow.settings().panel_business
        for item in changed:
            problems += check_item(item, panel, today, (*business, item.business), True)
        _raise(list(dict.fromkeys(problems)))
        return tuple(uow.repo.update(i) for i in changed)


@requires("outcomes.edit")
def add_suggested_outcome(uow_factory: UowFactory, suggestion: SuggestedOutcome, today: date
                          ) -> MonitoringOutcome:
    """Add the suggested outcome to the child, validated and audited like any outcome."""
    return records.add_outcome(uow_factory, MonitoringOutcome(
        suggestion.child_id, suggestion.recorded, suggestion.outcome, suggestion.notes), today)
