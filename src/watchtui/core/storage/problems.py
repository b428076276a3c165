"""Every problem in a watchlist file, for `watchtui check`: not just the first.

Opening a file stops at its first problem (nothing is loaded from a file that is
wrong anywhere). A person fixing a file by hand wants them all at once, so this
reads the file again key by key: each key of each show, season and cast note is
checked on its own, then the rules that span keys (watched within episodes,
season numbers and titles unique) for the records whose keys were all fine.

It also warns about keys watchtui does not know that look like a misspelling of
one it does (`confidance`): such a key is kept, as any unknown key, but the value
the person meant to set is not set.
"""

from __future__ import annotations

import difflib
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from watchtui.core.errors import WatchlistFileError
from watchtui.core.limits import find_problem
from watchtui.core.model import Show, title_key
from watchtui.core.schema import KEYS, Checker, fields, too_deep
from watchtui.core.schema import Path as SchemaPath
from watchtui.core.storage.atomic import read
from watchtui.core.storage.lines import describe, line_of
from watchtui.core.storage.reader import _FileVoice, decode, parse_watchlist, record_of

__all__ = ["Findings", "find_all"]

_TOP_KEYS = frozenset(["version", "show"])
_CLOSE = 0.8
"""How alike an unknown key and a known one must be to call it a misspelling."""


@dataclass(slots=True)
class Findings:
    """What `check` found: problems (the file is refused), and warnings (it is read)."""

    problems: list[WatchlistFileError] = field(default_factory=list)
    warnings: list[WatchlistFileError] = field(default_factory=list)
    shows: list[Show] = field(default_factory=list)


def find_all(path: Path) -> Findings:
    """Every problem and warning in the file at `path` (which exists)."""
    findings = Findings()
    data, _ = read(path)
    if data is None:
        findings.problems.append(WatchlistFileError(path, "no such file"))
        return findings
    try:
        text = decode(data, path)
    except WatchlistFileError as error:
        findings.problems.append(error)  # not text: the one problem is all there is to say
        return findings
    try:
        findings.shows = parse_watchlist(text, path).shows
    except WatchlistFileError as error:
        findings.problems.append(error)
        try:
            document = tomllib.loads(text)
        except (tomllib.TOMLDecodeError, RecursionError):
            return findings  # not TOML: the parser stops at the first problem, and so do we
        if too_deep(document):
            return findings
        more = _Collector(text, path)
        more.document(document)
        findings.problems = _unique(more.problems) or findings.problems
        findings.warnings = more.warnings
        return findings
    collector = _Collector(text, path)
    collector.misspellings_only(tomllib.loads(text))
    findings.warnings = collector.warnings
    return findings


def _unique(errors: list[WatchlistFileError]) -> list[WatchlistFileError]:
    seen: set[str] = set()
    out = []
    for error in sorted(errors, key=lambda e: e.line or 0):
        if str(error) not in seen:
            seen.add(str(error))
            out.append(error)
    return out


class _Collector:
    def __init__(self, text: str, path: Path) -> None:
        self.text = text
        self.path = path
        self.voice = _FileVoice(text, path)
        self.checker = Checker(self.voice)
        self.problems: list[WatchlistFileError] = []
        self.warnings: list[WatchlistFileError] = []

    def _try(self, check: Any, *args: Any) -> Any:
        try:
            return check(*args)
        except WatchlistFileError as error:
            self.problems.append(error)
            return None

    def document(self, document: dict[str, Any]) -> None:
        top = {key: value for key, value in document.items() if key != "show"}
        self._try(self.voice.watchlist, top)  # the version
        self._misspelt(document, _TOP_KEYS, ())
        found = find_problem(top)
        if found is not None:
            record, key = record_of(found[0])
            self.problems.append(self.voice.refused(record, key, f"{key}: {found[1]}"))
        raw_shows = document.get("show", [])
        if not isinstance(raw_shows, list) or not all(isinstance(s, dict) for s in raw_shows):
            self.problems.append(
                self.voice.refused((), "show", "show must be a list of [[show]] tables")
            )
            return
        titles: dict[str, int] = {}
        for index, raw in enumerate(raw_shows):
            self.record(Show, raw, ("show", index))
            title = raw.get("title")
            if not isinstance(title, str) or not title.strip():
                continue
            key = title_key(title)
            if key in titles:
                self.problems.append(
                    self.voice.refused(
                        ("show", index),
                        "title",
                        f'two shows are titled "{title}" (also show {titles[key] + 1}); '
                        "titles must differ, ignoring case",
                    )
                )
            titles.setdefault(key, index)

    def record(self, cls: type[Any], raw: dict[str, Any], where: SchemaPath) -> Any:
        """Check each key on its own, then the record whole; the record, or None."""
        before = len(self.problems)
        for known in fields(cls):
            value = raw.get(known.key)
            if value is None:
                if known.required:
                    problem = self.voice.missing(where, known.key, "")
                    self.problems.append(self.voice.refused(where, known.key, problem))
                continue
            if known.record is None:
                self._try(self.checker.value, cls, known, value, where)
            elif known.kind == "table":
                if isinstance(value, dict):
                    self.record(known.record, value, (*where, known.key))
                else:
                    self._try(self.checker.value, cls, known, value, where)
            elif isinstance(value, list) and all(isinstance(item, dict) for item in value):
                for n, item in enumerate(value):
                    self.record(known.record, item, (*where, known.key, n))
            else:
                self._try(self.checker.value, cls, known, value, where)
        self._misspelt(raw, KEYS[cls], where)
        extra = {key: value for key, value in raw.items() if key not in KEYS[cls]}
        found = find_problem(extra, place=where)
        if found is not None:
            record, key = record_of(found[0])
            self.problems.append(self.voice.refused(record, key, f"{key}: {found[1]}"))
        if len(self.problems) > before:
            return None
        return self._try(self.checker.record, cls, raw, where)

    def misspellings_only(self, document: dict[str, Any]) -> None:
        self._misspelt(document, _TOP_KEYS, ())
        for index, raw in enumerate(document.get("show", [])):
            self._misspelt_record(Show, raw, ("show", index))

    def _misspelt_record(self, cls: type[Any], raw: dict[str, Any], where: SchemaPath) -> None:
        self._misspelt(raw, KEYS[cls], where)
        for known in fields(cls):
            value = raw.get(known.key)
            if known.record is None or value is None:
                continue
            if known.kind == "table":
                self._misspelt_record(known.record, value, (*where, known.key))
            else:
                for n, item in enumerate(value):
                    self._misspelt_record(known.record, item, (*where, known.key, n))

    def _misspelt(self, raw: dict[str, Any], known: frozenset[str], where: SchemaPath) -> None:
        for key in raw:
            if key in known:
                continue
            close = difflib.get_close_matches(key.casefold(), sorted(known), n=1, cutoff=_CLOSE)
            if close and close[0] not in raw:
                self.warnings.append(
                    WatchlistFileError(
                        self.path,
                        f"warning: {describe(where)} has a key {key!r} that watchtui does not "
                        f"know; did you mean {close[0]!r}? (kept as it is, but not read)",
                        line_of(self.text, where, key),
                    )
                )
