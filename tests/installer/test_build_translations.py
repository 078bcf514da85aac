"""The translation check of installer/build_translations.py: placeholders as in the source."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _load_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "build_translations", ROOT / "installer" / "build_translations.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


build = _load_script()


def _ts(tmp_path: Path, *messages: str) -> Path:
    path = tmp_path / "station_zh_CN.ts"
    path.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n'
        '<TS version="2.1" language="zh_CN">\n<context>\n    <name>Page</name>\n'
        + "".join(messages)
        + "</context>\n</TS>\n",
        encoding="utf-8",
    )
    return path


def _message(source: str, translation: str, kind: str = "") -> str:
    type_part = f' type="{kind}"' if kind else ""
    return (
        f"    <message>\n        <source>{source}</source>\n"
        f"        <translation{type_part}>{translation}</translation>\n    </message>\n"
    )


def _plural(source: str, *forms: str) -> str:
    inner = "".join(f"<numerusform>{form}</numerusform>" for form in forms)
    return (
        f'    <message numerus="yes">\n        <source>{source}</source>\n'
        f"        <translation>{inner}</translation>\n    </message>\n"
    )


def test_the_shipped_translation_has_the_placeholders_of_its_sources() -> None:
    assert build.placeholder_faults(build.MAIN_TS) == []


def test_matching_placeholders_pass(tmp_path: Path) -> None:
    ts = _ts(
        tmp_path,
        _message("Edit resident: {name}", "修改居民信息：{name}"),
        _message("{date} {status}", "{status}（{date}）"),
        _message("Plain", "普通"),
        _plural("First {shown} of %n shown", "共 %n 家，仅显示前 {shown} 家"),
        _message("Later {name}", "", kind="unfinished"),  # untranslated() reports it
        _message("Gone %1", "旧 %2", kind="vanished"),
    )
    assert build.placeholder_faults(ts) == []


@pytest.mark.parametrize(
    ("source", "translation"),
    [
        ("Edit resident: {name}", "修改居民信息：{nom}"),  # renamed
        ("Edit resident: {name}", "修改居民信息"),  # lost
        ("{date} {status}", "{date} {status} {note}"),  # one too many
        ("Edit resident: {name}", "修改居民信息：%1"),  # the other style
        ("Edit resident: {name}", "修改居民信息：{name"),  # broken
    ],
)
def test_a_wrong_placeholder_is_reported(tmp_path: Path, source: str, translation: str) -> None:
    ts = _ts(tmp_path, _message(source, translation))
    (fault,) = build.placeholder_faults(ts)
    assert fault.startswith(f"Page: {source!r}: the translation")


def test_a_plural_form_without_its_count_is_reported(tmp_path: Path) -> None:
    ts = _ts(tmp_path, _plural("%n resident(s)", "共几人"))
    (fault,) = build.placeholder_faults(ts)
    assert "%n" in fault


def test_a_numbered_qt_placeholder_in_a_source_is_reported(tmp_path: Path) -> None:
    ts = _ts(tmp_path, _message("Born %1", "出生于 %1"))
    assert build.placeholder_faults(ts) == ["Page: 'Born %1': the source uses %1; write {name}"]


def test_the_check_fails_on_a_wrong_placeholder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    try:
        build.find_tool("pyside6-lupdate")
    except SystemExit:
        pytest.skip("pyside6-lupdate is not installed")
    shipped = build.MAIN_TS.read_text(encoding="utf-8")
    wrong = shipped.replace(
        "<translation>修改居民信息：{name}</translation>",
        "<translation>修改居民信息：{nom}</translation>",
    )
    assert wrong != shipped
    copy = tmp_path / build.MAIN_TS.name
    copy.write_text(wrong, encoding="utf-8")
    monkeypatch.setattr(build, "MAIN_TS", copy)
    monkeypatch.setattr(build, "ROOT", tmp_path)  # names the copy relative to its folder
    monkeypatch.setattr(build, "UI_DIR", ROOT / "station_app" / "ui")
    assert build.check_qt() == 1
    err = capsys.readouterr().err
    assert "1 translation(s)" in err
    assert "'Edit resident: {name}'" in err and "{nom}" in err
