"""The register/edit resident dialog: checks as the worker types, saves in the background."""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from station_app.errors import (
    ConflictError,
    DuplicateError,
    NotFoundError,
    Problem,
    UserError,
    ValidationError,
)
from station_app.services import code_tables
from station_app.services.communities import list_communities
from station_app.services.residents import (
    check_id_number,
    check_name,
    check_phone,
    find_by_id_number,
    get_resident,
    register_resident,
    update_resident,
)
from station_app.ui.context import AppContext
from station_app.ui.form_rows import notice_label, show_notice
from station_app.ui.problem_texts import problem_text
from station_app.ui.residents.fields import MESSAGE_FIELDS, ResidentFields
from station_app.ui.task_runner import TaskRunner
from station_app.validation import normalize_id_number, parse_id_number

ID_NUMBER_LENGTH = 18


class ResidentFormDialog(QDialog):
    """Registers a new resident, or edits one (`load_resident`); emits `record_saved(id)`."""

    record_saved = Signal(str)

    def __init__(
        self, context: AppContext, runner: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._context = context
        self._runner = runner
        self._resident_id: str | None = None
        self._row_version = 0
        self._existing_id: str | None = None  # a resident already registered under the number
        self._lookup: tuple[str, str | None] | None = None  # (number, who has it) last asked
        self._touched: set[str] = set()
        self._saving = False
        self.fields = ResidentFields(
            list_communities(context.db),
            code_tables.education_levels(),
            code_tables.occupations(),
        )
        self.general_message = notice_label()
        self.reload_button = QPushButton(self.tr("Reload the record"))
        self.reload_button.setAutoDefault(False)
        self.reload_button.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(self.tr("Save"))
        cancel_button = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel_button.setText(self.tr("Cancel"))
        # Enter is pressed between fields in data entry: it must neither save nor cancel.
        for button in (self.save_button, cancel_button):
            button.setAutoDefault(False)
            button.setDefault(False)
        bottom = QHBoxLayout()
        bottom.addWidget(self.general_message, 1)
        bottom.addWidget(self.reload_button)
        bottom.addWidget(self.buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(self.fields, 1)
        layout.addLayout(bottom)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.reload_button.clicked.connect(self._reload)
        self.fields.open_existing_button.clicked.connect(self.open_existing_record)
        self.fields.changed.connect(self._field_changed)
        self._watch_focus_out()
        self._select_community(context.station.community_id)
        self.setWindowTitle(self.tr("Register a resident"))
        self.resize(1040, 720)
        self._revalidate()

    # --- public API --------------------------------------------------------------------

    @property
    def resident_id(self) -> str | None:
        """The resident being edited; None while registering a new one."""
        return self._resident_id

    def load_resident(self, resident_id: str) -> None:
        """Switches to editing this resident (the form shows the stored values)."""
        try:
            detail = get_resident(self._context.db, resident_id)
        except NotFoundError:
            self._show_general(self.tr("This resident no longer exists."))
            return
        self._resident_id = detail.id
        self._row_version = detail.row_version
        self._existing_id = None
        self.fields.load(detail.data)
        self.fields.clear_messages()
        self._show_general("")
        self.reload_button.hide()
        self._touched = set(MESSAGE_FIELDS)
        self.setWindowTitle(self.tr("Edit resident: %1").replace("%1", detail.data.name))
        self._revalidate()

    def set_field_text(self, field_name: str, text: str) -> None:
        """Types `text` into a field as if the worker had left it (for tests and the tour).

        Fields: id_number, name, phone, address, notes, desired_occupation, desired_salary
        (yuan), consent_date (ISO date), and the combos community_id, household_type,
        education, employment_status (chosen by their shown text).
        """
        f = self.fields
        lines = {"id_number": f.id_number, "name": f.name, "phone": f.phone, "address": f.address}
        combos = {
            "community_id": f.community,
            "household_type": f.household,
            "education": f.education,
            "employment_status": f.status,
        }
        if field_name in lines:
            lines[field_name].setText(text)
        elif field_name in combos:
            index = combos[field_name].findText(text)
            if index < 0:
                raise KeyError(f"{field_name} has no item {text!r}")
            combos[field_name].setCurrentIndex(index)
        elif field_name == "notes":
            f.notes.setPlainText(text)
        elif field_name == "desired_occupation":
            f.desired_occupation.setEditText(text)
        elif field_name == "desired_salary":
            f.salary.setValue(int(text or 0))
        elif field_name == "consent_date":
            f.consent.setChecked(True)
            f.consent_date.setDate(QDate.fromString(text, Qt.DateFormat.ISODate))
        else:
            raise KeyError(field_name)
        self._touched.add(field_name)
        self._revalidate()

    def field_message(self, field_name: str) -> str:
        """The message shown at a field ('' when none)."""
        return self.fields.message(field_name)

    def general_message_text(self) -> str:
        return self.general_message.text() if self.general_message.isVisibleTo(self) else ""

    def open_existing_record(self) -> None:
        """Opens the resident already registered under the typed ID number, for editing."""
        if self._existing_id is not None:
            self.load_resident(self._existing_id)
            self._show_general(self.tr("This is the record already registered."), error=False)

    def save(self) -> None:
        """Saves in the background; `record_saved` follows, or the problems are shown."""
        if self._saving or not self.save_button.isEnabled():
            return
        try:
            data = self.fields.to_input()
        except ValueError:
            self._touched.add("desired_occupation")
            self._revalidate()
            return
        db, actor = self._context.db, self._context.actor
        resident_id, version = self._resident_id, self._row_version
        self._set_saving(True)
        if resident_id is None:
            self._runner.run(
                lambda: register_resident(db, actor, data), self._saved, self._save_failed
            )
        else:
            self._runner.run(
                lambda: update_resident(db, actor, resident_id, version, data),
                lambda _none: self._saved(resident_id),
                self._save_failed,
            )

    # --- checking as the worker types --------------------------------------------------

    def _watch_focus_out(self) -> None:
        f = self.fields
        lines = [("id_number", f.id_number), ("name", f.name), ("phone", f.phone)]
        if (line := f.desired_occupation.lineEdit()) is not None:
            lines.append(("desired_occupation", line))
        for name, editor in lines:
            editor.editingFinished.connect(lambda n=name: self._touch(n))

    def _touch(self, field_name: str) -> None:
        self._touched.add(field_name)
        self._field_changed()

    def _field_changed(self) -> None:
        # Focus also leaves a field while the dialog is being destroyed (its children go
        # after it); then there is nothing left to check.
        if shiboken6.isValid(self):
            self._revalidate()

    def _revalidate(self) -> None:
        f = self.fields
        valid = self._check_id_number()
        valid &= self._show("name", check_name(f.name.text()))
        valid &= self._show("phone", check_phone(f.phone.text()))
        desired_ok = f.desired_occupation.is_valid()
        self._show_text(
            "desired_occupation",
            "" if desired_ok else self.tr("Choose an occupation from the list."),
        )
        valid &= desired_ok and bool(f.community_id())
        self.save_button.setEnabled(valid and not self._saving)

    def _check_id_number(self) -> bool:
        text = self.fields.id_number.text()
        problems = check_id_number(text)
        try:
            number = parse_id_number(text)
        except ValidationError:
            self.fields.set_derived(None, None)
        else:
            self.fields.set_derived(number.birth_date, number.sex)
        normalized = normalize_id_number(text)
        self._existing_id = None
        if not problems:
            existing = self._registered_under(normalized)
            if existing is not None and existing != self._resident_id:
                self._existing_id = existing
        complete = len(normalized) >= ID_NUMBER_LENGTH
        if self._existing_id is not None:
            self._show_text("id_number", self.tr("This ID number is already registered."))
        else:
            self._show("id_number", problems, force=complete)
        self.fields.open_existing_button.setVisible(self._existing_id is not None)
        return not problems and self._existing_id is None

    def _registered_under(self, number: str) -> str | None:
        """Who is registered under a valid number; asked once per number, not per keystroke."""
        if self._lookup is None or self._lookup[0] != number:
            self._lookup = (number, find_by_id_number(self._context.db, number))
        return self._lookup[1]

    def _show(self, field_name: str, problems: list[Problem], *, force: bool = False) -> bool:
        """Shows the first problem once the field was left (or `force`); True if none."""
        if field_name in self._touched or force:
            self._show_text(field_name, problem_text(problems[0]) if problems else "")
        elif not problems:
            self._show_text(field_name, "")
        return not problems

    def _show_text(self, field_name: str, text: str) -> None:
        if text and field_name not in self._touched and field_name != "id_number":
            return
        self.fields.show_message(field_name, text)

    def _show_general(self, text: str, *, error: bool = True) -> None:
        show_notice(self.general_message, text, error=error)

    def _select_community(self, community_id: str) -> None:
        index = self.fields.community.findData(community_id)
        if index >= 0:
            self.fields.community.setCurrentIndex(index)

    # --- saving ------------------------------------------------------------------------

    def _set_saving(self, saving: bool) -> None:
        self._saving = saving
        self.fields.setEnabled(not saving)
        if saving:
            self._show_general(self.tr("Saving…"), error=False)
        self._revalidate()

    def reject(self) -> None:
        """Cancel/Escape/close; ignored while a save is under way (its result must land)."""
        if not self._saving:
            super().reject()

    def _saved(self, resident_id: str) -> None:
        if not shiboken6.isValid(self):
            return  # the window is gone (the application is quitting)
        self._resident_id = resident_id
        self._set_saving(False)
        self._show_general("")
        self.record_saved.emit(resident_id)
        self.accept()

    def _save_failed(self, error: UserError) -> None:
        if not shiboken6.isValid(self):
            return
        self._set_saving(False)
        self.fields.clear_messages()
        self.reload_button.hide()
        nothing_saved = self.tr("Nothing was saved.")
        if isinstance(error, ValidationError):
            self._touched.update(MESSAGE_FIELDS)
            general = self._show_problems(error.problems)
            lead = self.tr("Please correct the fields marked in red.")
            self._show_general(" ".join([nothing_saved, lead, *general]))
        elif isinstance(error, DuplicateError):
            self._existing_id = error.existing_id
            self._lookup = (normalize_id_number(self.fields.id_number.text()), error.existing_id)
            self.fields.show_message("id_number", self.tr("This ID number is already registered."))
            self.fields.open_existing_button.show()
            self._show_general(nothing_saved)
        elif isinstance(error, ConflictError):
            self.reload_button.show()
            self._show_general(
                self.tr(
                    "Someone else changed this record after you opened it. Nothing was saved. "
                    "Reload the record to see the current version, then make your changes again."
                )
            )
        elif isinstance(error, NotFoundError):
            self._show_general(self.tr("This resident no longer exists. Nothing was saved."))
        else:
            self._show_general(self.tr("Could not save: %1").replace("%1", str(error)))

    def _show_problems(self, problems: list[Problem]) -> list[str]:
        """Puts each problem at its field; returns the texts of problems without a field."""
        shown: set[str] = set()
        general: list[str] = []
        for problem in problems:
            if problem.field in MESSAGE_FIELDS:
                if problem.field not in shown:
                    self.fields.show_message(problem.field, problem_text(problem))
                    shown.add(problem.field)
            else:
                general.append(problem_text(problem))
        return general

    def _reload(self) -> None:
        if self._resident_id is not None:
            self.load_resident(self._resident_id)
