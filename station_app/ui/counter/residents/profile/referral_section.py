"""The profile's referrals (岗位推荐): each with its serial, job, status and outcome, and the
actions on the selected one (record its outcome, print its slip again)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QPushButton, QWidget

from station_app.services.referrals import ReferralRow
from station_app.services.resident_profile import ResidentProfile
from station_app.ui.counter.residents.profile.section_base import TableSection
from station_app.ui.shared import catalogue


class ReferralsSection(TableSection):
    """The resident's referrals, the newest first; `outcome_requested(referral)` and
    `slip_requested(serial)` ask the profile to open the matching dialog."""

    column = 1
    stretch_column = 1  # the job: the serial and dates beside it stay whole
    outcome_requested = Signal(object)  # the ReferralRow
    slip_requested = Signal(str)  # the serial

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.referrals: tuple[ReferralRow, ...] = ()
        self.outcome_button = QPushButton(self.tr("Record the outcome… (Ctrl+O)"))
        self.outcome_button.setShortcut(QKeySequence("Ctrl+O"))
        self.slip_button = QPushButton(self.tr("Print the slip again…"))
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.outcome_button)
        buttons.addWidget(self.slip_button)
        layout = self.layout()
        assert isinstance(layout, QFormLayout)
        layout.addRow(buttons)
        self.outcome_button.clicked.connect(self._ask_outcome)
        self.slip_button.clicked.connect(self._ask_slip)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self._selection_changed()

    def title(self) -> str:
        return self.tr("Referrals")

    def headers(self) -> Sequence[str]:
        return [
            self.tr("Serial"),
            self.tr("Job"),
            self.tr("Referred on"),
            self.tr("Status"),
            self.tr("Outcome on"),
        ]

    def show_profile(self, profile: ResidentProfile) -> None:
        found = profile.parts.get("referrals")
        referrals = tuple(found) if isinstance(found, tuple) else ()
        self.referrals = tuple(sorted(referrals, key=lambda r: r.referred_on, reverse=True))
        texts = catalogue.current()
        self.set_rows(
            [
                (
                    r.serial,
                    f"{r.job_title} · {r.employer_name}",
                    r.referred_on.isoformat(),
                    texts.label(r.status),
                    r.outcome_on.isoformat() if r.outcome_on else "",
                )
                for r in self.referrals
            ],
            self.tr("No referrals yet."),
        )
        open_rows = [row for row, r in enumerate(self.referrals) if r.is_open]
        if self.referrals:
            self.table.selectRow(open_rows[0] if open_rows else 0)
        self._selection_changed()

    def selected(self) -> ReferralRow | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows or rows[0].row() >= len(self.referrals):
            return None
        return self.referrals[rows[0].row()]

    def set_writable(self, writable: bool) -> None:
        self.outcome_button.setVisible(writable)

    def _selection_changed(self) -> None:
        referral = self.selected()
        self.outcome_button.setEnabled(referral is not None and referral.is_open)
        self.slip_button.setEnabled(referral is not None)

    def _ask_outcome(self) -> None:
        referral = self.selected()
        if referral is not None and referral.is_open:
            self.outcome_requested.emit(referral)

    def _ask_slip(self) -> None:
        referral = self.selected()
        if referral is not None:
            self.slip_requested.emit(referral.serial)
