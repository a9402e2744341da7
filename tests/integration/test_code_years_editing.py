"""Record editing checks each code for the collection year of the date it applies to.

Issue 8 s2.6: every code is checked for the row's collection year, in the import and in the
dialogs alike. RNE, LS, CIN, PLACE, PLACE_PROVIDER and REASON_PLACE_CHANGE apply from the
episode's start, REC from its end, REVIEW_CODE on the review's date. Lists (DfE validator
rules): 146 PLACE (H5 up to 2024-25, Z11-Z14 from 2025-26), 149 REC (E43/E44 up to 2018-19),
145 CIN (N1-N8), 101 SEX (stored canonical M/F/U, 1/2 accepted as input).
"""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import insert, select, text

from permanence_tracker import cli
from permanence_tracker.domain.entities import Child, Episode
from permanence_tracker.domain.errors import ValidationError
from permanence_tracker.services.records import changes
from permanence_tracker.services.records import editing as records

TODAY = date(2026, 3, 31)


@pytest.fixture
def child(uow):
    records.add_child(uow, Child("Y1", date(2010, 1, 1), sex="2"), TODAY)
    return "Y1"


def _problems(excinfo) -> dict[str, str]:
    return {p.field: p.message for p in excinfo.value.problems}


def test_a_placement_is_checked_for_the_year_the_episode_starts(uow, child):
    """H5 in an episode starting 2024-25 is valid; one starting in 2025-26 is refused."""
    with pytest.raises(ValidationError) as excinfo:
        records.save_episode(uow, Episode(child, date(2025, 5, 1), "S", "V2", placement="H5",
                                          provider="PR4"), TODAY)
    assert _problems(excinfo) == {"placement": (
        "'H5' is in the PLACE list only up to 2024-25, but the episode starts in 2025-26: use "
        "a code of that year (A3, A4, A5, A6, K1, K2, K3, P1, P3, R1, R2, R3, R5, S1, T0, T1, "
        "T2, T3, T4, U1, U2, U3, U4, U5, U6, Z11, Z12, Z13, Z14)")}
    saved = records.save_episode(uow, Episode(child, date(2024, 5, 1), "S", "V2",
                                              placement="H5", provider="PR4"), TODAY)
    assert saved.placement == "H5"


def test_a_new_code_is_refused_before_its_first_year(uow, child):
    with pytest.raises(ValidationError) as excinfo:
        records.save_episode(uow, Episode(child, date(2025, 3, 1), "S", "V2", placement="Z11"),
                             TODAY)
    assert "only from 2025-26, but the episode starts in 2024-25" in \
        _problems(excinfo)["placement"]


def test_codes_the_record_check_does_not_know_are_checked_too(uow, child):
    """CIN N9 (never in rule 145), PLACE_PROVIDER PR9, REASON_PLACE_CHANGE BORED, REC E43 at
    an end in 2025-26 (rule 149: E43 only up to 2018-19)."""
    with pytest.raises(ValidationError) as excinfo:
        records.save_episode(uow, Episode(
            child, date(2025, 5, 1), "S", "V2", cin="N9", placement="U6", provider="PR9",
            reason_place_change="BORED", end=date(2025, 6, 1), rec="E43"), TODAY)
    found = _problems(excinfo)
    assert set(found) == {"cin", "provider", "reason_place_change", "rec"}
    assert found["cin"].startswith("'N9' is not in the CIN list: use one of N1, N2")
    assert "'E43' is in the REC list only up to 2018-19, but the episode ends in 2025-26" in \
        found["rec"]


def test_a_change_of_placement_uses_the_codes_of_the_day_it_happens(uow, child):
    records.save_episode(uow, Episode(child, date(2024, 5, 1), "S", "V2", placement="H5",
                                      provider="PR4"), TODAY)
    with pytest.raises(ValidationError) as excinfo:  # still H5 after a legal status change
        changes.record_change(uow, child, date(2025, 6, 1), "C2", "H5", "L", TODAY)
    assert "but the episode starts in 2025-26" in _problems(excinfo)["placement"]
    ended, new = changes.record_change(uow, child, date(2025, 6, 1), "C2", "K3", "U", TODAY)
    assert (ended.placement, new.placement) == ("H5", "K3")


def test_leaving_care_reason_is_checked_for_the_year_care_ends(uow, child):
    records.save_episode(uow, Episode(child, date(2025, 5, 1), "S", "V2", placement="U6",
                                      provider="PR1"), TODAY)
    with pytest.raises(ValidationError) as excinfo:
        changes.end_care(uow, child, date(2025, 9, 1), "E44", TODAY)
    assert "only up to 2018-19, but the child leaves care in 2025-26" in \
        _problems(excinfo)["rec"]
    assert changes.end_care(uow, child, date(2025, 9, 1), "E47", TODAY).rec == "E47"


def test_sex_is_stored_canonical_whatever_code_is_typed(uow, child):
    """1/2 (903 up to 2023-24) and m/f/u are stored as M/F/U; anything else is refused."""
    with uow() as u:
        assert u.repo.child(child).sex == "F"
    records.add_child(uow, Child("Y2", date(2010, 1, 1), sex="u"), TODAY)
    with uow() as u:
        assert u.repo.child("Y2").sex == "U"
    with pytest.raises(ValidationError) as excinfo:
        records.add_child(uow, Child("Y3", date(2010, 1, 1), sex="3"), TODAY)
    assert "use M (male), F (female) or U (not known)" in _problems(excinfo)["sex"]


def test_cli_child_add_accepts_1_2_and_stores_m_f(context, capsys):
    assert cli.main(["--db", context.url, "child", "add", "Y4", "--dob", "2012-02-02",
                     "--sex", "1"]) == 0
    with context.uow() as uow:
        assert uow.repo.child("Y4").sex == "M"


def test_the_migration_stores_1_2_as_m_f_and_back(tmp_path):
    """Migration 0004: 1 -> M, 2 -> F; downgrade writes 1/2 back (U has no older code)."""
    from alembic import command

    from permanence_tracker.persistence import engine as engines
    from permanence_tracker.persistence import tables as t

    engine = engines.create(f"sqlite:///{tmp_path / 'old.sqlite'}")
    config = engines.alembic_config(engine)
    command.upgrade(config, "0003")
    with engine.begin() as connection:
        for cid, sex in (("A", "1"), ("B", "2"), ("C", "")):
            connection.execute(insert(t.child).values(child_id=cid, dob=date(2019, 5, 4),
                                                      sex=sex))
    command.upgrade(config, "0004")
    with engine.connect() as connection:
        rows = connection.execute(select(t.child.c.child_id, t.child.c.sex)
                                  .order_by(t.child.c.child_id)).all()
    assert [tuple(r) for r in rows] == [("A", "M"), ("B", "F"), ("C", "")]
    with engine.begin() as connection:
        connection.execute(text("UPDATE child SET sex = 'U' WHERE child_id = 'C'"))
    command.downgrade(config, "0003")
    with engine.connect() as connection:
        rows = connection.execute(text("SELECT child_id, sex FROM child ORDER BY child_id")).all()
    assert [tuple(r) for r in rows] == [("A", "1"), ("B", "2"), ("C", "")]
    engine.dispose()
