"""Trakt exports: the data export ZIP's files and the older API-shaped JSON.

Every entry says what it is by its keys, whatever file it is in: watched shows
(`plays`, `last_watched_at`, maybe `seasons` → `episodes`), history (`watched_at`,
`type: episode`), watchlist and lists (`listed_at`), ratings (`rated_at`,
`rating`), collection (`collected_at`). Movies are counted and skipped; ratings of
seasons and episodes are left out (a show has one rating).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from watchtui.core.errors import ImportFileError
from watchtui.core.formats.imdb import IMDB_ID
from watchtui.core.formats.incoming import (
    ImportFormat,
    Incoming,
    day_of,
    seasons_from,
    seen_episode,
)
from watchtui.core.merge import merge_ids
from watchtui.core.model import (
    MAX_COUNT,
    Ids,
    Season,
    Show,
    Status,
    title_key,
)
from watchtui.core.text import json_kind as _kind

# Trakt ------------------------------------------------------------------------

TRAKT_KEYS = frozenset(["watched", "watchlist", "history"])


@dataclass(slots=True)
class _TraktShow:
    title: str
    watching: bool = False
    added: date | None = None
    seasons: dict[int, dict[int, date | None]] = field(default_factory=dict)
    """season -> episode seen -> the day it was last seen"""
    ids: Ids = field(default_factory=Ids)
    year: int | None = None
    rating: int | None = None
    rated: date | None = None

    def seen(self, season: int, episode: int, day: date | None) -> None:
        seen_episode(self.seasons, season, episode, day)

    def season_records(self) -> tuple[Season, ...]:
        return seasons_from(self.seasons)


class TraktReader:
    """Trakt's export lists, in the shapes of its API (`/sync/watched/shows` and kin)."""

    def __init__(self, path: Path, today: date) -> None:
        self.path = path
        self.today = today
        self.shows: dict[str, _TraktShow] = {}
        self.movies: set[str] = set()  # a movie in several files is one movie
        self.people = 0

    def fail(self, key: str, problem: str) -> ImportFileError:
        return ImportFileError(self.path, f"{key}: {problem}")

    def read(self, document: Any) -> None:
        """A whole document: a list of entries, or an object of the older shape."""
        if isinstance(document, list):
            self.entries(document, "", None)
        elif isinstance(document, dict) and TRAKT_KEYS & document.keys():
            for key in ("watched", "history", "watchlist"):  # progress first
                value = document.get(key)
                if value is None:
                    continue
                if isinstance(value, dict) and "shows" in value:  # {"movies": …, "shows": …}
                    for movie in value.get("movies") or ():
                        self.movie(movie)
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

    def result(self) -> Incoming:
        incoming = Incoming(ImportFormat.TRAKT, added=self.today)
        for found in self.shows.values():
            incoming.add(
                Show(
                    title=found.title,
                    ids=found.ids,
                    status=Status.WATCHING if found.watching else Status.PLANNED,
                    added=found.added,
                    rating=found.rating,
                    rated=found.rated,
                    seasons=found.season_records(),
                ),
                found.year,
            )
        incoming.skip("movie", len(self.movies))
        incoming.skip("person", self.people)
        return incoming

    def movie(self, entry: Any) -> None:
        movie = entry.get("movie", entry) if isinstance(entry, dict) else None
        if isinstance(movie, dict):
            ids = movie.get("ids") if isinstance(movie.get("ids"), dict) else {}
            self.movies.add(str(ids.get("trakt") or movie.get("title")))  # type: ignore[union-attr]

    def entries(self, entries: Iterable[Any], key: str, kind: str | None) -> None:
        for n, entry in enumerate(entries):
            where = f"{key}[{n}]"
            if not isinstance(entry, dict):
                raise self.fail(where, f"expected an entry object, found {_kind(entry)}")
            self.entry(entry, where, kind)

    def entry(self, entry: dict[str, Any], where: str, kind: str | None) -> None:
        entry_type = entry.get("type")
        if entry_type == "movie" or ("show" not in entry and "movie" in entry):
            self.movie(entry)
            return
        if entry_type in ("person", "list") or ("show" not in entry and "person" in entry):
            self.people += entry_type != "list"
            return
        if "show" not in entry:
            raise self.fail(where, 'not a Trakt show entry: it has no "show" object')
        if "rating" in entry and entry_type in ("season", "episode"):
            return  # a rating of a part: the show has one rating
        found = self.show(entry["show"], f"{where}.show")
        if "seasons" in entry or kind == "watched" or "plays" in entry:
            found.watching = True
            self.watched_seasons(found, entry.get("seasons", []), f"{where}.seasons")
        elif entry_type == "episode" and ("watched_at" in entry or kind == "history"):
            found.watching = True
            episode = entry.get("episode")
            if not isinstance(episode, dict):
                raise self.fail(f"{where}.episode", f"expected an object, found {_kind(episode)}")
            season = self.number(episode, "season", f"{where}.episode")
            number = self.number(episode, "number", f"{where}.episode")
            found.seen(season, number, _day(entry.get("watched_at")))
        elif "rating" in entry:
            rating = entry.get("rating")
            if type(rating) is int and 1 <= rating <= 10:
                found.rating, found.rated = rating, _day(entry.get("rated_at"))
        else:
            listed = _day(entry.get("listed_at") or entry.get("collected_at"))
            if found.added is None:
                found.added = listed
            if entry_type == "season":
                season_info = entry.get("season")
                if not isinstance(season_info, dict):
                    raise self.fail(
                        f"{where}.season", f"expected an object, found {_kind(season_info)}"
                    )
                found.seasons.setdefault(self.number(season_info, "number", f"{where}.season"), {})

    def show(self, raw: Any, where: str) -> _TraktShow:
        if not isinstance(raw, dict):
            raise self.fail(where, f"expected a show object, found {_kind(raw)}")
        title = raw.get("title")
        if not isinstance(title, str) or not title.strip():
            raise self.fail(f"{where}.title", f"expected the show's title, found {_kind(title)}")
        ids = _trakt_ids(raw.get("ids"))
        key = f"trakt {ids.trakt}" if ids.trakt is not None else title_key(title)
        found = self.shows.setdefault(key, _TraktShow(title.strip()))
        found.ids = merge_ids(found.ids, ids)
        year = raw.get("year")
        found.year = found.year or (year if type(year) is int else None)
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
            found.seasons.setdefault(number, {})
            for m, episode in enumerate(episodes):
                if not isinstance(episode, dict):
                    raise self.fail(
                        f"{at}.episodes[{m}]",
                        f"expected an episode object, found {_kind(episode)}",
                    )
                episode_number = self.number(episode, "number", f"{at}.episodes[{m}]")
                if episode.get("plays", 1) != 0:
                    found.seen(number, episode_number, _day(episode.get("last_watched_at")))


def _day(value: Any) -> date | None:
    return day_of(value) if isinstance(value, str) else None


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
        tvmaze=number("tvmaze"),
        extra={"tvrage": raw["tvrage"]} if type(raw.get("tvrage")) is int else {},
    )
