"""Trakt exports: watched shows, history and watchlist, in the shapes of its API."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from watchtui.core.errors import ImportFileError
from watchtui.core.formats.imdb import IMDB_ID
from watchtui.core.formats.incoming import ImportFormat, Incoming, day_of
from watchtui.core.merge import merge_ids
from watchtui.core.model import (
    MAX_COUNT,
    Ids,
    Season,
    Show,
    Status,
    title_key,
)

# Trakt ------------------------------------------------------------------------

TRAKT_KEYS = frozenset(["watched", "watchlist", "history"])


@dataclass(slots=True)
class _TraktShow:
    title: str
    watching: bool = False
    added: date | None = None
    seasons: dict[int, set[int]] = field(default_factory=dict)  # season -> episodes seen
    ids: Ids = field(default_factory=Ids)


class TraktReader:
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
        elif isinstance(document, dict) and TRAKT_KEYS & document.keys():
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
                found.added = day_of(listed)
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
        if value > MAX_COUNT:
            raise self.fail(f"{where}.{name}", f"expected at most {MAX_COUNT}, found {value}")
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
        imdb=imdb if isinstance(imdb, str) and IMDB_ID.fullmatch(imdb) else None,
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
