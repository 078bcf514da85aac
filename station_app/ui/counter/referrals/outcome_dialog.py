"""Recording what came of a referral: the outcomes that may follow, dated, with a note."""

from __future__ import annotations

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
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

from station_app.models import ReferralStatus
from station_app.services.referrals import (
    MAX_NOTE_LENGTH,
    NEXT,
    OutcomeInput,
    ReferralRow,
    record_outcome,
)
from station_app.ui.shared import catalogue
from station_app.ui.shared.background_save import BackgroundSave
from station_app.ui.shared.context import AppContext
from station_app.ui.shared.dialog_buttons import StandardButton, action_buttons
from station_app.ui.shared.form_rows import notice_label, show_notice

# The order the outcomes are offered in: the likeliest first.
OFFERED = (
    ReferralStatus.INTERVIEWED,
    ReferralStatus.HIRED,
    ReferralStatus.REJECTED,
    ReferralStatus.NO_SHOW,
    ReferralStatus.WITHDRAWN,
)


class OutcomeDialog(QDialog):
    """The referral, the outcome (only those that may follow its status), its date and a
    note; "hired" also places the resident in the job. Saved in the background
    (`recorded(status)`)."""

    recorded = Signal(str)  # the ReferralStatus value recorded

    def __init__(
        self, context: AppContext, referral: ReferralRow, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._context = context
        self.referral = referral
        texts = catalogue.current()
        allowed = NEXT.get(referral.status, frozenset())
        self.outcome = QComboBox()
        for status in OFFERED:
            if status in allowed:
                self.outcome.addItem(texts.label(status), status)
        self.on = QDateEdit(QDate.currentDate())
        self.on.setCalendarPopup(True)
        self.on.setDisplayFormat("yyyy-MM-dd")
        last = referral.last_step_on
        self.on.setMinimumDate(QDate(last.year, last.month, last.day))
        self.on.setMaximumDate(QDate.currentDate())
        self.note = QLineEdit()
        self.note.setMaxLength(MAX_NOTE_LENGTH)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.message = notice_label()
        summary = QLabel(
            self.tr("{serial} · {job} · {employer}\nReferred on {day}, now: {status}").format(
                serial=referral.serial,
                job=referral.job_title,
                employer=referral.employer_name,
                day=referral.referred_on.isoformat(),
                status=texts.label(referral.status),
            )
        )
        summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form = QFormLayout()
        form.addRow(self.tr("Referral"), summary)
        form.addRow(self.tr("Outcome"), self.outcome)
        form.addRow(self.tr("On"), self.on)
        form.addRow(self.tr("Note"), self.note)
        self.buttons, self.save_button = action_buttons(
            self, StandardButton.Save, self.tr("Record the outcome"), self.save
        )
        self._save = BackgroundSave(self, context.runner, self.save_button, self.message)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.hint)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        QShortcut(QKeySequence("Ctrl+S"), self, self.save)
        self.outcome.currentIndexChanged.connect(self._outcome_changed)
        self._outcome_changed()
        self.save_button.setEnabled(self.outcome.count() > 0)
        if self.outcome.count() == 0:
            show_notice(self.message, texts.text("referral.final"))
        self.setWindowTitle(
            self.tr("Outcome of the referral of {name}").format(name=referral.resident_name)
        )
        self.resize(560, 280)

    def _outcome_changed(self) -> None:
        hired = self.outcome.currentData() == ReferralStatus.HIRED
        self.hint.setText(
            self.tr(
                "Hired: the resident's status becomes employed by this employer and the job's "
                "filled places go up by one, together with the outcome."
            )
            if hired
            else ""
        )
        self.hint.setVisible(hired)

    def outcome_input(self) -> OutcomeInput:
        status = ReferralStatus(self.outcome.currentData())
        return OutcomeInput(status, self.on.date().toPython(), self.note.text())

    def save(self) -> None:
        if self.outcome.count() == 0:
            return
        data, station, referral_id = self.outcome_input(), self._context.session, self.referral.id
        self._save.run(lambda: station.perform(record_outcome, referral_id, data), self._saved)

    def message_text(self) -> str:
        return self.message.text() if self.message.isVisibleTo(self) else ""

    def _saved(self, status: ReferralStatus) -> None:
        self.recorded.emit(status.value)
        self.accept()

    def reject(self) -> None:
        if not self._save.busy:  # a save under way must land
            super().reject()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not self.note.hasFocus():
            event.accept()  # Enter between fields does not save; in the note it does
            return
        super().keyPressEvent(event)
