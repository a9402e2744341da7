"""The demo authority: the size asked for, deterministic, valid by the rules, refuses real data."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest

from permanence_tracker.cli import main
from permanence_tracker.cli.summary_json import summary_json
from permanence_tracker.domain import validation
from permanence_tracker.domain.entities import Child
from permanence_tracker.domain.errors import TrackerError
from permanence_tracker.services import reference
from permanence_tracker.services.demo import NotEmptyError, build_demo
from permanence_tracker.services.permanence.cohort import load_cohort
from permanence_tracker.services.permanence.summary import short_breaks_ended, summarise

AS_OF = date(2026, 11, 23)


def _strip(record):
    """A record without its storage identity, to compare two builds."""
    values = dataclasses.asdict(record)
    values.pop("id", None)
    values.pop("version", None)
    return values


def _snapshot(uow_factory):
    with uow_factory() as uow:
        histories = uow.histories()
        iros = uow.iros()
    return ([(_strip(h.child), [_strip(r) for f in dataclasses.fields(h)[1:]
                                for r in getattr(h, f.name)]) for h in histories],
            [_strip(i) for i in iros])


@pytest.fixture
def demo(context):
    result = build_demo(context.uow, children=400, seed=7, as_of=AS_OF)
    return context, result


def test_exactly_the_children_asked_for_are_looked_after_on_the_as_of_date(demo):
    context, result = demo
    with context.uow() as uow:
        histories = uow.histories()
    looked_after = [h for h in histories if any(e.open_on(AS_OF) for e in h.episodes)]
    assert result.looked_after == len(looked_after) == 400
    assert result.children == len(histories) == 400 + 600  # five years of leavers too
    left = [h for h in histories if h not in looked_after]
    assert all(h.episodes and all(e.end and e.end <= AS_OF for e in h.episodes) for h in left)


def test_every_record_passes_the_record_rules(demo):
    context, _ = demo
    with context.uow() as uow:
        histories = uow.histories()
    statuses = reference.codes("LS")
    placements = reference.codes("PLACE")
    problems = []
    for h in histories:
        problems += validation.check_child(h.child, AS_OF)
        for episode in h.episodes:
            others = [e for e in h.episodes if e is not episode]
            problems += validation.check_episode(episode, others, h.child, AS_OF, statuses,
                                                 placements)
        for review in h.reviews:
            problems += validation.check_review(review, h.child, h.episodes, AS_OF)
        for plan in h.plans:
            problems += validation.check_plan(plan, h.child, AS_OF)
        spells = sorted(h.missing, key=lambda m: m.start)
        for missing, following in zip(spells, [*spells[1:], None], strict=False):
            assert missing.start < missing.end
            assert following is None or missing.end < following.start, h.child.child_id
    assert problems == []


def test_the_same_seed_gives_the_same_authority_and_another_seed_another(tmp_path):
    from permanence_tracker.app import open_context

    builds = {}
    for name, seed in (("a", 3), ("b", 3), ("c", 4)):
        context = open_context(f"sqlite:///{tmp_path / name}.sqlite", "tester")
        build_demo(context.uow, children=40, seed=seed, as_of=AS_OF)
        builds[name] = _snapshot(context.uow)
        context.dispose()
    assert builds["a"] == builds["b"]
    assert builds["a"] != builds["c"]


def test_the_default_authority_has_what_the_tracker_is_for(context):
    result = build_demo(context.uow, seed=1, as_of=AS_OF)
    assert result.looked_after == 750
    with context.uow() as uow:
        histories = uow.histories()
        iros = uow.iros()
        settings = uow.settings()
    assert settings.demo and "demo" in settings.authority_name.lower()
    places = {(h.child.locality, h.child.area) for h in histories}
    assert len({p[0] for p in places}) == 13 and len({p[1] for p in places}) == 5
    assert 10 <= len(iros) <= 15 and any(i.dual_role and i.cp_cases for i in iros)
    figures = summary_json(summarise(load_cohort(context.uow, AS_OF)))
    status_mix = figures["by_legal_status"]
    assert status_mix["C2"] > status_mix["V2"] > 0 and status_mix["C1"] > 0
    assert status_mix["E1"] > 0 and status_mix.get("V3", 0) + status_mix.get("V4", 0) > 0
    assert figures["without_plan_by_second_review"], "some children lack a plan by review 2"
    assert 0 < figures["with_plan_by_second_review"] < figures["second_review_held"]
    period = figures["reviews_in_period"]
    assert 0 < period["in_timescale"] < period["held"], "some reviews are late"
    assert any(r["overdue"] for r in figures["reviews_due"])
    assert figures["left_care"]["adoption"] and figures["left_care"]["sgo"]
    assert {band["band"] for band in figures["iro_caseloads"]} >= {"within", "above"}
    assert sum(1 for h in histories if h.adoption) > 10
    assert any(a.placed for h in histories for a in h.adoption)
    assert len({o.outcome for h in histories for o in h.outcomes}) >= 5
    assert any(h.missing for h in histories) and any(h.previous for h in histories)
    assert any(len({p.start for p in h.episodes if p.rne == "S"}) > 1 for h in histories)


def test_a_tracker_with_records_is_refused_and_left_as_it_was(context):
    from permanence_tracker.services.records import editing as records

    records.add_child(context.uow, Child("REAL1", date(2015, 1, 1)), AS_OF)
    with pytest.raises(NotEmptyError, match="empty tracker"):
        build_demo(context.uow, children=10, seed=1, as_of=AS_OF)
    with context.uow() as uow:
        assert uow.repo.child_ids() == {"REAL1"}
        assert uow.iros() == [] and not uow.settings().demo


def test_a_cancelled_build_writes_nothing(context):
    class Cancelled(TrackerError):
        pass

    def progress(done, total, text):
        if done > 0:
            raise Cancelled("cancelled")

    with pytest.raises(Cancelled):
        build_demo(context.uow, children=1500, seed=1, as_of=AS_OF, progress=progress)
    with context.uow() as uow:
        assert uow.repo.child_ids() == set() and uow.iros() == []


def test_the_demo_command_builds_once_and_then_refuses(db_url, capsys):
    args = ["--db", db_url, "demo", "--children", "30", "--seed", "2", "--as-of", "2026-11-23"]
    assert main(args) == 0
    assert "30 looked after" in capsys.readouterr().out
    assert main(args) == 1
    assert "empty tracker" in capsys.readouterr().err


def test_short_breaks_ending_are_not_children_returning_home(demo):
    """Issue 8, 2.1 (domain.md: each V3 break ends with a REC, often E4A, and is not a child
    ceasing to be looked after). The demo gives V3 children a break every 4-6 weeks, each
    ending E4A; "returned home" counts only periods of care that are not short breaks only."""
    context, _ = demo
    cohort = load_cohort(context.uow, AS_OF)
    start, periods = date(2026, 4, 1), [p for s in cohort.standings for p in s.periods]
    ended = [p for p in periods if p.end is not None and start <= p.end <= AS_OF]
    breaks = [p for p in ended if p.short_breaks_only]
    home = [p for p in ended if not p.short_breaks_only and p.reason_ceased in ("E4A", "E4B")]
    assert breaks and {p.reason_ceased for p in breaks} == {"E4A"}
    left = summary_json(summarise(cohort))["left_care"]
    assert left["from"] == "2026-04-01" and left["home"] == len(home)
    assert left["total"] == len(ended) - len(breaks)
    children = {p.child_id for p in breaks}
    assert short_breaks_ended(cohort, start, AS_OF) == (len(breaks), len(children))
