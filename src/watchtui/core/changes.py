"""What changed since a day: the "since you last looked" notice and `upcoming --since`.

Worked out from the dates in the file, never from a copy of an older file:

- **released** — a confirmed window that started after `since` and by today,
  for a season not yet watched;
- **overdue** — a hinted or rumored window (the season's current claim) that
  ended on or after `since` and before today, still unconfirmed: it went overdue
  in between;
- **confirmed** / **contradicted** — a confirmed claim noted after `since` and by
  today: the hint or rumour it followed is reported, `confirmed` when its verdict
  is right, `contradicted` when early or late (core/claims.py); with no claim
  before it, the confirmed claim itself is reported as `confirmed`.

The day the app last started is remembered per watchlist file by `LastLooked`,
in a small file in the platform's state folder: never in the watchlist.
"""

from __future__ import annotations

import contextlib
import json
import os
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from pathlib import Path

from watchtui.core.claims import Verdict, judge
from watchtui.core.locations import state_dir
from watchtui.core.model import Claim, Confidence, Season, Show, Status
from watchtui.core.state import SeasonState, season_state
from watchtui.core.windows import parse_window

__all__ = ["ChangeKind", "LastLooked", "SinceChange", "changes_since", "summary"]


class ChangeKind(StrEnum):
    RELEASED = "released"
    OVERDUE = "overdue"
    CONFIRMED = "confirmed"
    CONTRADICTED = "contradicted"


@dataclass(frozen=True, slots=True)
class SinceChange:
    """One thing that changed: a season, what became of it, and the claim concerned."""

    show: str
    season: int
    change: ChangeKind
    window: str
    confidence: Confidence
    source: str

    def as_json(self) -> dict[str, object]:
        return {
            "show": self.show,
            "season": self.season,
            "change": self.change.value,
            "window": self.window,
            "confidence": self.confidence.value,
            "source": self.source,
        }


def _change(show: Show, season: Season, kind: ChangeKind, claim: Claim) -> SinceChange:
    return SinceChange(
        show.title, season.number, kind, claim.window.strip(), claim.confidence, claim.source
    )


def _season_changes(show: Show, season: Season, since: date, today: date) -> list[SinceChange]:
    found: list[SinceChange] = []
    state = season_state(season, today)
    window = parse_window(season.window)
    confirmed = season.confidence is Confidence.CONFIRMED
    released = state is SeasonState.RELEASED and confirmed
    if released and window is not None and since < window.start <= today:
        found.append(_change(show, season, ChangeKind.RELEASED, season.claim))
    if state is SeasonState.OVERDUE and window is not None and since <= window.end < today:
        found.append(_change(show, season, ChangeKind.OVERDUE, season.claim))
    judged = judge(season, today)
    for position, entry in enumerate(judged):
        claim = entry.claim
        noted = claim.noted
        if claim.confidence is not Confidence.CONFIRMED or noted is None:
            continue
        if not since < noted <= today:
            continue
        before = [j for j in judged[:position] if j.claim.confidence is not Confidence.CONFIRMED]
        if not before:
            found.append(_change(show, season, ChangeKind.CONFIRMED, claim))
            continue
        last = before[-1]
        if last.verdict is Verdict.RIGHT:
            found.append(_change(show, season, ChangeKind.CONFIRMED, last.claim))
        elif last.verdict.wrong:
            found.append(_change(show, season, ChangeKind.CONTRADICTED, last.claim))
        else:  # the confirmation is not a day yet: the hint is still to be judged
            found.append(_change(show, season, ChangeKind.CONFIRMED, claim))
    return found


def changes_since(shows: Iterable[Show], since: date, today: date) -> list[SinceChange]:
    """What changed after `since` and by `today`, in the watchlist's order (dropped
    shows left out, as on the timeline). Nothing when `since` is today or later."""
    if since >= today:
        return []
    found: list[SinceChange] = []
    for show in shows:
        if show.status is Status.DROPPED:
            continue
        for season in show.seasons:
            found.extend(_season_changes(show, season, since, today))
    return found


def summary(changes: list[SinceChange]) -> str:
    """The changes counted in one line: "2 seasons released, 1 hint overdue"."""
    counts = {kind: sum(1 for c in changes if c.change is kind) for kind in ChangeKind}
    words = {
        ChangeKind.RELEASED: ("season released", "seasons released"),
        ChangeKind.OVERDUE: ("hint gone overdue", "hints gone overdue"),
        ChangeKind.CONFIRMED: ("claim confirmed", "claims confirmed"),
        ChangeKind.CONTRADICTED: ("claim contradicted", "claims contradicted"),
    }
    parts = [f"{count} {words[kind][count != 1]}" for kind, count in counts.items() if count]
    return ", ".join(parts)


class LastLooked:
    """The day the app last started on each watchlist file, kept in one small JSON
    file in the state folder (`{"/abs/path/watchlist.toml": "2025-06-15"}`).

    Never fails the start: an unreadable or damaged file is read as empty, and a
    failed write is ignored (the notice is a courtesy, not data).
    """

    def __init__(self, folder: Path | None = None) -> None:
        self.file = (folder or state_dir()) / "last-looked.json"

    def _read(self) -> dict[str, str]:
        try:
            data = json.loads(self.file.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        if not isinstance(data, dict):
            return {}
        return {k: v for k, v in data.items() if isinstance(k, str) and isinstance(v, str)}

    @staticmethod
    def _key(watchlist: Path) -> str:
        return os.path.abspath(watchlist)

    def get(self, watchlist: Path) -> date | None:
        """The day of the last start on this file, or None if it was never started."""
        value = self._read().get(self._key(watchlist))
        try:
            return date.fromisoformat(value) if value else None
        except ValueError:
            return None

    def remember(self, watchlist: Path, day: date) -> None:
        """Remember `day` as the last start on this file."""
        data = self._read()
        data[self._key(watchlist)] = day.isoformat()
        temp = self.file.with_name(f".{self.file.name}.{os.getpid()}.tmp")
        try:
            self.file.parent.mkdir(parents=True, exist_ok=True)
            temp.write_text(json.dumps(data, indent=1, sort_keys=True), encoding="utf-8")
            os.replace(temp, self.file)  # whole or not at all: two starts never mix
        except OSError:
            with contextlib.suppress(OSError):
                temp.unlink()
