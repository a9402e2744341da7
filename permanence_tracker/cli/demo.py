"""``permanence-tracker demo``: build the demo authority from the command line."""

from __future__ import annotations

import sys
import time

from permanence_tracker.cli import clock
from permanence_tracker.cli.arguments import iso_date, positive
from permanence_tracker.domain.words import plural
from permanence_tracker.services.demo import DEFAULT_CHILDREN, NotEmptyError, build_demo


def register(sub) -> None:
    """Add the ``demo`` command, bound to :func:`run`."""
    demo = sub.add_parser("demo", help="fill the database with a synthetic demo authority")
    demo.add_argument("--children", type=positive, default=None,
                      help="children looked after on the as-of date (default 750)")
    demo.add_argument("--seed", type=int, default=1)
    demo.add_argument("--as-of", type=iso_date, default=None, metavar="YYYY-MM-DD",
                      help="the demo's 'today' (default: today)")
    demo.set_defaults(run=run, creates=True)  # may make a new tracker (cli/init.py)


def run(context, args) -> int:
    as_of = args.as_of or clock.today()
    children = args.children or DEFAULT_CHILDREN
    started = time.perf_counter()

    def progress(done: int, total: int, text: str) -> None:
        if sys.stderr.isatty():
            print(f"\r{text}", end="", file=sys.stderr, flush=True)

    try:
        result = build_demo(context.uow, children, args.seed, as_of, progress)
    except NotEmptyError as exc:  # the service says why; the command line says what to do
        print(f"error: {exc} (choose a new database with --db)", file=sys.stderr)
        return 1
    if sys.stderr.isatty():
        print(file=sys.stderr)
    print(f"Built the demo authority {result.authority!r} as of {as_of.isoformat()} "
          f"(seed {args.seed}): "
          f"{plural(result.children, 'synthetic child', 'synthetic children')}, "
          f"{result.looked_after:,} looked after, {plural(result.iros, 'IRO')}, "
          f"in {time.perf_counter() - started:.1f} s.")
    return 0
