"""Making a referral (岗位推荐) of a resident to one job, then printing its slip."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDialog, QFormLayout, QLabel, QVBoxLayout, QWidget

from station_app.services.referrals import CreatedReferral, create_referral
from station_app.sync.slip_identity import slip_keys
from station_app.ui.shared.background_save import BackgroundSave
from station_app.ui.shared.context import AppContext
from station_app.ui.shared.dialog_buttons import StandardButton, action_buttons
from station_app.ui.shared.form_rows import notice_label


@dataclass(frozen=True)
class JobChoice:
    """The job a referral is made to, as the dialog shows it."""

    job_id: str
    title: str
    employer_name: str
    details: str  # e.g. the match's distance and reasons


class ReferralDialog(QDialog):
    """Confirms the job; "Refer" makes the referral (its serial from the station's counter)
    in the background and emits `referred(serial)`; a refusal shows its reason."""

    referred = Signal(str)  # the new slip's serial

    def __init__(
        self,
        context: AppContext,
        resident_id: str,
        resident_name: str,
        job: JobChoice,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._context = context
        self.resident_id = resident_id
        self.job = job
        self.created: CreatedReferral | None = None
        self.message = notice_label()
        form = QFormLayout()
        for label, text in (
            (self.tr("Resident"), resident_name),
            (self.tr("Job"), job.title),
            (self.tr("Employer"), job.employer_name),
            (self.tr("Match"), job.details),
        ):
            value = QLabel(text)
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            form.addRow(label, value)
        explanation = QLabel(
            self.tr(
                "The referral gets the next serial of this station and counts as a job offer "
                "of the resident's services; its slip is printed next."
            )
        )
        explanation.setWordWrap(True)
        self.buttons, self.refer_button = action_buttons(
            self, StandardButton.Ok, self.tr("Refer and print the slip"), self.refer
        )
        self.refer_button.setDefault(True)
        self._save = BackgroundSave(
            self,
            context.runner,
            self.refer_button,
            self.message,
            refused_prefix=self.tr("No referral was made."),
        )
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(explanation)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.setWindowTitle(self.tr("Refer {name} to a job").format(name=resident_name))
        self.resize(560, 260)

    def refer(self) -> None:
        if self.created is not None:
            return
        station, data_dir = self._context.session, self._context.data_dir
        resident_id, job_id = self.resident_id, self.job.job_id

        def make() -> CreatedReferral:
            keys = slip_keys(data_dir)
            assert keys is not None  # made when missing
            return station.perform(create_referral, resident_id, job_id, keys=keys)

        self._save.run(make, self._made)

    def message_text(self) -> str:
        return self.message.text() if self.message.isVisibleTo(self) else ""

    def _made(self, created: CreatedReferral) -> None:
        self.created = created
        self.referred.emit(created.serial)
        self.accept()

    def reject(self) -> None:
        if not self._save.busy:  # a referral under way must land
            super().reject()
