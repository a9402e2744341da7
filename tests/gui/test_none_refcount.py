"""PySide6 6.12.0 takes a reference from ``None`` each time Python reads an invalid QVariant
from a Qt model (gui/none_refcount.py): these tests show the bug, and that the app's guard is
in place, so a Python 3.11 session cannot run ``None``'s count down to zero and abort."""

from __future__ import annotations

import sys

import pytest
from PySide6.QtCore import QSortFilterProxyModel
from PySide6.QtGui import QStandardItemModel

from permanence_tracker.gui import none_refcount

CALLS = 1000


def test_reading_an_unused_role_through_a_proxy_takes_a_reference_from_none(qapp):
    """The bug itself. When this fails, PySide6 is fixed: remove gui/none_refcount.py."""
    if sys.version_info >= (3, 12):
        pytest.skip("None is immortal from Python 3.12: its count does not move")
    source = QStandardItemModel(2, 2)
    proxy = QSortFilterProxyModel()
    proxy.setSourceModel(source)
    index = proxy.index(0, 0)
    before = sys.getrefcount(None)
    for _ in range(CALLS):
        assert proxy.data(index, 1234) is None
    assert before - sys.getrefcount(None) >= CALLS * 0.9


@pytest.mark.parametrize("constant", [None, True, False])
def test_the_gui_package_guards_the_constants_before_any_qt_call(constant):
    if sys.version_info >= (3, 12):
        pytest.skip("None, True and False are immortal from Python 3.12")
    assert sys.getrefcount(constant) > none_refcount.RESERVE // 2


def test_the_guard_is_applied_once():
    before = [sys.getrefcount(c) for c in none_refcount.GUARDED]
    none_refcount.guard()
    after = [sys.getrefcount(c) for c in none_refcount.GUARDED]
    assert all(abs(a - b) < none_refcount.RESERVE // 2 for a, b in zip(after, before, strict=True))
