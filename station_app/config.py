"""Local settings of one installation (language, last user), kept as JSON in the data dir."""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ValidationError

log = logging.getLogger(__name__)

Language = Literal["zh_CN", "en"]


class Settings(BaseModel):
    language: Language = "zh_CN"
    last_username: str = ""


def load_settings(path: Path) -> Settings:
    """The saved settings; defaults when the file is missing or unreadable (logged, not fatal)."""
    try:
        return Settings.model_validate(json.loads(path.read_text(encoding="utf-8")))
    except FileNotFoundError:
        return Settings()
    except (OSError, ValueError, ValidationError) as exc:
        log.warning("ignoring unreadable settings file %s: %s", path, exc)
        return Settings()


def save_settings(path: Path, settings: Settings) -> None:
    """Writes atomically (temp file + rename) so a crash never leaves half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(settings.model_dump_json(indent=2), encoding="utf-8")
    tmp.replace(path)
