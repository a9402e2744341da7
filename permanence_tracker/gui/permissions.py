"""What the app shows a role: only the actions it may take, and who is acting (status bar).

The services refuse anyway (``services/authorization``); hiding is so people are not offered
what they would be refused.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtGui import QAction

from permanence_tracker.services.authorization import actor_of, may
from permanence_tracker.services.unit_of_work import UowFactory


def show_permitted(actions: Mapping[QAction, str], uow: UowFactory) -> None:
    """Show each action only when the acting role holds its permission."""
    for action, permission in actions.items():
        permitted = may(uow, permission)
        action.setVisible(permitted)
        action.setEnabled(permitted and action.isEnabled())


def role_text(uow: UowFactory) -> str:
    """The status bar's "Role: IRO"."""
    return f"Role: {actor_of(uow).role.title}"
