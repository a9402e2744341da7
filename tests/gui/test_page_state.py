"""Each page's remembered layout (gui/pages/base.py): the QSettings keys users' saved layouts
are stored under, and a header's state coming back from them."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QSettings

from permanence_tracker.gui.pages.children import ChildrenPage
from permanence_tracker.gui.pages.registry import PAGES
from permanence_tracker.gui.session import Session

AS_OF = date(2026, 3, 31)  # as in tests/gui/conftest.py


def _settings(tmp_path) -> QSettings:
    return QSettings(str(tmp_path / "state.ini"), QSettings.Format.IniFormat)


def _save(page, settings: QSettings) -> None:
    settings.beginGroup(f"pages/{type(page).__name__}")  # as the main window does
    page.save_state(settings)
    settings.endGroup()


def test_pages_keep_their_layout_under_the_same_keys(qtbot, small_authority, tmp_path):
    settings = _settings(tmp_path)
    for cls in PAGES:
        page = cls(Session(small_authority, AS_OF))
        qtbot.addWidget(page)
        _save(page, settings)
    assert sorted(settings.allKeys()) == [
        "pages/AuditPage/splitter", "pages/AuditPage/table", "pages/ChildrenPage/header",
        "pages/IrosPage/detail", "pages/IrosPage/header",
        "pages/IrosPage/splitter", "pages/PanelsPage/agenda", "pages/PanelsPage/splitter",
        "pages/ReviewsDuePage/splitter"]


def test_a_saved_header_is_restored(qtbot, small_authority, tmp_path):
    settings = _settings(tmp_path)
    first = ChildrenPage(Session(small_authority, AS_OF))
    qtbot.addWidget(first)
    header = first.view.horizontalHeader()
    header.moveSection(1, 0)  # Name before Child ID
    header.resizeSection(2, 321)
    _save(first, settings)
    second = ChildrenPage(Session(small_authority, AS_OF))
    qtbot.addWidget(second)
    settings.beginGroup("pages/ChildrenPage")
    second.restore_state(settings)
    settings.endGroup()
    restored = second.view.horizontalHeader()
    assert restored.logicalIndex(0) == 1
    assert restored.sectionSize(2) == 321
