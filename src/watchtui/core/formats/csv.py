"""The watchlist as CSV, one row per season, for spreadsheets.

The season's current claim has its columns as it always had (`window` …
`noted`); how many claims it has and the one before the current claim follow
at the end, so a spreadsheet built on the earlier columns keeps working.

Every text cell is made safe twice over: control characters become visible
stand-ins (`core.text.printable`), so the file shown in a terminal cannot drive
it, and a cell that a spreadsheet would run as a formula (starting with =, +, -,
@, a tab or a carriage return) gets a leading single quote, as OWASP recommends
against CSV injection: `=HYPERLINK(…)` in a title stays text.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from datetime import date

from watchtui.core.claims import Judged, judge
from watchtui.core.formats.json import iso_day
from watchtui.core.model import (
    Show,
)
from watchtui.core.state import season_state
from watchtui.core.text import printable
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
    "verdict",
    "claims",
    "previous_window",
    "previous_confidence",
    "previous_source",
    "previous_noted",
    "previous_verdict",
)


def _previous(judged: list[Judged]) -> list[str]:
    """The columns of the claim before the current one (empty when there is none)."""
    if len(judged) < 2:
        return [""] * 5
    before = judged[-2]
    claim = before.claim
    noted = iso_day(claim.noted) or ""
    return [claim.window, claim.confidence.value, claim.source, noted, before.verdict.value]


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: object) -> object:
    """A cell as written: text made printable and never a formula; numbers as they are."""
    if not isinstance(value, str):
        return value
    text = printable(value)
    return "'" + text if value.startswith(FORMULA_STARTS) else text


def watchlist_csv(shows: Iterable[Show], today: date) -> str:
    """One row per season (a show with none gets one row with the season columns empty)."""
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for show in shows:
        head = [show.title, show.original_title, show.network, show.status.value]
        if not show.seasons:
            writer.writerow([*map(safe_cell, head), *[""] * (len(CSV_COLUMNS) - len(head))])
        for season in show.seasons:
            window = parse_window(season.window)
            judged = judge(season, today)
            current = judged[-1].verdict.value if judged else ""
            row: list[object] = [
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
                current,
                len(judged),
                *_previous(judged),
            ]
            writer.writerow([safe_cell(cell) for cell in row])
    return out.getvalue()
