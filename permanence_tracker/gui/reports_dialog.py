"""The "Reports…" dialog: pick a printed report and its parameters, generate it off the GUI
thread, preview it, save it and print it.

The report is read and laid out by exactly what ``permanence-tracker report`` runs
(``services.reporting.inputs.load_report_input`` then ``reports.render``), in a background task
(:mod:`gui.tasks`) with progress and Cancel, so the figures match the CLI and the pages.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, Qt
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from permanence_tracker.domain.calendar import uk_date
from permanence_tracker.domain.errors import Problem, ValidationError
from permanence_tracker.domain.measures import financial_year_start
from permanence_tracker.domain.words import plural
from permanence_tracker.gui import tasks
from permanence_tracker.gui.dialogs.base import get_date
from permanence_tracker.gui.export_table import PSEUDONYMISE_TEXT
from permanence_tracker.gui.pdf_preview import PdfPreview, open_in_viewer
from permanence_tracker.gui.widgets.date_edit import DateEdit
from permanence_tracker.services.progress import Progress
from permanence_tracker.services.reporting.inputs import (
    REPORTS,
    ReportInput,
    ReportRequest,
    check_request,
    missing_inputs,
)

if TYPE_CHECKING:
    from permanence_tracker.gui.session import Session
    from permanence_tracker.services.panels import PanelList

# Which fields each report uses; the others are hidden.
FIELDS = {
    "caseloads": ("iro",),
    "outcome-sheet": ("panel", "child"),
    "panel-summary": ("panel",),
    "panel-figures": ("from",),
    "cohort": ("from",),
    "review-prep": ("child",),
}
ALL_IROS = "All IROs"
# What to ask for when a report needs an input (the service's field names).
MISSING = {"panel": "Choose a panel.", "child": "Enter the child's ID."}
# The label before a problem with a field's value (the service words the rest); other
# problems are whole sentences.
LABELS = {"from": "Period from", "as_of": "As of"}


def said(problem: Problem) -> str:
    """A service problem as the dialog says it: "Period from 01/04/2026 is after ..."."""
    label = LABELS.get(problem.field)
    return f"{label} {problem.message}" if label else problem.message


DATE_MARK = "⚠"  # before a refused date in the message line


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


class ReportsDialog(QDialog):
    def __init__(self, session: Session, parent: QWidget | None = None,
                 clock: Callable[[], datetime] | None = None,
                 use_qt_pdf: bool | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self._clock = clock or (lambda: datetime.now().astimezone())
        self.pdf: bytes = b""
        self.pdf_name = ""
        self.loaded: ReportInput | None = None  # what the PDF was made from: its figures
        self.task: tasks.Task | None = None
        self.panels_loaded = False  # the panel list arrives from a background read
        self.setWindowTitle("Reports")
        self.resize(900, 760)
        self._build(use_qt_pdf)
        self._fill_iros()
        self._load_panels()
        self.report.currentIndexChanged.connect(self._report_changed)
        self._report_changed()

    # -- layout --------------------------------------------------------------------------
    def _build(self, use_qt_pdf: bool | None) -> None:
        self.report = QComboBox()
        self.report.setAccessibleName("Report")
        for spec in REPORTS.values():
            self.report.addItem(spec.title, spec.name)
            self.report.setItemData(self.report.count() - 1, spec.description,
                                    Qt.ItemDataRole.ToolTipRole)
        self.as_of = DateEdit()
        self.as_of.setDate(_qdate(self.session.as_of))
        self.as_of.setAccessibleName("As-of date")
        self.use_from = QCheckBox("From")
        self.use_from.setToolTip("Start the reporting period on this date (cohort: default "
                                 "1 April; panel figures: compare the year before it)")
        # 1 April of the financial year holding the as-of date (issue 8, 2.9: in January to
        # March that is the previous calendar year's 1 April); it follows the as-of date
        # until "From" is ticked.
        self.period_from = DateEdit()
        self.period_from.setDate(_qdate(financial_year_start(self.session.as_of)))
        self.period_from.setAccessibleName("Period from")
        self.period_from.setEnabled(False)
        self.use_from.toggled.connect(self.period_from.setEnabled)
        self.as_of.dateChanged.connect(self._follow_as_of)
        for edit in (self.as_of, self.period_from):  # a refused date is said at once
            edit.problem_changed.connect(self._date_refused)
        from_row = QHBoxLayout()
        from_row.addWidget(self.use_from)
        from_row.addWidget(self.period_from, 1)
        self.panel = QComboBox()
        self.panel.setAccessibleName("Panel")
        self.panel.setPlaceholderText("Loading panels…")
        self.iro = QComboBox()
        self.iro.setAccessibleName("IRO")
        self.child = QLineEdit()
        self.child.setAccessibleName("Child ID")
        self.child.setPlaceholderText("Child ID")
        self.child.textChanged.connect(self._update_buttons)
        self.panel.currentIndexChanged.connect(self._update_buttons)
        ids = sorted(row.child_id for row in self.session.rows)
        self.child.setCompleter(QCompleter(ids, self))

        self.form = QFormLayout()
        self.form.addRow("&Report", self.report)
        self.form.addRow("&As of", self.as_of)
        self.form.addRow("Period", from_row)
        self.form.addRow("&Panel", self.panel)
        self.form.addRow("&IRO", self.iro)
        self.form.addRow("&Child", self.child)
        self.rows = {"from": 2, "panel": 3, "iro": 4, "child": 5}
        # Issue 12: names as initials, births as month and year, free text left out
        self.pseudonymise = QCheckBox(PSEUDONYMISE_TEXT)
        self.pseudonymise.setToolTip("Children's and carers' names as initials, dates of birth "
                                     "as month and year, notes and other free text left out; "
                                     "every page says 'Pseudonymised'")
        self.form.addRow("", self.pseudonymise)

        self.generate_button = QPushButton("&Generate")
        self.generate_button.setDefault(True)
        self.generate_button.clicked.connect(self.generate)
        self.save_button = QPushButton("&Save PDF…")
        self.save_button.clicked.connect(self.save)
        self.figures_button = QPushButton("Save figures to Excel…")
        self.figures_button.clicked.connect(self.save_figures)
        self.print_button = QPushButton("P&rint…")
        self.print_button.clicked.connect(self.print_report)
        self.open_button = QPushButton("&Open in viewer")
        self.open_button.clicked.connect(self.open_viewer)
        actions = QHBoxLayout()
        for button in (self.generate_button, self.save_button, self.figures_button,
                       self.print_button, self.open_button):
            actions.addWidget(button)
        actions.addStretch(1)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setAccessibleName("Report status")
        self.preview = PdfPreview(self, use_qt_pdf)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addLayout(actions)
        layout.addWidget(self.message)
        layout.addWidget(self.preview, 1)
        layout.addWidget(close)

    def _fill_iros(self) -> None:
        names = {r.iro for r in self.session.rows if r.iro}
        if self.session.cohort is not None:
            names |= {i.name for i in self.session.cohort.iros if i.active}
        self.iro.addItem(ALL_IROS, "")
        for name in sorted(names, key=str.casefold):
            self.iro.addItem(name, name)

    def _load_panels(self) -> None:
        from permanence_tracker.services.panels import panels

        uow, as_of = self.session.uow, self.session.as_of
        self.panel_task = tasks.Task(lambda progress: panels(uow, as_of))
        # connected before it starts: a quick read could otherwise report to no one
        self.panel_task.succeeded.connect(self._panels_loaded)
        self.panel_task.failed.connect(self._panels_failed)
        tasks.start(self.panel_task)

    def _panels_failed(self, message: str) -> None:
        self.panel.setPlaceholderText(f"Panels not loaded: {message}")
        self.panels_loaded = True

    def _panels_loaded(self, listed: PanelList) -> None:
        rows = sorted(listed.upcoming + listed.past, key=lambda r: r.panel.date, reverse=True)
        for row in rows:
            p = row.panel
            self.panel.addItem(
                f"{uk_date(p.date)} {p.type} panel ({plural(row.items, 'item')})", p.id)
        self.panel.setPlaceholderText("Choose a panel" if rows else "No panels recorded")
        self.panel.setCurrentIndex(-1)
        self.panels_loaded = True
        self._update_buttons()

    # -- state ---------------------------------------------------------------------------
    @property
    def name(self) -> str:
        name: str = self.report.currentData()  # the ReportSpec.name each item was added with
        return name

    def _follow_as_of(self, _day: QDate) -> None:
        """Until "From" is ticked, the period starts with the as-of date's financial year."""
        if not self.use_from.isChecked():  # the as-of edit holds ``_day``, read as a date
            self.period_from.setDate(_qdate(financial_year_start(get_date(self.as_of))))

    def refused_dates(self) -> str:
        """Settle the dates being typed; why any was refused ("" when none was)."""
        for edit in (self.as_of, self.period_from):
            edit.commit()
        return self._date_problems()

    def _date_problems(self) -> str:
        edits = {"As of": self.as_of, "Period from": self.period_from}
        return "\n".join(f"{DATE_MARK} {label}: {edit.problem}"
                         for label, edit in edits.items() if edit.problem)

    def _date_refused(self, problem: str) -> None:
        """Say a refused date in the message line at once; take it away once corrected."""
        if problem or self.message.text().startswith(DATE_MARK):
            self.message.setText(self._date_problems())

    def _report_changed(self) -> None:
        wanted = FIELDS[self.name]
        for field, row in self.rows.items():
            self.form.setRowVisible(row, field in wanted)
        self._update_buttons()

    def missing(self) -> str:
        """What must still be chosen before the report can be generated ("" when nothing)."""
        missing = missing_inputs(self.request())
        return MISSING[missing[0]] if missing else ""

    def request(self) -> ReportRequest:
        wanted = FIELDS[self.name]
        return ReportRequest(
            self.name, get_date(self.as_of),
            get_date(self.period_from)
            if "from" in wanted and self.use_from.isChecked() else None,
            self.panel.currentData() if "panel" in wanted else None,
            (self.iro.currentData() or "") if "iro" in wanted else "",
            self.child.text().strip() if "child" in wanted else "",
            self.pseudonymise.isChecked(),
        )

    def _update_buttons(self) -> None:
        missing = self.missing()
        self.generate_button.setEnabled(not missing and self.task is None)
        self.generate_button.setToolTip(missing)
        ready = bool(self.pdf)
        for button in (self.save_button, self.print_button, self.open_button):
            button.setEnabled(ready)
        from permanence_tracker.gui.report_figures import NO_FIGURES

        none = NO_FIGURES.get(self.name, "")  # a report with no table of figures says so
        self.figures_button.setEnabled(ready and not none and self.loaded is not None)
        self.figures_button.setToolTip(none or "Write the report's tables, one sheet each, "
                                       "to an Excel workbook")

    # -- actions -------------------------------------------------------------------------
    def generate(self) -> tasks.Task | None:
        from permanence_tracker import reports
        from permanence_tracker.services.reporting.inputs import load_report_input

        refused = self.refused_dates()
        if refused:  # a date that could not be read is never replaced by a guess
            self.message.setText(refused)
            return None
        if self.missing():
            self.message.setText(self.missing())
            return None
        request, uow, clock = self.request(), self.session.uow, self._clock
        try:  # checked here, before the background task, to say it in the dialog's words
            check_request(request)
        except ValidationError as error:
            self._failed("; ".join(said(p) for p in error.problems))
            return None

        def job(progress: Progress) -> tuple[ReportRequest, bytes, ReportInput]:
            loaded = load_report_input(uow, request, progress)
            progress(0, 0, "Laying out the pages")
            return request, reports.render(loaded, clock()), loaded

        self.message.setText("Generating…")
        self.task = tasks.run_with_progress(self, f"Generating {REPORTS[request.name].title}",
                                            job, self._generated, self._failed)
        self.task.cancelled.connect(self._cancelled)
        self._update_buttons()
        return self.task

    def _generated(self, result: tuple[ReportRequest, bytes, ReportInput]) -> None:
        request, pdf, self.loaded = result
        self.task = None
        self.pdf = pdf
        self.pdf_name = f"{request.name}-{request.as_of:%Y-%m-%d}"
        self.preview.load(pdf)
        pages = self.preview.page_count()
        where = plural(pages, "page") if pages else f"{len(pdf):,} bytes"
        self.message.setText(f"{REPORTS[request.name].title} as of "
                             f"{uk_date(request.as_of)}: {where}.")
        self._update_buttons()

    def _failed(self, message: str) -> None:
        self.task = None
        self.message.setText(f"⚠ Could not generate the report: {message}")
        self._update_buttons()

    def _cancelled(self) -> None:
        self.task = None
        self.message.setText("Cancelled.")
        self._update_buttons()

    def save(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, "Save report", f"{self.pdf_name}.pdf",
                                              "PDF documents (*.pdf)")
        if path:
            self.save_to(Path(path))

    def save_to(self, path: Path) -> bool:
        from permanence_tracker.reports.output import write_pdf
        from permanence_tracker.services.exports.excel import why_unwritable

        if path.suffix.lower() != ".pdf":
            path = path.with_name(path.name + ".pdf")
        try:
            write_pdf(path, self.pdf)
        except OSError as exc:
            self.message.setText(f"⚠ Could not save {path}: {why_unwritable(path, exc)}. "
                                 "Nothing was saved.")
            return False
        self.message.setText(f"Saved {path}.")
        return True

    def save_figures(self, path: str | Path | None = None) -> Path | None:
        """The report's tables (from the input its PDF was made from), one sheet each, to a
        workbook; says where it went, why not, or that the report has no figures."""
        from permanence_tracker.gui.export_table import ExportContext, save_sheets
        from permanence_tracker.gui.report_figures import figure_sheets

        loaded = self.loaded
        sheets = figure_sheets(loaded) if loaded is not None else ()
        if loaded is None or not sheets:
            from permanence_tracker.gui.report_figures import NO_FIGURES

            self.message.setText(NO_FIGURES.get(self.name, "Generate the report first: its "
                                                "figures are saved from what it was made of."))
            return None
        settings = loaded.settings
        context = ExportContext(settings.protective_marking, settings.authority_name,
                                loaded.request.as_of)
        # Pseudonymised as the report was (the workbook's headings say so, as the PDF does)
        target, _box = save_sheets(self, sheets, context, path, loaded.request.pseudonymise)
        if target is not None:
            self.message.setText(f"Saved {plural(len(sheets), 'table')} of figures to "
                                 f"{target}.")
        return target

    def print_report(self) -> None:
        if not self.preview.embedded:
            self.open_viewer()
            self.message.setText("The report is open in your PDF viewer: print it from there.")
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.pdf_name)
        if QPrintDialog(printer, self).exec() == QDialog.DialogCode.Accepted:
            self.print_to(printer)

    def print_to(self, printer: QPrinter) -> int:
        try:
            pages = self.preview.print_to(printer)
        except OSError as exc:
            self.message.setText(f"⚠ Could not print: {exc}")
            return 0
        self.message.setText(
            f"Sent {plural(pages, 'page')} to {printer.printerName() or 'the printer'}.")
        return pages

    def open_viewer(self) -> Path | None:
        return open_in_viewer(self.pdf, self.pdf_name) if self.pdf else None


def open_reports_dialog(session: Session, parent: QWidget) -> ReportsDialog:
    """Show the dialog (not modal: the pages stay usable while a report is generated)."""
    dialog = ReportsDialog(session, parent)
    dialog.show()
    return dialog
