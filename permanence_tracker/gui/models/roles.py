"""Custom item data roles shared by every model and view."""

from PySide6.QtCore import Qt

SORT_ROLE = Qt.ItemDataRole.UserRole + 1  # raw value (date, int) that views sort by
ROW_ROLE = Qt.ItemDataRole.UserRole + 2  # the whole frozen row
DATE_ROLE = Qt.ItemDataRole.UserRole + 3  # the real date a date cell shows (Excel export)
# A column header's kind of personal data (domain.pseudonym.Personal; None: none), for a
# pseudonymised export
PERSONAL_ROLE = Qt.ItemDataRole.UserRole + 4
