"""精准推送: the residents of the station who fit a job and live nearby, best first, as a
call list a worker works through — each told about the job is recorded as a service."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import shiboken6
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from station_app.core.permissions import Permission
from station_app.core.station_session import WriteTx
from station_app.errors import UserError
from station_app.ledgers.writer import write_call_list
from station_app.models import ServiceChannel
from station_app.printing.call_list import call_list_of, call_list_pdf
from station_app.printing.labels import station_title
from station_app.services.matching import (
    MatchOptions,
    ResidentMatch,
    call_list,
    match_residents,
    reasons_text,
    record_job_information,
)
from station_app.services.referral_slips import SlipFacts
from station_app.services.referrals import create_referral
from station_app.sync.slip_identity import slip_keys
from station_app.ui.counter.referrals.slip_printing import print_slips
from station_app.ui.counter.residents.labels import sex_label, status_label
from station_app.ui.shared import catalogue
from station_app.ui.shared.context import AppContext
from station_app.ui.shared.form_rows import notice_label, show_notice
from station_app.ui.shared.printing.batch_print import BatchPrintDialog
from station_app.ui.shared.printing.preview_dialog import PrintPreviewDialog
from station_app.ui.shared.refusal_text import refusal_text

CALL_LIST_LENGTH = 100
CHANNELS = (
    ServiceChannel.PHONE,
    ServiceChannel.WECHAT,
    ServiceChannel.VISIT,
    ServiceChannel.COUNTER,
)


class CallListDialog(QDialog):
    """The residents who fit the job; "Told about the job" records it for the selected one
    (`informed(resident_id)`), Enter opens their profile (`profile_requested`)."""

    informed = Signal(str)
    profile_requested = Signal(str)
    listed = Signal()  # the list was read and is shown

    def __init__(
        self, context: AppContext, job_id: str, job_title: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._context = context
        self.job_id = job_id
        self.job_title = job_title
        self.residents: tuple[ResidentMatch, ...] = ()
        self.table = QTableWidget(0, 7)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Name"),
                self.tr("Sex, age"),
                self.tr("Community"),
                self.tr("Phone"),
                self.tr("Status"),
                self.tr("Why they fit"),
                self.tr("Told on"),
            ]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)
        self.count = QLabel()
        self.channel = QComboBox()
        texts = catalogue.current()
        for channel in CHANNELS:
            self.channel.addItem(texts.label(channel), channel.value)
        self.inform_button = QPushButton(self.tr("Told about the job (Ctrl+I)"))
        self.inform_button.setShortcut(QKeySequence("Ctrl+I"))
        self.inform_button.setToolTip(
            self.tr("Records that the selected resident was told about this job")
        )
        self.refer_button = QPushButton(self.tr("Refer and print slips… (Ctrl+R)"))
        self.refer_button.setShortcut(QKeySequence("Ctrl+R"))
        self.refer_button.setToolTip(
            self.tr("Refers the selected residents to this job and prints their slips")
        )
        may_write = context.session.can(Permission.RESIDENT_WRITE)
        self.inform_button.setVisible(may_write)
        self.refer_button.setVisible(may_write)
        self.channel.setVisible(may_write)
        self.print_button = QPushButton(self.tr("Print the call list… (Ctrl+P)"))
        self.print_button.setShortcut(QKeySequence("Ctrl+P"))
        self.export_button = QPushButton(self.tr("Export to Excel…"))
        self.close_button = QPushButton(self.tr("Close"))
        self.message = notice_label()
        actions = QHBoxLayout()
        actions.addWidget(self.count)
        actions.addStretch(1)
        actions.addWidget(self.channel)
        actions.addWidget(self.inform_button)
        actions.addWidget(self.refer_button)
        actions.addWidget(self.print_button)
        actions.addWidget(self.export_button)
        actions.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        layout.addLayout(actions)
        self.close_button.clicked.connect(self.reject)
        self.inform_button.clicked.connect(self.inform_selected)
        self.print_button.clicked.connect(lambda: self.print_list())
        self.export_button.clicked.connect(lambda: self.ask_and_export())
        self.refer_button.clicked.connect(lambda: self.refer_selected())
        self.table.activated.connect(self._activated)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.setWindowTitle(self.tr("Residents who fit: {title}").format(title=job_title))
        self.resize(1100, 600)
        self._selection_changed()

    def load(self) -> None:
        """Reads the ranked residents in the background and shows them."""
        station, job_id = self._context.session, self.job_id
        options = MatchOptions(limit=CALL_LIST_LENGTH)
        self._context.runner.run(
            lambda: station.query(match_residents, job_id, options),
            self._arrived,
            self._failed,
        )

    def print_list(self, then: Callable[[PrintPreviewDialog], object] | None = None) -> None:
        """The call list as printed (A4, header on every page) in the print preview."""
        station, job_id = self._context.session, self.job_id
        info = self._context.station
        name = station_title(info.street, info.community_name)
        options = MatchOptions(limit=CALL_LIST_LENGTH)

        def make() -> bytes:
            found = station.query(call_list, job_id, options)
            return call_list_pdf(call_list_of(found, station_name=name))

        def show(pdf: bytes) -> None:
            if not shiboken6.isValid(self):
                return
            dialog = PrintPreviewDialog(
                pdf,
                self.tr("Call list: {title}").format(title=self.job_title),
                f"通知名单-{self.job_title}",
                self,
            )
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            dialog.show()
            if then is not None:
                then(dialog)

        self._context.runner.run(make, show, self._failed)

    def ask_and_export(self) -> None:
        path, _filter = QFileDialog.getSaveFileName(
            self,
            self.tr("Export the call list"),
            f"通知名单-{self.job_title}.xlsx",
            self.tr("Excel workbooks (*.xlsx)"),
        )
        if path:
            self.export_to(Path(path))

    def export_to(self, path: Path) -> None:
        """Writes the call list as an Excel workbook in the background; says how it went."""
        if path.suffix.lower() != ".xlsx":
            path = path.with_name(path.name + ".xlsx")
        station, job_id = self._context.session, self.job_id
        options = MatchOptions(limit=CALL_LIST_LENGTH)

        def export() -> int:
            return write_call_list(station.query(call_list, job_id, options), path)

        def written(count: int) -> None:
            if shiboken6.isValid(self):
                text = self.tr("Exported {count} resident(s) to {file}.").format(
                    count=count, file=path.name
                )
                show_notice(self.message, text, error=False)

        self._context.runner.run(export, written, self._failed)

    def _arrived(self, residents: tuple[ResidentMatch, ...]) -> None:
        if not shiboken6.isValid(self):
            return
        selected = self.selected()
        self.residents = residents
        texts = catalogue.current()
        self.table.setRowCount(len(residents))
        for row, r in enumerate(residents):
            cells = (
                r.name,
                self.tr("{sex}, {age}").format(sex=sex_label(r.sex), age=r.age),
                r.community_name,
                r.phone or "",
                status_label(r.employment_status),
                reasons_text(texts, r.reasons),
                r.informed_on.isoformat() if r.informed_on else "",
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.table.setItem(row, column, item)
        self.count.setText(self.tr("%n resident(s) fit this job", "", len(residents)))
        keep = next(
            (
                i
                for i, r in enumerate(residents)
                if selected and r.resident_id == selected.resident_id
            ),
            0,
        )
        if residents:
            self.table.selectRow(keep)
        self._selection_changed()
        self.listed.emit()

    def _failed(self, error: UserError) -> None:
        if shiboken6.isValid(self):
            show_notice(self.message, refusal_text(error))

    def selected_residents(self) -> list[ResidentMatch]:
        rows = sorted(index.row() for index in self.table.selectionModel().selectedRows())
        return [self.residents[row] for row in rows if row < len(self.residents)]

    def refer_selected(
        self, then: Callable[[BatchPrintDialog[SlipFacts]], object] | None = None
    ) -> None:
        """Refers each selected resident to the job (each on its own: one refused keeps the
        others), says who was not and why, then prints the slips made in one batch."""
        chosen = self.selected_residents()
        if not chosen or not self.refer_button.isVisible():
            return
        station, data_dir, job_id = self._context.session, self._context.data_dir, self.job_id
        self.refer_button.setEnabled(False)

        def refer_all() -> tuple[list[str], list[tuple[str, UserError]]]:
            keys = slip_keys(data_dir)
            assert keys is not None  # made when missing
            serials: list[str] = []
            refused: list[tuple[str, UserError]] = []
            for resident in chosen:
                try:
                    made = station.perform(create_referral, resident.resident_id, job_id, keys=keys)
                except UserError as error:
                    refused.append((resident.name, error))
                else:
                    serials.append(made.serial)
            return serials, refused

        def done(result: tuple[list[str], list[tuple[str, UserError]]]) -> None:
            if not shiboken6.isValid(self):
                return
            serials, refused = result
            self._selection_changed()
            text = self.tr("Referred: %n resident(s).", "", len(serials))
            if refused:
                reasons = "；".join(f"{name}：{refusal_text(e)}" for name, e in refused)
                text += " " + self.tr("Not referred: {reasons}").format(reasons=reasons)
            show_notice(self.message, text, error=bool(refused))
            self.load()
            if serials:
                print_slips(self._context, serials, self, then)

        self._context.runner.run(refer_all, done, self._refused)

    def selected(self) -> ResidentMatch | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows or rows[0].row() >= len(self.residents):
            return None
        return self.residents[rows[0].row()]

    def message_text(self) -> str:
        return self.message.text() if self.message.isVisibleTo(self) else ""

    def inform_selected(self) -> None:
        """Records that each selected resident was told about the job, in one transaction."""
        chosen = self.selected_residents()
        if not chosen or not self.inform_button.isVisible():
            return
        channel = ServiceChannel(self.channel.currentData())
        station, job_id, today = self._context.session, self.job_id, date.today()

        def record(tx: WriteTx) -> None:
            for resident in chosen:
                record_job_information(
                    tx, resident.resident_id, job_id, channel=channel, on_day=today
                )

        self.inform_button.setEnabled(False)
        self._context.runner.run(
            lambda: station.perform(record), lambda _none: self._informed(chosen), self._refused
        )

    def _informed(self, chosen: list[ResidentMatch]) -> None:
        if not shiboken6.isValid(self):
            return
        names = "、".join(resident.name for resident in chosen)
        show_notice(
            self.message,
            self.tr("Recorded: {names} told about the job.").format(names=names),
            error=False,
        )
        for resident in chosen:
            self.informed.emit(resident.resident_id)
        self.load()

    def _refused(self, error: UserError) -> None:
        if not shiboken6.isValid(self):
            return
        self._selection_changed()
        show_notice(
            self.message, self.tr("Nothing was saved. {reason}").format(reason=refusal_text(error))
        )

    def _selection_changed(self) -> None:
        self.inform_button.setEnabled(self.selected() is not None)
        self.refer_button.setEnabled(self.selected() is not None)

    def _activated(self, _index: object) -> None:
        resident = self.selected()
        if resident is not None:
            self.profile_requested.emit(resident.resident_id)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.accept()  # Enter opens a profile from the table, never closes the list
            return
        super().keyPressEvent(event)
