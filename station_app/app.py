"""Composition root of the counter GUI (the Qt part lives in station_app.ui.counter.startup)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from station_app.config import Language

EXIT_DATABASE_ERROR = 2


def gui_available() -> bool:
    """Whether a window can be shown: on Linux only with a display (or an explicit Qt platform)."""
    if not sys.platform.startswith("linux"):
        return True
    return any(os.environ.get(name) for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"))


def run_gui(data_dir: Path, *, language: Language | None = None) -> int:
    """Runs the counter application until its main window closes; returns the exit code.

    `language` overrides the saved language for this run only (it is not saved). Qt is
    imported here, not at module level, so the CLI starts without it.
    """
    from station_app.ui.counter.startup import run_counter

    return run_counter(data_dir, language=language, database_error_code=EXIT_DATABASE_ERROR)
