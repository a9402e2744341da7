"""``users list|add|role|deactivate|reactivate``: who may use a tracker, and in which role
(administrator only; :mod:`permanence_tracker.services.users` checks and audits each change).

A refused change exits 1 and names each problem by the argument that fixes it (``--iro-name:
an IRO needs ...``); a login that is not a user exits 1 too, as every refused input does
(``cli/entry.py``). Adding the first user turns the user list on: from then on only its active
logins may open the tracker, so the command says so.
"""

from __future__ import annotations

import argparse
import json
import sys

from permanence_tracker.domain.errors import ValidationError
from permanence_tracker.domain.roles import Role, User
from permanence_tracker.services import users

# Where each of the service's problem fields is given on the command line
_ARGUMENT = {"login": "LOGIN", "role": "ROLE", "iro_name": "--iro-name",
             "display_name": "--name"}
_ROLES = ", ".join(r.value for r in Role)


def role(text: str) -> Role:
    """A role by its value or title, any case, ``-`` or ``_``: ``iro``, ``Panel-administrator``."""
    wanted = text.strip().casefold().replace("-", "_").replace(" ", "_")
    for known in Role:
        if wanted in (known.value, known.title.casefold().replace(" ", "_")):
            return known
    raise argparse.ArgumentTypeError(f"{text!r} is not a role: use one of {_ROLES}")


def register(sub) -> None:
    """Add ``users`` and its actions, each bound to its runner."""
    parser = sub.add_parser("users", help="list the tracker's users, add one, change a role, "
                            "deactivate or reactivate a login (administrators)")
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    listing = actions.add_parser("list", help="every user: login, role, name, IRO name, "
                                 "active or not")
    listing.add_argument("--json", action="store_true", help="as JSON, one object per user")
    listing.set_defaults(run=list_users)
    add = actions.add_parser(
        "add", help="add a user (the first must be an administrator: from then on only the "
        "listed, active logins may open the tracker)",
        epilog="example: permanence-tracker users add ann.example --role iro --name 'Ann "
               "Example' --iro-name 'Ann Example'")
    add.add_argument("login", help="the person's login: their OS user on a laptop tracker, "
                     "their database login on a shared one")
    add.add_argument("--role", type=role, required=True, metavar="ROLE",
                     help=f"one of {_ROLES}")
    add.add_argument("--name", default="", help="the name shown in the app (default: the login)")
    _iro_name(add)
    add.set_defaults(run=add_user)
    change = actions.add_parser("role", help="give a user another role")
    change.add_argument("login", help="the login, as 'users list' shows it")
    change.add_argument("role", type=role, metavar="ROLE", help=f"one of {_ROLES}")
    _iro_name(change)
    change.set_defaults(run=change_role)
    for action, help, run in (
            ("deactivate", "stop a login opening the tracker (its history stays)", deactivate),
            ("reactivate", "let a deactivated login open the tracker again, in its role",
             reactivate)):
        parser = actions.add_parser(action, help=help)
        parser.add_argument("login", help="the login, as 'users list' shows it")
        parser.set_defaults(run=run)


def _iro_name(parser) -> None:
    parser.add_argument("--iro-name", default="", metavar="NAME",
                        help="for an IRO (required): the name children's records give as "
                        "their IRO, as 'iro list' shows it; it sets their caseload")


def list_users(context, args) -> int:
    rows = users.list_users(context.uow)
    if args.json:
        print(json.dumps([{"login": u.login, "role": u.role, "name": u.display_name,
                           "iro_name": u.iro_name, "active": u.active} for u in rows]))
        return 0
    if not rows:
        print("no users: whoever opens this tracker is its administrator (add yourself first "
              "with 'users add LOGIN --role administrator')")
        return 0
    for u in rows:
        parts = [f"{u.login}: {Role(u.role).title}"]
        parts += [f"name {u.display_name}"] if u.display_name else []
        parts += [f"IRO name {u.iro_name}"] if u.iro_name else []
        print(", ".join(parts) + ("" if u.active else " (deactivated)"))
    return 0


def add_user(context, args) -> int:
    first = not users.list_users(context.uow)
    added = _refused_or(lambda: users.add_user(context.uow, User(
        args.login.strip(), args.role.value, args.name.strip(), args.iro_name.strip())))
    if added is None:
        return 1
    print(f"added {added.login} as {Role(added.role).title}")
    if first:
        print("the user list is now on: only its active logins may open this tracker")
    return 0


def change_role(context, args) -> int:
    changed = _refused_or(lambda: users.change_role(context.uow, args.login, args.role,
                                                    args.iro_name))
    if changed is None:
        return 1
    print(f"{changed.login} is now {Role(changed.role).title}")
    return 0


def deactivate(context, args) -> int:
    changed = _refused_or(lambda: users.deactivate(context.uow, args.login))
    if changed is None:
        return 1
    print(f"deactivated {changed.login}: they can no longer open this tracker")
    return 0


def reactivate(context, args) -> int:
    changed = users.reactivate(context.uow, args.login)
    print(f"reactivated {changed.login} as {Role(changed.role).title}")
    return 0


def _refused_or(change):
    """What ``change()`` returns, or None after printing each problem against the argument
    that fixes it."""
    try:
        return change()
    except ValidationError as refused:
        for problem in refused.problems:
            where = _ARGUMENT.get(problem.field, problem.field)
            print(f"error: {where}: {problem.message}" if where else f"error: {problem.message}",
                  file=sys.stderr)
        return None
