"""A child's record window: the facts an IRO needs first, and a tab per part of the record."""

from permanence_tracker.gui.child_record.window import ChildRecordWindow, open_child_record

__all__ = ["ChildRecordWindow", "open_child_record"]
