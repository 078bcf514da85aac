"""An employer's jobs and contact history, with the key-enterprise flag and the liaison (包保).

Opened from the employers page (Ctrl+J): the employer's jobs (Ctrl+N registers one for it),
and its contacts, newest first, with a line to record one more (Ctrl+Return saves it).
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from station_app.core.changes import ChangeSet
from station_app.core.permissions import Permission
from station_app.errors import UserError
from station_app.models import ServiceChannel
from station_app.services.employer_contacts import (
    MAX_NOTE,
    MAX_PERSON,
    ContactInput,
    contact_history,
    record_contact,
)
from station_app.services.employers import get_employer
from station_app.services.job_query import JobFilter, fetch_job_rows, job_ids
from station_app.ui.counter.jobs.form import JobFormDialog
from station_app.ui.counter.jobs.labels import refusal_text, status_label
from station_app.ui.shared import catalogue
from station_app.ui.shared.context import AppContext
from station_app.ui.shared.form_rows import notice_label, show_notice


def _table(headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.horizontalHeader().setStretchLastSection(True)
    table.verticalHeader().hide()
    return table


def _fill(table: QTableWidget, rows: list[tuple[str, ...]]) -> None:
    table.setRowCount(len(rows))
    for row, cells in enumerate(rows):
        for column, text in enumerate(cells):
            table.setItem(row, column, QTableWidgetItem(text))


class EmployerLedgerDialog(QDialog):
    """The employer's jobs and contacts; not modal, refreshed when they change."""

    def __init__(self, context: AppContext, employer_id: str, parent: QWidget | None = None):
        super().__init__(parent)
        self._context = context
        self._employer_id = employer_id
        station = context.session
        _version, data = station.query(get_employer, employer_id)
        can_write = station.can(Permission.EMPLOYER_WRITE)
        self._job_forms: list[JobFormDialog] = []

        key = self.tr("Yes") if data.key_enterprise else self.tr("No")
        facts = QFormLayout()
        facts.addRow(self.tr("Key enterprise (whitelist)"), QLabel(key))
        facts.addRow(self.tr("Liaison"), QLabel(data.liaison or self.tr("None named")))
        facts.addRow(self.tr("Contact person"), QLabel(data.contact_name or ""))

        self.jobs = _table(
            [self.tr("Job"), self.tr("Status"), self.tr("Filled / posts"), self.tr("Valid until")]
        )
        self.jobs.setColumnWidth(0, 200)
        self.register_job_button = QPushButton(self.tr("Register a job for this employer"))
        self.register_job_button.setToolTip(QKeySequence("Ctrl+N").toString())
        self.register_job_button.setVisible(can_write)
        self.register_job_button.clicked.connect(lambda: self.open_job_form())

        self.contacts = _table(
            [
                self.tr("Date"),
                self.tr("Channel"),
                self.tr("Person"),
                self.tr("Note"),
                self.tr("Recorded by"),
            ]
        )
        today = date.today()
        self.contact_date = QDateEdit(QDate(today.year, today.month, today.day))
        self.contact_date.setCalendarPopup(True)
        self.channel = QComboBox()
        for channel in ServiceChannel:
            self.channel.addItem(catalogue.current().label(channel), channel.value)
        select = self.channel.findData(ServiceChannel.VISIT.value)
        self.channel.setCurrentIndex(max(select, 0))
        self.person = QLineEdit()
        self.person.setMaxLength(MAX_PERSON)
        self.person.setPlaceholderText(self.tr("With whom"))
        self.note = QLineEdit()
        self.note.setMaxLength(MAX_NOTE)
        self.note.setPlaceholderText(self.tr("What was discussed (demand, policies, problems)"))
        self.save_contact_button = QPushButton(self.tr("Record the contact"))
        self.save_contact_button.setToolTip(QKeySequence("Ctrl+Return").toString())
        self.save_contact_button.clicked.connect(self.save_contact)
        self.notice = notice_label()
        entry = QHBoxLayout()
        for widget in (self.contact_date, self.channel, self.person):
            entry.addWidget(widget)
        entry.addWidget(self.note, 1)
        entry.addWidget(self.save_contact_button)
        entry_box = QWidget()
        entry_box.setLayout(entry)
        entry_box.setVisible(can_write)

        jobs_title = QHBoxLayout()
        jobs_title.addWidget(QLabel(self.tr("Jobs")))
        jobs_title.addStretch(1)
        jobs_title.addWidget(self.register_job_button)
        layout = QVBoxLayout(self)
        layout.addLayout(facts)
        layout.addLayout(jobs_title)
        layout.addWidget(self.jobs, 1)
        layout.addWidget(QLabel(self.tr("Contact history")))
        layout.addWidget(self.contacts, 1)
        layout.addWidget(entry_box)
        layout.addWidget(self.notice)
        self.setWindowTitle(self.tr("Jobs and contacts: {name}").format(name=data.name))
        self.resize(820, 600)
        if can_write:
            for key_text, action in (
                ("Ctrl+N", self.open_job_form),
                ("Ctrl+Return", self.save_contact),
            ):
                shortcut = QShortcut(QKeySequence(key_text), self)
                shortcut.activated.connect(action)
        context.changes.changed.connect(self._changes_arrived)
        self.refresh()

    def refresh(self) -> None:
        station = self._context.session
        ids = station.query(job_ids, JobFilter(employer_id=self._employer_id))
        rows = station.query(fetch_job_rows, ids)
        _fill(
            self.jobs,
            [
                (
                    r.title,
                    status_label(r.status),
                    f"{r.filled} / {r.headcount}",
                    r.valid_to.isoformat() if r.valid_to else "",
                )
                for r in (rows[i] for i in ids if i in rows)
            ],
        )
        history = station.query(contact_history, self._employer_id)
        _fill(
            self.contacts,
            [
                (
                    c.contact_date.isoformat(),
                    catalogue.current().label(c.channel),
                    c.person,
                    c.note,
                    c.recorded_by,
                )
                for c in history
            ],
        )
        self.contacts.setColumnWidth(3, 330)

    def _changes_arrived(self, changes: ChangeSet) -> None:
        if changes.touches("job", "employer_contact", "employer", "job_status_change"):
            self.refresh()

    def open_job_form(self) -> JobFormDialog:
        form = JobFormDialog(self._context, self, employer_id=self._employer_id)
        form.employer.setEnabled(False)
        self._job_forms.append(form)
        form.finished.connect(lambda _r, f=form: self._job_forms.remove(f))
        form.show()
        return form

    def save_contact(self) -> None:
        day = self.contact_date.date()
        data = ContactInput(
            date(day.year(), day.month(), day.day()),
            ServiceChannel(self.channel.currentData()),
            self.person.text(),
            self.note.text(),
        )
        station, employer_id = self._context.session, self._employer_id
        self.save_contact_button.setEnabled(False)
        self._context.runner.run(
            lambda: station.perform(record_contact, employer_id, data),
            self._contact_saved,
            self._contact_refused,
        )

    def _contact_saved(self, _contact_id: str) -> None:
        self.save_contact_button.setEnabled(True)
        self.person.clear()
        self.note.clear()
        show_notice(self.notice, self.tr("The contact is recorded."), error=False)
        self.note.setFocus(Qt.FocusReason.OtherFocusReason)

    def _contact_refused(self, error: UserError) -> None:
        self.save_contact_button.setEnabled(True)
        show_notice(self.notice, refusal_text(error))
