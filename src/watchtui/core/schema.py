"""The records' keys, types and defaults, read off the model: the one schema.

Every format reads and writes records through this module, so a field declared
in core/model.py is known everywhere at once:

- `table(record)` is a record as a table of keys (the file's names, unknown keys
  after the known scalars), leaving out what is at its default;
- `decode_shows(raw)` is the fast path: plain tables, as a TOML or JSON parser
  gives them, to records by msgspec, unknown keys kept; it raises `Refused` on
  anything it does not take as it is, and the caller then reads the same tables
  again with `Checker`, which says what is wrong and where, in the format's words.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, Protocol

import msgspec
from msgspec import inspect

from watchtui.core.errors import ModelError, WindowError
from watchtui.core.limits import MAX_NESTING, find_problem
from watchtui.core.model import (
    EXTRA,
    MAX_COUNT,
    CastNote,
    Claim,
    Confidence,
    Ids,
    Season,
    Show,
)
from watchtui.core.windows import parse_window

__all__ = [
    "KEYS",
    "MAX_NESTING",
    "Checker",
    "Field",
    "Path",
    "Refused",
    "Voice",
    "decode_shows",
    "fields",
    "table",
    "too_deep",
]

Path = tuple[str | int, ...]
"""Where a value is: keys and list positions from the top, e.g. ("show", 2, "season", 0)."""


@dataclass(frozen=True, slots=True)
class Field:
    """One field of a record: its attribute, its key in files, and what it holds."""

    attr: str
    key: str
    kind: str  # "text", "count", "day", "choice", "records", "table"
    required: bool
    default: Any
    optional: bool  # None is a value (an absent count or day)
    choices: type[enum.Enum] | None = None
    record: type[Any] | None = None  # of "records" and "table"


def _field(info: inspect.Field) -> Field:
    kind_type = info.type
    optional = False
    if isinstance(kind_type, inspect.UnionType):
        kinds = [t for t in kind_type.types if not isinstance(t, inspect.NoneType)]
        optional, kind_type = True, kinds[0]
    default = info.default
    if info.default_factory is not msgspec.NODEFAULT:
        default = info.default_factory()
    if isinstance(kind_type, inspect.StrType):
        return Field(info.name, info.encode_name, "text", info.required, default, optional)
    if isinstance(kind_type, inspect.IntType):
        return Field(info.name, info.encode_name, "count", info.required, default, optional)
    if isinstance(kind_type, inspect.DateType):
        return Field(info.name, info.encode_name, "day", info.required, default, optional)
    if isinstance(kind_type, inspect.EnumType):
        return Field(
            info.name, info.encode_name, "choice", info.required, default, optional, kind_type.cls
        )
    if isinstance(kind_type, inspect.VarTupleType):
        record = kind_type.item_type
        assert isinstance(record, inspect.StructType)
        return Field(info.name, info.encode_name, "records", False, (), False, None, record.cls)
    if isinstance(kind_type, inspect.StructType):
        return Field(
            info.name, info.encode_name, "table", False, default, False, None, kind_type.cls
        )
    raise TypeError(f"{info.name}: a field type the schema does not know: {kind_type}")


def _fields(cls: type[Any]) -> tuple[Field, ...]:
    info = inspect.type_info(cls)
    assert isinstance(info, inspect.StructType)
    return tuple(_field(f) for f in info.fields if f.encode_name != EXTRA)


FIELDS: dict[type[Any], tuple[Field, ...]] = {
    cls: _fields(cls) for cls in (Show, Season, Claim, CastNote, Ids)
}
KEYS: dict[type[Any], frozenset[str]] = {
    cls: frozenset(f.key for f in found) for cls, found in FIELDS.items()
}
"""The keys the file format defines for each record; any other key is kept, unknown."""


def fields(cls: type[Any]) -> tuple[Field, ...]:
    return FIELDS[cls]


# ---------------------------------------------------------------------------
# Writing


ALWAYS: dict[type[Any], Callable[[Any], frozenset[str]]] = {
    Show: lambda show: frozenset({"status"}),
    Season: lambda season: (
        frozenset({"confidence"})
        if season.window or season.confidence is not Confidence.CONFIRMED
        else frozenset()
    ),
    Claim: lambda claim: frozenset({"confidence"}),
}
"""Keys written even at their default, where a reader of the file should see them."""


def table(record: Any) -> dict[str, Any]:
    """The record as a table in the file's names: known keys in the schema's order,
    those at their default left out, unknown keys after the scalars."""
    cls = type(record)
    always = ALWAYS[cls](record) if cls in ALWAYS else frozenset()
    out: dict[str, Any] = {}
    nested: dict[str, Any] = {}
    for field in FIELDS[cls]:
        value = getattr(record, field.attr)
        if field.kind == "records":
            if value:
                nested[field.key] = [table(item) for item in value]
        elif field.kind == "table":
            if value != field.default:
                nested[field.key] = table(value)
        elif (value != field.default or field.key in always) and (
            value not in ("", None) or field.required
        ):
            out[field.key] = value.value if isinstance(value, enum.Enum) else value
    extra = getattr(record, "extra", None)
    if extra:
        out.update(extra)
    out.update(nested)
    return out


# ---------------------------------------------------------------------------
# The fast path


class Refused(Exception):
    """The fast path does not take these tables as they are: read them with Checker."""


def too_deep(value: object, limit: int = MAX_NESTING) -> bool:
    stack: list[tuple[object, int]] = [(value, 0)]
    while stack:
        container, depth = stack.pop()
        if depth > limit:
            return True
        if isinstance(container, dict):
            stack.extend((child, depth + 1) for child in container.values())
        elif isinstance(container, list):
            stack.extend((child, depth + 1) for child in container)
    return False


def _gather_extras(raw: dict[str, Any], cls: type[Any]) -> None:
    """Move the keys `cls` does not know under EXTRA, in place; recurse into records."""
    known = KEYS[cls]
    if not known.issuperset(raw):
        unknown = [key for key in raw if key not in known]
        extra = raw[EXTRA] = {key: raw.pop(key) for key in unknown}
        # A season's keys stand 5 levels down, an earlier claim's 7. The one check of
        # what keys we do not know hold (depth, 64-bit numbers, text): the friendly
        # path then says what and where.
        if find_problem(extra, max_depth=MAX_NESTING - (7 if cls is Claim else 5)):
            raise Refused("beyond the limits")
    for field in FIELDS[cls]:
        if field.record is not None and field.key in raw:
            value = raw[field.key]
            items = value if field.kind == "records" else [value]
            if not isinstance(items, list):
                raise Refused(field.key)
            for item in items:
                if not isinstance(item, dict):
                    raise Refused(field.key)
                _gather_extras(item, field.record)


def decode_shows(raw: list[Any]) -> list[Show]:
    """Plain tables to shows; Refused for anything the friendly path must look at.

    The tables are changed in place (unknown keys moved under EXTRA). Windows are
    checked here, and titles are not: a caller checks their uniqueness.
    """
    for item in raw:
        if not isinstance(item, dict):
            raise Refused("show")
        _gather_extras(item, Show)
    try:
        shows = msgspec.convert(raw, list[Show])
    except (msgspec.ValidationError, ModelError) as error:
        raise Refused(str(error)) from None
    try:
        for show in shows:
            if not show.title.strip():
                raise Refused("title")
            for season in show.seasons:
                if season.window:
                    parse_window(season.window)
                for claim in season.earlier:
                    if claim.window:
                        parse_window(claim.window)
            for note in show.cast:
                if not note.name.strip():
                    raise Refused("name")
    except WindowError as error:
        raise Refused(str(error)) from None
    return shows


# ---------------------------------------------------------------------------
# The friendly path


class Voice(Protocol):
    """How a format says what is wrong, and the leniencies it allows."""

    lenient: bool
    """Choices ignore case and spaces, dates may be quoted, `window = 2024` is text."""
    spanning_key: str | None
    """The key a problem between a record's fields is said at (None: the record)."""

    def missing(self, path: Path, key: str, expected: str) -> str: ...
    def wrong(self, path: Path, key: str, expected: str, value: object) -> str: ...
    def refused(self, path: Path, key: str | None, problem: str) -> Exception: ...


class Checker:
    """Reads tables into records one key at a time, naming the first wrong one."""

    def __init__(self, voice: Voice) -> None:
        self.voice = voice

    def fail(self, path: Path, key: str, problem: str) -> Exception:
        return self.voice.refused(path, key, problem)

    def wrong(self, path: Path, key: str, expected: str, value: object) -> Exception:
        return self.fail(path, key, self.voice.wrong(path, key, expected, value))

    def record(self, cls: type[Any], raw: dict[str, Any], path: Path) -> Any:
        values: dict[str, Any] = {}
        for field in FIELDS[cls]:
            value = raw.get(field.key)
            if value is None:
                if field.required:
                    expected = "text" if field.kind == "text" else "a whole number"
                    raise self.fail(path, field.key, self.voice.missing(path, field.key, expected))
                continue
            values[field.attr] = self.value(cls, field, value, path)
        if cls is Show:
            self.unique_numbers(values.get("seasons", ()), values["title"], (*path, "season"))
        extra = self.extra(cls, raw, path)
        if extra:
            values["extra"] = extra
        try:
            return cls(**values)
        except ModelError as error:  # a rule that spans fields: watched within episodes
            raise self.voice.refused(path, self.voice.spanning_key, str(error)) from None

    def extra(self, cls: type[Any], raw: dict[str, Any], path: Path) -> dict[str, Any]:
        return {key: value for key, value in raw.items() if key not in KEYS[cls]}

    def value(self, cls: type[Any], field: Field, value: Any, path: Path) -> Any:
        key, lenient = field.key, self.voice.lenient
        if field.kind == "text":
            if lenient and type(value) is int and (cls, key) in _NUMBER_AS_TEXT:
                value = str(value)  # `window = 2024`: the year, as a person meant it
            if not isinstance(value, str):
                raise self.wrong(path, key, _TEXT_HINTS.get((cls, key), "text"), value)
            check = _TEXT_CHECKS.get((cls, key))
            if check is not None:
                problem = check(value)
                if problem:
                    raise self.fail(path, key, problem)
            return value
        if field.kind == "count":
            if type(value) is not int:
                raise self.wrong(path, key, "a whole number", value)
            if value < 0:
                raise self.fail(path, key, f"{key} must be 0 or more, not {value}")
            if value > MAX_COUNT:
                raise self.fail(path, key, f"{key} must be at most {MAX_COUNT}, not {value}")
            return value
        if field.kind == "day":
            if isinstance(value, dt.datetime) and lenient:
                return value.date()
            if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
                return value
            if isinstance(value, str):
                try:
                    return dt.date.fromisoformat(value.strip() if lenient else value)
                except ValueError:
                    pass
            raise self.wrong(path, key, "a date like 2024-04-23", value)
        if field.kind == "choice":
            assert field.choices is not None
            allowed = ", ".join(str(member.value) for member in field.choices)
            if isinstance(value, str):
                try:
                    return field.choices(value.strip().lower() if lenient else value)
                except ValueError:
                    pass
            raise self.wrong(path, key, f"one of {allowed}", value)
        assert field.record is not None
        if field.kind == "table":
            if not isinstance(value, dict):
                raise self.wrong(path, key, "a table", value)
            return self.record(field.record, value, (*path, key))
        if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
            raise self.wrong(path, key, "a list of tables", value)
        return tuple(
            self.record(field.record, item, (*path, key, n)) for n, item in enumerate(value)
        )

    def unique_numbers(self, seasons: Iterable[Season], title: str, path: Path) -> None:
        seen: set[int] = set()
        for n, season in enumerate(seasons):
            if season.number in seen:
                raise self.fail(
                    (*path, n), "number", f'"{title}" lists season {season.number} twice'
                )
            seen.add(season.number)


def _window_problem(text: str) -> str | None:
    try:
        parse_window(text)
    except WindowError as error:
        return str(error)
    return None


_NUMBER_AS_TEXT: set[tuple[type[Any], str]] = {(Season, "window"), (Claim, "window")}
_TEXT_HINTS: dict[tuple[type[Any], str], str] = {
    (Season, "window"): 'text in quotes, like "late 2025"',
    (Claim, "window"): 'text in quotes, like "late 2025"',
}
_TEXT_CHECKS: dict[tuple[type[Any], str], Callable[[str], str | None]] = {
    (Season, "window"): _window_problem,
    (Claim, "window"): _window_problem,
    (Show, "title"): lambda text: None if text.strip() else "a show's title cannot be empty",
    (CastNote, "name"): lambda text: None if text.strip() else "a cast note's name cannot be empty",
}
"""Rules on a text beyond its type, each said once for every format."""
