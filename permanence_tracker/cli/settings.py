"""``settings`` lists the authority's settings; ``settings set NAME VALUE [NAME VALUE ...]``
changes one or more together (all or none).

For an administrator's scripted set-up. Each value is checked as the Settings dialog checks it
(:mod:`permanence_tracker.services.settings`) and the change is audited; a refused value exits
with status 1 and changes nothing.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict

from permanence_tracker.services.settings import (
    SPECS,
    list_settings,
    set_settings,
    setting_name,
)

_HOW = {
    "text": "one line of text",
    "code": "E06, E08, E09 or E10 and six digits",
    "dates": "dd/mm/yyyy or yyyy-mm-dd, separated by commas ('' for none)",
    "number": "a whole number of 1 or more",
    "list": "items separated by ';' or new lines",
}


def register(sub) -> None:
    """Add ``settings`` (list) and ``settings set``, each bound to its runner."""
    settings = sub.add_parser("settings", help="list the authority's settings, or set one")
    settings.add_argument("--json", action="store_true", help="print one JSON array")
    settings.set_defaults(run=_list)
    actions = settings.add_subparsers(dest="action", metavar="ACTION")
    names = "\n".join(f"  {name:<21}{spec.description} ({_HOW[spec.kind]})"
                      for name, spec in SPECS.items())
    change = actions.add_parser(
        "set", help="set one or more settings together (validated and audited)",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog=f"settings:\n{names}\n\nexample: permanence-tracker settings set "
               "authority_name 'Northshire County Council'")
    change.add_argument("pairs", nargs="+", metavar="NAME VALUE",
                        help="a setting's name, as 'settings' lists it, and its new value "
                        "(quote it if it has spaces or ';'); give several pairs to change them "
                        "together, e.g. caseload_low 60 caseload_high 80")
    change.set_defaults(run=_set)


def _list(context, args) -> int:
    rows = list_settings(context.uow)
    if args.json:
        print(json.dumps([asdict(row) for row in rows]))
        return 0
    width = max(len(row.name) for row in rows) + 2
    for row in rows:
        print(f"{row.name:<{width}}{row.value}")
    return 0


def _set(context, args) -> int:
    if len(args.pairs) % 2:
        print(f"error: {args.pairs[-1]!r} has no value: give each setting's NAME and VALUE "
              "(for example: settings set authority_name 'Northshire County Council')",
              file=sys.stderr)
        return 2
    changes = dict(zip(args.pairs[::2], args.pairs[1::2], strict=True))
    set_settings(context.uow, changes)  # refused: TrackerError, status 1, nothing stored
    shown = {row.name: row.value for row in list_settings(context.uow)}
    for given in changes:
        name = setting_name(given)
        print(f"{name} set to: {shown[name]}")
    return 0
