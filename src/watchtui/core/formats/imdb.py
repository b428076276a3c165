"""IMDb list, watchlist and ratings exports (CSV): the series in them."""

from __future__ import annotations

import csv
import io
import re
from datetime import date
from pathlib import Path

from watchtui.core.errors import ImportFileError
from watchtui.core.formats.incoming import ImportFormat, Incoming, day_of
from watchtui.core.model import (
    Ids,
    Show,
    Status,
    title_key,
)

# IMDb -------------------------------------------------------------------------

_IMDB_REQUIRED = ("Const", "Title", "Title Type")
_IMDB_SERIES = frozenset(["tvseries", "tvminiseries"])


def _letters(text: str) -> str:
    return re.sub(r"[^a-z]", "", text.casefold())


def read_imdb(text: str, path: Path, today: date) -> Incoming:
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
                ids=Ids(imdb=const) if IMDB_ID.fullmatch(const) else Ids(),
                original_title="" if title_key(original) == title_key(title) else original,
                status=Status.PLANNED,
                notes="\n".join(cell("Description").splitlines()),
                added=day_of(cell("Created")),
            )
        )
    return Incoming(ImportFormat.IMDB, shows, skipped, added=today)


IMDB_ID = re.compile(r"tt[0-9]{1,12}")
