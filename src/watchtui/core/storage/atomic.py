"""The watchlist file on disk: read it, and write it so that nothing is ever lost.

- A save writes a temporary file in the same folder, flushes and fsyncs it, moves
  it over the old one with `os.replace` and fsyncs the folder: a crash at any
  moment leaves the old file or the new one, never a broken one.
- The file keeps its permission bits; temporary files left by a killed save are
  removed the next time the file is read.
- The first save of each run keeps the file as it was in `NAME.bak1`, shifting
  older copies up to `NAME.bak5`.
- A file that changed on disk since it was read is not written over: `save`
  raises ConflictError and the caller asks the user.
- A file that cannot be read raises WatchlistFileError and is never written.
"""

from __future__ import annotations

import contextlib
import os
import re
import secrets
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from watchtui.core.errors import ConflictError, WatchlistFileError
from watchtui.core.model import Watchlist
from watchtui.core.storage.reader import decode, parse_watchlist

__all__ = [
    "BACKUPS",
    "ConflictError",
    "Fingerprint",
    "Loaded",
    "backup_paths",
    "fingerprint",
    "load",
    "read",
    "remove_stray_temp_files",
    "write_atomic",
]

BACKUPS = 5


@dataclass(frozen=True, slots=True)
class Fingerprint:
    """What tells one version of the file from another without reading it."""

    inode: int
    size: int
    mtime_ns: int


def fingerprint(path: Path) -> Fingerprint | None:
    """The file's fingerprint now, or None if there is no file."""
    try:
        info = path.stat()
    except FileNotFoundError:
        return None
    return Fingerprint(info.st_ino, info.st_size, info.st_mtime_ns)


@dataclass(slots=True)
class Loaded:
    watchlist: Watchlist
    fingerprint: Fingerprint | None
    text: str  # as read; empty for a file that does not exist yet


def read(path: Path) -> tuple[bytes | None, Fingerprint | None]:
    """The file's bytes and fingerprint; (None, None) if there is no file yet.

    Temporary files left by a killed save are removed first.
    """
    remove_stray_temp_files(Path(os.path.realpath(path)))
    try:
        with open(path, "rb") as handle:
            before = os.fstat(handle.fileno())
            data = handle.read()
    except FileNotFoundError:
        return None, None
    except IsADirectoryError:
        raise WatchlistFileError(path, "is a folder, not a watchlist file") from None
    except PermissionError:
        raise WatchlistFileError(path, "cannot be read: permission denied") from None
    except OSError as error:
        raise WatchlistFileError(path, f"cannot be read: {error.strerror}") from None
    return data, Fingerprint(before.st_ino, before.st_size, before.st_mtime_ns)


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


def _pid_alive(pid: int) -> bool:
    if pid == os.getpid():
        return False  # ours, and not being written: a save in this process has finished
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError):
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
        if match and not _pid_alive(int(match[1])):
            stray = path.parent / name
            with contextlib.suppress(OSError):
                stray.unlink()
                removed.append(stray)
    return removed


def backup_paths(path: Path) -> list[Path]:
    return [path.with_name(f"{path.name}.bak{n}") for n in range(1, BACKUPS + 1)]


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
        import shutil

        shutil.copy2(path, slots[0])


@contextlib.contextmanager
def _locked(path: Path) -> Iterator[None]:
    """Hold an advisory lock so two watchtui processes never check-and-replace at once."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows
        yield
        return
    lock_path = path.with_name(f".{path.name}.lock")
    descriptor = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX)
        yield
    finally:
        os.close(descriptor)


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


def write_atomic(
    path: Path,
    text: str,
    expected: Fingerprint | None,
    *,
    backup: bool = False,
) -> Fingerprint:
    """Replace the file with `text`, atomically, if it is still the version `expected`.

    Raises ConflictError, writing nothing, if the file changed since then. Returns
    the new file's fingerprint, to expect at the next save.
    """
    path = Path(os.path.realpath(path))  # a symlinked watchlist: write its target, keep the link
    path.parent.mkdir(parents=True, exist_ok=True)
    data = text.encode("utf-8")
    with _locked(path):
        current = fingerprint(path)
        if current is not None and current != expected:
            raise ConflictError(path)
        mode = (path.stat().st_mode & 0o7777) if current is not None else None
        temp = path.with_name(f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}.tmp")
        descriptor = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
        try:
            if mode is not None and hasattr(os, "fchmod"):
                os.fchmod(descriptor, mode)
            with os.fdopen(descriptor, "wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
            if backup:
                _rotate_backups(path)
            os.replace(temp, path)
        except BaseException:
            with contextlib.suppress(OSError):
                temp.unlink()
            raise
        _fsync_folder(path.parent)
        new = fingerprint(path)
    assert new is not None
    return new
