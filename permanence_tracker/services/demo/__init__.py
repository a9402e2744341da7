"""The synthetic demo authority: ``build_demo`` fills an empty tracker with invented children.

By default about 750 children looked after on the as-of date plus five years of children who
left care, 13 localities in 5 areas and about 12 IROs (some dual role). Everything is made up
(see :mod:`.names`); the same seed and as-of date always give the same authority. The whole
build is one unit of work, so a failure or a cancel leaves the database as it was. Its 903
returns are clean: the DfE rules (``check-903``) find nothing in them (see :mod:`.places`).
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date

from permanence_tracker.domain.calendar import WorkingCalendar
from permanence_tracker.domain.entities import ChildHistory, Iro
from permanence_tracker.domain.errors import TrackerError
from permanence_tracker.services.authorization import requires
from permanence_tracker.services.demo import names, places
from permanence_tracker.services.demo.children import make_history
from permanence_tracker.services.progress import Progress, silent
from permanence_tracker.services.unit_of_work import Repository, UowFactory

DEFAULT_CHILDREN = 750
LEAVERS_PER_CHILD = 1.5  # children who left in 5 years, per child looked after now
CHUNK = 2000


@dataclass(frozen=True)
class DemoResult:
    children: int
    looked_after: int
    iros: int
    authority: str


class NotEmptyError(TrackerError):
    """Demo data goes only into an empty tracker, never among real records."""


def make_iros(rng: random.Random, looked_after: int) -> list[Iro]:
    """IROs until there is about one full-time equivalent per 64 children (inside the 50-70
    handbook band on average); part-timers and dual-role IROs among them."""
    needed = max(2.5, looked_after / 64)
    forenames = list(names.IRO_FORENAMES)
    rng.shuffle(forenames)
    iros: list[Iro] = []
    used: set[str] = set()
    while sum(i.fte for i in iros) < needed:
        number = len(iros)
        name = f"{forenames[number % len(forenames)]} {rng.choice(names.SURNAMES)}"
        if name in used:
            name = f"{name} ({number + 1})"
        used.add(name)
        fte = rng.choices((1.0, 0.8, 0.6, 0.5), weights=(60, 20, 12, 8))[0]
        dual = rng.random() < 0.3
        iros.append(Iro(name, fte, dual, rng.randint(10, 45) if dual else 0))
    return iros


def child_ids(seed: int, total: int) -> list[str]:
    numbers = list(range(1, total + 1))
    random.Random(f"{seed}/ids").shuffle(numbers)
    width = max(6, len(str(total)))
    return [f"DM{n:0{width}d}" for n in numbers]


def demo_size(children: int | None = None) -> tuple[int, int]:
    """(children looked after on the as-of date, all children made, counting those who left
    care in the years of history): the figures ``build_demo`` makes and reports progress on."""
    looked_after = children or DEFAULT_CHILDREN
    return looked_after, looked_after + round(looked_after * LEAVERS_PER_CHILD)


@requires("demo.build")
def build_demo(uow_factory: UowFactory, children: int | None = None, seed: int = 1,
               as_of: date | None = None, progress: Progress | None = None) -> DemoResult:
    """Fill an empty tracker with a demo authority of ``children`` looked after on ``as_of``."""
    if as_of is None:
        raise ValueError("build_demo needs an as_of date (the demo's today)")
    looked_after, total = demo_size(children)
    progress = progress or silent
    rng = random.Random(f"{seed}/authority")
    iros = make_iros(rng, looked_after)
    weights = [i.fte * rng.uniform(0.75, 1.3) for i in iros]
    ids = child_ids(seed, total)
    with uow_factory() as uow:
        existing = len(uow.repo.child_ids())
        if existing or uow.iros():
            raise NotEmptyError(
                f"the database already holds {existing} children or IROs: demo data goes only "
                "into an empty tracker")
        settings = replace(uow.settings(), authority_name=names.AUTHORITY,
                           authority_code=places.LOCAL_AUTHORITY, demo=True)
        uow.save_settings(settings)
        uow.repo.add_many(iros)
        calendar = WorkingCalendar(settings.closure_days)
        names_of = [i.name for i in iros]
        for first in range(0, total, CHUNK):
            progress(first, total, f"Made {first:,} of {total:,} synthetic children…")
            histories = [make_history(seed, index, looked_after, ids[index], names_of, weights,
                                      settings, as_of, calendar)
                         for index in range(first, min(total, first + CHUNK))]
            write_histories(uow.repo, histories)
        progress(total, total, "Saving…")
        from permanence_tracker.services.demo import extras

        extras.add(uow, seed, as_of, settings)
    return DemoResult(total, looked_after, len(iros), names.AUTHORITY)


def write_histories(repo: Repository, histories: Sequence[ChildHistory]) -> None:
    repo.add_many([h.child for h in histories])
    for field in ("episodes", "reviews", "plans", "outcomes", "adoption", "missing", "previous"):
        records = [r for h in histories for r in getattr(h, field)]
        repo.add_many(records)
