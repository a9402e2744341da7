"""Checks on a child's records before they are stored, as the DfE's 903 validation does and more.

Each check returns :class:`Problem` objects naming the field, what is wrong and how to fix it.
Sources: SSDA903 guidance and validation rules (episode dates, codes, review participation
codes: PN0 is for children under 4 only; rule 352, no period of care starts at 18 or over;
rule 356, an episode does not end before it starts, though it may end the day it starts);
Care Planning Regs 2010 reg 33 (reviews belong to a period of care) and reg 48 (a review held
between two short breaks of a series belongs to the series, issue 8 §2.5).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date

from permanence_tracker.domain.calendar import uk_date
from permanence_tracker.domain.codes import (
    PARTICIPATION_CODES,
    PLAN_TYPES,
    SEX_CODES,
    UNDER_FOUR,
    participation_codes_for,
)
from permanence_tracker.domain.entities import Child, Episode, PlanChange, Review
from permanence_tracker.domain.errors import Problem
from permanence_tracker.domain.measures import age_in_years, eighteenth_birthday
from permanence_tracker.domain.periods import periods_of_care, review_belongs

RNE_CODES = ("S", "L", "P", "T", "B", "U")




def check_child(child: Child, today: date) -> list[Problem]:
    problems = []
    if not child.child_id.strip():
        problems.append(Problem("child_id", "is required: enter the authority's child ID"))
    elif len(child.child_id) > 40:
        problems.append(Problem("child_id", "is longer than 40 characters: shorten it"))
    if child.dob > today:
        problems.append(Problem("dob", f"{uk_date(child.dob)} is in the future: enter the date "
                                       "of birth"))
    if child.sex not in ("", *SEX_CODES):  # stored canonical: M, F or U (domain/codes.py)
        problems.append(Problem("sex", f"{child.sex!r} is not a stored sex value: use M (male), "
                                       "F (female) or U (not known)"))
    if child.upn and (len(child.upn) != 13 or not child.upn[0].isalpha()
                      or not child.upn[1:12].isdigit()):
        problems.append(Problem("upn", f"{child.upn!r} is not a UPN: a letter, 11 digits and a "
                                       "final digit or letter (13 characters)"))
    return problems


def check_episode(
    episode: Episode,
    others: Iterable[Episode],
    child: Child,
    today: date,
    legal_statuses: Iterable[str],
    placements: Iterable[str],
) -> list[Problem]:
    """An episode's own fields, and that it overlaps none of the child's other episodes."""
    problems = []
    if episode.legal_status not in set(legal_statuses):
        problems.append(Problem("legal_status", f"{episode.legal_status!r} is not a legal status "
                                "code (C1, C2, D1, E1, V2, V3, V4, L1-L3, J1-J3)"))
    if episode.rne not in RNE_CODES:
        problems.append(Problem("rne", f"{episode.rne!r} is not a reason for new episode: use "
                                       "S, L, P, T, B or U"))
    if episode.placement and episode.placement not in set(placements):
        problems.append(Problem("placement", f"{episode.placement!r} is not a placement type "
                                             "code"))
    if episode.start < child.dob:
        problems.append(Problem("start", f"{uk_date(episode.start)} is before the child's date of "
                                         f"birth {uk_date(child.dob)}"))
    if episode.start > today:
        problems.append(Problem("start", f"{uk_date(episode.start)} is in the future"))
    problems += check_care_starts_under_18(episode, child)
    if episode.end is not None:
        if episode.end < episode.start:  # DfE rule 356: DEC may equal DECOM, not precede it
            problems.append(Problem("end", f"{uk_date(episode.end)} is before the start "
                                           f"{uk_date(episode.start)}: an episode cannot end "
                                           "before it starts (it may end the day it starts)"))
        if episode.end > today:
            problems.append(Problem("end", f"{uk_date(episode.end)} is in the future"))
        if not episode.rec:
            problems.append(Problem("rec", "is required when the episode has ended: give the "
                                           "reason it ceased (X1 if another episode follows)"))
    elif episode.rec:
        problems.append(Problem("rec", "is only given for an episode that has ended: clear it "
                                       "or enter the end date"))
    for other in others:
        if other.id is not None and other.id == episode.id:
            continue
        if _overlap(episode, other):
            end = uk_date(other.end) if other.end else "open"
            problems.append(Problem("start", f"overlaps the episode {uk_date(other.start)} to "
                                             f"{end}: end that one first or change the dates"))
    return problems


def check_care_starts_under_18(episode: Episode, child: Child) -> list[Problem]:
    """DfE 903 validation rule 352: a child who starts to be looked after (RNE S) must be
    under 18 (Children Act 1989 s105(1): a "child" is a person under 18). A 29 February
    birthday is reached on 1 March in a common year (:func:`measures.birthday`)."""
    if episode.rne != "S":
        return []
    adult = eighteenth_birthday(child.dob)
    if episode.start < adult:
        return []
    return [Problem("start", f"{uk_date(episode.start)} is on or after the child's 18th birthday "
                             f"({uk_date(adult)}): a period of care cannot start at 18 or over "
                             "(DfE rule 352); check the start date and the date of birth")]


def _overlap(a: Episode, b: Episode) -> bool:
    a_end = a.end or date.max
    b_end = b.end or date.max
    return a.start < b_end and b.start < a_end


def check_review(review: Review, child: Child, episodes: Iterable[Episode],
                 today: date) -> list[Problem]:
    problems = []
    if review.held > today:
        problems.append(Problem("held", f"{uk_date(review.held)} is in the future: record a review "
                                        "once it has been held"))
    if not review_belongs(periods_of_care(episodes), review.held):
        problems.append(Problem("held", f"{uk_date(review.held)} is not inside a period of care: a "
                                        "review must fall between a period's start and end "
                                        "(or between two short breaks of one series)"))
    code = review.participation
    if code:
        if code not in PARTICIPATION_CODES:
            problems.append(Problem("participation", f"{code!r} is not a participation code: "
                                                     "use PN0 to PN7"))
        elif code not in participation_codes_for(age_in_years(child.dob, review.held)):
            # PN0 is for under 4s only (SSDA903 REVIEW_CODE: domain.codes.participation_codes_for)
            why = ("PN0 is only for children under 4: choose PN1 to PN7" if code == UNDER_FOUR
                   else f"the child was under 4 at the review: use PN0, not {code}")
            problems.append(Problem("participation", why))
    return problems


def check_plan(plan: PlanChange, child: Child, today: date,
               plan_types: Sequence[str] = PLAN_TYPES) -> list[Problem]:
    """``plan_types``: the authority's plan-types setting (Settings.plan_types)."""
    problems = []
    if plan.primary not in plan_types:
        problems.append(Problem("primary", f"{plan.primary!r} is not a plan type: choose one of "
                                           + ", ".join(plan_types)))
    if plan.parallel and plan.parallel not in plan_types:
        problems.append(Problem("parallel", f"{plan.parallel!r} is not a plan type"))
    if plan.parallel and plan.parallel == plan.primary:
        problems.append(Problem("parallel", "is the same as the primary plan: choose a "
                                            "different parallel plan or leave it blank"))
    if plan.agreed > today:
        problems.append(Problem("agreed", f"{uk_date(plan.agreed)} is in the future"))
    if plan.agreed < child.dob:
        problems.append(Problem("agreed", f"{uk_date(plan.agreed)} is before the child's date of "
                                          "birth"))
    return problems
