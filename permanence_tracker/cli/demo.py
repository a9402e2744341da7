"""``permanence-tracker demo``: build the demo authority from the command line."""

from __future__ import annotations

import sys
import time
from datetime import date

from permanence_tracker.services.demo import DEFAULT_CHILDREN, build_demo


def run_demo(context, args) -> int:
    as_of = args.as_of or date.today()
    children = args.children or DEFAULT_CHILDREN
    started = time.perf_counter()

    def progress(done: int, total: int, text: str) -> None:
        if sys.stderr.isatty():
            print(f"\r{text}", end="", file=sys.stderr, flush=True)

    result = build_demo(context.uow, children, args.seed, as_of, progress)
    if sys.stderr.isatty():
        print(file=sys.stderr)
    print(f"Built the demo authority {result.authority!r} as of {as_of.isoformat()} "
          f"(seed {args.seed}): {result.children:,} synthetic children, "
          f"{result.looked_after:,} looked after, {result.iros} IROs, "
          f"in {time.perf_counter() - started:.1f} s.")
    return 0
