"""Headless record commands: ``child add``, ``episode add``, ``review add``, ``plan set``,
``outcome add``, ``iro add``. Each validates like the app's dialogs and is audited.
"""

from __future__ import annotations

import argparse
from datetime import date

from permanence_tracker.domain import entities as e
from permanence_tracker.services.records import editing as records


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date: use YYYY-MM-DD") from None


def register(sub) -> None:
    child = sub.add_parser("child", help="add a child").add_subparsers(dest="action",
                                                                         required=True)
    add = child.add_parser("add", help="add a child")
    add.add_argument("child_id")
    add.add_argument("--dob", type=_date, required=True)
    for name in ("forename", "surname", "ethnicity", "upn", "locality", "area", "team",
                 "social-worker", "iro"):
        add.add_argument(f"--{name}", default="")
    add.add_argument("--sex", default="", help="M (male), F (female) or U (not known); 1 or 2 "
                     "as 903 returns up to 2023-24 coded it are stored as M or F")

    episode = sub.add_parser("episode", help="record a care episode").add_subparsers(
        dest="action", required=True)
    add = episode.add_parser("add", help="add a 903 episode")
    add.add_argument("child_id")
    add.add_argument("--start", type=_date, required=True)
    add.add_argument("--rne", required=True)
    add.add_argument("--ls", required=True, help="legal status, e.g. C2")
    add.add_argument("--place", default="")
    add.add_argument("--cin", default="")
    add.add_argument("--provider", default="")
    add.add_argument("--end", type=_date)
    add.add_argument("--rec", default="")

    review = sub.add_parser("review", help="record a LAC review").add_subparsers(
        dest="action", required=True)
    add = review.add_parser("add", help="record a review held")
    add.add_argument("child_id")
    add.add_argument("--held", type=_date, required=True)
    add.add_argument("--pn", default="", help="participation code PN0-PN7")
    add.add_argument("--iro", default="")
    add.add_argument("--notes", default="")

    plan = sub.add_parser("plan", help="set a permanence plan").add_subparsers(
        dest="action", required=True)
    add = plan.add_parser("set", help="record the plan agreed on a date")
    add.add_argument("child_id")
    add.add_argument("--agreed", type=_date, required=True)
    add.add_argument("--primary", required=True, help="e.g. 'Adoption'")
    add.add_argument("--parallel", default="")
    add.add_argument("--notes", default="")

    outcome = sub.add_parser("outcome", help="add a monitoring outcome").add_subparsers(
        dest="action", required=True)
    add = outcome.add_parser("add")
    add.add_argument("child_id")
    add.add_argument("--date", type=_date, required=True)
    add.add_argument("--outcome", required=True)
    add.add_argument("--notes", default="")

    iro = sub.add_parser("iro", help="add or change an IRO").add_subparsers(
        dest="action", required=True)
    add = iro.add_parser("add", help="add an IRO, or update one with the same name")
    add.add_argument("name")
    add.add_argument("--fte", type=float, default=1.0)
    add.add_argument("--dual-role", action="store_true")
    add.add_argument("--cp-cases", type=int, default=0)


def run(context, args, today: date) -> int:
    uow = context.uow
    if args.command == "child":
        saved = records.add_child(uow, e.Child(
            args.child_id, args.dob, sex=args.sex, forename=args.forename, surname=args.surname,
            ethnicity=args.ethnicity, upn=args.upn, locality=args.locality, area=args.area,
            team=args.team, social_worker=args.social_worker, iro=args.iro), today)
        print(f"added child {saved.child_id}")
    elif args.command == "episode":
        saved = records.save_episode(uow, e.Episode(
            args.child_id, args.start, args.rne, args.ls, cin=args.cin, placement=args.place,
            provider=args.provider, end=args.end, rec=args.rec), today)
        print(f"added episode from {saved.start} for {saved.child_id}")
    elif args.command == "review":
        saved = records.record_review(uow, e.Review(
            args.child_id, args.held, participation=args.pn, iro=args.iro, notes=args.notes),
            today)
        print(f"recorded review on {saved.held} for {saved.child_id}")
    elif args.command == "plan":
        saved = records.set_plan(uow, e.PlanChange(
            args.child_id, args.agreed, args.primary, args.parallel, args.notes), today)
        print(f"plan {saved.primary!r} agreed {saved.agreed} for {saved.child_id}")
    elif args.command == "outcome":
        saved = records.add_outcome(uow, e.MonitoringOutcome(
            args.child_id, args.date, args.outcome, args.notes), today)
        print(f"outcome {saved.outcome!r} on {saved.recorded} for {saved.child_id}")
    elif args.command == "iro":
        saved = records.save_iro(uow, e.Iro(args.name, args.fte, args.dual_role, args.cp_cases))
        print(f"saved IRO {saved.name}")
    return 0


COMMANDS = ("child", "episode", "review", "plan", "outcome", "iro")
