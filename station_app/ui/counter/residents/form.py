"""The register/edit resident dialog: checks as the worker types, saves in the background."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QWidget

from station_app.errors import Problem, ValidationError
from station_app.services import code_tables
from station_app.services.communities import CommunityOption, list_communities
from station_app.services.residents import (
    ResidentDetail,
    ResidentInput,
    check_id_number,
    check_name,
    check_phone,
    get_resident,
)
from station_app.services.save_flow import RESIDENTS
from station_app.ui.counter.record_form import RecordFormDialog
from station_app.ui.counter.residents.fields import ResidentFields
from station_app.ui.shared.context import AppContext
from station_app.ui.shared.problem_texts import problem_text
from station_app.validation import parse_id_number

ID_NUMBER_LENGTH = 18


class ResidentFormDialog(RecordFormDialog):
    """Registers a new resident, or edits one (`load_record`); emits `record_saved(id)`."""

    record_kind = RESIDENTS
    fields: ResidentFields

    def __init__(
        self,
        context: AppContext,
        parent: QWidget | None = None,
        *,
        communities: Sequence[CommunityOption] | None = None,
    ) -> None:
        # The page passes the communities it keeps (read in the background); read here else.
        self._communities = communities
        super().__init__(context, parent)

    def _make_fields(self) -> ResidentFields:
        communities = self._communities
        if communities is None:
            communities = self._context.session.query(list_communities, served_only=True)
        return ResidentFields(
            communities, code_tables.education_levels(), code_tables.occupations()
        )

    def _set_up(self) -> None:
        f = self.fields
        lines = [("id_number", f.id_number), ("name", f.name), ("phone", f.phone)]
        if (line := f.desired_occupation.lineEdit()) is not None:
            lines.append(("desired_occupation", line))
        self._watch_focus_out(lines)
        self.setWindowTitle(self.tr("Register a resident"))
        self.resize(1040, 720)

    # --- public API --------------------------------------------------------------------

    @property
    def resident_id(self) -> str | None:
        """The resident being edited; None while registering a new one."""
        return self.record_id

    # --- what a resident is ------------------------------------------------------------

    def _reader(self) -> Callable[[str], ResidentDetail]:
        station = self._context.session
        return lambda resident_id: station.query(get_resident, resident_id)

    def _loaded(self, answer: ResidentDetail) -> tuple[int, ResidentInput]:
        """Also shows the resident's status history (read only, not part of the input)."""
        self.fields.show_status_history(answer.status_history)
        return answer.row_version, answer.data

    def _duplicate_text(self) -> str:
        return self.tr("This ID number is already registered.")

    def _gone_text(self, *, saving: bool) -> str:
        if saving:
            return self.tr("This resident no longer exists. Nothing was saved.")
        return self.tr("This resident no longer exists.")

    def _edit_title(self, data: ResidentInput) -> str:
        return self.tr("Edit resident: {name}").format(name=data.name)

    def _type_into(self, field_name: str, text: str) -> None:
        """Fields: id_number, name, phone, address, notes, desired_occupation, desired_salary
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

    def _input(self) -> ResidentInput | None:
        try:
            return self.fields.to_input()
        except ValueError:
            self._touched.add("desired_occupation")
            self._revalidate()
            return None

    # --- checking as the worker types --------------------------------------------------

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
        self.save_button.setEnabled(valid and not self._busy)

    def _check_id_number(self) -> bool:
        text = self.fields.id_number.text()
        problems = check_id_number(text)
        try:
            number = parse_id_number(text)
        except ValidationError:
            self.fields.set_derived(None, None)
        else:
            self.fields.set_derived(number.birth_date, number.sex)
        duplicate = self._check_duplicate(not problems)
        if duplicate:
            self._show_text("id_number", self._duplicate_text())
        else:
            complete = len(self._duplicate_key()) >= ID_NUMBER_LENGTH
            self._show("id_number", problems, force=complete)
        return not problems and not duplicate

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
