"""The ID-card reader at the counter: polled on a timer, F4 reads now; a card opens the person.

A card whose ID number is registered opens that resident's profile; an unknown one opens the
registration form filled from the card (name, address and ID number; the form derives the
birth date and sex from the number). The reader is polled on a thread of its own, so a slow
read never holds the database thread or the window.
"""

from __future__ import annotations

import logging

import shiboken6
from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow

from station_app.devices.id_card import CardData, CardReader, NoReader, reader_from_setting
from station_app.errors import UserError
from station_app.services.residents import find_by_id_number
from station_app.ui.counter.residents import ResidentsPage
from station_app.ui.shared.application import user_error_text
from station_app.ui.shared.context import AppContext
from station_app.ui.shared.task_runner import TaskRunner

log = logging.getLogger(__name__)
POLL_INTERVAL_MS = 800
READ_NOW_KEY = "F4"


class CardReaderWatch(QObject):
    """Asks the reader for a card every POLL_INTERVAL_MS (never two asks at once)."""

    card_read = Signal(object)  # CardData
    read_failed = Signal(object)  # UserError

    def __init__(self, reader: CardReader, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.reader = reader
        self._runner: TaskRunner | None = None  # the reader's own thread, made at the first ask
        self.timer = QTimer(self)
        self.timer.setInterval(POLL_INTERVAL_MS)
        self.timer.timeout.connect(self.read_now)

    def start(self) -> None:
        """Starts polling, unless there is no reader."""
        if not isinstance(self.reader, NoReader):
            self.timer.start()

    def stop(self) -> None:
        self.timer.stop()
        if self._runner is not None:
            self._runner.shutdown()
        self.reader.close()

    def read_now(self) -> None:
        """Asks the reader now (F4, or the timer); ignored while an ask is under way."""
        if isinstance(self.reader, NoReader):
            return
        if self._runner is None:
            self._runner = TaskRunner(self)
        if self._runner.busy:
            return
        self._runner.run(self.reader.poll, self._polled, self._failed)

    def _polled(self, card: CardData | None) -> None:
        if card is not None and shiboken6.isValid(self):
            self.card_read.emit(card)

    def _failed(self, error: UserError) -> None:
        if shiboken6.isValid(self):
            self.read_failed.emit(error)


class CardAtCounter(QObject):
    """Opens the resident of each card read, on the residents page of `window`."""

    def __init__(self, window: QMainWindow, context: AppContext, reader: CardReader) -> None:
        super().__init__(window)  # the window, reached as parent(): no reference cycle
        self._context = context
        self.watch = CardReaderWatch(reader, self)
        self.watch.card_read.connect(self.open_card)
        self.watch.read_failed.connect(self._show_failure)
        self.read_action = QAction(self.tr("Read ID card"), window)
        self.read_action.setShortcut(QKeySequence(READ_NOW_KEY))
        self.read_action.triggered.connect(self.watch.read_now)
        window.addAction(self.read_action)  # the key works wherever the focus is
        self.watch.start()

    def open_card(self, card: CardData) -> None:
        """Looks the card's ID number up (on the database thread) and opens what fits."""
        station = self._context.session
        self._context.runner.run(
            lambda: station.query(find_by_id_number, card.id_number),
            lambda resident_id: self._open(card, resident_id),
            self._show_failure,
        )

    def _window(self) -> QMainWindow | None:
        window = self.parent()
        return window if isinstance(window, QMainWindow) and shiboken6.isValid(window) else None

    def _residents_page(self) -> ResidentsPage | None:
        show_page_of = getattr(self._window(), "show_page_of", None)
        page = show_page_of(ResidentsPage) if show_page_of is not None else None
        return page if isinstance(page, ResidentsPage) else None

    def _open(self, card: CardData, resident_id: str | None) -> None:
        window = self._window()
        page = self._residents_page()
        if window is None or page is None:
            return  # the window is gone, or this user has no residents page
        if resident_id is not None:
            page.open_profile(resident_id)
            return
        form = page.open_register_form()
        form.set_field_text("id_number", card.id_number)
        form.set_field_text("name", card.name)
        form.set_field_text("address", card.address)
        window.statusBar().showMessage(
            self.tr("Card read: {name} is not registered yet.").format(name=card.name), 8000
        )

    def _show_failure(self, error: UserError) -> None:
        log.info("card reader: %s", error)
        window = self._window()
        if window is not None:
            window.statusBar().showMessage(user_error_text(error), 8000)


def attach_card_reader(
    window: QMainWindow, context: AppContext, reader: CardReader | None = None
) -> CardAtCounter:
    """Connects the reader (default: the one STATION_ID_CARD_READER names) to the window.

    A reader that cannot be opened is reported in the status bar; the counter works on
    without one (F4 then reads nothing).
    """
    if reader is None:
        try:
            reader = reader_from_setting()
        except UserError as error:
            log.warning("no card reader: %s", error)
            window.statusBar().showMessage(user_error_text(error), 15000)
            reader = NoReader()
    return CardAtCounter(window, context, reader)
