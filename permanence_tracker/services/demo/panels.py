"""Synthetic panels for the demo authority: about two a month over its five years of history.

A permanence panel meets on the 2nd Thursday of each month; on the 4th Thursday an adoption
panel (odd months) or a fostering panel (even months). Their business follows the demo
children's records: a long-term fostering plan goes to the next permanence panel as a plan for
permanent fostering; a "Permanent Fostering Panel Agreed" outcome was preceded by a match for
permanent fostering; an adoption match (903 AD1 DATE_MATCH) by an adoption panel. Carers'
approvals, reviews and de-registrations fill the rest. Minutes reach the ADM a few working
days after each panel; most decisions are in time, some late, recent ones still outstanding,
and half the latest panel's outcomes are not recorded yet; the next month's panels have
agendas.
Everything here is invented, and deterministic for a seed and as-of date.
"""

from __future__ import annotations

import random
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import replace
from datetime import date, timedelta

from permanence_tracker.domain.calendar import WorkingCalendar, add_months
from permanence_tracker.domain.entities import ChildHistory, Settings
from permanence_tracker.domain.panels import (
    ADM_WORKING_DAYS,
    ADOPTION_MATCH,
    AGREED,
    DEFERRED,
    MATCH_PERMANENT_FOSTERING,
    NOT_AGREED,
    NOT_RECOMMENDED,
    PLAN_PERMANENT_FOSTERING,
    RECOMMENDED,
    AgendaItem,
    PanelMeeting,
)
from permanence_tracker.services.demo import names
from permanence_tracker.services.demo.children import HISTORY_YEARS
from permanence_tracker.services.unit_of_work import UnitOfWork

VENUES = ("Longmarket House, Room 2", "Millbrook Family Centre", "Ashby Vale Hub")
REASONS = {
    PLAN_PERMANENT_FOSTERING: "Return home has been ruled out; the plan gives the child "
                              "stability where they are settled.",
    MATCH_PERMANENT_FOSTERING: "The carers meet the child's long-term needs and the child "
                               "wishes to stay.",
    ADOPTION_MATCH: "The adopters can meet the child's needs throughout childhood.",
    "Approval of carers": "The assessment shows warm, safe care and good support networks.",
    "Review of carers": "The carers continue to provide good care.",
    "De-registration of carers": "The carers have resigned to retire.",
    "Approval of adopters": "The assessment is thorough and the applicants are well prepared.",
}
TERMS = ("Up to 2 children aged 0-10, short and long term", "1 child aged 5-18, long term",
         "Up to 3 siblings aged 0-18", "1 child aged 0-4, foster for adoption")
CARERS_BUSINESS = {"Fostering": (("Approval of carers", 4), ("Review of carers", 4),
                                 ("De-registration of carers", 1)),
                   "Adoption": (("Approval of adopters", 1),),
                   "Permanence": (("Review of carers", 1),)}


def _thursday(year: int, month: int, week: int, calendar: WorkingCalendar) -> date:
    first = date(year, month, 1)
    day = first + timedelta(days=(3 - first.weekday()) % 7 + 7 * (week - 1))
    while not calendar.is_working_day(day):  # Christmas Day, a closure: a week earlier
        day -= timedelta(days=7)
    return day


def schedule(start: date, end: date, calendar: WorkingCalendar) -> list[tuple[date, str]]:
    """(date, type) of every panel from ``start`` to ``end``."""
    found = []
    month = date(start.year, start.month, 1)
    while month <= end:
        second = _thursday(month.year, month.month, 2, calendar)
        fourth = _thursday(month.year, month.month, 4, calendar)
        found += [(second, "Permanence"), (fourth, "Adoption" if month.month % 2 else "Fostering")]
        month = add_months(month, 1)
    return sorted(p for p in found if start <= p[0] <= end)


def _person(rng: random.Random) -> str:
    return f"{rng.choice(names.GIRLS + names.BOYS)} {rng.choice(names.SURNAMES)}"


def _carers(rng: random.Random) -> str:
    surname = rng.choice(names.SURNAMES)
    return rng.choice((f"Mr and Mrs {surname}", f"Ms {surname}", f"Mr {surname}",
                       f"Ms {surname} and Ms {rng.choice(names.SURNAMES)}"))


def _child_business(histories: Sequence[ChildHistory], meetings: list[tuple[date, str]], as_of: date
                    ) -> dict[int, list[tuple[str, str]]]:
    """Agenda entries (business, child ID) by meeting index, from the children's records."""
    by_type: dict[str, list[tuple[int, date]]] = defaultdict(list)
    for position, (day, kind) in enumerate(meetings):
        by_type[kind].append((position, day))
    found: dict[int, list[tuple[str, str]]] = defaultdict(list)

    def first_on_or_after(kind: str, day: date, within: int) -> int | None:
        return next((i for i, d in by_type[kind] if day <= d <= day + timedelta(within)), None)

    def last_before(kind: str, day: date, within: int) -> int | None:
        hits = [i for i, d in by_type[kind] if day - timedelta(within) <= d <= day]
        return hits[-1] if hits else None

    for history in histories:
        cid = history.child.child_id
        for plan in history.plans[:1]:
            if plan.primary == "Long-term fostering":
                index = first_on_or_after("Permanence", plan.agreed, 35)
                if index is not None:
                    found[index].append((PLAN_PERMANENT_FOSTERING, cid))
        for outcome in history.outcomes:
            if outcome.outcome == "Permanent Fostering Panel Agreed":
                index = last_before("Permanence", outcome.recorded, 45)
                if index is not None:
                    found[index].append((MATCH_PERMANENT_FOSTERING, cid))
        for record in history.adoption:
            if record.matched is not None:
                index = last_before("Adoption", record.matched - timedelta(days=5), 70)
                if index is not None:
                    found[index].append((ADOPTION_MATCH, cid))
    # The coming permanence panels take matches for children planned for long-term fostering
    # who have not been matched yet.
    upcoming = [i for i, d in by_type["Permanence"] if d > as_of]
    matched = {cid for entries in found.values() for b, cid in entries
               if b == MATCH_PERMANENT_FOSTERING}
    waiting = [h.child.child_id for h in histories if h.plans and h.child.child_id not in matched
               and h.plans[-1].primary == "Long-term fostering"
               and any(e.open_on(as_of) for e in h.episodes)]
    for number, index in enumerate(upcoming):
        found[index] += [(MATCH_PERMANENT_FOSTERING, c) for c in waiting[number * 3:number * 3 + 3]]
    return found


def _result(rng: random.Random, item: AgendaItem, day: date, as_of: date, quorate: bool,
            calendar: WorkingCalendar) -> AgendaItem:
    """The recommendation, minutes and decision as they stood on ``as_of``."""
    recent = (as_of - day).days
    if not quorate or rng.random() < 0.05:
        return replace(item, recommendation=DEFERRED, reasons="The panel was not quorate."
                       if not quorate else "Further information needed.")
    recommendation = RECOMMENDED if rng.random() < 0.93 else NOT_RECOMMENDED
    item = replace(item, recommendation=recommendation,
                   reasons=REASONS.get(item.business, "The panel considered the report."),
                   dissent="One member wished to see an updated contact plan first."
                   if rng.random() < 0.08 else "")
    minutes = calendar.add_working_days(day, rng.randint(2, 8))
    if minutes > as_of:
        return item  # the ADM has not got the minutes yet
    item = replace(item, minutes_received=minutes)
    late = rng.random() < 0.15
    decided = calendar.add_working_days(
        minutes, rng.randint(ADM_WORKING_DAYS + 1, ADM_WORKING_DAYS + 9) if late
        else rng.randint(1, ADM_WORKING_DAYS))
    if decided > as_of or (recent < 90 and rng.random() < 0.1):
        return item  # still with the ADM (some past the deadline)
    follows = rng.random() < (0.97 if recommendation == RECOMMENDED else 0.9)
    decision = (AGREED if follows else NOT_AGREED) if recommendation == RECOMMENDED \
        else (NOT_AGREED if follows else AGREED)
    return replace(item, adm_decision=decision, adm_decision_date=decided)


def add_panels(uow: UnitOfWork, seed: int, as_of: date, settings: Settings) -> None:
    """Write the demo's panels and agenda items (audited) inside the demo's unit of work."""
    rng = random.Random(f"{seed}/panels")
    calendar = WorkingCalendar(settings.closure_days)
    start = add_months(as_of, -12 * HISTORY_YEARS)
    meetings = schedule(start, as_of + timedelta(days=35), calendar)
    entries = _child_business(uow.histories(), meetings, as_of)
    chairs = (_person(rng), _person(rng))
    pool = [_person(rng) for _ in range(12)]
    items: list[AgendaItem] = []
    for index, (day, kind) in enumerate(meetings):
        held = day <= as_of
        quorate = rng.random() < 0.97 if held else None
        chair = chairs[0] if rng.random() < 0.8 else chairs[1]
        members = (chair, *rng.sample(pool, rng.randint(4, 6) if quorate is not False else 2))
        panel = uow.repo.add(PanelMeeting(day, kind, chair, members if held else (), quorate,
                                          rng.choice(VENUES)))
        panel_id = panel.id
        assert panel_id is not None  # repo.add returns the record with its new id
        agenda = [AgendaItem(panel_id, business, child_id) for business, child_id in
                  entries.get(index, [])]
        options = CARERS_BUSINESS[kind]
        for _ in range(rng.randint(1 if agenda else 2, 4 if kind == "Fostering" else 2)):
            business = rng.choices([o[0] for o in options], [o[1] for o in options])[0]
            terms = rng.choice(TERMS) if business == "Approval of carers" else ""
            agenda.append(AgendaItem(panel_id, business, carers=_carers(rng), terms=terms))
        if held:
            # The latest panel's second half is not typed up yet: outcomes to record.
            latest = index + 1 == len(meetings) or meetings[index + 1][0] > as_of
            typed = len(agenda) // 2 if latest else len(agenda)
            agenda = [_result(rng, item, day, as_of, bool(quorate), calendar)
                      if number < typed else item for number, item in enumerate(agenda)]
        items += agenda
    uow.repo.add_many(items)
