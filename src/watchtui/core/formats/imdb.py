"""IMDb list, watchlist and ratings exports (CSV): the series in them.

Headers vary with the export's age: lists and watchlists start
`Position,Const,Created,Modified,Description,Title,…` (`Original Title` only since
2024), ratings start `Const,Your Rating,Date Rated,Title,…`. Title types read
`TV Series` or `tvSeries`; only series and mini series are shows.
"""

from __future__ import annotations

import re
from datetime import date

from watchtui.core.errors import ImportFileError
from watchtui.core.formats.containers import Table
from watchtui.core.formats.incoming import ImportFormat, Incoming, day_of, rating_of, year_of
from watchtui.core.model import Ids, Show, Status, title_key

IMDB_ID = re.compile(r"tt[0-9]{1,12}")
_IMDB_REQUIRED = ("Const", "Title", "Title Type")
_IMDB_SERIES = frozenset(["tvseries", "tvminiseries"])
_SKIPPED = {
    "movie": "movie",
    "tvmovie": "movie",
    "short": "movie",
    "tvshort": "movie",
    "video": "movie",
    "tvspecial": "movie",
    "tvepisode": "episode",
    "videogame": "game",
    "podcastseries": "podcast",
    "podcastepisode": "podcast",
    "musicvideo": "music video",
}


def is_imdb(header: list[str]) -> bool:
    return all(name in header for name in _IMDB_REQUIRED)


def _letters(text: str) -> str:
    return re.sub(r"[^a-z]", "", text.casefold())


def read_imdb(table: Table, today: date) -> Incoming:
    where, header = table.where, table.header
    missing = [name for name in _IMDB_REQUIRED if name not in header]
    if missing:
        raise ImportFileError(
            where,
            f'not an IMDb list export: the header has no "{missing[0]}" column '
            f"(an IMDb export starts with Position,Const,Created,… or Const,Your Rating,…)",
            1,
        )
    column = {name: index for index, name in enumerate(header)}
    incoming = Incoming(ImportFormat.IMDB, added=today)
    for start, row in table.rows:
        if len(row) != len(header):
            raise ImportFileError(
                where, f"expected {len(header)} columns as in the header, found {len(row)}", start
            )

        def cell(name: str, row: list[str] = row) -> str:
            index = column.get(name)
            return row[index].strip() if index is not None else ""

        kind = _letters(cell("Title Type"))
        if kind not in _IMDB_SERIES:
            incoming.skip(_SKIPPED.get(kind, "item"))
            continue
        title = cell("Title")
        if not title:
            raise ImportFileError(where, f"the series {cell('Const') or ''} has no title", start)
        original = cell("Original Title")
        const = cell("Const")
        rating = rating_of(cell("Your Rating"))
        incoming.add(
            Show(
                title=title,
                ids=Ids(imdb=const) if IMDB_ID.fullmatch(const) else Ids(),
                original_title="" if title_key(original) == title_key(title) else original,
                status=Status.WATCHING if rating else Status.PLANNED,
                notes="\n".join(cell("Description").splitlines()),
                added=day_of(cell("Created")) or day_of(cell("Date Rated")),
                rating=rating,
                rated=day_of(cell("Date Rated")) if rating else None,
            ),
            year_of(cell("Year")),
        )
    return incoming
