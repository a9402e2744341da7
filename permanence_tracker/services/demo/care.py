"""Synthetic care histories: a child's details and their 903 episodes, period by period.

Pure functions of a seeded :class:`random.Random` and an as-of date, so a seed always gives the
same authority. Each period of care follows a legal route (for example interim care order, then
care order, then placement order) with placement moves inside it, in the 903 shape: consecutive
episodes join with REC ``X1`` and the next RNE says what changed.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import TypeVar

from permanence_tracker.domain.codes import CONTINUING_REC
from permanence_tracker.domain.entities import Child, Episode
from permanence_tracker.domain.measures import eighteenth_birthday
from permanence_tracker.services.demo import names, places

# Legal route of the current period for a child looked after now, weighted roughly like the
# national mix (DfE Children looked after in England, 31 March: ~58% care orders).
ROUTES_NOW = (
    ("care_order", 54), ("section20", 16), ("interim", 9), ("placement_order", 13),
    ("short_breaks", 2), ("remand", 1), ("protection", 1), ("home_on_order", 4),
)
# How a period that has ended came to an end, with the REC codes used.
EXITS = (
    ("home", 34, ("E4A", "E4A", "E4B")), ("adoption", 12, ("E11", "E12")),
    ("sgo", 12, ("E45", "E46", "E47", "E48")), ("cao", 4, ("E41",)),
    ("independence", 22, ("E5", "E6", "E17")), ("other", 16, ("E13", "E3", "E8", "E9")),
)
FOSTER = ("U1", "U2", "U3", "U4", "U4", "U4", "U5", "U5", "U6")
CHILDRENS_HOMES = ("K2", "K2", "K2", "R1")
INDEPENDENT = ("K3", "K3", "S1")


@dataclass(frozen=True)
class Stage:
    """One legal status held for ``days`` days (``None``: still held at the end)."""

    legal_status: str
    days: int | None


T = TypeVar("T")


def weighted(rng: random.Random, options: Sequence[tuple[T, float]]) -> T:
    """One of the options' values, drawn with the option's weight."""
    return rng.choices([o[0] for o in options], weights=[o[1] for o in options])[0]


def make_upn(rng: random.Random) -> str:
    """A UPN with a valid check letter (DfE UPN guidance: weights 2-13 modulo 23) in LA 999,
    a code no real authority has."""
    body = "999" + f"{rng.randrange(2000, 7000):04d}" + f"{rng.randrange(8, 26):02d}" \
        + f"{rng.randrange(1000):03d}"
    total = sum(int(ch) * weight for ch, weight in zip(body, range(2, 14), strict=True))
    return "ABCDEFGHJKLMNPQRTUVWXYZ"[total % 23] + body


def make_child(rng: random.Random, child_id: str, dob: date, iro: str, uasc: bool) -> Child:
    # Stored canonical (domain/codes.py canonical_sex): M / F, as 903 returns code it since 2024-25.
    sex = "M" if (uasc and rng.random() < 0.9) or (not uasc and rng.random() < 0.55) else "F"
    forename = rng.choice(names.BOYS if sex == "M" else names.GIRLS)
    locality, area = rng.choice(names.LOCALITIES)
    ethnicity = (rng.choice(("AOTH", "BAFR", "OOTH", "BOTH")) if uasc
                 else weighted(rng, names.ETHNICITY_WEIGHTS))
    return Child(
        child_id=child_id, dob=dob, sex=sex, forename=forename,
        surname=rng.choice(names.SURNAMES), ethnicity=ethnicity,
        upn=make_upn(rng), uasc=uasc,
        # DUC: an unaccompanied child's status lasts to the 18th birthday (rule 205B).
        uasc_ceased=eighteenth_birthday(dob) if uasc else None,
        # MOTHER for every girl (rules 393, 607); the few mothers are set by the caller.
        mother=False if sex == "F" else None,
        locality=locality, area=area, team=rng.choice(names.TEAMS),
        social_worker=f"{rng.choice(names.IRO_FORENAMES)} {rng.choice(names.SURNAMES)}",
        iro=iro,
    )


def route_stages(rng: random.Random, route: str, length: int) -> list[Stage]:
    """Legal statuses of a period ``length`` days long following ``route``."""
    if route in ("care_order", "home_on_order", "sgo", "cao", "independence"):
        first: str | None = weighted(rng, (("C1", 75), ("V2", 18), ("L2", 7)))
        stages: list[Stage] = []
        if first == "L2":
            stages.append(Stage("L2", rng.randint(2, 8)))
            first = "C1"
        if first == "V2":
            stages.append(Stage("V2", rng.randint(20, 200)))
            first = "C1" if rng.random() < 0.8 else None
        if first == "C1":
            # Most proceedings finish in 26 weeks; a share drift well beyond (PLO).
            stages.append(Stage("C1", rng.randint(120, 180) if rng.random() < 0.65
                                else rng.randint(183, 420)))
        stages.append(Stage("C2", None))
    elif route in ("placement_order", "adoption"):
        stages = [Stage("C1", rng.randint(150, 330)), Stage("E1", None)]
    elif route == "interim":
        stages = [Stage("C1", None)]
    elif route == "protection":
        stages = [Stage("L2", None)]
    elif route == "remand":
        stages = [Stage("J1", None)]
    else:  # section 20, home, other
        stages = [Stage("V2", None)]
    return _fit(stages, length)


def _fit(stages: list[Stage], length: int) -> list[Stage]:
    """Cut the stages down so they fit in ``length`` days, the last one open."""
    kept, used = [], 0
    for stage in stages:
        if stage.days is None or used + stage.days >= length:
            kept.append(Stage(stage.legal_status, None))
            break
        kept.append(stage)
        used += stage.days
    return kept


SUPPORTED_FROM = date(2023, 10, 28)  # K3 supported accommodation replaced H5 (DfE 903 guidance)


def placement_for(rng: random.Random, legal_status: str, age: float, route: str,
                  day: date) -> str:
    if legal_status == "E1" and rng.random() < 0.6:
        return rng.choice(("A5", "A6"))
    if route == "home_on_order" and legal_status == "C2":
        return "P1"
    if age >= 16 and rng.random() < 0.45:
        # H5 is not a 2025-26 code (rule 146), so the demo has supported accommodation as K3
        # from the day that code began, and residential schools or homes before it.
        return rng.choice(INDEPENDENT if day >= SUPPORTED_FROM else ("S1", "K2"))
    if age >= 11 and rng.random() < 0.25:
        return rng.choice(CHILDRENS_HOMES)
    if legal_status in ("J1",):
        return "K1" if rng.random() < 0.3 else rng.choice(FOSTER)
    return rng.choice(FOSTER)


def _changes(rng: random.Random, route: str, start: date, end: date | None,
             horizon: date) -> tuple[list[tuple[date, str, str]], date | None]:
    """(day, legal status, RNE) of each new episode, and the day of the move to adopters."""
    stages = route_stages(rng, route, (horizon - start).days)
    changes: list[tuple[date, str, str]] = []  # (day, legal status, rne)
    day = start
    for index, stage in enumerate(stages):
        changes.append((day, stage.legal_status, "S" if index == 0 else "L"))
        if stage.days is not None:
            day = day + timedelta(days=stage.days)
    # Placement moves: about one every 20 months, more for teenagers.
    span = (horizon - start).days
    moves = sorted({start + timedelta(days=rng.randint(30, max(31, span - 1)))
                    for _ in range(rng.choices((0, 1, 2, 3), (45, 30, 15, 10))[0])})
    for move in moves:
        if move < horizon and all(move != c[0] for c in changes):
            status = max((c for c in changes if c[0] <= move), key=lambda c: c[0])[1]
            changes.append((move, status, "P"))
    adoptive = None
    if route == "adoption" and end is not None:
        # Placed for adoption some months before the adoption order ends the period.
        e1_start = next((c[0] for c in changes if c[1] == "E1"), None)
        if e1_start is not None:
            candidate = end - timedelta(days=rng.randint(150, 400))
            adoptive = max(candidate, e1_start + timedelta(days=30))
            changes = [c for c in changes if not (c[2] == "P" and c[0] >= adoptive)]
            if adoptive < end and all(adoptive != c[0] for c in changes):
                changes.append((adoptive, "E1", "P"))
    return sorted(changes), adoptive


def period_episodes(rng: random.Random, child: Child, start: date, end: date | None,
                    exit_rec: str, route: str, as_of: date, home: str = "") -> list[Episode]:
    """The episodes of one period of care from ``start`` to ``end`` (``None``: still open on
    ``as_of``, with every change on or before it), ``home`` being the home postcode.

    In the 903 shape (DfE SSDA903 guidance; validator rules in brackets): RNE L keeps the
    placement, provider, postcode and URN (434); P moves to another address (435); a change
    of legal status and placement is B, or U with the same carer; placed for adoption with
    the foster carer (A5) is T or U (217). The episode a move ends records the reason for
    the change (225)."""
    changes, adoptive = _changes(rng, route, start, end, end or as_of)
    # CIN N1-N8 (validator rule 145); unaccompanied children are N8, absent parenting.
    cin = "N8" if child.uasc else weighted(rng, (("N1", 62), ("N2", 3), ("N3", 4),
                                                 ("N4", 8), ("N5", 15), ("N6", 3), ("N8", 5)))
    episodes: list[Episode] = []
    placement, place = "", None
    for index, (day, status, rne) in enumerate(changes):
        age = (day - child.dob).days / 365.25
        previous = placement
        if day == adoptive:
            placement = rng.choice(("A5", "A6"))
        elif rne != "L" or not placement or (status == "E1" and rng.random() < 0.5):
            placement = placement_for(rng, status, age, route, day)
        if placement == "A5" and not previous.startswith("U"):
            placement = "A6"  # A5 is placed with the current foster carer
        same_carer = placement == "A5"
        if rne == "S" or place is None:
            place = places.locate(rng, placement, home)
        elif rne == "P" or placement != previous:
            place = places.locate(rng, placement, home, place, same_carer)
            if rne == "L":
                rne = "U" if same_carer else "B"
            elif same_carer:
                rne = "T"
        following = changes[index + 1][0] if index + 1 < len(changes) else end
        is_last = index + 1 == len(changes)
        episodes.append(Episode(
            child_id=child.child_id, start=day, rne=rne, legal_status=status, cin=cin,
            placement=placement, provider=place.provider, end=following,
            rec=(exit_rec if end is not None else "") if is_last else CONTINUING_REC,
            home_post="" if child.uasc else home, pl_post=place.postcode, urn=place.urn,
        ))
    return _with_reasons(rng, episodes)


def _with_reasons(rng: random.Random, episodes: list[Episode]) -> list[Episode]:
    """REASON_PLACE_CHANGE on each episode that a placement change ends (rule 225)."""
    out = []
    for episode, following in zip(episodes, [*episodes[1:], None], strict=True):
        if following is not None and following.rne in ("P", "B", "T", "U"):
            reason = ("LAREQ" if following.placement.startswith("A")
                      else rng.choice(("CARPL", "CARPL", "CHILD", "STAND", "CREQO", "LAREQ")))
            episode = replace(episode, reason_place_change=reason)
        out.append(episode)
    return out


def short_break_episodes(rng: random.Random, child: Child, start: date,
                         as_of: date) -> list[Episode]:
    """Short breaks (reg 48): V4 is one episode for the agreed series; V3 records each break."""
    if rng.random() < 0.7:
        return [Episode(child.child_id, start, "S", "V4", cin="N2", placement="R2",
                        provider="PR3")]
    episodes, day = [], start
    while day < as_of - timedelta(days=40):
        nights = rng.randint(2, 4)
        episodes.append(Episode(child.child_id, day, "S", "V3", cin="N2", placement="R2",
                                provider="PR3", end=day + timedelta(days=nights), rec="E4A"))
        day += timedelta(days=rng.randint(28, 45))
    # The child is on a break over the as-of date, so looked after now.
    episodes.append(Episode(child.child_id, as_of - timedelta(days=1), "S", "V3", cin="N2",
                            placement="R2", provider="PR3"))
    return episodes
