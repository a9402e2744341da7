"""``care start`` and ``care end``: a child's period of care begins or ends, headless.

The same services as the app's Start care and End care (:mod:`.services.records.care`,
:func:`.services.records.changes.end_care`), so the same checks, the same messages and the same
audit; a refused input exits with status 1 and writes nothing.
"""

from __future__ import annotations

from permanence_tracker.cli import clock
from permanence_tracker.cli.arguments import iso_date
from permanence_tracker.domain.calendar import uk_date
from permanence_tracker.services.records.care import start_care
from permanence_tracker.services.records.changes import end_care


def register(sub) -> None:
    """Add ``care start`` and ``care end``, each bound to its runner."""
    actions = sub.add_parser("care", help="start or end a child's period of care").add_subparsers(
        dest="action", required=True, metavar="ACTION")
    start = _command(actions, "start", "the child starts to be looked after (903 RNE S): "
                     "their first period of care, or a new one after leaving care",
                     "the day care starts")
    start.add_argument("--ls", required=True, metavar="CODE",
                       help="legal status, e.g. C1 (interim care order) or V2 (section 20)")
    start.add_argument("--place", required=True, metavar="CODE",
                       help="placement type, e.g. U6 (foster care) or K2 (children's home)")
    start.add_argument("--provider", default="", metavar="CODE",
                       help="placement provider, e.g. PR1 (own provision); required unless the "
                       "placement is T0-T4, Z1 or Z11-Z14")
    start.add_argument("--cin", required=True, metavar="CODE",
                       help="category of need, N1-N8, e.g. N1 (abuse or neglect)")
    start.set_defaults(run=_start)
    end = _command(actions, "end", "the child leaves care: the open episode ends",
                   "the day care ends")
    end.add_argument("--rec", required=True, metavar="CODE",
                     help="reason episode ceased, e.g. E4A (returned home, planned) or E11 "
                     "(adopted); not X1, which means another episode follows")
    end.set_defaults(run=_end)


def _command(actions, name: str, help: str, day_help: str):
    parser = actions.add_parser(name, help=help, description=help)
    parser.add_argument("child_id", metavar="CHILD_ID",
                        help="the child's ID (the 903 CHILD identifier)")
    parser.add_argument("--on", type=iso_date, required=True, metavar="YYYY-MM-DD",
                        help=f"{day_help} (required)")
    return parser


def _start(context, args) -> int:
    saved = start_care(context.uow, args.child_id, args.on, args.ls, args.place, args.provider,
                       args.cin, clock.today())
    print(f"{saved.child_id} looked after from {uk_date(saved.start)}: legal status "
          f"{saved.legal_status}, placement {saved.placement}")
    return 0


def _end(context, args) -> int:
    saved = end_care(context.uow, args.child_id, args.on, args.rec, clock.today())
    print(f"{saved.child_id} left care on {uk_date(args.on)} ({saved.rec})")
    return 0
