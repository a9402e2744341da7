"""Moving a laptop tracker to the team's server: :func:`migrate_to` copies the open SQLite
tracker (plain or encrypted) into an empty PostgreSQL database and checks the copy.

The copy itself is a :class:`TrackerCopy` (``persistence/transfer.py``, wired by ``app.py``):
the schema by the tracker's own migrations, every table's rows in batches and the ids'
sequences, all in one transaction on the server, committed only when every table's row count
matches and both audit chains verify. Afterwards the trail is verified again on both sides
through :func:`services.audit.verify_audit`, as the app will see it; should that fail, the
copied tables are dropped, so a failed migration always leaves the server as empty as it was.
The tracker copied from is only read.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from permanence_tracker.domain.audit import AuditCheck
from permanence_tracker.domain.errors import TrackerError
from permanence_tracker.services.audit import verify_audit
from permanence_tracker.services.authorization import acting, actor_of, requires
from permanence_tracker.services.progress import Progress, silent
from permanence_tracker.services.unit_of_work import UnitOfWork, UowFactory
from permanence_tracker.services.users import list_users


class TrackerCopy(Protocol):
    """A tracker and the empty server database it is to be copied into."""

    source: str  # each as people know it: a file's path, a URL without its password
    target: str
    target_login: str  # who the app acts as on the target (its database login)

    def check_target(self) -> None:
        """Raise a TrackerError saying what is wrong with the target (unreachable, not
        empty), having written nothing."""
        ...

    def copy(self, progress: Progress) -> tuple[tuple[str, int, int], ...]:
        """Copy in one transaction; (table, rows in the tracker, rows copied), each checked
        equal with both audit chains intact before the commit. A TrackerError otherwise,
        the target rolled back to empty."""
        ...

    def target_uow(self) -> Callable[[], UnitOfWork]: ...

    def discard(self) -> None:
        """Drop every tracker table from the target."""
        ...

    def close(self) -> None: ...


class MigrationFailed(TrackerError):
    """The copy was made but did not verify afterwards: it was removed from the server."""


@dataclass(frozen=True, slots=True)
class TableCount:
    table: str
    source: int
    target: int


@dataclass(frozen=True, slots=True)
class Migrated:
    """What was copied where, and the checks that passed."""

    source: str
    target: str
    counts: tuple[TableCount, ...]
    source_audit: AuditCheck
    target_audit: AuditCheck
    # The copied user list names no active user for the login used on the server: opening
    # it with that login will be refused until an administrator's login is added there
    login_not_a_user: str = ""

    @property
    def rows(self) -> int:
        return sum(c.target for c in self.counts)


@requires("users.edit")  # an administrator's act: it hands the whole tracker to a server
def migrate_to(uow_factory: UowFactory, copy: TrackerCopy,
               progress: Progress | None = None) -> Migrated:
    """Copy the tracker ``uow_factory`` opens into ``copy``'s empty PostgreSQL database and
    verify it; the target is left empty on any failure (a TrackerError says what differed)."""
    progress = progress or silent
    try:
        copy.check_target()
        counts = tuple(TableCount(*row) for row in copy.copy(progress))
        try:
            target = acting(copy.target_uow(), actor_of(uow_factory))
            checks = verify_audit(uow_factory), verify_audit(target)
        except BaseException:
            copy.discard()
            raise
        broken = [f"{where}: {check.reason}" for where, check in
                  zip((copy.source, copy.target), checks, strict=True) if not check.intact]
        if broken:
            copy.discard()
            raise MigrationFailed(f"the audit trail did not verify after the copy "
                                  f"({'; '.join(broken)}): the copied tables were removed "
                                  f"from {copy.target}, which is empty again")
        users = list_users(target)
        stranger = bool(users) and not any(u.login == copy.target_login and u.active
                                          for u in users)
        return Migrated(copy.source, copy.target, counts, *checks,
                        login_not_a_user=copy.target_login if stranger else "")
    finally:
        copy.close()
