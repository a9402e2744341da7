"""903 import into the database: merging two collection years, idempotence, auditing.

The synthetic returns in tests/data/903 hold, among others (worked by hand):
- C002: V2 episode from 06/01/2025, open in the 2024-25 return; the 2025-26 return ends it
  on 02/06/2025 (X1) and adds a C1 episode from that day -> 2 episodes, the first closed.
- C003: C2 from 01/05/2023, open in 2024-25, ended 01/08/2025 (E4A) in 2025-26.
- C006: three episodes over the two returns (C1 -> C2 -> E1), AD1 in both years (the match
  date only in 2025-26), decision 10/02/2025 (AD1 DATE_INT = PlacedAdoption DATE_PLACED),
  placed for adoption (A6) 01/05/2025.
- C005: UASC until 02/02/2027; social workers SW0001 from 01/09/2025, SW0002 from 01/11/2025.
- C001: no UPN in 2024-25, A123456789012 in 2025-26.
Totals: 7 children, 10 episodes (1+2+1+1+1+3+1), 16 reviews (7 + 9), 1 adoption record,
1 missing episode, 1 previous permanence (P2, May 2019, day unknown).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from sqlalchemy import func, select

from permanence_tracker.domain import entities as e
from permanence_tracker.persistence import tables as t
from permanence_tracker.services.imports.ssda903 import import_903

TODAY = date(2026, 3, 31)
DATA = Path(__file__).parents[1] / "data" / "903"
YEAR1, YEAR2 = DATA / "return_2024_25", DATA / "return_2025_26"


def _audit_count(context) -> int:
    with context.engine.connect() as connection:
        return connection.execute(select(func.count()).select_from(t.audit)).scalar_one()


def _episodes(context, child_id):
    with context.uow() as uow:
        return sorted(uow.repo.records(e.Episode, child_id), key=lambda ep: ep.start)


def test_both_years_at_once_give_one_record_per_key(context):
    result = import_903(context.uow, [DATA], TODAY)
    assert result.written and not result.rejections
    counts = {kind: dict(c) for kind, c in result.plan.counts.items()}
    assert counts == {"child": {"inserted": 7}, "episode": {"inserted": 10},
                      "review": {"inserted": 16}, "adoption": {"inserted": 1},
                      "missing": {"inserted": 1}, "previous": {"inserted": 1}}
    assert {s.table for s in result.skipped} == {"OC2", "OC3", "DoLo", ""}
    first, second = _episodes(context, "C002")
    assert (first.start, first.end, first.rec) == (date(2025, 1, 6), date(2025, 6, 2), "X1")
    assert (second.start, second.end, second.legal_status) == (date(2025, 6, 2), None, "C1")
    [c003] = _episodes(context, "C003")
    assert (c003.end, c003.rec) == (date(2025, 8, 1), "E4A")
    with context.uow() as uow:
        repo = uow.repo
        assert repo.child("C001").upn == "A123456789012"
        c005 = repo.child("C005")
        assert (c005.uasc, c005.uasc_ceased, c005.social_worker) == (
            True, date(2027, 2, 2), "SW0002")
        # AD1 DATE_INT and PlacedAdoption DATE_PLACED are the same decision (DfE rule 523):
        # one record keyed by it; the move in (A6 from 01/05/2025) is an episode, not a field.
        [adoption] = repo.records(e.AdoptionMilestones, "C006")
        assert (adoption.should_be_placed, adoption.matched, adoption.placed,
                adoption.foster_carer) == (date(2025, 2, 10), date(2025, 4, 15), None, False)
        [previous] = repo.records(e.PreviousPermanence, "C007")
        assert (previous.kind, previous.la, previous.year, previous.month, previous.day) == (
            "P2", "201", 2019, 5, None)
        [missing] = repo.records(e.MissingEpisode, "C007")
        assert (missing.kind, missing.start, missing.end) == ("M", date(2025, 12, 1),
                                                              date(2025, 12, 2))
        reviews = repo.records(e.Review, "C005")
        assert sorted((r.held, r.participation) for r in reviews) == [
            (date(2025, 9, 25), "PN6"), (date(2025, 12, 19), "PN6")]


def test_a_later_return_closes_the_episode_through_an_audited_update(context):
    import_903(context.uow, [YEAR1], TODAY)
    [open_episode] = _episodes(context, "C002")
    assert open_episode.end is None and open_episode.version == 1
    result = import_903(context.uow, [YEAR2], TODAY)
    assert result.plan.counts["episode"] == {"inserted": 5, "updated": 3, "unchanged": 1}
    closed, _ = _episodes(context, "C002")
    assert (closed.id, closed.end, closed.rec, closed.version) == (
        open_episode.id, date(2025, 6, 2), "X1", 2)
    with context.uow() as uow:
        trail = [a for a in uow.repo.audit_trail("C002") if a["table_name"] == "episode"]
    assert sorted(a["action"] for a in trail) == ["insert", "insert", "update"]
    [update] = [a for a in trail if a["action"] == "update"]
    assert update["old"] == '{"end": null, "rec": ""}'
    assert update["new"] == '{"end": "2025-06-02", "rec": "X1"}'


def test_an_older_return_imported_later_cannot_reopen_an_episode(context):
    import_903(context.uow, [YEAR2], TODAY)
    before = _audit_count(context)
    result = import_903(context.uow, [YEAR1], TODAY)
    assert result.written
    assert "updated" not in result.plan.counts["episode"]
    [c003] = _episodes(context, "C003")
    assert c003.end == date(2025, 8, 1)
    # Only the 2024-25 records the 2025-26 return lacks are new: 1 C006 episode, 7 reviews,
    # and no audit entry touches what was already stored.
    assert result.plan.counts["episode"]["inserted"] == 1
    assert result.plan.counts["review"]["inserted"] == 7
    assert _audit_count(context) == before + 8


def test_importing_the_same_files_twice_changes_nothing(context):
    import_903(context.uow, [DATA], TODAY)
    audit_rows = _audit_count(context)
    versions = {ep.id: ep.version for ep in _episodes(context, "C006")}
    again = import_903(context.uow, [DATA], TODAY)
    assert again.written
    assert all(set(c) == {"unchanged"} for c in again.plan.counts.values())
    assert sum(c["unchanged"] for c in again.plan.counts.values()) == 7 + 10 + 16 + 1 + 1 + 1
    assert _audit_count(context) == audit_rows
    assert {ep.id: ep.version for ep in _episodes(context, "C006")} == versions


def test_records_entered_by_hand_keep_fields_the_903_does_not_carry(context):
    with context.uow() as uow:
        uow.repo.add(e.Child("C001", date(2015, 6, 10), sex="M", forename="Ann", iro="Iro One"))
    result = import_903(context.uow, [YEAR2], TODAY)
    assert result.plan.counts["child"] == {"inserted": 6, "updated": 1}
    with context.uow() as uow:
        c001 = uow.repo.child("C001")
    assert (c001.forename, c001.iro, c001.ethnicity, c001.version) == ("Ann", "Iro One",
                                                                       "WBRI", 2)
