"""Yamtrack's CSV export: one row per show, season, episode or other item.

Columns: `media_id,source,media_type,title,image,season_number,episode_number,
score,progress,status,start_date,end_date,notes,progressed_at`. The id belongs to
`source` (tmdb, mal, tvdb, …). `tv` rows are shows, `season` rows their seasons,
`episode` rows the episodes seen; `anime` rows are series of one season; movies,
games, books and manga are skipped.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from watchtui.core.formats.containers import Table
from watchtui.core.formats.incoming import (
    ImportFormat,
    Incoming,
    Seen,
    day_of,
    rating_of,
    seen_episode,
    whole,
)
from watchtui.core.model import Ids, Season, Show, Status, replace

_COLUMNS = ("media_id", "source", "media_type", "title")
STATUSES = {
    "completed": Status.COMPLETED,
    "in progress": Status.WATCHING,
    "repeating": Status.WATCHING,
    "planning": Status.PLANNED,
    "paused": Status.PAUSED,
    "dropped": Status.DROPPED,
}
_SKIPPED = {"movie": "movie", "game": "game", "book": "book", "manga": "manga"}
_ID_SOURCES = {"tmdb", "tvdb", "mal", "imdb", "trakt", "tvmaze"}


def is_yamtrack(header: list[str]) -> bool:
    return all(name in header for name in _COLUMNS)


@dataclass(slots=True)
class _Show:
    show: Show
    seasons: dict[int, Season] = field(default_factory=dict)
    seen: Seen = field(default_factory=dict)


def _ids(source: str, media_id: str) -> Ids:
    source = source.lower()
    number = whole(media_id)
    if source in _ID_SOURCES - {"imdb"} and number is not None:
        return replace(Ids(), **{source: number})
    if source == "imdb" and media_id.startswith("tt"):
        return Ids(imdb=media_id)
    return Ids(extra={source: media_id}) if source and media_id and source != "manual" else Ids()


def read_yamtrack(table: Table, today: date) -> Incoming:
    incoming = Incoming(ImportFormat.YAMTRACK, added=today)
    shows: dict[tuple[str, str], _Show] = {}
    orphans = 0
    for _, row in table.rows:
        cell = {name: row[n].strip() for n, name in enumerate(table.header) if n < len(row)}
        kind = cell.get("media_type", "").lower()
        key = (cell.get("source", "").lower(), cell.get("media_id", ""))
        status = STATUSES.get(cell.get("status", "").lower())
        if kind in ("tv", "anime"):
            rating = rating_of(cell.get("score", ""))
            show = Show(
                title=cell.get("title") or f"{key[0]} {key[1]}",
                ids=_ids(*key),
                status=status or Status.WATCHING,
                notes=cell.get("notes", ""),
                added=day_of(cell.get("start_date", "")),
                rating=rating,
                rated=day_of(cell.get("progressed_at", "")) if rating else None,
            )
            found = shows.setdefault(key, _Show(show))
            found.show = show
            if kind == "anime":
                watched = whole(cell.get("progress", "")) or 0
                finished = day_of(cell.get("end_date", "")) if status is Status.COMPLETED else None
                found.seasons[1] = Season(1, watched=watched, finished=finished)
        elif kind == "season":
            number = whole(cell.get("season_number", ""))
            found_season = shows.get(key)
            if number is None or found_season is None:
                orphans += 1
                continue
            complete = status is Status.COMPLETED
            found_season.seasons[number] = Season(
                number,
                watched=whole(cell.get("progress", "")) or 0,
                finished=day_of(cell.get("end_date", "")) if complete else None,
            )
        elif kind == "episode":
            season_number = whole(cell.get("season_number", ""))
            number = whole(cell.get("episode_number", ""))
            found_episode = shows.get(key)
            if season_number is None or number is None or found_episode is None:
                orphans += 1
                continue
            day = day_of(cell.get("end_date", "") or cell.get("progressed_at", ""))
            seen_episode(found_episode.seen, season_number, number, day)
        else:
            incoming.skip(_SKIPPED.get(kind, "item"))
    for found in shows.values():
        seasons = dict(found.seasons)
        for number, episodes in found.seen.items():
            season = seasons.get(number, Season(number))
            if len(episodes) > season.watched:
                season = Season(number, watched=len(episodes), finished=season.finished)
            seasons[number] = season
        incoming.add(replace(found.show, seasons=tuple(seasons[n] for n in sorted(seasons))))
    incoming.skip("seen episode without its show", orphans)
    return incoming
