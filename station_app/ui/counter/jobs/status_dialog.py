"""Moving a job's status by hand: where it may go (services.jobs.TRANSITIONS), when and why."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from station_app.errors import UserError
from station_app.models import JobStatus
from station_app.services.jobs import MAX_REASON, allowed_moves, change_job_status
from station_app.ui.counter.jobs.labels import refusal_text, status_label
from station_app.ui.shared.context import AppContext
from station_app.ui.shared.dialog_buttons import StandardButton, action_buttons
from station_app.ui.shared.form_rows import notice_label, show_notice


class JobStatusDialog(QDialog):
    """Asks for the new status, its date (today by default) and the reason; saves it."""

    def __init__(
        self,
        context: AppContext,
        job_id: str,
        row_version: int,
        status: JobStatus,
        title: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._context = context
        self._job = (job_id, row_version)
        self.new_status = QComboBox()
        for target in JobStatus:
            if target in allowed_moves(status):
                self.new_status.addItem(status_label(target), target.value)
        today = date.today()
        self.on = QDateEdit(QDate(today.year, today.month, today.day))
        self.on.setCalendarPopup(True)
        self.on.setMaximumDate(QDate(today.year, today.month, today.day))
        self.reason = QLineEdit()
        self.reason.setMaxLength(MAX_REASON)
        self.reason.setPlaceholderText(self.tr("Why the status changes"))
        self.notice = notice_label()
        form = QFormLayout()
        form.addRow(self.tr("Job"), QLabel(title))
        form.addRow(self.tr("Now"), QLabel(status_label(status)))
        form.addRow(self.tr("New status"), self.new_status)
        form.addRow(self.tr("Date"), self.on)
        form.addRow(self.tr("Reason"), self.reason)
        buttons, self.ok_button = action_buttons(
            self, StandardButton.Ok, self.tr("Change the status"), self.save
        )
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.notice)
        layout.addWidget(buttons)
        self.setWindowTitle(self.tr("Change the job's status"))
        self.resize(420, self.sizeHint().height())
        self.reason.setFocus()

    def save(self) -> None:
        job_id, version = self._job
        target = JobStatus(self.new_status.currentData())
        day = self.on.date()
        on = date(day.year(), day.month(), day.day())
        reason = self.reason.text()
        station = self._context.session

        def write() -> None:
            station.perform(change_job_status, job_id, version, target, on=on, reason=reason)

        self.ok_button.setEnabled(False)
        self._context.runner.run(write, lambda _none: self.accept(), self._refused)

    def _refused(self, error: UserError) -> None:
        self.ok_button.setEnabled(True)
        show_notice(self.notice, refusal_text(error))
