"""One measured GUI start, run in a fresh process by bench_gui.py (prints one JSON line).

`bare STARTED`: a bare PySide6 QMainWindow, the yardstick. `entry STARTED ARGS…`: the station
app's real entry point, `station_app.cli.main(ARGS)` as `python -m station_app ARGS` runs it
(logging, crash handler, data-folder check and lock, translation, settings, the main window),
until the main window's first paint. The only addition is an application event filter that
notes that paint, installed as the application object is made. STARTED is the wall-clock time
the parent took just before starting this process, so interpreter start-up is included.
"""

from __future__ import annotations

import json
import os
import sys
import time
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def _painted(started: float) -> None:
    """Reports the first paint and ends the process at once (nothing after it is measured)."""
    print(json.dumps({"first_paint_s": time.time() - started}), flush=True)
    os._exit(0)


def _first_paint_filter(started: float) -> Any:
    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtWidgets import QMainWindow, QWidget

    class FirstPaint(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if (
                event.type() == QEvent.Type.Paint
                and isinstance(watched, QWidget)
                and isinstance(watched.window(), QMainWindow)
            ):
                _painted(started)
            return False

    return FirstPaint()


def bare(started: float) -> None:
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication(sys.argv[:1])
    watcher = _first_paint_filter(started)
    app.installEventFilter(watcher)
    window = QMainWindow()
    window.resize(1280, 800)
    window.show()
    app.exec()


def entry(started: float, argv: list[str]) -> None:
    from station_app import cli
    from station_app.ui.shared import application

    create_application = application.create_application
    keep: list[Any] = []

    def create_and_watch(args: list[str] | None = None) -> Any:
        app = create_application(args)
        keep.append(_first_paint_filter(started))
        app.installEventFilter(keep[-1])
        return app

    application.create_application = create_and_watch  # the start itself is untouched
    cli.main(argv)
    raise SystemExit("the program ended before its main window painted")


if __name__ == "__main__":
    mode, start = sys.argv[1], float(sys.argv[2])
    if mode == "bare":
        bare(start)
    else:
        entry(start, sys.argv[3:])
