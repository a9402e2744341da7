"""``permanence-tracker summary [--as-of YYYY-MM-DD] [--from ...] [--json]``: the summary figures,
as text for people (:mod:`.summary_text`) or as the JSON contract (:mod:`.summary_json`)."""

from __future__ import annotations

import json
import sys

from permanence_tracker.cli import clock
from permanence_tracker.cli.arguments import iso_date
from permanence_tracker.cli.summary_json import summary_json
from permanence_tracker.cli.summary_text import render_text


def register(sub) -> None:
    """Add the ``summary`` command, bound to :func:`run`."""
    summary = sub.add_parser("summary", help="print the summary figures for an as-of date")
    summary.add_argument("--as-of", type=iso_date, default=None, metavar="YYYY-MM-DD",
                         help="the date the figures describe (default: today)")
    summary.add_argument("--from", dest="period_from", type=iso_date, metavar="YYYY-MM-DD",
                         help="start of the reporting period (default: 1 April before as-of)")
    summary.add_argument("--json", action="store_true", help="print one JSON object")
    summary.set_defaults(run=run)


def run(context, args) -> int:
    from permanence_tracker.services.permanence.cohort import load_cohort
    from permanence_tracker.services.permanence.summary import summarise

    as_of = args.as_of or clock.today()
    if args.period_from and args.period_from > as_of:
        print("error: --from must be on or before --as-of", file=sys.stderr)
        return 2
    figures = summarise(load_cohort(context.uow, as_of), args.period_from)
    if args.json:
        print(json.dumps(summary_json(figures)))
    else:
        print(render_text(figures))
    return 0
