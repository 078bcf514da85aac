"""The UI shows problems and labels in the language of its translators, from the catalogue.

The texts themselves (every code has one, parameters, hidden ones) are tested without Qt in
tests/texts/test_catalogue.py.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from station_app import paths
from station_app.errors import Problem
from station_app.models import EmployerType, EmploymentStatus, KeyGroup, Sex
from station_app.services.residents import check_name
from station_app.texts.sources import PROBLEMS
from station_app.ui.counter.employers.labels import employer_type_label
from station_app.ui.counter.residents.labels import key_groups_text, sex_label, status_label
from station_app.ui.shared import catalogue
from station_app.ui.shared.application import install_translators, remove_translators
from station_app.ui.shared.problem_texts import known_codes, problem_text

needs_qm = pytest.mark.skipif(
    not paths.station_translation("zh_CN").is_file(),
    reason="translations not compiled (python installer/build_translations.py)",
)


def test_the_ui_knows_the_catalogues_problem_codes() -> None:
    assert known_codes() == frozenset(PROBLEMS)


def test_english_until_a_language_is_chosen() -> None:
    assert catalogue.current().language == "en"
    (too_long,) = check_name("张" * 65)
    assert problem_text(too_long) == "A name has at most 64 characters."
    assert sex_label("M") == "Male"
    assert problem_text(Problem("x", "nobody.knows", "Something odd.")) == "Something odd."


def test_the_chinese_fixture_makes_problems_and_labels_chinese(chinese: None) -> None:
    assert problem_text(Problem("name", "resident.name_empty", "")) == "请输入姓名。"
    assert status_label(EmploymentStatus.FLEXIBLE) == "灵活就业"
    assert employer_type_label("enterprise") == "企业"
    assert key_groups_text(frozenset({KeyGroup.VETERAN, KeyGroup.HARD_TO_EMPLOY})) == "就困、退役"


@needs_qm
def test_the_catalogue_follows_the_installed_translators(qapp: QApplication) -> None:
    translators = install_translators(qapp, "zh_CN")
    try:
        assert catalogue.current().language == "zh_CN"
        assert sex_label(Sex.FEMALE) == "女"
    finally:
        remove_translators(qapp, translators)
    assert sex_label(Sex.FEMALE) == "Female"
    assert install_translators(qapp, "en") == []
    assert employer_type_label(EmployerType.ENTERPRISE) == "Enterprise"


def test_without_its_translation_file_the_catalogue_stays_english(
    qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(paths, "translations_dir", lambda: tmp_path)
    translators = install_translators(qapp, "zh_CN")
    try:
        assert sex_label(Sex.MALE) == "Male"
    finally:
        remove_translators(qapp, translators)
