"""TMDB's account exports (CSV): ratings and watchlist, of movies and TV.

Header: `TMDb ID,IMDb ID,Type,Name,Release Date,Season Number,Episode Number,
Rating,Your Rating,Date Rated`. A `tv` row without season and episode numbers is
a show (its ids are the show's); a row with them is an episode: its ids are the
episode's, never the show's. Episodes rated say they were seen: they raise the
season's watched count of the show of that name, and bring no show of their own.
"""

from __future__ import annotations

from datetime import date

from watchtui.core.formats.containers import Table
from watchtui.core.formats.imdb import IMDB_ID
from watchtui.core.formats.incoming import (
    ImportFormat,
    Incoming,
    Seen,
    day_of,
    normal_title,
    rating_of,
    seasons_from,
    seen_episode,
    whole,
    year_of,
)
from watchtui.core.model import Ids, Show, Status, replace

_COLUMNS = ("TMDb ID", "Type", "Name")


def is_tmdb(header: list[str]) -> bool:
    return all(name in header for name in _COLUMNS)


def read_tmdb(table: Table, today: date) -> Incoming:
    incoming = Incoming(ImportFormat.TMDB, added=today)
    shows: dict[str, tuple[Show, int | None]] = {}
    episodes: dict[str, tuple[str, Seen]] = {}
    for _, row in table.rows:
        cell = {name: row[n].strip() for n, name in enumerate(table.header) if n < len(row)}
        kind = cell.get("Type", "").lower()
        name = cell.get("Name", "")
        if kind != "tv":
            incoming.skip("movie" if kind == "movie" else "item")
            continue
        if not name:
            continue
        season = whole(cell.get("Season Number", ""))
        number = whole(cell.get("Episode Number", ""))
        if season is not None and number is not None:
            _, seen = episodes.setdefault(normal_title(name), (name, {}))
            seen_episode(seen, season, number, day_of(cell.get("Date Rated", "")))
            continue
        rating = rating_of(cell.get("Your Rating", ""))
        imdb = cell.get("IMDb ID", "")
        rated = day_of(cell.get("Date Rated", ""))
        show = Show(
            title=name,
            ids=Ids(
                tmdb=whole(cell.get("TMDb ID", "")), imdb=imdb if IMDB_ID.fullmatch(imdb) else None
            ),
            status=Status.WATCHING if rating else Status.PLANNED,
            added=None if rating else rated,
            rating=rating,
            rated=rated if rating else None,
        )
        shows.setdefault(normal_title(name), (show, year_of(cell.get("Release Date", ""))))
    for key, (show, year) in shows.items():
        if key in episodes:
            show = replace(show, status=Status.WATCHING, seasons=seasons_from(episodes.pop(key)[1]))
        incoming.add(show, year)
    for name, seen in episodes.values():
        incoming.add(Show(title=name, seasons=seasons_from(seen)), merge_only=True)
    return incoming
