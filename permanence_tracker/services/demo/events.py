"""Synthetic events inside a child's periods of care: reviews, plans, adoption, missing.

Reviews follow the Care Planning Regs 2010 reg 33 timetable (reg 48 for short breaks) through
:func:`domain.timetable.due_after`, so most are on time, some early, some late, and a few of
the next ones are overdue on the as-of date. Plans are mostly agreed before the 2nd review; a
share are not, so the demo shows children flagged and warned.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from permanence_tracker.domain.calendar import WorkingCalendar
from permanence_tracker.domain.entities import (
    AdoptionMilestones,
    Child,
    Episode,
    MissingEpisode,
    MonitoringOutcome,
    PlanChange,
    PreviousPermanence,
    Review,
)
from permanence_tracker.domain.measures import age_in_years
from permanence_tracker.domain.periods import Period
from permanence_tracker.domain.timetable import due_after
from permanence_tracker.services.demo.care import weighted

PARTICIPATION = (("PN1", 40), ("PN2", 12), ("PN3", 8), ("PN4", 10), ("PN5", 12), ("PN6", 10),
                 ("PN7", 8))
PLAN_BY_STATUS = {
    "E1": (("Adoption", 90), ("Long-term fostering", 10)),
    "C2": (("Long-term fostering", 50), ("Adoption", 12), ("SGO/CAO", 18),
           ("Return to family", 12), ("Long-term residential placement", 4),
           ("Supported living in the community", 4)),
    "C1": (("Adoption", 25), ("SGO/CAO", 30), ("Return to family", 30),
           ("Long-term fostering", 15)),
}
# 903 AD1 (NB_ADOPTR, SEX_ADOPTR, LS_ADOPTR) with a rough weighting; each status goes with
# the adopters' sexes the rules allow (511, 514, 517-520, 524): L0 single, L11/L12 married
# different/same sex, L2 civil partners, L3/L4 unmarried different/same sex.
ADOPTERS = ((("1", "F1", "L0"), 12), (("1", "M1", "L0"), 2), (("2", "MF", "L11"), 58),
            (("2", "MF", "L3"), 12), (("2", "FF", "L12"), 4), (("2", "MM", "L12"), 3),
            (("2", "FF", "L4"), 3), (("2", "MM", "L2"), 3), (("2", "FF", "L2"), 3))
PLAN_OTHER = (("Return to family", 60), ("Long-term fostering", 20), ("Other", 10),
              ("Supported living in the community", 10))


def reviews(rng: random.Random, child: Child, period: Period, as_of: date, iros: list[str],
            calendar: WorkingCalendar, late_share: float) -> list[Review]:
    """Reviews held in ``period`` up to ``as_of``: mostly a few days before each due date."""
    last_day = min(period.end - timedelta(days=1) if period.end else as_of, as_of)
    short = period.short_breaks_only
    held: list[Review] = []
    previous = period.start
    number = 1
    while True:
        due = due_after(number, previous, calendar, short)
        if rng.random() < late_share:
            day = due + timedelta(days=rng.randint(1, 50))
        else:
            day = due - timedelta(days=rng.randint(0, 12 if number == 1 else 20))
        day = max(day, previous + timedelta(days=1 if number == 1 else 14))
        if day > last_day:
            return held
        under_four = age_in_years(child.dob, day) < 4
        chair = child.iro if rng.random() < 0.85 or not iros else rng.choice(iros)
        held.append(Review(child.child_id, day,
                           "PN0" if under_four else weighted(rng, PARTICIPATION), chair))
        previous, number = day, number + 1


def plans(rng: random.Random, child: Child, period: Period, held: list[Review],
          as_of: date, no_plan_share: float) -> list[PlanChange]:
    """The permanence plan history of one period (maybe empty: no plan yet)."""
    status = (period.episode_on(as_of) or period.episodes[-1]).legal_status
    if period.short_breaks_only:
        return []
    share = no_plan_share * (2.5 if status in ("V2", "C1") else 1)
    if rng.random() < share:
        return []
    if len(held) >= 2 and rng.random() < 0.92:
        earliest = held[0].held + timedelta(days=1)
        agreed = earliest + timedelta(days=rng.randint(0, max(0, (held[1].held - earliest).days)))
    else:  # agreed late (after the 2nd review) or before the 2nd review has happened
        base = held[-1].held if held else period.start
        agreed = base + timedelta(days=rng.randint(7, 90))
    last = min(period.end or as_of, as_of)
    if agreed > last:
        return []
    primary = weighted(rng, PLAN_BY_STATUS.get(status, PLAN_OTHER))
    parallel = weighted(rng, PLAN_OTHER) if rng.random() < 0.4 else ""
    result = [PlanChange(child.child_id, agreed, primary,
                         "" if parallel == primary else parallel)]
    if rng.random() < 0.15:
        changed = agreed + timedelta(days=rng.randint(60, 500))
        if changed <= last:
            new = weighted(rng, PLAN_OTHER if primary != "Return to family"
                           else PLAN_BY_STATUS["C2"])
            if new != primary:
                result.append(PlanChange(child.child_id, changed, new, "",
                                         f"Changed from {primary.lower()} at review"))
    return result


def with_plan_flags(held: list[Review], plan_list: list[PlanChange]) -> list[Review]:
    from dataclasses import replace

    agreed = [p.agreed for p in plan_list]
    return [replace(r, plan_in_place=any(a <= r.held for a in agreed)) for r in held]


def adoption(rng: random.Random, child: Child, episodes: list[Episode], as_of: date,
             adopted: bool) -> list[AdoptionMilestones]:
    """Milestones for a child with a placement order: ADM decision, match, placement, order."""
    orders = [e.start for e in episodes if e.legal_status == "E1"]
    if not orders:
        return []
    placement_order = orders[0]
    decision = placement_order - timedelta(days=rng.randint(40, 150))
    decision = max(decision, episodes[0].start)
    placed_days = [e.start for e in episodes if e.placement in ("A5", "A6")]
    matched = placed = order = None
    if placed_days:
        placed = placed_days[0]
        matched = placed - timedelta(days=rng.randint(7, 35))
        matched = max(matched, placement_order)
    elif rng.random() < 0.4:
        candidate = placement_order + timedelta(days=rng.randint(60, 420))
        matched = candidate if candidate <= as_of else None
    adopters = ("", "", "")
    if adopted:
        order = episodes[-1].end
        if matched is None:
            assert order is not None  # an adopted child's last episode ended with the order
            matched = max(placement_order, order - timedelta(days=rng.randint(60, 200)))
        adopters = weighted(rng, ADOPTERS)
    reversed_day = None
    if not adopted and placed is None and matched is None and rng.random() < 0.08:
        candidate = placement_order + timedelta(days=rng.randint(200, 500))
        reversed_day = candidate if candidate <= as_of else None
    return [AdoptionMilestones(
        child.child_id, should_be_placed=decision, placement_order=placement_order,
        matched=matched, placed=placed, adoption_order=order, reversed=reversed_day,
        reversed_reason="RD1" if reversed_day else "",
        # Adopted by the foster carer: placed with them for adoption, A5 (rule 335).
        foster_carer=episodes[-1].placement == "A5" if placed or adopted else None,
        adopters_number=adopters[0], adopters_sex=adopters[1], adopters_status=adopters[2],
    )]


def outcomes(rng: random.Random, child: Child, period: Period, plan_list: list[PlanChange],
             exit_group: str | None, as_of: date,
             choices: tuple[str, ...]) -> list[MonitoringOutcome]:
    """Monitoring outcomes that follow from the plan and how the period ended."""
    found: list[MonitoringOutcome] = []

    def add(day: date, text: str) -> None:
        if text in choices and period.start <= day <= as_of:
            found.append(MonitoringOutcome(child.child_id, day, text))

    for plan in plan_list[:1]:
        later = plan.agreed + timedelta(days=rng.randint(30, 200))
        if plan.primary == "Adoption":
            add(later, "Adoption family finding underway")
        elif plan.primary == "Long-term fostering":
            add(later, "Permanent fostering family finding underway"
                if rng.random() < 0.5 else "Permanent Fostering Panel Agreed")
        elif rng.random() < 0.5:
            add(later, "Permanence Plan actively progressing and being monitored")
    if period.end is not None and period.end <= as_of:
        if exit_group == "adoption":
            add(period.end, "Adoption Order Granted")
        elif exit_group == "home" and rng.random() < 0.5:
            add(period.end, "Revocation of Care Order: placed at home")
        else:
            add(period.end, "No longer looked after")
    return found


def missing(rng: random.Random, child: Child, period: Period, as_of: date) -> list[MissingEpisode]:
    last = min(period.end or as_of, as_of)
    if age_in_years(child.dob, last) < 12 or rng.random() > 0.2:
        return []
    span = (last - period.start).days
    if span < 10:
        return []
    starts = sorted({period.start + timedelta(days=rng.randint(1, span - 5))
                     for _ in range(rng.randint(1, 4))})
    found: list[MissingEpisode] = []
    previous_end: date | None = None  # of the last episode in found
    for start in starts:
        if previous_end is not None and start <= previous_end:
            continue  # one episode at a time: a child cannot go missing while missing
        kind, end = "M" if rng.random() < 0.7 else "A", start + timedelta(days=rng.randint(1, 4))
        if start <= date(start.year, 3, 31) < end:
            continue  # none open over 31 March: the validator reads its blank end as an error
        found.append(MissingEpisode(child.child_id, kind, start, end))
        previous_end = end
    return found


def previous(rng: random.Random, child: Child, start: date) -> list[PreviousPermanence]:
    """Previous permanence, recorded for every child (903 PrevPerm; rule 630 asks for it for
    each child who starts to be looked after): mostly none (Z1); a few were adopted or under
    a special guardianship or child arrangements order before, with the authority that made
    it (a 903 LA code, rule 633) and the order's date before care began (rule 632)."""
    earliest, latest = child.dob + timedelta(days=180), start - timedelta(days=90)
    if rng.random() < 0.05 and latest > earliest:
        day = earliest + timedelta(days=rng.randint(0, (latest - earliest).days))
        return [PreviousPermanence(child.child_id, rng.choice(("P1", "P2", "P3")),
                                   rng.choice(("318", "319", "320", "314", "999")),
                                   day.year, day.month, day.day)]
    return [PreviousPermanence(child.child_id, "Z1")]
