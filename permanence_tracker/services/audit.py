"""Checking the audit trail: has any entry been edited or removed since it was written?"""

from __future__ import annotations

from collections.abc import Callable

from permanence_tracker.domain.audit import AuditCheck


def verify_audit(uow_factory: Callable) -> AuditCheck:
    """Recompute the whole trail's hash chain, oldest entry first (read only)."""
    with uow_factory() as uow:
        return uow.verify_audit()
