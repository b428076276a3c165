"""Importing shows from other places: which export a file is, and its shows.

The format is told from the content, never the name. A file may be one export
file, a gzipped one, a ZIP or a folder; in a ZIP or folder every file at the root
or one folder down is looked at, and those of no known format are ignored (files
of a user's account, such as Trakt's `user-profile.json`, are never read). Every
file is read as a stream. A file that is not what it claims raises
ImportFileError, one line naming the file (and its line or key), before anything
changes; core/merge.py then merges the shows.
"""

from __future__ import annotations

import csv
import gzip
import io
import zipfile
import zlib
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from watchtui.core.errors import ImportFileError
from watchtui.core.formats.containers import (
    Member,
    Progress,
    Source,
    csv_table,
    json_items,
    open_source,
)
from watchtui.core.formats.imdb import is_imdb, read_imdb
from watchtui.core.formats.incoming import KNOWN_FORMATS, ImportFormat, Incoming, skipped_words
from watchtui.core.formats.json import load_json, read_watchtui_json
from watchtui.core.formats.mal import is_mal_xml, read_mal_json, read_mal_xml
from watchtui.core.formats.seriesguide import is_seriesguide, read_seriesguide
from watchtui.core.formats.tmdb import is_tmdb, read_tmdb
from watchtui.core.formats.trakt import TRAKT_KEYS, TraktReader
from watchtui.core.formats.tvtime import TvTimeReader, is_tvtime
from watchtui.core.formats.yamtrack import is_yamtrack, read_yamtrack
from watchtui.core.merge import MergePlan
from watchtui.core.schema import MAX_NESTING
from watchtui.core.storage.reader import MAX_FILE_BYTES, decode

__all__ = ["import_numbers", "import_summary", "read_import"]

UNKNOWN = f"not an export watchtui can import (it reads {KNOWN_FORMATS})"
_PRIVATE = ("profile", "account", "setting", "token", "password", "email", "device")
_TRAKT_NAMES = ("watched", "history", "lists", "watchlist", "ratings", "collection")
_DAMAGED = (zipfile.BadZipFile, zlib.error, EOFError, gzip.BadGzipFile)


def _text(data: bytes, where: Path) -> str:
    if b"\x00" in data:
        line = data.count(b"\n", 0, data.index(b"\x00")) + 1
        raise ImportFileError(where, "the file holds NUL bytes; is this an export?", line)
    return decode(data, where, what="an export", error=ImportFileError)


def _document(member: Member) -> Any:
    """A JSON file that is not a list, read whole."""
    with member.open() as stream:
        data = stream.read(MAX_FILE_BYTES + 1)
    return load_json(_text(data, member.where), member.where)


class _Found:
    """What a member is: its format, and its document if it had to be read whole."""

    def __init__(self, format: ImportFormat | None, document: Any = None, listed: bool = False):
        self.format = format
        self.document = document
        self.listed = listed  # a JSON list, read item by item
        self.empty = False


def detect(member: Member) -> _Found:
    """Tell what a member is from its first bytes (and its first item, for a list)."""
    head = member.head()
    if is_mal_xml(head):
        return _Found(ImportFormat.MAL)
    first = head.lstrip(b"\xef\xbb\xbf \t\r\n")[:1]
    if first == b"[":
        items = json_items(member.opener(), member.where)
        try:
            item = next(items, None)
        except ImportFileError:
            item = None  # told below, when read whole: a list is Trakt's
        found = _Found(ImportFormat.SERIESGUIDE if is_seriesguide(item) else ImportFormat.TRAKT)
        found.listed, found.empty = True, item is None
        return found
    if first == b"{":
        document = _document(member)
        if isinstance(document, dict):
            if "watchtui" in document or "shows" in document:
                return _Found(ImportFormat.JSON, document)
            if isinstance(document.get("data"), list):
                return _Found(ImportFormat.MAL, document)
            if TRAKT_KEYS & document.keys():
                return _Found(ImportFormat.TRAKT, document)
        return _Found(None)
    try:
        header = next(csv.reader(io.StringIO(head.decode("utf-8-sig", "replace"))), [])
    except csv.Error:
        return _Found(None)
    header = [name.strip() for name in header]
    for test, format in (
        (is_imdb, ImportFormat.IMDB),
        (is_tmdb, ImportFormat.TMDB),
        (is_yamtrack, ImportFormat.YAMTRACK),
        (is_tvtime, ImportFormat.TVTIME),
    ):
        if test(header):
            return _Found(format)
    return _Found(None)


_TABLES: dict[ImportFormat, Callable[..., Incoming]] = {
    ImportFormat.IMDB: read_imdb,
    ImportFormat.TMDB: read_tmdb,
    ImportFormat.YAMTRACK: read_yamtrack,
}


def _read(member: Member, found: _Found, today: date) -> Incoming:
    """A member of any format but Trakt's and TV Time's (read together: see _read_all)."""
    format = found.format
    where = member.where
    if format in _TABLES:
        with member.open() as stream:
            return _TABLES[format](csv_table(stream, where), today)
    if format is ImportFormat.SERIESGUIDE:
        with member.open() as stream:
            return read_seriesguide(json_items(stream, where), where, today)
    if format is ImportFormat.MAL:
        if found.document is not None:
            return read_mal_json(found.document, where, today)
        with member.open() as stream:
            return read_mal_xml(stream, where, today)
    document = found.document if found.document is not None else _document(member)
    watchlist = read_watchtui_json(document, where)
    incoming = Incoming(ImportFormat.JSON, extra=watchlist.extra)
    for show in watchlist.shows:
        incoming.add(show)
    return incoming


def _read_all(members: list[tuple[Member, _Found]], today: date) -> Incoming:
    """The members of one export, each read by its format, together."""
    incoming: Incoming | None = None
    trakt: TraktReader | None = None
    tvtime: TvTimeReader | None = None
    parts: list[Incoming] = []
    for member, found in members:
        if found.format is ImportFormat.TRAKT:
            trakt = trakt or TraktReader(member.where, today)
            trakt.path = member.where
            if found.document is not None:
                trakt.read(found.document)
            else:
                with member.open() as stream:
                    trakt.entries(json_items(stream, member.where), "", None)
        elif found.format is ImportFormat.TVTIME:
            tvtime = tvtime or TvTimeReader(today)
            with member.open() as stream:
                tvtime.read(csv_table(stream, member.where))
        else:
            parts.append(_read(member, found, today))
    if trakt is not None:
        parts.insert(0, trakt.result())
    if tvtime is not None:
        parts.insert(0, tvtime.result())
    for part in parts:
        if incoming is None:
            incoming = part
            incoming.formats = [part.format]
        else:
            incoming.take(part)
    assert incoming is not None
    return incoming


def _private(member: Member) -> bool:
    return any(word in member.base for word in _PRIVATE)


def _members(source: Source, format: ImportFormat) -> list[tuple[Member, _Found]]:
    if source.kind in ("file", "gzip"):
        (member,) = source.members
        if format is not ImportFormat.AUTO:
            return [(member, _forced(member, format))]
        try:
            found = detect(member)
        except ImportFileError as error:  # not even readable: say what it could have been
            raise ImportFileError(error.path, f"{error.problem}; {UNKNOWN}", error.line) from None
        if found.format is None:
            raise ImportFileError(source.path, UNKNOWN)
        return [(member, found)]
    chosen = []
    for member in source.members:
        if _private(member):
            continue
        try:
            found = detect(member)
        except ImportFileError:
            continue  # a file of no known format: ignored
        if found.empty and not member.base.startswith(_TRAKT_NAMES):
            continue
        if found.format is not None:
            chosen.append((member, found))
    if not chosen:
        kind = "ZIP" if source.kind == "zip" else "folder"
        raise ImportFileError(
            source.path, f"nothing in this {kind} watchtui can import (it reads {KNOWN_FORMATS})"
        )
    return chosen


def _forced(member: Member, format: ImportFormat) -> _Found:
    head = member.head().lstrip(b"\xef\xbb\xbf \t\r\n")[:1]
    if format is ImportFormat.TRAKT and head == b"[":
        return _Found(format, listed=True)
    if format in (ImportFormat.JSON, ImportFormat.TRAKT) or (
        format is ImportFormat.MAL and head == b"{"
    ):
        return _Found(format, _document(member))
    return _Found(format)


def read_import(
    path: Path,
    today: date,
    format: ImportFormat = ImportFormat.AUTO,
    progress: Progress | None = None,
) -> Incoming:
    """The shows in an export (a file, gzip, ZIP or folder), read whole and checked;
    ImportFileError if it is not one. OSError if it cannot be opened."""
    with open_source(path, progress) as source:
        try:
            return _read_all(_members(source, format), today)
        except _DAMAGED as error:
            raise ImportFileError(path, f"damaged ({error}); download the export again") from None
        except RecursionError:
            deep = f"values are nested more than {MAX_NESTING} levels deep; is this an export?"
            raise ImportFileError(path, deep) from None


# ---------------------------------------------------------------------------
# What an import did, in words and numbers


def import_numbers(incoming: Incoming, plan: MergePlan) -> dict[str, Any]:
    """The numbers `import --json` prints: added, merged, unchanged, skipped (and why)."""
    reasons = incoming.skipped + plan.skipped
    return {
        "format": incoming.names,
        "added": plan.added,
        "merged": plan.merged,
        "unchanged": plan.unchanged,
        "skipped": sum(reasons.values()),
        "skipped_because": dict(sorted(reasons.items())),
    }


def import_summary(incoming: Incoming, plan: MergePlan) -> str:
    """ "3 added, 1 merged, 0 already up to date; 3 movies skipped"."""
    reasons = incoming.skipped + plan.skipped
    text = f"{plan.added} added, {plan.merged} merged, {plan.unchanged} already up to date"
    if reasons:
        text += (
            "; "
            + ", ".join(skipped_words(count, what) for what, count in sorted(reasons.items()))
            + " skipped"
        )
    return text
