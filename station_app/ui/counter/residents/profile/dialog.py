"""The resident profile dialog: read-only sections, read in one call in the background."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import shiboken6
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from station_app.core.changes import ChangeSet
from station_app.core.permissions import Permission
from station_app.errors import NotFoundError, UserError
from station_app.models import KeyGroup
from station_app.printing.labels import station_title
from station_app.printing.registration_form import form_from_profile, registration_form_pdf
from station_app.printing.service_card import ServiceCard, service_card_pdf
from station_app.services.matching import JobMatch, MatchOptions, match_jobs, reasons_text
from station_app.services.migrant_bundle import BundleState
from station_app.services.referrals import ReferralRow
from station_app.services.resident_profile import ResidentProfile, load_profile
from station_app.ui.counter.referrals.outcome_dialog import OutcomeDialog
from station_app.ui.counter.referrals.referral_dialog import JobChoice, ReferralDialog
from station_app.ui.counter.referrals.slip_printing import show_slip
from station_app.ui.counter.residents.placement_dialog import PlacementDialog
from station_app.ui.counter.residents.profile.match_section import MatchesSection
from station_app.ui.counter.residents.profile.referral_section import ReferralsSection
from station_app.ui.counter.residents.profile.section_base import ProfileSection
from station_app.ui.counter.residents.profile.sections import SECTIONS
from station_app.ui.counter.residents.profile.status_dialog import StatusChangeDialog
from station_app.ui.counter.residents.recognition_dialog import RecognitionDialog
from station_app.ui.shared import catalogue
from station_app.ui.shared.application import user_error_text
from station_app.ui.shared.context import AppContext
from station_app.ui.shared.form_rows import notice_label, show_notice
from station_app.ui.shared.printing.preview_dialog import PrintPreviewDialog

# What a profile shows besides the resident: a change to one of these reads it again.
RELATED = (
    "resident",
    "employment_status_change",
    "service_record",
    "assistance_plan",
    "referral",
    "job",
)


class ResidentProfileDialog(QDialog):
    """One resident's profile (not modal); "Edit" asks for the edit form (`edit_requested`)."""

    edit_requested = Signal(str)  # the resident's id
    profile_shown = Signal()  # the profile was read and is shown (also after a change)

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._resident_id: str | None = None
        self.profile: ResidentProfile | None = None
        self.sections: list[ProfileSection] = [section() for section in SECTIONS]
        self.heading = QLabel()
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.heading.setFont(font)
        self.message = notice_label()

        body = QWidget()
        columns = QHBoxLayout(body)
        stacks = [QVBoxLayout(), QVBoxLayout()]  # each column on its own: sections may hide
        for section in self.sections:
            stacks[min(section.column, 1)].addWidget(section)
        for stretch, stack in zip((2, 3), stacks, strict=True):
            stack.addStretch(1)
            columns.addLayout(stack, stretch)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)

        self.edit_button = QPushButton(self.tr("Edit (Ctrl+E)"))
        self.edit_button.setShortcut(QKeySequence("Ctrl+E"))
        self.edit_button.setToolTip(self.tr("Edit the resident's record (Ctrl+E)"))
        self.edit_button.setEnabled(False)
        self.status_button = QPushButton(self.tr("Status change (Ctrl+T)"))
        self.status_button.setShortcut(QKeySequence("Ctrl+T"))
        self.status_button.setToolTip(self.tr("Record a dated change of employment status"))
        self.status_button.setEnabled(False)
        self.status_dialog: StatusChangeDialog | None = None
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close_button = self.buttons.button(QDialogButtonBox.StandardButton.Close)
        close_button.setText(self.tr("Close"))
        self.buttons.addButton(self.edit_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.status_button, QDialogButtonBox.ButtonRole.ActionRole)
        may_write = context.session.can(Permission.RESIDENT_WRITE)
        self.edit_button.setVisible(may_write)
        self.status_button.setVisible(may_write)
        # 就业困难人员认定 and 安置到岗位, each in a dialog of its own.
        self.recognition_button = QPushButton(self.tr("Recognition… (Ctrl+R)"))
        self.recognition_button.setShortcut(QKeySequence("Ctrl+R"))
        self.placement_button = QPushButton(self.tr("Place in a job… (Ctrl+J)"))
        self.placement_button.setShortcut(QKeySequence("Ctrl+J"))
        # A regular contact (定期联系) recorded from the profile, as from the residents list.
        self.contact_button = QPushButton(self.tr("Record a contact… (Ctrl+L)"))
        self.contact_button.setShortcut(QKeySequence("Ctrl+L"))
        for button in (self.recognition_button, self.placement_button, self.contact_button):
            button.setEnabled(False)
            button.setVisible(context.session.can(Permission.RESIDENT_WRITE))
            self.buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
        self.plan_button = QPushButton(self.tr("Assistance plan…"))
        self.plan_button.setToolTip(self.tr("One-on-one assistance for a 就业困难人员"))
        self.plan_button.setEnabled(False)
        self.plan_button.setVisible(context.session.can(Permission.RESIDENT_WRITE))
        self.buttons.addButton(self.plan_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.plan_button.clicked.connect(lambda: self.open_plan())
        # 求职登记表 and the 1-3-1 service card, each in the print preview.
        self.print_button = QPushButton(self.tr("Print…"))
        self.print_menu = QMenu(self.print_button)
        self.form_action = self.print_menu.addAction(self.tr("Job-seeker registration form"))
        self.card_action = self.print_menu.addAction(self.tr("1-3-1 service card"))
        self.print_button.setMenu(self.print_menu)
        self.print_button.setEnabled(False)
        self.buttons.addButton(self.print_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.form_action.triggered.connect(lambda: self.print_registration_form())
        self.card_action.triggered.connect(lambda: self.print_service_card())
        self.recognition_button.clicked.connect(lambda: self.open_recognition())
        self.placement_button.clicked.connect(lambda: self.open_placement())
        self.contact_button.clicked.connect(lambda: self.open_contact())
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.message, 1)
        bottom.addWidget(self.buttons)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(scroll, 1)
        layout.addLayout(bottom)

        self.buttons.rejected.connect(self.reject)
        self.edit_button.clicked.connect(self._edit)
        self.status_button.clicked.connect(self.open_status_change)
        context.changes.changed.connect(self._changes_arrived)
        referrals = self.section(ReferralsSection)
        assert isinstance(referrals, ReferralsSection)
        referrals.set_writable(context.session.can(Permission.RESIDENT_WRITE))
        referrals.outcome_requested.connect(self.open_outcome)
        referrals.slip_requested.connect(self.show_slip)
        matches = self.section(MatchesSection)
        assert isinstance(matches, MatchesSection)
        matches.set_writable(context.session.can(Permission.RESIDENT_WRITE))
        matches.options_changed.connect(self._rematch)
        matches.refer_requested.connect(self.open_referral)
        self.referral_dialog: ReferralDialog | None = None
        # Ctrl+M: the keyboard to the best match (Enter on it refers the resident).
        matches_key = QShortcut(QKeySequence("Ctrl+M"), self)
        matches_key.activated.connect(matches.focus_matches)
        matches.setToolTip(self.tr("Ctrl+M: to the matching jobs; Enter refers to the selected"))
        self.setWindowTitle(self.tr("Resident profile"))
        self.resize(1340, 700)  # the counter's smallest screen is 1366 wide

    @property
    def resident_id(self) -> str | None:
        return self._resident_id

    def load(self, resident_id: str, then: Callable[[bool], object] | None = None) -> None:
        """Reads the resident's profile in the background and shows it; `then(shown)`."""
        self._resident_id = resident_id
        station = self._context.session
        self._context.runner.run(
            lambda: station.query(load_profile, resident_id),
            lambda profile: self._arrived(profile, then),
            lambda error: self._failed(error, then),
        )

    def section(self, kind: type[ProfileSection]) -> ProfileSection:
        return next(s for s in self.sections if isinstance(s, kind))

    def message_text(self) -> str:
        return self.message.text() if self.message.isVisibleTo(self) else ""

    def _arrived(self, profile: ResidentProfile, then: Callable[[bool], object] | None) -> None:
        if not shiboken6.isValid(self):
            return  # closed before the profile arrived
        self.profile = profile
        self.heading.setText(profile.name)
        self.setWindowTitle(self.tr("Resident profile: {name}").format(name=profile.name))
        for section in self.sections:
            section.show_profile(profile)
        self.edit_button.setEnabled(True)
        self.status_button.setEnabled(True)
        self.recognition_button.setEnabled(True)
        self.placement_button.setEnabled(True)
        self.plan_button.setEnabled(KeyGroup.HARD_TO_EMPLOY in profile.key_groups)
        self.contact_button.setEnabled(True)
        self.print_button.setEnabled(True)
        bundle = profile.parts.get("migrant_bundle")
        self.card_action.setEnabled(isinstance(bundle, BundleState) and bundle.applies)
        show_notice(self.message, "")
        matches = self.section(MatchesSection)
        assert isinstance(matches, MatchesSection)
        if not matches.is_default():  # the worker's own kind or radius: match again
            self._rematch(matches.options())
        self.profile_shown.emit()
        if then is not None:
            then(True)

    def _failed(self, error: UserError, then: Callable[[bool], object] | None) -> None:
        if not shiboken6.isValid(self):
            return
        self.edit_button.setEnabled(False)
        self.status_button.setEnabled(False)
        self.recognition_button.setEnabled(False)
        self.placement_button.setEnabled(False)
        self.plan_button.setEnabled(False)
        self.contact_button.setEnabled(False)
        self.print_button.setEnabled(False)
        if isinstance(error, NotFoundError):
            text = self.tr("This resident's record no longer exists.")
        else:
            text = self.tr("Could not open the profile: {reason}").format(
                reason=user_error_text(error)
            )
        show_notice(self.message, text)
        if then is not None:
            then(False)

    def open_recognition(self) -> RecognitionDialog | None:
        """The resident's recognition dialog (read in the background, shown at once)."""
        if self._resident_id is None or self.profile is None:
            return None
        dialog = RecognitionDialog(self._context, self._resident_id, self.profile.name, self)
        dialog.load()
        dialog.show()
        return dialog

    def open_placement(self) -> PlacementDialog | None:
        """Finds an open job and places the resident in it."""
        if self._resident_id is None or self.profile is None:
            return None
        dialog = PlacementDialog(self._context, self._resident_id, self.profile.name, self)
        dialog.find_jobs()
        dialog.show()
        return dialog

    def open_contact(self) -> QDialog | None:
        """Records a contact with the resident (the profile then shows the new due date)."""
        # Here: the dialog's module uses the residents package's labels.
        from station_app.ui.counter.follow_ups import ContactDialog

        if self._resident_id is None or self.profile is None:
            return None
        dialog = ContactDialog(self._context, self._resident_id, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog

    def open_status_change(self) -> StatusChangeDialog | None:
        """Opens the dialog to record a change of status (the profile then refreshes)."""
        profile = self.profile
        if profile is None or not self.status_button.isEnabled():
            return None
        dialog = StatusChangeDialog(self._context, profile.id, profile.employment_status, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _result: setattr(self, "status_dialog", None))
        self.status_dialog = dialog
        dialog.show()
        return dialog

    def open_plan(self) -> QDialog | None:
        """The resident's one-on-one assistance plan (the active one, or a new one)."""
        # Here: the follow-ups' package uses the residents' labels.
        from station_app.ui.counter.follow_ups.plan_dialog import PlanDialog

        if self._resident_id is None or self.profile is None:
            return None
        dialog = PlanDialog(self._context, self._resident_id, self.profile.name, self)
        dialog.load()
        dialog.show()
        return dialog

    def open_outcome(self, referral: ReferralRow | None = None) -> OutcomeDialog | None:
        """Records the outcome of a referral (the selected one of the profile's by default)."""
        if referral is None:
            section = self.section(ReferralsSection)
            assert isinstance(section, ReferralsSection)
            referral = section.selected()
        if referral is None or not referral.is_open:
            return None
        if not self._context.session.can(Permission.RESIDENT_WRITE):
            return None
        dialog = OutcomeDialog(self._context, referral, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog

    def _rematch(self, options: MatchOptions) -> None:
        resident_id = self._resident_id
        if resident_id is None:
            return
        station = self._context.session
        section = self.section(MatchesSection)
        assert isinstance(section, MatchesSection)

        def arrived(found: tuple[JobMatch, ...]) -> None:
            if shiboken6.isValid(self) and section.options() == options:
                section.show_matches(found)

        self._context.runner.run(
            lambda: station.query(match_jobs, resident_id, options), arrived, self._match_failed
        )

    def _match_failed(self, error: UserError) -> None:
        if shiboken6.isValid(self):
            show_notice(self.message, user_error_text(error))

    def open_referral(self, match: JobMatch | None = None) -> ReferralDialog | None:
        """Refers the resident to a matching job (the selected one by default); the slip is
        shown in the print preview once the referral is made."""
        if match is None:
            section = self.section(MatchesSection)
            assert isinstance(section, MatchesSection)
            match = section.selected()
        profile = self.profile
        if match is None or profile is None:
            return None
        if not self._context.session.can(Permission.RESIDENT_WRITE):
            return None
        details = reasons_text(catalogue.current(), match.reasons)  # the distance first
        job = JobChoice(match.job_id, match.title, match.employer_name, details)
        dialog = ReferralDialog(self._context, profile.id, profile.name, job, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.referred.connect(self.show_slip)
        dialog.finished.connect(lambda _result: setattr(self, "referral_dialog", None))
        self.referral_dialog = dialog
        dialog.show()
        dialog.refer_button.setFocus()
        return dialog

    def show_slip(self, serial: str) -> None:
        """A referral's slip in the print preview."""
        show_slip(self._context, serial, self)

    def print_registration_form(self) -> PrintPreviewDialog | None:
        """The resident's 求职登记表 in the print preview (as the role may see the data)."""
        profile = self.profile
        if profile is None:
            return None
        station = self._context.station
        form = form_from_profile(
            profile,
            station_name=station_title(station.street, station.community_name),
            today=date.today(),
        )
        return self._preview(
            registration_form_pdf(form),
            self.tr("Job-seeker registration form: {name}").format(name=profile.name),
            f"求职登记表-{profile.name}",
        )

    def print_service_card(self) -> PrintPreviewDialog | None:
        """The migrant worker's 1-3-1 service card in the print preview."""
        profile = self.profile
        bundle = profile.parts.get("migrant_bundle") if profile is not None else None
        if profile is None or not isinstance(bundle, BundleState) or not bundle.applies:
            return None
        station = self._context.station
        card = ServiceCard(
            resident_name=profile.name,
            community_name=profile.community_name,
            station_name=station_title(station.street, station.community_name),
            bundle=bundle,
            printed_on=date.today(),
        )
        return self._preview(
            service_card_pdf(card),
            self.tr("1-3-1 service card: {name}").format(name=profile.name),
            f"1-3-1服务卡-{profile.name}",
        )

    def _preview(self, pdf: bytes, title: str, file_name: str) -> PrintPreviewDialog:
        dialog = PrintPreviewDialog(pdf, title, file_name, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog

    def _edit(self) -> None:
        if self._resident_id is not None and self.edit_button.isEnabled():
            self.edit_requested.emit(self._resident_id)

    def _changes_arrived(self, changes: ChangeSet) -> None:
        if self._resident_id is not None and changes.touches(*RELATED):
            self.load(self._resident_id)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Enter must not close the profile (a dialog's default button would).
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.accept()
            return
        super().keyPressEvent(event)
