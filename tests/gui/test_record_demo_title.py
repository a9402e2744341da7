"""The child's record window says DEMO in its title for demo data, as the main window does."""
from datetime import date

import pytest

from permanence_tracker.gui.child_record import ChildRecordWindow

AS_OF = date(2026, 3, 31)  # as in tests/gui/conftest.py


@pytest.mark.parametrize("demo", [True, False])
def test_record_title_marks_demo_data_like_the_main_window(qtbot, small_authority, demo):
    window = ChildRecordWindow(small_authority.uow, "P1", AS_OF, today=AS_OF, demo=demo)
    qtbot.addWidget(window)
    title = window.windowTitle()
    assert "(P1) — Permanence Tracker" in title
    assert title.endswith(" — DEMO") is demo
