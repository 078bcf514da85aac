"""The main window: navigation on the left, the pages on the right, who and where below."""

from __future__ import annotations

import logging
from datetime import date
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QEvent, QObject, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QStatusBar,
    QWidget,
)

from station_app import __version__
from station_app.ui.shared import catalogue

if TYPE_CHECKING:
    from station_app.core.station_session import StationSession
    from station_app.errors import UserError
    from station_app.models import UserRole
    from station_app.ui.shared.context import AppContext

log = logging.getLogger(__name__)

# Nothing here imports the database layer at module level: the window paints first, while
# the database opens (see app.py); the pages, which need it, are imported when a user logs in.

DEMO_MARKER_STYLE = (
    "QLabel { color: white; background: #d35400; font-weight: bold; padding: 1px 8px;"
    " border-radius: 3px; }"
)
NAVIGATION_WIDTH = 150
NAVIGATION_STYLE = (
    "QListWidget#navigation { font-size: 11pt; } QListWidget#navigation::item { padding: 6px; }"
)
DATABASE_PATH_WIDTH = 420  # pixels; longer paths are elided in the middle
DEFAULT_SIZE = QSize(1280, 800)
EXPIRY_CHECK_MS = 3_600_000  # an hour
LOG_OUT_WAIT_MS = 10_000  # how long a log-out waits for the database work under way


class PageClass(Protocol):
    """What a page of the main window offers: a translated title and a context constructor."""

    @staticmethod
    def navigation_title() -> str: ...

    def __call__(self, context: AppContext, parent: QWidget | None = None) -> QWidget: ...


def default_pages() -> tuple[PageClass, ...]:
    """The pages in navigation order; a new page is one more entry here.

    A page class with a `required_permission` is shown only to users who have it.
    """
    from station_app.ui.counter.employers import EmployersPage
    from station_app.ui.counter.jobs import JobsPage
    from station_app.ui.counter.residents import ResidentsPage
    from station_app.ui.counter.sync import SyncPage
    from station_app.ui.counter.today import TodayPage
    from station_app.ui.counter.users import UsersPage

    return (TodayPage, ResidentsPage, EmployersPage, JobsPage, SyncPage, UsersPage)


def allowed_pages(pages: tuple[PageClass, ...], session: StationSession) -> tuple[PageClass, ...]:
    """The pages this session's user may open (by each page's `required_permission`)."""
    return tuple(
        page
        for page in pages
        if (required := getattr(page, "required_permission", None)) is None or session.can(required)
    )


class MainWindow(QMainWindow):
    """Hosts the pages; owns no data itself (each page works through the services).

    It can paint before anyone has logged in (showing what the start is doing) and receives
    the pages with `open_session` once a user has; given a context it does both at once.
    """

    first_painted = Signal()  # the window is on screen: slow start-up work may begin
    logged_out = Signal()  # the worker logged out: the start asks for a login again

    def __init__(
        self,
        context: AppContext | None = None,
        parent: QWidget | None = None,
        *,
        pages: tuple[PageClass, ...] | None = None,
    ) -> None:
        super().__init__(parent)
        self.context: AppContext | None = None
        self.setWindowTitle(self.tr("Smart Employment Station"))
        screen = self.screen()
        room = screen.availableGeometry().size() if screen is not None else DEFAULT_SIZE
        self.resize(DEFAULT_SIZE.boundedTo(room))  # a 1366×768 screen leaves less than 800
        self.navigation = QListWidget()
        self.navigation.setObjectName("navigation")
        self.navigation.setFixedWidth(NAVIGATION_WIDTH)
        self.navigation.setStyleSheet(NAVIGATION_STYLE)
        self.stack = QStackedWidget()
        # A page is built when first shown (building every page at login froze the window):
        # until then its place in the stack holds an empty widget.
        self._page_classes: list[PageClass] = []
        self._built: dict[int, QWidget] = {}
        self.progress_label = QLabel(self.tr("Starting…"))
        self.progress_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.progress_label.installEventFilter(self)
        self._painted = False
        self.stack.addWidget(self.progress_label)
        self.navigation.currentRowChanged.connect(self._show_page_at)

        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.navigation)
        layout.addWidget(self.stack, stretch=1)
        self.setCentralWidget(central)
        self._build_menus()
        if context is not None:
            self.open_session(context, pages=pages)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            not self._painted
            and watched is self.progress_label
            and event.type() == QEvent.Type.Paint
        ):
            self._painted = True
            # Emitted from the next loop iteration, once this paint has reached the screen.
            QTimer.singleShot(0, self.first_painted.emit)
        return super().eventFilter(watched, event)

    def show_progress(self, text: str) -> None:
        """What the start is doing, shown until the pages arrive."""
        self.progress_label.setText(text)

    def open_session(
        self, context: AppContext, *, pages: tuple[PageClass, ...] | None = None
    ) -> None:
        """Builds the pages for the logged-in user and shows the first."""
        self.context = context
        self.setWindowTitle(
            self.tr("Smart Employment Station — {community}").format(
                community=context.station.community_name
            )
        )
        chosen = pages if pages is not None else default_pages()
        for page_class in allowed_pages(chosen, context.session):
            self._page_classes.append(page_class)
            self.stack.addWidget(QWidget())
            self.navigation.addItem(page_class.navigation_title())
        self.stack.removeWidget(self.progress_label)
        self.progress_label.hide()
        if self._page_classes:
            self.navigation.setCurrentRow(0)
        self._build_status_bar(context)
        from station_app.ui.counter.card_reader import attach_card_reader  # the database layer

        self.card_reader = attach_card_reader(self, context)
        # Jobs and recognitions whose validity ended expire at the login, and each hour after
        # (a day may turn).
        self._run_housekeeping()
        self._expiry_timer = QTimer(self)
        self._expiry_timer.setInterval(EXPIRY_CHECK_MS)
        self._expiry_timer.timeout.connect(self._run_housekeeping)
        self._expiry_timer.start()
        self.log_out_action.setEnabled(True)

    def log_out(self) -> bool:
        """Ends the worker's session, then emits `logged_out`; False if the worker kept editing.

        Unsaved edits in an open form are never dropped without asking.
        """
        if self.context is None:
            return False
        from station_app.ui.counter.record_form import RecordFormDialog  # the database layer

        for dialog in self._open_dialogs():
            if isinstance(dialog, RecordFormDialog) and dialog.has_unsaved_edits:
                dialog.raise_()  # the form asks itself, where the worker sees which one
                if not dialog.confirm_discard():
                    return False
        self.close_session()
        self.logged_out.emit()
        return True

    def _open_dialogs(self) -> list[QDialog]:
        return [dialog for dialog in self.findChildren(QDialog) if dialog.isVisible()]

    def close_session(self) -> None:
        """Closes the dialogs and the pages, records the log-out and stops the session's sync.

        The database and the app's task runner stay for the next login; the work under way on
        the runner (a save, say) ends first, so its result still reaches its page.
        """
        context = self.context
        if context is None:
            return
        from station_app.services.auth import log_out  # the database layer

        self.log_out_action.setEnabled(False)
        self._expiry_timer.stop()
        self.card_reader.watch.stop()
        self.removeAction(self.card_reader.read_action)
        dialogs = self._open_dialogs()
        for dialog in dialogs:
            dialog.done(QDialog.DialogCode.Rejected)  # not reject(): that would ask again
        session = context.session
        context.runner.run(lambda: session.perform(log_out), lambda _r: None, _log_out_unrecorded)
        # The app's runner stays open for the next login: what is still under way after the
        # wait reports to no page (results for deleted widgets are dropped).
        context.runner.wait_idle(LOG_OUT_WAIT_MS)
        context.end_session()
        self.context = None
        self.navigation.blockSignals(True)
        self.navigation.clear()
        self.navigation.blockSignals(False)
        self.stack.addWidget(self.progress_label)
        self.stack.setCurrentWidget(self.progress_label)
        self.progress_label.show()
        for row in reversed(range(self.stack.count())):
            widget = self.stack.widget(row)
            if widget is not self.progress_label:
                self.stack.removeWidget(widget)
                widget.deleteLater()
        for dialog in dialogs:
            dialog.deleteLater()
        self._page_classes.clear()
        self._built.clear()
        self._expiry_timer.deleteLater()
        self.card_reader.deleteLater()
        self.setStatusBar(QStatusBar())  # the old one, with the session's facts, goes
        self.setWindowTitle(self.tr("Smart Employment Station"))
        self.show_progress(self.tr("Logged out."))

    def _run_housekeeping(self) -> None:
        from station_app.services.housekeeping import run_daily_housekeeping

        session = self.context.session
        self.context.runner.run(
            lambda: session.perform(run_daily_housekeeping, date.today()),
            lambda _done: None,
            lambda _e: None,
        )

    @property
    def pages(self) -> list[QWidget]:
        """Every page of the session, in navigation order (building those not yet shown)."""
        return [self.page(row) for row in range(self.page_count())]

    def page_count(self) -> int:
        return len(self._page_classes)

    def page(self, row: int) -> QWidget:
        """The page at this row of the navigation, built now if it has not been shown yet."""
        page = self._built.get(row)
        if page is None:
            assert self.context is not None
            placeholder = self.stack.widget(row)
            page = self._built[row] = self._page_classes[row](self.context, self.stack)
            self.stack.insertWidget(row, page)
            self.stack.removeWidget(placeholder)
            placeholder.deleteLater()
        return page

    def show_page(self, index: int) -> None:
        self.navigation.setCurrentRow(index)

    def show_page_of(self, page_class: type) -> QWidget | None:
        """Shows the page of this class (if the user has it) and returns it."""
        for row, candidate in enumerate(self._page_classes):
            if candidate is page_class:
                self.show_page(row)
                return self.page(row)
        return None

    def _show_page_at(self, row: int) -> None:
        if 0 <= row < self.page_count():
            page = self.page(row)
            self.stack.setCurrentWidget(page)
            page.setFocus()

    def current_page(self) -> QWidget | None:
        return self.stack.currentWidget()

    def role_text(self, role: UserRole) -> str:
        return catalogue.current().label(role)

    def show_about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About Smart Employment Station"),
            self.tr(
                "<h3>Smart Employment Station</h3>"
                "<p>Version {version}</p>"
                "<p>Software for the community employment stations of Jieshou.</p>"
            ).format(version=__version__),
        )

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        self.quit_action = QAction(self.tr("E&xit"), self)
        self.quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        self.quit_action.triggered.connect(self.close)
        self.password_action = QAction(self.tr("Change my password…"), self)
        self.password_action.triggered.connect(self.open_password_dialog)
        file_menu.addAction(self.password_action)
        self.log_out_action = QAction(self.tr("Log out / switch user"), self)
        self.log_out_action.setShortcut(QKeySequence("Ctrl+Shift+L"))
        self.log_out_action.setEnabled(False)  # until a user has logged in
        self.log_out_action.triggered.connect(self.log_out)
        file_menu.addAction(self.log_out_action)
        file_menu.addAction(self.quit_action)
        self._build_go_menu()

        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        self.about_action = QAction(self.tr("&About"), self)
        self.about_action.triggered.connect(self.show_about)
        help_menu.addAction(self.about_action)

    def open_password_dialog(self) -> QDialog | None:
        """The logged-in user's password change (not modal); None before a login."""
        if self.context is None:
            return None
        # Imported here: the window paints before the services (and SQLAlchemy) are loaded.
        from station_app.ui.counter.password_dialog import ChangePasswordDialog

        dialog = ChangePasswordDialog(self.context, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog

    def _build_go_menu(self) -> None:
        """The pages from the keyboard: home (the first page), next, previous, Alt+number."""
        go_menu = self.menuBar().addMenu(self.tr("&Go"))
        self.home_action = QAction(self.tr("Home page"), self)
        self.home_action.setShortcut(QKeySequence("Alt+Home"))
        self.home_action.triggered.connect(lambda: self.show_page(0))
        self.next_page_action = QAction(self.tr("Next page"), self)
        self.next_page_action.setShortcut(QKeySequence("Ctrl+PgDown"))
        self.next_page_action.triggered.connect(lambda: self._step_page(1))
        self.previous_page_action = QAction(self.tr("Previous page"), self)
        self.previous_page_action.setShortcut(QKeySequence("Ctrl+PgUp"))
        self.previous_page_action.triggered.connect(lambda: self._step_page(-1))
        for action in (self.home_action, self.next_page_action, self.previous_page_action):
            go_menu.addAction(action)
        for number in range(1, 10):
            jump = QAction(self)
            jump.setShortcut(QKeySequence(f"Alt+{number}"))
            jump.triggered.connect(lambda _checked=False, row=number - 1: self._jump_to(row))
            self.addAction(jump)

    def _jump_to(self, row: int) -> None:
        if row < self.page_count():
            self.show_page(row)

    def _step_page(self, step: int) -> None:
        count = self.page_count()
        if count:
            self.show_page((self.navigation.currentRow() + step) % count)

    def _build_status_bar(self, context: AppContext) -> None:
        station, actor = context.station, context.actor
        bar = self.statusBar()
        self.demo_marker = QLabel(self.tr("DEMO DATA"))
        self.demo_marker.setObjectName("demo_marker")
        self.demo_marker.setStyleSheet(DEMO_MARKER_STYLE)
        self.demo_marker.setToolTip(
            self.tr("This database holds invented people for practice, not real residents.")
        )
        self.demo_marker.setVisible(station.is_demo)
        self.station_label = QLabel(
            self.tr("Station: {community}, {street}").format(
                community=station.community_name, street=station.street
            )
        )
        self.user_label = QLabel(
            self.tr("User: {name} ({role})").format(
                name=actor.display_name, role=self.role_text(actor.role)
            )
        )
        path = str(context.db.path)
        self.database_label = QLabel()
        shown = self.database_label.fontMetrics().elidedText(
            path, Qt.TextElideMode.ElideMiddle, DATABASE_PATH_WIDTH
        )
        self.database_label.setText(self.tr("Database: {path}").format(path=shown))
        self.database_label.setToolTip(path)
        if station.is_demo:
            bar.addWidget(self.demo_marker)
        bar.addWidget(self.station_label)
        bar.addWidget(self.user_label)
        from station_app.ui.shared.sync_indicator import SyncIndicator  # the database layer

        self.sync_indicator = SyncIndicator(context.sync)
        bar.addPermanentWidget(self.sync_indicator)
        bar.addPermanentWidget(self.database_label)
        context.sync.start()


def _log_out_unrecorded(error: UserError) -> None:
    log.warning("the log-out could not be recorded: %s", error)
