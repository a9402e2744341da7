"""The Head of Corporate Parenting's dashboard: every tile and chart figure, read once.

:func:`dashboard` is the single source of dashboard figures (the desktop page now, the printed
cohort report later). Every figure the summary JSON also gives is taken from
:func:`services.permanence.summary.summarise` itself, never worked out again, so the two cannot
disagree: looked after now, the legal status mix, second reviews held and with a plan, the
children without a plan (one denominator: ``summary.second_review_cohort``, the children whose
2nd review was held and who are looked after now or left care in the year, so with + without =
held; of those without, the ones whose plan was agreed late and the ones still without a plan,
``summary.plan_agreed_late`` / ``still_no_plan``), reviews held and in timescale, leaving-care
outcomes (short breaks never count as leaving care; the short breaks that ended are counted
beside them, ``summary.short_breaks_ended``), and the drift lists (``summary.drift``). All are
read from the typed :class:`~services.permanence.summary.Summary` by attribute. The trend uses
the summary's month-end helper with 24 months; IRO caseloads come from
``services.permanence.caseloads``.

Definitions of the figures the summary does not give:
- the year is the financial year containing ``as_of`` (1 April to ``as_of``), the summary's
  default reporting period, unless ``period_from`` moves its start;
- participation (SSDA903 REVIEW_CODE, ``domain.measures.participation_rates``) is over the
  reviews the summary counts as held in the year (``Summary.reviews_in_period.reviews``):
  reviews of periods of care that are not short breaks only, held from the start of the year
  to ``as_of``, one per child, period and date (of two records for a date, the later one's
  code);
- drift lists the children of the summary's ``drift`` (ICO at or beyond 26 weeks,
  adoption A1/A2), each with the flag's explanation; a child with two flags is in both lists;
- monitoring outcomes count each child once, under their latest outcome recorded in the year
  (on or before ``as_of``): where each child monitored this year stands now. Children who
  have left care are included (their outcome is often why they left). The configured list
  comes first, in its order, with zeros; any other text recorded (an outcome since removed
  from the list) follows, alphabetically.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date

from permanence_tracker.domain.calendar import uk_date
from permanence_tracker.domain.measures import ParticipationRates, participation_rates, share
from permanence_tracker.domain.permanence import ReasonGroup
from permanence_tracker.domain.standing import ChildStanding
from permanence_tracker.services.permanence.caseloads import Caseloads, caseloads
from permanence_tracker.services.permanence.cohort import Cohort
from permanence_tracker.services.permanence.summary import (
    Drift,
    MonthEnd,
    month_end_counts,
    reporting_from,
    short_breaks_ended,
    summarise,
)
from permanence_tracker.services.reference import short_label

TREND_MONTHS = 24
LEFT_CARE_LABELS = {"adoption": "Adoption", "sgo": "Special guardianship",
                    "cao": "Child arrangements order", "home": "Returned home",
                    "other": "Other"}


def drift_label(code: str, drift: Drift) -> str:
    """A drift list's title with the authority's threshold in force (Settings)."""
    return {"ICO": f"Interim care order beyond {drift.ico_weeks} weeks",
            "A1": f"Adoption A1 over {drift.a1_days} days",
            "A2": f"Adoption A2 over {drift.a2_days} days"}[code]


@dataclass(frozen=True, slots=True)
class ListedChild:
    """One child in a tile's list (without a plan, or drifting)."""

    child_id: str
    name: str
    legal_status: str  # on as_of; "" when no longer looked after
    iro: str
    since: date | None  # 2nd review held (no plan) / drift measured from
    note: str  # why the child is listed, in words
    plan_late_on: date | None = None  # without a plan by the 2nd review: a plan agreed since


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
    def agreed_late_count(self) -> int:
        """Of those without a plan by the 2nd review, the children with one agreed since."""
        return sum(c.plan_late_on is not None for g in self.without_plan for c in g.children)

    @property
    def still_no_plan_count(self) -> int:
        """Of those without a plan by the 2nd review, the children still without one."""
        return self.without_plan_count - self.agreed_late_count

    @property
    def plan_share(self) -> float | None:
        """Of the second reviews held, the share with a plan by then (None when none held)."""
        return share(self.with_plan, self.second_reviews)

    @property
    def timescale_share(self) -> float | None:
        return share(self.reviews_in_timescale, self.reviews_held)

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
    period = summary.reviews_in_period
    breaks, break_children = short_breaks_ended(cohort, start, cohort.as_of)
    return Dashboard(
        as_of=cohort.as_of,
        year_from=start,
        looked_after=summary.looked_after,
        second_reviews=summary.second_review_held,
        with_plan=summary.with_plan_by_second_review,
        without_plan=_without_plan(by_id[c] for c in summary.without_plan_by_second_review),
        reviews_held=period.held,
        reviews_in_timescale=period.in_timescale,
        participation=participation_rates(r.participation for r in period.reviews),
        drift=_drift(summary.drift, by_id),
        month_ends=month_end_counts(cohort, TREND_MONTHS),
        legal_status=tuple(Count(c.legal_status, _legal_label(c.legal_status), c.children)
                           for c in summary.by_legal_status),
        monitoring=_monitoring(cohort, start),
        left_care=tuple(Count(g, LEFT_CARE_LABELS[g], n) for g, n in summary.left_care.by_group),
        caseloads=caseloads(cohort),
        short_breaks_ended=breaks,
        short_break_children=break_children,
    )


def _legal_label(code: str) -> str:
    name = short_label("LS", code)
    return f"{code} {name}" if name else code


def _listed(s: ChildStanding, since: date | None, note: str) -> ListedChild:
    child = s.history.child
    return ListedChild(child.child_id, child.name, s.episode.legal_status if s.episode else "",
                       child.iro, since, note)


def _without_plan(standings: Iterable[ChildStanding]) -> tuple[ChildGroup, ...]:
    groups: dict[ReasonGroup, list[ListedChild]] = {g: [] for g in ReasonGroup}
    for s in standings:
        p = s.permanence
        assert p is not None  # the summary lists only children whose 2nd review was held
        note = f"2nd review held {uk_date(p.second_review)} with no permanence plan by then"
        if p.plan_late_on is not None:
            note += f"; plan agreed late, on {uk_date(p.plan_late_on)}"
        else:
            note += "; still no plan"
        listed = replace(_listed(s, p.second_review, note), plan_late_on=p.plan_late_on)
        groups[p.reason or ReasonGroup.OTHER].append(listed)
    return tuple(ChildGroup(g.name, g.value[:1].upper() + g.value[1:], tuple(children))
                 for g, children in groups.items())


def _drift(drift: Drift, by_id: dict[str, ChildStanding]) -> tuple[ChildGroup, ...]:
    """The summary's drift lists, each child with their flag's explanation."""
    groups = []
    for code, ids in drift.by_code():
        listed = []
        for child_id in ids:
            s = by_id[child_id]
            flag = next(f for f in s.drift if f.code == code)
            listed.append(_listed(s, flag.since, flag.explanation))
        groups.append(ChildGroup(code, drift_label(code, drift), tuple(listed)))
    return tuple(groups)


def _monitoring(cohort: Cohort, start: date) -> tuple[Count, ...]:
    latest: Counter[str] = Counter()
    for s in cohort.standings:
        recorded = [o for o in s.history.outcomes if start <= o.recorded <= cohort.as_of]
        if recorded:
            latest[max(recorded, key=lambda o: (o.recorded, o.id or 0)).outcome] += 1
    listed = list(cohort.settings.monitoring_outcomes)
    others = sorted(set(latest) - set(listed))
    return tuple(Count(text, text, latest[text]) for text in listed + others)
