"""Headless record commands: ``child add``, ``episode add``, ``review add``, ``plan set``,
``outcome add``, and the IRO list: ``iro add|edit|list|retire|reinstate|delete``. Each
validates like the app's dialogs and is audited; the day a record is entered on is today's
(:mod:`.clock`). ``iro add`` also updates an IRO of the same name (scripts rely on it);
``iro edit`` changes only what it is given, and can rename an IRO no record names yet.
"""

from __future__ import annotations

import argparse
import json
import sys

from permanence_tracker.cli import clock
from permanence_tracker.cli.arguments import iso_date
from permanence_tracker.domain import entities as e
from permanence_tracker.domain.errors import NotFoundError, ValidationError
from permanence_tracker.services.records import editing as records
from permanence_tracker.services.records import iros


def register(sub) -> None:
    add = _record_command(sub, "child", "add a child", "add", "add a child", "dob",
                          "date of birth")
    _texts(add, forename="first name", surname="family name",
           ethnicity="903 ethnicity code, e.g. WBRI", upn="unique pupil number",
           locality="locality", area="area",
           team="social work team", social_worker="allocated social worker's name",
           iro="the IRO's name, as 'iro add' recorded it")
    add.add_argument("--sex", default="", metavar="M|F|U",
                     help="M (male), F (female) or U (not known); 1 or 2 as 903 returns up to "
                     "2023-24 coded it are stored as M or F. Not given: recorded as not known "
                     "(U), and the command says so")
    add.set_defaults(run=add_child)

    add = _record_command(sub, "episode", "record a care episode", "add", "add a 903 episode",
                          "start", "the day the episode starts")
    add.add_argument("--rne", required=True, help="reason for new episode, e.g. S (started "
                     "to be looked after), L (legal status change), P (placement change)")
    add.add_argument("--ls", required=True, help="legal status, e.g. C2")
    _texts(add, place="placement type, e.g. U1", cin="category of need, e.g. N1",
           provider="placement provider, e.g. PR1")
    add.add_argument("--end", type=iso_date, metavar="YYYY-MM-DD",
                     help="the day the episode ends (default: still open)")
    _texts(add, rec="reason episode ceased, e.g. E11 (with --end)")
    add.set_defaults(run=add_episode)

    add = _record_command(sub, "review", "record a LAC review", "add", "record a review held",
                          "held", "the day the review was held")
    add.add_argument("--pn", default="", help="participation code PN0-PN7")
    _texts(add, iro="the chairing IRO's name, as 'iro add' recorded it", notes="free text")
    add.set_defaults(run=add_review)

    add = _record_command(sub, "plan", "set a permanence plan", "set",
                          "record the plan agreed on a date", "agreed",
                          "the day the plan was agreed")
    add.add_argument("--primary", required=True, help="e.g. 'Adoption'")
    _texts(add, parallel="a parallel plan, if any", notes="free text")
    add.set_defaults(run=set_plan)

    add = _record_command(sub, "outcome", "add a monitoring outcome", "add", None, "date",
                          "the day of the outcome")
    add.add_argument("--outcome", required=True, help="the monitoring outcome")
    _texts(add, notes="free text")
    add.set_defaults(run=add_outcome)

    _register_iro(sub)


def _actions(sub, noun: str, help: str):
    """``NOUN ACTION``: the command for one kind of record, whose action must be named."""
    return sub.add_parser(noun, help=help).add_subparsers(dest="action", required=True)


def _record_command(sub, noun: str, help: str, action: str, action_help: str | None,
                    day: str, day_help: str):
    """``NOUN ACTION CHILD_ID --DAY YYYY-MM-DD``: a record of one child, on a day it needs."""
    described = {} if action_help is None else {"help": action_help}
    parser = _actions(sub, noun, help).add_parser(action, **described)
    parser.add_argument("child_id", help="the child's ID (the 903 CHILD identifier)")
    parser.add_argument(f"--{day}", type=iso_date, required=True, metavar="YYYY-MM-DD",
                        help=f"{day_help} (required)")
    return parser


def _texts(parser, **helps: str) -> None:
    """Optional text options, blank when not given: ``social_worker=`` is ``--social-worker``."""
    for name, help in helps.items():
        parser.add_argument(f"--{name.replace('_', '-')}", default="",
                            help=f"{help} (default: blank)")


def add_child(context, args) -> int:
    sex = args.sex or "U"  # not given: not known, said aloud rather than stored blank
    saved = records.add_child(context.uow, e.Child(
        args.child_id, args.dob, sex=sex, forename=args.forename, surname=args.surname,
        ethnicity=args.ethnicity, upn=args.upn, locality=args.locality, area=args.area,
        team=args.team, social_worker=args.social_worker, iro=args.iro), clock.today())
    print(f"added child {saved.child_id}")
    if not args.sex:
        print("sex not given: recorded as not known (U)")
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


def _register_iro(sub) -> None:
    """``iro ACTION``: the IRO list, as the app's IROs page edits it."""
    iro = _actions(sub, "iro", "the IRO list: add, edit, list, retire, reinstate or delete "
                   "an IRO")
    add = iro.add_parser("add", help="add an IRO, or update one with the same name")
    add.add_argument("name", help="the IRO's name, as reviews and children name them")
    add.add_argument("--fte", type=float, default=1.0,
                     help="full-time equivalent, e.g. 0.6 (default 1.0)")
    add.add_argument("--dual-role", action="store_true",
                     help="the IRO also chairs child protection conferences")
    add.add_argument("--cp-cases", type=int, default=0,
                     help="child protection cases they hold (default 0)")
    add.set_defaults(run=save_iro)

    edit = iro.add_parser("edit", help="change an IRO's FTE, dual role, CP cases or name; "
                          "what is not given is kept")
    edit.add_argument("name", help="the IRO's name as listed by 'iro list'")
    edit.add_argument("--fte", type=float, help="full-time equivalent, e.g. 0.6")
    edit.add_argument("--dual-role", action=argparse.BooleanOptionalAction,
                      help="whether the IRO also chairs child protection conferences")
    edit.add_argument("--cp-cases", type=int, help="child protection cases they hold")
    edit.add_argument("--rename", metavar="NEW", help="a new name (refused once any child, "
                      "review or panel names the IRO: add the new name and retire the old)")
    edit.set_defaults(run=edit_iro)

    listing = iro.add_parser("list", help="every IRO, active and retired")
    listing.add_argument("--json", action="store_true", help="as JSON, one object per IRO")
    listing.set_defaults(run=list_iros)
    for action, help in (("retire", "retire an IRO: kept with their history, but no child "
                                    "is newly allocated to them"),
                         ("reinstate", "make a retired IRO active again"),
                         ("delete", "delete an IRO entered by mistake; refused (exit 2) "
                                    "once any child, review or panel names them")):
        parser = iro.add_parser(action, help=help)
        parser.add_argument("name", help="the IRO's name as listed by 'iro list'")
        parser.set_defaults(run=_IRO_ACTIONS[action])


def save_iro(context, args) -> int:
    saved = iros.save_iro(context.uow, e.Iro(args.name, args.fte, args.dual_role,
                                             args.cp_cases))
    print(f"saved IRO {saved.name}")
    return 0


def _listed(context, name: str) -> iros.IroRow:
    row = next((r for r in iros.iro_list(context.uow) if r.name == name), None)
    if row is None:
        raise NotFoundError(f"no IRO named {name!r}: 'iro list' shows them")
    return row


def edit_iro(context, args) -> int:
    row = _listed(context, args.name)
    dual_role = row.dual_role if args.dual_role is None else args.dual_role
    changed = e.Iro(args.rename or row.name, row.fte if args.fte is None else args.fte,
                    dual_role, (row.cp_cases if dual_role else 0) if args.cp_cases is None
                    else args.cp_cases, row.active, row.version)
    saved = iros.update_iro(context.uow, row.name, changed)
    print(f"saved IRO {saved.name}")
    return 0


def list_iros(context, args) -> int:
    rows = iros.iro_list(context.uow)
    if args.json:
        print(json.dumps([{"name": r.name, "fte": r.fte, "dual_role": r.dual_role,
                           "cp_cases": r.cp_cases, "active": r.active,
                           "has_history": r.has_history} for r in rows]))
        return 0
    if not rows:
        print("no IROs yet: add one with 'iro add NAME --fte 1.0'")
    for r in rows:
        notes = [note for note, on in (("dual role", r.dual_role), ("retired", not r.active))
                 if on]
        cp = f", {r.cp_cases} CP cases" if r.dual_role else ""
        print(f"{r.name}: {r.fte:g} FTE{cp}{' (' + ', '.join(notes) + ')' if notes else ''}")
    return 0


def retire_iro(context, args) -> int:
    print(f"retired IRO {iros.retire_iro(context.uow, args.name).name}")
    return 0


def reinstate_iro(context, args) -> int:
    print(f"reinstated IRO {iros.reinstate_iro(context.uow, args.name).name}")
    return 0


def delete_iro(context, args) -> int:
    try:
        iros.delete_iro(context.uow, args.name)
    except ValidationError as exc:  # an IRO with history: never deleted, say why (exit 2)
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(f"deleted IRO {args.name}")
    return 0


_IRO_ACTIONS = {"retire": retire_iro, "reinstate": reinstate_iro, "delete": delete_iro}
