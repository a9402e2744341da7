"""In-memory storage for service unit tests (cosmicpython's FakeUnitOfWork): no database.

:class:`FakeStore` holds what is committed. A :class:`FakeUnitOfWork` works on a copy taken when
its ``with`` block opens and puts it back only when the block ends without an error, so a use
case that refuses (or fails half-way) leaves nothing behind, as ``SqlUnitOfWork``'s rollback
does. :class:`FakeRepository` behaves as ``persistence.repository.Repository``: ``add`` gives a
new id and version 1, ``update``/``delete`` refuse a stale version with :class:`ConflictError`
and a vanished record with :class:`NotFoundError` (same words), an update that changes nothing
keeps the version, reads come back in key order, and every write leaves an audit entry of the
same shape (``table_name``, ``row_key``, ``action``, JSON ``old``/``new``).
:meth:`FakeUnitOfWork.histories` groups the stored records as ``persistence.reads`` does
(children by ID, each part by id).

Not modelled, because no service relies on it: column lengths (``persistence.fit``), the audit
hash chain (:meth:`FakeUnitOfWork.verify_audit` counts the entries and finds them intact), and
the settings table's sharing of keys between :class:`Settings` and ``get_value``/``set_value``
(here two separate stores). ``tests/integration/test_fake_unit_of_work.py`` runs the same use
cases on this and on SQL and compares what they store.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Callable, Iterable, Sequence
from datetime import UTC, date, datetime
from types import TracebackType
from typing import Any

from permanence_tracker.domain import entities as e
from permanence_tracker.domain.audit import AuditCheck
from permanence_tracker.domain.errors import ConflictError, NotFoundError
from permanence_tracker.domain.panels import AgendaItem, PanelMeeting
from permanence_tracker.services.unit_of_work import UowFactory

FIXED_NOW = datetime(2026, 4, 1, 9, 30, tzinfo=UTC)

# The SQL table each record type lives in: the audit entries name it.
TABLE_NAMES: dict[type, str] = {
    e.Child: "child", e.Episode: "episode", e.Review: "review", e.PlanChange: "plan",
    e.MonitoringOutcome: "monitoring_outcome", e.Note: "note", e.AdoptionMilestones: "adoption",
    e.MissingEpisode: "missing", e.PreviousPermanence: "previous_permanence", e.Iro: "iro",
    PanelMeeting: "panel", AgendaItem: "panel_item",
}
KEY_FIELD: dict[type, str] = {e.Child: "child_id", e.Iro: "name"}  # the others: "id"

# ChildHistory's parts, in the order of its fields
HISTORY_PARTS = {"episodes": e.Episode, "reviews": e.Review, "plans": e.PlanChange,
                 "outcomes": e.MonitoringOutcome, "adoption": e.AdoptionMilestones,
                 "missing": e.MissingEpisode, "previous": e.PreviousPermanence}


def _key_field(cls: type) -> str:
    return KEY_FIELD.get(cls, "id")


def _values(record: Any) -> dict[str, Any]:
    """The stored columns, as the SQL repository writes them (no version; no id when new)."""
    values = dataclasses.asdict(record)
    values.pop("version", None)
    if values.get("id") is None:
        values.pop("id", None)
    return values


def _json(values: dict[str, Any] | None) -> str | None:
    def default(value: Any) -> str:
        if isinstance(value, date):
            return value.isoformat()
        raise TypeError(type(value))
    return json.dumps(values, default=default, sort_keys=True) if values else None


@dataclasses.dataclass
class State:
    """Everything stored: a unit of work changes a copy of it."""

    tables: dict[type, dict[Any, Any]] = dataclasses.field(default_factory=dict)
    last_id: dict[type, int] = dataclasses.field(default_factory=dict)
    audit: list[dict[str, Any]] = dataclasses.field(default_factory=list)
    settings: e.Settings = dataclasses.field(default_factory=e.Settings)
    values: dict[str, str] = dataclasses.field(default_factory=dict)

    def copy(self) -> State:
        # Records are frozen dataclasses: copying the containers is a full snapshot.
        return State({cls: dict(rows) for cls, rows in self.tables.items()}, dict(self.last_id),
                     list(self.audit), self.settings, dict(self.values))


class FakeRepository:
    """``persistence.repository.Repository`` over a :class:`State`, audited the same way."""

    def __init__(self, state: State, user: str, clock: Callable[[], datetime]) -> None:
        self.state = state
        self.user = user
        self.clock = clock

    def _rows(self, cls: type) -> dict[Any, Any]:
        return self.state.tables.setdefault(cls, {})

    def _audit(self, record: Any, action: str, old: dict[str, Any] | None,
               new: dict[str, Any] | None, child_id: str | None) -> None:
        self.state.audit.append(dict(
            id=len(self.state.audit) + 1, at=self.clock(), user=self.user, child_id=child_id,
            table_name=TABLE_NAMES[type(record)], row_key=str(getattr(record, _key_field(
                type(record)))), action=action, old=_json(old), new=_json(new)))

    # -- writes ------------------------------------------------------------------------
    def add(self, record: Any) -> Any:
        cls = type(record)
        rows = self._rows(cls)
        if _key_field(cls) == "id":
            given = record.id
            new_id = given if given is not None else self.state.last_id.get(cls, 0) + 1
            self.state.last_id[cls] = max(self.state.last_id.get(cls, 0), new_id)
            record = dataclasses.replace(record, id=new_id)
        key = getattr(record, _key_field(cls))
        if key in rows:  # the SQL database refuses a duplicate primary key
            raise ValueError(f"{TABLE_NAMES[cls]} {key} already stored")
        stored = dataclasses.replace(record, version=1)
        rows[key] = stored
        values = _values(stored)
        self._audit(stored, "insert", None, values, values.get("child_id"))
        return stored

    def add_many(self, records: Sequence[Any]) -> None:
        for record in records:
            self.add(record)

    def _current(self, record: Any) -> Any:
        cls = type(record)
        key = getattr(record, _key_field(cls))
        current = self._rows(cls).get(key)
        if current is None:
            raise NotFoundError(f"{TABLE_NAMES[cls]} {key} no longer exists")
        return current

    def update(self, record: Any) -> Any:
        cls = type(record)
        current = self._current(record)
        key = getattr(record, _key_field(cls))
        if current.version != record.version:
            raise ConflictError(
                f"{TABLE_NAMES[cls]} {key} was changed by someone else "
                f"(version {current.version}, you edited version {record.version}); "
                "reload it and make your change again")
        old, new = _values(current), _values(record)
        changed = {k: v for k, v in new.items() if old.get(k) != v}
        if not changed:
            return record
        stored = dataclasses.replace(record, version=record.version + 1)
        self._rows(cls)[key] = stored
        self._audit(stored, "update", {k: old.get(k) for k in changed}, changed,
                    new.get("child_id"))
        return stored

    def delete(self, record: Any) -> None:
        cls = type(record)
        current = self._current(record)
        key = getattr(record, _key_field(cls))
        if current.version != record.version:
            raise ConflictError(f"{TABLE_NAMES[cls]} {key} was changed by someone else; "
                                "reload it before deleting")
        del self._rows(cls)[key]
        old = _values(current)
        self._audit(current, "delete", old, None, old.get("child_id"))

    # -- reads -------------------------------------------------------------------------
    def child(self, child_id: str) -> e.Child | None:
        return self._rows(e.Child).get(child_id)

    def records(self, cls: type, child_id: str | None = None) -> list[Any]:
        rows = self._rows(cls)
        return [rows[k] for k in sorted(rows)
                if child_id is None or rows[k].child_id == child_id]

    def records_where(self, cls: type, **equal: Any) -> list[Any]:
        return [r for r in self.records(cls)
                if all(getattr(r, name) == value for name, value in equal.items())]

    def child_names(self, child_ids: Iterable[str]) -> dict[str, str]:
        children = self._rows(e.Child)
        return {i: children[i].name for i in set(child_ids) if i in children}

    def child_ids(self) -> set[str]:
        return set(self._rows(e.Child))

    def iros(self) -> list[e.Iro]:
        return self.records(e.Iro)

    def audit_trail(self, child_id: str) -> list[dict[str, Any]]:
        return [dict(a) for a in self.state.audit if a["child_id"] == child_id]

    def audit_entries(self, child_id: str | None = None, since: datetime | None = None,
                      until: datetime | None = None, user: str | None = None,
                      table: str | None = None, action: str | None = None
                      ) -> list[dict[str, Any]]:
        def utc(at: datetime) -> datetime:
            return at.replace(tzinfo=UTC) if at.tzinfo is None else at.astimezone(UTC)

        equal = {"child_id": child_id, "user": user, "table_name": table, "action": action}
        return [dict(a) for a in self.state.audit
                if all(v is None or a[k] == v for k, v in equal.items())
                and (since is None or utc(a["at"]) >= utc(since))
                and (until is None or utc(a["at"]) < utc(until))]


class FakeStore:
    """The committed state, and a count of the units of work that committed."""

    def __init__(self) -> None:
        self.state = State()
        self.commits = 0


class FakeUnitOfWork:
    """``with FakeUnitOfWork(store) as uow:`` commits to ``store`` only if the block succeeds."""

    def __init__(self, store: FakeStore, user: str = "tester",
                 clock: Callable[[], datetime] = lambda: FIXED_NOW) -> None:
        self.store = store
        self.user = user
        self.clock = clock
        self._work: State | None = None
        self.repo = FakeRepository(State(), user, clock)  # replaced when the block opens

    def __enter__(self) -> FakeUnitOfWork:
        self._work = self.store.state.copy()
        self.repo = FakeRepository(self._work, self.user, self.clock)
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        assert self._work is not None, "the unit of work was not opened"
        if exc_type is None:
            self.store.state = self._work
            self.store.commits += 1
        self._work = None

    @property
    def _state(self) -> State:
        assert self._work is not None, "use the unit of work inside a with block"
        return self._work

    def histories(self, child_ids: list[str] | None = None) -> list[e.ChildHistory]:
        wanted = None if child_ids is None else set(child_ids)
        children = [c for c in self.repo.records(e.Child)
                    if wanted is None or c.child_id in wanted]
        grouped: dict[str, dict[str, list[Any]]] = {c.child_id: {} for c in children}
        for name, cls in HISTORY_PARTS.items():
            for record in self.repo.records(cls):  # by id, as reads orders each part
                if record.child_id in grouped:
                    grouped[record.child_id].setdefault(name, []).append(record)
        return [e.ChildHistory(c, **{name: tuple(grouped[c.child_id].get(name, ()))
                                     for name in HISTORY_PARTS})
                for c in children]

    def settings(self) -> e.Settings:
        return self._state.settings

    def save_settings(self, settings: e.Settings) -> None:
        # Audited as SqlUnitOfWork does: one "settings" entry per changed setting.
        for f in dataclasses.fields(e.Settings):
            old, new = getattr(self._state.settings, f.name), getattr(settings, f.name)
            if f.name != "version" and old != new:
                self._state.audit.append(dict(
                    id=len(self._state.audit) + 1, at=self.clock(), user=self.user,
                    child_id=None, table_name="settings", row_key=f.name, action="update",
                    old=_json({f.name: old}), new=_json({f.name: new})))
        self._state.settings = dataclasses.replace(settings, version=0)  # as read back

    def get_value(self, key: str) -> str | None:
        return self._state.values.get(key)

    def set_value(self, key: str, value: str) -> None:
        old = self._state.values.get(key)
        if old != value:  # audited like a setting, as the real unit of work does
            self._state.audit.append(dict(
                id=len(self._state.audit) + 1, at=self.clock(), user=self.user,
                child_id=None, table_name="settings", row_key=key, action="update",
                old=None if old is None else _json({key: old}), new=_json({key: value})))
        self._state.values[key] = value

    def iros(self) -> list[e.Iro]:
        return self.repo.iros()

    def audit_import(self, file_name: str, details: dict[str, Any]) -> int:
        entry_id = len(self._state.audit) + 1
        self._state.audit.append(dict(
            id=entry_id, at=self.clock(), user=self.user, child_id=None,
            table_name="imports", row_key=file_name[:120], action="import", old=None,
            new=_json(details)))
        return entry_id

    def iro_names_in_use(self) -> set[str]:
        names = {r.iro for cls in (e.Child, e.Review) for r in self.repo.records(cls)}
        for panel in self.repo.records(PanelMeeting):
            names |= {panel.chair, *panel.members}
        return names - {""}

    def verify_audit(self) -> AuditCheck:
        return AuditCheck(len(self._state.audit))


def fake_uow_factory(store: FakeStore, user: str = "tester") -> UowFactory:
    """A :data:`UowFactory` over ``store``: what services take (type-checked against the
    Protocols here, so a fake that drifts from them fails mypy)."""
    return lambda: FakeUnitOfWork(store, user)
