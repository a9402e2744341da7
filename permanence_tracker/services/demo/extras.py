"""Demo records beyond the children's own histories (panels and the like).

``add`` runs inside the demo's unit of work after the children are written; later features
append their synthetic data here so one build makes a complete demo authority.
"""

from __future__ import annotations

from datetime import date

from permanence_tracker.domain.entities import Settings
from permanence_tracker.services.demo.panels import add_panels
from permanence_tracker.services.unit_of_work import UnitOfWork


def add(uow: UnitOfWork, seed: int, as_of: date, settings: Settings) -> None:
    """Nothing yet beyond the children; panels add their meetings here."""
    add_panels(uow, seed, as_of, settings)
