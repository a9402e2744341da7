"""Excel export of any table the app shows: the rows as the view shows them, one workbook.

:func:`view_sheet` reads a table or tree view through its model (a proxy's sort and filter as on
screen; hidden columns left out, the user's column order kept) into a
:class:`~permanence_tracker.services.exports.excel.SheetData`: a date cell as a real date, a
figure as a number, everything else as its words. :func:`export_view` writes it with
:func:`~permanence_tracker.services.exports.excel.write_workbook` (marking, bold frozen header,
autofilter, widths, whole or nothing) and says where it went or why not
(:mod:`permanence_tracker.gui.saved`).

:func:`add_export_menu` gives a view the context menu "Export to Excel…";
:func:`install_page_exports` does so for every table of a main-window page and adds the page's
Ctrl+Shift+X; :func:`install_record_exports` for each tab of a child's record;
:func:`install_view_exports` for every table of a dialog or wizard.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QGridLayout,
    QHeaderView,
    QMessageBox,
    QTableView,
    QTreeView,
    QWidget,
)

from permanence_tracker.domain.errors import TrackerError
from permanence_tracker.domain.pseudonym import HEADING, Personal
from permanence_tracker.domain.words import plural
from permanence_tracker.gui.models.roles import DATE_ROLE, PERSONAL_ROLE, ROW_ROLE, SORT_ROLE
from permanence_tracker.gui.models.rows_table import Column, RowsTableModel
from permanence_tracker.gui.saved import tell_not_saved, tell_saved
from permanence_tracker.services.exports.excel import SheetData, sheet_name, write_workbook

EXPORT_TEXT = "Export to Excel…"
# The check box of every report and export dialog that pseudonymises what it writes (issue 12)
PSEUDONYMISE_TEXT = "Pseudonymise (initials, month and year of birth)"
EXPORT_KEYS = "Ctrl+Shift+X"  # Ctrl+E edits a child, in a record
DISPLAY = Qt.ItemDataRole.DisplayRole
# Sheet names for tables whose accessible name is long, says "table" or needs its context
SHEET_TITLES = {
    "Children table": "Children",
    "Reviews due week by week": "Reviews due by week",
    "Children due in the selected week": "Reviews due in the week",
    "Overdue reviews": "Reviews overdue",
    "Reviews due week by week for the selected IRO": "IRO's reviews by week",
    "Children of the selected IRO": "IRO's children",
    "The selected IRO's children due in the selected week": "IRO's reviews due in week",
    "Findings": "903 check findings",
    "Columns of the sheet": "Import columns",
    "Rows of the sheet": "Import rows",
    "Conflicts with the tracker": "Import conflicts",
    "Name and date of birth matches": "Import matches to confirm",
    "Children changed": "Children changed by import",
}


@dataclass(frozen=True)
class ExportContext:
    """Whose table it is and as of when: the heading and marking of the workbook."""

    marking: str
    authority: str
    as_of: date


Context = Callable[[], ExportContext]


def session_context(session) -> Context:
    """The context of the main window's session: its settings' marking and authority."""
    def context() -> ExportContext:
        cohort = session.cohort
        settings = cohort.settings if cohort is not None else None
        return ExportContext(settings.protective_marking if settings else "OFFICIAL-SENSITIVE",
                             settings.authority_name if settings else "", session.as_of)
    return context


# -- reading a view ----------------------------------------------------------------------
_NUMBER = re.compile(r"^[+-]?[\d,]*\.?\d+%?$")


def cell_value(raw: object, text: object) -> object:
    """What a workbook cell holds for a cell showing ``text`` that sorts by ``raw``: the date
    itself for a date (dd/mm/yyyy in Excel), the number itself where the words are just that
    number ("1,234", "0.8"), else the words ("5 overdue" stays words)."""
    if isinstance(text, (int, float)) and not isinstance(text, bool):
        return text
    words = "" if text is None else str(text)
    if isinstance(raw, datetime) and raw.tzinfo is not None and words:
        return raw.replace(tzinfo=None)  # Excel has no time zones: the clock time shown
    if isinstance(raw, date) and words and raw not in (date.min, date.max):
        return raw
    if isinstance(raw, (int, float)) and not isinstance(raw, bool) \
            and _NUMBER.match(words.strip()):
        try:
            shown = float(words.strip().replace(",", "").rstrip("%"))
        except ValueError:
            return words
        if shown == raw:
            return raw
    return words


def column_value(column: Column, row: object) -> object:
    """A :class:`Column` cell's export value: its real date (``raw_date``) where it shows one,
    else its sort key and words as in :func:`cell_value`."""
    day = column.raw_date(row)
    return cell_value(day if day is not None else column.key(row), column.text(row))


def _source(model: QAbstractItemModel, index: QModelIndex) -> tuple[QAbstractItemModel,
                                                                    QModelIndex]:
    while isinstance(model, QSortFilterProxyModel):
        index = model.mapToSource(index)
        model = model.sourceModel()
    return model, index


def _value(model: QAbstractItemModel, index: QModelIndex) -> object:
    """A cell's export value: a RowsTableModel column's plain words (what is printed), else
    the shown text; a date cell's real date (:data:`DATE_ROLE`, read first), else the raw sort
    value for dates and numbers."""
    source, at = _source(model, index)
    if isinstance(source, RowsTableModel) and at.isValid():
        return column_value(source.columns[at.column()], source.data(at, ROW_ROLE))
    day = model.data(index, DATE_ROLE)
    raw = day if isinstance(day, date) else model.data(index, SORT_ROLE)
    return cell_value(raw, model.data(index, DISPLAY))


def _columns(view: QAbstractItemView) -> list[int]:
    """The model's columns in the order shown, hidden ones left out."""
    header = view.horizontalHeader() if isinstance(view, QTableView) else \
        view.header() if isinstance(view, QTreeView) else None
    count = view.model().columnCount()
    if header is None:
        return list(range(count))
    order = [header.logicalIndex(v) for v in range(header.count())]
    return [c for c in order if 0 <= c < count and not header.isSectionHidden(c)]


def _row_label(view: QAbstractItemView) -> bool:
    """Whether the view shows its rows' own headers (an IRO per row of the week grid), not
    just Qt's blank row headers."""
    if not isinstance(view, QTableView) or view.verticalHeader().isHidden():
        return False
    model = view.model()
    return model.rowCount() > 0 and \
        model.headerData(0, Qt.Orientation.Vertical, DISPLAY) is not None


def _widget_value(view: QAbstractItemView, index: QModelIndex, value: object) -> object:
    """A cell under an index widget (the import's decision combo, its "Same child" tick box)
    exports what the widget says, not the blank cell beneath it."""
    widget = view.indexWidget(index)
    if isinstance(widget, QComboBox):
        return widget.currentText() if widget.currentData() is not None else ""
    if isinstance(widget, QCheckBox):
        return "Yes" if widget.isChecked() else "No"
    return value


def _rows(view: QAbstractItemView, columns: list[int]) -> Iterator[tuple[object, ...]]:
    model = view.model()
    labelled = _row_label(view)
    # Index widgets are the viewport's children: look for them only where there are some
    widgets = bool(view.viewport().findChildren(QWidget))
    grouped = isinstance(view, QTreeView) and any(
        model.rowCount(model.index(r, 0)) for r in range(model.rowCount()))
    for r in range(model.rowCount()):
        if isinstance(view, QTableView) and view.isRowHidden(r):
            continue
        top = model.index(r, 0)
        if grouped:  # a tree of groups: each child row under its group's title
            group = model.data(top, DISPLAY)
            for c in range(model.rowCount(top)):
                yield (group, *(_value(model, model.index(c, k, top)) for k in columns))
            continue
        cells = tuple(_value(model, model.index(r, k)) for k in columns)
        if widgets:
            cells = tuple(_widget_value(view, model.index(r, k), cell)
                          for k, cell in zip(columns, cells, strict=True))
        if labelled:
            cells = (model.headerData(r, Qt.Orientation.Vertical, DISPLAY), *cells)
        yield cells


def view_sheet(view: QAbstractItemView, title: str) -> SheetData:
    """The table ``view`` shows, as it shows it, as one sheet called ``title``."""
    model = view.model()
    columns = _columns(view)
    headers = [str(model.headerData(c, Qt.Orientation.Horizontal, DISPLAY) or "")
               for c in columns]
    # What personal data each column holds, as its model's column declares it (issue 12)
    kinds = [model.headerData(c, Qt.Orientation.Horizontal, PERSONAL_ROLE) for c in columns]
    grouped = isinstance(view, QTreeView) and any(
        model.rowCount(model.index(r, 0)) for r in range(model.rowCount()))
    if grouped or _row_label(view):  # a group's title, an IRO per row: no one's child
        headers.insert(0, "Group" if grouped else "")
        kinds.insert(0, None)
    return SheetData(title, tuple(headers), tuple(_rows(view, columns)),
                     tuple(_personal(k) for k in kinds))


def _personal(kind: object) -> Personal | None:
    """A header's kind of personal data; Qt hands an enum of str back as its plain words."""
    return Personal(kind) if isinstance(kind, str) and kind in set(Personal) else None


def view_title(view: QAbstractItemView) -> str:
    """A sheet name that says what the table is (from its accessible name)."""
    name = view.accessibleName() or "Table"
    return sheet_name(SHEET_TITLES.get(name, name))


# -- writing and telling -----------------------------------------------------------------
PSEUDONYMISE_TIP = ("Children's and carers' names as initials, dates of birth as month and "
                    "year, notes and other free text left out; the sheet says 'Pseudonymised'")
Title = str | Callable[[bool], str]  # a sheet's title, or its title as (not) pseudonymised


def _suggested(title: str) -> str:
    return re.sub(r"[^\w\- ]+", "", title).strip().replace(" ", "-").lower() or "table"


def ask_path(parent: QWidget, title: str) -> Path | None:
    """Where to save a workbook (the platform's own dialog); None: cancelled."""
    path, _ = QFileDialog.getSaveFileName(parent, "Export to Excel",
                                          f"{_suggested(title)}.xlsx", "Excel workbook (*.xlsx)")
    return xlsx_path(path) if path else None


def export_dialog(parent: QWidget | None, title: str) -> tuple[QFileDialog, QCheckBox]:
    """The save dialog of "Export to Excel…": Qt's own file dialog (a native one cannot hold
    a widget of ours) with the :data:`PSEUDONYMISE_TEXT` box under it, off unless ticked."""
    dialog = QFileDialog(parent, "Export to Excel", f"{_suggested(title)}.xlsx",
                         "Excel workbook (*.xlsx)")
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    box = QCheckBox(PSEUDONYMISE_TEXT, dialog)
    box.setToolTip(PSEUDONYMISE_TIP)
    layout = dialog.layout()
    if isinstance(layout, QGridLayout):  # Qt's dialog is a grid: the box goes under it all
        layout.addWidget(box, layout.rowCount(), 0, 1, -1)
    return dialog, box


def ask_export(parent: QWidget, title: str) -> tuple[Path, bool] | None:
    """Where to save a workbook and whether to pseudonymise it; None: cancelled."""
    dialog, box = export_dialog(parent, title)
    if dialog.exec() != QFileDialog.DialogCode.Accepted or not dialog.selectedFiles():
        return None
    return xlsx_path(dialog.selectedFiles()[0]), box.isChecked()


def xlsx_path(path: str | Path) -> Path:
    target = Path(path)
    if target.suffix.lower() != ".xlsx":  # "2026.03" keeps its dot: add, do not replace
        target = target.with_name(target.name + ".xlsx")
    return target


def choose_target(parent: QWidget, title: str, path: str | Path | None = None,
                  pseudonymise: bool | None = None) -> tuple[Path, bool] | None:
    """The workbook to write and whether pseudonymised: ``path`` when given (pseudonymised
    only when ``pseudonymise`` says so), else asked, with the check box unless
    ``pseudonymise`` is already decided (a report's figures follow their report)."""
    if path:
        return xlsx_path(path), bool(pseudonymise)
    if pseudonymise is None:
        return ask_export(parent, title)
    target = ask_path(parent, title)
    return (target, pseudonymise) if target is not None else None


def write_sheets(parent: QWidget, sheets: tuple[SheetData, ...], context: ExportContext,
                 target: Path, pseudonymise: bool = False,
                 noun: tuple[str, str] = ("row", "rows")) -> tuple[bool, QMessageBox]:
    """Write ``sheets`` to ``target`` (pseudonymised by their columns' kinds when asked) and
    say where they went or why they were not saved; whether written, and the message."""
    try:
        write_workbook(target, sheets, context.marking, context.as_of, datetime.now(),
                       context.authority, pseudonymise=pseudonymise)
    except TrackerError as exc:
        return False, tell_not_saved(parent, "Not exported", str(exc))
    rows = sum(len(s.rows) for s in sheets)
    how = f" ({HEADING.lower()})" if pseudonymise else ""
    return True, tell_saved(parent, "Exported",
                            f"Saved {plural(rows, *noun)}{how} to {target}", target)


def save_sheets(parent: QWidget, sheets: tuple[SheetData, ...], context: ExportContext,
                path: str | Path | None = None, pseudonymise: bool | None = None,
                ) -> tuple[Path | None, QMessageBox | None]:
    """Write ``sheets`` to a workbook (asking where when ``path`` is None, see
    :func:`choose_target`) and say where it went or why it was not saved; the path written
    (None: cancelled or refused) and the message."""
    chosen = choose_target(parent, sheets[0].title if sheets else "", path, pseudonymise)
    if chosen is None:
        return None, None
    target, hide = chosen
    written, message = write_sheets(parent, sheets, context, target, hide)
    return (target if written else None), message


def export_view(view: QAbstractItemView, context: ExportContext,
                path: str | Path | None = None, title: Title = "",
                pseudonymise: bool | None = None) -> Path | None:
    """Write the table ``view`` shows to a workbook; say where it went, or why not. A
    ``title`` that is a function gives the sheet's title as pseudonymised or not (a child's
    record: the child's ID in place of the name); its pseudonymous title names the file."""
    def named(hide: bool) -> str:
        return (title(hide) if callable(title) else title) or view_title(view)

    chosen = choose_target(view, named(True), path, pseudonymise)
    if chosen is None:
        return None
    target, hide = chosen
    sheet = view_sheet(view, named(hide))
    written, _message = write_sheets(view, (sheet,), context, target, hide)
    return target if written else None


def add_export_menu(view: QAbstractItemView, context: Context,
                    title: Callable[[], str] | None = None,
                    titled: Callable[[bool], str] | None = None) -> QAction:
    """The view's context menu gets "Export to Excel…" (the table as shown), its save dialog
    offering to pseudonymise. The sheet's title: ``titled(pseudonymised)``, else ``title()``,
    else the table's own (:func:`view_title`)."""
    action = QAction(EXPORT_TEXT, view)
    action.setToolTip("Write the rows this table shows to an Excel workbook")
    action.triggered.connect(lambda: export_view(
        view, context(), title=titled if titled else title() if title else ""))
    view.addAction(action)
    view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
    return action


def tables(root: QWidget) -> list[QAbstractItemView]:
    """Every table and tree view inside ``root`` (not a header or a combo box's list)."""
    return [v for v in root.findChildren(QAbstractItemView)
            if isinstance(v, (QTableView, QTreeView)) and not isinstance(v, QHeaderView)]


def has_export(view: QAbstractItemView) -> bool:
    return any(a.text() == EXPORT_TEXT for a in view.actions())


def install_view_exports(root: QWidget, context: Context) -> list[QAbstractItemView]:
    """Every table of a dialog or wizard that has no "Export to Excel…" yet gets it, its sheet
    named for the table (:func:`view_title`); the views given it."""
    added = [v for v in tables(root) if not has_export(v)]
    for view in added:
        add_export_menu(view, context)
    return added


# -- pages and records -------------------------------------------------------------------
def page_table(page: QWidget) -> QAbstractItemView | None:
    """The table Ctrl+Shift+X exports: the page's table with the keyboard focus, else its main
    one (the page's ``main_table`` attribute names it), else its first."""
    found = tables(page)
    focused = next((v for v in found if v.hasFocus()), None)
    main = getattr(page, getattr(page, "main_table", ""), None)
    return focused or (main if isinstance(main, QAbstractItemView) else None) or \
        (found[0] if found else None)


def export_page(page: QWidget | None, path: str | Path | None = None) -> Path | None:
    """Export the page's current table (see :func:`page_table`)."""
    if page is None:
        return None
    own = getattr(page, "export_xlsx", None)
    view = page_table(page)
    if callable(own) and view is getattr(page, "view", None):  # Children: its own export
        result: Path | None = own(path)
        return result
    if view is None:
        return None
    return export_view(view, session_context(page.session)(), path)  # type: ignore[attr-defined]


def install_page_exports(page: QWidget) -> None:
    """Every table of the page gets the context menu; the page gets Ctrl+Shift+X (the Children
    page's own Export button already has it)."""
    context = session_context(page.session)  # type: ignore[attr-defined]
    own = getattr(page, "export_xlsx", None)
    for view in tables(page):
        if callable(own) and view is getattr(page, "view", None):
            action = QAction(EXPORT_TEXT, view)
            action.triggered.connect(lambda: own())
            view.addAction(action)
            view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        else:
            add_export_menu(view, context)
    if not callable(own):
        action = QAction(EXPORT_TEXT, page)
        action.setShortcut(QKeySequence(EXPORT_KEYS))
        action.setToolTip(f"Write the current table to an Excel workbook ({EXPORT_KEYS})")
        action.triggered.connect(lambda: export_page(page))
        page.addAction(action)


def install_record_exports(window, views: Mapping[str, QAbstractItemView]) -> None:
    """Each tab's table of a child's record window gets the context menu; its sheet is named
    for the child and the table ("Ann Smith reviews"; pseudonymised, "P1 reviews")."""
    from permanence_tracker.services.settings import list_settings

    def context() -> ExportContext:
        shown = {row.name: row.value for row in list_settings(window.uow_factory)}
        return ExportContext(shown.get("protective_marking", "") or "OFFICIAL-SENSITIVE",
                             shown.get("authority_name", ""), window.as_of)

    def titled(view: QAbstractItemView) -> Callable[[bool], str]:
        return lambda pseudonymise: record_title(window, view, pseudonymise)

    for view in views.values():
        add_export_menu(view, context, titled=titled(view))


def record_title(window, view: QAbstractItemView, pseudonymise: bool = False) -> str:
    """The sheet's title of a record's tab: the child's name and the table, or the child's ID
    in place of the name when pseudonymised (the sheet's name must not give the name away)."""
    record = window.record
    named = record.child.name if record and not pseudonymise else ""
    who = named or (record.child.child_id if record else window.child_id)
    return sheet_name(f"{who} {view.accessibleName().lower()}")
