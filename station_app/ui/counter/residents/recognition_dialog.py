"""就业困难人员认定 for one resident: apply with categories and evidence, record each step."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import shiboken6
from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
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

from station_app.core.permissions import Permission
from station_app.errors import UserError
from station_app.models import (
    RecognitionCategory,
    RecognitionEvidence,
    RecognitionState,
    RecognitionStepKind,
)
from station_app.services import recognition as rec
from station_app.services.recognition_rules import NOTICE_DAYS, OPEN_STATES, RULES
from station_app.ui.shared import catalogue
from station_app.ui.shared.application import user_error_text
from station_app.ui.shared.context import AppContext
from station_app.ui.shared.form_rows import notice_label, show_notice

K = RecognitionStepKind
# What each step's button does: the use case, called with (tx, id, note, on_day).
STEP_CALLS: dict[RecognitionStepKind, Callable[..., Any]] = {
    K.COMMUNITY_REVIEW: lambda tx, rid, note, day: rec.pass_community_review(
        tx, rid, on_day=day, note=note
    ),
    K.NOTICE: lambda tx, rid, note, day: rec.start_public_notice(tx, rid, on_day=day, note=note),
    K.STREET_REVIEW: lambda tx, rid, note, day: rec.pass_street_review(
        tx, rid, on_day=day, note=note
    ),
    K.APPROVAL: lambda tx, rid, note, day: rec.approve(tx, rid, on_day=day, note=note),
    K.REJECTION: lambda tx, rid, note, day: rec.reject(tx, rid, note, on_day=day),
    K.EXIT: lambda tx, rid, note, day: rec.exit_recognition(tx, rid, note, on_day=day),
}


def _label(member: Any) -> str:
    return catalogue.current().label(member)


class RecognitionDialog(QDialog):
    """The resident's current recognition with its dated steps, and the next step's buttons."""

    def __init__(
        self, context: AppContext, resident_id: str, name: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._context = context
        self.resident_id = resident_id
        self.current: rec.RecognitionView | None = None
        self.setWindowTitle(
            self.tr("Recognition of employment difficulties: {name}").format(name=name)
        )
        self.state_label = QLabel()
        self.state_label.setWordWrap(True)
        self.steps = QTableWidget(0, 4)
        self.steps.setHorizontalHeaderLabels(
            [self.tr("Date"), self.tr("Step"), self.tr("Recorded by"), self.tr("Note")]
        )
        self.steps.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.steps.verticalHeader().setVisible(False)
        self.steps.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.steps.setColumnWidth(0, 110)
        self.steps.setColumnWidth(1, 150)
        self.steps.setColumnWidth(2, 110)

        self.day = QDateEdit(QDate.currentDate())
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("yyyy-MM-dd")
        self.note = QLineEdit()
        self.note.setPlaceholderText(self.tr("Note; the reason when not approved or exiting"))
        self.step_buttons: dict[RecognitionStepKind, QPushButton] = {}
        buttons_row = QHBoxLayout()
        for kind in STEP_CALLS:
            button = QPushButton(_label(kind))
            button.clicked.connect(lambda _=False, k=kind: self.record_step(k))
            self.step_buttons[kind] = button
            buttons_row.addWidget(button)
        buttons_row.addStretch(1)
        self.step_box = step_box = QGroupBox(self.tr("Record the next step"))
        step_form = QFormLayout(step_box)
        step_form.addRow(self.tr("Date"), self.day)
        step_form.addRow(self.tr("Note"), self.note)
        step_form.addRow(buttons_row)

        self.apply_box = QGroupBox(self.tr("New application"))
        self.categories: dict[RecognitionCategory, QCheckBox] = {}
        self.evidence: dict[RecognitionEvidence, QCheckBox] = {}
        grid = QGridLayout(self.apply_box)
        grid.addWidget(QLabel(self.tr("Categories (the evidence each needs)")), 0, 0)
        grid.addWidget(QLabel(self.tr("Evidence shown")), 0, 1)
        for row, rule in enumerate(RULES.values(), start=1):
            needs = catalogue.current().labels(rule.evidence)
            box = QCheckBox(
                self.tr("{category} ({evidence})").format(
                    category=_label(rule.category), evidence=needs
                )
            )
            self.categories[rule.category] = box
            grid.addWidget(box, row, 0)
        for row, item in enumerate(RecognitionEvidence, start=1):
            box = QCheckBox(_label(item))
            self.evidence[item] = box
            grid.addWidget(box, row, 1)
        self.apply_button = QPushButton(self.tr("Submit the application"))
        self.apply_button.clicked.connect(self.submit_application)
        grid.addWidget(self.apply_button, len(RULES) + 1, 0)

        self.message = notice_label()
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        close.rejected.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addWidget(self.message, 1)
        bottom.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.state_label)
        layout.addWidget(self.steps, 1)
        layout.addWidget(step_box)
        layout.addWidget(self.apply_box)
        layout.addLayout(bottom)
        self.resize(1000, 680)
        self._show(None)

    # --- reading --------------------------------------------------------------------

    def load(self, then: Callable[[], object] | None = None) -> None:
        """Reads the resident's recognitions in the background and shows the newest; approvals
        whose validity has ended are marked expired first (for a user who may write)."""
        station, resident_id = self._context.session, self.resident_id

        def read() -> tuple[rec.RecognitionView, ...]:
            if station.can(Permission.RESIDENT_WRITE):
                station.perform(rec.expire_recognitions)
            return station.query(rec.recognitions_of, resident_id)

        self._context.runner.run(
            read,
            lambda found: self._arrived(found, then),
            lambda error: self._failed(error, then),
        )

    def _arrived(
        self, found: tuple[rec.RecognitionView, ...], then: Callable[[], object] | None
    ) -> None:
        if not shiboken6.isValid(self):
            return
        self._show(found[0] if found else None)
        if then is not None:
            then()

    def _failed(self, error: UserError, then: Callable[[], object] | None = None) -> None:
        if not shiboken6.isValid(self):
            return
        show_notice(self.message, user_error_text(error))
        if then is not None:
            then()

    def _show(self, current: rec.RecognitionView | None) -> None:
        self.current = current
        today = date.today()
        self.steps.setRowCount(0)
        if current is None:
            self.state_label.setText(self.tr("No recognition yet."))
        else:
            self.state_label.setText(self._summary(current))
            for step in current.steps:
                row = self.steps.rowCount()
                self.steps.insertRow(row)
                values = (
                    step.on_day.isoformat(),
                    _label(step.kind),
                    step.recorded_by,
                    step.note or "",
                )
                for column, text in enumerate(values):
                    self.steps.setItem(row, column, QTableWidgetItem(text))
        following = current.next_steps if current is not None else ()
        for kind, button in self.step_buttons.items():
            button.setVisible(kind in following)
        self.step_box.setVisible(bool(following))
        open_or_in_force = current is not None and (
            current.state in OPEN_STATES or current.in_force_on(today)
        )
        self.apply_box.setVisible(not open_or_in_force)

    def _summary(self, view: rec.RecognitionView) -> str:
        text = self.tr("State: {state}. Categories: {categories}.").format(
            state=_label(view.state), categories=catalogue.current().labels(view.categories)
        )
        if view.state == RecognitionState.IN_NOTICE and view.notice_ends_on is not None:
            text += " " + self.tr(
                "Public notice of {days} days from {start}; it ends on {end}, when the street "
                "review may be recorded."
            ).format(
                days=NOTICE_DAYS,
                start=view.notice_starts_on.isoformat() if view.notice_starts_on else "",
                end=view.notice_ends_on.isoformat(),
            )
        if view.valid_until is not None and view.state == RecognitionState.APPROVED:
            text += " " + self.tr("Valid until {day}.").format(day=view.valid_until.isoformat())
        if view.end_reason:
            text += " " + self.tr("Reason: {reason}").format(reason=view.end_reason)
        return text

    # --- writing --------------------------------------------------------------------

    def chosen_day(self) -> date:
        day = self.day.date()
        return date(day.year(), day.month(), day.day())

    def submit_application(self) -> None:
        application = rec.Application(
            frozenset(c for c, box in self.categories.items() if box.isChecked()),
            frozenset(e for e, box in self.evidence.items() if box.isChecked()),
            self.note.text(),
        )
        station, resident_id, day = self._context.session, self.resident_id, self.chosen_day()
        self._write(
            lambda: station.perform(rec.apply_for_recognition, resident_id, application, on_day=day)
        )

    def record_step(self, kind: RecognitionStepKind) -> None:
        if self.current is None:
            return
        call, rid = STEP_CALLS[kind], self.current.id
        note, day, station = self.note.text(), self.chosen_day(), self._context.session

        def work() -> object:
            with station.write(f"recognition.{kind.value}") as tx:
                return call(tx, rid, note, day)

        self._write(work)

    def _write(self, work: Callable[[], object]) -> None:
        show_notice(self.message, "")
        self._context.runner.run(work, lambda _result: self._written(), self._failed)

    def _written(self) -> None:
        if not shiboken6.isValid(self):
            return
        self.note.clear()
        for box in (*self.categories.values(), *self.evidence.values()):
            box.setChecked(False)
        show_notice(self.message, self.tr("Recorded."), error=False)
        self.load()
