"""Where a problem is in a watchlist file: the line a message names.

A problem is found in the parsed document, at a path such as ("show", 2,
"season", 0) and a key; `line_of` finds that place in the text as a person wrote
it: `[[show]]` headers written with spaces or quotes (`[[ "show" . season ]]`),
seasons written as inline tables (`season = [{ number = 1 }]`), a `[show]` table
where a list of `[[show]]` tables belongs. `deep_line` finds where values nest
too deep.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from watchtui.core.schema import Path as SchemaPath

__all__ = ["deep_line", "describe", "line_of"]


@dataclass(frozen=True, slots=True)
class _Where:
    """A place in the document: a show, maybe one of its seasons or cast notes, maybe a key."""

    show: int | None = None
    part: str | None = None  # "season", "cast" or "ids"
    item: int | None = None
    key: str | None = None
    claim: int | None = None  # one of the season's earlier claims


def _where(path: SchemaPath, key: str | None) -> _Where:
    """A schema path, ("show", 2, "season", 0, "earlier", 1), as a place in the file."""
    show = path[1] if len(path) > 1 and isinstance(path[1], int) else None
    part = path[2] if len(path) > 2 and isinstance(path[2], str) else None
    item = path[3] if len(path) > 3 and isinstance(path[3], int) else (0 if part else None)
    claim = path[5] if len(path) > 5 and isinstance(path[5], int) else None
    return _Where(show, part, item, key, claim)


def describe(path: SchemaPath) -> str:
    """A record's place in words: "[[show.season]] 2 of show 1"."""
    where = _where(path, None)
    if where.part == "season":
        season = f"[[show.season]] {(where.item or 0) + 1} of show {(where.show or 0) + 1}"
        if where.claim is not None:
            return f"[[show.season.earlier]] {where.claim + 1} of {season}"
        return season
    if where.part == "cast":
        return f"[[show.cast]] {(where.item or 0) + 1} of show {(where.show or 0) + 1}"
    if where.part == "ids":
        return f"[show.ids] of show {(where.show or 0) + 1}"
    if where.show is None:
        return "the top level"
    return f"[[show]] {(where.show or 0) + 1}"


_PART = r"""(?:"[^"\n]*"|'[^'\n]*'|[A-Za-z0-9_-]+)"""
_HEADER = re.compile(rf"^\s*(\[\[?)\s*({_PART}(?:\s*\.\s*{_PART})*)\s*(\]\]?)")
_KEY = re.compile(r"""^\s*(?:"([^"]*)"|'([^']*)'|([A-Za-z0-9_-]+))\s*[=.]""")
_PIECE = re.compile(_PART)


def _header(line: str) -> tuple[bool, tuple[str, ...]] | None:
    """A table header line as (is an array of tables, its dotted name), or None."""
    match = _HEADER.match(line)
    if match is None or len(match[1]) != len(match[3]):
        return None
    names = tuple(piece.strip("\"'") for piece in _PIECE.findall(match[2]))
    return len(match[1]) == 2, names


def _key(line: str) -> str | None:
    match = _KEY.match(line)
    return None if match is None else (match[1] or match[2] or match[3])


def line_of(text: str, path: SchemaPath, key: str | None) -> int | None:
    """The line of a place in the file: its key's line, else its table's header line
    (or, for a record written inline, the line of the key that holds it)."""
    where = _where(path, key)
    show, part, claim = -1, None, -1
    counts = {"season": -1, "cast": -1, "ids": -1}
    table_line: int | None = None
    holder_line: int | None = None  # `season = [...]` in the target show: inline records
    in_target = where.show is None  # top-level keys stand before the first table
    in_show = False
    for number, line in enumerate(text.splitlines(), 1):
        header = _header(line)
        if header is not None:
            array, names = header
            if names == ("show",) and array:
                show, part = show + 1, None
                counts = {"season": -1, "cast": -1, "ids": -1}
            elif len(names) == 2 and names[0] == "show" and names[1] in counts:
                part, claim = names[1], -1
                counts[part] += 1
            elif names == ("show", "season", "earlier") and array and part == "season":
                claim += 1
            elif where.show is None and names[:1] == (where.key,):
                return number  # `[show]` where `[[show]]` belongs, or a top-level table
            else:
                in_target = in_show = False
                continue
            in_show = show == where.show and part is None
            in_target = (
                show == where.show
                and part == where.part
                and (part is None or counts[part] == where.item)
                and (claim == where.claim if where.claim is not None else names[-1] != "earlier")
            )
            if in_target:
                table_line = number
                if where.key is None:
                    return number
            elif where.show is not None and show > where.show:
                break
            continue
        found = _key(line)
        if found is None:
            continue
        if in_target and where.key is not None and found == where.key:
            return number
        if in_show and where.part is not None and found == where.part:
            holder_line = number
    return table_line if table_line is not None else holder_line


_STRING = re.compile(r'"(?:[^"\\\n]|\\.)*"|\'[^\'\n]*\'')


def deep_line(text: str, limit: int) -> int | None:
    """The first line where values nest more than `limit` levels: the table a header
    opens, and the lists and inline tables of values, counted together."""
    depth = 0  # open [ and { of values, across lines
    table = 0  # levels of the last header
    for number, line in enumerate(text.splitlines(), 1):
        if depth == 0 and (header := _header(line)) is not None:
            table = len(header[1]) + header[0]
            if table > limit:
                return number
            continue
        bare = _STRING.sub("", line.split("#", 1)[0] if '"' not in line else line)
        for character in bare:
            if character in "[{":
                depth += 1
                if table + depth > limit:
                    return number
            elif character in "]}":
                depth = max(depth - 1, 0)
    return None
