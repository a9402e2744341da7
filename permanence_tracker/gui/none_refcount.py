"""A guard against reference-counting bugs of PySide6 6.12.0 that can abort the app.

The bug: whenever Python calls a Qt method that returns a ``QVariant`` and the variant is
invalid (``QSortFilterProxyModel.data()``/``headerData()`` on a role the model does not use,
``QModelIndex.data()``, ``QStandardItemModel.data()``...), the ``None`` handed back to Python is
not given the reference it is owed. Each such call takes one reference from ``None``; on Python
3.11, where ``None`` is an ordinary counted object, enough calls bring its count to zero and the
interpreter aborts ("Fatal Python error: none_dealloc"), usually while shutting down. A table
export reads every cell of every column through the view's proxy for several roles, so a long
session (or the test suite) can get there. ``tests/gui/test_none_refcount.py`` shows the bug and
fails once PySide6 no longer has it, so this module can go.

``True`` and ``False`` lose references the same way somewhere on the paths a table export
and Qt's own (non-native) file dialog take: the test suite aborted with "Fatal Python error:
bool_dealloc" at exit once ``None`` was guarded, and the exact call was not isolated. Qt's
non-native file dialog alone takes about a hundred references from ``None`` per ``exec()``.

The guard: give ``None``, ``True`` and ``False`` so many extra references (2**40) at start-up
that no session could take them all. Keeping extra references to them costs nothing (they are
never freed anyway). From Python 3.12 they are immortal and their counts are left alone.
"""

from __future__ import annotations

import ctypes
import sys

RESERVE = 1 << 40


GUARDED = (None, True, False)


def guard() -> None:
    """Top the reference counts of :data:`GUARDED` up by :data:`RESERVE` (once each; Python
    3.11 only)."""
    if sys.version_info >= (3, 12):
        return
    for constant in GUARDED:
        if sys.getrefcount(constant) < RESERVE // 2:
            # ob_refcnt is the first field of every object
            ctypes.c_ssize_t.from_address(id(constant)).value += RESERVE


guard()
