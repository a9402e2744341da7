"""Printing a table view: an HTML document with the protective marking, sent to a printer."""

from __future__ import annotations

from html import escape

from PySide6.QtGui import QPageLayout, QTextDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QWidget


def table_html(title: str, headers: list[str], rows: list[list[str]], marking: str) -> str:
    head = "".join(f"<th align='left'>{escape(h)}</th>" for h in headers)
    body = "".join("<tr>" + "".join(f"<td>{escape(c)}</td>" for c in row) + "</tr>"
                   for row in rows)
    return (f"<p><b>{escape(marking)}</b></p><h2>{escape(title)}</h2>"
            f"<table border='1' cellspacing='0' cellpadding='2'><thead><tr>{head}</tr></thead>"
            f"<tbody>{body}</tbody></table><p><b>{escape(marking)}</b></p>")


def print_table(parent: QWidget, title: str, headers, rows, marking: str) -> bool:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageOrientation(QPageLayout.Orientation.Landscape)
    dialog = QPrintDialog(printer, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False
    document = QTextDocument()
    document.setHtml(table_html(title, headers, rows, marking))
    document.print_(printer)
    return True
