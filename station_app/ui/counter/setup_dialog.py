"""First start: the dialog that records the station's community and creates its administrator.

The street and the communities are picked from the city's list shipped with the app; a
community not in the list can still be typed in ("another community").
"""

from __future__ import annotations

import logging

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from station_app.core.actor import Actor
from station_app.core.station_session import StationSession
from station_app.database import Database
from station_app.errors import Problem, UserError, ValidationError
from station_app.services.city_communities import communities_of, find_listed, streets
from station_app.services.station import (
    AdminInput,
    CommunityInput,
    set_up_station,
    validate_set_up,
)
from station_app.ui.shared.application import show_user_error
from station_app.ui.shared.problem_texts import problem_text
from station_app.ui.shared.task_runner import TaskRunner

log = logging.getLogger(__name__)

DEFAULT_STREET = "东城街道"  # data, not UI text: most stations of Jieshou are in Dongcheng
JIESHOU_LATITUDE = 33.26
JIESHOU_LONGITUDE = 115.37
PROBLEM_STYLE = "color: #b00020;"


class SetupDialog(QDialog):
    """Asks for the community and the first administrator; OK stays disabled while invalid.

    The set-up (it hashes the password with argon2) runs on `runner`, the app's one database
    thread (the dialog makes its own when given none); meanwhile the dialog says so, its fields
    and buttons are disabled and Escape is ignored.
    """

    def __init__(
        self, db: Database, parent: QWidget | None = None, *, runner: TaskRunner | None = None
    ) -> None:
        super().__init__(parent)
        self._db = db
        self._runner = runner if runner is not None else TaskRunner(self)
        self._setting_up = False
        self._session: StationSession | None = None
        self._touched: set[str] = set()
        self.setWindowTitle(self.tr("Set up the station"))
        self.setMinimumWidth(520)

        self.listed_street = QComboBox()
        self.listed_street.addItems(streets())
        self.listed_community = QComboBox()  # item data: the listed code; None: typed in
        self.also_serves = QListWidget()
        self.also_serves.setMaximumHeight(110)
        self.community_code = QLineEdit()
        self.community_name = QLineEdit()
        self.street = QLineEdit(DEFAULT_STREET)
        self.latitude = self._coordinate_box(-90.0, 90.0, JIESHOU_LATITUDE)
        self.longitude = self._coordinate_box(-180.0, 180.0, JIESHOU_LONGITUDE)
        self.username = QLineEdit()
        self.display_name = QLineEdit()
        self.password = QLineEdit()
        self.password_again = QLineEdit()
        for box in (self.password, self.password_again):
            box.setEchoMode(QLineEdit.EchoMode.Password)
        self.community_code.setPlaceholderText(self.tr("for example 341282001001"))
        self.community_name.setPlaceholderText(self.tr("for example Renmin Road Community"))
        self.username.setPlaceholderText(self.tr("letters and digits, for example admin"))

        self._problem_labels: dict[str, QLabel] = {}
        self._row_labels: list[QLabel] = []
        intro = QLabel(
            self.tr(
                "This computer is not set up yet. Enter the community this employment station "
                "serves and create the administrator's account."
            )
        )
        intro.setWordWrap(True)

        community_box = QGroupBox(self.tr("Community"))
        community_form = QFormLayout(community_box)
        self._add_row(
            community_form, self.tr("Street (city list):"), self.listed_street, "listed_street"
        )
        self._add_row(
            community_form,
            self.tr("The station's community:"),
            self.listed_community,
            "listed_community",
        )
        self._add_row(community_form, self.tr("Also serves:"), self.also_serves, "also_serves")
        self._add_row(
            community_form, self.tr("Community code:"), self.community_code, "community_code"
        )
        self._add_row(
            community_form, self.tr("Community name:"), self.community_name, "community_name"
        )
        self._add_row(community_form, self.tr("Street / township:"), self.street, "street")
        self._add_row(community_form, self.tr("Latitude:"), self.latitude, "latitude")
        self._add_row(community_form, self.tr("Longitude:"), self.longitude, "longitude")

        admin_box = QGroupBox(self.tr("Administrator"))
        admin_form = QFormLayout(admin_box)
        self._add_row(admin_form, self.tr("User name:"), self.username, "username")
        self._add_row(admin_form, self.tr("Full name:"), self.display_name, "display_name")
        self._add_row(admin_form, self.tr("Password:"), self.password, "password")
        self._add_row(admin_form, self.tr("Password again:"), self.password_again, "password_again")

        self._align_row_labels()
        self.general_problem = self._problem_label("station")
        self.busy_label = QLabel(self.tr("Setting up the station…"))
        self.busy_label.setVisible(False)
        self._boxes = (community_box, admin_box)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Set up"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(community_box)
        layout.addWidget(admin_box)
        layout.addWidget(self.general_problem)
        layout.addWidget(self.busy_label)
        layout.addWidget(self.buttons)

        for name, line in self._line_edits().items():
            line.textEdited.connect(lambda _text, name=name: self._edited(name))
        self.latitude.valueChanged.connect(lambda _value: self._edited("latitude"))
        self.longitude.valueChanged.connect(lambda _value: self._edited("longitude"))
        self.listed_street.currentIndexChanged.connect(lambda _index: self._street_chosen())
        self.listed_community.currentIndexChanged.connect(lambda _index: self._community_chosen())
        self._street_chosen()
        # A bug in the background (no result, no UserError) must not leave the dialog busy.
        self._runner.busy_changed.connect(self._runner_busy_changed)
        self.refresh()

    @property
    def actor(self) -> Actor | None:
        """The administrator created by a successful set-up (None until then)."""
        return self._session.actor if self._session is not None else None

    @property
    def session(self) -> StationSession | None:
        """The new administrator's session (set-up logs them in)."""
        return self._session

    def community_input(self) -> CommunityInput:
        return CommunityInput(
            code=self.community_code.text().strip(),
            name=self.community_name.text(),
            street=self.street.text(),
            latitude=self.latitude.value(),
            longitude=self.longitude.value(),
        )

    def served_inputs(self) -> list[CommunityInput]:
        """The other listed communities ticked under "also serves"."""
        chosen: list[CommunityInput] = []
        for row in range(self.also_serves.count()):
            item = self.also_serves.item(row)
            listed = find_listed(str(item.data(Qt.ItemDataRole.UserRole)))
            if item.checkState() == Qt.CheckState.Checked and listed is not None:
                chosen.append(listed.as_input())
        return chosen

    def choose_community(self, code: str | None) -> None:
        """Picks a listed community by code (None: another community, typed in)."""
        index = self.listed_community.findData(code) if code is not None else 0
        self.listed_community.setCurrentIndex(max(index, 0))

    def _street_chosen(self) -> None:
        self.listed_community.blockSignals(True)
        self.listed_community.clear()
        self.listed_community.addItem(self.tr("Another community (enter it below)"), None)
        for listed in communities_of(self.listed_street.currentText()):
            self.listed_community.addItem(f"{listed.name} ({listed.code})", listed.code)
        self.listed_community.setCurrentIndex(1 if self.listed_community.count() > 1 else 0)
        self.listed_community.blockSignals(False)
        self._community_chosen()

    def _community_chosen(self) -> None:
        """Fills the fields from the listed community (they stay editable only for another)."""
        code = self.listed_community.currentData()
        listed = find_listed(code) if isinstance(code, str) else None
        for line in (self.community_code, self.community_name, self.street):
            line.setReadOnly(listed is not None)
        if listed is not None:
            self.community_code.setText(listed.code)
            self.community_name.setText(listed.name)
            self.street.setText(listed.street)
            self.latitude.setValue(listed.latitude)
            self.longitude.setValue(listed.longitude)
        else:
            self.community_code.clear()
            self.community_name.clear()
            self.street.setText(self.listed_street.currentText() or DEFAULT_STREET)
        self.also_serves.clear()
        for other in communities_of(self.listed_street.currentText()):
            if other.code == code:
                continue
            item = QListWidgetItem(other.name)
            item.setData(Qt.ItemDataRole.UserRole, other.code)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.also_serves.addItem(item)
        self.refresh()

    def admin_input(self) -> AdminInput:
        return AdminInput(
            username=self.username.text().strip(),
            display_name=self.display_name.text(),
            password=self.password.text(),
            password_again=self.password_again.text(),
        )

    def problems(self) -> list[Problem]:
        return validate_set_up(self.community_input(), self.admin_input())

    def refresh(self, *, show_all: bool = False) -> list[Problem]:
        """Validates, shows the problems of the fields already edited, enables OK when valid."""
        problems = self.problems()
        self._show_problems(problems, show_all=show_all)
        self.ok_button.setEnabled(not problems)
        return problems

    def mark_edited(self, *names: str) -> None:
        """Shows the problems of these fields as if the user had edited them."""
        self._touched.update(names)
        self.refresh()

    @property
    def setting_up(self) -> bool:
        """True while the station is being set up in the background."""
        return self._setting_up

    def accept(self) -> None:
        """Sets the station up in the background; the dialog closes once it is done."""
        if self._setting_up or self.refresh(show_all=True):
            return
        db, community, admin = self._db, self.community_input(), self.admin_input()
        served = self.served_inputs()
        self._set_setting_up(True)
        self._runner.run(
            lambda: set_up_station(db, community, admin, also_serves=served),
            self._set_up_done,
            self._set_up_failed,
        )

    def reject(self) -> None:
        """Cancel/Escape/close; ignored while the set-up is under way (its result must land)."""
        if not self._setting_up:
            super().reject()

    def _set_up_done(self, session: StationSession) -> None:
        if not shiboken6.isValid(self):
            return  # the dialog is gone (the application is quitting)
        self._set_setting_up(False)
        self._session = session
        log.info("station set up for community %s", session.station.community_name)
        super().accept()

    def _set_up_failed(self, error: UserError) -> None:
        if not shiboken6.isValid(self):
            return
        self._set_setting_up(False)
        if isinstance(error, ValidationError):
            self._show_problems(error.problems, show_all=True)
            return
        show_user_error(self, error)

    def _set_setting_up(self, busy: bool) -> None:
        self._setting_up = busy
        for widget in (*self._boxes, self.buttons):
            widget.setEnabled(not busy)
        self.busy_label.setVisible(busy)

    def _runner_busy_changed(self, busy: bool) -> None:
        if not busy and self._setting_up and shiboken6.isValid(self):
            self._set_setting_up(False)

    def _edited(self, name: str) -> None:
        self._touched.add(name)
        self.refresh()

    def _show_problems(self, problems: list[Problem], *, show_all: bool) -> None:
        texts: dict[str, list[str]] = {}
        for problem in problems:
            if show_all or problem.field in self._touched:
                texts.setdefault(problem.field, []).append(problem_text(problem))
        for name, label in self._problem_labels.items():
            text = "\n".join(texts.get(name, []))
            label.setText(text)
            label.setVisible(bool(text))

    def _line_edits(self) -> dict[str, QLineEdit]:
        return {
            "community_code": self.community_code,
            "community_name": self.community_name,
            "street": self.street,
            "username": self.username,
            "display_name": self.display_name,
            "password": self.password,
            "password_again": self.password_again,
        }

    def _add_row(self, form: QFormLayout, text: str, field: QWidget, name: str) -> None:
        column = QVBoxLayout()
        column.setSpacing(2)
        column.addWidget(field)
        column.addWidget(self._problem_label(name))
        label = QLabel(text)
        self._row_labels.append(label)
        form.addRow(label, column)

    def _align_row_labels(self) -> None:
        """Both groups' fields start at the same x, whichever group has the longest label."""
        width = max(label.sizeHint().width() for label in self._row_labels)
        for label in self._row_labels:
            label.setMinimumWidth(width)

    def _problem_label(self, name: str) -> QLabel:
        label = QLabel()
        label.setObjectName(f"problem_{name}")
        label.setStyleSheet(PROBLEM_STYLE)
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setVisible(False)
        self._problem_labels[name] = label
        return label

    @staticmethod
    def _coordinate_box(low: float, high: float, value: float) -> QDoubleSpinBox:
        box = QDoubleSpinBox()
        box.setRange(low, high)
        box.setDecimals(4)
        box.setSingleStep(0.01)
        box.setValue(value)
        return box


def run_setup_dialog(
    db: Database, parent: QWidget | None = None, *, runner: TaskRunner | None = None
) -> StationSession | None:
    """Shows the set-up dialog; the new administrator's session, or None when cancelled."""
    dialog = SetupDialog(db, parent, runner=runner)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.session
