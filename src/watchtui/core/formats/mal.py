"""MyAnimeList: the XML export (`animelist_*.xml.gz`) and the API v2 list JSON.

An anime entry is one season: its episodes watched become season 1's watched
count. The XML is read as a stream by expat, and a document type declaration or
an entity is refused (they are how XML bombs and outside files get in).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import IO, Any
from xml.parsers import expat

from watchtui.core.errors import ImportFileError
from watchtui.core.formats.incoming import (
    ImportFormat,
    Incoming,
    day_of,
    rating_of,
    whole,
    year_of,
)
from watchtui.core.model import Ids, Season, Show, Status

STATUSES = {
    "watching": Status.WATCHING,
    "completed": Status.COMPLETED,
    "on-hold": Status.PAUSED,
    "on_hold": Status.PAUSED,
    "dropped": Status.DROPPED,
    "plan to watch": Status.PLANNED,
    "plan_to_watch": Status.PLANNED,
    "1": Status.WATCHING,
    "2": Status.COMPLETED,
    "3": Status.PAUSED,
    "4": Status.DROPPED,
    "6": Status.PLANNED,
}
_SKIPPED = {"movie": "movie", "music": "music video"}
_FIELDS = {
    "series_animedb_id",
    "series_title",
    "series_type",
    "series_episodes",
    "my_watched_episodes",
    "my_status",
    "my_score",
    "my_start_date",
    "my_finish_date",
}


def _show(
    incoming: Incoming, anime_id: Any, title: Any, kind: str, episodes: Any, fields: dict[str, Any]
) -> None:
    if kind.lower() in _SKIPPED:
        incoming.skip(_SKIPPED[kind.lower()])
        return
    if not isinstance(title, str) or not title.strip():
        return
    status = STATUSES.get(str(fields.get("status", "")).lower(), Status.PLANNED)
    size = whole(episodes) or None
    watched = whole(fields.get("watched")) or 0
    if size is not None and watched > size:
        size = None
    finished = day_of(str(fields.get("finished") or "")) if status is Status.COMPLETED else None
    if status is Status.COMPLETED and size is not None:
        watched = size
    season = Season(1, episodes=size, watched=watched, finished=finished)
    rating = rating_of(fields.get("score") or 0)
    incoming.add(
        Show(
            title=title.strip(),
            ids=Ids(mal=whole(anime_id)),
            status=status,
            rating=rating,
            added=day_of(str(fields.get("started") or "")),
            seasons=(season,) if watched or size or finished else (),
        ),
        year_of(fields.get("year")),
    )


def read_mal_json(document: Any, where: Path, today: date) -> Incoming:
    incoming = Incoming(ImportFormat.MAL, added=today)
    data = document.get("data") if isinstance(document, dict) else None
    if not isinstance(data, list):
        raise ImportFileError(where, 'data: expected the list of a MyAnimeList "data" answer')
    for n, item in enumerate(data):
        node = item.get("node") if isinstance(item, dict) else None
        if not isinstance(node, dict):
            raise ImportFileError(where, f"data[{n}].node: expected an object")
        status = item.get("list_status") or node.get("my_list_status") or {}
        season = node.get("start_season")
        _show(
            incoming,
            node.get("id"),
            node.get("title"),
            str(node.get("media_type") or ""),
            node.get("num_episodes"),
            {
                "status": status.get("status"),
                "watched": status.get("num_episodes_watched"),
                "score": status.get("score"),
                "started": status.get("start_date"),
                "finished": status.get("finish_date"),
                "year": season.get("year") if isinstance(season, dict) else None,
            },
        )
    return incoming


def is_mal_xml(head: bytes) -> bool:
    return head.lstrip().startswith(b"<") and (b"<myanimelist" in head or b"<anime>" in head)


def read_mal_xml(stream: IO[bytes], where: Path, today: date) -> Incoming:
    incoming = Incoming(ImportFormat.MAL, added=today)
    parser = expat.ParserCreate()
    fields: dict[str, str] = {}
    current: list[str] = []

    def refuse(*_: object) -> None:
        raise ImportFileError(where, "the XML declares a document type or entities: refused")

    def start(name: str, _attributes: object) -> None:
        if name == "anime":
            fields.clear()
        current.append(name)

    def text(data: str) -> None:
        if current and current[-1] in _FIELDS:
            fields[current[-1]] = fields.get(current[-1], "") + data

    def end(name: str) -> None:
        current.pop()
        if name == "anime":
            _show(
                incoming,
                fields.get("series_animedb_id"),
                fields.get("series_title", ""),
                fields.get("series_type", ""),
                fields.get("series_episodes"),
                {
                    "status": fields.get("my_status"),
                    "watched": fields.get("my_watched_episodes"),
                    "score": fields.get("my_score"),
                    "started": fields.get("my_start_date"),
                    "finished": fields.get("my_finish_date"),
                },
            )

    parser.StartDoctypeDeclHandler = refuse
    parser.EntityDeclHandler = refuse
    parser.ExternalEntityRefHandler = refuse  # type: ignore[assignment]
    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = text
    try:
        parser.ParseFile(stream)
    except expat.ExpatError as error:
        raise ImportFileError(
            where, f"not valid XML: {expat.errors.messages[error.code]}", error.lineno
        ) from None
    return incoming
