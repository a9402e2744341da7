"""Help > About Permanence Tracker: the version, and where the data the app is showing lives.

The database URL is shown with any password hidden; for a SQLite file its folder is named too,
so a user can find (and back up) the file.
"""

from __future__ import annotations

import platform
import re
from html import escape
from pathlib import Path

import PySide6
from PySide6.QtCore import Qt, qVersion
from PySide6.QtWidgets import QMessageBox, QWidget

from permanence_tracker import __version__

TITLE = "About Permanence Tracker"


def shown_url(url: str) -> str:
    """The URL without its password: postgresql://pt:***@host/db."""
    return re.sub(r"(://[^:/@]*:)[^/]*@", r"\1***@", url)  # to the last @ before the host


def sqlite_folder(url: str) -> Path | None:
    if not url.startswith("sqlite") or "///" not in url or url.endswith(":memory:"):
        return None
    return Path(url.split("///", 1)[1]).parent


def about_details(session) -> list[tuple[str, str]]:
    """(caption, value) pairs: what the app is and which data it is using."""
    context = session.context
    rows = [("Database", shown_url(context.url))]
    folder = sqlite_folder(context.url)
    if folder is not None:
        rows.append(("Data folder", str(folder)))
    if context.backup is not None:
        rows.append(("Backup made before the last upgrade", str(context.backup)))
    rows += [("Signed in as", context.user),
             ("Data", "synthetic demo data" if session.is_demo else "your authority's records"),
             ("Python, Qt", f"Python {platform.python_version()}, Qt {qVersion()} "
                            f"(PySide6 {PySide6.__version__})")]
    return rows


def open_about(session, parent: QWidget) -> QMessageBox:
    """Show the About box (window-modal, not blocking); its text can be selected and copied."""
    box = QMessageBox(parent)
    box.setWindowTitle(TITLE)
    box.setIcon(QMessageBox.Icon.Information)
    box.setTextFormat(Qt.TextFormat.RichText)
    box.setText(f"<b>Permanence Tracker {escape(__version__)}</b><br>Reviews and permanence "
                "plans of looked-after children, panels and the 903 return.")
    box.setInformativeText("<table>" + "".join(
        f"<tr><td>{escape(caption)}:&nbsp;</td><td>{escape(value)}</td></tr>"
        for caption, value in about_details(session)) + "</table>")
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box
