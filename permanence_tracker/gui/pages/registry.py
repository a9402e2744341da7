"""The pages of the main window, in menu order (Ctrl+1, Ctrl+2, ...)."""

from permanence_tracker.gui.pages.children import ChildrenPage

PAGES = [ChildrenPage]
