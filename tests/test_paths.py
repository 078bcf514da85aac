"""Where files live: data dir choice, and bundled resources from a checkout or a frozen build."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from station_app import paths


def test_the_checkout_ships_every_bundled_resource() -> None:
    assert paths.cjk_font_path().is_file()
    assert (paths.data_tables_dir() / "occupations.csv").is_file()
    assert (paths.migrations_dir() / "env.py").is_file()


def test_a_frozen_build_reads_resources_from_its_bundle(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert paths.resources_dir() == tmp_path / "resources"
    assert paths.cjk_font_path() == tmp_path / "resources" / "fonts" / "wqy-microhei.ttc"
    assert paths.station_translation("zh_CN").parent == tmp_path / "resources" / "translations"


def test_data_dir_prefers_the_option_then_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(paths.DATA_DIR_ENV, str(tmp_path / "from-env"))
    assert paths.data_dir(tmp_path / "from-option") == tmp_path / "from-option"
    assert paths.data_dir() == tmp_path / "from-env"
    monkeypatch.delenv(paths.DATA_DIR_ENV)
    assert paths.data_dir().name == paths.APP_NAME  # the per-user data folder
