"""``audit verify`` checks the audit trail's hash chain; ``audit export`` writes entries to a
CSV file or an Excel workbook for an information-governance reviewer.

``verify`` exits 0 with the number of entries when the chain is intact, and 1 naming the first
broken entry (its id, when, table and row) and what is wrong: a hash mismatch (the entry was
changed) or a missing link (an entry before it was removed). ``export`` takes ``--child ID``
or a date range (``--from``/``--to``, both days included), optionally narrowed by user, table
and action, and writes who, when, what and each field before and after, in date order.
"""

from __future__ import annotations

import sys
from pathlib import Path

from permanence_tracker.cli import clock
from permanence_tracker.cli.arguments import iso_date
from permanence_tracker.domain.words import plural
from permanence_tracker.services.audit import ACTIONS, audit_entries, export_audit, verify_audit
from permanence_tracker.services.settings import list_settings


def register(sub) -> None:
    """Add ``audit verify`` and ``audit export``, each bound to its runner."""
    audit = sub.add_parser("audit", help="verify or export the audit trail")
    actions = audit.add_subparsers(dest="action", metavar="ACTION", required=True)
    verify = actions.add_parser(
        "verify", help="check that no audit entry was changed or removed (exit 1 if one was)")
    verify.set_defaults(run=_verify)
    export = actions.add_parser(
        "export", help="write audit entries (who, when, what, before and after) to .csv/.xlsx",
        epilog="example: permanence-tracker audit export --child C001 --out c001-audit.xlsx")
    export.add_argument("--child", metavar="ID", help="only this child's entries")
    export.add_argument("--from", dest="date_from", metavar="YYYY-MM-DD", type=iso_date,
                        help="entries on or after this day")
    export.add_argument("--to", dest="date_to", metavar="YYYY-MM-DD", type=iso_date,
                        help="entries on or before this day")
    export.add_argument("--user", help="only entries made by this user")
    export.add_argument("--table", help="only entries about this table (child, review ...)")
    export.add_argument("--action", dest="entry_action", choices=ACTIONS,
                        help="only entries of this action")
    export.add_argument("--out", metavar="FILE", type=Path, required=True,
                        help="the file to write: .csv or .xlsx")
    export.add_argument("--pseudonymise", action="store_true",
                        help="names in the before and after values as initials, dates of "
                        "birth as month and year, free text left out")
    export.set_defaults(run=_export)


def _verify(context, args) -> int:
    check = verify_audit(context.uow)
    if check.intact:
        print(f"audit intact: {plural(check.entries, 'entry', 'entries')}")
        return 0
    print(f"audit BROKEN at entry {check.broken_at}: {check.reason}. "
          f"{plural(check.entries, 'entry', 'entries')} before it verified.")
    return 1


def _export(context, args) -> int:
    if args.child is None and args.date_from is None and args.date_to is None:
        print("error: say which entries to export: --child ID, or --from YYYY-MM-DD and/or "
              "--to YYYY-MM-DD", file=sys.stderr)
        return 2
    entries = audit_entries(context.uow, args.child, args.date_from, args.date_to, args.user,
                            args.table, args.entry_action)
    shown = {row.name: row.value for row in list_settings(context.uow)}
    marking = shown.get("protective_marking", "") or "OFFICIAL-SENSITIVE"
    path = export_audit(entries, args.out, marking, clock.today(), clock.now(),
                        shown.get("authority_name", ""), pseudonymise=args.pseudonymise)
    print(f"{plural(len(entries), 'audit entry', 'audit entries')} written to {path}")
    return 0
