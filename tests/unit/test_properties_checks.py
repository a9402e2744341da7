"""Property tests (Hypothesis) for the domain's record checks: check_episode, check_review,
check_plan (domain/validation.py), check_panel and check_item (domain/panel_checks.py).

Whatever a record holds, each gives a list of :class:`Problem` naming one of the record's own
fields with words saying what is wrong, never an exception; a record made valid by
construction gives no problem; a record broken in one known way gets a problem about that
field."""

from __future__ import annotations

from dataclasses import fields, replace
from datetime import date, timedelta

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from permanence_tracker.domain.codes import PARTICIPATION_CODES, PLAN_TYPES
from permanence_tracker.domain.entities import Child, Episode, PlanChange, Review
from permanence_tracker.domain.errors import Problem
from permanence_tracker.domain.measures import age_in_years, eighteenth_birthday
from permanence_tracker.domain.panel_checks import check_item, check_panel
from permanence_tracker.domain.panels import (
    ADM_DECISIONS,
    DEFAULT_PANEL_BUSINESS,
    DEFAULT_PANEL_TYPES,
    RECOMMENDATIONS,
    AgendaItem,
    PanelMeeting,
)
from permanence_tracker.domain.validation import (
    RNE_CODES,
    check_episode,
    check_plan,
    check_review,
)
from permanence_tracker.services import reference

FAST = settings(max_examples=150, deadline=None)
TODAY = date(2026, 3, 31)
# Any date a record could be given, typed or imported: a century either side of today.
DATES = st.dates(date(1900, 1, 1), date(2150, 12, 31))
LEGAL = sorted(reference.codes("LS"))
PLACEMENTS = sorted(reference.codes("PLACE"))
TEXT = st.text(max_size=12)


def _code(known: list[str] | tuple[str, ...]) -> st.SearchStrategy[str]:
    """A code of the list, or anything else (blank, lower case, a typing slip)."""
    return st.one_of(st.sampled_from(known), st.sampled_from(["", " ", "x", "c2", "PN8"]), TEXT)


def _names(record: type) -> set[str]:
    return {f.name for f in fields(record)}


def _well_formed(problems: list[Problem], allowed: set[str]) -> None:
    assert isinstance(problems, list)
    for p in problems:
        assert isinstance(p, Problem)
        assert p.field in allowed, p
        assert p.message.strip() and str(p).startswith(p.field)


CHILDREN = st.builds(Child, child_id=st.just("C1"), dob=DATES)
EPISODES = st.builds(Episode, child_id=st.just("C1"), start=DATES, rne=_code(RNE_CODES),
                     legal_status=_code(LEGAL), placement=_code(PLACEMENTS),
                     end=st.none() | DATES, rec=st.sampled_from(["", "E8", "X1", "zz"]),
                     id=st.none() | st.integers(1, 5))


# --- check_episode ----------------------------------------------------------------------------

@FAST
@given(EPISODES, st.lists(EPISODES, max_size=3), CHILDREN)
def test_check_episode_gives_problems_about_its_fields_never_an_exception(episode, others,
                                                                          child):
    problems = check_episode(episode, others, child, TODAY, LEGAL, PLACEMENTS)
    _well_formed(problems, _names(Episode))
    assert any(p.field == "end" for p in problems) >= (
        episode.end is not None and episode.end < episode.start)
    assert any(p.field == "legal_status" for p in problems) == (episode.legal_status
                                                               not in LEGAL)


@st.composite
def valid_episodes(draw):
    dob = draw(st.dates(date(2000, 1, 1), TODAY))
    last = min(TODAY, eighteenth_birthday(dob) - timedelta(days=1))
    start = draw(st.dates(dob, last))
    end = draw(st.none() | st.dates(start, TODAY))
    episode = Episode("C1", start, draw(st.sampled_from(RNE_CODES)), draw(st.sampled_from(LEGAL)),
                      placement=draw(st.sampled_from(["", *PLACEMENTS])), end=end,
                      rec="" if end is None else "E8")
    return Child("C1", dob), episode


@FAST
@given(valid_episodes())
def test_a_valid_episode_is_accepted_and_a_copy_of_it_overlaps(made):
    child, episode = made
    assert check_episode(episode, [], child, TODAY, LEGAL, PLACEMENTS) == []
    again = check_episode(episode, [replace(episode, id=99)], child, TODAY, LEGAL, PLACEMENTS)
    if episode.end == episode.start:  # ends the day it starts: no day in care to share
        assert again == []
    else:
        assert [p.field for p in again] == ["start"] and "overlaps" in again[0].message


# --- check_review -----------------------------------------------------------------------------

REVIEWS = st.builds(Review, child_id=st.just("C1"), held=DATES,
                    participation=_code(PARTICIPATION_CODES))


@FAST
@given(REVIEWS, CHILDREN, st.lists(EPISODES, max_size=3))
def test_check_review_gives_problems_about_its_fields_never_an_exception(review, child,
                                                                         episodes):
    problems = check_review(review, child, episodes, TODAY)
    _well_formed(problems, _names(Review))
    assert any(p.field == "participation" for p in problems) >= (
        bool(review.participation) and review.participation not in PARTICIPATION_CODES)


@FAST
@given(valid_episodes(), st.data())
def test_a_review_in_a_period_of_care_is_accepted_and_pn0_only_under_4(made, data):
    child, episode = made
    assume(episode.rne == "S")
    held = data.draw(st.dates(episode.start, episode.end or TODAY))
    assert check_review(Review("C1", held), child, [episode], TODAY) == []
    pn0 = check_review(Review("C1", held, "PN0"), child, [episode], TODAY)
    assert [p.field for p in pn0] == ([] if age_in_years(child.dob, held) < 4
                                      else ["participation"])


# --- check_plan -------------------------------------------------------------------------------

PLANS = st.builds(PlanChange, child_id=st.just("C1"), agreed=DATES, primary=_code(PLAN_TYPES),
                  parallel=_code(PLAN_TYPES))


@FAST
@given(PLANS, CHILDREN, st.lists(TEXT.filter(str.strip), min_size=1, max_size=4, unique=True))
def test_check_plan_gives_problems_about_its_fields_never_an_exception(plan, child, types):
    for plan_types in (PLAN_TYPES, tuple(types)):
        problems = check_plan(plan, child, TODAY, plan_types)
        _well_formed(problems, _names(PlanChange))
        assert any(p.field == "primary" for p in problems) == (plan.primary not in plan_types)


@FAST
@given(st.dates(date(1990, 1, 1), TODAY), st.data())
def test_a_valid_plan_is_accepted(dob, data):
    primary, parallel = data.draw(st.sampled_from(PLAN_TYPES)), data.draw(
        st.sampled_from(["", *PLAN_TYPES]))
    assume(parallel != primary)
    plan = PlanChange("C1", data.draw(st.dates(dob, TODAY)), primary, parallel)
    assert check_plan(plan, Child("C1", dob), TODAY) == []


# --- check_panel and check_item -------------------------------------------------------------

PANELS = st.builds(PanelMeeting, date=DATES, type=_code(DEFAULT_PANEL_TYPES), chair=TEXT,
                   members=st.lists(st.sampled_from(["", " ", "Ann", "Bo", "ann"]) | TEXT,
                                    max_size=4).map(tuple),
                   quorate=st.none() | st.booleans())
ITEMS = st.builds(AgendaItem, panel_id=st.just(1), business=_code(DEFAULT_PANEL_BUSINESS),
                  child_id=st.none() | TEXT, carers=TEXT, terms=TEXT,
                  recommendation=_code(RECOMMENDATIONS), reasons=TEXT, dissent=TEXT,
                  minutes_received=st.none() | DATES, adm_decision=_code(ADM_DECISIONS),
                  adm_decision_date=st.none() | DATES)


@FAST
@given(PANELS)
def test_check_panel_gives_problems_about_its_fields_never_an_exception(panel):
    problems = check_panel(panel, TODAY, DEFAULT_PANEL_TYPES)
    _well_formed(problems, _names(PanelMeeting))
    assert any(p.field == "chair" for p in problems) == (not panel.chair.strip())
    assert any(p.field == "type" for p in problems) == (panel.type not in DEFAULT_PANEL_TYPES)


@FAST
@given(st.sampled_from(DEFAULT_PANEL_TYPES), DATES,
       st.lists(st.sampled_from(["Ann", "Bo", "Cy", "Di"]), min_size=1, unique=True),
       st.sampled_from(["Ann", "Chair"]))
def test_a_valid_panel_is_accepted(kind, on, members, chair):
    quorate = True if on <= TODAY else None
    assert check_panel(PanelMeeting(on, kind, chair, tuple(members), quorate), TODAY,
                       DEFAULT_PANEL_TYPES) == []


@FAST
@given(ITEMS, PANELS, st.booleans())
def test_check_item_gives_problems_about_its_fields_never_an_exception(item, panel, known):
    problems = check_item(item, panel, TODAY, DEFAULT_PANEL_BUSINESS, known)
    _well_formed(problems, _names(AgendaItem))
    assert any(p.field == "business" for p in problems) == (
        item.business not in DEFAULT_PANEL_BUSINESS)
    assert any(p.field == "child_id" and "no child" in p.message for p in problems) == (
        bool(item.child_id) and not known)


@FAST
@given(st.sampled_from(DEFAULT_PANEL_BUSINESS), st.dates(date(2020, 1, 1), TODAY), st.data())
def test_a_recommended_item_decided_in_order_is_accepted(business, met, data):
    received = data.draw(st.dates(met, TODAY))
    decided = data.draw(st.dates(received, TODAY))
    panel = PanelMeeting(met, "Adoption", "Chair", ("Ann",), True)
    item = AgendaItem(1, business, "C1", recommendation=data.draw(st.sampled_from(
        RECOMMENDATIONS[:2])), reasons="In the child's interest", minutes_received=received,
        adm_decision=data.draw(st.sampled_from(ADM_DECISIONS)), adm_decision_date=decided)
    assert check_item(item, panel, TODAY, DEFAULT_PANEL_BUSINESS, True) == []
    early = replace(item, adm_decision_date=met - timedelta(days=1))
    assert "adm_decision_date" in {p.field for p in check_item(
        early, panel, TODAY, DEFAULT_PANEL_BUSINESS, True)}
