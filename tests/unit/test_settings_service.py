"""The settings service (services/settings.py) on the in-memory unit of work: every kind of
value read from text, checked, stored and audited; a refused value changes nothing."""

from __future__ import annotations

import json
from datetime import date

import pytest
from fakes import FakeStore, fake_uow_factory

from permanence_tracker.domain.entities import Settings
from permanence_tracker.domain.errors import ValidationError
from permanence_tracker.services import settings as service
from permanence_tracker.services.exports.ssda903 import check


def _stored(uow) -> Settings:
    with uow() as u:
        return u.settings()


def _refused(uow, store, name: str, text: str) -> str:
    before = (store.state.settings, list(store.state.audit), store.commits)
    with pytest.raises(ValidationError) as refused:
        service.set_setting(uow, name, text)
    assert (store.state.settings, store.state.audit, store.commits) == before  # nothing written
    return str(refused.value)


def test_the_list_shows_every_setting_as_text_with_what_it_is():
    rows = {row.name: row for row in service.list_settings(fake_uow_factory(FakeStore()))}
    assert list(rows) == [
        "authority_name", "authority_code", "protective_marking", "closure_days",
        "caseload_low", "caseload_high", "ico_weeks", "a1_days", "a2_days", "panel_types",
        "panel_business", "monitoring_outcomes", "plan_types",
        "backup_keep_days"]  # never demo or version (backup_keep_days: issue 12)
    assert rows["authority_code"].value == ""  # not set on a new tracker: nobody else's
    assert rows["caseload_high"].value == "70" and rows["caseload_high"].kind == "number"
    assert rows["panel_types"].value == "Adoption; Fostering; Permanence"
    assert rows["closure_days"].value == "" and rows["closure_days"].kind == "dates"
    assert "report" in rows["authority_name"].description


def test_text_is_stored_trimmed_and_audited_with_old_and_new_values(uow, store):
    settings = service.set_setting(uow, "authority_name", "  Northshire County Council ")
    assert settings.authority_name == "Northshire County Council" == _stored(uow).authority_name
    [entry] = store.state.audit
    assert (entry["table_name"], entry["row_key"], entry["action"], entry["user"]) == (
        "settings", "authority_name", "update", "tester")
    assert json.loads(entry["old"]) == {"authority_name": ""}
    assert json.loads(entry["new"]) == {"authority_name": "Northshire County Council"}


def test_setting_the_same_value_again_audits_nothing(uow, store):
    service.set_setting(uow, "protective_marking", "OFFICIAL")
    service.set_setting(uow, "Protective-Marking", "OFFICIAL")  # names as typed are forgiven
    assert [a["row_key"] for a in store.state.audit] == ["protective_marking"]


def test_the_authority_code_is_an_ons_code_which_the_903_check_then_uses(uow, store,
                                                                         monkeypatch):
    assert service.set_setting(uow, "authority_code", "e10000034").authority_code == "E10000034"
    used = []
    monkeypatch.setattr(check, "require_python", lambda: "python")
    monkeypatch.setattr(check, "return_rows", lambda *a, **k: {"Header": [{"CHILD": "A1"}]})
    monkeypatch.setattr(check, "write_tables", lambda folder, tables: [])
    monkeypatch.setattr(check, "run_rules", lambda python, year, this, last, la: (
        used.append(la) or {"findings": []}))
    check.check_903(uow, 2026, date(2026, 6, 1))
    check.check_903(uow, 2026, date(2026, 6, 1), "E06000001")  # --la still wins
    assert used == ["E10000034", "E06000001"]


@pytest.mark.parametrize("text, words", [
    ("318", "318 is a three-digit 903 authority code: give the authority's ONS code"),
    ("E07000123", "district council's code"),
    ("E0900002", "'E0900002' is not an ONS authority code: use E06, E08, E09 or E10"),
    ("W06000001", "is not an ONS authority code"),
])
def test_a_wrong_authority_code_is_refused_saying_what_to_give(uow, store, text, words):
    message = _refused(uow, store, "authority_code", text)
    assert message.startswith("authority_code: ") and words in message


def test_closure_days_in_either_form_sorted_once_or_none(uow):
    days = service.set_setting(uow, "closure_days", "31/12/2026, 2026-12-24;24/12/2026")
    assert days.closure_days == (date(2026, 12, 24), date(2026, 12, 31))
    rows = {r.name: r.value for r in service.list_settings(uow)}
    assert rows["closure_days"] == "24/12/2026, 31/12/2026"  # the form it reads back
    assert service.set_setting(uow, "closure_days", rows["closure_days"]).closure_days == days \
        .closure_days
    assert service.set_setting(uow, "closure_days", " ").closure_days == ()


def test_a_bad_closure_day_is_refused_and_named(uow, store):
    message = _refused(uow, store, "closure_days", "24/12/2026, 31/02/2026")
    assert message == ("closure_days: '31/02/2026' is not a date: use dd/mm/yyyy or yyyy-mm-dd, "
                       "for example 24/12/2026, separating the days with commas")


@pytest.mark.parametrize("name, text", [("ico_weeks", "0"), ("a1_days", "-5"),
                                        ("caseload_low", "fifty"), ("a2_days", "12.5")])
def test_numbers_are_whole_and_at_least_one(uow, store, name, text):
    assert _refused(uow, store, name, text) == (
        f"{name}: {text!r} is not a whole number of 1 or more")


def test_the_caseload_band_keeps_low_below_high(uow, store):
    message = _refused(uow, store, "caseload_low", "70")
    assert message.startswith("caseload_low: the band's low end (70) must be below its high "
                              "end (70): to move the band up, set caseload_high first")
    service.set_setting(uow, "caseload_high", "90")
    assert service.set_setting(uow, "caseload_low", "75").caseload_low == 75
    both = service.set_settings(uow, {"caseload_low": "20", "caseload_high": "30"})
    assert (both.caseload_low, both.caseload_high) == (20, 30) == (
        _stored(uow).caseload_low, _stored(uow).caseload_high)


def test_lists_split_on_semicolons_or_new_lines(uow):
    plans = service.set_setting(uow, "plan_types", "Adoption;\nLong-term fostering ; ;Other")
    assert plans.plan_types == ("Adoption", "Long-term fostering", "Other")
    outcomes = service.set_setting(uow, "monitoring_outcomes", "Settled\nMoved")
    assert _stored(uow).monitoring_outcomes == outcomes.monitoring_outcomes == ("Settled", "Moved")


@pytest.mark.parametrize("name, text, words", [
    ("panel_types", " ; ", "panel_types: cannot be empty: give at least one item"),
    ("plan_types", "Adoption; ADOPTION", "plan_types: 'ADOPTION' is given twice"),
    ("plan_types", "x" * 61, "is 61 characters long: an item may have at most 60"),
    ("panel_business", "Other", "panel_business: the panel figures count 'Plan for permanent "
                                "fostering', 'Match for permanent fostering', 'Adoption match': "
                                "keep them in the list"),
    ("authority_name", "   ", "authority_name: cannot be empty"),
])
def test_bad_lists_and_text_are_refused(uow, store, name, text, words):
    assert words in _refused(uow, store, name, text)


def test_an_unknown_name_lists_the_settings(uow, store):
    message = _refused(uow, store, "authority", "Northshire")
    assert message == ("there is no setting called 'authority': the settings are authority_name, "
                       "authority_code, protective_marking, closure_days, caseload_low, "
                       "caseload_high, ico_weeks, a1_days, a2_days, panel_types, panel_business, "
                       "monitoring_outcomes, plan_types, backup_keep_days")  # issue 12
    assert "demo" in _refused(uow, store, "demo", "true")  # only the demo sets it


def test_several_at_once_store_all_or_none(uow, store):
    before = store.state.settings
    with pytest.raises(ValidationError) as refused:
        service.set_settings(uow, {"authority_name": "Northshire", "ico_weeks": "0",
                                   "authority_code": "X"})
    assert [p.field for p in refused.value.problems] == ["ico_weeks", "authority_code"]
    assert store.state.settings == before and store.state.audit == []
