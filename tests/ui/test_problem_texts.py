"""Every Problem code raised by the services and validators has a text of its own in the UI."""

from __future__ import annotations

import ast
import re
from datetime import date
from pathlib import Path

import pytest

from station_app.errors import Problem, ValidationError
from station_app.services.residents import check_id_number, check_name, check_phone
from station_app.ui.problem_texts import known_codes, problem_text
from station_app.validation import compute_id_check_character, parse_credit_code

ROOT = Path(__file__).resolve().parents[2]
SOURCE_DIRS = (ROOT / "station_app" / "services", ROOT / "station_app" / "validation")
CODE_PATTERN = re.compile(r"^[a-z][a-z_]*\.[a-z][a-z_]*$")
FALLBACK = "<the English message>"


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


def problem_codes() -> set[str]:
    codes: set[str] = set()
    for directory in SOURCE_DIRS:
        for path in sorted(directory.rglob("*.py")):
            codes |= _codes_in(ast.parse(path.read_text(encoding="utf-8"), str(path)))
    return codes


CODES = sorted(problem_codes())


def test_the_source_scan_finds_the_known_areas() -> None:
    areas = {code.split(".")[0] for code in CODES}
    assert {"resident", "station", "user", "id_number", "phone", "credit_code"} <= areas
    assert "resident.create" not in CODES  # audit actions are not problems


@pytest.mark.parametrize("code", CODES)
def test_every_problem_code_has_a_text(code: str) -> None:
    assert code in known_codes()
    text = problem_text(Problem("field", code, FALLBACK))
    assert text != FALLBACK
    assert text.strip()


def test_unknown_code_falls_back_to_the_message() -> None:
    assert problem_text(Problem("x", "nobody.knows", "Something odd.")) == "Something odd."


def test_parameters_are_filled_in() -> None:
    (too_long,) = check_name("张" * 65)
    assert problem_text(too_long) == "A name has at most 64 characters."
    (length,) = check_id_number("34128219900307")
    assert problem_text(length) == "An ID number has 18 characters; this one has 14."
    (mobile,) = check_phone("1391234567")
    assert "10" in problem_text(mobile)
    (young,) = check_id_number(_id_number("20150101"), today=date(2025, 1, 1))
    assert "16" in problem_text(young)
    (impossible,) = check_id_number(_id_number("19990230"))
    assert "19990230" in problem_text(impossible)
    with pytest.raises(ValidationError) as caught:
        parse_credit_code("91341282MA2N0A1BI3")
    assert "I" in problem_text(caught.value.problems[0])


def test_the_right_check_character_is_never_shown() -> None:
    body = "34128219900307001"
    right = compute_id_check_character(body)
    wrong = "0" if right != "0" else "1"
    (problem,) = check_id_number(body + wrong)
    assert problem.params["expected"] == right
    text = problem_text(problem)
    assert "{" not in text
    assert problem_text(Problem("id_number", problem.code, "", {"expected": "Q"})) == text
    assert "Q" not in text


def test_no_text_is_left_with_a_placeholder_for_real_problems() -> None:
    problems = [
        *check_name(""),
        *check_name("张3"),
        *check_id_number(""),
        *check_id_number("9912821990030700"),
        *check_phone("abc"),
    ]
    for problem in problems:
        assert "{" not in problem_text(problem), problem.code


def _id_number(birth: str) -> str:
    body = f"341282{birth}001"
    return body + compute_id_check_character(body)
