"""What became of each claim about a season's window, and each source's track record.

Derived, never stored: the file keeps what was said (docs/file-format.md), this
module judges it against what happened. The rules are in docs/claims.md:

- A season's *real date* is the window of its latest confirmed claim that is a
  single day; with none, the day it was finished (watched in full); else unknown.
- With the real date known, a claim is `right` when its window holds that day,
  `early` when its window ended before it, `late` when its window started after it.
- With the date unknown, a claim is `pending`; the season's current claim is
  `overdue` when the season is (a hinted or rumored window that ended unconfirmed).
- A claim with no window (TBA) is judged `none`: it said no date to be right about.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from watchtui.core.errors import WindowError
from watchtui.core.model import Claim, Confidence, Season, Show
from watchtui.core.state import SeasonState, season_state
from watchtui.core.windows import WindowRange, parse_window

__all__ = [
    "Judged",
    "SourceRecord",
    "Verdict",
    "confidence_glyph",
    "judge",
    "real_date",
    "source_key",
    "track_records",
    "verdict_glyph",
]


class Verdict(StrEnum):
    RIGHT = "right"  # the real date fell in the window
    EARLY = "early"  # the window ended before the real date
    LATE = "late"  # the window started after the real date
    PENDING = "pending"  # the real date is not known yet
    OVERDUE = "overdue"  # the current hinted or rumored window ended unconfirmed
    NONE = "none"  # no window (TBA): nothing to judge

    @property
    def wrong(self) -> bool:
        return self in (Verdict.EARLY, Verdict.LATE)


_VERDICT_GLYPHS = {
    Verdict.RIGHT: "✓",
    Verdict.EARLY: "«",
    Verdict.LATE: "»",
    Verdict.PENDING: "…",
    Verdict.OVERDUE: "⚠",
    Verdict.NONE: "·",
}

_CONFIDENCE_GLYPHS = {
    Confidence.CONFIRMED: "●",
    Confidence.HINTED: "◇",
    Confidence.RUMORED: "○",
}


def verdict_glyph(verdict: Verdict) -> str:
    return _VERDICT_GLYPHS[verdict]


def confidence_glyph(confidence: Confidence) -> str:
    return _CONFIDENCE_GLYPHS[confidence]


def _range(claim: Claim) -> WindowRange | None:
    try:
        return parse_window(claim.window)
    except WindowError:  # pragma: no cover - the file and the edits refuse bad windows
        return None


def real_date(season: Season) -> date | None:
    """The day the season came out, as far as its claims and the user know it."""
    for claim in reversed(season.claims):
        if claim.confidence is Confidence.CONFIRMED:
            window = _range(claim)
            if window is not None and window.start == window.end:
                return window.start
    return season.finished


@dataclass(frozen=True, slots=True)
class Judged:
    """A claim and what became of it."""

    claim: Claim
    verdict: Verdict
    current: bool  # the season's current claim (the last one)


def _verdict(window: WindowRange | None, real: date | None) -> Verdict:
    if window is None:
        return Verdict.NONE
    if real is None:
        return Verdict.PENDING
    if window.end < real:
        return Verdict.EARLY
    if window.start > real:
        return Verdict.LATE
    return Verdict.RIGHT


def judge(season: Season, today: date) -> list[Judged]:
    """Every claim of the season, oldest first, with its verdict as of `today`."""
    claims = season.claims
    real = real_date(season)
    overdue = real is None and season_state(season, today) is SeasonState.OVERDUE
    judged = []
    for position, claim in enumerate(claims):
        current = position == len(claims) - 1
        verdict = _verdict(_range(claim), real)
        if current and overdue and verdict is Verdict.PENDING:
            verdict = Verdict.OVERDUE
        judged.append(Judged(claim, verdict, current))
    return judged


def source_key(source: str) -> str:
    """The form in which two sources are the same: Unicode NFC, outer spaces and case
    ignored."""
    return unicodedata.normalize("NFC", source).strip().casefold()


@dataclass(slots=True)
class SourceRecord:
    """How the claims of one source turned out."""

    source: str  # as first written
    claims: int = 0
    right: int = 0
    early: int = 0
    late: int = 0
    pending: int = 0
    overdue: int = 0

    @property
    def wrong(self) -> int:
        return self.early + self.late

    def count(self, verdict: Verdict) -> None:
        self.claims += 1
        if verdict is Verdict.RIGHT:
            self.right += 1
        elif verdict is Verdict.EARLY:
            self.early += 1
        elif verdict is Verdict.LATE:
            self.late += 1
        elif verdict is Verdict.PENDING:
            self.pending += 1
        elif verdict is Verdict.OVERDUE:
            self.overdue += 1


def track_records(shows: Iterable[Show], today: date) -> list[SourceRecord]:
    """Each source's record over every claim of every season, most claims first.

    Claims with no source are left out: there is no one to hold to them.
    """
    records: dict[str, SourceRecord] = {}
    for show in shows:
        for season in show.seasons:
            for judged in judge(season, today):
                key = source_key(judged.claim.source)
                if not key:
                    continue
                if key not in records:
                    shown = unicodedata.normalize("NFC", judged.claim.source).strip()
                    records[key] = SourceRecord(shown)
                records[key].count(judged.verdict)
    return sorted(records.values(), key=lambda r: (-r.claims, source_key(r.source)))
