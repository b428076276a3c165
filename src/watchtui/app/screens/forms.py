"""The forms: add or edit a show, a season, a cast note.

Each is a ModalScreen that returns the new object, or None when cancelled.
`tab` moves between fields, `enter` saves, `escape` cancels. Every field is
checked as it is typed and again on save; the reason shows under the field and
nothing is returned until all are valid.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date
from typing import Generic, TypeVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import ModalScreen
from textual.validation import ValidationResult, Validator
from textual.widget import Widget
from textual.widgets import Button, Input, Label, Static

from watchtui.app.text import plain, printable
from watchtui.app.widgets.choice import Choice
from watchtui.core.model import (
    CastNote,
    Confidence,
    ModelError,
    Season,
    Show,
    Status,
    Watchlist,
    replace,
    title_key,
)
from watchtui.core.windows import WindowError, parse_window

__all__ = ["CastForm", "SeasonForm", "ShowForm"]

Result = TypeVar("Result")


class Check(Validator):
    """A validator from a function that returns the problem, or None when all is well."""

    def __init__(self, problem: Callable[[str], str | None]) -> None:
        super().__init__()
        self.problem = problem

    def validate(self, value: str) -> ValidationResult:
        reason = self.problem(value)
        return self.failure(reason) if reason else self.success()


def whole_number(label: str, *, optional: bool = False, at_most: int | None = None) -> Check:
    def problem(value: str) -> str | None:
        text = value.strip()
        if not text:
            return None if optional else f"{label} is needed"
        if not text.isdigit():
            return f"{label} must be a whole number, 0 or more"
        if at_most is not None and int(text) > at_most:
            return f"{label} cannot be more than {at_most}"
        return None

    return Check(problem)


def optional_int(value: str) -> int | None:
    return int(value) if value.strip() else None


class FormScreen(ModalScreen[Result | None], Generic[Result]):
    """A modal form; subclasses give the fields and build the result."""

    BINDINGS = [
        Binding("escape", "cancel", "Cancel"),
        Binding("ctrl+s", "submit", "Save"),
    ]

    DEFAULT_CSS = """
    FormScreen {
        align: center middle;
        & > #form {
            width: 84;
            max-width: 100%;
            height: auto;
            max-height: 100%;
            border: thick $primary;
            background: $panel;
            padding: 0 1;
        }
        & .field { height: auto; margin-top: 1; }
        & .field.-first { margin-top: 0; }
        & .field-label { width: 18; color: $text-muted; padding-right: 1; }
        & Input { width: 1fr; }
        & Input > .input--placeholder { color: $text-disabled; text-style: italic; }
        & Choice { width: 1fr; }
        & .field-error { color: $error; height: auto; padding-left: 18; }
        & .field-error.-empty { display: none; }
        & .preview { color: $text-muted; padding-left: 19; height: 1; }
        & #buttons { height: auto; margin-top: 1; align-horizontal: right; }
        & #buttons Button { margin-left: 2; }
        & #form-error { color: $error; padding-left: 0; }
    }
    """

    form_title = "Form"

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="form") as form:
            form.border_title = Text(self.form_title)  # holds a show's title: not markup
            form.border_subtitle = "enter save · esc cancel · tab next"
            yield from self.compose_fields()
            yield Static("", id="form-error", classes="field-error -empty")
            with Horizontal(id="buttons"):
                yield Button("Cancel", id="cancel", compact=True)
                yield Button("Save", variant="primary", id="save", compact=True)

    def compose_fields(self) -> Iterable[Widget]:
        raise NotImplementedError

    def field(self, label: str, widget: Widget, *, first: bool = False) -> Iterable[Widget]:
        """A labelled field on one line, with a place for its error underneath."""
        if isinstance(widget, Input):
            widget.compact = True
        yield Horizontal(
            Label(label, classes="field-label"),
            widget,
            classes="field -first" if first else "field",
        )
        if isinstance(widget, Input):
            yield Static("", id=f"{widget.id}-error", classes="field-error -empty")

    def on_mount(self) -> None:
        first = self.query(Input).first()
        first.focus()
        first.cursor_position = len(first.value)

    # Validation ------------------------------------------------------------

    def show_problem(self, field: Input, problem: str | None) -> None:
        note = self.query_one(f"#{field.id}-error", Static)
        note.update(plain(problem or ""))
        note.set_class(not problem, "-empty")

    def check_field(self, field: Input) -> bool:
        result = field.validate(field.value)
        problems = [] if result is None else result.failure_descriptions
        self.show_problem(field, problems[0] if problems else None)
        return not problems

    @on(Input.Changed)
    def _on_change(self, event: Input.Changed) -> None:
        self.check_field(event.input)
        self.refresh_preview()

    def refresh_preview(self) -> None:
        """Subclasses with a live preview update it here."""

    @on(Input.Submitted)
    def _on_submitted(self) -> None:
        self.action_submit()

    @on(Button.Pressed, "#save")
    def action_submit(self) -> None:
        invalid = [field for field in self.query(Input) if not self.check_field(field)]
        if invalid:
            invalid[0].focus()
            return
        error = self.query_one("#form-error", Static)
        try:
            result = self.build()
        except (ModelError, WindowError) as problem:
            error.update(plain(str(problem)))
            error.remove_class("-empty")
            return
        self.dismiss(result)

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)

    def build(self) -> Result:
        raise NotImplementedError

    def value(self, field_id: str) -> str:
        return self.query_one(f"#{field_id}", Input).value


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
        fields = {
            "title": self.value("title").strip(),
            "original_title": self.value("original_title").strip(),
            "network": self.value("network").strip(),
            "status": Status(self.query_one("#status", Choice).value),
            "notes": self.value("notes").strip(),
        }
        if self.show is not None:
            return replace(self.show, **fields)
        return Show(added=self.today, **fields)  # type: ignore[arg-type]


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
        limit = int(episodes) if episodes.isdigit() else None
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
        fields = {
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
        return Season(**fields)  # type: ignore[arg-type]


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
