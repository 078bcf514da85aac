"""The register/edit employer dialog: checks as the worker types, saves in the background."""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QSize, Signal
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
from station_app.services.employers import (
    check_credit_code_prefix,
    find_by_credit_code,
    get_employer,
    register_employer,
    update_employer,
    validate_employer,
)
from station_app.ui.context import AppContext
from station_app.ui.employers.fields import MESSAGE_FIELDS, EmployerFields
from station_app.ui.form_rows import notice_label, show_notice
from station_app.ui.problem_texts import problem_text
from station_app.ui.setup_dialog import JIESHOU_LATITUDE, JIESHOU_LONGITUDE
from station_app.ui.task_runner import TaskRunner
from station_app.validation import normalize_credit_code
from station_app.validation.credit_code import CREDIT_CODE_LENGTH

LINE_FIELDS = ("name", "credit_code", "address", "contact_name", "contact_phone", "liaison")
COMBO_FIELDS = ("employer_type", "industry", "community_id")
YES_TEXTS = frozenset({"1", "true", "yes"})
MIN_SIZE = QSize(760, 0)  # as high as the fields need


class EmployerFormDialog(QDialog):
    """Registers a new employer, or edits one (`load_employer`); emits `record_saved(id)`."""

    record_saved = Signal(str)

    def __init__(
        self, context: AppContext, runner: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._context = context
        self._runner = runner
        self._employer_id: str | None = None
        self._row_version = 0
        self._existing_id: str | None = None  # an employer already registered under the code
        self._lookup: tuple[str, str | None] | None = None  # (code, who has it) last asked
        self._touched: set[str] = set()
        self._saving = False
        self.fields = EmployerFields(
            list_communities(context.db),
            code_tables.industries(),
            (JIESHOU_LATITUDE, JIESHOU_LONGITUDE),
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
        for name in ("name", "credit_code", "contact_phone"):
            editor = getattr(self.fields, name)
            editor.editingFinished.connect(lambda n=name: self._touch(n))
        index = self.fields.community.findData(context.station.community_id)
        if index >= 0:
            self.fields.community.setCurrentIndex(index)
        self.setWindowTitle(self.tr("Register an employer"))
        self.resize(self.sizeHint().expandedTo(MIN_SIZE))
        self._revalidate()

    # --- public API --------------------------------------------------------------------

    @property
    def employer_id(self) -> str | None:
        """The employer being edited; None while registering a new one."""
        return self._employer_id

    def load_employer(self, employer_id: str) -> None:
        """Switches to editing this employer (the form shows the stored values)."""
        try:
            row_version, data = get_employer(self._context.db, employer_id)
        except NotFoundError:
            self._show_general(self.tr("This employer no longer exists."))
            return
        self._employer_id = employer_id
        self._row_version = row_version
        self._existing_id = None
        self.fields.load(data)
        self.fields.clear_messages()
        self._show_general("")
        self.reload_button.hide()
        self._touched = set(MESSAGE_FIELDS)
        self.setWindowTitle(self.tr("Edit employer: %1").replace("%1", data.name))
        self._revalidate()

    def set_field_text(self, field_name: str, text: str) -> None:
        """Types `text` into a field as if the worker had left it (for tests and the tour).

        Fields: name, credit_code, address, contact_name, contact_phone, liaison; the combos
        employer_type, industry (its text "C 制造业" or the section letter) and community_id,
        chosen by their shown text; latitude and longitude (a number, '' for not known);
        key_enterprise ("yes"/"1"/"true" checks it, anything else clears it).
        """
        f = self.fields
        if field_name in LINE_FIELDS:
            getattr(f, field_name).setText(text)
        elif field_name in COMBO_FIELDS:
            combo = f.community if field_name == "community_id" else getattr(f, field_name)
            index = combo.findText(text)
            if index < 0 and field_name == "industry":
                index = combo.findData(text)
            if index < 0:
                raise KeyError(f"{field_name} has no item {text!r}")
            combo.setCurrentIndex(index)
        elif field_name in ("latitude", "longitude"):
            if text.strip():
                f.location_known.setChecked(True)
                getattr(f, field_name).setValue(float(text))
            else:
                f.location_known.setChecked(False)
        elif field_name == "key_enterprise":
            f.key_enterprise.setChecked(text.strip().lower() in YES_TEXTS)
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
        """Opens the employer already registered under the typed credit code, for editing."""
        if self._existing_id is not None:
            self.load_employer(self._existing_id)
            self._show_general(self.tr("This is the record already registered."), error=False)

    def save(self) -> None:
        """Saves in the background; `record_saved` follows, or the problems are shown."""
        if self._saving or not self.save_button.isEnabled():
            return
        data = self.fields.to_input()
        db, actor = self._context.db, self._context.actor
        employer_id, version = self._employer_id, self._row_version
        self._set_saving(True)
        if employer_id is None:
            self._runner.run(
                lambda: register_employer(db, actor, data), self._saved, self._save_failed
            )
        else:
            self._runner.run(
                lambda: update_employer(db, actor, employer_id, version, data),
                lambda _none: self._saved(employer_id),
                self._save_failed,
            )

    # --- checking as the worker types --------------------------------------------------

    def _touch(self, field_name: str) -> None:
        self._touched.add(field_name)
        self._field_changed()

    def _field_changed(self) -> None:
        # Focus also leaves a field while the dialog is being destroyed (its children go
        # after it); then there is nothing left to check.
        if shiboken6.isValid(self):
            self._revalidate()

    def _revalidate(self) -> None:
        problems = validate_employer(self.fields.to_input())
        by_field: dict[str, list[Problem]] = {}
        for problem in problems:
            by_field.setdefault(problem.field, []).append(problem)
        duplicate = self._check_duplicate(not by_field.get("credit_code"))
        for field_name in MESSAGE_FIELDS:
            if field_name == "credit_code" and duplicate:
                self.fields.show_message(field_name, self._duplicate_text())
                continue
            self._show(field_name, by_field.get(field_name, []))
        valid = not problems and not duplicate
        self.save_button.setEnabled(valid and not self._saving)

    def _check_duplicate(self, code_valid: bool) -> bool:
        """Whether another employer has the (valid) typed code; shows the way to it."""
        self._existing_id = None
        if code_valid:
            existing = self._registered_under(normalize_credit_code(self.fields.credit_code.text()))
            if existing is not None and existing != self._employer_id:
                self._existing_id = existing
        self.fields.open_existing_button.setVisible(self._existing_id is not None)
        return self._existing_id is not None

    def _registered_under(self, code: str) -> str | None:
        """Who is registered under a valid code; asked once per code, not per keystroke."""
        if self._lookup is None or self._lookup[0] != code:
            self._lookup = (code, find_by_credit_code(self._context.db, code))
        return self._lookup[1]

    def _show(self, field_name: str, problems: list[Problem]) -> None:
        """Shows the first problem once the field was left, or as soon as it is sure to stay."""
        if field_name == "credit_code" and problems and field_name not in self._touched:
            text = self.fields.credit_code.text()
            if len(normalize_credit_code(text)) < CREDIT_CODE_LENGTH:
                problems = check_credit_code_prefix(text)  # a wrong character stays wrong
        elif field_name not in self._touched:
            problems = []
        self.fields.show_message(field_name, problem_text(problems[0]) if problems else "")

    def _duplicate_text(self) -> str:
        return self.tr("An employer with this credit code is already registered.")

    def _show_general(self, text: str, *, error: bool = True) -> None:
        show_notice(self.general_message, text, error=error)

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

    def _saved(self, employer_id: str) -> None:
        if not shiboken6.isValid(self):
            return  # the window is gone (the application is quitting)
        self._employer_id = employer_id
        self._set_saving(False)
        self._show_general("")
        self.record_saved.emit(employer_id)
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
            code = normalize_credit_code(self.fields.credit_code.text())
            self._lookup = (code, error.existing_id)
            self.fields.show_message("credit_code", self._duplicate_text())
            self.fields.open_existing_button.show()
            self.save_button.setEnabled(False)
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
            self._show_general(self.tr("This employer no longer exists. Nothing was saved."))
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
        if self._employer_id is not None:
            self.load_employer(self._employer_id)
