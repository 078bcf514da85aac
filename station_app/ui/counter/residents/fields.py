"""The editors of the resident form, each with a message line, and their ResidentInput value."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from station_app.models import EmploymentStatus, HouseholdType, KeyGroup, Sex
from station_app.services.code_tables import CodeTable
from station_app.services.communities import CommunityOption
from station_app.services.residents import MAX_SALARY_FEN, ResidentInput, StatusEntry
from station_app.ui.counter.residents.labels import (
    household_label,
    key_group_label,
    sex_label,
    status_label,
)
from station_app.ui.counter.residents.occupation_widgets import OccupationCombo, OccupationPicker
from station_app.ui.shared.form_rows import (
    RecordFields,
    select_data,
    sized_by_length,
    with_message,
)

FEN_PER_YUAN = 100
HISTORY_ROWS = 4  # entries of the status history shown at once; more scroll
# Where a problem of each field is shown; "occupation" problems concern the skills list.
MESSAGE_FIELDS = (
    "id_number",
    "name",
    "phone",
    "community_id",
    "address",
    "education",
    "school_left_on",
    "occupation",
    "desired_occupation",
    "desired_salary",
    "consent_date",
)


class ResidentFields(RecordFields):
    """All editors of a resident; no validation rules here, only showing values and messages."""

    def __init__(
        self,
        communities: Sequence[CommunityOption],
        education: CodeTable,
        occupations: CodeTable,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(MESSAGE_FIELDS, parent)
        self.id_number = QLineEdit()
        self.id_number.setMaxLength(24)  # room for spaces typed between the digit groups
        self.id_number.setPlaceholderText(self.tr("18 characters; birth date and sex follow"))
        self.derived = QLabel()
        self.derived.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.name = QLineEdit()
        self.phone = QLineEdit()
        self.phone.setPlaceholderText(self.tr("Mobile, or landline with area code"))
        self.community = QComboBox()
        self.community.setPlaceholderText(self.tr("Choose the community"))
        for option in communities:
            text = self.tr("{name} ({street})").format(name=option.name, street=option.street)
            self.community.addItem(text, option.id)
        self.address = QLineEdit()
        self.household = QComboBox()
        self.household.addItem(self.tr("Not given"), None)
        for household in HouseholdType:
            self.household.addItem(household_label(household), household.value)
        self.education = QComboBox()
        self.education.addItem(self.tr("Not given"), None)
        for entry in education.items(level=1):
            self.education.addItem(entry.name, entry.code)
        # The day of leaving school or university (traineeships are for recent graduates).
        self.school_left = QCheckBox(self.tr("Left school on"))
        self.school_left_on = QDateEdit()
        self.school_left_on.setCalendarPopup(True)
        self.school_left_on.setDisplayFormat("yyyy-MM-dd")
        self.school_left_on.setDate(QDate.currentDate())
        self.school_left_on.setEnabled(False)
        self.status = QComboBox()
        for status in EmploymentStatus:
            self.status.addItem(status_label(status), status.value)
        self.status_history = QListWidget()
        self.status_history.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.status_history.setFocusPolicy(Qt.FocusPolicy.ClickFocus)  # not a Tab stop
        self.status_history.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.status_history.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.salary = QSpinBox()
        self.salary.setRange(0, MAX_SALARY_FEN // FEN_PER_YUAN)
        self.salary.setSingleStep(500)
        self.salary.setSpecialValueText(self.tr("Not given"))
        self.salary.setGroupSeparatorShown(True)
        self.desired_occupation = OccupationCombo(occupations)
        self.skills = OccupationPicker(occupations)
        self.key_groups = {group: QCheckBox(key_group_label(group)) for group in KeyGroup}
        self.consent = QCheckBox(self.tr("Agrees to the use of personal information"))
        self.consent_date = QDateEdit()
        self.consent_date.setCalendarPopup(True)
        self.consent_date.setDisplayFormat("yyyy-MM-dd")
        self.consent_date.setDate(QDate.currentDate())
        self.consent_date.setEnabled(False)
        self.notes = QPlainTextEdit()
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(self.fontMetrics().lineSpacing() * 4 + 12)
        for combo in (
            self.community,
            self.household,
            self.education,
            self.status,
            self.desired_occupation,
        ):
            sized_by_length(combo)
        self._build_layout()
        self.set_derived(None, None)
        self._connect_changes()

    def _build_layout(self) -> None:
        m = self.messages
        left = self._form = QFormLayout()
        left.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        id_box = with_message(self.id_number, m["id_number"], self.open_existing_button)
        left.addRow(self.tr("ID number"), id_box)
        left.addRow(self.tr("Birth date / sex"), self.derived)
        left.addRow(self.tr("Name"), with_message(self.name, m["name"]))
        left.addRow(self.tr("Phone"), with_message(self.phone, m["phone"]))
        left.addRow(self.tr("Community"), with_message(self.community, m["community_id"]))
        left.addRow(self.tr("Address"), with_message(self.address, m["address"]))
        left.addRow(self.tr("Household registration"), self.household)
        education = QWidget()
        education_row = QHBoxLayout(education)
        education_row.setContentsMargins(0, 0, 0, 0)
        education_row.addWidget(self.education, 1)
        education_row.addWidget(self.school_left)
        education_row.addWidget(self.school_left_on)
        education_box = with_message(education, m["education"], m["school_left_on"])
        left.addRow(self.tr("Education"), education_box)
        left.addRow(self.tr("Employment status"), self.status)
        left.addRow(self.tr("Employment status history"), self.status_history)
        left.setRowVisible(self.status_history, False)  # a new resident has none yet
        desired = with_message(self.desired_occupation, m["desired_occupation"])
        left.addRow(self.tr("Desired occupation"), desired)
        left.addRow(
            self.tr("Desired monthly salary (yuan)"),
            with_message(self.salary, m["desired_salary"]),
        )
        consent = QWidget()
        consent_row = QHBoxLayout(consent)
        consent_row.setContentsMargins(0, 0, 0, 0)
        consent_row.addWidget(self.consent)
        consent_row.addWidget(self.consent_date)
        consent_row.addStretch(1)
        left.addRow(self.tr("Consent"), with_message(consent, m["consent_date"]))
        left.addRow(self.tr("Notes"), self.notes)

        skills_box = QGroupBox(self.tr("Skills (occupations the person can do)"))
        skills_layout = QVBoxLayout(skills_box)
        skills_layout.addWidget(self.skills, 1)
        skills_layout.addWidget(m["occupation"])
        groups_box = QGroupBox(self.tr("Key groups"))
        grid = QGridLayout(groups_box)
        for position, box in enumerate(self.key_groups.values()):
            grid.addWidget(box, position // 2, position % 2)
        right = QVBoxLayout()
        right.addWidget(skills_box, 1)
        right.addWidget(groups_box)

        left_column = QVBoxLayout()
        left_column.addLayout(left)
        left_column.addStretch(1)  # rows keep their height; spare room goes below the notes
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(left_column, 3)
        layout.addSpacing(8)
        layout.addLayout(right, 2)

    def _connect_changes(self) -> None:
        for line in (self.id_number, self.name, self.phone, self.address):
            line.textChanged.connect(self.changed)
        for combo in (self.community, self.household, self.education, self.status):
            combo.currentIndexChanged.connect(self.changed)
        self.desired_occupation.editTextChanged.connect(self.changed)
        self.salary.valueChanged.connect(self.changed)
        self.skills.selection_changed.connect(self.changed)
        self.school_left.toggled.connect(self.school_left_on.setEnabled)
        self.school_left.toggled.connect(self.changed)
        self.school_left_on.dateChanged.connect(self.changed)
        self.consent.toggled.connect(self.consent_date.setEnabled)
        self.consent.toggled.connect(self.changed)
        self.consent_date.dateChanged.connect(self.changed)
        self.notes.textChanged.connect(self.changed)
        for box in self.key_groups.values():
            box.toggled.connect(self.changed)

    # --- messages ----------------------------------------------------------------------

    def set_derived(self, birth_date: date | None, sex: Sex | str | None) -> None:
        """Shows what the ID number says; None while the number is not yet valid."""
        if birth_date is None or sex is None:
            self.derived.setText(self.tr("Filled in from the ID number"))
            self.derived.setEnabled(False)
            return
        text = self.tr("{birth_date}, {sex}").format(
            birth_date=birth_date.isoformat(), sex=sex_label(sex)
        )
        self.derived.setText(text)
        self.derived.setEnabled(True)

    def show_status_history(self, entries: Sequence[StatusEntry]) -> None:
        """Lists the dated statuses newest first (given oldest first); none hides the row."""
        history = self.status_history
        history.clear()
        for entry in reversed(entries):
            text = self.tr("{date} {status}", "status history: date, status").format(
                date=entry.since.isoformat(), status=status_label(entry.status)
            )
            if entry.note:
                with_note = self.tr("{entry} — {note}", "status history: entry, note")
                text = with_note.format(entry=text, note=entry.note)
            history.addItem(text)
            history.item(history.count() - 1).setToolTip(text)
        rows = min(len(entries), HISTORY_ROWS)
        if rows:
            frame = 2 * history.frameWidth()
            history.setFixedHeight(history.sizeHintForRow(0) * rows + frame)
        self._form.setRowVisible(history, bool(rows))

    # --- values ------------------------------------------------------------------------

    def community_id(self) -> str:
        return self.community.currentData() or ""

    def to_input(self) -> ResidentInput:
        """The form's values; raises ValueError if the desired occupation matches no entry."""
        household = self.household.currentData()
        salary = self.salary.value()
        consent = self.consent.isChecked()
        return ResidentInput(
            id_number=self.id_number.text(),
            name=self.name.text(),
            community_id=self.community_id(),
            employment_status=EmploymentStatus(self.status.currentData()),
            phone=self.phone.text(),
            address=self.address.text(),
            household_type=HouseholdType(household) if household else None,
            education=self.education.currentData(),
            skills=self.skills.selected_codes(),
            desired_occupation=self.desired_occupation.code(),
            desired_salary_fen=salary * FEN_PER_YUAN if salary else None,
            key_groups=frozenset(g for g, box in self.key_groups.items() if box.isChecked()),
            consent_given=consent,
            consent_date=_to_date(self.consent_date.date()) if consent else None,
            notes=self.notes.toPlainText(),
            school_left_on=(
                _to_date(self.school_left_on.date()) if self.school_left.isChecked() else None
            ),
        )

    def load(self, data: ResidentInput) -> None:
        self.id_number.setText(data.id_number)
        self.name.setText(data.name)
        self.phone.setText(data.phone)
        select_data(self.community, data.community_id)
        self.address.setText(data.address)
        select_data(self.household, data.household_type.value if data.household_type else None)
        select_data(self.education, data.education)
        select_data(self.status, data.employment_status.value)
        self.desired_occupation.set_code(data.desired_occupation)
        salary = data.desired_salary_fen
        self.salary.setValue(salary // FEN_PER_YUAN if salary else 0)
        self.skills.set_selected_codes(data.skills)
        self.set_key_groups(data.key_groups)
        self.consent.setChecked(data.consent_given)
        when = data.consent_date
        self.consent_date.setDate(
            QDate(when.year, when.month, when.day) if when else QDate.currentDate()
        )
        self.notes.setPlainText(data.notes)
        left_on = data.school_left_on
        self.school_left.setChecked(left_on is not None)
        self.school_left_on.setDate(
            QDate(left_on.year, left_on.month, left_on.day) if left_on else QDate.currentDate()
        )

    def set_key_groups(self, groups: Iterable[KeyGroup]) -> None:
        wanted = set(groups)
        for group, box in self.key_groups.items():
            box.setChecked(group in wanted)


def _to_date(day: QDate) -> date:
    return date(day.year(), day.month(), day.day())
