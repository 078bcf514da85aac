"""The data folder check (a file in its place, not writable) and the one-copy-per-folder lock."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from env_helpers import deny_writing, listing

from station_app.data_folder import (
    LOCK_FILE,
    DataFolderLock,
    can_write,
    check_data_folder,
    prepare_data_folder,
)
from station_app.errors import AlreadyRunningError, DataFolderError, UserError


def test_an_existing_folder_passes_and_nothing_is_left_of_the_probe(tmp_path: Path) -> None:
    (tmp_path / "station.sqlite").write_bytes(b"kept")
    before = listing(tmp_path)
    check_data_folder(tmp_path)
    assert listing(tmp_path) == before


def test_a_missing_folder_passes_without_being_created(tmp_path: Path) -> None:
    folder = tmp_path / "new" / "data"
    check_data_folder(folder)
    assert not (tmp_path / "new").exists()
    assert prepare_data_folder(folder) == folder
    assert folder.is_dir()


@pytest.mark.parametrize("where", ["the folder itself", "a parent"])
def test_a_file_in_the_place_of_the_folder_is_refused_untouched(tmp_path: Path, where: str) -> None:
    file = tmp_path / "station.txt"
    file.write_bytes(b"some notes")
    folder = file if where == "the folder itself" else file / "data"
    before = listing(tmp_path)
    for attempt in (check_data_folder, prepare_data_folder, lambda f: DataFolderLock(f).acquire()):
        with pytest.raises(DataFolderError) as caught:
            attempt(folder)
        assert caught.value.code == "data_folder.not_a_folder"
        assert caught.value.params == {"path": str(folder)}
        assert str(folder) in str(caught.value)
        assert "not a folder" in str(caught.value)
        assert isinstance(caught.value, UserError)
    assert listing(tmp_path) == before


@pytest.mark.parametrize("exists", [True, False])
def test_a_folder_that_cannot_be_written_is_refused_untouched(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, exists: bool
) -> None:
    read_only = tmp_path / "share"
    read_only.mkdir()
    (read_only / "station.sqlite").write_bytes(b"kept")
    folder = read_only if exists else read_only / "data"
    deny_writing(monkeypatch, read_only)
    before = listing(tmp_path)
    for attempt in (check_data_folder, prepare_data_folder, lambda f: DataFolderLock(f).acquire()):
        with pytest.raises(DataFolderError, match="may not write") as caught:
            attempt(folder)
        assert caught.value.code == "data_folder.not_writable"
        assert str(folder) in str(caught.value)
    assert listing(tmp_path) == before


def test_can_write_tries_for_real(tmp_path: Path) -> None:
    assert can_write(tmp_path)
    assert list(tmp_path.iterdir()) == []  # the probe file is gone again
    (tmp_path / "file").write_text("x")
    assert not can_write(tmp_path / "file")
    assert not can_write(tmp_path / "missing")


@pytest.mark.skipif(
    sys.platform == "win32" or os.geteuid() == 0,
    reason="the permission bits do not deny root (nor work this way on Windows)",
)
def test_can_write_sees_a_folder_without_write_permission(tmp_path: Path) -> None:
    folder = tmp_path / "read-only"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        assert not can_write(folder)
        with pytest.raises(DataFolderError, match="may not write"):
            check_data_folder(folder)
    finally:
        folder.chmod(0o700)


def test_a_second_lock_on_the_same_folder_is_refused(tmp_path: Path) -> None:
    with DataFolderLock(tmp_path) as first:
        assert first.held
        before = listing(tmp_path)
        with pytest.raises(AlreadyRunningError, match="already running") as caught:
            DataFolderLock(tmp_path).acquire()
        assert caught.value.code == "data_folder.in_use"
        assert caught.value.params == {"path": str(tmp_path)}
        assert isinstance(caught.value, DataFolderError)
        assert listing(tmp_path) == before
        with DataFolderLock(tmp_path / "other"):  # another folder is another lock
            pass
    assert not first.held
    with DataFolderLock(tmp_path):  # released: the next copy may start
        pass


def test_the_lock_creates_a_missing_folder(tmp_path: Path) -> None:
    folder = tmp_path / "new"
    with DataFolderLock(folder):
        assert (folder / LOCK_FILE).is_file()


_HOLD = """
import sys, time
from pathlib import Path
from station_app.data_folder import DataFolderLock
lock = DataFolderLock(Path(sys.argv[1])).acquire()
print("locked", flush=True)
time.sleep(120)
"""


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_the_lock_of_a_crashed_copy_does_not_block(tmp_path: Path) -> None:
    holder = subprocess.Popen(
        [sys.executable, "-c", _HOLD, str(tmp_path)], stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout is not None
        assert holder.stdout.readline().strip() == "locked"
        with pytest.raises(AlreadyRunningError):  # another process holds it
            DataFolderLock(tmp_path).acquire()
        holder.send_signal(signal.SIGKILL)  # a crash: no clean-up runs
        holder.wait(timeout=30)
    finally:
        if holder.poll() is None:
            holder.kill()
            holder.wait(timeout=30)
        if holder.stdout is not None:
            holder.stdout.close()
    assert (tmp_path / LOCK_FILE).exists()  # the file stays; the lock died with the process
    with DataFolderLock(tmp_path) as lock:
        assert lock.held
