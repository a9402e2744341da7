"""One synthetic child's whole history, from a seed, an index and an as-of date.

Children looked after on the as-of date are made first (``index < looked_after``), then
children who left care in the five years before it. Each child has its own
:class:`random.Random` seeded from the demo seed and its index, so any slice of the authority
can be made on its own and the same seed always gives the same children.
"""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import date, timedelta

from permanence_tracker.domain.calendar import WorkingCalendar
from permanence_tracker.domain.entities import (
    SHORT_BREAK_STATUSES,
    AdoptionMilestones,
    Child,
    ChildHistory,
    Episode,
    MissingEpisode,
    MonitoringOutcome,
    PlanChange,
    Review,
    Settings,
)
from permanence_tracker.domain.periods import periods_of_care
from permanence_tracker.services.demo import events, places
from permanence_tracker.services.demo.care import (
    EXITS,
    ROUTES_NOW,
    make_child,
    period_episodes,
    short_break_episodes,
    weighted,
)

AGE_BANDS = ((0, 1, 6), (1, 5, 13), (5, 10, 19), (10, 16, 38), (16, 18, 24))  # DfE SFR mix
HISTORY_YEARS = 5
EXIT_ROUTES = {
    "home": (("section20", 70), ("care_order", 30)), "adoption": (("adoption", 1),),
    "sgo": (("care_order", 55), ("interim", 45)), "cao": (("interim", 60), ("care_order", 40)),
    "independence": (("care_order", 60), ("section20", 40)),
    "other": (("section20", 70), ("remand", 15), ("care_order", 15)),
}
EXIT_LENGTH = {"home": (20, 700), "adoption": (500, 1200), "sgo": (300, 1400),
               "cao": (300, 1000), "independence": (400, 4000), "other": (30, 1500)}
EXIT_AGE = {"home": (0, 17), "adoption": (1, 6), "sgo": (1, 12), "cao": (1, 12),
            "independence": (17.6, 18), "other": (5, 17.9)}


def _days(years: float) -> int:
    return int(years * 365.25)


# (date of birth, UASC, legal route, start of the last period, its end, REC) of a child
Start = tuple[date, bool, str, date, date | None, str]


def _current(rng: random.Random, as_of: date) -> Start:
    low, high = weighted(rng, [((lo, hi), w) for lo, hi, w in AGE_BANDS])
    dob = as_of - timedelta(days=rng.randint(_days(low) + 1, _days(high) - 1))
    age = (as_of - dob).days / 365.25
    uasc = age >= 14 and rng.random() < 0.12
    if uasc and (dob.month, dob.day) == (2, 29):
        dob -= timedelta(days=1)  # DUC is the 18th birthday, which has no 29 February (205B)
    route = "section20" if uasc else weighted(rng, ROUTES_NOW)
    if route == "placement_order" and age >= 8 or route == "remand" and age < 12:
        route = "care_order"
    length = {"section20": (20, 1200), "interim": (14, 450), "protection": (1, 7),
              "remand": (10, 120), "placement_order": (250, 1300),
              "short_breaks": (100, 1500), "home_on_order": (400, 2500)}.get(route, (200, 4500))
    days = min(rng.randint(*length), (as_of - dob).days)
    return dob, uasc, route, as_of - timedelta(days=days), None, ""


def _leaver(rng: random.Random, as_of: date) -> tuple[date, bool, str, date, date, str, str]:
    """A :data:`Start` that has ended, and how (its group in ``care.EXITS``)."""
    group, _, recs = rng.choices(EXITS, weights=[e[1] for e in EXITS])[0]
    end = as_of - timedelta(days=rng.randint(1, _days(HISTORY_YEARS)))
    low, high = EXIT_AGE[group]
    dob = end - timedelta(days=rng.randint(_days(low) + 1, _days(high)))
    length = min(rng.randint(*EXIT_LENGTH[group]), (end - dob).days)
    route = weighted(rng, EXIT_ROUTES[group])
    rec = rng.choice(recs)
    if rec == "E17":  # stayed put with the carers: care ends on the 18th birthday (rule 460)
        dob = _born_eighteen_years_before(end)
    return dob, False, route, end - timedelta(days=max(1, length)), end, rec, group


def _born_eighteen_years_before(day: date) -> date:
    """The date of birth whose 18th birthday is ``day`` (29 February: the 28th)."""
    try:
        return day.replace(year=day.year - 18)
    except ValueError:
        return date(day.year - 18, 2, 28)


def make_history(seed: int, index: int, looked_after: int, child_id: str, iros: list[str],
                 iro_weights: list[float], settings: Settings, as_of: date,
                 calendar: WorkingCalendar) -> ChildHistory:
    rng = random.Random(f"{seed}/{index}")
    if index < looked_after:
        dob, uasc, route, start, end, rec = _current(rng, as_of)
        group = None
    else:
        dob, uasc, route, start, end, rec, group = _leaver(rng, as_of)
    if route == "remand" and (start - dob).days < 12 * 365.25:
        route = "section20"  # remanded (J1) from 12 here; rule 358 refuses under 10
    iro = rng.choices(iros, weights=iro_weights)[0]
    child = make_child(rng, child_id, dob, iro, uasc)
    where = random.Random(f"{seed}/{index}/903")  # locations, motherhood: their own stream
    home = places.home_postcode(where)
    episodes: list[Episode] = []
    earlier_end = start - timedelta(days=rng.randint(60, 900))
    if route != "short_breaks" and rng.random() < 0.08 and earlier_end - dob > timedelta(400):
        earlier_start = earlier_end - timedelta(days=rng.randint(40, 380))
        episodes += period_episodes(rng, child, max(earlier_start, dob), earlier_end, "E4A",
                                    "section20", as_of, home)
    if route == "short_breaks":
        episodes += short_break_episodes(rng, child, start, as_of)
    else:
        episodes += period_episodes(rng, child, start, end, rec, route, as_of, home)
    child = _motherhood(where, child, episodes)
    periods = periods_of_care(episodes)
    reviews: list[Review] = []
    plans: list[PlanChange] = []
    outcomes: list[MonitoringOutcome] = []
    missing: list[MissingEpisode] = []
    adoption: list[AdoptionMilestones] = []
    for period in periods:
        held = events.reviews(rng, child, period, as_of, iros, calendar, late_share=0.08)
        if period.short_breaks_only and period.end is not None:
            held = []  # reviews of a V3 series are recorded against the break open now
        plan_list = events.plans(rng, child, period, held, as_of, no_plan_share=0.07)
        reviews += events.with_plan_flags(held, plan_list)
        plans += plan_list
        is_last = period is periods[-1]
        outcomes += events.outcomes(rng, child, period, plan_list, group if is_last else "home",
                                    as_of, settings.monitoring_outcomes)
        missing += events.missing(rng, child, period, as_of)
        adoption += events.adoption(rng, child, list(period.episodes), as_of,
                                    adopted=is_last and group == "adoption")
    return ChildHistory(
        child, tuple(episodes), tuple(reviews), tuple(plans), tuple(outcomes),
        tuple(adoption), tuple(missing),
        tuple(events.previous(rng, child, min(e.start for e in episodes))),
    )


def _motherhood(rng: random.Random, child: Child, episodes: list[Episode]) -> Child:
    """A few girls of 15 and over were already mothers when first looked after: MOTHER 1 and
    MC_DOB before that day (so no return contradicts another: rules 207, 620, 621, 625, 626);
    every other girl is MOTHER 0 (rule 393), except on short breaks only (rule 399: blank)."""
    if all(e.legal_status in SHORT_BREAK_STATUSES for e in episodes):
        return replace(child, mother=None)
    first_start = min(e.start for e in episodes)
    fourteen = child.dob + timedelta(days=_days(14.5))
    if child.sex != "F" or first_start - fourteen < timedelta(days=200) or rng.random() > 0.08:
        return child
    born = fourteen + timedelta(days=rng.randint(0, (first_start - fourteen).days - 30))
    return replace(child, mother=True, mother_child_dob=born)
