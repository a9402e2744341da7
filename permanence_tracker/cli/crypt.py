"""``encrypt``, ``decrypt`` and ``passphrase change``: a SQLite tracker's encryption
(SQLCipher), and where the command line gets a passphrase.

A passphrase is never an argument (it would sit in the shell's history and in ``ps``): it is
the first line of the file named by ``PERMANENCE_TRACKER_PASSPHRASE_FILE`` (refused when group
or others may read it), or typed at a prompt when stdin is a terminal. ``passphrase change``
reads the new one from ``PERMANENCE_TRACKER_NEW_PASSPHRASE_FILE`` or a prompt, typed twice.

``encrypt``/``decrypt`` convert the file in place through a new file, verified (integrity
check, the same rows in every table) before one atomic rename; the original is not kept
(persistence/cipher.py says why). Close the app on that tracker first.
"""

from __future__ import annotations

import getpass
import os
import stat
import sys
from pathlib import Path

from permanence_tracker.app import (
    PassphraseError,
    change_passphrase,
    decrypt_tracker,
    encrypt_tracker,
    is_encrypted,
    shown_url,
)

FILE_VAR = "PERMANENCE_TRACKER_PASSPHRASE_FILE"
NEW_FILE_VAR = "PERMANENCE_TRACKER_NEW_PASSPHRASE_FILE"
MIN_LENGTH = 8


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
        counts = encrypt_tracker(args.db, passphrase)
    except (NoPassphrase, PassphraseError, ValueError) as exc:
        return _fail(exc)
    except Exception as exc:  # noqa: BLE001 - a failed conversion leaves the tracker as it was
        return _fail(f"{where} was not encrypted, and is unchanged: {exc}")
    print(f"Encrypted {where}: {sum(counts.values()):,} rows in {len(counts)} tables checked "
          "in the new file before it replaced the plain one, which has been removed.")
    return 0


def _decrypt(_context, args) -> int:
    where = shown_url_of(args)
    try:
        passphrase = read_passphrase(f"the tracker {where}")
        assert passphrase is not None
        counts = decrypt_tracker(args.db, passphrase)
    except (NoPassphrase, PassphraseError, ValueError) as exc:
        return _fail(exc)
    except Exception as exc:  # noqa: BLE001
        return _fail(f"{where} was not decrypted, and is unchanged: {exc}")
    print(f"Decrypted {where}: {sum(counts.values()):,} rows in {len(counts)} tables checked. "
          "The file is no longer encrypted: anyone who has it can read it.")
    return 0


def _change(_context, args) -> int:
    where = shown_url_of(args)
    try:
        old = read_passphrase(f"the tracker {where} (the current one)")
        new = read_passphrase(f"the tracker {where} (the new one)", new=True,
                              variable=NEW_FILE_VAR)
        assert old is not None and new is not None
        change_passphrase(args.db, old, new)
    except (NoPassphrase, PassphraseError, ValueError) as exc:
        return _fail(exc)
    print(f"Changed the passphrase of {where}.")
    return 0
