"""Headless record commands: ``child add``, ``episode add``, ``review add``, ``plan set``,
``outcome add``, ``iro add``. Each validates like the app's dialogs and is audited; the day a
record is entered on is today's (:mod:`.clock`).
"""

from __future__ import annotations

from permanence_tracker.cli import clock
from permanence_tracker.cli.arguments import iso_date
from permanence_tracker.domain import entities as e
from permanence_tracker.services.records import editing as records


def register(sub) -> None:
    add = _record_command(sub, "child", "add a child", "add", "add a child", "dob")
    _blank(add, "forename", "surname", "ethnicity", "upn", "locality", "area", "team",
           "social-worker", "iro")
    add.add_argument("--sex", default="", help="M (male), F (female) or U (not known); 1 or 2 "
                     "as 903 returns up to 2023-24 coded it are stored as M or F")
    add.set_defaults(run=add_child)

    add = _record_command(sub, "episode", "record a care episode", "add", "add a 903 episode",
                          "start")
    add.add_argument("--rne", required=True)
    add.add_argument("--ls", required=True, help="legal status, e.g. C2")
    _blank(add, "place", "cin", "provider")
    add.add_argument("--end", type=iso_date)
    _blank(add, "rec")
    add.set_defaults(run=add_episode)

    add = _record_command(sub, "review", "record a LAC review", "add", "record a review held",
                          "held")
    add.add_argument("--pn", default="", help="participation code PN0-PN7")
    _blank(add, "iro", "notes")
    add.set_defaults(run=add_review)

    add = _record_command(sub, "plan", "set a permanence plan", "set",
                          "record the plan agreed on a date", "agreed")
    add.add_argument("--primary", required=True, help="e.g. 'Adoption'")
    _blank(add, "parallel", "notes")
    add.set_defaults(run=set_plan)

    add = _record_command(sub, "outcome", "add a monitoring outcome", "add", None, "date")
    add.add_argument("--outcome", required=True)
    _blank(add, "notes")
    add.set_defaults(run=add_outcome)

    add = _actions(sub, "iro", "add or change an IRO").add_parser(
        "add", help="add an IRO, or update one with the same name")
    add.add_argument("name")
    add.add_argument("--fte", type=float, default=1.0)
    add.add_argument("--dual-role", action="store_true")
    add.add_argument("--cp-cases", type=int, default=0)
    add.set_defaults(run=save_iro)


def _actions(sub, noun: str, help: str):
    """``NOUN ACTION``: the command for one kind of record, whose action must be named."""
    return sub.add_parser(noun, help=help).add_subparsers(dest="action", required=True)


def _record_command(sub, noun: str, help: str, action: str, action_help: str | None,
                    day: str):
    """``NOUN ACTION CHILD_ID --DAY YYYY-MM-DD``: a record of one child, on a day it needs."""
    described = {} if action_help is None else {"help": action_help}
    parser = _actions(sub, noun, help).add_parser(action, **described)
    parser.add_argument("child_id")
    parser.add_argument(f"--{day}", type=iso_date, required=True)
    return parser


def _blank(parser, *names: str) -> None:
    """Optional text options, blank when not given."""
    for name in names:
        parser.add_argument(f"--{name}", default="")


def add_child(context, args) -> int:
    saved = records.add_child(context.uow, e.Child(
        args.child_id, args.dob, sex=args.sex, forename=args.forename, surname=args.surname,
        ethnicity=args.ethnicity, upn=args.upn, locality=args.locality, area=args.area,
        team=args.team, social_worker=args.social_worker, iro=args.iro), clock.today())
    print(f"added child {saved.child_id}")
    return 0


def add_episode(context, args) -> int:
    saved = records.save_episode(context.uow, e.Episode(
        args.child_id, args.start, args.rne, args.ls, cin=args.cin, placement=args.place,
        provider=args.provider, end=args.end, rec=args.rec), clock.today())
    print(f"added episode from {saved.start} for {saved.child_id}")
    return 0


def add_review(context, args) -> int:
    saved = records.record_review(context.uow, e.Review(
        args.child_id, args.held, participation=args.pn, iro=args.iro, notes=args.notes),
        clock.today())
    print(f"recorded review on {saved.held} for {saved.child_id}")
    return 0


def set_plan(context, args) -> int:
    saved = records.set_plan(context.uow, e.PlanChange(
        args.child_id, args.agreed, args.primary, args.parallel, args.notes), clock.today())
    print(f"plan {saved.primary!r} agreed {saved.agreed} for {saved.child_id}")
    return 0


def add_outcome(context, args) -> int:
    saved = records.add_outcome(context.uow, e.MonitoringOutcome(
        args.child_id, args.date, args.outcome, args.notes), clock.today())
    print(f"outcome {saved.outcome!r} on {saved.recorded} for {saved.child_id}")
    return 0


def save_iro(context, args) -> int:
    saved = records.save_iro(context.uow, e.Iro(args.name, args.fte, args.dual_role,
                                                args.cp_cases))
    print(f"saved IRO {saved.name}")
    return 0
