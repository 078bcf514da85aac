"""The editors of the employer form, each with a message line, and their EmployerInput value."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from station_app.models import EmployerType
from station_app.services.code_tables import CodeTable
from station_app.services.communities import CommunityOption
from station_app.services.employers import MAX_EMPLOYER_NAME, EmployerInput
from station_app.ui.counter.employers.labels import employer_type_label, industry_text
from station_app.ui.shared.form_rows import (
    RecordFields,
    align_labels,
    select_data,
    sized_by_length,
    with_message,
)
from station_app.validation import to_half_width

# Where a problem of each field is shown ("latitude" stands for the coordinate pair).
MESSAGE_FIELDS = ("name", "credit_code", "industry", "latitude", "contact_phone")
CREDIT_CODE_MAX_TYPED = 24  # room for spaces typed between groups of characters
# The coordinate boxes cover China (as the station's own coordinates do).
LATITUDE_RANGE = (3.0, 54.0)
LONGITUDE_RANGE = (73.0, 136.0)
COORDINATE_DECIMALS = 6


class EmployerFields(RecordFields):
    """All editors of an employer; no validation rules here, only showing values and messages."""

    def __init__(
        self,
        communities: Sequence[CommunityOption],
        industries: CodeTable,
        default_location: tuple[float, float],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(MESSAGE_FIELDS, parent)
        self.name = QLineEdit()
        self.name.setMaxLength(MAX_EMPLOYER_NAME)
        self.credit_code = QLineEdit()
        self.credit_code.setMaxLength(CREDIT_CODE_MAX_TYPED)
        self.credit_code.setPlaceholderText(self.tr("18 digits and capital letters"))
        self.employer_type = QComboBox()
        for employer_type in EmployerType:
            self.employer_type.addItem(employer_type_label(employer_type), employer_type.value)
        self.industry = QComboBox()
        self.industry.addItem(self.tr("Not given"), None)
        for entry in industries.items(level=1):
            self.industry.addItem(industry_text(entry.code), entry.code)
        self.address = QLineEdit()
        self.address.setMaxLength(200)
        self.community = QComboBox()
        self.community.addItem(self.tr("Not given"), None)
        for option in communities:
            text = self.tr("{name} ({street})").format(name=option.name, street=option.street)
            self.community.addItem(text, option.id)
        self.location_known = QCheckBox(self.tr("Known"))
        self.latitude = _coordinate_box(LATITUDE_RANGE, default_location[0])
        self.longitude = _coordinate_box(LONGITUDE_RANGE, default_location[1])
        self.contact_name = QLineEdit()
        self.contact_name.setMaxLength(64)
        self.contact_phone = QLineEdit()
        self.contact_phone.setMaxLength(32)
        self.contact_phone.setPlaceholderText(self.tr("Mobile, or landline with area code"))
        self.liaison = QLineEdit()
        self.liaison.setMaxLength(64)
        self.liaison.setPlaceholderText(self.tr("The official who looks after this employer"))
        self.key_enterprise = QCheckBox(self.tr("On the whitelist of key enterprises"))
        self._default_location = default_location
        for combo in (self.employer_type, self.industry, self.community):
            sized_by_length(combo)
        self._build_layout()
        self._connect_changes()
        self._show_location_state()

    def _build_layout(self) -> None:
        m = self.messages
        unit_box = QGroupBox(self.tr("Employer"))
        unit = QFormLayout(unit_box)
        unit.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        unit.addRow(self.tr("Employer name"), with_message(self.name, m["name"]))
        code_box = with_message(self.credit_code, m["credit_code"], self.open_existing_button)
        unit.addRow(self.tr("Unified social credit code"), code_box)
        unit.addRow(self.tr("Employer type"), self.employer_type)
        unit.addRow(self.tr("Industry"), with_message(self.industry, m["industry"]))
        unit.addRow(self.tr("Address"), self.address)
        unit.addRow(self.tr("Community"), self.community)
        location = QWidget()
        row = QHBoxLayout(location)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.location_known)
        row.addWidget(QLabel(self.tr("Latitude")))
        row.addWidget(self.latitude, 1)
        row.addWidget(QLabel(self.tr("Longitude")))
        row.addWidget(self.longitude, 1)
        unit.addRow(self.tr("Location"), with_message(location, m["latitude"]))

        contact_box = QGroupBox(self.tr("Contact"))
        contact = QFormLayout(contact_box)
        contact.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        contact.addRow(self.tr("Contact person"), self.contact_name)
        phone = with_message(self.contact_phone, m["contact_phone"])
        contact.addRow(self.tr("Contact phone"), phone)
        contact.addRow(self.tr("Liaison officer"), self.liaison)
        contact.addRow(self.tr("Key enterprise"), self.key_enterprise)

        align_labels(unit, contact)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(unit_box)
        layout.addWidget(contact_box)
        layout.addStretch(1)  # rows keep their height; spare room goes below

    def _connect_changes(self) -> None:
        lines = (
            self.name,
            self.credit_code,
            self.address,
            self.contact_name,
            self.contact_phone,
            self.liaison,
        )
        for line in lines:
            line.textChanged.connect(self.changed)
        for combo in (self.employer_type, self.industry, self.community):
            combo.currentIndexChanged.connect(self.changed)
        for box in (self.latitude, self.longitude):
            box.valueChanged.connect(self.changed)
        self.location_known.toggled.connect(self._show_location_state)
        self.location_known.toggled.connect(self.changed)
        self.key_enterprise.toggled.connect(self.changed)
        # Codes are upper case; a worker types them as they come (lower or full-width).
        self.credit_code.textChanged.connect(self._upper_case_credit_code)

    def _upper_case_credit_code(self, text: str) -> None:
        folded = to_half_width(text).upper()  # keeps every character's position
        if folded != text:
            cursor = self.credit_code.cursorPosition()
            self.credit_code.setText(folded)
            self.credit_code.setCursorPosition(cursor)

    def _show_location_state(self) -> None:
        known = self.location_known.isChecked()
        self.latitude.setEnabled(known)
        self.longitude.setEnabled(known)

    # --- values ------------------------------------------------------------------------

    def set_location(self, latitude: float | None, longitude: float | None) -> None:
        """Sets the coordinates; None (either) marks the location as not known."""
        known = latitude is not None and longitude is not None
        self.location_known.setChecked(known)
        self.latitude.setValue(latitude if latitude is not None else self._default_location[0])
        self.longitude.setValue(longitude if longitude is not None else self._default_location[1])

    def to_input(self) -> EmployerInput:
        known = self.location_known.isChecked()
        return EmployerInput(
            name=self.name.text(),
            credit_code=self.credit_code.text(),
            employer_type=EmployerType(self.employer_type.currentData()),
            industry=self.industry.currentData(),
            address=self.address.text(),
            community_id=self.community.currentData(),
            latitude=self.latitude.value() if known else None,
            longitude=self.longitude.value() if known else None,
            contact_name=self.contact_name.text(),
            contact_phone=self.contact_phone.text(),
            key_enterprise=self.key_enterprise.isChecked(),
            liaison=self.liaison.text(),
        )

    def load(self, data: EmployerInput) -> None:
        self.name.setText(data.name)
        self.credit_code.setText(data.credit_code)
        select_data(self.employer_type, data.employer_type.value)
        select_data(self.industry, data.industry)
        self.address.setText(data.address)
        select_data(self.community, data.community_id)
        self.set_location(data.latitude, data.longitude)
        self.contact_name.setText(data.contact_name)
        self.contact_phone.setText(data.contact_phone)
        self.key_enterprise.setChecked(data.key_enterprise)
        self.liaison.setText(data.liaison)


def _coordinate_box(valid_range: tuple[float, float], value: float) -> QDoubleSpinBox:
    box = QDoubleSpinBox()
    box.setRange(*valid_range)
    box.setDecimals(COORDINATE_DECIMALS)
    box.setSingleStep(0.001)
    box.setValue(value)
    return box
