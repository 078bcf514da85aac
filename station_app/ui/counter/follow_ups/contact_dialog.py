"""The "record a contact" dialog: channel, outcome, notes and the next date, Enter saves.

It reads the resident's follow-up state in the background (rule, last contact, due date),
offers the rules' next date for the outcome chosen, and saves through `record_contact`.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Signal
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
from station_app.models import ContactOutcome, ServiceChannel
from station_app.services.contact_rules import default_next_contact
from station_app.services.follow_ups import ContactInput, FollowUpState, follow_up_state
from station_app.services.follow_ups import record_contact as record
from station_app.ui.counter.follow_ups.qdates import to_date, to_qdate
from station_app.ui.counter.residents.labels import key_groups_text, status_label
from station_app.ui.shared import catalogue
from station_app.ui.shared.application import user_error_text
from station_app.ui.shared.context import AppContext
from station_app.ui.shared.dialog_buttons import StandardButton, action_buttons
from station_app.ui.shared.form_rows import notice_label, show_notice

# The channels in the order a worker uses them most; the first is the default.
CHANNELS = (ServiceChannel.PHONE, ServiceChannel.VISIT, ServiceChannel.WECHAT,
            ServiceChannel.COUNTER, ServiceChannel.ONLINE)  # fmt: skip
OUTCOMES = tuple(ContactOutcome)
DIALOG_WIDTH = 460


class ContactDialog(QDialog):
    """Records one contact with a resident; emits `contact_recorded(resident_id, due)`."""

    contact_recorded = Signal(str, object)  # the resident and their next due date (or None)

    def __init__(
        self,
        context: AppContext,
        resident_id: str,
        parent: QWidget | None = None,
        *,
        today: date | None = None,
    ) -> None:
        super().__init__(parent)
        self._context = context
        self._resident_id = resident_id
        self._today = today or date.today()
        self._state: FollowUpState | None = None
        self._next_edited = False
        self._no_next = False  # no rule gives a next date and the worker chose none
        self.setWindowTitle(self.tr("Record a contact"))
        self.setMinimumWidth(DIALOG_WIDTH)

        self.resident_label = QLabel(self.tr("Reading the resident…"))
        self.resident_label.setWordWrap(True)
        self.rule_label = QLabel()
        self.rule_label.setWordWrap(True)
        self.channel = QComboBox()
        for channel in CHANNELS:
            self.channel.addItem(catalogue.current().label(channel), channel.value)
        self.outcome = QComboBox()
        for outcome in OUTCOMES:
            self.outcome.addItem(catalogue.current().label(outcome), outcome.value)
        self.occurred_on = QDateEdit(to_qdate(self._today))
        self.occurred_on.setCalendarPopup(True)
        self.occurred_on.setDisplayFormat("yyyy-MM-dd")
        self.occurred_on.setMaximumDate(to_qdate(self._today))
        self.next_contact_on = QDateEdit()
        self.next_contact_on.setCalendarPopup(True)
        self.next_contact_on.setDisplayFormat("yyyy-MM-dd")
        self.summary = QLineEdit()
        self.summary.setPlaceholderText(self.tr("What was said, what the resident needs"))
        self.message = notice_label()
        self.buttons, self.save_button = action_buttons(
            self, StandardButton.Save, self.tr("Save"), self.save
        )
        self.save_button.setDefault(True)  # Enter saves: a contact is a few keystrokes
        self.save_button.setEnabled(False)

        form = QFormLayout()
        form.addRow(self.tr("Channel"), self.channel)
        form.addRow(self.tr("Outcome"), self.outcome)
        form.addRow(self.tr("Date"), self.occurred_on)
        form.addRow(self.tr("Notes"), self.summary)
        form.addRow(self.tr("Next contact"), self.next_contact_on)
        layout = QVBoxLayout(self)
        layout.addWidget(self.resident_label)
        layout.addWidget(self.rule_label)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)

        self.outcome.currentIndexChanged.connect(self._suggest_next)
        self.occurred_on.dateChanged.connect(self._suggest_next)
        self.next_contact_on.dateChanged.connect(self._next_changed)
        self.channel.setFocus()
        station = context.session
        context.runner.run(
            lambda: station.query(follow_up_state, resident_id), self._state_read, self._failed
        )

    # --- reading -----------------------------------------------------------------------

    @property
    def state(self) -> FollowUpState | None:
        return self._state

    def _state_read(self, state: FollowUpState) -> None:
        self._state = state
        groups = key_groups_text(state.key_groups, short=False)
        self.resident_label.setText(
            self.tr("<b>{name}</b> · {status}{groups}").format(
                name=state.name,
                status=status_label(state.employment_status),
                groups=f" · {groups}" if groups else "",
            )
        )
        last = state.last_contact.isoformat() if state.last_contact else self.tr("never")
        due = state.due_on.isoformat() if state.due_on else self.tr("no date")
        rule = (
            catalogue.current().text(
                f"contact_rule.{state.rule.code}", days=state.rule.interval_days
            )
            if state.rule
            else self.tr("No contact rule applies.")
        )
        self.rule_label.setText(
            self.tr("{rule}. Last contact: {last}; due: {due}.").format(
                rule=rule.rstrip("."), last=last, due=due
            )
        )
        self._suggest_next()
        self.save_button.setEnabled(True)

    def _failed(self, error: UserError) -> None:
        self.save_button.setEnabled(self._state is not None)
        show_notice(self.message, user_error_text(error))

    # --- the next date -------------------------------------------------------------------

    def _suggest_next(self) -> None:
        """The rules' next date for this contact, unless the worker chose one."""
        if self._state is None or self._next_edited:
            return
        suggested = default_next_contact(
            to_date(self.occurred_on.date()),
            self._state.key_groups,
            self._state.employment_status,
            self.outcome_value(),
        )
        day = suggested or to_date(self.occurred_on.date())
        self.next_contact_on.blockSignals(True)
        self.next_contact_on.setDate(to_qdate(day))
        self.next_contact_on.blockSignals(False)
        self._no_next = suggested is None

    def _next_changed(self) -> None:
        self._next_edited = True
        self._no_next = False

    def outcome_value(self) -> ContactOutcome:
        return ContactOutcome(self.outcome.currentData())

    def channel_value(self) -> ServiceChannel:
        return ServiceChannel(self.channel.currentData())

    # --- saving --------------------------------------------------------------------------

    def contact_input(self) -> ContactInput:
        next_on = None if self._no_next else self.next_contact_on.date()
        return ContactInput(
            resident_id=self._resident_id,
            channel=self.channel_value(),
            occurred_on=to_date(self.occurred_on.date()),
            outcome=self.outcome_value(),
            summary=self.summary.text(),
            next_contact_on=None if next_on is None else to_date(next_on),
        )

    def save(self) -> None:
        if self._state is None or not self.save_button.isEnabled():
            return
        data = self.contact_input()
        self.save_button.setEnabled(False)
        show_notice(self.message, self.tr("Saving…"), error=False)
        station, today = self._context.session, self._today
        self._context.runner.run(
            lambda: station.perform(record, data, today=today), self._saved, self._failed
        )

    def _saved(self, due: date | None) -> None:
        self.contact_recorded.emit(self._resident_id, due)
        self.accept()
