"""No cut-off text (issue 10 item 10): every label on every page of the main window, in the
record dialogs (with their problem messages shown), on a tile and in a progress dialog's title
is shown whole at a normal window size; plurals say "1 child" / "2 children"."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtGui import Qt as QtGuiQt
from PySide6.QtWidgets import QApplication, QGridLayout, QLabel, QProgressDialog, QWidget

from permanence_tracker.domain.errors import Problem
from permanence_tracker.gui import tasks
from permanence_tracker.gui.dialogs.child import ChildDialog
from permanence_tracker.gui.dialogs.outcome import OutcomeDialog
from permanence_tracker.gui.dialogs.plan import PlanDialog
from permanence_tracker.gui.dialogs.review import ReviewDialog
from permanence_tracker.gui.main_window import MainWindow
from permanence_tracker.gui.pages.base import make_table
from permanence_tracker.gui.pages.registry import PAGES
from permanence_tracker.gui.session import Session
from permanence_tracker.gui.widgets.fit_columns import ElidedTips, fit_column
from permanence_tracker.gui.widgets.tile import ButtonTile, Tile
from permanence_tracker.services.records.queries import child_for_editing
from permanence_tracker.services.settings import set_setting

AS_OF = date(2026, 3, 31)  # as in tests/gui/conftest.py
TODAY = date(2026, 11, 23)
LONG = ("the date the plan was agreed is after the date of the second review of this period "
        "of care, so the plan counts as agreed late in the statutory measure; check the date")

pytestmark = pytest.mark.usefixtures("isolated_settings")  # tests/gui/conftest.py


def _shown_text(label: QLabel) -> str:
    text = label.text()
    if label.buddy() is not None:  # "&Name" shows as "Name", "&&" as "&"
        text = text.replace("&&", "\0").replace("&", "").replace("\0", "&")
    return text


def cut_labels(root: QWidget) -> list[str]:
    """Every label under ``root`` (itself included) shown on screen whose text does not fit."""
    found = []
    labels = [root] if isinstance(root, QLabel) else []
    for label in labels + root.findChildren(QLabel):
        text = _shown_text(label)
        rich = label.textFormat() == Qt.TextFormat.RichText or (
            label.textFormat() == Qt.TextFormat.AutoText and QtGuiQt.mightBeRichText(text))
        if not text.strip() or rich or not label.isVisible() or label.width() <= 1:
            continue
        metrics = label.fontMetrics()
        room = label.contentsRect().adjusted(label.margin(), label.margin(), -label.margin(),
                                             -label.margin())
        width = room.width() - (label.indent() if label.indent() > 0 else 0)
        if label.wordWrap():
            words = text.split()
            too_wide = [w for w in words if metrics.horizontalAdvance(w) > width]
            needed = label.heightForWidth(label.width())
            if too_wide or needed > label.height():
                found.append(f"{label.objectName() or type(label.parent()).__name__}: {text!r} "
                             f"(wrapped: needs {needed} px high, has {label.height()})")
        else:
            lines = text.splitlines() or [text]
            wide = max(metrics.horizontalAdvance(line) for line in lines)
            high = metrics.height() * len(lines)
            if wide > width or high > room.height() + 1:
                found.append(f"{label.objectName() or type(label.parent()).__name__}: {text!r} "
                             f"(needs {wide}x{high} px, has {width}x{room.height()})")
    return found


def test_the_check_finds_a_cut_label(qtbot):
    """The check can fail: a label narrower than its text, or a wrapped one too short."""
    label = QLabel("Without a permanence plan by the 2nd review")
    qtbot.addWidget(label)
    label.show()
    label.setFixedWidth(label.fontMetrics().horizontalAdvance("Without a") + 2)
    assert cut_labels(label)
    label.setWordWrap(True)
    label.setFixedHeight(label.fontMetrics().height())
    assert cut_labels(label)
    label.setFixedSize(label.sizeHint().expandedTo(label.minimumSizeHint()) * 4)
    assert cut_labels(label) == []


def _loaded_window(qtbot, authority) -> MainWindow:
    """The main window at 1280x800, shown, once its rows have loaded."""
    session = Session(authority, AS_OF)
    win = MainWindow(session, PAGES, today=TODAY)
    qtbot.addWidget(win)
    win.resize(1280, 800)
    win.show()
    with qtbot.waitSignal(session.changed, timeout=10000):
        session.reload()
    return win


@pytest.fixture
def window(qtbot, small_authority):
    return _loaded_window(qtbot, small_authority)


def test_every_page_shows_its_labels_whole(qtbot, window):
    for number, page in enumerate(window.pages):
        window.show_page(number)
        qtbot.waitUntil(page.isVisible, timeout=5000)
        QApplication.processEvents()
        assert cut_labels(window) == [], type(page).__name__


@pytest.mark.parametrize("make", [
    lambda uow: PlanDialog(uow, TODAY, "P1"),
    lambda uow: OutcomeDialog(uow, TODAY, "P1"),
    lambda uow: ReviewDialog(uow, TODAY, child_for_editing(uow, "P1")),
    lambda uow: ChildDialog(uow, TODAY),
], ids=["plan", "outcome", "review", "child"])
def test_record_dialogs_show_every_line_of_a_problem(qtbot, small_authority, make):
    dialog = make(small_authority.uow)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert cut_labels(dialog) == []
    fields = list(dialog._error_labels())
    dialog.show_problems([Problem(fields[0], LONG), Problem(fields[-1], LONG + " " + LONG),
                          Problem("", LONG)])
    QApplication.processEvents()
    shown = [label for label in dialog._error_labels().values() if label.isVisible()]
    assert shown and dialog.ui.form_error.isVisible()
    assert cut_labels(dialog) == []


@pytest.mark.parametrize("kind", [Tile, ButtonTile])
def test_a_tile_wraps_a_long_title_and_figure(qtbot, kind):
    """At its narrowest, in a grid as on the dashboard, a tile gets the height it needs."""
    grid = QWidget()
    qtbot.addWidget(grid)
    tile = kind("Children without a permanence plan by their 2nd review")
    QGridLayout(grid).addWidget(tile)
    tile.set_figure("155 overdue", "Children whose 2nd review was held with no plan agreed")
    width = grid.minimumSizeHint().width()
    assert grid.hasHeightForWidth()
    grid.resize(width, grid.heightForWidth(width))
    grid.show()
    qtbot.waitExposed(grid)
    QApplication.processEvents()
    assert tile.width() < tile.fontMetrics().horizontalAdvance(tile.body.title)  # it wraps
    assert cut_labels(grid) == []


def test_a_progress_dialog_is_wide_enough_for_its_title(qtbot):
    parent = QWidget()
    qtbot.addWidget(parent)
    task = tasks.run_with_progress(parent, "Creating the demo authority",
                                   lambda progress: None, lambda _result: None)
    dialog = parent.findChild(QProgressDialog)
    title = dialog.fontMetrics().horizontalAdvance("Creating the demo authority")
    assert dialog.minimumWidth() > title
    with qtbot.waitSignal(task.succeeded, timeout=5000, raising=False):
        pass


def test_a_cut_cell_shows_its_whole_text_as_a_tooltip(qtbot):
    model = QStandardItemModel(1, 2)
    name = "Bartholomew Fitzwilliam-Ashworth-Montgomery (senior IRO, east area)"
    model.setItem(0, 0, QStandardItem(name))
    model.setItem(0, 1, QStandardItem("Ann Able"))
    view = make_table("IROs", model)
    qtbot.addWidget(view)
    view.resize(900, 300)
    view.show()
    fit_column(view, 0)
    fit_column(view, 1)
    em = view.fontMetrics().horizontalAdvance("M")
    header = view.horizontalHeader()
    assert header.sectionSize(0) <= em * 22  # capped, not as wide as the name
    assert header.sectionSize(1) >= view.fontMetrics().horizontalAdvance("Ann Able")
    tips = view.findChild(ElidedTips)
    assert tips.tip_for(0, 0) == name  # cut: the tooltip is the whole name
    assert tips.tip_for(0, 1) == ""  # fits: no tooltip


def test_the_plan_dialog_offers_the_plan_types_setting(qtbot, small_authority):
    set_setting(small_authority.uow, "plan_types", "Adoption; Kinship care")
    dialog = PlanDialog(small_authority.uow, TODAY, "P1")
    qtbot.addWidget(dialog)
    offered = [dialog.ui.primary.itemText(i) for i in range(dialog.ui.primary.count())]
    assert [t for t in offered if t and not t.startswith("Choose")] == [
        "Adoption", "Kinship care"]


def test_the_children_count_says_child_or_children(qtbot, window):
    page = window.pages[0]
    total = page.model.rowCount()
    assert total > 1 and page.count.text().endswith(f" of {total} children")
    page.search.setText("Ava")
    assert page.count.text() == f"1 of {total} children"


def _iro_column(page, view) -> int:
    model = view.model()
    titles = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    return titles.index("IRO")


def test_a_long_iro_name_is_shown_whole_on_first_load(qtbot, small_authority):
    """The Children and IROs tables size their columns to their first rows (issue 10 item 10:
    long names in the IRO columns were cut), unless the user's own saved layout sized them."""
    from permanence_tracker.domain.entities import Iro
    from permanence_tracker.services.records import editing, iros

    long_name = "Bartholomew Fitzwilliam-Ashworth"
    iros.add_iro(small_authority.uow, Iro(long_name, fte=1.0))
    child = child_for_editing(small_authority.uow, "P1")
    from dataclasses import replace
    editing.update_child(small_authority.uow, replace(child, iro=long_name), TODAY)
    win = _loaded_window(qtbot, small_authority)
    children = win.pages[0]
    column = _iro_column(children, children.view)
    needed = children.view.fontMetrics().horizontalAdvance(long_name)
    assert children.view.horizontalHeader().sectionSize(column) > needed
    iros_page = next(p for p in win.pages if p.title == "IROs")
    name_width = iros_page.table.horizontalHeader().sectionSize(0)
    assert name_width > iros_page.table.fontMetrics().horizontalAdvance(long_name)


def test_a_saved_column_layout_is_kept(qtbot, small_authority):
    from PySide6.QtCore import QSettings

    first = _loaded_window(qtbot, small_authority)
    first.pages[0].view.horizontalHeader().resizeSection(1, 333)
    first.close()  # saves each page's layout
    QSettings().sync()
    second = _loaded_window(qtbot, small_authority)
    assert second.pages[0].view.horizontalHeader().sectionSize(1) == 333
