"""The Head of Corporate Parenting's dashboard: every tile and chart figure, read once.

:func:`dashboard` is the single source of dashboard figures (the desktop page now, the printed
cohort report later). Every figure the summary JSON also gives is taken from
:func:`services.permanence.summary.summarise` itself, never worked out again, so the two cannot
disagree: looked after now, the legal status mix, second reviews held and with a plan, the children
without a plan (one denominator: ``summary.second_review_cohort``, the children whose 2nd
review was held and who are looked after now or left care in the year, so with + without =
held), reviews held and in timescale, leaving-care outcomes (short breaks never count as
leaving care; the short breaks that ended are counted beside them,
``summary.short_breaks_ended``), and the drift lists (``summary.drift``). The trend uses
the summary's month-end helper with 24 months; IRO caseloads come from
``services.permanence.caseloads``.

Definitions of the figures the summary does not give:
- the year is the financial year containing ``as_of`` (1 April to ``as_of``), the summary's
  default reporting period, unless ``period_from`` moves its start;
- participation (SSDA903 REVIEW_CODE, ``domain.measures.participation_rates``) is over the
  reviews the summary counts as held in the year: reviews of periods of care that are not
  short breaks only, held from the start of the year to ``as_of``, one per child and date;
- drift lists the children of the summary's ``drift`` key (ICO at or beyond 26 weeks,
  adoption A1/A2), each with the flag's explanation; a child with two flags is in both lists;
- monitoring outcomes count each child once, under their latest outcome recorded in the year
  (on or before ``as_of``): where each child monitored this year stands now. Children who
  have left care are included (their outcome is often why they left). The configured list
  comes first, in its order, with zeros; any other text recorded (an outcome since removed
  from the list) follows, alphabetically.
"""

from __future__ import annotations

from calendar import monthrange
from collections import Counter
from dataclasses import dataclass
from datetime import date

from permanence_tracker.domain.codes import LEGAL_STATUS_NAMES
from permanence_tracker.domain.measures import ParticipationRates, participation_rates
from permanence_tracker.domain.permanence import ReasonGroup
from permanence_tracker.domain.standing import ChildStanding
from permanence_tracker.services.permanence.caseloads import Caseloads, caseloads
from permanence_tracker.services.permanence.cohort import Cohort
from permanence_tracker.services.permanence.summary import (
    DRIFT_KEYS,
    LEFT_CARE_GROUPS,
    month_end_counts,
    reporting_from,
    short_breaks_ended,
    summarise,
)

TREND_MONTHS = 24
LEFT_CARE_LABELS = {"adoption": "Adoption", "sgo": "Special guardianship",
                    "cao": "Child arrangements order", "home": "Returned home",
                    "other": "Other"}
DRIFT_LABELS = {"ICO": "Interim care order beyond 26 weeks",
                "A1": "Adoption A1 over threshold", "A2": "Adoption A2 over threshold"}


@dataclass(frozen=True, slots=True)
class ListedChild:
    """One child in a tile's list (without a plan, or drifting)."""

    child_id: str
    name: str
    legal_status: str  # on as_of; "" when no longer looked after
    iro: str
    since: date | None  # 2nd review held (no plan) / drift measured from
    note: str  # why the child is listed, in words


@dataclass(frozen=True, slots=True)
class ChildGroup:
    key: str
    title: str
    children: tuple[ListedChild, ...]


@dataclass(frozen=True, slots=True)
class Count:
    key: str
    label: str
    value: int


@dataclass(frozen=True, slots=True)
class MonthEnd:
    day: date  # the month's last day
    looked_after: int


@dataclass(frozen=True, slots=True)
class Dashboard:
    as_of: date
    year_from: date  # start of the reporting year (1 April unless moved)
    looked_after: int
    second_reviews: int
    with_plan: int
    without_plan: tuple[ChildGroup, ...]  # one per ReasonGroup, in its order, empty kept
    reviews_held: int
    reviews_in_timescale: int
    participation: ParticipationRates
    drift: tuple[ChildGroup, ...]  # ICO, A1, A2
    month_ends: tuple[MonthEnd, ...]  # oldest first, TREND_MONTHS of them
    legal_status: tuple[Count, ...]  # looked after on as_of, by 903 code
    monitoring: tuple[Count, ...]
    left_care: tuple[Count, ...]  # periods of care ended in the year, by outcome group
    caseloads: Caseloads
    short_breaks_ended: int = 0  # short-break-only periods ended in the year (not leaving care)
    short_break_children: int = 0  # the children those short breaks belong to

    @property
    def without_plan_count(self) -> int:
        return sum(len(g.children) for g in self.without_plan)

    @property
    def plan_share(self) -> float | None:
        """Of the second reviews held, the share with a plan by then (None when none held)."""
        return self.with_plan / self.second_reviews if self.second_reviews else None

    @property
    def timescale_share(self) -> float | None:
        return self.reviews_in_timescale / self.reviews_held if self.reviews_held else None

    @property
    def drift_children(self) -> int:
        """Children with at least one drift flag (each counted once)."""
        return len({c.child_id for g in self.drift for c in g.children})

    @property
    def left_care_total(self) -> int:
        return sum(c.value for c in self.left_care)


def dashboard(cohort: Cohort, period_from: date | None = None) -> Dashboard:
    """Every dashboard figure for ``cohort`` (its ``as_of``), the year from ``period_from``
    (default 1 April of the financial year containing ``as_of``)."""
    start = reporting_from(cohort.as_of, period_from)
    summary = summarise(cohort, start)
    by_id = {s.child_id: s for s in cohort.standings}
    period = summary["reviews_in_period"]
    left = summary["left_care"]
    breaks, break_children = short_breaks_ended(cohort, start, cohort.as_of)
    return Dashboard(
        as_of=cohort.as_of,
        year_from=start,
        looked_after=summary["looked_after"],
        second_reviews=summary["second_review_held"],
        with_plan=summary["with_plan_by_second_review"],
        without_plan=_without_plan(
            [by_id[c] for c in summary["without_plan_by_second_review"]]),
        reviews_held=period["held"],
        reviews_in_timescale=period["in_timescale"],
        participation=participation_rates(_year_review_codes(cohort, start)),
        drift=_drift(summary["drift"], by_id),
        month_ends=tuple(MonthEnd(_month_end(m["month"]), m["looked_after"])
                         for m in month_end_counts(cohort, TREND_MONTHS)),
        legal_status=tuple(Count(code, _legal_label(code), n)
                           for code, n in summary["by_legal_status"].items()),
        monitoring=_monitoring(cohort, start),
        left_care=tuple(Count(g, LEFT_CARE_LABELS[g], left[g]) for g in LEFT_CARE_GROUPS),
        caseloads=caseloads(cohort),
        short_breaks_ended=breaks,
        short_break_children=break_children,
    )


def _month_end(month: str) -> date:
    """The last day of a summary month ("2026-03" -> 31/03/2026)."""
    year, number = (int(part) for part in month.split("-"))
    return date(year, number, monthrange(year, number)[1])


def _legal_label(code: str) -> str:
    name = LEGAL_STATUS_NAMES.get(code)
    return f"{code} {name}" if name else code


def _listed(s: ChildStanding, since: date | None, note: str) -> ListedChild:
    child = s.history.child
    return ListedChild(child.child_id, child.name, s.episode.legal_status if s.episode else "",
                       child.iro, since, note)


def _without_plan(standings) -> tuple[ChildGroup, ...]:
    groups: dict[ReasonGroup, list[ListedChild]] = {g: [] for g in ReasonGroup}
    for s in standings:
        p = s.permanence
        note = f"2nd review held {p.second_review:%d/%m/%Y} with no permanence plan by then"
        groups[p.reason or ReasonGroup.OTHER].append(_listed(s, p.second_review, note))
    return tuple(ChildGroup(g.name, g.value[:1].upper() + g.value[1:], tuple(children))
                 for g, children in groups.items())


def _drift(ids: dict[str, list[str]], by_id: dict[str, ChildStanding]
           ) -> tuple[ChildGroup, ...]:
    """The summary's drift lists, each child with their flag's explanation."""
    groups = []
    for code, key in DRIFT_KEYS.items():
        listed = []
        for child_id in ids[key]:
            s = by_id[child_id]
            flag = next(f for f in s.drift if f.code == code)
            listed.append(_listed(s, flag.since, flag.explanation))
        groups.append(ChildGroup(code, DRIFT_LABELS[code], tuple(listed)))
    return tuple(groups)


def _year_review_codes(cohort: Cohort, start: date) -> list[str]:
    """Participation codes of exactly the reviews ``summary.reviews_in_period`` counts as held
    from ``start`` to ``as_of``: per period of care that is not short breaks only, each date
    inside it once (the timetable counts a date recorded twice once; the later record wins)."""
    codes = []
    for s in cohort.standings:
        reviews = sorted(s.history.reviews, key=lambda r: (r.held, r.id or 0))
        for period in s.periods:
            if period.short_breaks_only:
                continue
            full_time = period.full_time_from  # reg 48 reviews before it are not counted
            held = {r.held: r.participation for r in reviews
                    if start <= r.held <= cohort.as_of and period.contains(r.held)
                    and r.held >= full_time}
            codes.extend(held.values())
    return codes


def _monitoring(cohort: Cohort, start: date) -> tuple[Count, ...]:
    latest = Counter()
    for s in cohort.standings:
        recorded = [o for o in s.history.outcomes if start <= o.recorded <= cohort.as_of]
        if recorded:
            latest[max(recorded, key=lambda o: (o.recorded, o.id or 0)).outcome] += 1
    listed = list(cohort.settings.monitoring_outcomes)
    others = sorted(set(latest) - set(listed))
    return tuple(Count(text, text, latest[text]) for text in listed + others)
