"""An iCalendar (RFC 5545) file of the seasons still to come.

Each unreleased season with a window is an all-day event spanning the window:
DTEND is the day after the window's last day, as RFC 5545 wants for all-day
events. Hinted and rumored windows are STATUS:TENTATIVE, confirmed ones
STATUS:CONFIRMED; the description says how sure the window is and who said it.
The UID is derived from the show's title (ignoring case) and the season number,
so a calendar that subscribes to the file updates an event when its window moves
(or its confidence changes) instead of adding a second one. A calendar may hold
every window, only the confirmed ones or only the hinted and rumored ones, and
only some shows.

The format is small enough to write here: TEXT values escaped (backslash,
semicolon, comma, newline), lines folded at 75 octets without splitting a UTF-8
character, CRLF line ends.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from datetime import date, timedelta

from watchtui import __version__
from watchtui.core.model import Confidence, title_key
from watchtui.core.state import SeasonState
from watchtui.core.text import printable
from watchtui.core.timeline import Timeline, TimelineEntry

__all__ = ["CONFIDENCES", "calendar_text", "escape_text", "event_uid", "fold_line"]

CONFIDENCES = ("all", "confirmed", "hinted")
"""What a calendar may hold: every window, confirmed ones only, or only the unconfirmed
(hinted and rumored) ones."""

# Fixed for ever: changing it would change every UID and duplicate every event.
_UID_NAMESPACE = uuid.UUID("6f2c1f4e-93a5-4b8e-9d53-2a0c6b1e7d41")
_CALENDAR_STATES = frozenset([SeasonState.UPCOMING, SeasonState.HINTED, SeasonState.OVERDUE])


def escape_text(value: str) -> str:
    """A TEXT property value (RFC 5545 §3.3.11): line breaks as `\\n`, and every other
    control character (which the RFC does not allow, and which would drive a terminal
    showing the file) as a visible stand-in, by the one function for that."""
    lines = value.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    value = "\n".join(printable(line) for line in lines)
    return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def fold_line(line: str) -> str:
    """A content line folded to 75 octets a line (§3.1), never inside a character."""
    limit = 75
    parts: list[str] = []
    current: list[str] = []
    size = 0
    for character in line:
        width = len(character.encode("utf-8"))
        if size + width > limit:
            parts.append("".join(current))
            current, size, limit = [], 0, 74  # a continuation line starts with a space
        current.append(character)
        size += width
    parts.append("".join(current))
    return "\r\n ".join(parts)


def event_uid(show_title: str, season_number: int) -> str:
    name = f"{title_key(show_title)}\x1fseason {season_number}"
    return f"{uuid.uuid5(_UID_NAMESPACE, name)}@watchtui"


def _ical_date(day: date) -> str:
    return f"{day.year:04d}{day.month:02d}{day.day:02d}"


def _summary(entry: TimelineEntry) -> str:
    season = entry.season_label
    if entry.season_title:
        season = f"{season}: {entry.season_title}"
    marker = "" if entry.confidence is Confidence.CONFIRMED else f" ({entry.confidence.value})"
    return f"{entry.show_title} — {season}{marker}"


def _description(entry: TimelineEntry) -> str:
    lines = [f"Window: {entry.window.strip()} ({entry.confidence.value})"]
    if entry.source:
        lines.append(f"Source: {entry.source}")
    if entry.state is SeasonState.OVERDUE:
        lines.append("The window has passed with no confirmation.")
    return "\n".join(lines)


def _event(entry: TimelineEntry, stamp: str) -> list[str]:
    assert entry.start is not None and entry.end is not None
    confirmed = entry.confidence is Confidence.CONFIRMED
    return [
        "BEGIN:VEVENT",
        f"UID:{event_uid(entry.show_title, entry.season_number)}",
        f"DTSTAMP:{stamp}",
        f"DTSTART;VALUE=DATE:{_ical_date(entry.start)}",
        f"DTEND;VALUE=DATE:{_ical_date(entry.end + timedelta(days=1))}",
        f"SUMMARY:{escape_text(_summary(entry))}",
        f"DESCRIPTION:{escape_text(_description(entry))}",
        f"STATUS:{'CONFIRMED' if confirmed else 'TENTATIVE'}",
        f"CATEGORIES:{escape_text(entry.confidence.value)}",
        "TRANSP:TRANSPARENT",  # a release does not make anyone busy
        "END:VEVENT",
    ]


def _kept(entry: TimelineEntry, confidence: str) -> bool:
    if confidence == "confirmed":
        return entry.confidence is Confidence.CONFIRMED
    if confidence == "hinted":
        return entry.confidence is not Confidence.CONFIRMED
    return True


def calendar_entries(
    timeline: Timeline, confidence: str = "all", shows: Iterable[str] | None = None
) -> Iterable[TimelineEntry]:
    """The entries that become events: unreleased, with a window, as sure as asked
    (one of CONFIDENCES), of these shows' titles only if given."""
    if confidence not in CONFIDENCES:
        raise ValueError(f"confidence must be one of {', '.join(CONFIDENCES)}")
    titles = None if shows is None else set(shows)
    return (
        entry
        for entry in timeline.entries
        if entry.state in _CALENDAR_STATES
        and entry.start is not None
        and _kept(entry, confidence)
        and (titles is None or entry.show_title in titles)
    )


def calendar_text(
    timeline: Timeline, confidence: str = "all", shows: Iterable[str] | None = None
) -> str:
    """The whole VCALENDAR, CRLF line ends, for the timeline's unreleased windows (as
    `calendar_entries` chooses them)."""
    stamp = f"{_ical_date(timeline.today)}T000000Z"
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:-//watchtui//watchtui {__version__}//EN",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        "X-WR-CALNAME:watchtui — upcoming seasons",
    ]
    for entry in calendar_entries(timeline, confidence, shows):
        lines.extend(_event(entry, stamp))
    lines.append("END:VCALENDAR")
    return "".join(fold_line(line) + "\r\n" for line in lines)
