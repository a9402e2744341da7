"""``python -m permanence_tracker`` runs the command-line entry point."""

from permanence_tracker.cli import main

raise SystemExit(main())
