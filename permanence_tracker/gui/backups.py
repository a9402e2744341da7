"""Backups in the app: File ▸ Back up now…, File ▸ Restore from backup…, the backup made when a
tracker opens and once a day while the app runs (services/backups.py says what is kept).

A PostgreSQL tracker is backed up by its server: the menu entries say so rather than pretend.
Restoring is an administrator's (the menu entry is shown to them only; the service checks).
Restoring closes this window's connections first (restore refuses a tracker open elsewhere),
then opens the restored tracker in a new window, as File ▸ Open tracker does.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMessageBox

from permanence_tracker.app import now_local
from permanence_tracker.services import backups

DAY_MS = 24 * 60 * 60 * 1000


def _message(window: QMainWindow, title: str, text: str, warning: bool = False) -> QMessageBox:
    icon = QMessageBox.Icon.Warning if warning else QMessageBox.Icon.Information
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, window)
    box.open()  # not exec: the window stays live, and tests need not answer it
    return box


def back_up_now(window: QMainWindow) -> QMessageBox:
    """File ▸ Back up now…: a checked backup now, old ones pruned; says where it went."""
    context = window.session.context  # type: ignore[attr-defined]
    if context.backups is None:
        return _message(window, "Back up", str(backups.NoBackupsError(context.shown)))
    try:
        done = backups.back_up(context.backups, context.uow, now_local())
    except Exception as exc:  # noqa: BLE001 - a full disk, a damaged tracker: say why
        return _message(window, "Back up failed", f"No backup was made: {exc}", warning=True)
    pruned = f"\n\n{len(done.pruned)} older backup(s) removed (Settings: backup keep days)." \
        if done.pruned else ""
    return _message(window, "Backed up", f"The tracker was backed up and the copy checked:\n"
                    f"{done.path}{pruned}")


def back_up_if_due(window: QMainWindow, *, always: bool = False) -> backups.BackupDone | None:
    """The quiet backup (at open with ``always``, then daily): the status bar says what
    happened; a failure is shown there too, never a dialog in the way."""
    context = window.session.context  # type: ignore[attr-defined]
    if context.backups is None:
        return None
    try:
        done = (backups.back_up(context.backups, context.uow, now_local()) if always else
                backups.back_up_if_due(context.backups, context.uow, now_local()))
    except Exception as exc:  # noqa: BLE001
        window.statusBar().showMessage(f"The automatic backup failed: {exc}")
        return None
    if done is not None:
        window.statusBar().showMessage(f"Backed up to {done.path}", 10_000)
    return done


def start_backups(window: QMainWindow) -> QTimer:
    """At open (unless opening just made one, or the tracker is new) and every day after."""
    context = window.session.context  # type: ignore[attr-defined]
    if context.backup_problem:
        window.statusBar().showMessage(context.backup_problem)
    elif context.backups is not None and context.backed_up is None and not context.created:
        back_up_if_due(window, always=True)
    timer = QTimer(window)
    timer.setInterval(DAY_MS)
    timer.timeout.connect(lambda: back_up_if_due(window))
    timer.start()
    return timer


def restore_from_backup(window: QMainWindow, path: str | None = None,
                        confirm: bool = True) -> QMainWindow | None:
    """File ▸ Restore from backup…: choose a backup, confirm, and reopen on it; the tracker
    it replaces is kept in the backups folder (the message says where)."""
    from permanence_tracker.gui.trackers import switch_to
    from permanence_tracker.gui.welcome import Choice

    context = window.session.context  # type: ignore[attr-defined]
    store = context.backups
    if store is None:
        _message(window, "Restore", str(backups.NoBackupsError(context.shown)))
        return None
    if path is None:
        path, _ = QFileDialog.getOpenFileName(window, "Restore from backup", str(store.folder),
                                              "Tracker backups (*.sqlite);;All files (*)")
    if not path:
        return None
    if confirm and QMessageBox.question(
            window, "Restore from backup",
            f"Replace the tracker {context.shown} with the backup\n{path}?\n\nThe tracker as it "
            "is now will be kept in the backups folder.") != QMessageBox.StandardButton.Yes:
        return None
    window.session.stop()  # type: ignore[attr-defined]
    context.dispose()  # this window's connections: restore refuses an open tracker
    try:  # an encrypted tracker's store reads and writes every copy keyed with its passphrase
        done = backups.restore(store, context.uow, Path(path), now_local())
    except Exception as exc:  # noqa: BLE001 - not a tracker, damaged, open elsewhere
        _message(window, "Restore refused", f"{exc}.\n\nNothing was changed.", warning=True)
        window.session.reload()  # type: ignore[attr-defined]  # the same tracker, reopened
        return None
    fresh = switch_to(window, Choice(context.url))
    kept = f"\n\nThe tracker it replaced was kept as\n{done.kept}" if done.kept else ""
    _message(fresh or window, "Restored", f"The tracker was restored from\n{path}{kept}")
    return fresh
