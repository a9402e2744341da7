"""Composition root: the only place that builds the engine and wires services to front ends."""

from __future__ import annotations

import getpass
import logging
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path
from typing import Protocol, cast

import platformdirs

from permanence_tracker.persistence import audit_guards
from permanence_tracker.persistence import engine as engines
from permanence_tracker.persistence.uow import uow_factory
from permanence_tracker.services import backups as backup_service
from permanence_tracker.services.authorization import ActingFactory, acting
from permanence_tracker.services.backups import BackupDone, BackupStore
from permanence_tracker.services.transfer import TrackerCopy
from permanence_tracker.services.unit_of_work import UowFactory
from permanence_tracker.services.users import acting_user

APP_NAME = "permanence-tracker"
log = logging.getLogger(__name__)


def data_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def current_user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no passwd entry (containers)
        return "unknown"


def _now() -> datetime:
    return datetime.now().astimezone()


class Disposable(Protocol):
    """The database connection pool, as far as a front end may touch it: closing it on exit."""

    def dispose(self) -> None: ...


@dataclass
class Context:
    """What a front end needs: where the data is and the door to it.

    ``uow`` is the only way in: front ends pass it to service functions, which open units of
    work with it; they never call it themselves (``tests/architecture/test_door.py``).
    """

    url: str
    user: str
    engine: Disposable  # a SQLAlchemy Engine; typed by what a front end may do with it
    uow: UowFactory
    backup: Path | None = None
    created: bool = False  # this opening made a new, empty tracker
    # What this opening made on disk, for discard_created: the SQLite file, then the folders
    # made for it, deepest first. Empty when the file was there before (even if it held no
    # tracker): a file that existed is never removed.
    made: tuple[Path, ...] = ()
    # A SQLite tracker's backups (services/backups.py); None on a server or in memory. The
    # backup this opening made when one was due, or why it failed (the tracker opens anyway).
    backups: BackupStore | None = None
    backed_up: BackupDone | None = None
    backup_problem: str = ""

    @property
    def shown(self) -> str:
        """The database as a person knows it: a file path, or a URL without its password."""
        return engines.shown(self.url)

    def dispose(self) -> None:
        self.engine.dispose()


def shown_url(url: str) -> str:
    """The database as people may see it: a SQLite file's path, a server URL with its password
    hidden; a URL that cannot be read is not repeated (it may hold a password)."""
    try:
        return engines.shown(url)
    except Exception:  # an unreadable URL: say so without echoing it
        return "(the database URL given, which cannot be read)"


def url_without_password(url: str) -> str:
    """``url`` with any password taken out, the rest as given: what may be stored (the app's
    recent trackers) and reconnected with, libpq finding the password itself (~/.pgpass, a
    service file) or the app asking for it. Raises ValueError for a URL that cannot be read."""
    try:
        parsed = engines.make_url(url)
    except Exception as exc:  # sqlalchemy's ArgumentError: not a database URL
        raise ValueError("not a database URL (for example sqlite:////path/tracker.sqlite or "
                         "postgresql://user@host/dbname)") from exc
    if "@" in (parsed.host or ""):  # an unencoded @ in the password: part of it looks like host
        raise ValueError("an @ in the password must be written %40")
    if parsed.password is None:
        return url
    bare = type(parsed).create(parsed.drivername, parsed.username, None, parsed.host,
                               parsed.port, parsed.database, parsed.query)
    return bare.render_as_string(hide_password=False)


class NoTrackerError(Exception):
    """The database named holds no tracker, and the caller asked not to create one.

    Raised before anything is created (no file, no folder, no schema); the message says
    which database, why, and what to do.
    """

    def __init__(self, url: str, reason: str) -> None:
        self.url = url
        self.reason = reason
        super().__init__(f"there is no tracker at {engines.shown(url)}: {reason}. Create it "
                         "with `permanence-tracker init` or choose another with --db")


class PassphraseError(Exception):
    """An encrypted tracker and a passphrase that do not go together (missing, or given for a
    plain file); the message says which and what to do. Nothing was written."""


class WrongPassphrase(PassphraseError):
    """The passphrase is not right for this tracker: front ends ask again. Nothing was
    written."""


@contextmanager
def _passphrase_errors() -> Iterator[None]:
    """persistence's passphrase errors as the ones front ends may catch (they never import
    persistence), with the same message."""
    try:
        yield
    except engines.WrongPassphrase as exc:
        raise WrongPassphrase(str(exc)) from None
    except engines.PassphraseError as exc:
        raise PassphraseError(str(exc)) from None


def open_context(url: str | None = None, user: str | None = None, *,
                 create: bool = True, passphrase: str | None = None) -> Context:
    """Open the tracker at ``url`` (resolved as :func:`engines.resolve_url` says), bringing
    its schema up to date.

    With ``create=False`` only an existing tracker is opened: a SQLite file that does not exist,
    or a server that cannot be reached or has no tracker schema, raises
    :class:`NoTrackerError` and nothing is created. ``Context.created`` says whether this call
    made a new tracker.

    ``passphrase`` opens (or creates) a SQLCipher-encrypted SQLite tracker; a wrong one raises
    :class:`WrongPassphrase` before anything is written. It is held by the engine's connect
    listener only: never in the URL, on the Context, in a setting or a message.
    """
    with _passphrase_errors():
        return _open_context(url, user, create, passphrase)


def _open_context(url: str | None, user: str | None, create: bool,
                  passphrase: str | None) -> Context:
    resolved = engines.resolve_url(url, data_dir())
    if not create:
        missing = engines.missing_tracker(resolved, passphrase)  # looks, creating nothing
        if missing:
            raise NoTrackerError(resolved, missing)
    to_make = _to_be_made(resolved)  # looked at before engines.create makes the folders
    engine = engines.create(resolved, passphrase)
    try:
        # One connection attempt: an unreachable server fails here, as migrate would.
        created = not engines.has_tracker(engine)
        backup = engines.migrate(engine, _now())
    except BaseException:
        engine.dispose()
        raise
    who = user or audit_guards.login(engine) or _login(resolved)
    make = uow_factory(engine, who, _now)
    try:  # who acts, in which role (services/users.py says why no users means administrator)
        actor = acting_user(make, who)
    except BaseException:
        engine.dispose()
        raise
    context = Context(resolved, who, engine, acting(make, actor), backup, created,
                      to_make if created else ())
    context.backups = _backups_for(resolved, engine)
    if context.backups is not None and not created:  # a new tracker has nothing to keep yet
        _back_up_if_due(context, make)
    log.info("opened the tracker %s (%s%s)", shown_url(resolved),
             "created" if created else "existing", ", encrypted" if passphrase else "")
    return context


def migrate_tracker(url: str | None = None, passphrase: str | None = None) -> bool:
    """Bring the existing tracker at ``url`` up to date, acting as none of its users: for the
    database's owner on a server, who alone may migrate (persistence/grants.py) and need not
    be a user of the tracker. Returns whether anything changed; NoTrackerError when ``url``
    holds no tracker (``init`` makes one)."""
    with _passphrase_errors():
        resolved = engines.resolve_url(url, data_dir())
        missing = engines.missing_tracker(resolved, passphrase)
        if missing:
            raise NoTrackerError(resolved, missing)
        engine = engines.create(resolved, passphrase)
        try:
            pending = engines.pending_migrations(engine)
            engines.migrate(engine, _now())
        finally:
            engine.dispose()
    return pending


def _login(url: str) -> str:
    """Who is acting: the database login on a server (each person connects as themself), the
    OS user on a SQLite file."""
    parsed = engines.make_url(url)
    if parsed.get_backend_name() != "sqlite" and parsed.username:
        return parsed.username
    return current_user()


def _to_be_made(url: str) -> tuple[Path, ...]:
    """The SQLite file ``url`` names and the folders missing above it, deepest first, when the
    file does not exist yet; () when it does, or for a server or an in-memory database."""
    parsed = engines.make_url(url)
    if parsed.get_backend_name() != "sqlite" or parsed.database in (None, "", ":memory:"):
        return ()
    path = Path(parsed.database).absolute()
    if path.exists():
        return ()
    made = [path]
    folder = path.parent
    while not folder.exists() and folder != folder.parent:
        made.append(folder)
        folder = folder.parent
    return tuple(made)


def discard_created(context: Context) -> bool:
    """Dispose of ``context`` and remove the tracker its opening created, as if the command had
    never run: for a command that failed or was a dry run (``cli/entry.py``). Returns whether
    anything was removed.

    Only what the opening made goes (:attr:`Context.made`): the SQLite file with its ``-wal``,
    ``-shm`` and ``-journal`` files, then each folder made for it while it is empty. A file
    that existed before, and a tracker that holds any record (something was written after
    all), are kept. A tracker created on a server (PostgreSQL) is left as it is, an empty
    tracker schema: dropping tables in a database shared with others is riskier than leaving
    an empty tracker, which the next command opens and uses.
    """
    if not context.created or not context.made or _holds_records(context):
        context.dispose()
        return False
    context.dispose()
    file, *folders = context.made
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{file}{suffix}").unlink(missing_ok=True)
    for folder in folders:
        try:
            folder.rmdir()
        except OSError:  # something else was put in it meanwhile: leave it and those above
            break
    return True


def _holds_records(context: Context) -> bool:
    """Whether any table of the tracker holds a row (a new tracker holds none)."""
    # Context.engine is typed for front ends; this is the composition root, which built it.
    return engines.holds_records(cast(engines.Engine, context.engine))


def default_url() -> str:
    """The SQLite file used when no database is named (the welcome screen's first choice)."""
    return engines.default_url(data_dir())


def env_database() -> str | None:
    import os

    return os.environ.get(engines.ENV_VAR) or None


def database_exists(url: str | None = None) -> bool:
    """Whether the resolved database is a SQLite file that exists (servers always 'exist')."""
    resolved = engines.resolve_url(url, data_dir())
    if not resolved.startswith("sqlite"):
        return True
    path = resolved.split("///", 1)[-1]
    return Path(path).exists()


# -- encryption (SQLCipher) ----------------------------------------------------------------
def is_encrypted(url: str | None = None) -> bool:
    """Whether the resolved database is an encrypted (SQLCipher) tracker file: the app and
    the command line ask for a passphrase only then."""
    return engines.is_encrypted(engines.resolve_url(url, data_dir()))


def _file_of(url: str | None) -> Path:
    path = engines.sqlite_file(engines.resolve_url(url, data_dir()))
    if path is None or not path.is_file():
        raise ValueError("only an existing tracker file on this computer can be encrypted or "
                         "decrypted (a server database is protected by the server)")
    return path


@dataclass(frozen=True)
class Conversion:
    """What encrypting, decrypting or re-keying a tracker did: the row count of each table
    (verified the same before and after; empty for a re-key), the copies in its backups folder
    treated alike, those that could not be (path, why), and half-written backups removed."""

    counts: dict[str, int]
    copies: tuple[Path, ...]
    failed: tuple[tuple[Path, str], ...]
    removed: tuple[Path, ...]
    folder: Path


def _key_copies(path: Path, old: str | None, new: str | None) -> Conversion:
    """The tracker file ``path``'s backups (and what restores replaced) keyed as it now is."""
    from permanence_tracker.persistence import cipher
    from permanence_tracker.persistence.backup import SqliteBackups

    store = SqliteBackups(path, backups_folder(path))
    done = cipher.key_copies(store.copies(), old, new, store.leftovers())
    return Conversion({}, done.done, done.failed, done.removed, store.folder)


def _converted(path: Path, counts: dict[str, int], old: str | None,
               new: str | None) -> Conversion:
    return replace(_key_copies(path, old, new), counts=counts)


def encrypt_tracker(url: str | None, passphrase: str) -> Conversion:
    """Encrypt a plain tracker file in place, verified before the swap (persistence/cipher.py),
    then each of its copies in its backups folder the same way, so no plain copy of the
    records is left there. An administrator's act (``encryption``) when the tracker has users."""
    from permanence_tracker.persistence import cipher

    with _passphrase_errors():
        path = _file_of(url)
        return backup_service.change_encryption(_acting_on(path, None), lambda: _converted(
            path, cipher.encrypt_file(path, passphrase), None, passphrase))


def decrypt_tracker(url: str | None, passphrase: str) -> Conversion:
    """Decrypt an encrypted tracker file in place, and its backups (for an administrator:
    every copy is then readable by whoever has it)."""
    from permanence_tracker.persistence import cipher

    with _passphrase_errors():
        path = _file_of(url)
        return backup_service.change_encryption(_acting_on(path, passphrase), lambda: _converted(
            path, cipher.decrypt_file(path, passphrase), passphrase, None))


def change_passphrase(url: str | None, old: str, new: str,
                      context: Context | None = None) -> Conversion:
    """Re-key an encrypted tracker file, then its backups (so each still restores). With the
    ``context`` that has it open (the app), its acting user is the one checked, and its
    connections are closed first and reopened with the new passphrase as needed."""
    from permanence_tracker.persistence import cipher

    path = _file_of(url)

    def rekey() -> Conversion:
        if context is not None:
            context.dispose()  # pooled connections keyed with the old passphrase
        cipher.change_passphrase(path, old, new)
        if context is not None:
            engines.set_key(cast(engines.Engine, context.engine), new)
        return _key_copies(path, old, new)

    with _passphrase_errors():
        acting_as = context.uow if context is not None else _acting_on(path, old)
        return backup_service.change_encryption(acting_as, rekey)


def _acting_on(path: Path, passphrase: str | None, source: Path | None = None) -> ActingFactory:
    """Who acts on the tracker file ``path`` without opening it as :func:`open_context` does
    (no migration, no backup): the OS user, in the role the tracker's users list gives
    (``services.users.acting_user``: none, or no such table yet, is the administrator). A
    file missing or too damaged to read has no list to ask, so the OS user, who holds the file
    anyway, is its administrator. WrongPassphrase when ``passphrase`` opens neither the tracker
    nor the backup ``source`` (a damaged encrypted tracker cannot tell a wrong key).

    The factory only says who acts: opening a unit of work through it is an error."""
    from permanence_tracker.domain.roles import Actor, Role
    from permanence_tracker.persistence.backup import users_listed

    who = current_user()
    actor = Actor(who, Role.ADMINISTRATOR, display_name=who)
    url = f"sqlite:///{path}"
    if path.is_file() and path.stat().st_size:
        engine = engines.create(url, passphrase)
        try:  # None: damaged, or not a tracker: no users list can be read
            if users_listed(engine):
                actor = acting_user(uow_factory(engine, who, _now), who)
        except engines.WrongPassphrase:
            if source is None or passphrase is None or not _opens(source, passphrase):
                raise
        finally:
            engine.dispose()

    def no_unit_of_work():
        raise RuntimeError("this factory says who acts; it opens no unit of work")

    return acting(no_unit_of_work, actor)


def _opens(source: Path, passphrase: str) -> bool:
    """Whether ``passphrase`` opens the backup ``source`` (read only: a backup is not
    touched)."""
    from permanence_tracker.persistence.backup import keyed_driver, problem_with

    problem = problem_with(source, *keyed_driver(passphrase))
    return problem is None or "passphrase does not open" not in problem


def acting_on_file(url: str | None, passphrase: str | None = None,
                   source: Path | None = None) -> UowFactory:
    """Who acts on the tracker file ``url`` names, without opening it (for ``restore``, which
    must work on a tracker too damaged to open): a factory the services check the role of,
    and which opens no unit of work. WrongPassphrase when ``passphrase`` opens neither the
    tracker nor the backup ``source``. A server database has its own logins: ValueError."""
    with _passphrase_errors():
        path = engines.sqlite_file(engines.resolve_url(url, data_dir()))
        if path is None:
            raise ValueError("a server database is restored by its server")
        return _acting_on(path, passphrase, source)


# -- backups (persistence/backup.py makes them, services/backups.py says when) -------------
BACKUPS_ENV = "PERMANENCE_TRACKER_BACKUPS"  # another folder for the backups (another disk)


def backups_folder(database: Path) -> Path:
    """Where a SQLite tracker's backups go: ``<user data dir>/backups/<name>-<6 hex>/``, or
    under ``$PERMANENCE_TRACKER_BACKUPS``. The hex (of the file's full path) keeps two trackers
    of the same name in different folders from sharing, or pruning, each other's backups."""
    import hashlib
    import os

    root = Path(os.environ[BACKUPS_ENV]) if os.environ.get(BACKUPS_ENV) else \
        data_dir() / "backups"
    tag = hashlib.sha256(str(database.absolute()).encode()).hexdigest()[:6]
    return root / f"{database.stem}-{tag}"


def _backups_for(url: str, engine: engines.Engine | None) -> BackupStore | None:
    from permanence_tracker.persistence.backup import SqliteBackups

    parsed = engines.make_url(url)
    if parsed.get_backend_name() != "sqlite" or parsed.database in (None, "", ":memory:"):
        return None
    database = Path(parsed.database).absolute()
    driver = engines.copy_driver(engine) if engine is not None else None
    if driver is not None:  # encrypted: the copy is made and keyed by SQLCipher's driver
        return SqliteBackups(database, backups_folder(database), engine, *driver)
    return SqliteBackups(database, backups_folder(database), engine)


def _back_up_if_due(context: Context, make: UowFactory) -> None:
    """The backup at open, when the last is a day old: a failure is recorded on the context
    (the app shows it) and logged, and the tracker opens anyway."""
    assert context.backups is not None
    try:
        context.backed_up = backup_service.back_up_if_due(context.backups, make,
                                                          _now().replace(tzinfo=None))
    except Exception as exc:  # noqa: BLE001 - a backup must not stop the tracker opening
        context.backup_problem = f"The automatic backup failed: {exc}"
        # the type and frames only (logs.py): the message may name the file
        log.warning("the automatic backup at open failed", exc_info=exc)


def backups_at(url: str | None, passphrase: str | None = None) -> BackupStore | None:
    """The backups of the tracker ``url`` names (resolved as open_context does), without
    opening it: for ``restore``, which must work on a tracker too damaged to open. None for
    a server database (the server backs it up) or an in-memory one. With ``passphrase`` (an
    encrypted tracker) every file is read and written keyed with it."""
    store = _backups_for(engines.resolve_url(url, data_dir()), None)
    if store is None or passphrase is None:
        return store
    from permanence_tracker.persistence.backup import SqliteBackups, keyed_driver

    plain = cast(SqliteBackups, store)
    return SqliteBackups(plain.database, plain.folder, None, *keyed_driver(passphrase))


def now_local() -> datetime:
    """Local time without a zone: what backups are named and aged by."""
    return _now().replace(tzinfo=None)


# -- moving a laptop tracker to a server (issue 12: `migrate-to`) --------------------------
def tracker_copy(context: Context, target_url: str) -> TrackerCopy:
    """What ``services.transfer.migrate_to`` copies the open tracker with into the PostgreSQL
    database at ``target_url`` (persistence/transfer.py). Nothing is connected yet; a source
    that is not a SQLite tracker, or a target that is not PostgreSQL, is refused (a
    TrackerError whose message never repeats a password)."""
    from permanence_tracker.persistence.transfer import SqlTrackerCopy

    return SqlTrackerCopy(cast(engines.Engine, context.engine), target_url, context.user, _now)
