"""The watchlist as JSON and CSV: the shape scripts read, and the JSON we read back.

The JSON shape is a contract written down in docs/json.md. `watchtui list --json`
and `watchtui export --format json` print the same document; importing it gives
the same watchlist back, keys the program does not know included. Derived fields
(`start`, `end`, `precision`, `state`, `next_season`, `highlight`, a claim's
`verdict`) are there for scripts and ignored on import: the file's text stays the
one truth. A season's `claims` list every claim oldest first, the current one
(the season's own `window`, `confidence`, `source`, `noted`) last.

Values TOML has and JSON lacks (dates, times, infinite floats) inside the keys we
do not know are written as one-key objects — `{"$date": "2024-04-23"}` — so they
come back as the same TOML values.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable
from datetime import date, datetime, time
from enum import Enum
from pathlib import Path
from typing import Any

from watchtui.core.claims import Judged, judge
from watchtui.core.errors import ImportFileError
from watchtui.core.model import (
    Claim,
    Season,
    Show,
    Watchlist,
)
from watchtui.core.schema import KEYS, Checker, fields
from watchtui.core.schema import Path as SchemaPath
from watchtui.core.state import highlight, next_season, season_state
from watchtui.core.text import json_kind
from watchtui.core.timeline import Timeline, TimelineEntry
from watchtui.core.windows import parse_window

JSON_SHAPE_VERSION = 1


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


def iso_day(value: date | None) -> str | None:
    return value.isoformat() if value is not None else None


def _stored_json(record: Any, **nested: Any) -> dict[str, Any]:
    """Every stored field of a record under its JSON name (absent ones as null or ""),
    `nested` in place of the lists of records it gives, and `extra` last."""
    out: dict[str, Any] = {}
    for field in fields(type(record)):
        name = _JSON_NAMES.get(field.key, field.key)
        value = getattr(record, field.attr)
        if name in nested:
            out[name] = nested[name]
        elif field.kind == "records":
            out[name] = [_stored_json(item) for item in value]
        elif field.kind == "table":
            out[name] = _stored_json(value)
        elif isinstance(value, date):
            out[name] = value.isoformat()
        else:
            out[name] = value.value if isinstance(value, Enum) else value
    out["extra"] = encode_json_value(record.extra)
    return out


def claim_json(judged: Judged) -> dict[str, Any]:
    """A claim with its verdict: the objects of a season's `claims` and of
    `watchtui history --json`."""
    stored = _stored_json(judged.claim)
    extra = stored.pop("extra")
    return {**stored, "verdict": judged.verdict.value, "extra": extra}


def season_json(season: Season, today: date) -> dict[str, Any]:
    window = parse_window(season.window)
    stored = _stored_json(season, claims=[claim_json(j) for j in judge(season, today)])
    extra = stored.pop("extra")
    return {
        **stored,
        "start": iso_day(window.start) if window else None,
        "end": iso_day(window.end) if window else None,
        "precision": window.precision.value if window else None,
        "state": season_state(season, today).value,
        "extra": extra,
    }


def show_json(show: Show, today: date) -> dict[str, Any]:
    following = next_season(show, today)
    marked = highlight(show, today)
    return {
        "next_season": following[0].number if following else None,
        "highlight": marked.state.value if marked else None,
        **_stored_json(show, seasons=[season_json(season, today) for season in show.seasons]),
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
        "start": iso_day(entry.start),
        "end": iso_day(entry.end),
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
                "start": iso_day(group.start),
                "end": iso_day(group.end),
                "entries": [_entry_json(entry) for entry in group.entries],
            }
            for group in timeline.groups
        ],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


# ---------------------------------------------------------------------------
# Reading our own JSON


_DERIVED: dict[type[Any], frozenset[str]] = {
    Show: frozenset(["next_season", "highlight"]),
    Season: frozenset(["start", "end", "precision", "state"]),
    Claim: frozenset(["verdict"]),
}
"""Keys the JSON shape adds for scripts; ignored on import."""
_JSON_NAMES = {"show": "shows", "season": "seasons", "earlier": "claims"}
"""Where the JSON shape names a list in the plural and the file in the singular."""
_TOP_FIELDS = frozenset(["version", "show"])
_CLAIM_DEFAULTS = (("window", ""), ("confidence", "confirmed"), ("source", ""), ("noted", None))


class _JsonVoice:
    """Strict reading of the JSON shape, every error naming the key it is about."""

    lenient = False
    spanning_key: str | None = None

    def __init__(self, path: Path) -> None:
        self.path = path

    def fail(self, key: str, problem: str) -> ImportFileError:
        return ImportFileError(self.path, f"{key}: {problem}")

    def name(self, where: SchemaPath, key: str | None = None) -> str:
        text = ""
        for part in (*where, key) if key is not None else where:
            if isinstance(part, int):
                text += f"[{part}]"
            else:
                text += ("." if text else "") + _JSON_NAMES.get(part, part)
        return text

    def refused(self, where: SchemaPath, key: str | None, problem: str) -> ImportFileError:
        return self.fail(self.name(where, key), problem)

    def missing(self, where: SchemaPath, key: str, expected: str) -> str:
        return self.wrong(where, key, expected, None)

    def wrong(self, where: SchemaPath, key: str, expected: str, value: object) -> str:
        expected = {
            "a whole number": "a whole number 0 or more",
            "a list of tables": "a list",
            "a table": "an object",
        }.get(expected, expected)
        if expected.startswith("text"):
            expected = "text"
        return f"expected {expected}, found {json_kind(value)}"

    def table(self, value: Any, key: str) -> dict[str, Any]:
        if not isinstance(value, dict):
            raise self.fail(key, f"expected an object, found {json_kind(value)}")
        return value

    def as_file_table(
        self, cls: type[Any], raw: dict[str, Any], where: SchemaPath
    ) -> dict[str, Any]:
        """A JSON object as the file's table: plural lists renamed, derived keys dropped,
        extra keys decoded and put beside the known ones."""
        key = self.name(where)
        dropped = _DERIVED.get(cls, frozenset())
        table = {k: v for k, v in raw.items() if k not in dropped and k != "extra"}
        for plural in ("seasons",):
            if plural in table:
                table["season"] = table.pop(plural)
        if cls is Season and "claims" in table:
            table["earlier"] = self.earlier_claims(table.pop("claims"), table, key)
        for field in fields(cls):
            value = table.get(field.key)
            if field.record is None or value is None:
                continue
            items = value if field.kind == "records" else [value]
            if not isinstance(items, list):
                raise self.fail(
                    f"{key}.{_JSON_NAMES.get(field.key, field.key)}",
                    f"expected a list, found {json_kind(value)}",
                )
            converted = [
                self.as_file_table(
                    field.record,
                    self.table(item, self.name((*where, field.key, n))),
                    (*where, field.key, n),
                )
                for n, item in enumerate(items)
            ]
            table[field.key] = converted if field.kind == "records" else converted[0]
        table.update(self.extra(raw, key, KEYS[cls]))
        return table

    def earlier_claims(self, claims: Any, season: dict[str, Any], key: str) -> Any:
        """A season's `claims` without the last one when that is its current claim
        (the season's own fields): the claims the file keeps as earlier ones."""
        if not isinstance(claims, list) or not claims or not isinstance(claims[-1], dict):
            return claims  # the checker says what is wrong with it, or there is nothing
        last = claims[-1]
        said = all(
            (last.get(name) if last.get(name) is not None else default)
            == (season.get(name) if season.get(name) is not None else default)
            for name, default in _CLAIM_DEFAULTS
        )
        return claims[:-1] if said and not last.get("extra") else claims

    def extra(self, raw: dict[str, Any], key: str, known: frozenset[str]) -> dict[str, Any]:
        value = raw.get("extra", {})
        if value is None:
            value = {}
        if not isinstance(value, dict):
            raise self.fail(f"{key}.extra", f"expected an object, found {json_kind(value)}")
        clashing = sorted(set(value) & known)
        if clashing:
            raise self.fail(f"{key}.extra", f"{clashing[0]!r} is a field, not an extra key")
        try:
            decoded: dict[str, Any] = decode_json_value(value)
        except ValueError as error:
            raise self.fail(f"{key}.extra", str(error)) from None
        return decoded

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
        items = raw.get("shows")
        if not isinstance(items, list):
            raise self.fail("shows", f"expected a list, found {json_kind(items)}")
        checker = Checker(self)
        shows: list[Show] = []
        seen: set[str] = set()
        for n, item in enumerate(items):
            where: SchemaPath = ("show", n)
            table = self.as_file_table(Show, self.table(item, self.name(where)), where)
            show: Show = checker.record(Show, table, where)
            if show.key in seen:
                raise self.fail(f"{self.name(where)}.title", f'a second show titled "{show.title}"')
            seen.add(show.key)
            shows.append(show)
        return Watchlist(shows, self.extra(raw, "(top level)", _TOP_FIELDS))


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
    return _JsonVoice(path).watchlist(document)
