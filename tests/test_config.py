"""Settings survive a round trip; a broken or foreign settings file never stops the app."""

from __future__ import annotations

from pathlib import Path

import pytest

from station_app.config import Settings, load_settings, parse_settings, save_settings


def test_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    save_settings(path, Settings(language="en", last_username="王芳"))
    assert load_settings(path) == Settings(language="en", last_username="王芳")
    assert not path.with_suffix(".tmp").exists()


def test_missing_file_gives_defaults(tmp_path: Path) -> None:
    assert load_settings(tmp_path / "none.json") == Settings()


@pytest.mark.parametrize(
    "text",
    [
        "{not json",
        "[]",
        '{"language": "fr"}',
        '{"last_username": 42}',
        '{"language": "en", "colour": "red"}',
    ],
)
def test_bad_files_give_defaults_and_a_warning(
    tmp_path: Path, text: str, caplog: pytest.LogCaptureFixture
) -> None:
    path = tmp_path / "settings.json"
    path.write_text(text, encoding="utf-8")
    assert load_settings(path) == Settings()
    assert "ignoring unreadable settings file" in caplog.text


def test_parse_names_the_problem() -> None:
    with pytest.raises(ValueError, match="language must be one of"):
        parse_settings({"language": "de"})
