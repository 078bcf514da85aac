"""The register/edit dialog shared by every record: shows the core's save flow as it goes."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

import shiboken6
from PySide6.QtCore import Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from station_app.errors import NotFoundError, Problem, UserError
from station_app.services.save_flow import Outcome, RecordKind, SaveOutcome, save_record
from station_app.ui.shared.application import user_error_text
from station_app.ui.shared.context import AppContext
from station_app.ui.shared.form_rows import RecordFields, notice_label, show_notice
from station_app.ui.shared.problem_texts import problem_text
from station_app.ui.shared.task_runner import TaskRunner


class RecordFormDialog(QDialog):
    """Registers a new record, or edits one (`load_record`); emits `record_saved(id)`.

    A record has a unique key (`record_kind.key_field`): a key registered already is refused
    with a way to the existing record. The save flow itself (validate, duplicate, conflict)
    is the core's `save_record`; subclasses name their `record_kind`, check the fields
    (`_revalidate`) and give the texts of their kind.
    """

    record_saved = Signal(str)

    record_kind: RecordKind[Any]  # the services of the kind (services.save_flow)

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._runner: TaskRunner = context.runner
        self._record_id: str | None = None
        self._row_version = 0
        self._existing_id: str | None = None  # a record already registered under the key
        self._lookup: tuple[str, str | None] | None = None  # (key, who has it) last asked
        self._touched: set[str] = set()
        self._saving = False
        self._loading = False  # a stored record is being read (load_record)
        self.fields = self._make_fields()
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
        save_key = QShortcut(QKeySequence(QKeySequence.StandardKey.Save), self)
        save_key.activated.connect(self.save)
        self.save_button.setToolTip(save_key.key().toString())
        self.buttons.rejected.connect(self.reject)
        self.reload_button.clicked.connect(self._reload)
        self.fields.open_existing_button.clicked.connect(self.open_existing_record)
        self.fields.changed.connect(self._field_changed)
        self.fields.changed.connect(self._mark_edited)
        self._select_community(context.station.community_id)
        self._set_up()
        self._revalidate()
        self._edited = False  # the worker changed a field since the form was filled
        self.discard_question: QMessageBox | None = None  # asked on closing with edits

    # --- what a kind of record says ----------------------------------------------------

    def _make_fields(self) -> RecordFields:
        raise NotImplementedError

    def _set_up(self) -> None:
        """The subclass's own set-up, late in `__init__`: window title, size, focus watch."""
        raise NotImplementedError

    def _reader(self) -> Callable[[str], Any]:
        """What reads a stored record in the background (it must not touch the form); raises
        NotFoundError. `_loaded` turns its answer into (row version, input value)."""
        station, fetch = self._context.session, self.record_kind.fetch
        return lambda record_id: station.query(fetch, record_id)

    def _loaded(self, answer: Any) -> tuple[int, Any]:
        """(row version, input value) of what `_reader` read; shows any more of it."""
        version, data = answer
        return version, data

    @property
    def duplicate_field(self) -> str:
        """The field (a line edit) of the unique key, e.g. "credit_code"."""
        return self.record_kind.key_field

    def _duplicate_key(self) -> str:
        """The typed key, normalized."""
        return self.record_kind.normalize_key(getattr(self.fields, self.duplicate_field).text())

    def _duplicate_text(self) -> str:
        raise NotImplementedError

    def _gone_text(self, *, saving: bool) -> str:
        """The record no longer exists (`saving`: found out on a save)."""
        raise NotImplementedError

    def _edit_title(self, data: Any) -> str:
        raise NotImplementedError

    def _type_into(self, field_name: str, text: str) -> None:
        """Puts `text` into a field's editor (see `set_field_text`); KeyError if none."""
        raise NotImplementedError

    def _revalidate(self) -> None:
        """Checks the fields, shows their messages and enables Save if all is well."""
        raise NotImplementedError

    # --- public API --------------------------------------------------------------------

    @property
    def record_id(self) -> str | None:
        """The record being edited; None while registering a new one."""
        return self._record_id

    def load_record(self, record_id: str, then: Callable[[bool], object] | None = None) -> None:
        """Switches to editing this record: it is read in the background, and the fields wait
        meanwhile. Then the form shows the stored values, or says why it cannot; `then(loaded)`
        follows either way.
        """
        self._set_loading(True)
        read = self._reader()
        self._runner.run(
            lambda: read(record_id),
            lambda answer: self._record_read(record_id, answer, then),
            lambda error: self._read_failed(error, then),
        )

    def _set_loading(self, loading: bool) -> None:
        self._loading = loading
        self.fields.setEnabled(not loading)
        self._revalidate()

    def _read_failed(self, error: UserError, then: Callable[[bool], object] | None) -> None:
        if not shiboken6.isValid(self):
            return  # closed (and deleted) before the record arrived
        self._set_loading(False)
        if isinstance(error, NotFoundError):
            self._show_general(self._gone_text(saving=False))
        else:
            reason = user_error_text(error)
            self._show_general(self.tr("Could not open the record: {reason}").format(reason=reason))
        if then is not None:
            then(False)

    def _record_read(
        self, record_id: str, answer: Any, then: Callable[[bool], object] | None
    ) -> None:
        if not shiboken6.isValid(self):
            return  # closed (and deleted) before the record arrived
        self._loading = False
        self.fields.setEnabled(not self._saving)
        row_version, data = self._loaded(answer)
        self._record_id = record_id
        self._row_version = row_version
        self._existing_id = None
        # Checked once when all is shown (below), not at each field's change signal.
        blocked = self.fields.blockSignals(True)
        try:
            self.fields.load(data)
        finally:
            self.fields.blockSignals(blocked)
        self.fields.clear_messages()
        self._show_general("")
        self.reload_button.hide()
        self._touched = set(self.fields.messages)
        self.setWindowTitle(self._edit_title(data))
        self._revalidate()
        self._edited = False
        if then is not None:
            then(True)

    def set_field_text(self, field_name: str, text: str) -> None:
        """Types `text` into a field as if the worker had left it (for tests and the tour)."""
        self._type_into(field_name, text)
        self._touched.add(field_name)
        self._revalidate()

    def field_message(self, field_name: str) -> str:
        """The message shown at a field ('' when none)."""
        return self.fields.message(field_name)

    def general_message_text(self) -> str:
        return self.general_message.text() if self.general_message.isVisibleTo(self) else ""

    def open_existing_record(self) -> None:
        """Opens the record already registered under the typed key, for editing."""
        if self._existing_id is not None:
            self.load_record(self._existing_id, self._say_existing)

    def _say_existing(self, loaded: bool) -> None:
        if loaded:
            self._show_general(self.tr("This is the record already registered."), error=False)

    def save(self) -> None:
        """Saves in the background; `record_saved` follows, or the problems are shown."""
        if self._busy or not self.save_button.isEnabled():
            return
        data = self._input()
        if data is None:
            return
        station, kind = self._context.session, self.record_kind
        record_id, version = self._record_id, self._row_version
        self._set_saving(True)
        self._runner.run(
            lambda: save_record(station, kind, data, record_id=record_id, row_version=version),
            self._save_finished,
        )

    # --- checking as the worker types --------------------------------------------------

    def _input(self) -> Any:
        """The value to save; None if the fields cannot give one (the problem is shown)."""
        return self.fields.to_input()

    def _watch_focus_out(self, editors: Iterable[tuple[str, QLineEdit]]) -> None:
        """A field's problems show once the worker leaves its editor."""
        for name, editor in editors:
            editor.editingFinished.connect(lambda n=name: self._touch(n))

    def _touch(self, field_name: str) -> None:
        self._touched.add(field_name)
        self._field_changed()

    def _field_changed(self) -> None:
        # Focus also leaves a field while the dialog is being destroyed (its children go
        # after it); then there is nothing left to check.
        if shiboken6.isValid(self):
            self._revalidate()

    def _check_duplicate(self, key_valid: bool) -> bool:
        """Whether another record has the (valid) typed key; shows the way to it."""
        self._existing_id = None
        if key_valid:
            existing = self._registered_under(self._duplicate_key())
            if existing is not None and existing != self._record_id:
                self._existing_id = existing
        self.fields.open_existing_button.setVisible(self._existing_id is not None)
        return self._existing_id is not None

    def _registered_under(self, key: str) -> str | None:
        """Who is registered under a valid key; asked once per key, not per keystroke."""
        if self._lookup is None or self._lookup[0] != key:
            found = self._context.session.query(self.record_kind.find_registered, key)
            self._lookup = (key, found)
        return self._lookup[1]

    def _show_general(self, text: str, *, error: bool = True) -> None:
        show_notice(self.general_message, text, error=error)

    def _select_community(self, community_id: str) -> None:
        index = self.fields.community.findData(community_id)
        if index >= 0:
            self.fields.community.setCurrentIndex(index)

    # --- saving ------------------------------------------------------------------------

    @property
    def _busy(self) -> bool:
        """Saving, or reading a stored record: the fields wait and Save is off."""
        return self._saving or self._loading

    def _set_saving(self, saving: bool) -> None:
        self._saving = saving
        self.fields.setEnabled(not self._busy)
        if saving:
            self._show_general(self.tr("Saving…"), error=False)
        self._revalidate()

    @property
    def has_unsaved_edits(self) -> bool:
        return self._edited

    def _mark_edited(self) -> None:
        if not self._loading:
            self._edited = True

    def reject(self) -> None:
        """Cancel/Escape/close; ignored while a save is under way (its result must land).

        Unsaved edits are never dropped without asking.
        """
        if self._saving:
            return
        if self._edited and not self.confirm_discard():
            return
        super().reject()

    def confirm_discard(self) -> bool:
        """Asks whether to drop the unsaved edits (default: keep editing)."""
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("Unsaved changes"))
        box.setText(self.tr("This form has changes that are not saved. Discard them?"))
        discard = box.addButton(self.tr("Discard changes"), QMessageBox.ButtonRole.DestructiveRole)
        keep = box.addButton(self.tr("Keep editing"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(keep)
        box.setEscapeButton(keep)
        self.discard_question = box
        try:
            box.exec()
            return box.clickedButton() is discard
        finally:
            self.discard_question = None
            box.deleteLater()

    def _save_finished(self, result: SaveOutcome) -> None:
        if not shiboken6.isValid(self):
            return  # the window is gone (the application is quitting)
        self._set_saving(False)
        if result.saved and result.record_id is not None:
            self._record_id = result.record_id
            self._show_general("")
            self.record_saved.emit(result.record_id)
            self.accept()
            return
        self.fields.clear_messages()
        self.reload_button.hide()
        nothing_saved = self.tr("Nothing was saved.")
        outcome = result.outcome
        if outcome is Outcome.INVALID:
            self._touched.update(self.fields.messages)
            general = self._show_problems(list(result.problems))
            lead = self.tr("Please correct the fields marked in red.")
            self._show_general(" ".join([nothing_saved, lead, *general]))
        elif outcome is Outcome.DUPLICATE:
            self._existing_id = result.existing_id
            self._lookup = (self._duplicate_key(), result.existing_id)
            self.fields.show_message(self.duplicate_field, self._duplicate_text())
            self.fields.open_existing_button.show()
            self.save_button.setEnabled(False)
            self._show_general(nothing_saved)
        elif outcome is Outcome.CONFLICT:
            self.reload_button.show()
            self._show_general(
                self.tr(
                    "Someone else changed this record after you opened it. Nothing was saved. "
                    "Reload the record to see the current version, then make your changes again."
                )
            )
        elif outcome is Outcome.GONE:
            self._show_general(self._gone_text(saving=True))
        else:
            self._show_general(
                self.tr("Could not save: {reason}").format(reason=user_error_text(result.error))
            )

    def _show_problems(self, problems: list[Problem]) -> list[str]:
        """Puts each problem at its field; returns the texts of problems without a field."""
        shown: set[str] = set()
        general: list[str] = []
        for problem in problems:
            if problem.field in self.fields.messages:
                if problem.field not in shown:
                    self.fields.show_message(problem.field, problem_text(problem))
                    shown.add(problem.field)
            else:
                general.append(problem_text(problem))
        return general

    def _reload(self) -> None:
        if self._record_id is not None:
            self.load_record(self._record_id)
