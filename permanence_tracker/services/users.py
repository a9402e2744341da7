"""The people who may use a tracker and their roles: add, change role, deactivate, reactivate
(administrator only, each change audited like any record: the ``users`` table is written through
the audited repository), and who is acting when a tracker is opened.

Why an empty ``users`` table means "the one user is the administrator": a SQLite tracker on a
laptop is used by one person, its OS user, who has always been able to do everything; requiring
a user list there would lock people out of their own trackers for no protection (whoever holds
the laptop account holds the file). The first user added turns the list on: from then on only
the logins it names, and active, may open the tracker - so an administrator adds themself first
(``add_user`` refuses a first user who is not an administrator, for the same reason).
"""

from __future__ import annotations

from dataclasses import replace

from permanence_tracker.domain.errors import NotFoundError, Problem, ValidationError
from permanence_tracker.domain.limits import NAME
from permanence_tracker.domain.roles import Actor, Role, User
from permanence_tracker.services.authorization import PermissionDenied, requires, unchecked
from permanence_tracker.services.unit_of_work import UnitOfWork, UowFactory

_ROLES = ", ".join(r.value for r in Role)


@unchecked("it finds out who is acting, before there is an actor to check")
def acting_user(uow_factory: UowFactory, login: str) -> Actor:
    """The actor ``login`` is on this tracker; PermissionDenied when a user list exists and
    does not name ``login`` as an active user."""
    with uow_factory() as uow:
        users = uow.repo.records(User)
    if not users:
        return Actor(login, Role.ADMINISTRATOR, display_name=login)
    for user in users:
        if user.login == login and user.active:
            return user.actor()
    raise PermissionDenied(f"{login!r} is not an active user of this tracker: ask an "
                           "administrator to add you (Users) or to reactivate your login")


@requires("users.edit")
def list_users(uow_factory: UowFactory) -> tuple[User, ...]:
    with uow_factory() as uow:
        return tuple(uow.repo.records(User))


@requires("users.edit")
def add_user(uow_factory: UowFactory, user: User) -> User:
    """Add ``user``; ValidationError names each problem (login taken, role, IRO name)."""
    with uow_factory() as uow:
        users = uow.repo.records(User)
        problems = _problems(user)
        if any(u.login == user.login for u in users):
            problems.append(Problem("login", f"{user.login!r} is already a user"))
        if not users and user.role != Role.ADMINISTRATOR.value:
            problems.append(Problem("role", "the first user must be an administrator, or "
                                            "nobody could manage users afterwards"))
        if problems:
            raise ValidationError(problems)
        return uow.repo.add(replace(user, active=True))


@requires("users.edit")
def change_role(uow_factory: UowFactory, login: str, role: Role, iro_name: str = "",
                version: int | None = None) -> User:
    """Give ``login`` the role ``role`` (and, for an IRO, the name their children's records give
    as their IRO). ``version``: the version the caller showed; someone else's change since is
    refused with ConflictError (the repository's check), as every stale edit is."""
    with uow_factory() as uow:
        user = _user(uow, login, version)
        changed = replace(user, role=role.value, iro_name=iro_name.strip())
        problems = _problems(changed)
        if problems:
            raise ValidationError(problems)
        _keep_an_administrator(uow, changed)
        return uow.repo.update(changed)


@requires("users.edit")
def deactivate(uow_factory: UowFactory, login: str, version: int | None = None) -> User:
    """The login may no longer open the tracker; its history (audit) stays."""
    with uow_factory() as uow:
        changed = replace(_user(uow, login, version), active=False)
        _keep_an_administrator(uow, changed)
        return uow.repo.update(changed)


@requires("users.edit")
def reactivate(uow_factory: UowFactory, login: str, version: int | None = None) -> User:
    """A deactivated login may open the tracker again, with the role it had; an active one is
    left as it is (nothing written, nothing audited)."""
    with uow_factory() as uow:
        user = _user(uow, login, version)
        if user.active:
            return user
        return uow.repo.update(replace(user, active=True))


def _user(uow: UnitOfWork, login: str, version: int | None = None) -> User:
    """The stored user ``login``, carrying ``version`` when the caller gave the one it read (so
    the update is refused if someone changed the user since)."""
    for user in uow.repo.records(User):
        if user.login == login:
            return user if version is None else replace(user, version=version)
    raise NotFoundError(f"no user {login!r}: check the login (Users lists them)")


def _problems(user: User) -> list[Problem]:
    problems = []
    if not user.login.strip():
        problems.append(Problem("login", "give the person's login (OS or database user)"))
    elif len(user.login) > 120:
        problems.append(Problem("login", "at most 120 characters"))
    if user.role not in {r.value for r in Role}:
        problems.append(Problem("role", f"{user.role!r} is not a role: use one of {_ROLES}"))
    if user.role == Role.IRO.value and not user.iro_name.strip():
        problems.append(Problem("iro_name", "an IRO needs the name children's records give "
                                            "as their IRO (their caseload)"))
    if len(user.iro_name) > NAME or len(user.display_name) > NAME:
        problems.append(Problem("display_name", f"names are at most {NAME} characters"))
    return problems


def _keep_an_administrator(uow: UnitOfWork, changed: User) -> None:
    admins = [u for u in uow.repo.records(User)
              if u.active and u.role == Role.ADMINISTRATOR.value and u.login != changed.login]
    if not admins and not (changed.active and changed.role == Role.ADMINISTRATOR.value):
        raise ValidationError([Problem("role", "this is the last active administrator: make "
                                               "someone else an administrator first")])
