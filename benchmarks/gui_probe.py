"""One measured GUI start, run in a fresh process by bench_gui.py (prints one JSON line).

`bare`: a bare PySide6 QMainWindow, the yardstick. `app`: the station app's real start path
(Qt set-up, font, translation, main window painted; then database open, login as the demo
user, pages) until the window's first paint, then until the residents page shows rows, then
the peak memory after the search index has loaded and every kind of query ran through the page.
"""

from __future__ import annotations

import json
import os
import resource
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def _peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def _first_paint_filter(window: object, on_paint: object) -> object:
    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtWidgets import QWidget

    class FirstPaint(QObject):
        def __init__(self) -> None:
            super().__init__()
            self.done = False

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if (
                not self.done
                and event.type() == QEvent.Type.Paint
                and isinstance(watched, QWidget)
                and watched.window() is window
            ):
                self.done = True
                on_paint()  # type: ignore[operator]
            return False

    return FirstPaint()


def bare(started: float) -> dict[str, float]:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.resize(1280, 800)
    result: dict[str, float] = {}

    def painted() -> None:
        result["first_paint_s"] = time.time() - started
        QTimer.singleShot(0, app.quit)

    watcher = _first_paint_filter(window, painted)
    app.installEventFilter(watcher)  # type: ignore[arg-type]
    window.show()
    app.exec()
    result["peak_rss_mb"] = _peak_rss_mb()
    return result


def app(started: float, data_dir: Path) -> dict[str, float]:
    """The real start path of ui.counter.startup, with the login dialog's service call."""
    from PySide6.QtCore import QTimer

    from station_app import paths
    from station_app.config import load_settings
    from station_app.ui.counter.main_window import MainWindow
    from station_app.ui.shared import application

    qt_app = application.create_application()
    settings = load_settings(paths.settings_path(data_dir))
    application.install_translators(qt_app, settings.language)
    window = MainWindow()
    window.show_progress("Opening the station database…")
    result: dict[str, float] = {}

    def painted() -> None:
        result["first_paint_s"] = time.time() - started

    watcher = _first_paint_filter(window, painted)
    qt_app.installEventFilter(watcher)  # type: ignore[arg-type]
    window.show()
    state: dict[str, object] = {}

    def open_session() -> None:
        from station_app.database import open_database
        from station_app.demo import DEMO_PASSWORD, DEMO_USERNAME
        from station_app.services.auth import log_in
        from station_app.services.station import station_info
        from station_app.ui.counter.residents.page import ResidentsPage
        from station_app.ui.shared.context import AppContext

        db = open_database(paths.database_path(data_dir))
        station = station_info(db)
        assert station is not None, "the benchmark database is not set up"
        actor = log_in(db, DEMO_USERNAME, DEMO_PASSWORD)
        result["logged_in_s"] = time.time() - started
        state["db"] = db
        state["page_started"] = time.perf_counter()
        window.open_session(
            AppContext(db=db, actor=actor, station=station, settings=settings, data_dir=data_dir)
        )
        state["page"] = next(p for p in window.pages if isinstance(p, ResidentsPage))
        QTimer.singleShot(0, poll)

    def poll() -> None:
        page = state["page"]
        model = page.model  # type: ignore[attr-defined]
        if "page_populated_s" not in result and model.rowCount() > 0 and model.index(0, 0).data():
            result["page_populated_s"] = time.perf_counter() - state["page_started"]  # type: ignore[operator]
            result["rows_shown"] = model.rowCount()
        if "page_populated_s" in result and page.is_loaded:  # type: ignore[attr-defined]
            result["index_loaded_s"] = time.perf_counter() - state["page_started"]  # type: ignore[operator]
            for query in ("张伟", "zw", "zhangwei", "张", "198306", "1234", ""):
                page.search(query)  # type: ignore[attr-defined]
                model.index(0, 0).data()
            qt_app.processEvents()
            qt_app.quit()
            return
        QTimer.singleShot(2, poll)

    window.first_painted.connect(open_session)  # as station_app.ui.counter.startup does
    qt_app.exec()
    result["peak_rss_mb"] = _peak_rss_mb()
    state["db"].close()  # type: ignore[attr-defined]
    return result


if __name__ == "__main__":
    mode, start = sys.argv[1], float(sys.argv[2])
    measured = bare(start) if mode == "bare" else app(start, Path(sys.argv[3]))
    print(json.dumps(measured))
