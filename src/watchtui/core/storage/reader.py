"""Reading the TOML file: text to watchlist, with errors that say where.

The file format (docs/file-format.md) is a contract with people who edit it by hand,
so reading is strict about types (with a message naming the line) and lenient
only where a person's intent is plain (`window = 2024`, `added = "2024-04-23"`).
Keys we do not know are kept (storage/writer.py writes them back).
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import toml_rs

from watchtui.core.errors import WatchlistFileError
from watchtui.core.model import Show, Watchlist
from watchtui.core.schema import MAX_NESTING, Checker, Refused, decode_shows, kind_of, too_deep
from watchtui.core.schema import Path as SchemaPath

FILE_VERSION = 1
MAX_FILE_BYTES = 32 * 1024 * 1024


# ---------------------------------------------------------------------------
# Reading


def decode(data: bytes, path: Path) -> str:
    """Bytes to text: UTF-8, with or without a byte-order mark."""
    if len(data) > MAX_FILE_BYTES:
        raise WatchlistFileError(
            path,
            f"the file is {len(data) // (1024 * 1024)} MB; a watchlist is at most "
            f"{MAX_FILE_BYTES // (1024 * 1024)} MB",
        )
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise WatchlistFileError(path, "the file is UTF-16 text; save it as UTF-8", 1)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        raise WatchlistFileError(
            path, f"not UTF-8 text (byte 0x{data[error.start]:02x}); is this a watchlist?", line
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
    if extra and too_deep(extra):
        raise Refused("nested too deeply")
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
        raise WatchlistFileError(path, "not valid TOML: nested too deeply") from None
    if too_deep(document):
        raise WatchlistFileError(
            path, f"values are nested more than {MAX_NESTING} levels deep; is this a watchlist?"
        )
    return _FileVoice(text, path).watchlist(document)


class _FileVoice:
    """The friendly reading of a TOML file: lenient where intent is plain, and each
    problem said with the line it is on."""

    lenient = True
    spanning_key: str | None = "watched"

    def __init__(self, text: str, path: Path) -> None:
        self.text = text
        self.path = path

    def refused(self, where: SchemaPath, key: str | None, problem: str) -> WatchlistFileError:
        return WatchlistFileError(self.path, problem, _locate(self.text, _where(where, key)))

    def missing(self, where: SchemaPath, key: str, expected: str) -> str:
        return f"{_describe(_where(where, None))} has no {key}"

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


@dataclass(frozen=True, slots=True)
class _Where:
    """A place in the document: a show, maybe one of its seasons or cast notes, maybe
    one of a season's earlier claims, maybe a key."""

    show: int | None = None
    part: str | None = None  # "season", "cast" or "ids"
    item: int | None = None
    key: str | None = None
    claim: int | None = None  # an earlier claim of the season


def _where(path: SchemaPath, key: str | None) -> _Where:
    """A schema path, ("show", 2, "season", 0, "earlier", 1), as a place in the file."""
    show = path[1] if len(path) > 1 and isinstance(path[1], int) else None
    part = path[2] if len(path) > 2 and isinstance(path[2], str) else None
    item = path[3] if len(path) > 3 and isinstance(path[3], int) else (0 if part else None)
    claim = path[5] if len(path) > 5 and isinstance(path[5], int) else None
    return _Where(show, part, item, key, claim)


def _describe(where: _Where) -> str:
    of_show = f"of show {(where.show or 0) + 1}"
    if where.part == "season":
        season = f"[[show.season]] {(where.item or 0) + 1} {of_show}"
        if where.claim is not None:
            return f"[[show.season.earlier]] {where.claim + 1} of {season}"
        return season
    if where.part == "cast":
        return f"[[show.cast]] {(where.item or 0) + 1} {of_show}"
    if where.part == "ids":
        return f"[show.ids] {of_show}"
    return f"[[show]] {(where.show or 0) + 1}"


_HEADER = re.compile(
    r"^\s*(?:\[\[\s*show\s*(?:\.\s*(season)\s*(?:\.\s*(earlier)\s*)?|\.\s*(cast)\s*)?\]\]"
    r"|\[\s*show\s*\.\s*(ids)\s*\])"
)
_OTHER_HEADER = re.compile(r"^\s*\[")
_KEY = re.compile(r"""^\s*(?:"([^"]*)"|'([^']*)'|([A-Za-z0-9_-]+))\s*=""")


def _locate(text: str, where: _Where) -> int | None:
    """The line of `where` in the file: the key's line, else its table's header line."""
    show, part, claim = -1, None, None
    counts = {"season": -1, "cast": -1, "ids": -1}
    table_line: int | None = None
    in_target = where.show is None  # top-level keys stand before the first table
    for number, line in enumerate(text.splitlines(), 1):
        if header := _HEADER.match(line):
            if header[1] is None and header[3] is None and header[4] is None:
                show, part, claim = show + 1, None, None
                counts = {"season": -1, "cast": -1, "ids": -1}
            elif header[2] is not None:  # an earlier claim of the latest season
                claim = -1 if claim is None else claim
                claim += 1
            else:
                part = header[1] or header[3] or header[4]
                counts[part] += 1
                claim = None
            in_target = (
                show == where.show
                and part == where.part
                and (part is None or counts[part] == where.item)
                and claim == where.claim
            )
            if in_target:
                table_line = number
                if where.key is None:
                    return number
            elif where.show is None or show > where.show:
                break
        elif _OTHER_HEADER.match(line):
            in_target = False
        elif (
            in_target
            and where.key is not None
            and (key := _KEY.match(line))
            and (key[1] or key[2] or key[3]) == where.key
        ):
            return number
    return table_line


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
