"""Who may do what: the four roles of issue 12 and the permission table the services enforce.

A permission is named after a use case (``records.edit``, ``panels.edit`` ...); every public
service entry point names the one it needs (``services/authorization.requires``), and
``tests/integration/test_every_entry_point_by_role.py`` walks each with each role. The README's
table of roles is generated from :data:`PERMISSIONS` (``tests/unit/test_roles.py`` fails when
they differ).

Why the administrator holds every permission: on a single-user laptop the one person using the
tracker is its administrator (``app.py``), and that person must keep doing everything they do
today - editing records included. On a shared database the authority gives the administrator
role to few people and gives IROs, managers and panel administrators their own roles.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from types import MappingProxyType


class Role(Enum):
    IRO = "iro"
    MANAGER = "manager"
    PANEL_ADMINISTRATOR = "panel_administrator"
    ADMINISTRATOR = "administrator"

    @property
    def title(self) -> str:
        """The role as people call it (messages, the status bar, the README)."""
        return _TITLES[self]


_TITLES = {
    Role.IRO: "IRO",
    Role.MANAGER: "Manager",
    Role.PANEL_ADMINISTRATOR: "Panel administrator",
    Role.ADMINISTRATOR: "Administrator",
}

IRO, MANAGER, PANEL, ADMIN = (Role.IRO, Role.MANAGER, Role.PANEL_ADMINISTRATOR,
                              Role.ADMINISTRATOR)
_EVERYONE = frozenset(Role)

# Reading records is scoped: a role without ``records.read_all`` reads only its caseload
# (children whose IRO is the user's IRO name), ``records.search`` excepted (read-only, everyone).
SCOPED = frozenset({"records.read", "records.edit", "reviews.edit", "plans.edit",
                    "reports.run"})

PERMISSIONS: MappingProxyType[str, frozenset[Role]] = MappingProxyType({
    # permission: roles allowed                           what it covers
    "records.read": _EVERYONE,                          # a child's record, the cohort, lists
    "records.read_all": frozenset({MANAGER, PANEL, ADMIN}),  # every child, not a caseload only
    "records.search": _EVERYONE,                        # find any child by ID or name (read only)
    "records.edit": frozenset({IRO, ADMIN}),            # children, episodes, care changes
    "reviews.edit": frozenset({IRO, ADMIN}),            # record a review
    "plans.edit": frozenset({IRO, ADMIN}),              # the permanence plan
    "outcomes.edit": frozenset({PANEL, ADMIN}),         # monitoring outcomes, suggested outcomes
    "panels.read": frozenset({MANAGER, PANEL, ADMIN}),  # panels, agendas, figures
    "panels.edit": frozenset({PANEL, ADMIN}),           # panels, items, recommendations, minutes
    "reports.run": _EVERYONE,                           # reports and figures (scoped for IROs)
    "settings.read": _EVERYONE,                         # settings, code lists, IRO names
    "settings.edit": frozenset({ADMIN}),                # the tracker's settings, import mappings
    "cohorts.save": frozenset({MANAGER, ADMIN}),        # saved cohorts (the cohorts' settings)
    "iros.edit": frozenset({ADMIN}),                    # the IRO list
    "import": frozenset({ADMIN}),                       # SSDA903 and spreadsheet imports
    "export": frozenset({ADMIN}),                       # the SSDA903 return and its check
    "demo.build": frozenset({ADMIN}),                   # fill a tracker with made-up children
    "audit.read": frozenset({ADMIN}),                   # verify and read the audit trail
    # Backups copy a SQLite file the user's OS account holds already (automatic on opening)
    "backup": _EVERYONE,                                # back up a SQLite tracker
    # Restoring replaces the whole tracker, history included; encryption decides who can read
    # the file: an administrator's acts (the OS user could copy files by hand, but the app
    # does not do it for them)
    "restore": frozenset({ADMIN}),                      # put a backup in place of the tracker
    "encryption": frozenset({ADMIN}),                   # encrypt, decrypt, change passphrase
    "users.edit": frozenset({ADMIN}),                   # add users, change roles, deactivate
})


def allowed(role: Role, permission: str) -> bool:
    """Whether ``role`` may use ``permission``; an unknown permission is a programming error."""
    try:
        return role in PERMISSIONS[permission]
    except KeyError:
        raise KeyError(f"unknown permission {permission!r}: add it to domain.roles") from None


def scoped(role: Role, permission: str) -> bool:
    """Whether ``role`` uses ``permission`` on its own caseload only."""
    return permission in SCOPED and not allowed(role, "records.read_all")


@dataclass(frozen=True, slots=True)
class Actor:
    """Who is acting: the login (OS user on SQLite, database login on PostgreSQL), their role,
    and for an IRO the name children's records give as their IRO."""

    login: str
    role: Role
    iro_name: str = ""
    display_name: str = ""

    @property
    def shown(self) -> str:
        """For the status bar: "Ann Example (IRO)"."""
        return f"{self.display_name or self.login} ({self.role.title})"


@dataclass(frozen=True, slots=True)
class User:
    """A person who may use a shared tracker (the ``users`` table): their login, name, role
    (a :class:`Role` value) and, for an IRO, the name children's records give as their IRO."""

    login: str
    role: str
    display_name: str = ""
    iro_name: str = ""
    active: bool = True
    version: int = 0

    def actor(self) -> Actor:
        return Actor(self.login, Role(self.role), self.iro_name, self.display_name)


def denied_message(role: Role, permission: str) -> str:
    """What a refused person reads: their role, what they tried, whom to ask."""
    return (f"Your role ({role.title}) may not {DOING.get(permission, permission)}: "
            "ask an administrator")


DOING = {
    "records.read": "read children's records",
    "records.read_all": "read every child's record",
    "records.search": "search children",
    "records.edit": "change children's records",
    "reviews.edit": "record reviews",
    "plans.edit": "change permanence plans",
    "outcomes.edit": "record outcomes",
    "panels.read": "see panels",
    "panels.edit": "change panels",
    "reports.run": "run reports",
    "settings.read": "read settings",
    "settings.edit": "change settings",
    "cohorts.save": "save cohorts",
    "iros.edit": "change the IRO list",
    "import": "import data",
    "export": "export data",
    "demo.build": "build demonstration data",
    "audit.read": "read the audit trail",
    "backup": "back up the tracker",
    "restore": "restore the tracker from a backup",
    "encryption": "encrypt or decrypt the tracker, or change its passphrase",
    "users.edit": "manage users",
}


def role_table() -> str:
    """The README's table of what each role may see and do (tests/unit/test_roles.py)."""
    roles = list(Role)
    lines = ["| Permission | What it covers | " + " | ".join(r.title for r in roles) + " |",
             "|---|---|" + "---|" * len(roles)]
    for permission, holders in PERMISSIONS.items():
        marks = " | ".join(("yes (own caseload)" if r in holders and scoped(r, permission)
                            else "yes" if r in holders else "-") for r in roles)
        lines.append(f"| `{permission}` | {DOING[permission]} | {marks} |")
    return "\n".join(lines)
