"""The TOML file format: text to watchlist and back, with errors that say where.

PRODUCT.md's file format is a contract with people who edit the file by hand,
so reading is strict about types (with a message naming the line) and lenient
only where a person's intent is plain (`window = 2024`, `added = "2024-04-23"`).
Keys we do not know are kept and written back.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any, TypeVar

import tomli_w

from watchtui.core.model import (
    CastNote,
    Confidence,
    Extra,
    ModelError,
    Season,
    Show,
    Status,
    Watchlist,
)
from watchtui.core.windows import WindowError, parse_window

__all__ = [
    "CAST_KEYS",
    "FILE_VERSION",
    "MAX_FILE_BYTES",
    "MAX_NESTING",
    "SEASON_KEYS",
    "SHOW_KEYS",
    "ShowTextCache",
    "WatchlistFileError",
    "decode",
    "dump_show",
    "dump_watchlist",
    "parse_watchlist",
    "reparse_changed_blocks",
    "show_table",
    "split_show_blocks",
]

FILE_VERSION = 1
MAX_FILE_BYTES = 32 * 1024 * 1024


_Choice = TypeVar("_Choice", Status, Confidence)


class WatchlistFileError(Exception):
    """A watchlist file that cannot be read: where, and what is wrong."""

    def __init__(self, path: Path | str, problem: str, line: int | None = None) -> None:
        self.path = Path(path)
        self.problem = problem
        self.line = line
        super().__init__(str(self))

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else f"{self.path}"
        return f"{where}: {self.problem}"


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
    """The watchlist a file's text describes, or WatchlistFileError naming the line."""
    if "\x00" in text:
        raise WatchlistFileError(
            path,
            "the file holds NUL bytes; is this a watchlist?",
            text.count("\n", 0, text.index("\x00")) + 1,
        )
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
    if _too_deep(document):
        raise WatchlistFileError(
            path, f"values are nested more than {MAX_NESTING} levels deep; is this a watchlist?"
        )
    return _Reader(text, path).watchlist(document)


# tomllib reads a few hundred levels of nesting that tomli_w then cannot write back
# (RecursionError), so such a file would open and then fail at its first save.
MAX_NESTING = 64


def _too_deep(document: dict[str, Any]) -> bool:
    stack: list[tuple[dict[str, Any] | list[Any], int]] = [(document, 0)]
    while stack:
        container, depth = stack.pop()
        if depth > MAX_NESTING:
            return True
        children = container.values() if isinstance(container, dict) else container
        stack.extend((child, depth + 1) for child in children if isinstance(child, dict | list))
    return False


@dataclass(frozen=True, slots=True)
class _Where:
    """A place in the document: a show, maybe one of its seasons or cast notes, maybe a key."""

    show: int | None = None
    part: str | None = None  # "season" or "cast"
    item: int | None = None
    key: str | None = None


class _Reader:
    def __init__(self, text: str, path: Path) -> None:
        self.text = text
        self.path = path

    def fail(self, where: _Where, problem: str) -> WatchlistFileError:
        return WatchlistFileError(self.path, problem, _locate(self.text, where))

    def watchlist(self, document: dict[str, Any]) -> Watchlist:
        version = document.get("version", FILE_VERSION)
        if type(version) is not int:
            raise self.fail(_Where(key="version"), "version must be a whole number, like 1")
        if version != FILE_VERSION:
            newer = "; a newer watchtui wrote it" if version > FILE_VERSION else ""
            raise self.fail(
                _Where(key="version"),
                f"version {version} is not one this watchtui reads (it reads version "
                f"{FILE_VERSION}){newer}",
            )
        raw_shows = document.get("show", [])
        if not isinstance(raw_shows, list) or not all(isinstance(s, dict) for s in raw_shows):
            raise self.fail(_Where(key="show"), "show must be a list of [[show]] tables")
        shows: list[Show] = []
        seen: dict[str, int] = {}
        for index, raw in enumerate(raw_shows):
            show = self.show(index, raw)
            if show.key in seen:
                raise self.fail(
                    _Where(index, key="title"),
                    f'two shows are titled "{show.title}" (also show {seen[show.key] + 1}); '
                    "titles must differ, ignoring case",
                )
            seen[show.key] = index
            shows.append(show)
        extra = {k: v for k, v in document.items() if k not in ("version", "show")}
        return Watchlist(shows, extra)

    # Typed field readers -------------------------------------------------

    def string(self, raw: dict[str, Any], key: str, where: _Where, required: bool = False) -> str:
        if key not in raw:
            if required:
                raise self.fail(where, f"{_describe(where)} has no {key}")
            return ""
        value = raw[key]
        if not isinstance(value, str):
            raise self.fail(_at(where, key), f"{key} must be text in quotes, not {_kind(value)}")
        return value

    def integer(self, raw: dict[str, Any], key: str, where: _Where) -> int | None:
        if key not in raw:
            return None
        value = raw[key]
        if type(value) is not int:
            raise self.fail(_at(where, key), f"{key} must be a whole number, not {_kind(value)}")
        if value < 0:
            raise self.fail(_at(where, key), f"{key} must be 0 or more, not {value}")
        return value

    def day(self, raw: dict[str, Any], key: str, where: _Where) -> date | None:
        if key not in raw:
            return None
        value = raw[key]
        if isinstance(value, datetime):
            return value.date()
        if isinstance(value, date):
            return value
        if isinstance(value, str):
            try:
                return date.fromisoformat(value.strip())
            except ValueError:
                pass
        raise self.fail(
            _at(where, key), f"{key} must be a date like 2024-04-23, not {_kind(value)}"
        )

    def choice(
        self, raw: dict[str, Any], key: str, where: _Where, kind: type[_Choice], default: _Choice
    ) -> _Choice:
        if key not in raw:
            return default
        value = raw[key]
        allowed = ", ".join(member.value for member in kind)
        if isinstance(value, str):
            try:
                return kind(value.strip().lower())
            except ValueError:
                pass
        raise self.fail(_at(where, key), f"{key} must be one of {allowed}, not {_kind(value)}")

    def table_list(self, raw: dict[str, Any], key: str, where: _Where) -> list[dict[str, Any]]:
        value = raw.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
            raise self.fail(_at(where, key), f"{key} must be a list of [[show.{key}]] tables")
        return value

    # Records -------------------------------------------------------------

    def show(self, index: int, raw: dict[str, Any]) -> Show:
        where = _Where(index)
        title = self.string(raw, "title", where, required=True)
        if not title.strip():
            raise self.fail(_at(where, "title"), "a show's title cannot be empty")
        seasons = tuple(
            self.season(_Where(index, "season", n), item)
            for n, item in enumerate(self.table_list(raw, "season", where))
        )
        numbers: dict[int, int] = {}
        for n, season in enumerate(seasons):
            if season.number in numbers:
                raise self.fail(
                    _Where(index, "season", n, "number"),
                    f'"{title}" lists season {season.number} twice',
                )
            numbers[season.number] = n
        cast = tuple(
            self.cast(_Where(index, "cast", n), item)
            for n, item in enumerate(self.table_list(raw, "cast", where))
        )
        return Show(
            title=title,
            original_title=self.string(raw, "original_title", where),
            network=self.string(raw, "network", where),
            status=self.choice(raw, "status", where, Status, Status.WATCHING),
            notes=self.string(raw, "notes", where),
            added=self.day(raw, "added", where),
            seasons=seasons,
            cast=cast,
            extra={k: v for k, v in raw.items() if k not in SHOW_KEYS},
        )

    def season(self, where: _Where, raw: dict[str, Any]) -> Season:
        number = self.integer(raw, "number", where)
        if number is None:
            raise self.fail(where, f"{_describe(where)} has no number")
        window = raw.get("window", "")
        if type(window) is int:  # `window = 2024`: the year, as a person meant it
            window = str(window)
        elif not isinstance(window, str):
            raise self.fail(
                _at(where, "window"),
                f'window must be text in quotes, like "late 2025", not {_kind(window)}',
            )
        try:
            parse_window(window)
        except WindowError as error:
            raise self.fail(_at(where, "window"), str(error)) from None
        episodes = self.integer(raw, "episodes", where)
        watched = self.integer(raw, "watched", where) or 0
        try:
            return Season(
                number=number,
                title=self.string(raw, "title", where),
                episodes=episodes,
                watched=watched,
                finished=self.day(raw, "finished", where),
                window=window,
                confidence=self.choice(raw, "confidence", where, Confidence, Confidence.CONFIRMED),
                source=self.string(raw, "source", where),
                noted=self.day(raw, "noted", where),
                extra={k: v for k, v in raw.items() if k not in SEASON_KEYS},
            )
        except ModelError as error:
            raise self.fail(_at(where, "watched"), str(error)) from None

    def cast(self, where: _Where, raw: dict[str, Any]) -> CastNote:
        name = self.string(raw, "name", where, required=True)
        if not name.strip():
            raise self.fail(_at(where, "name"), "a cast note's name cannot be empty")
        return CastNote(
            name=name,
            role=self.string(raw, "role", where),
            note=self.string(raw, "note", where),
            extra={k: v for k, v in raw.items() if k not in CAST_KEYS},
        )


# The keys the file format defines; any other key is kept as it is, unknown.
SHOW_KEYS = frozenset(
    ["title", "original_title", "network", "status", "notes", "added", "season", "cast"]
)
SEASON_KEYS = frozenset(
    [
        "number",
        "title",
        "episodes",
        "watched",
        "finished",
        "window",
        "confidence",
        "source",
        "noted",
    ]
)
CAST_KEYS = frozenset(["name", "role", "note"])


def _at(where: _Where, key: str) -> _Where:
    return _Where(where.show, where.part, where.item, key)


def _describe(where: _Where) -> str:
    if where.part == "season":
        return f"[[show.season]] {(where.item or 0) + 1} of show {(where.show or 0) + 1}"
    if where.part == "cast":
        return f"[[show.cast]] {(where.item or 0) + 1} of show {(where.show or 0) + 1}"
    return f"[[show]] {(where.show or 0) + 1}"


def _kind(value: object) -> str:
    if isinstance(value, bool):
        return f"{str(value).lower()} (true/false)"
    if isinstance(value, str):
        shown = value if len(value) <= 30 else value[:29] + "…"
        return f"{shown!r}"
    if isinstance(value, int | float):
        return f"the number {value}"
    if isinstance(value, datetime | date):
        return f"the date {value.isoformat()}"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a table"
    return type(value).__name__


_HEADER = re.compile(r"^\s*\[\[\s*show\s*(?:\.\s*(season|cast)\s*)?\]\]")
_OTHER_HEADER = re.compile(r"^\s*\[")
_KEY = re.compile(r"""^\s*(?:"([^"]*)"|'([^']*)'|([A-Za-z0-9_-]+))\s*=""")


def _locate(text: str, where: _Where) -> int | None:
    """The line of `where` in the file: the key's line, else its table's header line."""
    show, part = -1, None
    counts = {"season": -1, "cast": -1}
    table_line: int | None = None
    in_target = where.show is None  # top-level keys stand before the first table
    for number, line in enumerate(text.splitlines(), 1):
        if header := _HEADER.match(line):
            if header[1] is None:
                show, part = show + 1, None
                counts = {"season": -1, "cast": -1}
            else:
                part = header[1]
                counts[part] += 1
            in_target = (
                show == where.show
                and part == where.part
                and (part is None or counts[part] == where.item)
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


# ---------------------------------------------------------------------------
# Writing


def _put(table: dict[str, Any], key: str, value: object) -> None:
    if value not in ("", None):
        table[key] = value


def show_table(show: Show) -> dict[str, Any]:
    """A show as the TOML table PRODUCT.md describes, unknown keys after the known ones."""
    table: dict[str, Any] = {"title": show.title}
    _put(table, "original_title", show.original_title)
    _put(table, "network", show.network)
    table["status"] = show.status.value
    _put(table, "notes", show.notes)
    _put(table, "added", show.added)
    table.update(show.extra)
    if show.seasons:
        table["season"] = [_season_table(season) for season in show.seasons]
    if show.cast:
        table["cast"] = [_cast_table(note) for note in show.cast]
    return table


def _season_table(season: Season) -> dict[str, Any]:
    table: dict[str, Any] = {"number": season.number}
    _put(table, "title", season.title)
    _put(table, "episodes", season.episodes)
    if season.watched:
        table["watched"] = season.watched
    _put(table, "finished", season.finished)
    _put(table, "window", season.window)
    if season.window or season.confidence is not Confidence.CONFIRMED:
        table["confidence"] = season.confidence.value
    _put(table, "source", season.source)
    _put(table, "noted", season.noted)
    table.update(season.extra)
    return table


def _cast_table(note: CastNote) -> dict[str, Any]:
    table: dict[str, Any] = {"name": note.name}
    _put(table, "role", note.role)
    _put(table, "note", note.note)
    table.update(note.extra)
    return table


def dump_show(show: Show) -> str:
    """One show's `[[show]]` block, ready to be joined with the others.

    Seasons and cast notes are always written as `[[show.season]]` and
    `[[show.cast]]` tables, as PRODUCT.md shows them: tomli_w would write a
    list of short tables inline (`cast = [{ name = "…" }]`), which is valid but
    not the file people were told to expect and edit.
    """
    table = show_table(show)
    seasons = table.pop("season", [])
    cast = table.pop("cast", [])
    parts = [_section("show", table)]
    parts += [_section("show.season", season) for season in seasons]
    parts += [_section("show.cast", note) for note in cast]
    return "\n".join(parts)


def _section(path: str, table: dict[str, Any]) -> str:
    """`table` as one element `[[path]]` of an array of tables, its subtables under `path.`.

    tomli_w always writes a top-level table as a section, so the table is written
    under a placeholder name, which the header lines then trade for `path`. Only
    header lines start with `[`: tomli_w writes no multi-line strings.
    """
    lines = tomli_w.dumps({"_": table}).splitlines(keepends=True)
    assert lines and lines[0] == "[_]\n"  # every table here has a scalar key
    out = [f"[[{path}]]\n"]
    for line in lines[1:]:
        if line.startswith("[_."):
            line = f"[{path}.{line[3:]}"
        elif line.startswith("[[_."):
            line = f"[[{path}.{line[4:]}"
        out.append(line)
    return "".join(out)


def _dump_head(extra: Extra) -> str:
    return tomli_w.dumps({"version": FILE_VERSION, **extra})


def dump_watchlist(watchlist: Watchlist) -> str:
    """The whole file's text, every show serialised afresh (ShowTextCache reuses texts)."""
    return "\n".join([_dump_head(watchlist.extra), *map(dump_show, watchlist.shows)])


class ShowTextCache:
    """The text of each show as last written, so a save re-serialises only what changed.

    Shows are immutable, so a show object that is still in the watchlist still has
    the text it had. Full serialisation of 10,000 shows costs about half a second;
    with this a save after one change costs a join.
    """

    def __init__(self) -> None:
        self._texts: dict[int, tuple[Show, str]] = {}
        self.last_blocks: list[str] = []

    def seed(self, shows: list[Show], texts: list[str]) -> None:
        """Texts known for these shows, such as their blocks in the file just read."""
        for show, text in zip(shows, texts, strict=True):
            self._texts[id(show)] = (show, text)

    def render(self, shows: Sequence[Show], extra: Extra) -> str:
        """The file's text; the blocks it joined are kept in `last_blocks`."""
        texts: dict[int, tuple[Show, str]] = {}
        blocks: list[str] = []
        for show in shows:
            known = self._texts.get(id(show))
            text = known[1] if known is not None and known[0] is show else dump_show(show)
            texts[id(show)] = (show, text)
            blocks.append(text)
        self._texts = texts
        self.last_blocks = blocks
        return "\n".join([_dump_head(extra), *blocks])


# Both patterns match a line with the newline before it, and are run over "\n" + text:
# a pattern that starts with a literal character is searched for several times
# faster than one anchored with ^ (44 ms against 11 ms over 10,000 shows). A match
# at i in "\n" + text is then the line starting at i in the text.
_SHOW_BLOCK_HEADER = re.compile(r"\n[ \t]*\[\[[ \t]*show[ \t]*\]\]")
# A line opening with "[" that is neither [[show]] nor a [show.…] / [[show.…]] table.
_FOREIGN_HEADER = re.compile(r"\n[ \t]*\[(?!\[[ \t]*show[ \t]*\]\]|\[?[ \t]*show[ \t]*\.)")


def split_show_blocks(text: str) -> list[str] | None:
    """Each `[[show]]` block of a file as written, or None where that is not safe to say.

    Reusing a person's own text for the shows a save did not change keeps their
    comments and layout. It is safe only when every table after the first
    `[[show]]` belongs to a show and no multi-line string could hide a header.
    """
    if '"""' in text or "'''" in text:
        return None
    lines = "\n" + text
    starts = [match.start() for match in _SHOW_BLOCK_HEADER.finditer(lines)]
    if not starts:
        return []
    if _FOREIGN_HEADER.search(lines, starts[0]):
        return None
    ends = [*starts[1:], len(text)]
    return [text[start:end].rstrip() + "\n" for start, end in zip(starts, ends, strict=True)]


def reparse_changed_blocks(
    text: str, path: Path, blocks: Sequence[str], known: Mapping[str, Show]
) -> Watchlist | None:
    """The watchlist, parsing only the `[[show]]` blocks not in `known`; None if unsure.

    `blocks` is `split_show_blocks(text)`, and `known` maps block texts to the
    shows they were read as before (by a full parse, or written by a save). A
    block is a TOML document of its own (its tables are absolute paths), so a
    block seen before means the same show, and a file edited by hand in one
    show costs one block's parse. Anything unexpected (a block or head that does
    not parse, a bad value, a duplicate title) returns None: the caller parses
    the whole file, which also says what is wrong and where.
    """
    first = _SHOW_BLOCK_HEADER.search("\n" + text)
    if first is None or "\x00" in text:
        return None
    reader = _Reader(text, path)
    try:
        head = tomllib.loads(text[: first.start()])
        if "show" in head or _too_deep(head):
            return None
        extra = reader.watchlist(head).extra
        shows: list[Show] = []
        seen: set[str] = set()
        for index, block in enumerate(blocks):
            show = known.get(block)
            if show is None:
                document = tomllib.loads(block)
                parts = document.get("show")
                if len(document) != 1 or not isinstance(parts, list) or len(parts) != 1:
                    return None
                if not isinstance(parts[0], dict) or _too_deep(document):
                    return None
                show = reader.show(index, parts[0])
            if show.key in seen:
                return None
            seen.add(show.key)
            shows.append(show)
    except (tomllib.TOMLDecodeError, RecursionError, WatchlistFileError):
        return None
    return Watchlist(shows, extra)
