"""The door's hinge: what a service may ask of storage, as Protocols (cosmicpython's unit of work).

Services are written against :class:`UnitOfWork` and :class:`Repository` only; the SQLAlchemy
implementation (``persistence.uow.SqlUnitOfWork``) and the in-memory one the unit tests use
(``tests/fakes.py``) both satisfy them. A front end never sees either: it holds a
:data:`UowFactory` the composition root (``app.py``) made, and passes it to service functions.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import datetime
from types import TracebackType
from typing import Any, Protocol, TypeVar

from permanence_tracker.domain import entities as e
from permanence_tracker.domain.audit import AuditCheck

R = TypeVar("R")


class Repository(Protocol):
    """Records of every kind (children, episodes, reviews, panels ...), each change audited.

    ``add``/``update``/``delete`` raise ``domain.errors.ConflictError`` when someone else changed
    the record since it was read, and ``NotFoundError`` when it is gone.
    """

    def add(self, record: R) -> R: ...

    def add_many(self, records: Sequence[Any]) -> None: ...

    def update(self, record: R) -> R: ...

    def delete(self, record: Any) -> None: ...

    def child(self, child_id: str) -> e.Child | None: ...

    def records(self, cls: type[R], child_id: str | None = None) -> list[R]: ...

    def records_where(self, cls: type[R], **equal: Any) -> list[R]: ...

    def child_names(self, child_ids: Iterable[str]) -> dict[str, str]: ...

    def child_ids(self) -> set[str]: ...

    def iros(self) -> list[e.Iro]: ...

    def audit_trail(self, child_id: str) -> list[dict[str, Any]]: ...

    def audit_entries(self, child_id: str | None = None, since: datetime | None = None,
                      until: datetime | None = None, user: str | None = None,
                      table: str | None = None, action: str | None = None
                      ) -> list[dict[str, Any]]:
        """The audit entries matching every filter given (``since`` inclusive, ``until``
        exclusive, aware times), oldest first, with ``at`` in local time."""


class UnitOfWork(Protocol):
    """One transaction: ``with uow_factory() as uow:`` commits on success, rolls back on error."""

    @property
    def repo(self) -> Repository:
        """The records, inside the ``with`` block (read-only: an implementation may hold its
        own Repository class, which the Protocol then accepts structurally)."""

    def __enter__(self) -> UnitOfWork: ...

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None: ...

    def histories(self, child_ids: list[str] | None = None) -> list[e.ChildHistory]: ...

    def settings(self) -> e.Settings: ...

    def save_settings(self, settings: e.Settings) -> None: ...

    def get_value(self, key: str) -> str | None: ...

    def set_value(self, key: str, value: str) -> None: ...  # audited, like save_settings

    def iros(self) -> list[e.Iro]: ...

    def audit_import(self, file_name: str, details: dict[str, Any]) -> int:
        """One audit entry for an import as a whole (table ``imports``, action ``import``,
        ``details`` as its new value), chained like every other entry; returns its id. The
        records the import writes are audited one by one by the repository as usual."""

    def iro_names_in_use(self) -> set[str]:
        """The names any child or review gives as its IRO, or a panel as its chair or a member
        present: an IRO so named has history and is never deleted."""

    def verify_audit(self) -> AuditCheck: ...


UowFactory = Callable[[], UnitOfWork]
"""What front ends hold and services take: each call makes a fresh unit of work."""
