"""The dialogs of the users page: create an account, reset its password, change its role.

Each checks as the administrator types (the services' own rules), saves on the app's task
runner and shows a refusal at its field. Enter moves to the next field until everything is
filled in, then saves; Escape cancels.
"""

from __future__ import annotations

from collections.abc import Callable

import shiboken6
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from station_app.errors import DuplicateError, Problem, UserError, ValidationError
from station_app.models import UserRole
from station_app.services.station import MAX_DISPLAY_NAME, check_password
from station_app.services.users import (
    UserInput,
    UserRow,
    change_role,
    create_user,
    reset_password,
    validate_user,
)
from station_app.ui.counter.users.table_model import role_label
from station_app.ui.shared import catalogue
from station_app.ui.shared.context import AppContext
from station_app.ui.shared.form_rows import message_label, notice_label, show_notice, with_message
from station_app.ui.shared.problem_texts import problem_text

USERNAME_MAX_TYPED = 40  # room for spaces around the name; the rule allows 32 characters
MIN_WIDTH = 460


class AccountDialog(QDialog):
    """The frame of the account dialogs: rows with message lines, OK/Cancel, the save.

    Subclasses add their rows (`_add_row`), say what is wrong (`_problems`) and what saving
    does (`_save_task`, run on the task runner; it returns the account's id).
    """

    saved = Signal(str)  # the account's id

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._runner = context.runner
        self._saving = False
        self._touched: set[str] = set()
        self._editors: list[QWidget] = []
        self.messages: dict[str, QLabel] = {}
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.general_message = notice_label()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setDefault(True)
        self.cancel_button = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.intro.setTextFormat(Qt.TextFormat.PlainText)
        self.intro.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(self.form)
        layout.addStretch(1)
        layout.addWidget(self.general_message)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(MIN_WIDTH)

    # --- what a dialog says ------------------------------------------------------------

    def _problems(self) -> list[Problem]:
        raise NotImplementedError

    def _save_task(self) -> Callable[[], str]:
        raise NotImplementedError

    def _ready(self) -> bool:
        """Whether there is something to save at all (beyond the input being valid)."""
        return True

    # --- building ----------------------------------------------------------------------

    def _add_row(self, text: str, editor: QWidget, field: str) -> None:
        message = message_label()
        self.messages[field] = message
        label = QLabel(text)
        label.setBuddy(editor)
        self.form.addRow(label, with_message(editor, message))
        self._editors.append(editor)
        if isinstance(editor, QLineEdit):
            editor.textChanged.connect(self.revalidate)
            editor.editingFinished.connect(lambda f=field: self._touch(f))
            editor.returnPressed.connect(lambda e=editor: self._return_pressed(e))
        elif isinstance(editor, QComboBox):
            editor.currentIndexChanged.connect(lambda _i, f=field: self._touch(f))

    def _finish_set_up(self) -> None:
        """Last in a subclass's `__init__`: first checks, size and the first field's focus."""
        self.revalidate()
        self.resize(self.sizeHint().expandedTo(self.minimumSizeHint()))
        if self._editors:
            self._editors[0].setFocus()

    # --- checking ----------------------------------------------------------------------

    def message(self, field: str) -> str:
        """The message shown at a field ('' when none)."""
        label = self.messages[field]
        return label.text() if label.isVisibleTo(self) else ""

    def general_message_text(self) -> str:
        return self.general_message.text() if self.general_message.isVisibleTo(self) else ""

    def revalidate(self) -> bool:
        """Shows the problems of the fields already left; enables OK when there are none."""
        if not shiboken6.isValid(self):
            return False  # focus leaves the editors while the dialog is destroyed
        problems = self._problems()
        self._show_problems([p for p in problems if p.field in self._touched])
        valid = not problems and self._ready()
        self.ok_button.setEnabled(valid and not self._saving)
        return valid

    def _touch(self, field: str) -> None:
        self._touched.add(field)
        self.revalidate()

    def _show_problems(self, problems: list[Problem]) -> list[Problem]:
        """The first problem of each field at the field; returns those without a field."""
        first: dict[str, Problem] = {}
        elsewhere: list[Problem] = []
        for problem in problems:
            if problem.field in self.messages:
                first.setdefault(problem.field, problem)
            else:
                elsewhere.append(problem)
        for field, label in self.messages.items():
            text = problem_text(first[field]) if field in first else ""
            label.setText(text)
            label.setVisible(bool(text))
        return elsewhere

    def _return_pressed(self, editor: QWidget) -> None:
        """Enter in a field: the next field while the input is incomplete (else OK saves)."""
        if self.ok_button.isEnabled():
            return  # the dialog's default button (OK) takes the key
        position = self._editors.index(editor)
        if position + 1 < len(self._editors):
            self._editors[position + 1].setFocus()

    # --- saving ------------------------------------------------------------------------

    def accept(self) -> None:
        """Saves in the background; `saved(id)` and closing follow, or the refusal is shown."""
        if self._saving:
            return
        self._touched.update(self.messages)
        if not self.revalidate():
            return
        task = self._save_task()
        self._set_saving(True)
        self._runner.run(task, self._save_finished, self._save_failed)

    def reject(self) -> None:
        """Cancel/Escape/close; ignored while a save is under way (its result must land)."""
        if not self._saving:
            super().reject()

    def _set_saving(self, saving: bool) -> None:
        self._saving = saving
        for editor in self._editors:
            editor.setEnabled(not saving)
        self.cancel_button.setEnabled(not saving)
        show_notice(self.general_message, self.tr("Saving…") if saving else "", error=False)
        self.revalidate()

    def _save_finished(self, user_id: str) -> None:
        if not shiboken6.isValid(self):
            return
        self._set_saving(False)
        self.saved.emit(user_id)
        super().accept()

    def _save_failed(self, error: UserError) -> None:
        if not shiboken6.isValid(self):
            return
        self._set_saving(False)
        nothing_saved = self.tr("Nothing was saved.")
        if isinstance(error, ValidationError):
            elsewhere = self._show_problems(error.problems)
            texts = [problem_text(p) for p in elsewhere]
            show_notice(self.general_message, " ".join([nothing_saved, *texts]))
        elif isinstance(error, DuplicateError) and error.field in self.messages:
            label = self.messages[error.field]
            label.setText(catalogue.current().error(error))
            label.show()
            show_notice(self.general_message, nothing_saved)
            self._editors[0].setFocus()
        else:
            show_notice(
                self.general_message, " ".join([nothing_saved, catalogue.current().error(error)])
            )


def _password_box() -> QLineEdit:
    box = QLineEdit()
    box.setEchoMode(QLineEdit.EchoMode.Password)
    return box


def _role_combo(selected: UserRole) -> QComboBox:
    combo = QComboBox()
    for role in UserRole:
        combo.addItem(role_label(role), role.value)
    combo.setCurrentIndex(combo.findData(selected.value))
    return combo


class CreateUserDialog(AccountDialog):
    """A new account: user name, name, role (a worker unless chosen) and its first password."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.setWindowTitle(self.tr("New user"))
        self.ok_button.setText(self.tr("Create"))
        self.username = QLineEdit()
        self.username.setMaxLength(USERNAME_MAX_TYPED)
        self.display_name = QLineEdit()
        self.display_name.setMaxLength(MAX_DISPLAY_NAME)
        self.role = _role_combo(UserRole.WORKER)
        self.password = _password_box()
        self.password_again = _password_box()
        self._add_row(self.tr("User name:"), self.username, "username")
        self._add_row(self.tr("Full name:"), self.display_name, "display_name")
        self._add_row(self.tr("Role:"), self.role, "role")
        self._add_row(self.tr("Password:"), self.password, "password")
        self._add_row(self.tr("Password again:"), self.password_again, "password_again")
        self.intro.setText(
            self.tr(
                "The user logs in with this user name and password. Tell them the password "
                "in person."
            )
        )
        self.intro.show()
        self._finish_set_up()

    def user_input(self) -> UserInput:
        return UserInput(
            username=self.username.text().strip(),
            display_name=self.display_name.text(),
            password=self.password.text(),
            password_again=self.password_again.text(),
            role=UserRole(self.role.currentData()),
        )

    def select_role(self, role: UserRole) -> None:
        self.role.setCurrentIndex(self.role.findData(role.value))

    def _problems(self) -> list[Problem]:
        return validate_user(self.user_input())

    def _save_task(self) -> Callable[[], str]:
        station, data = self._context.session, self.user_input()
        return lambda: station.perform(create_user, data)


class ResetPasswordDialog(AccountDialog):
    """A new password for an account (one who forgot theirs, or a new colleague's)."""

    def __init__(self, context: AppContext, user: UserRow, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.user = user
        self.setWindowTitle(self.tr("Reset password"))
        self.ok_button.setText(self.tr("Reset password"))
        self.intro.setText(
            self.tr("Enter the new password for {name} ({username}).").format(
                name=user.display_name, username=user.username
            )
        )
        self.intro.show()
        self.password = _password_box()
        self.password_again = _password_box()
        self._add_row(self.tr("New password:"), self.password, "password")
        self._add_row(self.tr("Password again:"), self.password_again, "password_again")
        self._finish_set_up()

    def _problems(self) -> list[Problem]:
        return check_password(self.password.text(), self.password_again.text())

    def _save_task(self) -> Callable[[], str]:
        station, user_id = self._context.session, self.user.id
        password, again = self.password.text(), self.password_again.text()

        def reset() -> str:
            station.perform(reset_password, user_id, password, again)
            return user_id

        return reset


class ChangeRoleDialog(AccountDialog):
    """Another role for an account; OK once a different role is chosen."""

    def __init__(self, context: AppContext, user: UserRow, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.user = user
        self.setWindowTitle(self.tr("Change role"))
        self.ok_button.setText(self.tr("Change role"))
        self.intro.setText(
            self.tr("Choose the role of {name} ({username}).").format(
                name=user.display_name, username=user.username
            )
        )
        self.intro.show()
        self.role = _role_combo(user.role)
        self._add_row(self.tr("Role:"), self.role, "role")
        self._finish_set_up()

    def chosen_role(self) -> UserRole:
        return UserRole(self.role.currentData())

    def select_role(self, role: UserRole) -> None:
        self.role.setCurrentIndex(self.role.findData(role.value))

    def _problems(self) -> list[Problem]:
        return []

    def _ready(self) -> bool:
        return self.chosen_role() is not self.user.role

    def _save_task(self) -> Callable[[], str]:
        station, user_id, role = self._context.session, self.user.id, self.chosen_role()

        def change() -> str:
            station.perform(change_role, user_id, role)
            return user_id

        return change
