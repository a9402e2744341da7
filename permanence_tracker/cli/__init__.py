"""The command line: ``permanence-tracker`` and its sub-commands, one module per area.

One way to add commands: each command module (``summary``, ``import903``, ``demo``,
``records``, ``panels``, ``reports``, ``export903``) has ``register(sub) -> None``, which adds
its parsers to the ``argparse`` sub-parsers ``sub`` and binds each runnable (leaf) parser to
its runner with ``parser.set_defaults(run=fn)``, where ``fn(context, args) -> int`` gets the
opened :class:`~permanence_tracker.app.Context` and the parsed arguments and returns the exit
status. :mod:`.entry` builds the parser from ``COMMAND_MODULES``, opens the context and calls
``args.run(context, args)``; a ``TrackerError`` a runner lets through is printed as
``error: ...`` with status 1. To add a command, write a module with ``register`` and list it
in ``COMMAND_MODULES``.

Shared pieces: :mod:`.arguments` (the argument types: dates, IDs, years), :mod:`.clock` (the
one place the command line reads the time). Commands call services only and make text or JSON
for people here, at the edge.
"""

from permanence_tracker.cli.entry import build_parser, main

__all__ = ["build_parser", "main"]
