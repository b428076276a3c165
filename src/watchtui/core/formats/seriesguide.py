"""SeriesGuide's shows backup (`seriesguide-shows-backup.json`): a list of shows,
each with its ids (`tmdb_id`, `tvdb_id`, `imdb_id`, `trakt_id`), `title`, and
`seasons` (`season`, `episodes`) of episodes (`episode`, `watched`, `plays`,
`skipped`). A season lists all its episodes, so its size is known: one with every
episode watched is finished (the day the show was last watched, or today)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from watchtui.core.errors import ImportFileError
from watchtui.core.formats.imdb import IMDB_ID
from watchtui.core.formats.incoming import ImportFormat, Incoming, rating_of, whole, year_of
from watchtui.core.model import Ids, Season, Show, Status


def is_seriesguide(item: Any) -> bool:
    return (
        isinstance(item, dict)
        and "title" in item
        and ("seasons" in item or "tvdb_id" in item or "tmdb_id" in item)
    )


def _day(ms: Any) -> date | None:
    if type(ms) is not int or ms <= 0:
        return None
    try:
        return datetime.fromtimestamp(ms / 1000, UTC).date()
    except (OverflowError, OSError, ValueError):
        return None


def _season(raw: Any, last: date | None, today: date) -> Season | None:
    number = whole(raw.get("season")) if isinstance(raw, dict) else None
    if number is None:
        return None
    episodes = [e for e in raw.get("episodes") or () if isinstance(e, dict)]
    watched = sum(
        1 for e in episodes if (e.get("watched") is True or (whole(e.get("plays")) or 0) > 0)
    )
    size = len(episodes) or None
    finished = (last or today) if size and watched == size else None
    return Season(number, episodes=size, watched=min(watched, size or watched), finished=finished)


def read_seriesguide(items: Iterable[Any], where: Path, today: date) -> Incoming:
    incoming = Incoming(ImportFormat.SERIESGUIDE, added=today)
    for n, raw in enumerate(items):
        if not is_seriesguide(raw):
            raise ImportFileError(where, f"[{n}]: not a SeriesGuide show (no title or ids)")
        title = raw.get("title")
        if not isinstance(title, str) or not title.strip():
            raise ImportFileError(where, f"[{n}].title: a show needs a title")
        imdb = raw.get("imdb_id")
        last = _day(raw.get("last_watched_ms"))
        seasons = [s for s in (_season(s, last, today) for s in raw.get("seasons") or ()) if s]
        seen = any(season.watched for season in seasons)
        aired = [s for s in seasons if s.number > 0]
        done = bool(aired) and all(s.finished for s in aired)
        ended = str(raw.get("status", "")).lower() in ("ended", "canceled")
        if raw.get("hidden") is True:
            status = Status.DROPPED
        elif done and ended:
            status = Status.COMPLETED
        else:
            status = Status.WATCHING if seen else Status.PLANNED
        rating = rating_of(raw.get("rating_user") or 0)
        network = raw.get("network")
        note = raw.get("user_note")
        incoming.add(
            Show(
                title=title.strip(),
                network=network if isinstance(network, str) else "",
                notes=note if isinstance(note, str) else "",
                status=status,
                rating=rating,
                ids=Ids(
                    imdb=imdb if isinstance(imdb, str) and IMDB_ID.fullmatch(imdb) else None,
                    tvdb=whole(raw.get("tvdb_id")) or None,
                    tmdb=whole(raw.get("tmdb_id")) or None,
                    trakt=whole(raw.get("trakt_id")) or None,
                ),
                seasons=tuple(
                    sorted({s.number: s for s in seasons}.values(), key=lambda s: s.number)
                ),
            ),
            year_of(raw.get("first_aired")),
        )
    return incoming
