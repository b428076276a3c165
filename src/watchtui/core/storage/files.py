"""Reading a file someone named: regular files only, never more than a limit.

The watchlist, a file to import and the settings are paths a person (or another
program) chose. A FIFO would block a read for ever, /dev/zero (or a symlink to it)
would fill the memory, a terminal or tape device can do anything when opened.
`read_regular` looks before it opens, opens without blocking, looks again at what
it opened, and stops reading at the limit: each of those is one clear message
naming the file, never a hang.
"""

from __future__ import annotations

import hashlib
import os
import stat
from dataclasses import dataclass
from pathlib import Path

from watchtui.core.errors import WatchlistFileError

__all__ = ["Fingerprint", "content_digest", "describe_kind", "read_regular", "unreadable"]

_OPEN_FLAGS = (
    os.O_RDONLY
    | getattr(os, "O_NONBLOCK", 0)  # a FIFO opens at once instead of waiting for a writer
    | getattr(os, "O_NOCTTY", 0)
    | getattr(os, "O_CLOEXEC", 0)
    | getattr(os, "O_BINARY", 0)
)


@dataclass(frozen=True, slots=True)
class Fingerprint:
    """What tells one version of the file from another: where it is on disk, its size
    and time, and a hash of its bytes. The hash catches what the rest cannot: a sync
    tool or editor that writes the same number of bytes and sets the old time back."""

    inode: int
    size: int
    mtime_ns: int
    digest: bytes


def content_digest(data: bytes) -> bytes:
    return hashlib.blake2b(data, digest_size=16).digest()


def describe_kind(mode: int) -> str:
    """What a non-regular file is, in words."""
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISLNK(mode):
        return "a symbolic link"
    return "not a regular file"


def unreadable(error: OSError) -> str:
    if isinstance(error, PermissionError):
        return "cannot be read: permission denied"
    return f"cannot be read: {error.strerror or error}"


def _too_large(size: int, limit: int, what: str) -> str:
    megabytes = limit // (1024 * 1024)
    if megabytes:
        return f"the file is over {megabytes} MB; {what} is at most {megabytes} MB"
    return f"the file is over {limit // 1024} KB; {what} is at most {limit // 1024} KB"


def read_regular(
    path: Path,
    limit: int,
    *,
    what: str = "a watchlist",
    error: type[WatchlistFileError] = WatchlistFileError,
) -> tuple[bytes, Fingerprint] | None:
    """The bytes of the regular file at `path` (a symlink to one is fine) and its
    fingerprint; None if there is no file. Anything else, or more than `limit` bytes,
    raises `error` naming the path."""

    def refuse(problem: str) -> WatchlistFileError:
        return error(path, problem)

    try:
        info = os.stat(path)
    except FileNotFoundError:
        return None
    except OSError as problem:
        raise refuse(unreadable(problem)) from None
    if stat.S_ISDIR(info.st_mode):
        raise refuse(f"is a folder, not {what} file")
    if not stat.S_ISREG(info.st_mode):
        raise refuse(f"is {describe_kind(info.st_mode)}, not a regular file; is this {what}?")
    if info.st_size > limit:
        raise refuse(_too_large(info.st_size, limit, what))
    try:
        descriptor = os.open(path, _OPEN_FLAGS)
    except FileNotFoundError:
        return None
    except OSError as problem:
        raise refuse(unreadable(problem)) from None
    try:
        info = os.fstat(descriptor)  # what was opened, should the name have changed since
        if not stat.S_ISREG(info.st_mode):
            raise refuse(f"is {describe_kind(info.st_mode)}, not a regular file; is this {what}?")
        chunks: list[bytes] = []
        size = 0
        while size <= limit:
            chunk = os.read(descriptor, min(1 << 20, limit + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
    except OSError as problem:
        raise refuse(unreadable(problem)) from None
    finally:
        os.close(descriptor)
    if size > limit:
        raise refuse(_too_large(size, limit, what))
    data = b"".join(chunks)
    return data, Fingerprint(info.st_ino, info.st_size, info.st_mtime_ns, content_digest(data))
