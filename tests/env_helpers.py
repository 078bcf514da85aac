"""Helpers of the bad-environment tests: a folder's listing, a folder that refuses writing."""

from __future__ import annotations

from pathlib import Path

import pytest

from station_app import data_folder


def listing(folder: Path) -> dict[str, bytes | None]:
    """Every entry under `folder` (files with their bytes): equal listings mean no change."""
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() if p.is_file() else None
        for p in sorted(folder.rglob("*"))
    }


def deny_writing(monkeypatch: pytest.MonkeyPatch, folder: Path) -> None:
    """Makes `folder` (and everything in it) refuse new files, also for root.

    chmod cannot do that when the tests run as root (CI does): root writes to a read-only
    folder all the same. So the write probe is told that this folder refuses, as a read-only
    share or a folder without the write permission would; the probe itself is tested for
    real in test_data_folder.py.
    """
    real = data_folder.can_write

    def refuse(candidate: Path) -> bool:
        inside = candidate == folder or folder in candidate.parents
        return False if inside else real(candidate)

    monkeypatch.setattr(data_folder, "can_write", refuse)
