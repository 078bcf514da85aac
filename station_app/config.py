"""Local settings of one installation (language, last user), kept as JSON in the data dir.

A frozen dataclass with explicit checks rather than a pydantic model: the settings are read
before the first window paints, and importing pydantic alone would cost about as long as
starting Qt does (see docs/performance.md).
"""

from __future__ import annotations

import json
import logging
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Literal, cast

log = logging.getLogger(__name__)

Language = Literal["zh_CN", "en"]
LANGUAGES: tuple[Language, ...] = ("zh_CN", "en")
MAX_USERNAME_LENGTH = 64


@dataclass(frozen=True)
class Settings:
    language: Language = "zh_CN"
    last_username: str = ""


def parse_settings(data: object) -> Settings:
    """Settings from decoded JSON; ValueError naming the first bad or unknown entry."""
    if not isinstance(data, dict):
        raise ValueError("the settings are not a JSON object")
    unknown = set(data) - {"language", "last_username"}
    if unknown:
        raise ValueError(f"unknown settings: {', '.join(sorted(unknown))}")
    language = data.get("language", "zh_CN")
    if language not in LANGUAGES:
        raise ValueError(f"language must be one of {', '.join(LANGUAGES)}, not {language!r}")
    username = data.get("last_username", "")
    if not isinstance(username, str) or len(username) > MAX_USERNAME_LENGTH:
        raise ValueError(f"last_username must be text of at most {MAX_USERNAME_LENGTH} characters")
    return Settings(language=cast(Language, language), last_username=username)


def load_settings(path: Path) -> Settings:
    """The saved settings; defaults when the file is missing or unreadable (logged, not fatal)."""
    try:
        return parse_settings(json.loads(path.read_text(encoding="utf-8")))
    except FileNotFoundError:
        return Settings()
    except (OSError, ValueError) as exc:  # json.JSONDecodeError is a ValueError
        log.warning("ignoring unreadable settings file %s: %s", path, exc)
        return Settings()


def save_settings(path: Path, settings: Settings) -> None:
    """Writes atomically (temp file + rename) so a crash never leaves half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(asdict(settings), ensure_ascii=False, indent=2), encoding="utf-8")
    tmp.replace(path)
