"""The register/edit employer dialog: checks as the worker types, saves in the background."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QCompleter

from station_app.errors import Problem
from station_app.services import code_tables
from station_app.services.communities import list_communities
from station_app.services.employers import (
    EmployerInput,
    check_credit_code_prefix,
    liaison_choices,
    validate_employer,
)
from station_app.services.save_flow import EMPLOYERS
from station_app.ui.counter.employers.fields import MESSAGE_FIELDS, EmployerFields
from station_app.ui.counter.record_form import RecordFormDialog
from station_app.ui.counter.setup_dialog import JIESHOU_LATITUDE, JIESHOU_LONGITUDE
from station_app.ui.shared.problem_texts import problem_text
from station_app.validation import normalize_credit_code
from station_app.validation.credit_code import CREDIT_CODE_LENGTH

LINE_FIELDS = ("name", "credit_code", "address", "contact_name", "contact_phone", "liaison")
COMBO_FIELDS = ("employer_type", "industry", "community_id")
YES_TEXTS = frozenset({"1", "true", "yes"})
MIN_SIZE = QSize(760, 0)  # as high as the fields need


class EmployerFormDialog(RecordFormDialog):
    """Registers a new employer, or edits one (`load_record`); emits `record_saved(id)`."""

    record_kind = EMPLOYERS
    fields: EmployerFields

    def _make_fields(self) -> EmployerFields:
        return EmployerFields(
            self._context.session.query(list_communities),
            code_tables.industries(),
            (JIESHOU_LATITUDE, JIESHOU_LONGITUDE),
        )

    def _set_up(self) -> None:
        f = self.fields
        self._watch_focus_out(
            [("name", f.name), ("credit_code", f.credit_code), ("contact_phone", f.contact_phone)]
        )
        # The liaison (包保责任人) is one of the station's users: the box offers their names.
        names = [c.display_name for c in self._context.session.query(liaison_choices)]
        f.liaison.setCompleter(QCompleter(names, f.liaison))
        self.setWindowTitle(self.tr("Register an employer"))
        self.resize(self.sizeHint().expandedTo(MIN_SIZE))

    # --- public API --------------------------------------------------------------------

    @property
    def employer_id(self) -> str | None:
        """The employer being edited; None while registering a new one."""
        return self.record_id

    # --- what an employer is -----------------------------------------------------------

    def _duplicate_text(self) -> str:
        return self.tr("An employer with this credit code is already registered.")

    def _gone_text(self, *, saving: bool) -> str:
        if saving:
            return self.tr("This employer no longer exists. Nothing was saved.")
        return self.tr("This employer no longer exists.")

    def _edit_title(self, data: EmployerInput) -> str:
        return self.tr("Edit employer: {name}").format(name=data.name)

    def _type_into(self, field_name: str, text: str) -> None:
        """Fields: name, credit_code, address, contact_name, contact_phone, liaison; the combos
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

    # --- checking as the worker types --------------------------------------------------

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
        self.save_button.setEnabled(valid and not self._busy)

    def _show(self, field_name: str, problems: list[Problem]) -> None:
        """Shows the first problem once the field was left, or as soon as it is sure to stay."""
        if field_name == "credit_code" and problems and field_name not in self._touched:
            text = self.fields.credit_code.text()
            if len(normalize_credit_code(text)) < CREDIT_CODE_LENGTH:
                problems = check_credit_code_prefix(text)  # a wrong character stays wrong
        elif field_name not in self._touched:
            problems = []
        self.fields.show_message(field_name, problem_text(problems[0]) if problems else "")
