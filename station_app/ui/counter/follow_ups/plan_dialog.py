"""The one-on-one assistance plan dialog (一对一帮扶): the active plan, or a new one.

Goals, the worker responsible, the start, the status (and the day it ended) and the steps so
far; a new step typed below is added as a dated line when the plan is saved.
"""

from __future__ import annotations

from datetime import date

import shiboken6
from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from station_app.errors import UserError
from station_app.models import AssistancePlanStatus
from station_app.services.assistance_plans import (
    PlanInput,
    PlanRow,
    create_plan,
    plans_of,
    responsible_candidates,
    update_plan,
    with_step,
)
from station_app.ui.counter.follow_ups.qdates import to_date, to_qdate
from station_app.ui.shared import catalogue
from station_app.ui.shared.application import user_error_text
from station_app.ui.shared.context import AppContext
from station_app.ui.shared.dialog_buttons import StandardButton, action_buttons
from station_app.ui.shared.form_rows import notice_label, show_notice

DIALOG_WIDTH = 520


class PlanDialog(QDialog):
    """Creates or edits a resident's active assistance plan; emits `plan_saved(resident_id)`."""

    plan_saved = Signal(str)
    plan_read = Signal()

    def __init__(
        self,
        context: AppContext,
        resident_id: str,
        name: str,
        parent: QWidget | None = None,
        *,
        today: date | None = None,
    ) -> None:
        super().__init__(parent)
        self._context = context
        self._resident_id = resident_id
        self._today = today or date.today()
        self._plan: PlanRow | None = None
        self.setWindowTitle(self.tr("One-on-one assistance: {name}").format(name=name))
        self.setMinimumWidth(DIALOG_WIDTH)

        self.goals = QLineEdit()
        self.goals.setPlaceholderText(self.tr("What the plan is to achieve"))
        self.responsible = QComboBox()
        self.started_on = QDateEdit(to_qdate(self._today))
        self.status = QComboBox()
        for status in AssistancePlanStatus:
            self.status.addItem(catalogue.current().label(status), status.value)
        self.ended_on = QDateEdit(to_qdate(self._today))
        for editor in (self.started_on, self.ended_on):
            editor.setCalendarPopup(True)
            editor.setDisplayFormat("yyyy-MM-dd")
        self.steps = QPlainTextEdit()
        self.steps.setReadOnly(True)
        self.steps.setMaximumHeight(110)
        self.new_step = QLineEdit()
        self.new_step.setPlaceholderText(self.tr("A step taken or a note, dated today"))
        self.message = notice_label()
        self.buttons, self.save_button = action_buttons(
            self, StandardButton.Save, self.tr("Save"), self.save
        )
        self.save_button.setEnabled(False)

        form = QFormLayout()
        form.addRow(self.tr("Goals"), self.goals)
        form.addRow(self.tr("Responsible"), self.responsible)
        form.addRow(self.tr("Since"), self.started_on)
        form.addRow(self.tr("Status"), self.status)
        form.addRow(self.tr("Ended on"), self.ended_on)
        form.addRow(self.tr("Steps so far"), self.steps)
        form.addRow(self.tr("New step"), self.new_step)
        self.kind_label = QLabel()
        layout = QVBoxLayout(self)
        layout.addWidget(self.kind_label)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.status.currentIndexChanged.connect(self._status_changed)
        self._status_changed()

    # --- reading -----------------------------------------------------------------------

    def load(self) -> None:
        station, resident_id = self._context.session, self._resident_id

        def read() -> tuple[list[PlanRow], list[tuple[str, str]]]:
            return station.query(plans_of, resident_id), station.query(responsible_candidates)

        self._context.runner.run(read, self._read, self._failed)

    @property
    def plan(self) -> PlanRow | None:
        return self._plan

    def _read(self, answer: tuple[list[PlanRow], list[tuple[str, str]]]) -> None:
        if not shiboken6.isValid(self):
            return
        plans, workers = answer
        for username, display in workers:
            self.responsible.addItem(f"{display}（{username}）", username)
        active = [p for p in plans if p.data.status is AssistancePlanStatus.ACTIVE]
        self._plan = active[0] if active else None
        if self._plan is None:
            self.kind_label.setText(self.tr("A new plan."))
            self._select(self.responsible, self._context.actor.username)
        else:
            data = self._plan.data
            self.kind_label.setText(self.tr("The active plan."))
            self.goals.setText(data.goals)
            self._select(self.responsible, data.responsible)
            self.started_on.setDate(to_qdate(data.started_on))
            self.steps.setPlainText(data.steps)
        self.save_button.setEnabled(True)
        self.goals.setFocus()
        self.plan_read.emit()

    @staticmethod
    def _select(combo: QComboBox, value: str) -> None:
        index = combo.findData(value)
        if index >= 0:
            combo.setCurrentIndex(index)

    def _status_changed(self) -> None:
        self.ended_on.setEnabled(self.status_value() is not AssistancePlanStatus.ACTIVE)

    def status_value(self) -> AssistancePlanStatus:
        return AssistancePlanStatus(self.status.currentData())

    # --- saving --------------------------------------------------------------------------

    def plan_input(self) -> PlanInput:
        status = self.status_value()
        steps = self._plan.data.steps if self._plan is not None else ""
        return PlanInput(
            goals=self.goals.text(),
            responsible=str(self.responsible.currentData() or ""),
            started_on=to_date(self.started_on.date()),
            status=status,
            ended_on=None
            if status is AssistancePlanStatus.ACTIVE
            else to_date(self.ended_on.date()),
            steps=with_step(steps, self.new_step.text(), self._today),
        )

    def save(self) -> None:
        if not self.save_button.isEnabled():
            return
        data, plan, resident_id = self.plan_input(), self._plan, self._resident_id
        station = self._context.session
        self.save_button.setEnabled(False)
        show_notice(self.message, self.tr("Saving…"), error=False)

        def write() -> None:
            if plan is None:
                station.perform(create_plan, resident_id, data)
            else:
                station.perform(update_plan, plan.id, plan.row_version, data)

        self._context.runner.run(write, self._saved, self._failed)

    def _saved(self, _nothing: object) -> None:
        self.plan_saved.emit(self._resident_id)
        self.accept()

    def _failed(self, error: UserError) -> None:
        if not shiboken6.isValid(self):
            return
        self.save_button.setEnabled(True)
        show_notice(self.message, user_error_text(error))
