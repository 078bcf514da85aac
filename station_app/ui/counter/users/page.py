"""The users page (administrators only): the station's accounts and what can be done to them.

Create an account, reset its password, change its role, deactivate it (it can no longer log
in) or activate it again. The list loads on the app's task runner and again whenever a user
account changes, whoever changed it. The administrator's own account cannot be deactivated
or given another role (the service refuses it too).
"""

from __future__ import annotations

from typing import TypeVar

import shiboken6
from PySide6.QtCore import QCoreApplication, QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from station_app.core.changes import ChangeSet
from station_app.core.permissions import Permission
from station_app.errors import UserError
from station_app.services.users import UserRow, list_users, set_active
from station_app.ui.counter.users.dialogs import (
    AccountDialog,
    ChangeRoleDialog,
    CreateUserDialog,
    ResetPasswordDialog,
)
from station_app.ui.counter.users.table_model import Column, UserTableModel
from station_app.ui.shared import catalogue
from station_app.ui.shared.context import AppContext
from station_app.ui.shared.form_rows import notice_label, show_notice
from station_app.ui.shared.table_views import select_row
from station_app.ui.shared.task_runner import TaskRunner

DialogT = TypeVar("DialogT", bound=AccountDialog)
COLUMN_WIDTHS = {
    Column.USERNAME: 160,
    Column.DISPLAY_NAME: 180,
    Column.ROLE: 180,
    Column.STATUS: 100,
}


class UsersPage(QWidget):
    """The accounts table with the buttons New user, Reset password, Change role, Deactivate."""

    required_permission = Permission.USER_MANAGE  # the main window shows the page only then
    entity = "user"

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._runner = context.runner
        self._own_id = context.actor.user_id
        self._select_after_load: str | None = None
        self._dialogs: list[AccountDialog] = []
        self.confirm_box: QMessageBox | None = None  # the open confirmation (for tests)

        self.count_label = QLabel()
        self.create_button = QPushButton(self.tr("New user…"))
        self.reset_button = QPushButton(self.tr("Reset password…"))
        self.role_button = QPushButton(self.tr("Change role…"))
        self.active_button = QPushButton(self.tr("Deactivate…"))
        self.message = notice_label()
        self.model = UserTableModel(self, own_id=self._own_id)
        self.table = QTableView()
        self._set_up_table()
        self.setFocusProxy(self.table)

        top = QHBoxLayout()
        top.addWidget(self.count_label, 1)
        for button in (self.create_button, self.reset_button, self.role_button):
            top.addWidget(button)
        top.addWidget(self.active_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        for widget in (
            self.table,
            self.create_button,
            self.reset_button,
            self.role_button,
            self.active_button,
        ):
            widget.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        QWidget.setTabOrder(self.table, self.create_button)
        QWidget.setTabOrder(self.create_button, self.reset_button)
        QWidget.setTabOrder(self.reset_button, self.role_button)
        QWidget.setTabOrder(self.role_button, self.active_button)

        self.create_button.clicked.connect(lambda: self.open_create_dialog())
        self.reset_button.clicked.connect(lambda: self.open_reset_dialog())
        self.role_button.clicked.connect(lambda: self.open_role_dialog())
        self.active_button.clicked.connect(lambda: self.toggle_active())
        self.table.activated.connect(self._row_activated)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.model.modelReset.connect(self._update_buttons)
        context.changes.changed.connect(self._changes_arrived)
        self._update_buttons()
        self.reload()

    @staticmethod
    def navigation_title() -> str:
        return QCoreApplication.translate("UsersPage", "Users")

    @property
    def runner(self) -> TaskRunner:
        """The app's runner, which does the page's database work (tests: `runner.wait_idle()`)."""
        return self._runner

    # --- the list ----------------------------------------------------------------------

    def reload(self) -> None:
        """Loads the accounts in the background; the selection stays on its account."""
        station = self._context.session
        self._runner.run(lambda: station.query(list_users), self._rows_loaded, self._show_error)

    def _rows_loaded(self, rows: list[UserRow]) -> None:
        if not shiboken6.isValid(self):
            return  # the page is gone (the window closed while the list was loading)
        keep = self._select_after_load or self.selected_id()
        self._select_after_load = None
        self.model.set_rows(rows)
        active = sum(1 for row in rows if row.active)
        self.count_label.setText(
            self.tr("%n user(s), {active} active", "", len(rows)).format(active=active)
        )
        if keep is not None:
            self.select_user(keep)

    def _changes_arrived(self, changes: ChangeSet) -> None:
        if changes.of(self.entity):
            self.reload()

    def shown_ids(self) -> list[str]:
        return self.model.ids()

    def selected_row(self) -> UserRow | None:
        index = self.table.currentIndex()
        if not index.isValid() or not self.table.selectionModel().isRowSelected(index.row()):
            return None
        return self.model.row_at(index.row())

    def selected_id(self) -> str | None:
        row = self.selected_row()
        return row.id if row is not None else None

    def select_user(self, user_id: str) -> bool:
        """Selects and shows this account's row if it is in the list."""
        row = self.model.row_of(user_id)
        if row is None:
            return False
        select_row(self.table, row)
        return True

    # --- the actions -------------------------------------------------------------------

    def open_create_dialog(self) -> CreateUserDialog:
        return self._open(CreateUserDialog(self._context, self))

    def open_reset_dialog(self, user_id: str | None = None) -> ResetPasswordDialog | None:
        row = self._row(user_id)
        if row is None:
            return None
        return self._open(ResetPasswordDialog(self._context, row, self))

    def open_role_dialog(self, user_id: str | None = None) -> ChangeRoleDialog | None:
        row = self._row(user_id)
        if row is None or row.id == self._own_id:
            return None
        return self._open(ChangeRoleDialog(self._context, row, self))

    def open_dialogs(self) -> list[AccountDialog]:
        return list(self._dialogs)

    def toggle_active(self, user_id: str | None = None) -> None:
        """Deactivates the account (or activates it again) once the administrator confirms."""
        row = self._row(user_id)
        if row is None or (row.active and row.id == self._own_id):
            return
        if not self._confirm(row):
            return
        station, active = self._context.session, not row.active
        self._select_after_load = row.id
        show_notice(self.message, "")
        self._runner.run(
            lambda: station.perform(set_active, row.id, active),
            lambda _result: self._show_done(row, active),
            self._show_error,
        )

    def _confirm(self, row: UserRow) -> bool:
        name = self.tr("{name} ({username})").format(name=row.display_name, username=row.username)
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        if row.active:
            box.setWindowTitle(self.tr("Deactivate the account"))
            box.setText(
                self.tr(
                    "Deactivate the account of {name}? They can no longer log in. "
                    "Their records and the audit log keep their name; you can activate the "
                    "account again."
                ).format(name=name)
            )
            action = box.addButton(self.tr("Deactivate"), QMessageBox.ButtonRole.AcceptRole)
        else:
            box.setWindowTitle(self.tr("Activate the account"))
            box.setText(
                self.tr("Activate the account of {name} again? They can log in again.").format(
                    name=name
                )
            )
            action = box.addButton(self.tr("Activate"), QMessageBox.ButtonRole.AcceptRole)
        cancel = box.addButton(self.tr("Cancel"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(action)
        box.setEscapeButton(cancel)
        self.confirm_box = box
        try:
            box.exec()
            return box.clickedButton() is action
        finally:
            self.confirm_box = None
            box.deleteLater()

    def _show_done(self, row: UserRow, active: bool) -> None:
        if not shiboken6.isValid(self):
            return
        if active:
            text = self.tr("The account of {name} is active again.")
        else:
            text = self.tr("The account of {name} is deactivated.")
        show_notice(self.message, text.format(name=row.display_name), error=False)

    def _show_error(self, error: UserError) -> None:
        if not shiboken6.isValid(self):
            return
        show_notice(self.message, catalogue.current().error(error))

    def _open(self, dialog: DialogT) -> DialogT:
        dialog.saved.connect(self._dialog_saved)
        dialog.finished.connect(lambda _result, d=dialog: self._dialog_closed(d))
        self._dialogs.append(dialog)
        show_notice(self.message, "")
        dialog.open()
        return dialog

    def _dialog_saved(self, user_id: str) -> None:
        # The change signal reloads the list; the saved account is selected then.
        self._select_after_load = user_id

    def _dialog_closed(self, dialog: AccountDialog) -> None:
        if dialog in self._dialogs:
            self._dialogs.remove(dialog)
        dialog.deleteLater()
        self.table.setFocus()

    def _row(self, user_id: str | None) -> UserRow | None:
        if user_id is None:
            return self.selected_row()
        position = self.model.row_of(user_id)
        return self.model.row_at(position) if position is not None else None

    # --- table and buttons -------------------------------------------------------------

    def _set_up_table(self) -> None:
        table = self.table
        table.setModel(self.model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setAlternatingRowColors(True)
        table.setWordWrap(False)
        table.setTabKeyNavigation(False)  # Tab leaves the table for the buttons
        table.verticalHeader().hide()
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 10)
        header = table.horizontalHeader()
        header.setStretchLastSection(True)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        for column, width in COLUMN_WIDTHS.items():
            header.resizeSection(column, width)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)

    def _row_activated(self, index: QModelIndex) -> None:
        """Enter or a double click on an account: reset its password (the usual errand)."""
        user_id = self.model.id_at(index.row())
        if user_id is not None:
            self.open_reset_dialog(user_id)

    def _update_buttons(self) -> None:
        row = self.selected_row()
        selected = row is not None
        own = row is not None and row.id == self._own_id
        self.reset_button.setEnabled(selected)
        self.role_button.setEnabled(selected and not own)
        self.active_button.setEnabled(selected and not (own and row is not None and row.active))
        if row is not None and not row.active:
            self.active_button.setText(self.tr("Activate…"))
        else:
            self.active_button.setText(self.tr("Deactivate…"))
        own_tip = self.tr("You cannot deactivate your own account or change its role.")
        for button in (self.role_button, self.active_button):
            button.setToolTip(own_tip if own else "")
