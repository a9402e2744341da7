"""The command line: ``permanence-tracker`` and its sub-commands, one module per area.

Each module registers its commands the same way (see :mod:`.main`); they call services only and
make text or JSON for people here, at the edge.
"""

from permanence_tracker.cli.main import build_parser, main

__all__ = ["build_parser", "main"]
