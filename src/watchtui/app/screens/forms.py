"""The forms: add or edit a show, a season, a cast note.

Each gathers the typed-in values into a draft and hands it to the edit it was
opened for; what record results (trimmed text, "TBA" stored empty, the dates
`noted` and `finished`) is decided by `watchtui.core.edits` (see `form_base`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from textual import events, on
from textual.binding import Binding
from textual.widget import Widget
from textual.widgets import Static

from watchtui.app.screens.form_base import (
    Check,
    FormScreen,
    day_problem,
    optional_int,
    refusal,
    whole_number,
)
from watchtui.app.text import printable
from watchtui.app.widgets.choice import Choice
from watchtui.app.widgets.lookup import Lookup
from watchtui.app.widgets.safe_input import SafeInput as Input
from watchtui.core.clock import typed_day
from watchtui.core.errors import WindowError
from watchtui.core.model import (
    CastNote,
    Confidence,
    Season,
    Show,
    Status,
    Watchlist,
)
from watchtui.core.storage.document import Change
from watchtui.core.windows import parse_window

if TYPE_CHECKING:
    from watchtui.core.tvmaze.records import TVShow

__all__ = ["CastForm", "SeasonForm", "ShowForm"]


class ShowForm(FormScreen[Show]):
    """Add a show (`a`) or edit one (`e` on the shows pane).

    Given `fill` (adding only), the title is looked up on TVmaze as it is typed
    (`watchtui.app.widgets.lookup`): a candidate picked is added through `fill`,
    with its seasons, cast and ids; without a pick the show is added as typed.
    """

    BINDINGS = [Binding("down", "candidates", "TVmaze matches", show=False)]

    def __init__(
        self,
        watchlist: Watchlist,
        submit: Callable[[Show], Change],
        show: Show | None = None,
        *,
        fill: Callable[[Show, TVShow], Change] | None = None,
    ) -> None:
        super().__init__(self._save)
        self.plain_submit = submit
        self.fill = None if show else fill
        self.watchlist = watchlist
        self.show = show
        self.form_title = "Edit show" if show else "Add a show"
        self._save_when_settled = False

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
        if self.fill is not None:
            yield Lookup(id="lookup")
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
        return refusal(lambda: self.watchlist.check_title(value, ignoring=self.show))

    # Looking the title up on TVmaze (adding only) ------------------------------

    def on_mount(self) -> None:  # after FormScreen's (Textual calls each class's)
        if self.fill is not None:
            self.query_one(
                "#form"
            ).border_subtitle = "enter or ctrl+s save · ↓ TVmaze matches · esc cancel · tab next"

    @on(Input.Changed, "#title")
    def _title_typed(self, event: Input.Changed) -> None:
        if self.fill is not None:
            self.query_one(Lookup).typed(event.value)

    def action_candidates(self) -> None:
        if self.fill is not None and self.focused is self.query_one("#title", Input):
            self.query_one(Lookup).enter_list()

    def on_key(self, event: events.Key) -> None:
        """Typing while in the candidates goes on in the title field."""
        if self.fill is None or not (event.is_printable and event.character):
            return
        if self.focused is self.query_one(Lookup).candidates:
            event.stop()
            event.prevent_default()  # FormScreen's on_key would forward it again
            title = self.query_one("#title", Input)
            title.focus()
            title.post_message(events.Key(event.key, event.character))

    @on(Lookup.Chosen)
    def _chosen(self, event: Lookup.Chosen) -> None:
        title = self.query_one("#title", Input)
        title.value = event.title
        title.cursor_position = len(title.value)
        title.focus()

    @on(Lookup.Settled)
    def _settled(self, event: Lookup.Settled) -> None:
        network = self.query_one("#network", Input)
        if event.tv is not None and not network.value.strip():
            network.value = event.tv.channel
        if self._save_when_settled:
            self._save_when_settled = False
            self.action_submit()

    def action_submit(self) -> None:
        if self.fill is not None and self.query_one(Lookup).pending:
            self._save_when_settled = True  # saved once TVmaze has answered
            return
        super().action_submit()

    def _save(self, draft: Show) -> Change:
        picked = self.query_one(Lookup).picked if self.fill is not None else None
        if self.fill is not None and picked is not None:
            return self.fill(draft, picked)
        return self.plain_submit(draft)

    def draft(self) -> Show:
        return Show(
            title=self.value("title"),
            original_title=self.value("original_title"),
            network=self.value("network"),
            status=Status(self.query_one("#status", Choice).value),
            notes=self.value("notes"),
        )


class SeasonForm(FormScreen[Season]):
    """Add a season (`n`, its number prefilled) or edit one; the window is previewed."""

    def __init__(
        self, show: Show, submit: Callable[[Season], Change], season: Season | None = None
    ) -> None:
        super().__init__(submit)
        self.show = show
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
            "Finished",
            Input(
                season.finished.isoformat() if season and season.finished else "",
                id="finished",
                validators=[Check(day_problem)],
                placeholder="e.g. 2025-03-14 · empty: today, once watched in full",
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
        return refusal(lambda: self.show.with_season(Season(int(value)), replacing=self.season))

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

    def draft(self) -> Season:
        return Season(
            number=int(self.value("number")),
            title=self.value("title"),
            episodes=optional_int(self.value("episodes")),
            watched=optional_int(self.value("watched")) or 0,
            finished=typed_day(self.value("finished")),
            window=self.value("window"),
            confidence=Confidence(self.query_one("#confidence", Choice).value),
            source=self.value("source"),
        )


class CastForm(FormScreen[CastNote]):
    """Add a cast note (`c`) or edit one."""

    def __init__(
        self, show: Show, submit: Callable[[CastNote], Change], note: CastNote | None = None
    ) -> None:
        super().__init__(submit)
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
                validators=[Check(lambda name: refusal(lambda: CastNote(name)))],
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

    def draft(self) -> CastNote:
        return CastNote(name=self.value("name"), role=self.value("role"), note=self.value("note"))
