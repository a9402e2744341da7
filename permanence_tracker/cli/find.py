"""``find TEXT``: any child by ID or name, for every role (an IRO's read-only search of
everyone, issue 12): ID, name, date of birth, IRO, looked after or not, and whether the user
may change the child's records (an IRO: only their caseload's).
"""

from __future__ import annotations

import json
import sys

from permanence_tracker.cli.arguments import positive
from permanence_tracker.domain.calendar import uk_date
from permanence_tracker.domain.errors import ValidationError
from permanence_tracker.domain.words import plural
from permanence_tracker.services.records.search import MAX_LIMIT, search_children


def register(sub) -> None:
    find = sub.add_parser(
        "find", help="find any child by ID or name (read only)",
        epilog="example: permanence-tracker find 'example' (each word must appear in the "
               "child's ID or name)")
    find.add_argument("text", nargs="+", metavar="TEXT",
                      help="part of the child's ID, first or family name")
    find.add_argument("--limit", type=positive, default=50,
                      help=f"show at most this many children (default 50, at most {MAX_LIMIT})")
    find.add_argument("--json", action="store_true", help="as JSON, one object per child")
    find.set_defaults(run=find_children)


def find_children(context, args) -> int:
    try:
        found = search_children(context.uow, " ".join(args.text), args.limit)
    except ValidationError as refused:  # each problem against the argument that fixes it
        for problem in refused.problems:
            where = {"text": "TEXT", "limit": "--limit"}.get(problem.field, problem.field)
            print(f"error: {where}: {problem.message}", file=sys.stderr)
        return 1
    if args.json:
        print(json.dumps([{"child_id": c.child_id, "name": c.name, "dob": c.dob.isoformat(),
                           "iro": c.iro, "looked_after": c.looked_after,
                           "editable": c.editable} for c in found.children]))
        return 0
    if not found.children:
        print("no child found: try part of the ID, or the family name alone")
        return 0
    for c in found.children:
        state = "looked after" if c.looked_after else "not looked after"
        iro = f", IRO {c.iro}" if c.iro else ", no IRO"
        read_only = "" if c.editable else " (read only)"
        print(f"{c.child_id}: {c.name or '(no name)'}, born {uk_date(c.dob)}{iro}, "
              f"{state}{read_only}")
    if found.more:
        print(f"... and more: showing the first {plural(len(found.children), 'child', 'children')}"
              "; add words or raise --limit to narrow or widen the list")
    return 0
