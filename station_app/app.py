"""Composition root of the counter GUI: database, set-up or login, then the main window."""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path

from station_app import paths
from station_app.config import Language, load_settings, save_settings

log = logging.getLogger(__name__)

EXIT_DATABASE_ERROR = 2


def gui_available() -> bool:
    """Whether a window can be shown: on Linux only with a display (or an explicit Qt platform)."""
    if not sys.platform.startswith("linux"):
        return True
    return any(os.environ.get(name) for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"))


def run_gui(data_dir: Path, *, language: Language | None = None) -> int:
    """Runs the counter application until its main window closes; returns the exit code.

    `language` overrides the saved language for this run only (it is not saved).
    Qt is imported here, not at module level, so the CLI starts without it.
    """
    from station_app.database import open_database
    from station_app.errors import DatabaseError
    from station_app.services.station import station_info
    from station_app.ui.application import (
        CrashHandler,
        create_application,
        install_translators,
        route_qt_messages,
        set_up_file_logging,
        show_user_error,
    )
    from station_app.ui.context import AppContext
    from station_app.ui.login_dialog import run_login_dialog
    from station_app.ui.main_window import MainWindow
    from station_app.ui.setup_dialog import run_setup_dialog

    log_file = set_up_file_logging(data_dir)
    settings_file = paths.settings_path(data_dir)
    saved = load_settings(settings_file)
    running_language: Language = language or saved.language
    app = create_application()
    route_qt_messages()
    install_translators(app, running_language)
    crash_handler = CrashHandler(log_file)
    crash_handler.install()
    try:
        try:
            db = open_database(paths.database_path(data_dir), backups=paths.backups_dir(data_dir))
        except DatabaseError as exc:
            log.error("cannot open the database: %s", exc)
            show_user_error(None, exc)
            return EXIT_DATABASE_ERROR
        try:
            station = station_info(db)
            if station is None:
                actor = run_setup_dialog(db)
                station = station_info(db)
                if actor is not None:
                    saved = saved.model_copy(update={"last_username": actor.username})
                    save_settings(settings_file, saved)
            else:
                actor = run_login_dialog(
                    db, station, saved, settings_file, running_language=running_language
                )
                saved = load_settings(settings_file)  # the dialog may have saved changes
            if actor is None or station is None:
                log.info("no user logged in: quitting")
                return 0
            log.info("%s logged in at %s", actor.username, station.community_name)
            context = AppContext(
                db=db, actor=actor, station=station, settings=saved, data_dir=data_dir
            )
            window = MainWindow(context)
            window.show()
            return app.exec()
        finally:
            db.close()
    finally:
        crash_handler.uninstall()
