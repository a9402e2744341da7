"""The "Check the 903 return" dialog (issue 8 §4): findings listed, filtered, sorted, and a
double-click or Enter on a finding opens that child's record."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from permanence_tracker.gui import return903
from permanence_tracker.gui.models.findings import FindingsModel
from permanence_tracker.gui.session import Session
from permanence_tracker.services.exports.ssda903.check import CheckResult, Finding
from permanence_tracker.services.exports.ssda903.validator import ValidatorMissingError

TODAY = date(2026, 12, 3)
FINDINGS = (
    Finding("P1", "Header", 2, "393", "Child is looked after but mother field is not "
            "completed.", ("MOTHER",)),
    Finding("P3", "Episodes", 4, "218", "Ofsted Unique reference number (URN) is required.",
            ("URN",)),
)


def test_findings_model_is_a_valid_table(qtmodeltester):
    model = FindingsModel()
    model.set_rows(FINDINGS)
    qtmodeltester.check(model)
    assert model.rowCount() == 2 and model.columnCount() == 6


def _dialog(qtbot, small_authority, opened):
    session = Session(small_authority, date(2026, 3, 31))
    dialog = return903.CheckReturnDialog(session, TODAY, opened.append)
    qtbot.addWidget(dialog)
    return dialog


def test_year_defaults_to_the_as_of_dates_collection_year(qtbot, small_authority):
    """As of 31/03/2026 the collection year is 2025-26 (it ends on 31 March 2026)."""
    dialog = _dialog(qtbot, small_authority, [])
    assert dialog.year() == 2026


def test_check_lists_findings_and_opens_the_child(qtbot, small_authority, monkeypatch):
    calls = []

    def fake_check(uow, year, today, progress=None):
        calls.append(year)
        return CheckResult(year, FINDINGS, (), (("Header", 5),))

    monkeypatch.setattr(return903, "check_903", fake_check)
    opened: list[str] = []
    dialog = _dialog(qtbot, small_authority, opened)
    dialog.run_check()  # the job runs off the GUI thread
    qtbot.waitUntil(lambda: dialog.run_button.isEnabled(), timeout=10000)
    assert calls == [2026]
    assert dialog.proxy.rowCount() == 2
    assert "2 findings of the DfE rules for 2 children" in dialog.summary.text()
    dialog.filter_edit.setText("urn")
    assert dialog.proxy.rowCount() == 1
    dialog.view.activated.emit(dialog.proxy.index(0, 0))
    assert opened == ["P3"]
    dialog.filter_edit.clear()
    dialog.view.sortByColumn(1, Qt.SortOrder.AscendingOrder)
    assert dialog.proxy.index(0, 1).data() == "218"


def test_missing_validator_offers_to_install(qtbot, small_authority, monkeypatch):
    def missing(uow, year, today, progress=None):
        raise ValidatorMissingError("the DfE 903 validator is not installed. Install it with "
                                    "`permanence-tracker validator install`")

    monkeypatch.setattr(return903, "check_903", missing)
    dialog = _dialog(qtbot, small_authority, [])
    dialog.show()
    dialog.run_check()
    qtbot.waitUntil(lambda: dialog.run_button.isEnabled(), timeout=10000)
    assert "permanence-tracker validator install" in dialog.summary.text()
    assert dialog.install_button.isVisible()


def test_file_export_asks_the_year_then_the_folder_and_writes_the_return(
        qtbot, small_authority, tmp_path, monkeypatch):
    """File > Export 903 return…: the year is offered (the as-of date's, 2025-26, first), the
    chosen one is written into the chosen folder, with the DfE's file names."""
    from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox, QWidget

    asked = {}

    def get_item(parent, title, label, items, current, editable):
        asked["items"], asked["current"] = items, items[current]
        return items[current], True

    monkeypatch.setattr(QInputDialog, "getItem", staticmethod(get_item))
    monkeypatch.setattr(QFileDialog, "getExistingDirectory",
                        staticmethod(lambda *a, **k: str(tmp_path / "out")))
    told = []
    monkeypatch.setattr(QMessageBox, "information", staticmethod(lambda *a: told.append(a[2])))
    parent = QWidget()
    qtbot.addWidget(parent)
    task = return903.export_return(Session(small_authority, date(2026, 3, 31)), parent, TODAY)
    assert asked["current"] == "2025-26 (ends 31/03/2026)"
    assert asked["items"][-1] == "2015-16 (ends 31/03/2016)"
    assert task is not None
    qtbot.waitUntil(lambda: bool(told), timeout=10000)
    assert "2025-26 return" in told[0]
    assert (tmp_path / "out" / "header.csv").read_text().startswith("CHILD,SEX,DOB,")


def test_file_export_cancelled_at_the_year_writes_nothing(qtbot, small_authority, tmp_path,
                                                          monkeypatch):
    from PySide6.QtWidgets import QFileDialog, QInputDialog, QWidget

    monkeypatch.setattr(QInputDialog, "getItem", staticmethod(lambda *a: ("", False)))
    opened = []
    monkeypatch.setattr(QFileDialog, "getExistingDirectory",
                        staticmethod(lambda *a, **k: opened.append(a) or ""))
    parent = QWidget()
    qtbot.addWidget(parent)
    assert return903.export_return(Session(small_authority, date(2026, 3, 31)), parent,
                                   TODAY) is None
    assert opened == []


def test_one_finding_is_counted_in_the_singular(qtbot, small_authority, monkeypatch):
    monkeypatch.setattr(return903, "check_903", lambda uow, year, today, progress=None:
                        CheckResult(year, FINDINGS[:1], (), ()))
    dialog = _dialog(qtbot, small_authority, [])
    dialog.run_check()
    qtbot.waitUntil(lambda: dialog.run_button.isEnabled(), timeout=10000)
    assert "1 finding of the DfE rules for 1 child:" in dialog.summary.text()
