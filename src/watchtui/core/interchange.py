"""The watchlist as JSON and CSV: the shape scripts read, and the JSON we read back.

The JSON shape is a contract written down in docs/json.md. `watchtui list --json`
and `watchtui export --format json` print the same document; importing it gives
the same watchlist back, keys the program does not know included. Derived fields
(`start`, `end`, `precision`, `state`, `next_season`, `highlight`) are there for
scripts and ignored on import: the file's text stays the one truth.

Values TOML has and JSON lacks (dates, times, infinite floats) inside the keys we
do not know are written as one-key objects — `{"$date": "2024-04-23"}` — so they
come back as the same TOML values.
"""

from __future__ import annotations

import csv
import io
import json
import math
from collections.abc import Iterable
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

from watchtui.core.codec import CAST_KEYS, SEASON_KEYS, SHOW_KEYS, WatchlistFileError
from watchtui.core.model import (
    CastNote,
    Confidence,
    ModelError,
    Season,
    Show,
    Status,
    Watchlist,
)
from watchtui.core.state import highlight, next_season, season_state
from watchtui.core.timeline import Timeline, TimelineEntry
from watchtui.core.windows import WindowError, parse_window

__all__ = [
    "CSV_COLUMNS",
    "JSON_SHAPE_VERSION",
    "ImportFileError",
    "decode_json_value",
    "encode_json_value",
    "load_json",
    "read_watchtui_json",
    "show_json",
    "timeline_json",
    "watchlist_csv",
    "watchlist_json",
]

JSON_SHAPE_VERSION = 1


class ImportFileError(WatchlistFileError):
    """A file given to import that is not what it claims: where, and what is wrong."""


# ---------------------------------------------------------------------------
# Values JSON cannot hold as they are

_TAGS = ("$date", "$datetime", "$time", "$float", "$table")


def encode_json_value(value: Any) -> Any:
    """A TOML value (from a key we do not know) as JSON that decodes back to it."""
    if isinstance(value, datetime):
        return {"$datetime": value.isoformat()}
    if isinstance(value, date):
        return {"$date": value.isoformat()}
    if isinstance(value, time):
        return {"$time": value.isoformat()}
    if isinstance(value, float) and not math.isfinite(value):
        return {"$float": repr(value)}  # "inf", "-inf", "nan"
    if isinstance(value, list):
        return [encode_json_value(item) for item in value]
    if isinstance(value, dict):
        table = {key: encode_json_value(item) for key, item in value.items()}
        if len(table) == 1 and next(iter(table)) in _TAGS:
            return {"$table": table}  # a table that would read as a tag
        return table
    return value


def decode_json_value(value: Any) -> Any:
    """The TOML value `encode_json_value` wrote; ValueError for a bad tag."""
    if isinstance(value, list):
        return [decode_json_value(item) for item in value]
    if not isinstance(value, dict):
        return value
    if len(value) == 1:
        tag, inner = next(iter(value.items()))
        if tag == "$table" and isinstance(inner, dict):
            return {key: decode_json_value(item) for key, item in inner.items()}
        if tag in _TAGS and isinstance(inner, str):
            if tag == "$date":
                return date.fromisoformat(inner)
            if tag == "$datetime":
                return datetime.fromisoformat(inner)
            if tag == "$time":
                return time.fromisoformat(inner)
            if tag == "$float" and inner in ("inf", "-inf", "nan"):
                return float(inner)
            raise ValueError(f"{tag} cannot hold {inner!r}")
    return {key: decode_json_value(item) for key, item in value.items()}


# ---------------------------------------------------------------------------
# Writing JSON


def _day(value: date | None) -> str | None:
    return value.isoformat() if value is not None else None


def season_json(season: Season, today: date) -> dict[str, Any]:
    window = parse_window(season.window)
    return {
        "number": season.number,
        "title": season.title,
        "episodes": season.episodes,
        "watched": season.watched,
        "finished": _day(season.finished),
        "window": season.window,
        "confidence": season.confidence.value,
        "source": season.source,
        "noted": _day(season.noted),
        "start": _day(window.start) if window else None,
        "end": _day(window.end) if window else None,
        "precision": window.precision.value if window else None,
        "state": season_state(season, today).value,
        "extra": encode_json_value(season.extra),
    }


def cast_json(note: CastNote) -> dict[str, Any]:
    return {
        "name": note.name,
        "role": note.role,
        "note": note.note,
        "extra": encode_json_value(note.extra),
    }


def show_json(show: Show, today: date) -> dict[str, Any]:
    following = next_season(show, today)
    marked = highlight(show, today)
    return {
        "title": show.title,
        "original_title": show.original_title,
        "network": show.network,
        "status": show.status.value,
        "notes": show.notes,
        "added": _day(show.added),
        "next_season": following[0].number if following else None,
        "highlight": marked.state.value if marked else None,
        "seasons": [season_json(season, today) for season in show.seasons],
        "cast": [cast_json(note) for note in show.cast],
        "extra": encode_json_value(show.extra),
    }


def watchlist_json(watchlist: Watchlist, shows: Iterable[Show], today: date) -> str:
    """The JSON document for these shows of the watchlist (all of them for an export)."""
    document = {
        "watchtui": JSON_SHAPE_VERSION,
        "today": today.isoformat(),
        "shows": [show_json(show, today) for show in shows],
        "extra": encode_json_value(watchlist.extra),
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def _entry_json(entry: TimelineEntry) -> dict[str, Any]:
    return {
        "show": entry.show_title,
        "season": entry.season_number,
        "season_title": entry.season_title,
        "window": entry.window,
        "confidence": entry.confidence.value,
        "source": entry.source,
        "state": entry.state.value,
        "start": _day(entry.start),
        "end": _day(entry.end),
        "precision": entry.precision.value if entry.precision else None,
        "days_left": entry.days_left,
    }


def timeline_json(timeline: Timeline) -> str:
    document = {
        "watchtui": JSON_SHAPE_VERSION,
        "today": timeline.today.isoformat(),
        "groups": [
            {
                "label": group.label,
                "kind": group.kind.value,
                "start": _day(group.start),
                "end": _day(group.end),
                "entries": [_entry_json(entry) for entry in group.entries],
            }
            for group in timeline.groups
        ],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


# ---------------------------------------------------------------------------
# Writing CSV

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
                    _day(season.finished) or "",
                    season.window,
                    season.confidence.value,
                    season.source,
                    _day(season.noted) or "",
                    _day(window.start) if window else "",
                    _day(window.end) if window else "",
                    window.precision.value if window else "",
                    season_state(season, today).value,
                ]
            )
    return out.getvalue()


# ---------------------------------------------------------------------------
# Reading our own JSON


class _JsonReader:
    """Strict reading of the JSON shape, every error naming the key it is about."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def fail(self, key: str, problem: str) -> ImportFileError:
        return ImportFileError(self.path, f"{key}: {problem}")

    def table(self, value: Any, key: str) -> dict[str, Any]:
        if not isinstance(value, dict):
            raise self.fail(key, f"expected an object, found {_json_kind(value)}")
        return value

    def items(self, raw: dict[str, Any], name: str, key: str) -> list[Any]:
        value = raw.get(name, [])
        if not isinstance(value, list):
            raise self.fail(f"{key}.{name}", f"expected a list, found {_json_kind(value)}")
        return value

    def text(self, raw: dict[str, Any], name: str, key: str, required: bool = False) -> str:
        value = raw.get(name)
        if value is None and not required:
            return ""
        if not isinstance(value, str):
            raise self.fail(f"{key}.{name}", f"expected text, found {_json_kind(value)}")
        return value

    def count(self, raw: dict[str, Any], name: str, key: str, required: bool = False) -> int | None:
        value = raw.get(name)
        if value is None and not required:
            return None
        if type(value) is not int or value < 0:
            raise self.fail(
                f"{key}.{name}", f"expected a whole number 0 or more, found {_json_kind(value)}"
            )
        return value

    def day(self, raw: dict[str, Any], name: str, key: str) -> date | None:
        value = raw.get(name)
        if value is None:
            return None
        if isinstance(value, str):
            try:
                return date.fromisoformat(value)
            except ValueError:
                pass
        raise self.fail(
            f"{key}.{name}", f"expected a date like 2024-04-23, found {_json_kind(value)}"
        )

    def extra(self, raw: dict[str, Any], key: str, known: frozenset[str]) -> dict[str, Any]:
        value = raw.get("extra", {})
        if value is None:
            value = {}
        if not isinstance(value, dict):
            raise self.fail(f"{key}.extra", f"expected an object, found {_json_kind(value)}")
        clashing = sorted(set(value) & known)
        if clashing:
            raise self.fail(f"{key}.extra", f"{clashing[0]!r} is a field, not an extra key")
        try:
            decoded: dict[str, Any] = decode_json_value(value)
        except ValueError as error:
            raise self.fail(f"{key}.extra", str(error)) from None
        return decoded

    def season(self, raw: dict[str, Any], key: str) -> Season:
        number = self.count(raw, "number", key, required=True)
        assert number is not None
        window = self.text(raw, "window", key)
        try:
            parse_window(window)
        except WindowError as error:
            raise self.fail(f"{key}.window", str(error)) from None
        confidence = raw.get("confidence") or Confidence.CONFIRMED.value
        if confidence not in {c.value for c in Confidence}:
            raise self.fail(
                f"{key}.confidence",
                f"expected one of {', '.join(c.value for c in Confidence)}, "
                f"found {_json_kind(confidence)}",
            )
        try:
            return Season(
                number=number,
                title=self.text(raw, "title", key),
                episodes=self.count(raw, "episodes", key),
                watched=self.count(raw, "watched", key) or 0,
                finished=self.day(raw, "finished", key),
                window=window,
                confidence=Confidence(confidence),
                source=self.text(raw, "source", key),
                noted=self.day(raw, "noted", key),
                extra=self.extra(raw, key, _SEASON_FIELDS),
            )
        except ModelError as error:
            raise self.fail(key, str(error)) from None

    def cast(self, raw: dict[str, Any], key: str) -> CastNote:
        name = self.text(raw, "name", key, required=True)
        if not name.strip():
            raise self.fail(f"{key}.name", "a cast note's name cannot be empty")
        return CastNote(
            name=name,
            role=self.text(raw, "role", key),
            note=self.text(raw, "note", key),
            extra=self.extra(raw, key, _CAST_FIELDS),
        )

    def show(self, raw: dict[str, Any], key: str) -> Show:
        title = self.text(raw, "title", key, required=True)
        if not title.strip():
            raise self.fail(f"{key}.title", "a show's title cannot be empty")
        status = raw.get("status") or Status.WATCHING.value
        if status not in {s.value for s in Status}:
            raise self.fail(
                f"{key}.status",
                f"expected one of {', '.join(s.value for s in Status)}, found {_json_kind(status)}",
            )
        seasons: list[Season] = []
        for n, item in enumerate(self.items(raw, "seasons", key)):
            where = f"{key}.seasons[{n}]"
            season = self.season(self.table(item, where), where)
            if any(s.number == season.number for s in seasons):
                raise self.fail(f"{where}.number", f"season {season.number} is listed twice")
            seasons.append(season)
        cast = []
        for n, item in enumerate(self.items(raw, "cast", key)):
            where = f"{key}.cast[{n}]"
            cast.append(self.cast(self.table(item, where), where))
        return Show(
            title=title,
            original_title=self.text(raw, "original_title", key),
            network=self.text(raw, "network", key),
            status=Status(status),
            notes=self.text(raw, "notes", key),
            added=self.day(raw, "added", key),
            seasons=tuple(seasons),
            cast=tuple(cast),
            extra=self.extra(raw, key, _SHOW_FIELDS),
        )

    def watchlist(self, document: Any) -> Watchlist:
        raw = self.table(document, "(top level)")
        if "shows" not in raw:
            raise self.fail("shows", "missing: a watchtui JSON export has a list of shows")
        version = raw.get("watchtui", JSON_SHAPE_VERSION)
        if version != JSON_SHAPE_VERSION:
            raise self.fail(
                "watchtui",
                f"shape version {version!r} is not one this watchtui reads "
                f"(it reads {JSON_SHAPE_VERSION})",
            )
        shows: list[Show] = []
        seen: set[str] = set()
        for n, item in enumerate(self.items(raw, "shows", "")):
            where = f"shows[{n}]"
            show = self.show(self.table(item, where), where)
            if show.key in seen:
                raise self.fail(f"{where}.title", f'a second show titled "{show.title}"')
            seen.add(show.key)
            shows.append(show)
        return Watchlist(shows, self.extra(raw, "(top level)", _TOP_FIELDS))


_SHOW_FIELDS = SHOW_KEYS
_SEASON_FIELDS = SEASON_KEYS
_CAST_FIELDS = CAST_KEYS
_TOP_FIELDS = frozenset(["version", "show"])


def _json_kind(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        shown = value if len(value) <= 30 else value[:29] + "…"
        return json.dumps(shown, ensure_ascii=False)
    if isinstance(value, int | float):
        return f"the number {value}"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    return type(value).__name__


def load_json(text: str, path: Path) -> Any:
    """Parsed JSON, or ImportFileError naming the line where it stops being JSON."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise ImportFileError(path, f"not valid JSON: {error.msg}", error.lineno) from None
    except RecursionError:
        raise ImportFileError(path, "not valid JSON: nested too deeply") from None


def read_watchtui_json(document: Any, path: Path) -> Watchlist:
    """The watchlist a watchtui JSON export describes (derived fields ignored)."""
    return _JsonReader(path).watchlist(document)
