"""TVmaze's answers kept on disk for as long as TVmaze says they stay good.

TVmaze sends `Cache-Control: public, max-age=3600` (an hour) with its answers.
Each answer (a show, a search, a miss) is kept in the platform's cache folder,
one small file per address, with the time it was fetched and the time it
expires; a later request for the same address within that time is answered from
here. The cache is a convenience: a file that cannot be read or written is
treated as absent, never as an error.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import time
from pathlib import Path

import msgspec

from watchtui.core import locations

__all__ = ["CachedAnswer", "ResponseCache", "max_age"]


class CachedAnswer(msgspec.Struct, frozen=True):
    url: str
    status: int
    fetched: float
    """When it was fetched (Unix time)."""
    expires: float
    """Until when it stays good (Unix time)."""
    body: bytes

    def fresh(self, now: float) -> bool:
        return now < self.expires


_MAX_AGE = re.compile(r"(?:^|[,\s])max-age\s*=\s*\"?(\d+)", re.IGNORECASE)


def max_age(cache_control: str | None) -> int:
    """Seconds an answer stays good by its Cache-Control header (0: not to be kept)."""
    if not cache_control:
        return 0
    lowered = cache_control.lower()
    if "no-store" in lowered or "no-cache" in lowered:
        return 0
    found = _MAX_AGE.search(cache_control)
    return int(found.group(1)) if found else 0


class ResponseCache:
    """Answers by address, in `folder` (default: the cache folder's `tvmaze`)."""

    def __init__(self, folder: Path | None = None) -> None:
        self.folder = folder if folder is not None else locations.cache_dir() / "tvmaze"

    def _file(self, url: str) -> Path:
        return self.folder / (hashlib.sha256(url.encode("utf-8")).hexdigest()[:32] + ".json")

    def get(self, url: str) -> CachedAnswer | None:
        """The answer kept for this address, fresh or not; None if there is none."""
        try:
            data = self._file(url).read_bytes()
            answer = msgspec.json.decode(data, type=CachedAnswer)
        except (OSError, msgspec.DecodeError, msgspec.ValidationError):
            return None
        return answer if answer.url == url else None

    def put(
        self, url: str, status: int, body: bytes, seconds: int, now: float | None = None
    ) -> None:
        """Keep an answer for `seconds`; nothing is kept for 0."""
        if seconds <= 0:
            return
        fetched = time.time() if now is None else now
        answer = CachedAnswer(url, status, fetched, fetched + seconds, body)
        target = self._file(url)
        temporary = target.with_name(f"{target.stem}.{os.getpid()}.tmp")
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            temporary.write_bytes(msgspec.json.encode(answer))
            os.replace(temporary, target)
        except OSError:
            with contextlib.suppress(OSError):
                temporary.unlink()
