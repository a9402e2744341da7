"""The pages of the main window, in menu order (Ctrl+1, Ctrl+2, ...)."""

from permanence_tracker.gui.pages.audit import AuditPage
from permanence_tracker.gui.pages.children import ChildrenPage
from permanence_tracker.gui.pages.dashboard import DashboardPage
from permanence_tracker.gui.pages.iros import IrosPage
from permanence_tracker.gui.pages.reviews_due import ReviewsDuePage
from permanence_tracker.gui.panels.page import PanelsPage

PAGES = [ChildrenPage, ReviewsDuePage, IrosPage, PanelsPage, DashboardPage, AuditPage]
