"""Words for people that more than one front end shows: the same text in the app and on the
command line, made from the frozen results services return.

Like ``gui/`` and ``cli/`` this is an edge: it imports ``services/`` and ``domain/`` only, never
Qt, persistence or the composition root (``tests/architecture``). What differs between the
edges (a CLI flag, a button's name) is passed in by each.
"""
