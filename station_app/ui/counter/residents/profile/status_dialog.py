"""Recording a dated change of a resident's employment status, from their profile."""

from __future__ import annotations

from datetime import date

import shiboken6
from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from station_app.models import EmploymentStatus
from station_app.models.enums import DeregistrationReason
from station_app.services.employers import EmployerRow, list_employers
from station_app.services.status_history import (
    WITH_EMPLOYER,
    StatusChangeInput,
    record_status_change,
)
from station_app.ui.counter.residents.labels import status_label
from station_app.ui.shared import catalogue
from station_app.ui.shared.background_save import BackgroundSave
from station_app.ui.shared.context import AppContext
from station_app.ui.shared.dialog_buttons import StandardButton, action_buttons
from station_app.ui.shared.form_rows import notice_label

MAX_EMPLOYERS = 500


class StatusChangeDialog(QDialog):
    """The new status, from which day, the official reason when an unemployment ends, the
    employer when employed and a note; saved in the background (`recorded(entry id)`)."""

    recorded = Signal(str)

    def __init__(
        self,
        context: AppContext,
        resident_id: str,
        current: EmploymentStatus,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._context = context
        self._resident_id = resident_id
        self.status = QComboBox()
        for status in EmploymentStatus:
            if status != current:
                self.status.addItem(status_label(status), status)
        self.since = QDateEdit(QDate.currentDate())
        self.since.setCalendarPopup(True)
        self.since.setDisplayFormat("yyyy-MM-dd")
        self.since.setMaximumDate(QDate.currentDate())
        texts = catalogue.current()
        self.reason = QComboBox()
        self.reason.addItem(self.tr("(not ending an unemployment)"), None)
        for reason in DeregistrationReason:
            self.reason.addItem(texts.label(reason), reason)
        if current == EmploymentStatus.UNEMPLOYED:
            self.reason.setCurrentIndex(1)
        self.employer = QComboBox()
        self.employer.addItem(self.tr("(none)"), None)
        self.note = QLineEdit()
        self.message = notice_label()
        form = QFormLayout()
        form.addRow(self.tr("New status"), self.status)
        form.addRow(self.tr("Since"), self.since)
        form.addRow(self.tr("Reason for de-registration"), self.reason)
        form.addRow(self.tr("Employer"), self.employer)
        form.addRow(self.tr("Note"), self.note)
        self.buttons, self.save_button = action_buttons(
            self, StandardButton.Save, self.tr("Save"), self.save
        )
        self._save = BackgroundSave(self, context.runner, self.save_button, self.message)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.status.currentIndexChanged.connect(self._status_changed)
        self._status_changed()
        self.setWindowTitle(self.tr("Record a change of employment status"))
        self.resize(560, 300)
        station = context.session
        context.runner.run(
            lambda: station.query(list_employers, "", MAX_EMPLOYERS), self._employers_ready
        )

    def _employers_ready(self, employers: list[EmployerRow]) -> None:
        if not shiboken6.isValid(self):
            return
        for row in employers:
            self.employer.addItem(row.name, row.id)

    def _status_changed(self) -> None:
        self.employer.setEnabled(self.status.currentData() in WITH_EMPLOYER)

    def change(self) -> StatusChangeInput:
        since = self.since.date()
        with_employer = self.status.currentData() in WITH_EMPLOYER
        return StatusChangeInput(
            status=self.status.currentData(),
            since=date(since.year(), since.month(), since.day()),
            reason=self.reason.currentData(),
            employer_id=self.employer.currentData() if with_employer else None,
            note=self.note.text(),
        )

    def save(self) -> None:
        change, station, resident_id = self.change(), self._context.session, self._resident_id
        self._save.run(
            lambda: station.perform(record_status_change, resident_id, change), self._saved
        )

    def message_text(self) -> str:
        return self.message.text() if self.message.isVisibleTo(self) else ""

    def _saved(self, entry_id: str) -> None:
        self.recorded.emit(entry_id)
        self.accept()

    def reject(self) -> None:
        if not self._save.busy:  # a save under way must land
            super().reject()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.accept()  # Enter is pressed between fields: it does not save
            return
        super().keyPressEvent(event)
