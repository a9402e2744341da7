"""Permanence Tracker: looked-after children's reviews and permanence plans.

Layers (enforced by tests/architecture): ``domain`` (pure rules), ``services`` (use cases),
``persistence`` (SQLAlchemy), ``reports`` (reportlab), ``gui`` (PySide6); ``app`` wires them.
"""

__version__ = "0.1.0"
