"""The forms: add or edit a show, a season, a cast note.

Each returns the new object, or None when cancelled (see `form_base`).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from textual import on
from textual.widget import Widget
from textual.widgets import Static

from watchtui.app.screens.form_base import Check, FormScreen, optional_int, whole_number
from watchtui.app.text import printable
from watchtui.app.widgets.choice import Choice
from watchtui.app.widgets.safe_input import SafeInput as Input
from watchtui.core.errors import WindowError
from watchtui.core.model import (
    CastNote,
    Confidence,
    Season,
    Show,
    Status,
    Watchlist,
    replace,
    title_key,
)
from watchtui.core.windows import parse_window

__all__ = ["CastForm", "SeasonForm", "ShowForm"]


class ShowForm(FormScreen[Show]):
    """Add a show (`a`) or edit one (`e` on the shows pane)."""

    def __init__(self, watchlist: Watchlist, today: date, show: Show | None = None) -> None:
        super().__init__()
        self.watchlist = watchlist
        self.today = today
        self.show = show
        self.form_title = "Edit show" if show else "Add a show"

    def compose_fields(self) -> Iterable[Widget]:
        show = self.show
        yield from self.field(
            "Title",
            Input(
                show.title if show else "",
                id="title",
                validators=[Check(self.title_problem)],
                placeholder="e.g. All of Us Are Dead",
            ),
            first=True,
        )
        yield from self.field(
            "Original title",
            Input(
                show.original_title if show else "",
                id="original_title",
                placeholder="e.g. 지금 우리 학교는",
            ),
        )
        yield from self.field(
            "Network",
            Input(show.network if show else "", id="network", placeholder="e.g. Netflix"),
        )
        yield from self.field(
            "Status ←/→",
            Choice(
                [s.value for s in Status], show.status.value if show else "watching", id="status"
            ),
        )
        yield from self.field("Notes", Input(show.notes if show else "", id="notes"))

    def title_problem(self, value: str) -> str | None:
        if not value.strip():
            return "a show needs a title"
        key = title_key(value)
        for other in self.watchlist.shows:
            if other.key == key and other is not self.show:
                return f'there is already a show named "{printable(other.title)}"'
        return None

    def build(self) -> Show:
        fields: dict[str, Any] = {
            "title": self.value("title").strip(),
            "original_title": self.value("original_title").strip(),
            "network": self.value("network").strip(),
            "status": Status(self.query_one("#status", Choice).value),
            "notes": self.value("notes").strip(),
        }
        if self.show is not None:
            return replace(self.show, **fields)
        return Show(added=self.today, **fields)


class SeasonForm(FormScreen[Season]):
    """Add a season (`n`, its number prefilled) or edit one; the window is previewed."""

    def __init__(self, show: Show, today: date, season: Season | None = None) -> None:
        super().__init__()
        self.show = show
        self.today = today
        self.season = season
        title = printable(show.title)
        self.form_title = f"Edit {season.label} — {title}" if season else f"Add a season — {title}"

    def compose_fields(self) -> Iterable[Widget]:
        season = self.season
        number = season.number if season else self.show.next_season_number()
        yield from self.field(
            "Number",
            Input(
                str(number),
                id="number",
                validators=[Check(self.number_problem)],
                placeholder="0 for specials",
            ),
            first=True,
        )
        yield from self.field(
            "Episodes",
            Input(
                "" if season is None or season.episodes is None else str(season.episodes),
                id="episodes",
                placeholder="empty if not known yet",
                validators=[whole_number("episodes", optional=True)],
            ),
        )
        yield from self.field(
            "Watched",
            Input(
                str(season.watched) if season else "0",
                id="watched",
                validators=[Check(self.watched_problem)],
            ),
        )
        yield from self.field(
            "Release window",
            Input(
                season.window if season else "",
                id="window",
                validators=[Check(self.window_problem)],
                placeholder="empty for TBA · e.g. 2024, late 2025, Q3 2025, March 2026",
            ),
        )
        yield Static("", id="window-preview", classes="preview")
        yield from self.field(
            "Confidence ←/→",
            Choice(
                [c.value for c in Confidence],
                season.confidence.value if season else "confirmed",
                id="confidence",
            ),
        )
        yield from self.field(
            "Source",
            Input(
                season.source if season else "",
                id="source",
                placeholder="who said it · e.g. an agency's Instagram post",
            ),
        )
        yield from self.field("Season title", Input(season.title if season else "", id="title"))

    def on_mount(self) -> None:
        super().on_mount()
        self.refresh_preview()

    def number_problem(self, value: str) -> str | None:
        problem = whole_number("the number").problem(value)
        if problem:
            return problem
        taken = self.show.season(int(value))
        if taken is not None and taken is not self.season:
            return f"{printable(self.show.title)} already has season {int(value)}"
        return None

    def watched_problem(self, value: str) -> str | None:
        episodes = self.value("episodes").strip() if self.is_mounted else ""
        limit = int(episodes) if episodes.isascii() and episodes.isdigit() else None
        return whole_number("episodes watched", optional=True, at_most=limit).problem(value)

    @staticmethod
    def window_problem(value: str) -> str | None:
        try:
            parse_window(value)
        except WindowError as error:
            return str(error)
        return None

    @on(Input.Changed, "#episodes")
    def _recheck_watched(self) -> None:
        self.check_field(self.query_one("#watched", Input))

    def refresh_preview(self) -> None:
        preview = self.query_one("#window-preview", Static)
        text = self.value("window")
        try:
            window = parse_window(text)
        except WindowError:
            preview.display = False  # the field's error says why
            return
        preview.display = True
        if window is None:
            preview.update("→ no window: to be announced")
        else:
            preview.update(f"→ {window.describe()}  ({window.precision.value})")

    def build(self) -> Season:
        window = self.value("window").strip()
        confidence = Confidence(self.query_one("#confidence", Choice).value)
        source = self.value("source").strip()
        episodes = optional_int(self.value("episodes"))
        watched = optional_int(self.value("watched")) or 0
        old = self.season
        said_anew = old is None or (old.window, old.confidence, old.source) != (
            window,
            confidence,
            source,
        )
        noted = self.today if said_anew and (window or source) else (old.noted if old else None)
        finished = old.finished if old else None
        if episodes is not None and episodes > 0 and watched >= episodes:
            finished = finished or self.today
        elif episodes is not None and watched < episodes:
            finished = None
        fields: dict[str, Any] = {
            "number": int(self.value("number")),
            "title": self.value("title").strip(),
            "episodes": episodes,
            "watched": watched,
            "finished": finished,
            "window": window,
            "confidence": confidence,
            "source": source,
            "noted": noted,
        }
        if old is not None:
            return replace(old, **fields)
        return Season(**fields)


class CastForm(FormScreen[CastNote]):
    """Add a cast note (`c`) or edit one."""

    def __init__(self, show: Show, note: CastNote | None = None) -> None:
        super().__init__()
        self.show = show
        self.note = note
        title = printable(show.title)
        self.form_title = f"Edit cast note — {title}" if note else f"Add a cast note — {title}"

    def compose_fields(self) -> Iterable[Widget]:
        note = self.note
        yield from self.field(
            "Name",
            Input(
                note.name if note else "",
                id="name",
                placeholder="e.g. Park Ji-hu",
                validators=[Check(lambda v: None if v.strip() else "a cast note needs a name")],
            ),
            first=True,
        )
        yield from self.field(
            "Role or job",
            Input(note.role if note else "", id="role", placeholder="e.g. Nam On-jo, or Director"),
        )
        yield from self.field(
            "Note",
            Input(
                note.note if note else "",
                id="note",
                placeholder="e.g. returns despite presumed death",
            ),
        )

    def build(self) -> CastNote:
        name, role = self.value("name").strip(), self.value("role").strip()
        note = self.value("note").strip()
        if self.note is not None:
            return replace(self.note, name=name, role=role, note=note)
        return CastNote(name=name, role=role, note=note)
