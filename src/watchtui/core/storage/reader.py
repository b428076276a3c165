"""Reading the TOML file: text to watchlist, with errors that say where.

The file format (docs/file-format.md) is a contract with people who edit it by hand,
so reading is strict about types (with a message naming the line) and lenient
only where a person's intent is plain (`window = 2024`, `added = "2024-04-23"`).
Keys we do not know are kept (storage/writer.py writes them back).
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Any

import toml_rs

from watchtui.core.errors import WatchlistFileError
from watchtui.core.limits import find_problem
from watchtui.core.model import Show, Watchlist
from watchtui.core.schema import MAX_NESTING, Checker, Refused, decode_shows, too_deep
from watchtui.core.schema import Path as SchemaPath
from watchtui.core.storage.lines import deep_line, describe, line_of
from watchtui.core.text import kind_of

FILE_VERSION = 1
MAX_FILE_BYTES = 32 * 1024 * 1024


# ---------------------------------------------------------------------------
# Reading


def decode(
    data: bytes,
    path: Path,
    *,
    what: str = "a watchlist",
    error: type[WatchlistFileError] = WatchlistFileError,
) -> str:
    """Bytes to text: UTF-8, with or without a byte-order mark; `error` naming the file
    (and the line) for anything else. Used for the watchlist and for imported files."""
    if len(data) > MAX_FILE_BYTES:
        raise error(
            path,
            f"the file is {len(data) // (1024 * 1024)} MB; {what} is at most "
            f"{MAX_FILE_BYTES // (1024 * 1024)} MB",
        )
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise error(path, "the file is UTF-16 text; save it as UTF-8", 1)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as problem:
        line = data.count(b"\n", 0, problem.start) + 1
        raise error(
            path, f"not UTF-8 text (byte 0x{data[problem.start]:02x}); is this {what}?", line
        ) from None


_TOML_POSITION = re.compile(r"\s*\(at line (\d+), column \d+\)$|\s*\(at end of document\)$")


def parse_watchlist(text: str, path: Path) -> Watchlist:
    """The watchlist a file's text describes, or WatchlistFileError naming the line.

    The fast path (toml_rs, then msgspec into the records) reads a file of 10,000
    shows in about a tenth of tomllib's time. Anything it does not take as it is,
    from a typo to a leniency such as `window = 2024`, is read again by the friendly
    path, which takes what a person plainly meant and names the line of the rest.
    """
    if "\x00" in text:
        raise WatchlistFileError(
            path,
            "the file holds NUL bytes; is this a watchlist?",
            text.count("\n", 0, text.index("\x00")) + 1,
        )
    try:
        return _fast(text)
    except (toml_rs.TOMLDecodeError, RecursionError, Refused):
        return _friendly(text, path)


CHUNK = 250
"""Shows parsed at a time on the fast path. Every `[[show]]` block is a TOML document
of its own (its table headers are absolute), so a large file is parsed a few hundred
shows at a time and only those shows' plain tables are alive at once."""


def _fast(text: str) -> Watchlist:
    starts = block_starts(text)
    if starts is None:  # cannot be cut safely: one document
        head = toml_rs.loads(text)
        raw = head.pop("show", [])
        if not isinstance(raw, list):
            raise Refused("show")
        shows = decode_shows(raw)
    else:
        head = toml_rs.loads(text[: starts[0]] if starts else text)
        if "show" in head:
            raise Refused("show")
        shows = []
        for first in range(0, len(starts), CHUNK):
            end = first + CHUNK
            stop = starts[end] if end < len(starts) else len(text)
            part = toml_rs.loads(text[starts[first] : stop])
            raw = part.get("show")
            if len(part) != 1 or not isinstance(raw, list):
                raise Refused("show")
            shows += decode_shows(raw)
    version = head.get("version", FILE_VERSION)
    if type(version) is not int or version != FILE_VERSION:
        raise Refused("version")
    if len({show.key for show in shows}) != len(shows):
        raise Refused("two shows with one title")
    extra = {k: v for k, v in head.items() if k not in _TOP_KEYS}
    if extra and find_problem(extra):  # the records' own unknown keys: decode_shows
        raise Refused("beyond the limits")
    return Watchlist(shows, extra)


_TOP_KEYS = frozenset(["version", "show"])


def _friendly(text: str, path: Path) -> Watchlist:
    try:
        document = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        message = str(error)
        match = _TOML_POSITION.search(message)
        line = int(match[1]) if match and match[1] else None
        if line is None and match:
            line = text.count("\n") + 1
        problem = _TOML_POSITION.sub("", message)
        raise WatchlistFileError(
            path, f"not valid TOML: {problem[:1].lower()}{problem[1:]}", line
        ) from None
    except RecursionError:
        raise WatchlistFileError(
            path, "not valid TOML: nested too deeply", deep_line(text, MAX_NESTING)
        ) from None
    if too_deep(document):
        raise WatchlistFileError(
            path,
            f"values are nested more than {MAX_NESTING} levels deep; is this a watchlist?",
            deep_line(text, MAX_NESTING),
        )
    voice = _FileVoice(text, path)
    watchlist = voice.watchlist(document)
    found = find_problem(document)
    if found is not None:
        where, problem = found
        record, key = record_of(where)
        raise voice.refused(record, key, f"{key or 'a value'}: {problem}")
    return watchlist


def record_of(where: SchemaPath) -> tuple[SchemaPath, str | None]:
    """A path into the document as the record it is in and the key of that record."""
    if len(where) > 1 and where[0] == "show" and isinstance(where[1], int):
        if len(where) > 3 and where[2] in ("season", "cast") and isinstance(where[3], int):
            record, rest = where[:4], where[4:]
        elif len(where) > 2 and where[2] == "ids":
            record, rest = where[:3], where[3:]
        else:
            record, rest = where[:2], where[2:]
    else:
        record, rest = (), where
    return record, (str(rest[0]) if rest else None)


class _FileVoice:
    """The friendly reading of a TOML file: lenient where intent is plain, and each
    problem said with the line it is on."""

    lenient = True
    spanning_key: str | None = "watched"

    def __init__(self, text: str, path: Path) -> None:
        self.text = text
        self.path = path

    def refused(self, where: SchemaPath, key: str | None, problem: str) -> WatchlistFileError:
        return WatchlistFileError(self.path, problem, line_of(self.text, where, key))

    def missing(self, where: SchemaPath, key: str, expected: str) -> str:
        return f"{describe(where)} has no {key}"

    def wrong(self, where: SchemaPath, key: str, expected: str, value: object) -> str:
        if expected == "a list of tables":
            table = "show.season.earlier" if key == "earlier" else f"show.{key}"
            return f"{key} must be a list of [[{table}]] tables"
        if expected == "text":
            expected = "text in quotes"
        return f"{key} must be {expected}, not {kind_of(value)}"

    def watchlist(self, document: dict[str, Any]) -> Watchlist:
        version = document.get("version", FILE_VERSION)
        if type(version) is not int:
            raise self.refused((), "version", "version must be a whole number, like 1")
        if version != FILE_VERSION:
            newer = "; a newer watchtui wrote it" if version > FILE_VERSION else ""
            raise self.refused(
                (),
                "version",
                f"version {version} is not one this watchtui reads (it reads version "
                f"{FILE_VERSION}){newer}",
            )
        raw_shows = document.get("show", [])
        if not isinstance(raw_shows, list) or not all(isinstance(s, dict) for s in raw_shows):
            raise self.refused((), "show", "show must be a list of [[show]] tables")
        checker = Checker(self)
        shows: list[Show] = []
        seen: dict[str, int] = {}
        for index, raw in enumerate(raw_shows):
            show: Show = checker.record(Show, raw, ("show", index))
            if show.key in seen:
                raise self.refused(
                    ("show", index),
                    "title",
                    f'two shows are titled "{show.title}" (also show {seen[show.key] + 1}); '
                    "titles must differ, ignoring case",
                )
            seen[show.key] = index
            shows.append(show)
        extra = {k: v for k, v in document.items() if k not in _TOP_KEYS}
        return Watchlist(shows, extra)


# Both patterns match a line with the newline before it, and are run over "\n" + text:
# a pattern that starts with a literal character is searched for several times
# faster than one anchored with ^ (44 ms against 11 ms over 10,000 shows). A match
# at i in "\n" + text is then the line starting at i in the text.
_SHOW_BLOCK_HEADER = re.compile(r"\n[ \t]*\[\[[ \t]*show[ \t]*\]\]")
# A line opening with "[" that is neither [[show]] nor a [show.…] / [[show.…]] table.
_FOREIGN_HEADER = re.compile(r"\n[ \t]*\[(?!\[[ \t]*show[ \t]*\]\]|\[?[ \t]*show[ \t]*\.)")


def block_starts(text: str) -> list[int] | None:
    """Where each `[[show]]` block starts, or None where the text cannot be cut there:
    a table after the first `[[show]]` that is not the show's own, or a multi-line
    string that could hide a header."""
    if '"""' in text or "'''" in text:
        return None
    lines = "\n" + text
    starts = [match.start() for match in _SHOW_BLOCK_HEADER.finditer(lines)]
    if starts and _FOREIGN_HEADER.search(lines, starts[0]):
        return None
    return starts
