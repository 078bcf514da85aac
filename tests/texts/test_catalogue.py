"""The catalogue: every code raised has a text, in English and in Chinese, without Qt."""

from __future__ import annotations

import ast
import json
import os
import re
import subprocess
import sys
from datetime import date
from enum import StrEnum
from pathlib import Path

import pytest

from station_app import errors
from station_app.errors import (
    ConflictError,
    DuplicateError,
    NotFoundError,
    Problem,
    UserError,
    ValidationError,
)
from station_app.models import enums
from station_app.models.enums import EmployerType, EmploymentStatus, KeyGroup, Sex
from station_app.services.residents import check_id_number, check_name, check_phone
from station_app.texts import Catalogue, label_code
from station_app.texts.sources import ERRORS, SOURCES
from station_app.validation import compute_id_check_character, parse_credit_code

ROOT = Path(__file__).resolve().parents[2]
SOURCE_DIRS = (ROOT / "station_app" / "services", ROOT / "station_app" / "validation")
CODE_PATTERN = re.compile(r"^[a-z][a-z_]*\.[a-z][a-z_]*$")
FALLBACK = "<the English message>"
ENGLISH = Catalogue.load("en")
CHINESE = Catalogue.load("zh_CN")


def _call_name(node: ast.Call) -> str:
    func = node.func
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return ""


def _codes_in(tree: ast.AST) -> set[str]:
    """Codes given to Problem(...) (2nd argument or code=), or to helpers that make one."""
    codes: set[str] = set()
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        candidates: list[ast.expr] = [kw.value for kw in node.keywords if kw.arg == "code"]
        name = _call_name(node)
        if name == "Problem" and len(node.args) >= 2:
            candidates.append(node.args[1])
        elif re.search("problem|refuse", name, re.IGNORECASE):
            candidates.extend(node.args)
        for value in candidates:
            if isinstance(value, ast.Constant) and isinstance(value.value, str):
                codes.update(CODE_PATTERN.findall(value.value))
    return codes


def raised_codes() -> set[str]:
    """The codes of Problems, and the code= of UserErrors, the services and validators raise."""
    codes: set[str] = set()
    for directory in SOURCE_DIRS:
        for path in sorted(directory.rglob("*.py")):
            codes |= _codes_in(ast.parse(path.read_text(encoding="utf-8"), str(path)))
    return codes


CODES = sorted(raised_codes())


def _id_number(birth: str) -> str:
    body = f"341282{birth}001"
    return body + compute_id_check_character(body)


def test_the_source_scan_finds_the_known_areas() -> None:
    areas = {code.split(".")[0] for code in CODES}
    assert {"resident", "station", "user", "id_number", "phone", "credit_code"} <= areas
    assert "resident.create" not in CODES  # audit actions are not problems


@pytest.mark.parametrize("code", CODES)
def test_every_raised_code_has_a_text(code: str) -> None:
    assert code in SOURCES
    for catalogue in (ENGLISH, CHINESE):
        text = catalogue.problem(Problem("field", code, FALLBACK))
        assert text != FALLBACK
        assert text.strip()


def test_the_chinese_of_a_problem_and_of_a_label() -> None:
    assert CHINESE.language == "zh_CN"
    assert CHINESE.problem(Problem("name", "resident.name_empty", "")) == "请输入姓名。"
    (too_long,) = check_name("张" * 65)
    assert CHINESE.problem(too_long) == "姓名最多 64 个字。"
    assert CHINESE.label(EmploymentStatus.UNEMPLOYED) == "未就业（有就业意愿）"
    assert CHINESE.label(Sex.MALE) == "男"
    assert CHINESE.label(KeyGroup.HARD_TO_EMPLOY, short=True) == "就困"
    assert CHINESE.label(EmployerType.INDIVIDUAL_BUSINESS) == "个体工商户"
    assert CHINESE.labels([KeyGroup.HARD_TO_EMPLOY, KeyGroup.VETERAN], short=True) == "就困、退役"


def test_the_core_shows_chinese_without_qt() -> None:
    code = (
        "import sys\n"
        "from station_app.errors import Problem\n"
        "from station_app.models import EmploymentStatus\n"
        "from station_app.texts import Catalogue\n"
        "zh = Catalogue.load('zh_CN')\n"
        "print(zh.problem(Problem('id_number', 'id_number.length', '', {'length': '14'})))\n"
        "print(zh.label(EmploymentStatus.EMPLOYED))\n"
        "print(sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
        timeout=60,
        cwd=ROOT,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == ["身份证号码应为 18 位，当前为 14 位。", "单位就业", "[]"]


def test_english_is_the_sources() -> None:
    assert ENGLISH.language == "en"
    assert ENGLISH.label(EmploymentStatus.UNEMPLOYED) == "Not employed, seeking work"
    assert ENGLISH.labels([KeyGroup.HARD_TO_EMPLOY, KeyGroup.VETERAN], short=True) == (
        "Difficulties, Veteran"
    )
    assert ENGLISH.text("resident.name_too_long", max=64) == "A name has at most 64 characters."


def test_unknown_code_falls_back_to_the_message() -> None:
    for catalogue in (ENGLISH, CHINESE):
        assert catalogue.problem(Problem("x", "nobody.knows", "Something odd.")) == (
            "Something odd."
        )
        assert catalogue.text("nobody.knows") == "nobody.knows"
    assert "nobody.knows" not in CHINESE
    assert "resident.name_empty" in CHINESE


def test_an_untranslated_code_is_shown_in_english() -> None:
    partial = Catalogue("zh_CN", {"resident.name_empty": "请输入姓名。"})
    assert partial.text("resident.name_empty") == "请输入姓名。"
    assert partial.text("phone.empty") == "Enter a phone number."


def test_a_missing_translation_file_leaves_english(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    catalogue = Catalogue.load("zh_CN", tmp_path)
    assert catalogue.label(Sex.MALE) == "Male"
    assert "texts_zh_CN.json" in caplog.text
    (tmp_path / "texts_zh_CN.json").write_text(json.dumps(["not", "a", "table"]))
    assert Catalogue.load("zh_CN", tmp_path).label(Sex.MALE) == "Male"


def test_parameters_are_filled_in() -> None:
    (too_long,) = check_name("张" * 65)
    assert ENGLISH.problem(too_long) == "A name has at most 64 characters."
    (length,) = check_id_number("34128219900307")
    assert ENGLISH.problem(length) == "An ID number has 18 characters; this one has 14."
    (mobile,) = check_phone("1391234567")
    assert "10" in ENGLISH.problem(mobile)
    (young,) = check_id_number(_id_number("20150101"), today=date(2025, 1, 1))
    assert "16" in ENGLISH.problem(young)
    (impossible,) = check_id_number(_id_number("19990230"))
    assert "19990230" in ENGLISH.problem(impossible)
    assert "19990230" in CHINESE.problem(impossible)
    with pytest.raises(ValidationError) as caught:
        parse_credit_code("91341282MA2N0A1BI3")
    assert "I" in ENGLISH.problem(caught.value.problems[0])


def test_the_right_check_character_is_never_shown() -> None:
    body = "34128219900307001"
    right = compute_id_check_character(body)
    wrong = "0" if right != "0" else "1"
    (problem,) = check_id_number(body + wrong)
    assert problem.params["expected"] == right
    for catalogue in (ENGLISH, CHINESE):
        text = catalogue.problem(problem)
        assert "{" not in text
        hidden = Problem("id_number", problem.code, "", {"expected": "Q"})
        assert catalogue.problem(hidden) == text
        assert "Q" not in text
    assert ENGLISH.text("id_number.length", expected="Q", length=3).count("Q") == 0


def test_no_text_is_left_with_a_placeholder_for_real_problems() -> None:
    problems = [
        *check_name(""),
        *check_name("张3"),
        *check_id_number(""),
        *check_id_number("9912821990030700"),
        *check_phone("abc"),
    ]
    for problem in problems:
        for catalogue in (ENGLISH, CHINESE):
            assert "{" not in catalogue.problem(problem), problem.code


ENUMS = [
    value
    for value in vars(enums).values()
    if isinstance(value, type) and issubclass(value, StrEnum) and value is not StrEnum
]


@pytest.mark.parametrize("kind", ENUMS, ids=lambda kind: kind.__name__)
def test_every_member_of_every_vocabulary_has_a_label(kind: type[StrEnum]) -> None:
    for member in kind:
        assert label_code(member) in SOURCES
        assert CHINESE.label(member) != ENGLISH.label(member) or member.value == "other"


def test_label_codes_come_from_the_names() -> None:
    assert label_code(EmploymentStatus.SELF_EMPLOYED) == "enum.employment_status.self_employed"
    assert label_code(Sex.FEMALE) == "enum.sex.female"  # not its stored value "F"
    assert label_code(KeyGroup.VETERAN, short=True) == "enum.key_group.veteran.short"


def test_a_label_without_a_short_form_uses_the_full_one() -> None:
    assert CHINESE.label(Sex.FEMALE, short=True) == "女"


def _user_error_classes() -> list[type[UserError]]:
    found: list[type[UserError]] = []
    pending: list[type[UserError]] = [UserError]
    while pending:
        kind = pending.pop()
        found.append(kind)
        pending.extend(kind.__subclasses__())
    return [kind for kind in found if kind.__module__ == errors.__name__]


@pytest.mark.parametrize("kind", _user_error_classes(), ids=lambda kind: kind.__name__)
def test_every_user_error_has_a_text_for_its_default_code(kind: type[UserError]) -> None:
    assert kind.default_code in ERRORS
    assert CHINESE.text(kind.default_code) != ENGLISH.text(kind.default_code)


def test_an_error_is_shown_by_its_code() -> None:
    missing = NotFoundError("the resident does not exist")
    assert CHINESE.error(missing) == "该记录已不存在。"
    assert ENGLISH.error(missing) == "the resident does not exist"  # says more than the default
    conflict = ConflictError("changed meanwhile")
    assert CHINESE.error(conflict) == CHINESE.text("error.conflict")
    duplicate = DuplicateError("", field="id_number", existing_id="r1")
    assert ENGLISH.error(duplicate) == "This record is already registered."
    coded = NotFoundError("gone", code="resident.name_too_long", params={"max": "9"})
    assert CHINESE.error(coded) == "姓名最多 9 个字。"


def test_a_validation_error_is_shown_as_its_problems() -> None:
    error = ValidationError([*check_name(""), *check_id_number("")])
    assert CHINESE.error(error) == "请输入姓名。\n请输入身份证号码。"
