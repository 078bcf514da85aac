"""The sync page: the station's link with the city, enrolling it, and the cases to resolve.

The top shows what the status bar says, in full: the server, the last sync, what waits to
be sent, what the city refused and the last failure with its reason; "Sync now" syncs. An
administrator enrols the station here with the city's one-time code. Below are the
conflicts (a field two sides changed: both values side by side, who and when) and merge
cases (one ID number registered at two stations), each resolved with one button.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
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
from station_app.services.sync_cases import (
    CaseRow,
    list_open_cases,
    resolve_conflict,
    resolve_merge,
)
from station_app.sync.status import SyncStatus
from station_app.ui.shared import catalogue
from station_app.ui.shared.context import AppContext
from station_app.ui.shared.form_rows import notice_label, show_notice
from station_app.ui.shared.sync_indicator import when

CASE_ENTITIES = ("sync_conflict", "merge_case")


class SyncPage(QWidget):
    """Status and enrolment above, the open conflicts and merge cases below."""

    required_permission = Permission.RESIDENT_READ
    entity = "sync_conflict"

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._sync = context.sync
        self._rows: list[CaseRow] = []

        self.server_label = QLabel()
        self.station_label = QLabel()
        self.last_sync_label = QLabel()
        self.pending_label = QLabel()
        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        self.sync_button = QPushButton(self.tr("Sync now"))
        status_box = QGroupBox(self.tr("City server"))
        form = QFormLayout(status_box)
        form.addRow(self.tr("Server:"), self.server_label)
        form.addRow(self.tr("This station:"), self.station_label)
        form.addRow(self.tr("Last successful sync:"), self.last_sync_label)
        form.addRow(self.tr("Waiting:"), self.pending_label)
        form.addRow(self.tr("Last failure:"), self.error_label)
        form.addRow("", self.sync_button)

        self.server_edit = QLineEdit()
        self.server_edit.setPlaceholderText("https://city.example:8400")
        self.code_edit = QLineEdit()
        self.code_edit.setPlaceholderText("ABCD-EFGH-JKLM")
        self.enrol_button = QPushButton(self.tr("Enrol"))
        self.enrol_box = QGroupBox(self.tr("Enrol this station with the city server"))
        enrol_form = QFormLayout(self.enrol_box)
        enrol_form.addRow(self.tr("Server address:"), self.server_edit)
        enrol_form.addRow(self.tr("One-time code:"), self.code_edit)
        enrol_form.addRow("", self.enrol_button)
        self.enrol_box.setVisible(context.session.can(Permission.USER_MANAGE))

        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Case"),
                self.tr("Record"),
                self.tr("Field"),
                self.tr("Kept by the city"),
                self.tr("Other value"),
            ]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        for column in range(5):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.keep_button = QPushButton(self.tr("Keep the city's value"))
        self.other_button = QPushButton(self.tr("Use the other value"))
        self.keep_first_button = QPushButton(self.tr("Keep the first record"))
        self.keep_second_button = QPushButton(self.tr("Keep the second record"))
        self.cases_label = QLabel()
        self.message = notice_label()
        cases_box = QGroupBox(self.tr("Conflicts and merge cases"))
        cases_layout = QVBoxLayout(cases_box)
        cases_layout.addWidget(self.cases_label)
        cases_layout.addWidget(self.table, 1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for button in (
            self.keep_button,
            self.other_button,
            self.keep_first_button,
            self.keep_second_button,
        ):
            buttons.addWidget(button)
        cases_layout.addLayout(buttons)
        cases_layout.addWidget(self.message)

        top = QHBoxLayout()
        top.addWidget(status_box, 1)
        top.addWidget(self.enrol_box, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(cases_box, 1)
        self.setFocusProxy(self.table)

        self.sync_button.clicked.connect(self._sync.sync_now)
        self.enrol_button.clicked.connect(self.enrol)
        self.keep_button.clicked.connect(lambda: self.resolve(use_other=False))
        self.other_button.clicked.connect(lambda: self.resolve(use_other=True))
        self.keep_first_button.clicked.connect(lambda: self.keep_record(first=True))
        self.keep_second_button.clicked.connect(lambda: self.keep_record(first=False))
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self._sync.status_changed.connect(self._show_status)
        self._sync.running_changed.connect(self._running_changed)
        self._sync.failed.connect(self._sync_failed)
        context.changes.changed.connect(self._changes_arrived)
        self._show_status(self._sync.status)
        self._update_buttons()
        self.reload()

    @staticmethod
    def navigation_title() -> str:
        return QCoreApplication.translate("SyncPage", "Sync")

    # --- status and enrolment ------------------------------------------------------------

    def _show_status(self, status: SyncStatus) -> None:
        if not shiboken6.isValid(self):
            return
        if status.enrolled:
            self.server_label.setText(status.server_url)
            self.station_label.setText(
                self.tr("{station} (communities {communities})").format(
                    station=status.station_id, communities=", ".join(status.communities)
                )
            )
        else:
            self.server_label.setText(self.tr("not enrolled yet"))
            self.station_label.setText("—")
        self.last_sync_label.setText(when(status.last_success_at))
        self.pending_label.setText(
            self.tr("{pending} change(s) to send, {rejected} refused by the city").format(
                pending=status.pending, rejected=status.rejected
            )
        )
        error = (
            catalogue.current().text(status.error_code, **status.error_params)
            if status.error_code
            else "—"
        )
        self.error_label.setText(error)
        running = self._sync.running
        self.sync_button.setEnabled(status.enrolled and not running)
        self.sync_button.setText(self.tr("Syncing…") if running else self.tr("Sync now"))
        self.enrol_button.setEnabled(not running)

    def _running_changed(self, _running: bool) -> None:
        self._show_status(self._sync.status)

    def enrol(self) -> None:
        server, code = self.server_edit.text().strip(), self.code_edit.text().strip()
        if not server or not code:
            show_notice(self.message, self.tr("Enter the server's address and the code."))
            return
        show_notice(self.message, self.tr("Enrolling…"), error=False)
        self._sync.enrol(server, code)

    def _sync_failed(self, error: UserError) -> None:
        if shiboken6.isValid(self):
            show_notice(self.message, catalogue.current().error(error))

    # --- the cases -----------------------------------------------------------------------

    def reload(self) -> None:
        station = self._context.session
        self._context.runner.run(
            lambda: station.query(list_open_cases), self._cases_loaded, self._show_error
        )

    def _cases_loaded(self, rows: list[CaseRow]) -> None:
        if not shiboken6.isValid(self):
            return
        self._rows = rows
        self.table.setRowCount(len(rows))
        for number, row in enumerate(rows):
            for column, text in enumerate(self._cells(row)):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.table.setItem(number, column, item)
        self.table.resizeRowsToContents()
        self.cases_label.setText(
            self.tr("%n case(s) to resolve", "", len(rows))
            if rows
            else self.tr("Nothing to resolve: the city and this station agree.")
        )
        self._update_buttons()

    def _cells(self, row: CaseRow) -> list[str]:
        entity = self._entity_text(row.entity)
        if row.kind == "merge":
            where = "" if row.both_here else self.tr(" (the other is at another station)")
            return [
                self.tr("Registered twice"),
                self.tr("{entity}: {first} / {second}").format(
                    entity=entity, first=row.record_label, second=row.other_label
                ),
                self._field_text(row.field),
                self.tr("first: {first}").format(first=row.record_label),
                self.tr("second: {second}{where}").format(second=row.other_label, where=where),
            ]
        return [
            self.tr("Both changed"),
            self.tr("{entity}: {record}").format(entity=entity, record=row.record_label),
            self._field_text(row.field),
            self.tr("{value}\n({who}, {when})").format(
                value=row.kept_value, who=row.kept_by or "—", when=row.kept_at or "—"
            ),
            self.tr("{value}\n({who}, {when})").format(
                value=row.other_value, who=row.other_by or "—", when=row.other_at or "—"
            ),
        ]

    def selected(self) -> CaseRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self._rows[rows[0].row()] if rows and rows[0].row() < len(self._rows) else None

    def _update_buttons(self) -> None:
        row = self.selected()
        conflict = row is not None and row.kind == "conflict"
        merge = row is not None and row.kind == "merge" and row.both_here
        self.keep_button.setEnabled(conflict)
        self.other_button.setEnabled(conflict)
        self.keep_first_button.setEnabled(merge)
        self.keep_second_button.setEnabled(merge)

    def resolve(self, *, use_other: bool) -> None:
        row = self.selected()
        if row is None or row.kind != "conflict":
            return
        station = self._context.session
        self._context.runner.run(
            lambda: station.perform(resolve_conflict, row.id, use_other=use_other),
            lambda _none: self._resolved(),
            self._show_error,
        )

    def keep_record(self, *, first: bool) -> None:
        row = self.selected()
        if row is None or row.kind != "merge":
            return
        keep = row.record_id if first else row.other_id
        station = self._context.session
        self._context.runner.run(
            lambda: station.perform(resolve_merge, row.id, keep),
            lambda _none: self._resolved(),
            self._show_error,
        )

    def _resolved(self) -> None:
        if shiboken6.isValid(self):
            show_notice(
                self.message, self.tr("Resolved; the city learns it at the next sync."), error=False
            )

    def _show_error(self, error: UserError) -> None:
        if shiboken6.isValid(self):
            show_notice(self.message, catalogue.current().error(error))

    def _changes_arrived(self, changes: ChangeSet) -> None:
        if changes.touches(*CASE_ENTITIES, "resident", "employer", "job"):
            self.reload()

    # --- words ---------------------------------------------------------------------------

    def _entity_text(self, entity: str) -> str:
        names = {
            "resident": self.tr("Resident"),
            "employer": self.tr("Employer"),
            "job": self.tr("Job"),
            "community": self.tr("Community"),
        }
        return names.get(entity, entity)

    def _field_text(self, field: str) -> str:
        names = {
            "name": self.tr("Name"),
            "phone": self.tr("Phone"),
            "address": self.tr("Address"),
            "id_number": self.tr("ID number"),
            "credit_code": self.tr("Credit code"),
            "community_id": self.tr("Community"),
            "employment_status": self.tr("Employment status"),
            "notes": self.tr("Notes"),
            "contact_name": self.tr("Contact person"),
            "contact_phone": self.tr("Contact phone"),
            "title": self.tr("Job title"),
            "status": self.tr("Status"),
            "key_groups": self.tr("Key groups"),
        }
        return names.get(field, field)
