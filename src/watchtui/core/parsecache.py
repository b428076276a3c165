"""A derived cache of the parsed watchlist, so that a large file opens fast.

The TOML file stays the one truth a person edits. Parsing it is what costs at
size (about 0.2 ms a show with tomllib, so 2 s at 10,000 shows), so the parsed
watchlist is also kept in the platform's cache folder, in `marshal` form,
keyed by a hash of the file's bytes: any edit, by hand or by another program,
changes the hash and the cache is ignored, then replaced. A cache that cannot be
read is ignored too. Nothing is ever read from the cache that the file did not
say, and deleting the cache folder loses nothing.

Objects are rebuilt without their validation (the file was validated when the
cache was written): 80,000 checked dataclass constructions cost 0.5 s, setting
their slots directly a fraction of that.
"""

from __future__ import annotations

import contextlib
import hashlib
import marshal
import os
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import fields
from datetime import date
from pathlib import Path
from typing import Any, TypeVar

from watchtui.core import locations
from watchtui.core.model import CastNote, Confidence, Season, Show, Status, Watchlist

__all__ = ["Entry", "KnownShows", "digest", "read", "store"]

FORMAT = 1
_T = TypeVar("_T")


def digest(data: bytes) -> bytes:
    return hashlib.blake2b(data, digest_size=20).digest()


def _entry_path(path: Path) -> Path:
    name = hashlib.blake2b(str(path.resolve()).encode("utf-8"), digest_size=12).hexdigest()
    return locations.cache_dir() / "parsed" / f"{name}.marshal"


def _builder(cls: type[_T]) -> Callable[[Sequence[Any]], _T]:
    """Build `cls` from its field values in order, setting the slots directly.

    The function is written out per class, one slot setter call per field (as
    `dataclasses` writes `__init__`): a third faster than looping over the
    setters, which counts at 80,000 objects.
    """
    names = [field.name for field in fields(cls)]  # type: ignore[arg-type]
    scope: dict[str, Any] = {"new": object.__new__, "cls": cls}
    lines = ["def build(values):", "    obj = new(cls)"]
    for n, name in enumerate(names):
        scope[f"set_{n}"] = getattr(cls, name).__set__
        lines.append(f"    set_{n}(obj, values[{n}])")
    lines.append("    return obj")
    exec("\n".join(lines), scope)
    build: Callable[[Sequence[Any]], _T] = scope["build"]
    return build


_SEASON = _builder(Season)
_CAST = _builder(CastNote)
_SHOW = _builder(Show)
_STATUS = {status.value: status for status in Status}
_CONFIDENCE = {confidence.value: confidence for confidence in Confidence}


def _day(value: date | None) -> int:
    return value.toordinal() if value is not None else 0


def _encode_show(show: Show) -> tuple[Any, ...]:
    return (
        show.title,
        show.original_title,
        show.network,
        show.status.value,
        show.notes,
        _day(show.added),
        tuple(
            (
                s.number,
                s.title,
                s.episodes,
                s.watched,
                _day(s.finished),
                s.window,
                s.confidence.value,
                s.source,
                _day(s.noted),
                s.extra,
            )
            for s in show.seasons
        ),
        tuple((c.name, c.role, c.note, c.extra) for c in show.cast),
        show.extra,
    )


def _decode_show(row: tuple[Any, ...]) -> Show:
    on = date.fromordinal
    seasons = tuple(
        _SEASON(
            (
                number,
                title,
                episodes,
                watched,
                on(finished) if finished else None,
                window,
                _CONFIDENCE[confidence],
                source,
                on(noted) if noted else None,
                extra,
            )
        )
        for (
            number,
            title,
            episodes,
            watched,
            finished,
            window,
            confidence,
            source,
            noted,
            extra,
        ) in row[6]
    )
    return _SHOW(
        (
            row[0],
            row[1],
            row[2],
            _STATUS[row[3]],
            row[4],
            on(row[5]) if row[5] else None,
            seasons,
            tuple(map(_CAST, row[7])),
            row[8],
        )
    )


class Entry:
    """What the cache holds for one file: maybe for the bytes it has now, maybe older ones."""

    def __init__(self, file_digest: bytes, extra: Any, rows: list[Any], blocks: Any) -> None:
        self.digest = file_digest
        self.extra = extra
        self.rows = rows
        self.blocks: list[str] | None = blocks

    def load(self, data: bytes) -> tuple[Watchlist, list[str] | None] | None:
        """The watchlist and show blocks, if cached for exactly these bytes; else None."""
        if self.digest != digest(data):
            return None
        try:
            return Watchlist([_decode_show(row) for row in self.rows], self.extra), self.blocks
        except Exception:
            return None

    def known_blocks(self) -> KnownShows:
        """The shows cached, by the text of their blocks (for a file changed since)."""
        blocks = self.blocks
        if blocks is None or len(blocks) != len(self.rows):
            return KnownShows({})
        return KnownShows(dict(zip(blocks, self.rows, strict=True)))


class KnownShows(Mapping[str, Show]):
    """Shows by the text of the `[[show]]` block they were read from, rebuilt on lookup.

    A file edited by hand still holds most of its blocks word for word: those
    need not be parsed again. The rows of the shows looked up are kept, so the
    next cache entry does not encode them again.
    """

    def __init__(self, rows: dict[str, Any]) -> None:
        self._rows = rows
        self._encoded: dict[int, tuple[Show, Any]] = {}

    def __getitem__(self, block: str) -> Show:
        row = self._rows[block]
        try:
            show = _decode_show(row)
        except Exception:  # a damaged row: as if not cached
            raise KeyError(block) from None
        self._encoded[id(show)] = (show, row)
        return show

    def __iter__(self) -> Iterator[str]:
        return iter(self._rows)

    def __len__(self) -> int:
        return len(self._rows)

    def row(self, show: Show) -> Any:
        """The cached row of a show looked up here, or a fresh encoding of any other."""
        known = self._encoded.get(id(show))
        return known[1] if known is not None and known[0] is show else _encode_show(show)


def read(path: Path) -> Entry | None:
    """The cache entry for this file, whatever bytes it was made from; None if unreadable."""
    try:
        cached_format, cached_digest, extra, rows, blocks = marshal.loads(
            _entry_path(path).read_bytes()
        )
    except Exception:
        return None
    if cached_format != FORMAT or not isinstance(rows, list):
        return None
    return Entry(cached_digest, extra, rows, blocks)


def store(
    path: Path,
    data: bytes,
    watchlist: Watchlist,
    blocks: list[str] | None,
    known: KnownShows | None = None,
) -> None:
    """Remember the parsed form of these file bytes. Failure only costs a slower start."""
    entry = _entry_path(path)
    encode = known.row if known is not None else _encode_show
    try:
        payload = marshal.dumps(
            (FORMAT, digest(data), watchlist.extra, [encode(s) for s in watchlist.shows], blocks)
        )
    except ValueError:  # unknown keys holding dates or times: not cached, parsed each time
        return
    with contextlib.suppress(OSError):
        entry.parent.mkdir(parents=True, exist_ok=True)
        temp = entry.with_name(f"{entry.name}.{os.getpid()}.tmp")
        temp.write_bytes(payload)
        os.replace(temp, entry)
