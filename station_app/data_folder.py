"""The data folder before anything is written to it: is it usable, and is it ours alone?

`check_data_folder` refuses a folder that is a file or cannot be written to, creating nothing;
`DataFolderLock` keeps a second copy of the program off a folder that one copy is using.
Both raise `DataFolderError` subclasses; no Qt here, the GUI and the CLI say them each in
their own way.
"""

from __future__ import annotations

import errno
import logging
import os
import sys
import tempfile
from pathlib import Path
from types import TracebackType
from typing import Self

from station_app.errors import AlreadyRunningError, DataFolderError

log = logging.getLogger(__name__)

LOCK_FILE = "station.lock"
_PROBE_PREFIX = ".station-write-test-"


def check_data_folder(folder: Path) -> None:
    """Raises DataFolderError unless `folder` is (or can be made) a folder we may write to.

    Creates nothing: a folder that does not exist yet is judged by its nearest existing
    parent. Writability is tried, not read from the permission bits (they say nothing about
    root, network shares or Windows ACLs): a temporary file is created and removed again.
    """
    existing = _nearest_existing(folder)
    if not existing.is_dir():
        raise DataFolderError(
            f"the data folder {folder} cannot be used: {existing} is a file, not a folder",
            code="data_folder.not_a_folder",
            path=str(folder),
        )
    if not can_write(existing):
        raise DataFolderError(
            f"the data folder {folder} cannot be used: this user may not write to {existing}",
            code="data_folder.not_writable",
            path=str(folder),
        )


def prepare_data_folder(folder: Path) -> Path:
    """Checks the data folder (check_data_folder) and creates it if need be; returns it."""
    check_data_folder(folder)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise DataFolderError(
            f"the data folder {folder} cannot be created: {exc.strerror or exc}",
            code="data_folder.not_writable",
            path=str(folder),
        ) from exc
    return folder


def can_write(folder: Path) -> bool:
    """Whether a file can be created in `folder` (tried with a temporary file, then removed)."""
    try:
        handle, name = tempfile.mkstemp(prefix=_PROBE_PREFIX, dir=folder)
    except OSError:
        return False
    os.close(handle)
    Path(name).unlink(missing_ok=True)
    return True


def _nearest_existing(folder: Path) -> Path:
    for candidate in (folder, *folder.parents):
        if candidate.exists() or candidate.is_symlink():
            return candidate
    return Path(folder.anchor or ".")


class DataFolderLock:
    """One copy of the program per data folder: an OS lock on the file `station.lock`.

    The operating system drops the lock when its process ends, however it ends, so a crashed
    copy never blocks the next start. The lock file itself stays (it is empty). The lock is
    taken with the OS calls themselves (flock, or msvcrt.locking on Windows): they cost
    nothing on the way to the first paint, where a lock library's import took 40-50 ms.
    """

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.path = folder / LOCK_FILE
        self._fd: int | None = None

    def acquire(self) -> Self:
        """Takes the lock; AlreadyRunningError if another copy holds it."""
        if self._fd is not None:
            return self
        prepare_data_folder(self.folder)
        try:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)  # not inherited (PEP 446)
        except OSError as exc:
            raise DataFolderError(
                f"the data folder {self.folder} cannot be used: {exc.strerror or exc}",
                code="data_folder.not_writable",
                path=str(self.folder),
            ) from exc
        try:
            locked = _try_lock(fd)
        except OSError as exc:  # a file system without locks (some network shares)
            log.warning("cannot lock %s (%s): a second copy would not be stopped", self.path, exc)
            locked = True
        if not locked:
            os.close(fd)
            raise AlreadyRunningError(
                f"the program is already running on the data folder {self.folder}; "
                "use the copy that is open (or close it first)",
                code="data_folder.in_use",
                path=str(self.folder),
            )
        self._fd = fd
        log.debug("locked %s", self.path)
        return self

    @property
    def held(self) -> bool:
        return self._fd is not None

    def release(self) -> None:
        if self._fd is None:
            return
        fd, self._fd = self._fd, None
        try:
            _unlock(fd)
        except OSError:
            pass  # closing the file drops the lock all the same
        finally:
            os.close(fd)

    def __enter__(self) -> Self:
        return self.acquire()

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.release()


# errno values that mean "another process holds the lock" (the rest are real failures).
_HELD_ELSEWHERE = frozenset({errno.EACCES, errno.EAGAIN, errno.EWOULDBLOCK, errno.EDEADLK})

if sys.platform == "win32":
    import msvcrt

    def _try_lock(fd: int) -> bool:
        os.lseek(fd, 0, os.SEEK_SET)  # msvcrt locks bytes from the current position
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError as exc:
            if exc.errno in _HELD_ELSEWHERE:
                return False
            raise
        return True

    def _unlock(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _try_lock(fd: int) -> bool:
        # flock, not fcntl's record locks: those are per process, so a second lock taken by
        # the same process (the tests, a second window) would not be refused.
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as exc:
            if exc.errno in _HELD_ELSEWHERE:
                return False
            raise
        return True

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)
