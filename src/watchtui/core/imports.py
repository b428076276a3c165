"""Importing shows from other places: which format a file is, and its shows.

Three kinds of file are read:

- watchtui's own JSON (`watchtui export --format json`), read back losslessly;
- an IMDb list or watchlist exported as CSV: the series in it become planned
  shows (films and episodes are skipped);
- a Trakt export: watched shows (with the episodes seen in each season), the
  watchlist (planned shows), or history entries (episodes seen), as lists like
  `watched-shows.json` or one object with `watched` / `watchlist` lists.

A file is read whole and checked before anything changes: one that is not what
it claims raises ImportFileError naming the line (CSV, broken JSON) or the key
(JSON), and the watchlist is left as it was. core/merge.py then merges the shows.

Only a regular file of at most MAX_IMPORT_BYTES is read (a FIFO or a device is
refused, not waited on), JSON nested deeper than a watchlist may be is refused
before it is looked at, and everything a file brings is checked against the
limits of core/limits.py (no null, whole numbers within 64 bits, valid Unicode,
texts of at most MAX_TEXT characters) before it can reach the watchlist.
"""

from __future__ import annotations

import csv
import errno
import io
import os
from datetime import date
from pathlib import Path

from watchtui.core.errors import ImportFileError
from watchtui.core.formats.imdb import read_imdb
from watchtui.core.formats.incoming import ImportFormat, Incoming
from watchtui.core.formats.json import load_json, read_watchtui_json
from watchtui.core.formats.trakt import TRAKT_KEYS, TraktReader
from watchtui.core.limits import MAX_TEXT, Place, find_problem
from watchtui.core.schema import MAX_NESTING, table, too_deep
from watchtui.core.storage.files import read_regular

MAX_IMPORT_BYTES = 32 * 1024 * 1024

# ---------------------------------------------------------------------------
# Reading files


def read_import_file(path: Path, format: ImportFormat, today: date) -> Incoming:
    """The shows in the export file at `path`: a regular file, read with a size cap."""
    found = read_regular(path, MAX_IMPORT_BYTES, what="an export", error=ImportFileError)
    if found is None:
        raise FileNotFoundError(errno.ENOENT, os.strerror(errno.ENOENT), str(path))
    return read_import(path, found[0], format, today)


def _text(data: bytes, path: Path) -> str:
    if len(data) > MAX_IMPORT_BYTES:
        raise ImportFileError(path, "the file is too large to be an export")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ImportFileError(path, "the file is UTF-16 text; save it as UTF-8", 1)
    if b"\x00" in data:
        line = data.count(b"\n", 0, data.index(b"\x00")) + 1
        raise ImportFileError(path, "the file holds NUL bytes; is this an export?", line)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        raise ImportFileError(
            path, f"not UTF-8 text (byte 0x{data[error.start]:02x}); is this an export?", line
        ) from None


def _looks_like_json(text: str) -> bool:
    return text.lstrip()[:1] in ("{", "[")


def _json(text: str, path: Path) -> object:
    document = load_json(text, path)
    if too_deep(document, MAX_NESTING):
        raise ImportFileError(
            path, f"values are nested more than {MAX_NESTING} levels deep; is this an export?"
        )
    return document


def _place(where: Place) -> str:
    """A place in what a file brings, as the JSON export names it: shows[2].seasons[0].x."""
    text = ""
    for part in where:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            name = {"season": "seasons"}.get(part, part) if len(where) > 2 else part
            text += ("." if text else "") + name
    return text


def check_limits(incoming: Incoming, path: Path) -> Incoming:
    """ImportFileError if anything the file brings breaks the limits of a watchlist."""
    for index, show in enumerate(incoming.shows):
        found = find_problem(
            table(show), max_depth=MAX_NESTING - 2, max_text=MAX_TEXT, place=("shows", index)
        )
        if found is not None:
            where, problem = found
            raise ImportFileError(path, f"{_place(where)}: {problem}")
    found = find_problem(incoming.extra, max_depth=MAX_NESTING - 1, place=("extra",))
    if found is not None:
        raise ImportFileError(path, f"{_place(found[0])}: {found[1]}")
    return incoming


def detect_format(text: str, path: Path) -> ImportFormat:
    """Which kind of export this text is; ImportFileError if none."""
    if _looks_like_json(text):
        document = _json(text, path)
        if isinstance(document, dict) and ("watchtui" in document or "shows" in document):
            return ImportFormat.JSON
        if isinstance(document, list) or (
            isinstance(document, dict) and TRAKT_KEYS & document.keys()
        ):
            return ImportFormat.TRAKT
    else:
        header = next(csv.reader(io.StringIO(text)), [])
        names = {name.strip() for name in header}
        if {"Const", "Title", "Title Type"} <= names:
            return ImportFormat.IMDB
    raise ImportFileError(
        path,
        "not a file watchtui can import: expected a watchtui JSON export, "
        "a Trakt JSON export or an IMDb list CSV",
        None if _looks_like_json(text) else 1,
    )


def read_import(path: Path, data: bytes, format: ImportFormat, today: date) -> Incoming:
    """The shows in an export file, checked whole; ImportFileError if it is not one."""
    text = _text(data, path)
    if format is ImportFormat.AUTO:
        format = detect_format(text, path)
    if format is ImportFormat.IMDB:
        return check_limits(read_imdb(text, path, today), path)
    document = _json(text, path)
    try:
        if format is ImportFormat.JSON:
            watchlist = read_watchtui_json(document, path)
            incoming = Incoming(format, watchlist.shows, 0, watchlist.extra)
        else:
            incoming = TraktReader(path, today).read(document)
    except RecursionError:
        raise ImportFileError(path, "values are nested too deeply; is this an export?") from None
    return check_limits(incoming, path)
