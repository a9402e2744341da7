"""``encrypt``, ``decrypt`` and ``passphrase change``: a SQLite tracker's encryption
(SQLCipher), and where the command line gets a passphrase.

A passphrase is never an argument (it would sit in the shell's history and in ``ps``): it is
the first line of the file named by ``PERMANENCE_TRACKER_PASSPHRASE_FILE`` (refused when group
or others may read it), or typed at a prompt when stdin is a terminal, where a wrong one is
asked for again, three tries in all, as the app does (:func:`with_passphrase`; a file is read
once: it would say the same again). ``passphrase change`` reads the new one from
``PERMANENCE_TRACKER_NEW_PASSPHRASE_FILE`` or a prompt, typed twice.

``encrypt``/``decrypt`` convert the file in place through a new file, verified (integrity
check, the same rows in every table) before one atomic rename; the original is not kept
(persistence/cipher.py says why). The tracker's backups follow it: encrypted, decrypted or
re-keyed the same way, and the command says how many. All three are an administrator's when
the tracker has a users list. Close the app on that tracker first.
"""

from __future__ import annotations

import getpass
import os
import stat
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from permanence_tracker.app import (
    PassphraseError,
    WrongPassphrase,
    acting_on_file,
    change_passphrase,
    decrypt_tracker,
    encrypt_tracker,
    is_encrypted,
    shown_url,
)

FILE_VAR = "PERMANENCE_TRACKER_PASSPHRASE_FILE"
NEW_FILE_VAR = "PERMANENCE_TRACKER_NEW_PASSPHRASE_FILE"
MIN_LENGTH = 8
TRIES = 3  # as the app (gui/passphrase.py)
T = TypeVar("T")


class NoPassphrase(Exception):
    """No passphrase could be had (no file, no terminal), or the file was refused."""


def _from_file(variable: str) -> str | None:
    name = os.environ.get(variable)
    if not name:
        return None
    path = Path(name).expanduser()
    try:
        mode = path.stat().st_mode
        if mode & (stat.S_IRWXG | stat.S_IRWXO):
            raise NoPassphrase(f"{variable} names {path}, which others may read: make it "
                               f"readable by you only (chmod 600 {path})")
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise NoPassphrase(f"{variable} names {path}, which cannot be read "
                           f"({exc.strerror})") from None
    if not lines or not lines[0]:
        raise NoPassphrase(f"the first line of {path} ({variable}) is empty")
    return lines[0]


def read_passphrase(what: str, *, new: bool = False, variable: str = FILE_VAR,
                    required: bool = True) -> str | None:
    """A passphrase from ``variable``'s file, else a prompt (typed twice when ``new``);
    None when neither can be had and it is not ``required``."""
    found = _from_file(variable)
    if found is not None:
        return found
    if not sys.stdin.isatty():
        if not required:
            return None
        raise NoPassphrase(f"{what} needs a passphrase: set {variable} to a file holding it "
                           "(readable by you only), or run the command in a terminal")
    while True:
        typed = getpass.getpass(f"Passphrase for {what}: ")
        if not new:
            return typed
        problem = strength_problem(typed)
        if problem:
            print(problem, file=sys.stderr)
            continue
        if getpass.getpass("The same passphrase again: ") == typed:
            return typed
        print("The two passphrases differ: type them again.", file=sys.stderr)


def with_passphrase(what: str, use: Callable[[str], T], *, variable: str = FILE_VAR) -> T:
    """``use(passphrase)`` with the passphrase from ``variable``'s file (once) or typed at the
    terminal: a typed one that ``use`` finds wrong (WrongPassphrase, nothing changed) is asked
    for again, three tries in all, with a message after each; then PassphraseError."""
    found = _from_file(variable)
    if found is not None:
        return use(found)
    if not sys.stdin.isatty():
        raise NoPassphrase(f"{what} needs a passphrase: set {variable} to a file holding it "
                           "(readable by you only), or run the command in a terminal")
    for attempt in range(1, TRIES + 1):
        typed = getpass.getpass(f"Passphrase for {what}: ")
        try:
            return use(typed)
        except WrongPassphrase:
            left = TRIES - attempt
            if not left:
                break
            print(f"That passphrase is not right for {what} (nothing was changed): "
                  f"{left} {'try' if left == 1 else 'tries'} left.", file=sys.stderr)
    raise PassphraseError(f"{TRIES} passphrases were not right for {what}: nothing was "
                          "changed")


def open_with_passphrase(args, opener: Callable[[str | None], T]) -> T:
    """``opener(passphrase)`` for opening the tracker (``cli/entry.py``): an encrypted one with
    its passphrase (three tries at a terminal), otherwise :func:`passphrase_for_opening`'s."""
    if is_encrypted(args.db):
        return with_passphrase(shown_url_of(args), opener)
    return opener(passphrase_for_opening(args))


def strength_problem(passphrase: str) -> str:
    """Why a new passphrase is refused ('' when it is not): long enough to resist guessing."""
    if len(passphrase) < MIN_LENGTH:
        return (f"A passphrase needs at least {MIN_LENGTH} characters; several words are "
                "easier to remember and harder to guess.")
    return ""


def passphrase_for_opening(args) -> str | None:
    """The passphrase ``entry.main`` opens the tracker with: the tracker's own when it is
    encrypted; for ``init`` of a new SQLite file, a new one when one can be had (a file or a
    terminal), so a new tracker is encrypted; otherwise None (plain)."""
    if is_encrypted(args.db):
        return read_passphrase(shown_url_of(args))
    if args.command == "init" and _new_sqlite_file(args.db):
        chosen = read_passphrase(f"the new tracker {shown_url_of(args)}", new=True,
                                 required=False)
        if chosen is None:
            print(f"warning: the new tracker is not encrypted (no passphrase: set {FILE_VAR} "
                  "or run init in a terminal); encrypt it later with `permanence-tracker "
                  "encrypt`", file=sys.stderr)
        return chosen
    return None


def _new_sqlite_file(db: str | None) -> bool:
    from permanence_tracker.app import database_exists, default_url, env_database

    url = db or env_database() or default_url()
    return url.startswith("sqlite") and not database_exists(url)


def shown_url_of(args) -> str:
    from permanence_tracker.app import default_url, env_database

    return shown_url(args.db or env_database() or default_url())


def register(sub) -> None:
    """Add ``encrypt``, ``decrypt`` and ``passphrase change``; none opens the tracker first."""
    enc = sub.add_parser("encrypt", help="encrypt a plain tracker file in place (SQLCipher)",
                         description="Encrypt the tracker file named by --db in place: a new "
                         "encrypted file is written next to it, checked, then swapped in; the "
                         f"plain file is then removed. The passphrase comes from {FILE_VAR} "
                         "or a prompt (typed twice), never an argument.")
    enc.set_defaults(run=_encrypt, database=False)
    dec = sub.add_parser("decrypt", help="decrypt a tracker file in place (administrators)",
                         description="Decrypt the tracker file named by --db in place, "
                         "checked before the swap. The file is then readable by whoever has "
                         "it: for an administrator moving it to a server, say.")
    dec.set_defaults(run=_decrypt, database=False)
    phrase = sub.add_parser("passphrase", help="change an encrypted tracker's passphrase")
    actions = phrase.add_subparsers(dest="action", metavar="ACTION", required=True)
    change = actions.add_parser(
        "change", help="change the passphrase (the old from "
        f"{FILE_VAR} or a prompt, the new from {NEW_FILE_VAR} or a prompt)")
    change.set_defaults(run=_change, database=False)


def _fail(message: object) -> int:
    print(f"error: {message}", file=sys.stderr)
    return 2


def _encrypt(_context, args) -> int:
    where = shown_url_of(args)
    try:
        if is_encrypted(args.db):
            return _fail(f"{where} is already encrypted (change its passphrase with "
                         "`permanence-tracker passphrase change`)")
        passphrase = read_passphrase(f"the tracker {where}", new=True)
        assert passphrase is not None
        done = encrypt_tracker(args.db, passphrase)
    except (NoPassphrase, PassphraseError, ValueError) as exc:
        return _fail(exc)
    except Exception as exc:  # noqa: BLE001 - a failed conversion leaves the tracker as it was
        return _fail(f"{where} was not encrypted, and is unchanged: {exc}")
    counts = done.counts
    print(f"Encrypted {where}: {sum(counts.values()):,} rows in {len(counts)} tables checked "
          "in the new file before it replaced the plain one, which has been removed.")
    _say_copies(done, "encrypted the same way (no plain copy of the records is left there)")
    return 0


def _say_copies(done, how: str) -> None:
    """How many of the tracker's backups were treated like it, and any that were not."""
    print(f"Backups: {len(done.copies)} in {done.folder} {how}.")
    if done.removed:
        print(f"Removed {len(done.removed)} half-written backup(s) left by an interrupted "
              "backup.")
    for path, why in done.failed:
        print(f"warning: the backup {path} was left as it was ({why}): remove it if it is "
              "not needed", file=sys.stderr)


def _decrypt(_context, args) -> int:
    where = shown_url_of(args)
    try:
        done = with_passphrase(f"the tracker {where}",
                               lambda passphrase: decrypt_tracker(args.db, passphrase))
    except (NoPassphrase, PassphraseError, ValueError) as exc:
        return _fail(exc)
    except Exception as exc:  # noqa: BLE001
        return _fail(f"{where} was not decrypted, and is unchanged: {exc}")
    counts = done.counts
    print(f"Decrypted {where}: {sum(counts.values()):,} rows in {len(counts)} tables checked. "
          "The file is no longer encrypted: anyone who has it can read it.")
    _say_copies(done, "decrypted too (an administrator's choice: each is now readable by "
                "whoever has it, as the tracker is)")
    return 0


def _change(_context, args) -> int:
    where = shown_url_of(args)
    try:
        # the current one proved (and the role checked) before the new one is asked for
        old = with_passphrase(f"the tracker {where} (the current one)",
                              lambda phrase: (acting_on_file(args.db, phrase), phrase)[1])
        new = read_passphrase(f"the tracker {where} (the new one)", new=True,
                              variable=NEW_FILE_VAR)
        assert new is not None
        done = change_passphrase(args.db, old, new)
    except (NoPassphrase, PassphraseError, ValueError) as exc:
        return _fail(exc)
    except Exception as exc:  # noqa: BLE001 - refused (the role): the passphrase is unchanged
        return _fail(f"the passphrase of {where} was not changed: {exc}")
    print(f"Changed the passphrase of {where}.")
    _say_copies(done, "re-keyed with it (each restores with the new passphrase)")
    return 0
