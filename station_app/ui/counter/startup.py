"""Starts the counter: the main window paints first, then the database, login and pages."""

from __future__ import annotations

import gc
import logging
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QTimer

from station_app import paths
from station_app.config import Language, Settings, load_settings, save_settings
from station_app.data_folder import DataFolderLock, check_data_folder
from station_app.errors import DataFolderError
from station_app.ui.counter import main_window as main_window_module
from station_app.ui.shared import application
from station_app.ui.shared.task_runner import TaskRunner

if TYPE_CHECKING:
    from station_app.core.station_session import StationInfo, StationSession
    from station_app.database import Database
    from station_app.errors import UserError
    from station_app.ui.counter.main_window import MainWindow
    from station_app.ui.shared.context import AppContext

log = logging.getLogger(__name__)

START_ANYWAY_MS = 1000


def run_counter(
    data_dir: Path, *, language: Language | None = None, database_error_code: int = 2
) -> int:
    """Runs the counter application until its main window closes; returns the exit code.

    The main window paints first (only Qt, the font and the translation are loaded by then);
    the database opens right after, behind it, followed by the first-start set-up or the login
    dialog over the window. A slow start (a database upgrade with its backup copy, say) thus
    shows what it is doing instead of nothing.

    Before anything is written the data folder is checked and locked for the whole run: a
    folder that cannot be used, or one another copy of the program is using, is a message
    and `database_error_code`, with nothing created or changed.

    `language` overrides the saved language for this run only (it is not saved).
    """
    lock = DataFolderLock(data_dir)
    try:
        check_data_folder(data_dir)
        lock.acquire()
    except DataFolderError as exc:
        return _refuse(data_dir, exc, language, database_error_code)
    try:
        return _run_counter(data_dir, language, database_error_code)
    finally:
        lock.release()


def _refuse(
    data_dir: Path, error: DataFolderError, language: Language | None, exit_code: int
) -> int:
    """Says why the data folder cannot be used (no window, no log file: nothing is written)."""
    log.error("%s", error)
    settings_file = paths.settings_path(data_dir)
    saved = load_settings(settings_file) if settings_file.is_file() else Settings()
    app = application.create_application()
    application.install_translators(app, language or saved.language)
    application.show_user_error(None, error)
    return exit_code


def _run_counter(data_dir: Path, language: Language | None, database_error_code: int) -> int:
    log_file = application.set_up_file_logging(data_dir)
    saved = load_settings(paths.settings_path(data_dir))
    running_language: Language = language or saved.language
    app = application.create_application()
    application.route_qt_messages()
    application.install_translators(app, running_language)
    crash_handler = application.CrashHandler(log_file)
    crash_handler.install()
    window = main_window_module.MainWindow()
    window.show_progress(QCoreApplication.translate("Startup", "Opening the station database…"))
    window.show()
    session = _Session(window, data_dir, running_language, database_error_code)
    # The slow part starts once the window is on screen; the timer only guards against a
    # window that never paints (hidden at once by the window manager, say).
    window.first_painted.connect(session.start)
    QTimer.singleShot(START_ANYWAY_MS, session.start)
    try:
        code = app.exec()
        return session.exit_code if session.exit_code is not None else code
    finally:
        session.close()
        crash_handler.uninstall()


class _Session:
    """Opens the database and logs a user in, behind the already painted main window.

    The slow calls leave the GUI thread: the database opens (importing SQLAlchemy, perhaps a
    backup and an upgrade) on the app's one task runner, whose thread the login and set-up
    dialogs then use for their password hashing and the pages for their database work.
    """

    def __init__(
        self, window: MainWindow, data_dir: Path, language: Language, database_error_code: int
    ) -> None:
        self.window = window
        self.database_error_code = database_error_code
        self.data_dir = data_dir
        self.language = language
        self.runner = TaskRunner()
        self.db: Database | None = None
        self.context: AppContext | None = None
        self.started = False
        self.exit_code: int | None = None

    def start(self) -> None:
        if self.started:
            return
        self.started = True
        data_dir = self.data_dir
        self.runner.run(lambda: _open(data_dir), self._opened, self._not_opened)

    def _not_opened(self, error: UserError) -> None:
        log.error("cannot open the database: %s", error)
        application.show_user_error(self.window, error)
        self._quit(self.database_error_code)

    def _opened(self, opened: tuple[Database, StationInfo | None]) -> None:
        from station_app.ui.counter.setup_dialog import run_setup_dialog

        db, station = opened
        self.db = db
        settings_file = paths.settings_path(self.data_dir)
        self.window.show_progress("")
        self.window.logged_out.connect(self._log_in_again)
        if station is None:
            session = run_setup_dialog(db, self.window, runner=self.runner)
            if session is not None:
                saved = replace(load_settings(settings_file), last_username=session.actor.username)
                save_settings(settings_file, saved)
            self._open_session(session)
        else:
            self._log_in(station)
        # What exists now (modules, Qt's wrappers, the ORM's registry: some 300,000 objects)
        # lives as long as the app. Out of the cyclic collector's sight, its full collections
        # take a few ms instead of freezing the window for about 100 ms now and then.
        gc.freeze()

    def _log_in(self, station: StationInfo) -> None:
        """The login dialog over the window; its user's pages, or the end of the app."""
        from station_app.ui.counter.login_dialog import run_login_dialog

        assert self.db is not None
        settings_file = paths.settings_path(self.data_dir)
        session = run_login_dialog(
            self.db,
            station,
            load_settings(settings_file),
            settings_file,
            self.window,
            running_language=self.language,
            runner=self.runner,
        )
        self._open_session(session)

    def _open_session(self, session: StationSession | None) -> None:
        from station_app.ui.shared.context import AppContext

        if session is None:
            log.info("no user logged in: quitting")
            self._quit(0)
            return
        log.info("%s logged in at %s", session.actor.username, session.station.community_name)
        saved = load_settings(paths.settings_path(self.data_dir))  # the dialog may have saved
        self.context = AppContext.create(
            session, settings=saved, data_dir=self.data_dir, runner=self.runner
        )
        self.window.open_session(self.context)

    def _log_in_again(self) -> None:
        """After a log-out (the window has closed the session): the login over the same database."""
        context, self.context = self.context, None
        if context is None:
            return
        log.info("%s logged out", context.actor.username)
        self._log_in(context.station)

    def _quit(self, code: int) -> None:
        # Closing the last window ends app.exec(); run_gui then returns this code.
        self.exit_code = code
        self.window.close()

    def close(self) -> None:
        if self.context is not None:
            self.context.close()
        self.runner.shutdown()
        if self.db is not None:
            self.db.close()


def _make_widget_types() -> None:
    """On the runner: has PySide6 make the Python types of every QtWidgets class now.

    It makes them on first use, all 73 at once at the first call that returns a widget (the
    first page's table asking for its viewport): 50 ms on the GUI thread, right after the login.
    Done while the window shows only its progress line, before any dialog, as the imports
    beside it are: then the GUI thread is not making types of its own meanwhile.
    """
    from PySide6 import QtWidgets

    for name in dir(QtWidgets):
        getattr(QtWidgets, name, None)


def _open(data_dir: Path) -> tuple[Database, StationInfo | None]:
    """On the runner's thread: opens (backs up, upgrades) the database, reads the station."""
    from station_app.database import open_database
    from station_app.services import code_search, code_tables, name_pinyin
    from station_app.services.station import station_info

    # The dialogs' and pages' modules too: they import the services (argon2, the models),
    # which took a while on the GUI thread at login.
    from station_app.ui.counter import (  # noqa: F401
        employers,
        login_dialog,
        residents,
        setup_dialog,
        users,
    )

    db = open_database(paths.database_path(data_dir), backups=paths.backups_dir(data_dir))
    # Before the login dialog: loading pypinyin during the first save stalled the window.
    name_pinyin.warm_up()
    code_tables.education_levels()  # read by the first form otherwise
    code_search.warm_up()  # the occupations and their pinyin, for the pickers
    _make_widget_types()
    try:
        return db, station_info(db)
    except BaseException:
        db.close()
        raise
