"""Checks on panel meetings and agenda items: each problem names its field and the fix."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from permanence_tracker.domain.panel_checks import check_item, check_panel
from permanence_tracker.domain.panels import (
    DEFAULT_PANEL_BUSINESS,
    DEFAULT_PANEL_TYPES,
    AgendaItem,
    PanelMeeting,
)

D = date.fromisoformat
TODAY = D("2026-03-31")
PANEL = PanelMeeting(D("2026-03-12"), "Permanence", "Pat Chair", ("Pat Chair", "Sam Member"),
                     quorate=True)
ITEM = AgendaItem(1, "Plan for permanent fostering", child_id="C1")


def _fields(problems) -> dict[str, str]:
    found: dict[str, str] = {}
    for problem in problems:
        found[problem.field] = f"{found.get(problem.field, '')} {problem.message}".strip()
    return found


def test_a_good_panel_and_item_pass():
    assert check_panel(PANEL, TODAY, DEFAULT_PANEL_TYPES) == []
    decided = replace(ITEM, recommendation="Recommended", reasons="Settled",
                      minutes_received=D("2026-03-16"), adm_decision="Agreed",
                      adm_decision_date=D("2026-03-20"))
    assert check_item(decided, PANEL, TODAY, DEFAULT_PANEL_BUSINESS, True) == []


@pytest.mark.parametrize(
    ("panel", "field", "words"),
    [
        (replace(PANEL, type="Social"), "type", "not a panel type: choose one of Adoption"),
        (replace(PANEL, chair="  "), "chair", "is required"),
        (replace(PANEL, type=""), "type", "is required: choose one of Adoption; Fostering"),
        (replace(PANEL, members=("Pat Chair", "Pat Chair")), "members",
         "names Pat Chair more than once"),
        (replace(PANEL, members=("Pat Chair", " ")), "members", "blank name"),
        (replace(PANEL, members=()), "members", "list the members present"),
        (replace(PANEL, date=D("2026-04-09")), "quorate", "once it has met"),
    ],
)
def test_bad_panels(panel, field, words):
    assert words in _fields(check_panel(panel, TODAY, DEFAULT_PANEL_TYPES))[field]


def test_an_upcoming_panel_with_no_quorum_recorded_is_fine():
    upcoming = replace(PANEL, date=D("2026-04-09"), members=(), quorate=None)
    assert check_panel(upcoming, TODAY, DEFAULT_PANEL_TYPES) == []


RECOMMENDED = replace(ITEM, recommendation="Recommended", reasons="Settled")


@pytest.mark.parametrize(
    ("item", "panel", "known", "field", "words"),
    [
        (replace(ITEM, business="Tea"), PANEL, True, "business", "not panel business"),
        (replace(ITEM, business=""), PANEL, True, "business", "is required: choose one of "
         "Plan for permanent fostering; Match"),
        (ITEM, PANEL, False, "child_id", "no child with ID 'C1'"),
        (replace(ITEM, child_id=None), PANEL, True, "child_id", "give at least one"),
        (replace(ITEM, terms="0-5, 2 children"), PANEL, True, "terms", "name the carers"),
        (replace(ITEM, recommendation="Maybe"), PANEL, True, "recommendation",
         "not a recommendation"),
        (RECOMMENDED, replace(PANEL, date=D("2026-04-09"), quorate=None), True,
         "recommendation", "the panel meets on 09/04/2026"),
        (RECOMMENDED, replace(PANEL, quorate=False), True, "recommendation",
         "needs a quorate panel"),
        (replace(RECOMMENDED, reasons=""), PANEL, True, "reasons", "are required"),
        (replace(ITEM, dissent="One member disagreed"), PANEL, True, "recommendation",
         "choose the recommendation"),
        (replace(ITEM, minutes_received=D("2026-03-13")), PANEL, True, "minutes_received",
         "once the panel has recommended"),
        (replace(RECOMMENDED, minutes_received=D("2026-03-11")), PANEL, True,
         "minutes_received", "11/03/2026 is before the panel met on 12/03/2026"),
        (replace(RECOMMENDED, minutes_received=D("2026-04-01")), PANEL, True,
         "minutes_received", "in the future"),
        (replace(RECOMMENDED, adm_decision_date=D("2026-03-20")), PANEL, True, "adm_decision",
         "choose the decision or clear the date"),
        (replace(RECOMMENDED, adm_decision="Yes", adm_decision_date=D("2026-03-20"),
                 minutes_received=D("2026-03-13")), PANEL, True, "adm_decision",
         "not an ADM decision"),
        (replace(ITEM, recommendation="Deferred", adm_decision="Agreed",
                 adm_decision_date=D("2026-03-20")), PANEL, True, "adm_decision",
         "nothing to decide"),
        (replace(RECOMMENDED, adm_decision="Agreed", minutes_received=D("2026-03-13")), PANEL,
         True, "adm_decision_date", "is required with a decision"),
        (replace(RECOMMENDED, adm_decision="Agreed", adm_decision_date=D("2026-03-20")), PANEL,
         True, "minutes_received", "is required with a decision"),
        (replace(RECOMMENDED, adm_decision="Agreed", adm_decision_date=D("2026-03-16"),
                 minutes_received=D("2026-03-17")), PANEL, True, "adm_decision_date",
         "16/03/2026 is before the ADM received the minutes on 17/03/2026"),
        (replace(RECOMMENDED, adm_decision="Agreed", adm_decision_date=D("2026-04-02"),
                 minutes_received=D("2026-03-17")), PANEL, True, "adm_decision_date",
         "in the future"),
    ],
)
def test_bad_items(item, panel, known, field, words):
    assert words in _fields(check_item(item, panel, TODAY, DEFAULT_PANEL_BUSINESS,
                                       known))[field]


def test_a_decision_before_the_panel_is_refused():
    early = replace(RECOMMENDED, adm_decision="Agreed", adm_decision_date=D("2026-03-10"),
                    minutes_received=D("2026-03-10"))
    found = _fields(check_item(early, PANEL, TODAY, DEFAULT_PANEL_BUSINESS, True))
    assert "10/03/2026 is before the panel met on 12/03/2026" in found["adm_decision_date"]
    assert "before the panel met" in found["minutes_received"]


def test_deferred_needs_neither_quorum_nor_reasons():
    deferred = replace(ITEM, recommendation="Deferred")
    assert check_item(deferred, replace(PANEL, quorate=False), TODAY, DEFAULT_PANEL_BUSINESS,
                      True) == []
