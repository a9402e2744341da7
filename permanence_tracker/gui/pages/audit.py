"""The Audit page (administrators): the audit trail with filters, one entry's before and after,
a check of the hash chain, and Export to Excel (one row per changed field: Field, Before,
After).

Filters (child ID, days from and to, user, table, action) narrow the frozen
:class:`services.audit.AuditEntry` rows the table shows (:class:`AuditModel`); choosing an entry
shows each field it changed, before and after. "Verify the chain" recomputes every entry's hash
(:func:`services.audit.verify_audit`) and says whether the trail is intact or which entry
breaks it. Roles (issue 12) read :attr:`AuditPage.role_required`.

Every column sorts by its raw value, then by entry number: entries written in the same moment
(one import writes hundreds) keep the order they were written in, whichever way the column is
sorted. The model sorts itself in one Python sort (:class:`SourceSortedProxy`): a tuple key is
not something Qt's own proxy sort can compare, and a trail may hold 100,000 entries.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
)

from permanence_tracker.domain.calendar import uk_date
from permanence_tracker.domain.errors import TrackerError
from permanence_tracker.domain.pseudonym import HEADING, Personal
from permanence_tracker.domain.words import plural
from permanence_tracker.gui.export_table import (
    EXPORT_TEXT,
    PSEUDONYMISE_TEXT,
    ask_path,
    session_context,
    xlsx_path,
)
from permanence_tracker.gui.models.roles import ROW_ROLE
from permanence_tracker.gui.models.rows_table import (
    Column,
    RowsTableModel,
    SourceSortedProxy,
)
from permanence_tracker.gui.pages.base import Page, Restorable, group_box, make_table
from permanence_tracker.gui.saved import tell_not_saved, tell_saved
from permanence_tracker.gui.widgets.date_edit import DateEdit
from permanence_tracker.services.audit import (
    ACTIONS,
    AuditEntry,
    audit_entries,
    change_lines,
    export_audit,
    verify_audit,
)

ANY = "Any"
_EARLIEST = QDate(2000, 1, 1)  # the date fields' "Any": no bound

def _words(text: Callable[[AuditEntry], str]) -> Callable[[AuditEntry], tuple[str, int]]:
    """A text column's sort key: its words case-folded, then the entry number (ties)."""
    return lambda e: (text(e).casefold(), e.id)


def _changes(entry: AuditEntry) -> str:
    return "; ".join(change_lines(entry).splitlines())


COLUMNS: tuple[Column[AuditEntry], ...] = (
    Column("Entry", lambda e: str(e.id), sort=lambda e: e.id),
    Column("When", lambda e: uk_date(e.at.replace(tzinfo=None)), sort=lambda e: (e.at, e.id),
           day=lambda e: e.at.replace(tzinfo=None)),
    *(Column(title, text, sort=_words(text)) for title, text in (
        ("By", lambda e: e.user), ("Child ID", lambda e: e.child_id or ""),
        ("Table", lambda e: e.table), ("Row", lambda e: e.row_key),
        ("Action", lambda e: e.action))),
    Column("Changes", _changes, sort=_words(_changes), tip=lambda e: change_lines(e) or None,
           personal=Personal.FREE_TEXT),  # names, dates of birth, notes before and after
)


class AuditModel(RowsTableModel[AuditEntry]):
    def __init__(self, parent=None) -> None:
        super().__init__(COLUMNS, parent)


def _date_field(name: str) -> DateEdit:
    field = DateEdit()
    field.setAccessibleName(name)
    field.setMinimumDate(_EARLIEST)
    field.setSpecialValueText(ANY)
    field.setDate(_EARLIEST)
    return field


class AuditPage(Page):
    title = "Audit"
    permission = "audit.read"  # shown only to the roles that hold it (gui/permissions.py)
    main_table = "table"

    def __init__(self, session, parent=None) -> None:
        super().__init__(session, parent)
        self.child = QLineEdit(placeholderText=ANY)
        self.child.setAccessibleName("Child ID")
        self.date_from = _date_field("From")
        self.date_to = _date_field("To")
        self.user = QLineEdit(placeholderText=ANY)
        self.user.setAccessibleName("User")
        self.table_name = QLineEdit(placeholderText="Any (child, review, episode …)")
        self.table_name.setAccessibleName("Table")
        self.action = QComboBox()
        self.action.setAccessibleName("Action")
        self.action.addItems([ANY, *ACTIONS])
        self.show_button = QPushButton("Show")
        self.show_button.setToolTip("List the entries these filters match")
        self.show_button.clicked.connect(self.refresh)
        for edit in (self.child, self.user, self.table_name):
            edit.returnPressed.connect(self.refresh)
        self.action.activated.connect(self.refresh)

        self.model = AuditModel(self)
        self.proxy = SourceSortedProxy(parent=self, sort=(1, Qt.SortOrder.AscendingOrder))
        self.proxy.setSourceModel(self.model)
        self.table = make_table("Audit entries", self.proxy, sortable=True)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.sortByColumn(1, Qt.SortOrder.AscendingOrder)
        self.table.selectionModel().currentRowChanged.connect(self._show_detail)
        self.detail = QPlainTextEdit(readOnly=True)
        self.detail.setAccessibleName("The chosen entry, before and after")
        self.count = QLabel()
        self.verify_button = QPushButton("Verify the chain")
        self.verify_button.setToolTip("Recompute every entry's hash: has any entry been "
                                      "changed or removed since it was written?")
        self.verify_button.clicked.connect(self.verify)
        self.verdict = QLabel()
        self.verdict.setWordWrap(True)
        self.verdict.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.export_button = QPushButton(EXPORT_TEXT)
        self.export_button.setToolTip("Write the entries listed to an Excel workbook "
                                      "(Ctrl+Shift+X)")
        self.export_button.clicked.connect(lambda: self.export_entries())
        self.pseudonymise = QCheckBox(PSEUDONYMISE_TEXT)
        self.pseudonymise.setToolTip("The export's names as initials, dates of birth as month "
                                     "and year, notes and other free text left out")
        self._build_layout()

    def _build_layout(self) -> None:
        filters = QFormLayout()
        days = QHBoxLayout()
        days.addWidget(self.date_from)
        days.addWidget(QLabel("to"))
        days.addWidget(self.date_to)
        days.addStretch(1)
        filters.addRow("Child ID:", self.child)
        filters.addRow("From:", days)
        filters.addRow("User:", self.user)
        filters.addRow("Table:", self.table_name)
        filters.addRow("Action:", self.action)
        buttons = QHBoxLayout()
        for widget in (self.show_button, self.count):
            buttons.addWidget(widget)
        buttons.addStretch(1)
        buttons.addWidget(self.verify_button)
        buttons.addWidget(self.pseudonymise)
        buttons.addWidget(self.export_button)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(group_box("Entries", self.table))
        self.splitter.addWidget(group_box("Before and after", self.detail))
        self.splitter.setStretchFactor(0, 3)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addLayout(buttons)
        layout.addWidget(self.verdict)
        layout.addWidget(self.splitter, 1)

    def remembered(self) -> dict[str, Restorable]:
        return {"table": self.table.horizontalHeader(), "splitter": self.splitter}

    # -- reading ---------------------------------------------------------------------------
    @staticmethod
    def _day(field: DateEdit) -> date | None:
        day = field.date().toPython()
        assert isinstance(day, date)
        return None if field.date() == field.minimumDate() else day

    def refresh(self) -> None:
        """List the entries the filters match (the chosen entry's detail is cleared)."""
        action = self.action.currentText()
        try:
            entries = audit_entries(
                self.session.uow, self.child.text().strip(), self._day(self.date_from),
                self._day(self.date_to), self.user.text().strip(),
                self.table_name.text().strip(), None if action == ANY else action)
        except TrackerError as error:
            self.count.setText(f"Not shown: {error}")
            return
        self.model.set_rows(entries)
        self.model.sort(self.proxy.sortColumn(), self.proxy.sortOrder())  # as the view shows
        self.count.setText(plural(len(entries), "entry", "entries"))
        self.detail.clear()
        self.fit_columns_once(self.table)

    def _show_detail(self, current, _previous=None) -> None:
        entry = current.data(ROW_ROLE) if current.isValid() else None
        if entry is None:
            self.detail.clear()
            return
        head = (f"Entry {entry.id}: {entry.action} of {entry.table} {entry.row_key} by "
                f"{entry.user} at {uk_date(entry.at.replace(tzinfo=None))}")
        self.detail.setPlainText(f"{head}\n\n{change_lines(entry) or '(no fields)'}")

    def verify(self) -> str:
        """Check the whole chain and say what was found (also returned)."""
        check = verify_audit(self.session.uow)
        if check.intact:
            text = f"Audit intact: {plural(check.entries, 'entry', 'entries')} verified."
        else:
            text = f"Audit BROKEN: {check.reason}."
        self.verdict.setText(text)
        return text

    def export_entries(self, path: str | None = None):
        """The entries listed to a workbook, one row per changed field (Field, Before, After:
        ``services.audit.export_audit``); pseudonymised (before and after values too) when the
        check box is ticked."""
        context = session_context(self.session)()
        hidden = self.pseudonymise.isChecked()
        name = "audit-trail-pseudonymised" if hidden else "audit-trail"
        target = xlsx_path(path) if path else ask_path(self, name)
        if target is None:
            return None
        entries = self.model.rows()
        try:
            export_audit(entries, target, context.marking, context.as_of, datetime.now(),
                         context.authority, pseudonymise=hidden)
        except TrackerError as exc:
            tell_not_saved(self, "Not exported", str(exc))
            return None
        how = f" ({HEADING.lower()})" if hidden else ""
        tell_saved(self, "Exported", f"Saved {plural(len(entries), 'entry', 'entries')}{how} "
                   f"to {target}", target)
        return target
