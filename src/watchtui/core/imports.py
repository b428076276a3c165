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
"""

from __future__ import annotations

import csv
import io
from datetime import date
from pathlib import Path

from watchtui.core.errors import ImportFileError
from watchtui.core.formats.imdb import read_imdb
from watchtui.core.formats.incoming import ImportFormat, Incoming
from watchtui.core.formats.json import load_json, read_watchtui_json
from watchtui.core.formats.trakt import TRAKT_KEYS, TraktReader
from watchtui.core.storage.reader import MAX_FILE_BYTES

# ---------------------------------------------------------------------------
# Reading files


def _text(data: bytes, path: Path) -> str:
    if len(data) > MAX_FILE_BYTES:
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


def detect_format(text: str, path: Path) -> ImportFormat:
    """Which kind of export this text is; ImportFileError if none."""
    if _looks_like_json(text):
        document = load_json(text, path)
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
        return read_imdb(text, path, today)
    document = load_json(text, path)
    if format is ImportFormat.JSON:
        watchlist = read_watchtui_json(document, path)
        return Incoming(format, watchlist.shows, 0, watchlist.extra)
    return TraktReader(path, today).read(document)
