"""Use cases and read queries: the only door front ends (GUI, CLI) use to reach the data.

One package per bounded context: ``records``, ``reviews``, ``permanence``, ``panels``,
``reporting``, ``imports``, ``exports``, ``demo``. Shared here: ``unit_of_work`` (the Protocols
services are written against), ``reference`` (SSDA903 code lists and labels by collection year),
``progress`` and ``audit``. Services return frozen dataclasses; a front end's own words (its
flags, labels, buttons) and every layout are made by the front ends. See docs/architecture.md.
"""
