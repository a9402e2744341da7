"""The PySide6 desktop app. The only layer that imports Qt."""

from permanence_tracker.gui import none_refcount  # noqa: F401 - before any Qt call (see there)
