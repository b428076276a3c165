"""The watchlist as CSV, one row per season, for spreadsheets."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from datetime import date

from watchtui.core.formats.json import iso_day
from watchtui.core.model import (
    Show,
)
from watchtui.core.state import season_state
from watchtui.core.windows import parse_window

CSV_COLUMNS = (
    "show",
    "original_title",
    "network",
    "status",
    "season",
    "season_title",
    "episodes",
    "watched",
    "finished",
    "window",
    "confidence",
    "source",
    "noted",
    "start",
    "end",
    "precision",
    "state",
)


def watchlist_csv(shows: Iterable[Show], today: date) -> str:
    """One row per season (a show with none gets one row with the season columns empty)."""
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for show in shows:
        head = [show.title, show.original_title, show.network, show.status.value]
        if not show.seasons:
            writer.writerow([*head, *[""] * (len(CSV_COLUMNS) - len(head))])
        for season in show.seasons:
            window = parse_window(season.window)
            writer.writerow(
                [
                    *head,
                    season.number,
                    season.title,
                    "" if season.episodes is None else season.episodes,
                    season.watched,
                    iso_day(season.finished) or "",
                    season.window,
                    season.confidence.value,
                    season.source,
                    iso_day(season.noted) or "",
                    iso_day(window.start) if window else "",
                    iso_day(window.end) if window else "",
                    window.precision.value if window else "",
                    season_state(season, today).value,
                ]
            )
    return out.getvalue()
