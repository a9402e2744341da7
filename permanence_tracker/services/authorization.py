"""Who is acting, and the check every service entry point makes first: ``@requires(permission)``.

The composition root (``app.py``) builds the :data:`UowFactory` with the acting user
(:func:`acting`); a service decorated ``@requires("records.edit")`` reads that actor from the
factory it is given and raises :class:`PermissionDenied` before doing anything when the role
(``domain.roles``) does not allow it. For an IRO, a scoped permission (``domain.roles.SCOPED``)
gets a factory whose units of work see and write only the IRO's caseload (:class:`_Caseload`).

A factory that names no actor is the single-user tracker as it was before roles (the unit tests'
fakes, a script building its own factory): its user is the administrator, as the OS user of a
SQLite laptop with no users is (see ``services/users.acting_user``).
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable, Iterable, Sequence
from datetime import datetime
from types import TracebackType
from typing import Any, ParamSpec, TypeVar

from permanence_tracker.domain import entities as e
from permanence_tracker.domain.audit import AuditCheck
from permanence_tracker.domain.errors import PermissionDenied

__all__ = ["PermissionDenied"]  # defined in domain.errors (persistence raises it too); kept here
from permanence_tracker.domain.roles import Actor, Role, allowed, denied_message, scoped
from permanence_tracker.services.unit_of_work import Repository, UnitOfWork, UowFactory

P = ParamSpec("P")
T = TypeVar("T")
R = TypeVar("R")

SINGLE_USER = Actor("", Role.ADMINISTRATOR)


class ActingFactory:
    """A :data:`UowFactory` that knows who is acting (``.actor``)."""

    def __init__(self, make: Callable[[], UnitOfWork], actor: Actor) -> None:
        self._make = make
        self.actor = actor

    def __call__(self) -> UnitOfWork:
        return self._make()


def acting(make: Callable[[], UnitOfWork], actor: Actor) -> ActingFactory:
    """``make`` as the factory of ``actor``: what ``app.py`` hands to front ends."""
    return ActingFactory(make, actor)


def actor_of(factory: UowFactory) -> Actor:
    """Who acts through ``factory`` (the single user when it does not say)."""
    actor = getattr(factory, "actor", None)
    return actor if isinstance(actor, Actor) else SINGLE_USER


def may(factory: UowFactory, permission: str) -> bool:
    """Whether the actor of ``factory`` may use ``permission`` (for showing actions)."""
    return allowed(actor_of(factory).role, permission)


def check(factory: UowFactory, permission: str) -> Actor:
    """The actor, or :class:`PermissionDenied` with a message saying whom to ask."""
    actor = actor_of(factory)
    if not allowed(actor.role, permission):
        raise PermissionDenied(denied_message(actor.role, permission))
    return actor


def requires(permission: str) -> Callable[[Callable[P, T]], Callable[P, T]]:
    """Decorate a service entry point taking ``uow_factory``: checked before anything runs."""
    allowed(Role.ADMINISTRATOR, permission)  # an unknown permission fails at import

    def decorate(service: Callable[P, T]) -> Callable[P, T]:
        signature = inspect.signature(service)
        if "uow_factory" not in signature.parameters:
            raise TypeError(f"{service.__qualname__} takes no uow_factory to check")

        @functools.wraps(service)
        def checked(*args: P.args, **kwargs: P.kwargs) -> T:
            bound = signature.bind(*args, **kwargs)
            factory = bound.arguments["uow_factory"]
            actor = check(factory, permission)
            if scoped(actor.role, permission):
                bound.arguments["uow_factory"] = _caseload_factory(factory, actor)
            return service(*bound.args, **bound.kwargs)

        checked.permission = permission  # type: ignore[attr-defined]  # for the role walk
        return checked

    return decorate


def unchecked(why: str) -> Callable[[Callable[P, T]], Callable[P, T]]:
    """Mark an entry point open to every role on purpose (``why`` says why), so that the role
    walk knows it was not forgotten: only :func:`services.users.acting_user`, which finds out
    who is acting before there is anyone to check."""

    def mark(service: Callable[P, T]) -> Callable[P, T]:
        service.permission = None  # type: ignore[attr-defined]
        service.unchecked_because = why  # type: ignore[attr-defined]
        return service

    return mark


def _caseload_factory(factory: UowFactory, actor: Actor) -> ActingFactory:
    return ActingFactory(lambda: _Caseload(factory(), actor), actor)


class _Caseload:
    """A unit of work seeing only the children whose IRO is ``actor.iro_name`` (an IRO's
    caseload): other children are absent from reads, and writing one is refused."""

    def __init__(self, inner: UnitOfWork, actor: Actor) -> None:
        self._inner = inner
        self._actor = actor
        self._ids: set[str] = set()
        self._repo: _CaseloadRepository

    def __enter__(self) -> _Caseload:
        self._inner.__enter__()
        name = self._actor.iro_name
        self._ids = {c.child_id for c in self._inner.repo.records(e.Child)
                     if name and c.iro == name}
        self._repo = _CaseloadRepository(self._inner.repo, self._ids, self._actor)
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self._inner.__exit__(exc_type, exc, tb)

    @property
    def repo(self) -> Repository:
        return self._repo

    def histories(self, child_ids: list[str] | None = None) -> list[e.ChildHistory]:
        wanted = sorted(self._ids if child_ids is None else self._ids & set(child_ids))
        return self._inner.histories(wanted) if wanted else []

    def settings(self) -> e.Settings:
        return self._inner.settings()

    def save_settings(self, settings: e.Settings) -> None:
        self._inner.save_settings(settings)

    def get_value(self, key: str) -> str | None:
        return self._inner.get_value(key)

    def set_value(self, key: str, value: str) -> None:
        self._inner.set_value(key, value)

    def iros(self) -> list[e.Iro]:
        return self._inner.iros()

    def audit_import(self, file_name: str, details: dict[str, Any]) -> int:
        return self._inner.audit_import(file_name, details)

    def iro_names_in_use(self) -> set[str]:
        return self._inner.iro_names_in_use()

    def verify_audit(self) -> AuditCheck:
        return self._inner.verify_audit()


class _CaseloadRepository:
    """The records of a caseload only (see :class:`_Caseload`)."""

    def __init__(self, inner: Repository, ids: set[str], actor: Actor) -> None:
        self._inner = inner
        self._ids = ids
        self._actor = actor

    def _mine(self, record: Any) -> bool:
        if isinstance(record, e.Child):  # a new child joins the caseload only as the IRO's
            return record.child_id in self._ids or record.iro == self._actor.iro_name
        child_id = getattr(record, "child_id", None)
        return child_id is None or child_id in self._ids

    def _writable(self, record: Any) -> None:
        if not self._mine(record):
            raise PermissionDenied(
                f"Your role ({self._actor.role.title}) may change only the records of your "
                f"caseload: {getattr(record, 'child_id', '?')} is not in it; ask an administrator")

    def add(self, record: R) -> R:
        self._writable(record)
        added = self._inner.add(record)
        if isinstance(added, e.Child):
            self._ids.add(added.child_id)
        return added

    def add_many(self, records: Sequence[Any]) -> None:
        for record in records:
            self._writable(record)
        self._inner.add_many(records)

    def update(self, record: R) -> R:
        self._writable(record)
        return self._inner.update(record)

    def delete(self, record: Any) -> None:
        self._writable(record)
        self._inner.delete(record)

    def child(self, child_id: str) -> e.Child | None:
        """The child when in the caseload; None when there is no such child. A child outside
        the caseload is refused by name rather than called missing: "no child F2" would send
        an IRO (who may find any child by searching) looking for a typo."""
        if child_id in self._ids:
            return self._inner.child(child_id)
        if self._inner.child(child_id) is not None:
            raise PermissionDenied(
                f"{child_id} is not in your caseload, so your role ({self._actor.role.title}) "
                "may only read it (Find any child): ask an administrator to change its IRO "
                "if it should be yours")
        return None

    def records(self, cls: type[R], child_id: str | None = None) -> list[R]:
        if child_id is not None and child_id not in self._ids:
            return []
        return [r for r in self._inner.records(cls, child_id) if self._mine(r)]

    def records_where(self, cls: type[R], **equal: Any) -> list[R]:
        return [r for r in self._inner.records_where(cls, **equal) if self._mine(r)]

    def child_names(self, child_ids: Iterable[str]) -> dict[str, str]:
        return self._inner.child_names([i for i in child_ids if i in self._ids])

    def child_ids(self) -> set[str]:
        return self._inner.child_ids() & self._ids

    def iros(self) -> list[e.Iro]:
        return self._inner.iros()

    def audit_trail(self, child_id: str) -> list[dict[str, Any]]:
        return self._inner.audit_trail(child_id) if child_id in self._ids else []

    def audit_entries(self, child_id: str | None = None, since: datetime | None = None,
                      until: datetime | None = None, user: str | None = None,
                      table: str | None = None, action: str | None = None
                      ) -> list[dict[str, Any]]:
        if child_id is not None and child_id not in self._ids:
            return []
        entries = self._inner.audit_entries(child_id, since, until, user, table, action)
        return [row for row in entries if row.get("child_id") in self._ids]
