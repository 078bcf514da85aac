"""安置到岗位: find an open job and place the resident in it; a refusal shows its reason."""

from __future__ import annotations

from datetime import date

import shiboken6
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from station_app.errors import UserError
from station_app.models import EmploymentStatus
from station_app.services.placements import JobChoice, open_jobs, place_resident
from station_app.ui.shared import catalogue
from station_app.ui.shared.application import user_error_text
from station_app.ui.shared.context import AppContext
from station_app.ui.shared.form_rows import notice_label, show_notice

SEARCH_DELAY_MS = 200


class PlacementDialog(QDialog):
    """Searches the open jobs by title or employer; "Place" records the placement."""

    def __init__(
        self, context: AppContext, resident_id: str, name: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._context = context
        self.resident_id = resident_id
        self.jobs: tuple[JobChoice, ...] = ()
        self.setWindowTitle(self.tr("Place in a job: {name}").format(name=name))
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Find a job by its title or employer"))
        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Job"),
                self.tr("Employer"),
                self.tr("Kind"),
                self.tr("Places filled"),
                self.tr("Valid until"),
            ]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.place_button = QPushButton(self.tr("Place in the selected job"))
        self.place_button.setEnabled(False)
        self.message = notice_label()
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        close.rejected.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addWidget(self.place_button)
        bottom.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        layout.addLayout(bottom)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.find_jobs)
        self.search.textChanged.connect(lambda _text: self._timer.start())
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.place_button.clicked.connect(self.place_selected)
        self.resize(900, 560)

    def find_jobs(self) -> None:
        station, text, today = self._context.session, self.search.text(), date.today()
        self._context.runner.run(
            lambda: station.query(open_jobs, text, on_day=today), self._jobs_arrived, self._failed
        )

    def _jobs_arrived(self, jobs: tuple[JobChoice, ...]) -> None:
        if not shiboken6.isValid(self):
            return
        self.jobs = jobs
        self.table.setRowCount(len(jobs))
        for row, job in enumerate(jobs):
            values = (
                job.title,
                job.employer_name,
                catalogue.current().label(job.kind),
                f"{job.filled}/{job.headcount}",
                job.valid_to.isoformat() if job.valid_to else "",
            )
            for column, text in enumerate(values):
                self.table.setItem(row, column, QTableWidgetItem(text))
        if jobs:
            self.table.selectRow(0)
        self._selection_changed()

    def _selection_changed(self) -> None:
        self.place_button.setEnabled(self.selected_job() is not None)

    def selected_job(self) -> JobChoice | None:
        rows = self.table.selectionModel().selectedRows()
        return self.jobs[rows[0].row()] if rows and rows[0].row() < len(self.jobs) else None

    def place_selected(self) -> None:
        job = self.selected_job()
        if job is None:
            return
        station, resident_id, today = self._context.session, self.resident_id, date.today()
        show_notice(self.message, "")
        self._context.runner.run(
            lambda: station.perform(place_resident, resident_id, job.id, on_day=today),
            lambda status: self._placed(job, status),
            self._failed,
        )

    def _placed(self, job: JobChoice, status: EmploymentStatus) -> None:
        if not shiboken6.isValid(self):
            return
        text = self.tr("Placed in {job} at {employer}; the status is now {status}.").format(
            job=job.title, employer=job.employer_name, status=catalogue.current().label(status)
        )
        show_notice(self.message, text, error=False)
        self.find_jobs()

    def _failed(self, error: UserError) -> None:
        if shiboken6.isValid(self):
            show_notice(self.message, user_error_text(error))

    def message_text(self) -> str:
        return self.message.text() if self.message.isVisibleTo(self) else ""
