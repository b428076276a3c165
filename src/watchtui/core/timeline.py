"""The upcoming timeline: what is coming, when, and how sure that "when" is.

`watchtui upcoming`, the iCalendar export and the upcoming screen all read the
same `Timeline`, so they agree on what is listed and in which order:

1. **Overdue** — hinted or rumored windows that ended with no confirmation.
2. **Ready to watch** — released seasons not yet watched.
3. One group per stretch of time, for seasons with a window still ahead:
   a month for days and months ("March 2026"), a quarter for quarters and
   broadcast seasons ("Q3 2026", since winter … fall are quarters), a year for
   halves, thirds (early/mid/late) and bare years ("2027").
4. **TBA** — seasons with no window yet.

Groups of time are ordered by the day by which everything in them is due, a
narrower group first on a tie: "March 2026" comes before "Q1 2026", which comes
before "April 2026"; "2026" comes after December 2026. Inside a group, seasons
are ordered by window start. Shows the user dropped are left out.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from watchtui.core.model import Confidence, Season, Show, Status
from watchtui.core.state import SeasonState, is_returning, season_state
from watchtui.core.windows import Precision, WindowRange, parse_window

__all__ = [
    "RETURNING_MARK",
    "GroupKind",
    "Timeline",
    "TimelineEntry",
    "TimelineGroup",
    "build_timeline",
]

OVERDUE_LABEL = "Overdue — hinted, still unconfirmed"
READY_LABEL = "Ready to watch"
TBA_LABEL = "TBA"
RETURNING_MARK = "↻ returning"
"""How a completed show that came back is marked, in the list, the timeline and the CLI."""


class GroupKind(StrEnum):
    OVERDUE = "overdue"
    READY = "ready"
    MONTH = "month"
    QUARTER = "quarter"
    YEAR = "year"
    TBA = "tba"


@dataclass(frozen=True, slots=True)
class TimelineEntry:
    """One season on the timeline, with everything a line of it shows."""

    show_title: str
    season_number: int
    season_title: str
    season_label: str  # "Season 2" or "Specials"
    window: str  # as the user wrote it
    confidence: Confidence
    source: str
    state: SeasonState
    start: date | None
    end: date | None
    precision: Precision | None
    days_left: int | None  # days until a confirmed day; None for anything less sure
    group: str  # the label of the group it is listed in
    watched: int = 0  # episodes seen, for a season being watched
    episodes: int | None = None
    noted: date | None = None  # when the window was said
    returning: bool = False  # the show was completed, and this season brings it back

    @property
    def short_label(self) -> str:
        """The season in two or three characters: "S2", or "Sp" for specials."""
        return "Sp" if self.season_number == 0 else f"S{self.season_number}"

    @property
    def note(self) -> str:
        """What the entry means in words: "hinted for 2024, still unconfirmed"; for a
        returning show, after "↻ returning, " (a glyph and a word, never colour alone)."""
        if self.returning:
            return f"{RETURNING_MARK}, {self._meaning()}"
        return self._meaning()

    def _meaning(self) -> str:
        if self.state is SeasonState.OVERDUE:
            return f"{self.confidence.value} for {self.window.strip()}, still unconfirmed"
        if self.days_left is not None:
            if self.days_left == 1:
                return "tomorrow"
            return f"in {self.days_left} days"
        if self.state is SeasonState.RELEASED:
            if self.watched and self.episodes:
                return f"{self.watched} of {self.episodes} episodes watched"
            if self.watched:
                return f"{self.watched} episodes watched"
            return "released"
        if self.start is None or self.end is None or self.precision is None:
            return "no window yet"
        return WindowRange(self.start, self.end, self.precision).describe()


@dataclass(frozen=True, slots=True)
class TimelineGroup:
    label: str
    kind: GroupKind
    start: date | None  # the stretch of time a MONTH/QUARTER/YEAR group covers
    end: date | None
    entries: tuple[TimelineEntry, ...]


@dataclass(frozen=True, slots=True)
class Timeline:
    today: date
    groups: tuple[TimelineGroup, ...]

    @property
    def entries(self) -> tuple[TimelineEntry, ...]:
        """Every entry, in the order the groups list them."""
        return tuple(entry for group in self.groups for entry in group.entries)

    def group(self, kind: GroupKind) -> TimelineGroup | None:
        """The first group of this kind (OVERDUE, READY and TBA appear at most once)."""
        return next((group for group in self.groups if group.kind is kind), None)


_QUARTER_OF_PRECISION = frozenset([Precision.QUARTER, Precision.SEASON])
_MONTH_OF_PRECISION = frozenset([Precision.DAY, Precision.MONTH])


def _bucket(start: date, precision: Precision) -> tuple[GroupKind, date, date, str]:
    """The stretch of time a window of this precision is grouped under."""
    if precision in _MONTH_OF_PRECISION:
        first = start.replace(day=1)
        following = date(first.year + first.month // 12, first.month % 12 + 1, 1)
        return GroupKind.MONTH, first, following, f"{first:%B %Y}"
    if precision in _QUARTER_OF_PRECISION:
        quarter = (start.month - 1) // 3 + 1
        first = date(start.year, quarter * 3 - 2, 1)
        following = date(start.year + quarter // 4, quarter % 4 * 3 + 1, 1)
        return GroupKind.QUARTER, first, following, f"Q{quarter} {start.year}"
    return GroupKind.YEAR, date(start.year, 1, 1), date(start.year + 1, 1, 1), str(start.year)


def _entry(
    show: Show,
    season: Season,
    state: SeasonState,
    today: date,
    group: str,
    returning: bool = False,
) -> TimelineEntry:
    window = parse_window(season.window)
    days_left = None
    if (
        window is not None
        and state is SeasonState.UPCOMING
        and window.precision is Precision.DAY
        and season.confidence is Confidence.CONFIRMED
    ):
        days_left = (window.start - today).days
    return TimelineEntry(
        show_title=show.title,
        season_number=season.number,
        season_title=season.title,
        season_label=season.label,
        window=season.window,
        confidence=season.confidence,
        source=season.source,
        state=state,
        start=window.start if window else None,
        end=window.end if window else None,
        precision=window.precision if window else None,
        days_left=days_left,
        group=group,
        watched=season.watched,
        episodes=season.episodes,
        noted=season.noted,
        returning=returning and season.number != 0,
    )


def _by_window(entry: TimelineEntry) -> tuple[date, date, str, int]:
    return (
        entry.start or date.max,
        entry.end or date.max,
        entry.show_title.casefold(),
        entry.season_number,
    )


def build_timeline(shows: list[Show], today: date) -> Timeline:
    """Every season still to come or still to watch, grouped as the module says."""
    overdue: list[TimelineEntry] = []
    ready: list[TimelineEntry] = []
    tba: list[TimelineEntry] = []
    dated: dict[tuple[date, date], tuple[GroupKind, str, list[TimelineEntry]]] = {}
    for show in shows:
        if show.status is Status.DROPPED:
            continue
        back = is_returning(show, today)
        for season in show.seasons:
            state = season_state(season, today)
            if state is SeasonState.WATCHED:
                continue
            if state is SeasonState.OVERDUE:
                overdue.append(_entry(show, season, state, today, OVERDUE_LABEL, back))
            elif state is SeasonState.RELEASED:
                ready.append(_entry(show, season, state, today, READY_LABEL, back))
            elif state is SeasonState.TBA:
                tba.append(_entry(show, season, state, today, TBA_LABEL, back))
            else:
                window = parse_window(season.window)
                assert window is not None  # upcoming and hinted seasons have a window
                kind, first, following, label = _bucket(window.start, window.precision)
                bucket = dated.setdefault((first, following), (kind, label, []))
                bucket[2].append(_entry(show, season, state, today, label, back))

    groups: list[TimelineGroup] = []
    if overdue:
        groups.append(TimelineGroup(OVERDUE_LABEL, GroupKind.OVERDUE, None, None, _sorted(overdue)))
    if ready:
        groups.append(TimelineGroup(READY_LABEL, GroupKind.READY, None, None, _sorted(ready)))
    # Due by the end of the stretch; on a tie the narrower stretch (later start) first.
    for (first, following), (kind, label, entries) in sorted(
        dated.items(), key=lambda item: (item[0][1], -item[0][0].toordinal())
    ):
        groups.append(
            TimelineGroup(
                label, kind, first, date.fromordinal(following.toordinal() - 1), _sorted(entries)
            )
        )
    if tba:
        groups.append(TimelineGroup(TBA_LABEL, GroupKind.TBA, None, None, _sorted(tba)))
    return Timeline(today, tuple(groups))


def _sorted(entries: list[TimelineEntry]) -> tuple[TimelineEntry, ...]:
    return tuple(sorted(entries, key=_by_window))
