"""Start care (903 RNE S) on the in-memory unit of work: a first period, a return after leaving
care, and every refusal with its field and words, writing nothing."""

from __future__ import annotations

from datetime import date

import pytest
from fakes import fake_uow_factory

from permanence_tracker.domain.entities import Child, Episode
from permanence_tracker.domain.errors import ConflictError, NotFoundError, ValidationError
from permanence_tracker.domain.periods import periods_of_care
from permanence_tracker.services.records import changes
from permanence_tracker.services.records import editing as records
from permanence_tracker.services.records.care import care_state, needs_provider, start_care

TODAY = date(2026, 3, 31)
DOB = date(2015, 1, 1)


@pytest.fixture
def uow(store):
    factory = fake_uow_factory(store)
    records.add_child(factory, Child("C1", DOB, "F", "Nia", "Vale"), TODAY)
    return factory


def _episodes(uow) -> list[Episode]:
    with uow() as u:
        return sorted(u.repo.records(Episode, "C1"), key=lambda e: e.start)


def _start(uow, on=date(2026, 3, 16), ls="C1", place="U6", provider="PR1", cin="N1", **kw):
    return start_care(uow, "C1", on, ls, place, provider, cin, TODAY, **kw)


def _refused(uow, field: str, words: str, **kw) -> None:
    before = _episodes(uow)
    with pytest.raises(ValidationError) as caught:
        _start(uow, **kw)
    messages = [p.message for p in caught.value.problems if p.field == field]
    assert any(words in m for m in messages), caught.value.problems
    assert _episodes(uow) == before  # nothing written


def test_a_new_child_starts_care_with_rne_s_and_is_looked_after(uow, store):
    commits = store.commits
    saved = _start(uow)
    assert store.commits == commits + 1
    assert (saved.start, saved.rne, saved.legal_status, saved.placement, saved.provider,
            saved.cin, saved.end, saved.rec) == (date(2026, 3, 16), "S", "C1", "U6", "PR1",
                                                 "N1", None, "")
    assert saved.id is not None and saved.open_on(TODAY)
    assert _episodes(uow) == [saved]
    assert care_state(uow, "C1").open_episode == saved


@pytest.mark.parametrize("kw, field, words", [
    ({"on": date(2026, 4, 1)}, "on", "01/04/2026 is in the future"),
    ({"on": date(2014, 12, 31)}, "on", "is before the child's date of birth 01/01/2015"),
    ({"on": date(2033, 1, 1)}, "on", "a period of care cannot start at 18 or over"),
    # codes of the collection year the start falls in (issue 8 s2.6)
    ({"on": date(2025, 1, 10), "place": "Z11"}, "placement", "but the episode starts in 2024-25"),
    ({"on": date(2025, 6, 2), "place": "H5"}, "placement", "only up to 2024-25"),
    ({"cin": "N9"}, "cin", "'N9' is not in the CIN list"),
    ({"ls": "C9"}, "legal_status", "'C9' is not a legal status code"),
    ({"provider": "PR9"}, "provider", "'PR9' is not in the PLACE_PROVIDER list"),
    # required for a start (903 Episodes; DfE rule 526 for the provider)
    ({"ls": ""}, "legal_status", "is required"),
    ({"place": ""}, "placement", "is required"),
    ({"cin": ""}, "cin", "is required"),
    ({"provider": ""}, "provider", "is required for placement U6"),
    ({"place": "T0"}, "provider", "is not given for placement T0"),  # DfE rule 213
])
def test_refused_starts_name_the_field_and_write_nothing(uow, kw, field, words):
    _refused(uow, field, words, **kw)


def test_a_temporary_placement_needs_no_provider():
    assert not needs_provider("T0") and not needs_provider("Z11") and needs_provider("U6")


def test_a_temporary_placement_starts_without_a_provider(uow):
    assert _start(uow, place="T1", provider="").provider == ""


def test_a_child_already_looked_after_cannot_start_again(uow):
    _start(uow)
    _refused(uow, "on", "Nia Vale is already looked after (since 16/03/2026)",
             on=date(2026, 3, 20))


def test_re_entering_care_is_a_new_period_and_cannot_start_before_the_last_end(uow):
    _start(uow, on=date(2025, 4, 1))
    changes.end_care(uow, "C1", date(2025, 9, 1), "E4A", TODAY)
    _refused(uow, "on", "01/08/2025 is before the end of Nia Vale's last episode (01/09/2025)",
             on=date(2025, 8, 1))
    _refused(uow, "on", "is before the end of", on=date(2025, 3, 1))  # before the first start
    # DfE rule 431: a new period (RNE S) may not begin the day the last episode ended
    _refused(uow, "on", "Nia Vale's last episode ended on 01/09/2025: a new period of care "
                        "starts on a later day (DfE rule 431)", on=date(2025, 9, 1))
    again = _start(uow, on=date(2025, 9, 2), ls="V2", place="K2")  # the day after is fine
    assert again.rne == "S"
    periods = periods_of_care(_episodes(uow))
    assert [(p.start, p.end) for p in periods] == [(date(2025, 4, 1), date(2025, 9, 1)),
                                                    (date(2025, 9, 2), None)]


def test_a_start_after_someone_else_changed_the_episodes_is_a_conflict(uow):
    seen = care_state(uow, "C1").episodes
    _start(uow, on=date(2025, 4, 1))  # someone else
    changes.end_care(uow, "C1", date(2025, 9, 1), "E4A", TODAY)
    with pytest.raises(ConflictError, match="changed by someone else"):
        _start(uow, on=date(2026, 1, 5), seen=seen)
    assert len(_episodes(uow)) == 1
    fresh = care_state(uow, "C1").episodes
    assert _start(uow, on=date(2026, 1, 5), seen=fresh).start == date(2026, 1, 5)


def test_an_unknown_child_is_not_found(uow):
    with pytest.raises(NotFoundError, match="no child with ID 'NOPE'"):
        start_care(uow, "NOPE", date(2026, 1, 5), "C1", "U6", "PR1", "N1", TODAY)


def test_end_care_then_the_child_is_not_looked_after(uow):
    _start(uow, on=date(2025, 4, 1))
    ended = changes.end_care(uow, "C1", date(2026, 2, 1), "E13", TODAY)
    assert (ended.end, ended.rec) == (date(2026, 2, 1), "E13")
    assert care_state(uow, "C1").open_episode is None
