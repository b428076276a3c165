"""The watchlist file on disk: read it, and write it so that nothing is ever lost.

- A save writes a temporary file in the same folder, flushes and fsyncs it, moves
  it over the old one with `os.replace` and fsyncs the folder: a crash at any
  moment leaves the old file or the new one, never a broken one.
- The file keeps its permission bits and its owner (when root saves a user's
  file); temporary files left by a killed save are removed the next time the
  file is read.
- The first save of each run keeps the file as it was in `NAME.bak1`, shifting
  older copies up to `NAME.bak5`; the command line keeps one a day (the first
  command of the day), so a script of many edits leaves the file as it was that
  morning. No lock file is left behind.
- A file that changed on disk since it was read is not written over: `save`
  raises ConflictError and the caller asks the user. A change is told by the
  file's size, time and place on disk, and by a hash of its bytes, so an edit
  that keeps the size and sets the old time back is caught too.
- Only a regular file is read or written: a FIFO, a device or a folder in its
  place is refused with a message, as is a read-only file.
- A file that cannot be read raises WatchlistFileError and is never written; a
  save that fails (disk full, permission denied) raises SaveError naming the
  file, and leaves the file as it was.
- Two processes never check-and-replace at once (an advisory lock); one that
  holds the lock too long gets LockTimeout naming it, rather than a wait for ever.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import secrets
import stat
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from watchtui.core.errors import ConflictError, SaveError
from watchtui.core.model import Watchlist
from watchtui.core.storage.files import (
    Fingerprint,
    content_digest,
    describe_kind,
    read_regular,
)
from watchtui.core.storage.reader import MAX_FILE_BYTES, decode, parse_watchlist

__all__ = [
    "BACKUPS",
    "LOCK_TIMEOUT",
    "ConflictError",
    "Fingerprint",
    "Loaded",
    "SaveError",
    "backed_up_today",
    "backup_paths",
    "fingerprint",
    "load",
    "read",
    "remove_stray_temp_files",
    "write_atomic",
]

BACKUPS = 5
LOCK_TIMEOUT = 10.0
"""Seconds a save waits for another process's save before it gives up."""


def fingerprint(path: Path) -> Fingerprint | None:
    """The file's fingerprint now (it is read to hash it), or None if there is no file."""
    found = read_regular(path, MAX_FILE_BYTES)
    return None if found is None else found[1]


@dataclass(slots=True)
class Loaded:
    watchlist: Watchlist
    fingerprint: Fingerprint | None
    text: str  # as read; empty for a file that does not exist yet


def read(path: Path) -> tuple[bytes | None, Fingerprint | None]:
    """The file's bytes and fingerprint; (None, None) if there is no file yet.

    Temporary files left by a killed save are removed first. Anything but a regular
    file (or a symlink to one) of at most MAX_FILE_BYTES is refused.
    """
    remove_stray_temp_files(Path(os.path.realpath(path)))
    found = read_regular(path, MAX_FILE_BYTES)
    if found is None:
        return None, None
    return found


def load(path: Path) -> Loaded:
    """Read the watchlist at `path`; a missing file is a new, empty watchlist."""
    data, found = read(path)
    if data is None:
        return Loaded(Watchlist(), None, "")
    text = decode(data, path)
    return Loaded(parse_watchlist(text, path), found, text)


# ---------------------------------------------------------------------------
# Writing


def _temp_pattern(path: Path) -> re.Pattern[str]:
    return re.compile(rf"^\.{re.escape(path.name)}\.(\d+)\.[0-9a-f]+\.tmp$")


_MAX_PID = 2**22  # Linux's largest; a name with a larger number is no save of ours


def _pid_alive(pid: int) -> bool:
    if pid == os.getpid():
        return False  # ours, and not being written: a save in this process has finished
    if not 0 < pid <= _MAX_PID:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError, OverflowError, ValueError):
        return True
    return True


def remove_stray_temp_files(path: Path) -> list[Path]:
    """Remove the temporary files a killed save left beside `path`."""
    pattern = _temp_pattern(path)
    removed: list[Path] = []
    try:
        names = os.listdir(path.parent)
    except OSError:
        return removed
    for name in names:
        match = pattern.match(name)
        if match and len(match[1]) < 12 and not _pid_alive(int(match[1])):
            stray = path.parent / name
            with contextlib.suppress(OSError):
                if not stat.S_ISREG(stray.lstat().st_mode):
                    continue  # named like ours, but no save of ours made it: not ours to remove
                stray.unlink()
                removed.append(stray)
    return removed


def backup_paths(path: Path) -> list[Path]:
    return [path.with_name(f"{path.name}.bak{n}") for n in range(1, BACKUPS + 1)]


def backed_up_today(path: Path) -> bool:
    """Whether the newest backup was made today (its inode changed today: linked,
    copied or shifted), for callers that keep one backup a day."""
    newest = backup_paths(Path(os.path.realpath(path)))[0]
    try:
        made = newest.lstat().st_ctime
    except OSError:
        return False
    return datetime.fromtimestamp(made).date() == datetime.now().date()


def _rotate_backups(path: Path) -> None:
    """Keep the file as it is now as .bak1, shifting the older copies up by one."""
    if not path.exists():
        return
    slots = backup_paths(path)
    for older, newer in zip(reversed(slots[:-1]), reversed(slots[1:]), strict=True):
        if older.exists():
            os.replace(older, newer)
    try:
        os.link(path, slots[0])  # the old version lives on under this name after the replace
    except OSError:
        found = read_regular(path, MAX_FILE_BYTES)
        if found is not None:  # no hard links here (some synced folders): a copy
            copy = slots[0].with_name(f".{slots[0].name}.{secrets.token_hex(4)}.tmp")
            _write_temp(copy, found[0], os.stat(path))
            os.replace(copy, slots[0])


def _lock_holder(descriptor: int) -> str:
    """Who holds the lock, as its holder wrote it ("process 1234"), if known."""
    with contextlib.suppress(OSError, ValueError):
        pid = int(os.pread(descriptor, 32, 0).split()[0])
        name = ""
        with contextlib.suppress(OSError):
            name = Path(f"/proc/{pid}/comm").read_text(encoding="utf-8", errors="replace").strip()
        return f"process {pid}" + (f" ({name})" if name else "")
    return "another program"


@contextlib.contextmanager
def _locked(path: Path, timeout: float | None = None) -> Iterator[None]:
    """Hold an advisory lock so two watchtui processes never check-and-replace at once.

    The lock file beside the watchlist holds the pid of the process holding it, so
    one that waits too long can say whom it waited for.
    """
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows
        yield
        return
    wait = LOCK_TIMEOUT if timeout is None else timeout
    lock_path = path.with_name(f".{path.name}.lock")
    deadline = time.monotonic() + wait
    while True:
        descriptor = _open_lock(path, lock_path)
        try:
            _wait_for_lock(fcntl, descriptor, path, deadline, wait)
            try:
                same = os.fstat(descriptor).st_ino == os.lstat(lock_path).st_ino
            except FileNotFoundError:
                same = False
        except BaseException:
            os.close(descriptor)
            raise
        if same:
            break
        os.close(descriptor)  # its holder removed it as we waited: lock the new one
    try:
        with contextlib.suppress(OSError):
            os.ftruncate(descriptor, 0)
            os.pwrite(descriptor, f"{os.getpid()}\n".encode(), 0)
        yield
    finally:
        # Removed while still held, so no lock file is left behind; a process that
        # opened it meanwhile sees it is gone once it gets the lock, and tries again.
        with contextlib.suppress(OSError):
            os.unlink(lock_path)
        os.close(descriptor)


def _open_lock(path: Path, lock_path: Path) -> int:
    flags = os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        descriptor = os.open(lock_path, flags | getattr(os, "O_NONBLOCK", 0), 0o644)
    except OSError as error:
        raise SaveError(
            path, f"could not be saved: its lock file {lock_path.name} {_why(error)}"
        ) from None
    if not stat.S_ISREG(os.fstat(descriptor).st_mode):
        os.close(descriptor)
        raise SaveError(path, f"could not be saved: its lock file {lock_path.name} is odd")
    return descriptor


def _wait_for_lock(fcntl: Any, descriptor: int, path: Path, deadline: float, wait: float) -> None:
    pause = 0.002
    while True:
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return
        except BlockingIOError:
            if time.monotonic() >= deadline:
                raise SaveError(
                    path,
                    f"could not be saved: {_lock_holder(descriptor)} has held its lock "
                    f"for over {wait:g} s; try again once it is done",
                ) from None
            time.sleep(pause)
            pause = min(pause * 2, 0.1)


def _why(error: OSError) -> str:
    """An OSError in words, without the names of the files involved."""
    if error.errno == errno.ENOSPC:
        return "could not be written: the disk is full"
    if error.errno == errno.EDQUOT:
        return "could not be written: the disk quota is used up"
    if isinstance(error, PermissionError):
        return "could not be written: permission denied"
    if error.errno == errno.EROFS:
        return "could not be written: the disk is read-only"
    return f"could not be written: {error.strerror or type(error).__name__}"


def _fsync_folder(folder: Path) -> None:
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError:  # pragma: no cover - platforms that cannot open a folder
        return
    try:
        os.fsync(descriptor)
    except OSError:  # pragma: no cover
        pass
    finally:
        os.close(descriptor)


def _check_current(path: Path, expected: Fingerprint | None) -> os.stat_result | None:
    """The file's status now; ConflictError if it is not the version `expected`."""
    try:
        info = os.stat(path)
    except FileNotFoundError:
        if expected is not None:
            raise ConflictError(path, "was deleted or moved away") from None
        return None
    if not stat.S_ISREG(info.st_mode):
        raise SaveError(
            path,
            f"is {describe_kind(info.st_mode)}, not a regular file; watchtui will not write it",
        )
    if expected is None or (info.st_ino, info.st_size, info.st_mtime_ns) != (
        expected.inode,
        expected.size,
        expected.mtime_ns,
    ):
        raise ConflictError(path)
    if fingerprint(path) != expected:  # same size and time, other bytes
        raise ConflictError(path)
    return info


def _writable(path: Path, info: os.stat_result) -> None:
    """Refuse a file its owner made read-only, even when root could write it."""
    if info.st_mode & 0o222 == 0 or not os.access(path, os.W_OK):
        raise SaveError(
            path,
            "is read-only; nothing was saved (make it writable, e.g. chmod u+w, to save changes)",
        )


def _keep_owner(descriptor: int, info: os.stat_result) -> None:
    """Give the new file the old one's owner and group: root saving a user's file must
    not hand it to root. A user who cannot keep the group keeps their own."""
    if not hasattr(os, "fchown"):  # pragma: no cover - Windows
        return
    if (info.st_uid, info.st_gid) == (os.geteuid(), os.getegid()):
        return
    with contextlib.suppress(OSError):
        os.fchown(descriptor, info.st_uid, info.st_gid)


def write_atomic(
    path: Path,
    text: str,
    expected: Fingerprint | None,
    *,
    backup: bool = False,
) -> Fingerprint:
    """Replace the file with `text`, atomically, if it is still the version `expected`.

    Raises ConflictError, writing nothing, if the file changed since then, and
    SaveError naming the file if it cannot be written (the file is left as it
    was). Returns the new file's fingerprint, to expect at the next save.
    """
    path = Path(os.path.realpath(path))  # a symlinked watchlist: write its target, keep the link
    try:
        data = text.encode("utf-8")
    except UnicodeEncodeError:
        raise SaveError(
            path, "could not be saved: the watchlist holds text that is not UTF-8"
        ) from None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        reason = "permission denied" if isinstance(error, PermissionError) else error.strerror
        raise SaveError(path, f"could not be saved: its folder cannot be made ({reason})") from None
    with _locked(path):
        current = _check_current(path, expected)
        if current is not None:
            _writable(path, current)
        temp = path.with_name(f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}.tmp")
        try:
            _write_temp(temp, data, current)
            if backup:
                _rotate_backups(path)
            os.replace(temp, path)
        except OSError as error:
            with contextlib.suppress(OSError):
                temp.unlink()
            raise SaveError(path, f"{_why(error)}; the file on disk was left as it was") from None
        except BaseException:
            with contextlib.suppress(OSError):
                temp.unlink()
            raise
        _fsync_folder(path.parent)
        info = os.stat(path)
    return Fingerprint(info.st_ino, info.st_size, info.st_mtime_ns, content_digest(data))


def _write_temp(temp: Path, data: bytes, current: os.stat_result | None) -> None:
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
    descriptor = os.open(temp, flags | getattr(os, "O_CLOEXEC", 0), 0o666)
    try:
        if current is not None and hasattr(os, "fchmod"):
            _keep_owner(descriptor, current)  # first: a change of owner clears set-id bits
            os.fchmod(descriptor, stat.S_IMODE(current.st_mode))
        view = memoryview(data)
        while view:
            written = os.write(descriptor, view)
            view = view[written:]
        os.fsync(descriptor)
    finally:
        os.close(descriptor)
