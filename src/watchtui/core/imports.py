"""Importing shows from other places, and merging them into the watchlist.

Three kinds of file are read:

- watchtui's own JSON (`watchtui export --format json`), read back losslessly;
- an IMDb list or watchlist exported as CSV: the series in it become planned
  shows (films and episodes are skipped);
- a Trakt export: watched shows (with the episodes seen in each season), the
  watchlist (planned shows), or history entries (episodes seen), as lists like
  `watched-shows.json` or one object with `watched` / `watchlist` lists.

A file is read whole and checked before anything changes: one that is not what
it claims raises ImportFileError naming the line (CSV, broken JSON) or the key
(JSON), and the watchlist is left as it was.

Merging follows one rule: it fills in what is missing and raises watched
progress, it never overwrites what the user set and never lowers progress. A
show matches an existing one by title, ignoring case, so nothing is duplicated.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Any

from watchtui.core.codec import MAX_FILE_BYTES
from watchtui.core.interchange import ImportFileError, load_json, read_watchtui_json
from watchtui.core.model import (
    MAX_COUNT,
    CastNote,
    Ids,
    Season,
    Show,
    Status,
    Watchlist,
    replace,
    title_key,
)

__all__ = [
    "ImportFormat",
    "Incoming",
    "MergePlan",
    "detect_format",
    "merge_ids",
    "merge_season",
    "merge_show",
    "plan_merge",
    "read_import",
]


class ImportFormat(StrEnum):
    AUTO = "auto"
    JSON = "json"
    IMDB = "imdb"
    TRAKT = "trakt"


@dataclass(slots=True)
class Incoming:
    """What a file brings: shows to merge, and how many of its items were not series."""

    format: ImportFormat
    shows: list[Show]
    skipped: int = 0
    extra: dict[str, Any] = field(default_factory=dict)  # top-level keys of our own JSON
    # The day added given to new shows the file has no date for (None: leave it unset).
    # Not used for shows already in the watchlist: they were not added today.
    added: date | None = None


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
            isinstance(document, dict) and _TRAKT_KEYS & document.keys()
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
        return _read_imdb(text, path, today)
    document = load_json(text, path)
    if format is ImportFormat.JSON:
        watchlist = read_watchtui_json(document, path)
        return Incoming(format, watchlist.shows, 0, watchlist.extra)
    return _TraktReader(path, today).read(document)


# IMDb -------------------------------------------------------------------------

_IMDB_REQUIRED = ("Const", "Title", "Title Type")
_IMDB_SERIES = frozenset(["tvseries", "tvminiseries"])


def _letters(text: str) -> str:
    return re.sub(r"[^a-z]", "", text.casefold())


def _imdb_day(text: str) -> date | None:
    try:
        return date.fromisoformat(text.strip()[:10])
    except ValueError:
        return None


def _read_imdb(text: str, path: Path, today: date) -> Incoming:
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = [name.strip() for name in next(reader)]
    except StopIteration:
        raise ImportFileError(path, "the file is empty; expected an IMDb list CSV", 1) from None
    except csv.Error as error:
        raise ImportFileError(path, f"not CSV: {error}", 1) from None
    missing = [name for name in _IMDB_REQUIRED if name not in header]
    if missing:
        raise ImportFileError(
            path,
            f'not an IMDb list export: the header has no "{missing[0]}" column '
            f"(an IMDb export starts with Position,Const,Created,…)",
            1,
        )
    column = {name: index for index, name in enumerate(header)}
    shows: list[Show] = []
    skipped = 0
    line = reader.line_num
    while True:
        start = line + 1
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as error:
            raise ImportFileError(path, f"not CSV: {error}", start) from None
        line = reader.line_num
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(header):
            raise ImportFileError(
                path, f"expected {len(header)} columns as in the header, found {len(row)}", start
            )

        def cell(name: str, row: list[str] = row) -> str:
            index = column.get(name)
            return row[index].strip() if index is not None else ""

        if _letters(cell("Title Type")) not in _IMDB_SERIES:
            skipped += 1
            continue
        title = cell("Title")
        if not title:
            raise ImportFileError(path, f"the series {cell('Const') or ''} has no title", start)
        original = cell("Original Title")
        const = cell("Const")
        shows.append(
            Show(
                title=title,
                ids=Ids(imdb=const) if _IMDB_ID.fullmatch(const) else Ids(),
                original_title="" if title_key(original) == title_key(title) else original,
                status=Status.PLANNED,
                notes="\n".join(cell("Description").splitlines()),
                added=_imdb_day(cell("Created")),
            )
        )
    return Incoming(ImportFormat.IMDB, shows, skipped, added=today)


_IMDB_ID = re.compile(r"tt[0-9]{1,12}")


# Trakt ------------------------------------------------------------------------

_TRAKT_KEYS = frozenset(["watched", "watchlist", "history"])


@dataclass(slots=True)
class _TraktShow:
    title: str
    watching: bool = False
    added: date | None = None
    seasons: dict[int, set[int]] = field(default_factory=dict)  # season -> episodes seen
    ids: Ids = field(default_factory=Ids)


class _TraktReader:
    """Trakt's export lists, in the shapes of its API (`/sync/watched/shows` and kin)."""

    def __init__(self, path: Path, today: date) -> None:
        self.path = path
        self.today = today
        self.shows: dict[str, _TraktShow] = {}
        self.skipped = 0

    def fail(self, key: str, problem: str) -> ImportFileError:
        return ImportFileError(self.path, f"{key}: {problem}")

    def read(self, document: Any) -> Incoming:
        if isinstance(document, list):
            self.entries(document, "", None)
        elif isinstance(document, dict) and _TRAKT_KEYS & document.keys():
            for key in ("watched", "history", "watchlist"):  # progress first
                value = document.get(key)
                if value is None:
                    continue
                if isinstance(value, dict) and "shows" in value:  # {"movies": …, "shows": …}
                    value, key = value["shows"], f"{key}.shows"
                if not isinstance(value, list):
                    raise self.fail(key, f"expected a list of entries, found {_kind(value)}")
                self.entries(value, key, key.split(".")[0])
        else:
            raise self.fail(
                "(top level)",
                "not a Trakt export: expected a list of entries, or an object with "
                '"watched" or "watchlist" lists',
            )
        shows = [
            Show(
                title=found.title,
                ids=found.ids,
                status=Status.WATCHING if found.watching else Status.PLANNED,
                added=found.added,
                seasons=tuple(
                    Season(number=number, watched=len(episodes))
                    for number, episodes in sorted(found.seasons.items())
                ),
            )
            for found in self.shows.values()
        ]
        return Incoming(ImportFormat.TRAKT, shows, self.skipped, added=self.today)

    def entries(self, entries: list[Any], key: str, kind: str | None) -> None:
        for n, entry in enumerate(entries):
            where = f"{key}[{n}]"
            if not isinstance(entry, dict):
                raise self.fail(where, f"expected an entry object, found {_kind(entry)}")
            self.entry(entry, where, kind)

    def entry(self, entry: dict[str, Any], where: str, kind: str | None) -> None:
        entry_type = entry.get("type")
        if entry_type in ("movie", "person", "list") or (
            "show" not in entry and ("movie" in entry or "person" in entry)
        ):
            self.skipped += 1
            return
        if "show" not in entry:
            raise self.fail(where, 'not a Trakt show entry: it has no "show" object')
        found = self.show(entry["show"], f"{where}.show")
        if "seasons" in entry or kind == "watched":
            found.watching = True
            self.watched_seasons(found, entry.get("seasons", []), f"{where}.seasons")
        elif entry_type == "episode" and ("watched_at" in entry or kind == "history"):
            found.watching = True
            episode = entry.get("episode")
            if not isinstance(episode, dict):
                raise self.fail(f"{where}.episode", f"expected an object, found {_kind(episode)}")
            season = self.number(episode, "season", f"{where}.episode")
            number = self.number(episode, "number", f"{where}.episode")
            found.seasons.setdefault(season, set()).add(number)
        else:
            listed = entry.get("listed_at")
            if isinstance(listed, str) and found.added is None:
                found.added = _imdb_day(listed)
            if entry_type == "season":
                season_info = entry.get("season")
                if not isinstance(season_info, dict):
                    raise self.fail(
                        f"{where}.season", f"expected an object, found {_kind(season_info)}"
                    )
                found.seasons.setdefault(
                    self.number(season_info, "number", f"{where}.season"), set()
                )

    def show(self, raw: Any, where: str) -> _TraktShow:
        if not isinstance(raw, dict):
            raise self.fail(where, f"expected a show object, found {_kind(raw)}")
        title = raw.get("title")
        if not isinstance(title, str) or not title.strip():
            raise self.fail(f"{where}.title", f"expected the show's title, found {_kind(title)}")
        found = self.shows.setdefault(title_key(title), _TraktShow(title.strip()))
        found.ids = merge_ids(found.ids, _trakt_ids(raw.get("ids")))
        return found

    def number(self, raw: dict[str, Any], name: str, where: str) -> int:
        value = raw.get(name)
        if type(value) is not int or value < 0:
            raise self.fail(f"{where}.{name}", f"expected a number 0 or more, found {_kind(value)}")
        return value

    def watched_seasons(self, found: _TraktShow, seasons: Any, where: str) -> None:
        if not isinstance(seasons, list):
            raise self.fail(where, f"expected a list of seasons, found {_kind(seasons)}")
        for n, season in enumerate(seasons):
            at = f"{where}[{n}]"
            if not isinstance(season, dict):
                raise self.fail(at, f"expected a season object, found {_kind(season)}")
            number = self.number(season, "number", at)
            episodes = season.get("episodes", [])
            if not isinstance(episodes, list):
                raise self.fail(f"{at}.episodes", f"expected a list, found {_kind(episodes)}")
            seen = found.seasons.setdefault(number, set())
            for m, episode in enumerate(episodes):
                if not isinstance(episode, dict):
                    raise self.fail(
                        f"{at}.episodes[{m}]", f"expected an episode object, found {_kind(episode)}"
                    )
                episode_number = self.number(episode, "number", f"{at}.episodes[{m}]")
                if episode.get("plays", 1) != 0:
                    seen.add(episode_number)


def _trakt_ids(raw: Any) -> Ids:
    """Trakt's `ids` object (trakt, slug, imdb, tmdb, tvdb; any may be null) as ids."""
    if not isinstance(raw, dict):
        return Ids()

    def number(name: str) -> int | None:
        value = raw.get(name)
        return value if type(value) is int and 0 <= value <= MAX_COUNT else None

    imdb = raw.get("imdb")
    return Ids(
        imdb=imdb if isinstance(imdb, str) and _IMDB_ID.fullmatch(imdb) else None,
        tvdb=number("tvdb"),
        tmdb=number("tmdb"),
        trakt=number("trakt"),
    )


def _kind(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, str):
        return repr(value if len(value) <= 30 else value[:29] + "…")
    if isinstance(value, int | float):
        return f"the number {value}"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    return type(value).__name__


# ---------------------------------------------------------------------------
# Merging


def merge_season(old: Season, new: Season) -> Season:
    """`old` with what `new` adds: missing fields filled, watched progress only raised."""
    episodes = old.episodes if old.episodes is not None else new.episodes
    watched = max(old.watched, new.watched)
    if episodes is not None and watched > episodes:
        if old.episodes is not None:
            watched = old.episodes  # the user's count of episodes stands
        else:
            episodes = None  # the other count is smaller than what was seen: keep unknown
    window_from_new = not old.window.strip() and bool(new.window.strip())
    return replace(
        old,
        title=old.title or new.title,
        episodes=episodes,
        watched=watched,
        finished=old.finished or new.finished,
        window=new.window if window_from_new else old.window,
        confidence=new.confidence if window_from_new else old.confidence,
        source=old.source or new.source,
        noted=(new.noted if window_from_new else old.noted) or old.noted,
        extra={**new.extra, **old.extra},
    )


def merge_ids(old: Ids, new: Ids) -> Ids:
    """`old` with the ids only `new` knows; an id the user has is never replaced."""
    if not new:
        return old
    filled = {
        name: getattr(new, name)
        for name in Ids.__struct_fields__
        if name != "extra" and getattr(old, name) is None and getattr(new, name) is not None
    }
    extra = {**new.extra, **old.extra}
    if not filled and extra == old.extra:
        return old
    return replace(old, extra=extra, **filled)


def merge_show(old: Show, new: Show) -> Show:
    """`old` with what `new` adds; the user's own values always win."""
    seasons = {season.number: season for season in old.seasons}
    for season in new.seasons:
        present = seasons.get(season.number)
        seasons[season.number] = season if present is None else merge_season(present, season)
    names = {title_key(note.name) for note in old.cast}
    cast: list[CastNote] = list(old.cast)
    for note in new.cast:
        if title_key(note.name) not in names:
            names.add(title_key(note.name))
            cast.append(note)
    merged = replace(
        old,
        original_title=old.original_title or new.original_title,
        network=old.network or new.network,
        notes=old.notes or new.notes,
        added=old.added or new.added,
        ids=merge_ids(old.ids, new.ids),
        seasons=tuple(sorted(seasons.values(), key=lambda s: s.number)),
        cast=tuple(cast),
        extra={**new.extra, **old.extra},
    )
    return old if merged == old else merged


@dataclass(slots=True)
class MergePlan:
    """The changes an import makes: each a show before (None: new) and after."""

    changes: list[tuple[Show | None, Show]]
    unchanged: int
    extra: dict[str, Any]

    @property
    def added(self) -> int:
        return sum(1 for before, _ in self.changes if before is None)

    @property
    def updated(self) -> int:
        return len(self.changes) - self.added

    def apply(self, watchlist: Watchlist) -> None:
        """Make the changes, in one pass: an import of thousands of shows stays quick.

        The plan already holds one show per title (ignoring case), so the title check
        `Watchlist.add` makes for each show, over every show, is not needed again.
        """
        where = {id(show): index for index, show in enumerate(watchlist.shows)}
        for before, after in self.changes:
            if before is None:
                watchlist.shows.append(after)
            else:
                watchlist.shows[where[id(before)]] = after
        watchlist.extra.update(self.extra)


def plan_merge(watchlist: Watchlist, incoming: Incoming) -> MergePlan:
    """What merging `incoming` into the watchlist changes, without changing it."""
    existing = {show.key: show for show in watchlist.shows}
    result: dict[str, Show] = {}
    order: list[str] = []
    matched: set[str] = set()
    for show in incoming.shows:
        key = show.key
        current = result.get(key, existing.get(key))
        if key in existing:
            matched.add(key)
        if current is None:
            if show.added is None and incoming.added is not None:
                show = replace(show, added=incoming.added)
            result[key] = show
            order.append(key)
        else:
            merged = merge_show(current, show)
            if key not in result:
                order.append(key)
            result[key] = merged
    changes: list[tuple[Show | None, Show]] = []
    for key in order:
        before = existing.get(key)
        after = result[key]
        if after is not before:
            changes.append((before, after))
    extra = {k: v for k, v in incoming.extra.items() if k not in watchlist.extra}
    return MergePlan(changes, len(matched) - sum(1 for b, _ in changes if b is not None), extra)
