"""Desktop app timings on a large tracker: time until the Children table is ready, and the
time each search keystroke takes (filter and repaint), measured offscreen."""

from __future__ import annotations

import os
import statistics
import time
from datetime import date


def measure(url: str, as_of: date, queries: list[str]) -> dict[str, float]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QEventLoop, QTimer

    from permanence_tracker.app import open_context
    from permanence_tracker.gui.main import make_application
    from permanence_tracker.gui.main_window import MainWindow
    from permanence_tracker.gui.pages.registry import PAGES
    from permanence_tracker.gui.session import Session

    app = make_application()
    started = time.perf_counter()
    context = open_context(url, user="bench")
    session = Session(context, as_of)
    window = MainWindow(session, PAGES, today=as_of)
    window.show()
    loop = QEventLoop()
    session.changed.connect(loop.quit)
    QTimer.singleShot(600_000, loop.quit)
    session.reload()
    loop.exec()
    page = window.pages[0]
    page.view.viewport().repaint()
    app.processEvents()
    ready = time.perf_counter() - started

    keystrokes = []
    for query in queries:
        page.search.clear()
        app.processEvents()
        text = ""
        for character in query:
            text += character
            tick = time.perf_counter()
            page.search.setText(text)
            page.view.viewport().repaint()
            app.processEvents()
            keystrokes.append(time.perf_counter() - tick)
    shown = page.proxy.rowCount()
    window.close()
    context.dispose()
    return {
        "ready": ready,
        "keystroke_median": statistics.median(keystrokes),
        "keystroke_max": max(keystrokes),
        "rows": float(page.model.rowCount()),
        "last_shown": float(shown),
    }
