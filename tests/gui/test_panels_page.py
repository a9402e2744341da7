"""The Panels page and its dialogs on the small authority (tests/gui/conftest.py), by hand.

Panels, as of Tue 31/03/2026:
- Thu 18/12/2025 Permanence: (1) P1 Ava Stone, match for permanent fostering, Recommended,
  minutes Mon 22/12/2025 (deadline Mon 05/01/2026: 23, 24, 29, 30, 31 Dec, 2, 5 Jan), no
  decision: overdue; (2) carers Mr and Mrs Lee, approval of carers, not recorded.
- Mon 05/01/2026 Fostering: (1) carers Ms Ray, review of carers, Deferred.
- Thu 12/03/2026 Permanence: (1) P2 Ben Hart, plan for permanent fostering, not recorded.
- Thu 09/04/2026 Adoption: nothing yet (upcoming).
As text, 05/01/2026 < 12/03/2026 < 18/12/2025; as dates 18/12/2025 comes first.
"""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

from permanence_tracker.domain.panels import AgendaItem, PanelMeeting
from permanence_tracker.gui.models.roles import ROW_ROLE
from permanence_tracker.gui.models.rows_table import RowsProxy
from permanence_tracker.gui.panels import dialogs
from permanence_tracker.gui.panels.model import (
    DUE_COLUMN,
    PANEL_COLUMNS,
    STATE_COLUMN,
    items_model,
    panels_model,
)
from permanence_tracker.gui.panels.page import PanelsPage
from permanence_tracker.gui.session import Session
from permanence_tracker.services import panels as svc
from permanence_tracker.services.records.child_record import load_child_record

D = date.fromisoformat
AS_OF = TODAY = D("2026-03-31")
MEMBERS = ("Pat Chair", "Sam Social Worker", "Indy Pendent")


def _panel(uow, day, kind, quorate=True):
    return svc.save_panel(uow, PanelMeeting(D(day), kind, "Pat Chair",
                                            MEMBERS if quorate else (), quorate), TODAY)


@pytest.fixture
def panels(small_authority):
    uow = small_authority.uow
    december = _panel(uow, "2025-12-18", "Permanence")
    item = svc.save_item(uow, AgendaItem(december.id, "Match for permanent fostering", "P1"),
                         TODAY)
    item = svc.record_recommendation(uow, item, "Recommended", "Settled", "", TODAY).item
    svc.record_decision(uow, item, D("2025-12-22"), "", None, TODAY)
    svc.save_item(uow, AgendaItem(december.id, "Approval of carers", carers="Mr and Mrs Lee",
                                  terms="0-5 years, 2 children"), TODAY)
    january = _panel(uow, "2026-01-05", "Fostering")
    ray = svc.save_item(uow, AgendaItem(january.id, "Review of carers", carers="Ms Ray"), TODAY)
    svc.record_recommendation(uow, ray, "Deferred", "", "", TODAY)
    march = _panel(uow, "2026-03-12", "Permanence")
    svc.save_item(uow, AgendaItem(march.id, "Plan for permanent fostering", "P2"), TODAY)
    april = _panel(uow, "2026-04-09", "Adoption", quorate=None)
    return {"december": december, "january": january, "march": march, "april": april}


@pytest.fixture
def page(qtbot, small_authority, panels):
    session = Session(small_authority, AS_OF)
    widget = PanelsPage(session, today=TODAY)
    qtbot.addWidget(widget)
    widget.resize(1400, 900)
    widget.show()
    with qtbot.waitSignal(widget.loaded, timeout=10000):
        session.reload()
    return widget


def _panel_id(page, day: str) -> int:
    return next(r.panel.id for r in page.panels.rows() if r.panel.date == D(day))


def _column(view, column=0):
    model = view.model()
    return [model.data(model.index(r, column)) for r in range(model.rowCount())]


def _rows(view):
    model = view.model()
    return [model.data(model.index(r, 0), ROW_ROLE) for r in range(model.rowCount())]


def test_models_pass_qt_model_tester(qtmodeltester, small_authority, panels):
    uow = small_authority.uow
    listed = svc.panels(uow, AS_OF)
    model = panels_model()
    model.set_rows((*listed.upcoming, *listed.past))
    qtmodeltester.check(model)
    items = items_model()
    items.set_rows(svc.panel_items(uow, AS_OF))
    qtmodeltester.check(items)
    for accept in (None, lambda r: r.upcoming, lambda r: False):
        proxy = RowsProxy(accept)
        proxy.setSourceModel(model)
        qtmodeltester.check(proxy)
    agenda = RowsProxy(lambda r: r.panel.id == panels["december"].id)
    agenda.setSourceModel(items)
    qtmodeltester.check(agenda)


def test_upcoming_and_held_panels_sort_by_date_not_text(page, qtbot):
    assert _column(page.upcoming) == ["09/04/2026"]
    assert _column(page.past) == ["12/03/2026", "05/01/2026", "18/12/2025"]  # newest first
    page.past.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    assert _column(page.past) == ["18/12/2025", "05/01/2026", "12/03/2026"]
    december = _rows(page.past)[0]
    assert (december.items, december.to_record, december.outstanding, december.missed) == (
        2, 1, 1, 1)
    missed = [t.title for t in PANEL_COLUMNS].index("Deadlines missed")
    assert _column(page.past, missed) == ["1 missed", "0", "0"]


def test_choosing_a_panel_shows_its_agenda(page, qtbot):
    page.select_panel(_panel_id(page, "2025-12-18"))
    assert page.agenda_box.title() == "Agenda: Permanence panel of 18/12/2025 (2 items)"
    assert _column(page.agenda, 3) == ["P1 Ava Stone", ""]
    assert _column(page.agenda, 4) == ["", "Mr and Mrs Lee"]
    assert _column(page.agenda, STATE_COLUMN) == ["Decision overdue", "To record"]
    page.select_panel(_panel_id(page, "2026-04-09"))
    assert page.agenda.model().rowCount() == 0
    assert "Adoption panel of 09/04/2026 (0 items)" in page.agenda_box.title()


def test_outcomes_to_record_and_decisions_outstanding(page):
    assert page.tabs.tabText(0) == "Outcomes to record (2)"
    assert page.tabs.tabText(1) == "Decisions outstanding (1, ⚠ 1 overdue)"
    assert [(r.panel.date, r.number) for r in _rows(page.to_record)] == [
        (D("2025-12-18"), 2), (D("2026-03-12"), 1)]
    (overdue,) = _rows(page.awaited)
    model = page.awaited.model()
    state = model.index(0, STATE_COLUMN)
    assert model.data(state) == "Decision overdue"
    assert model.data(state, Qt.ItemDataRole.DecorationRole) is not None  # the warning icon
    tip = model.data(state, Qt.ItemDataRole.ToolTipRole)
    assert "Minutes received 22/12/2025, decision due by 05/01/2026" in tip
    assert "7 working days" in tip and "No decision by 31/03/2026" in tip
    assert model.data(model.index(0, DUE_COLUMN)) == "05/01/2026"
    assert "⚠ 1 past the 7-working-day deadline" in page.summary.text()


def test_activating_an_item_about_a_child_opens_the_child(page, qtbot):
    index = page.awaited.model().index(0, 3)
    with qtbot.waitSignal(page.open_child, timeout=2000) as opened:
        page.awaited.activated.emit(index)
    assert opened.args == ["P1"]


def _accept_with(fill):
    """A stand-in for ``exec``: fill the form, press Save, return whether it was accepted."""
    def exec_(dialog):
        fill(dialog.ui)
        dialog.ui.buttons.button(QDialogButtonBox.StandardButton.Save).click()
        return dialog.result() == dialogs.PanelDialog.DialogCode.Accepted
    return exec_


def _choose(combo, text):
    index = combo.findData(text)
    assert index >= 0, text
    combo.setCurrentIndex(index)


def test_recording_a_recommendation_offers_the_outcome_and_yes_adds_it(page, qtbot,
                                                                         monkeypatch,
                                                                         small_authority):
    page.select_panel(_panel_id(page, "2026-03-12"))
    page.agenda.setCurrentIndex(page.agenda.model().index(0, 0))

    def fill(ui):
        _choose(ui.recommendation, "Recommended")
        ui.reasons.setPlainText("Settled with her carers for two years")

    monkeypatch.setattr(dialogs.RecommendationDialog, "exec", _accept_with(fill))
    asked = []

    def yes(*args, **kwargs):
        asked.append(args[2])
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", yes)
    with qtbot.waitSignal(page.loaded, timeout=10000):
        page.record_recommendation()
    assert "“Permanent Fostering Panel Agreed” dated 12/03/2026 to P2's record" in asked[0]
    record = load_child_record(small_authority.uow, "P2", AS_OF)
    assert [(o.outcome, o.recorded) for o in record.outcomes] == [
        ("Permanent Fostering Panel Agreed", D("2026-03-12"))]
    assert page.tabs.tabText(1) == "Decisions outstanding (2, ⚠ 1 overdue)"


def test_declining_the_offer_adds_nothing(page, qtbot, monkeypatch, small_authority):
    page.select_panel(_panel_id(page, "2026-03-12"))
    page.agenda.setCurrentIndex(page.agenda.model().index(0, 0))
    monkeypatch.setattr(dialogs.RecommendationDialog, "exec", _accept_with(
        lambda ui: (_choose(ui.recommendation, "Recommended"), ui.reasons.setPlainText("Why"))))
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: QMessageBox.StandardButton.No)
    with qtbot.waitSignal(page.loaded, timeout=10000):
        page.record_recommendation()
    assert load_child_record(small_authority.uow, "P2", AS_OF).outcomes == ()


@pytest.fixture
def show(qtbot):
    def shown(dialog):
        qtbot.addWidget(dialog)
        dialog.show()
        return dialog
    return shown


def _save(dialog):
    dialog.ui.buttons.button(QDialogButtonBox.StandardButton.Save).click()


def test_panel_dialog_shows_problems_by_their_fields_then_saves(small_authority, show):
    uow = small_authority.uow
    dialog = show(dialogs.PanelDialog(uow, TODAY))
    dialog.ui.date.setDate(QDate(2026, 4, 23))
    _choose(dialog.ui.quorate, True)  # before it has met
    _save(dialog)
    assert dialog.isVisible() and dialog.result_record is None
    assert "is required" in dialog.problem_text("chair")
    assert "is required: choose one of Adoption" in dialog.problem_text("type")
    assert "once it has met" in dialog.problem_text("quorate")
    assert dialog.ui.chair_error.text().startswith("⚠ Chair is required")
    dialog.ui.chair.setText("Pat Chair")
    _choose(dialog.ui.type, "Fostering")
    _choose(dialog.ui.quorate, None)
    dialog.ui.members.setPlainText("Pat Chair\n\nSam Social Worker\n")
    _save(dialog)
    assert not dialog.isVisible()
    saved = dialog.result_record
    assert (saved.date, saved.type, saved.members, saved.quorate) == (
        D("2026-04-23"), "Fostering", ("Pat Chair", "Sam Social Worker"), None)


def test_item_dialog_refuses_an_unknown_child(small_authority, panels, show):
    dialog = show(dialogs.ItemDialog(small_authority.uow, TODAY,
                                     AgendaItem(panels["april"].id, "")))
    _choose(dialog.ui.business, "Adoption match")
    dialog.ui.child_id.setText("ZZ9")
    _save(dialog)
    assert "no child with ID 'ZZ9'" in dialog.problem_text("child_id")
    dialog.ui.child_id.setText("P4")
    _save(dialog)
    assert dialog.result_record.child_id == "P4"


def test_decision_dialog_shows_the_deadline_and_records_the_decision(small_authority, panels,
                                                                     show):
    uow = small_authority.uow
    row = svc.panel_detail(uow, panels["december"].id, AS_OF).items[0]
    dialog = show(dialogs.DecisionDialog(uow, TODAY, row.item, "Item 1", row.panel.date))
    assert dialog.ui.minutes_received.date() == QDate(2025, 12, 22)
    assert dialog.deadline_hint.text().startswith("Decision due by 05/01/2026")
    dialog.ui.minutes_received.setDate(QDate(2025, 12, 19))  # Fri: 22, 23, 24, 29, 30, 31, 2
    assert dialog.deadline_hint.text().startswith("Decision due by 02/01/2026")
    _choose(dialog.ui.adm_decision, "Agreed")
    _save(dialog)
    assert "is required with a decision" in dialog.problem_text("adm_decision_date")
    dialog.ui.adm_decision_date.setDate(QDate(2026, 1, 8))
    _save(dialog)
    recorded = dialog.result_record
    assert (recorded.item.minutes_received, recorded.item.adm_decision_date) == (
        D("2025-12-19"), D("2026-01-08"))
    assert recorded.suggestion.outcome == "Permanent Fostering Panel Agreed"


def test_a_stale_recommendation_shows_the_conflict(small_authority, panels, show):
    uow = small_authority.uow
    row = svc.panel_detail(uow, panels["march"].id, AS_OF).items[0]
    dialog = show(dialogs.RecommendationDialog(uow, TODAY, row.item, "Item 1"))
    svc.record_recommendation(uow, row.item, "Deferred", "", "", TODAY)  # someone else
    _choose(dialog.ui.recommendation, "Not recommended")
    dialog.ui.reasons.setPlainText("Mine")
    _save(dialog)
    assert dialog.isVisible() and not dialog.ui.conflict_box.isHidden()
    dialog.ui.reload_button.click()
    assert dialog.ui.recommendation.currentData() == "Deferred"


def test_a_load_that_ends_after_the_page_is_deleted_reports_to_no_one(qtbot, small_authority,
                                                                        monkeypatch):
    """A read still running when the page goes (a session reload just before the window
    closed) must not touch the deleted page's models: pytest-qt fails on the exception."""
    import threading

    import shiboken6

    from permanence_tracker.gui.panels import page as page_module

    release = threading.Event()
    read = page_module._read
    monkeypatch.setattr(page_module, "_read",
                        lambda *args: read(*args) if release.wait(10) else None)
    widget = PanelsPage(Session(small_authority, AS_OF), today=TODAY)
    widget.refresh()
    task = widget._task
    assert task is not None
    shiboken6.delete(widget)
    with qtbot.waitSignal(task.succeeded, timeout=10000):
        release.set()
    assert not shiboken6.isValid(widget)
