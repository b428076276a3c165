"""What every form shares: labelled fields, each checked as it is typed and again
on save, its problem under it, and nothing returned until all are valid.

A form gathers what the person types into a *draft* (a Show, Season or
CastNote holding the typed-in values) and hands it to its `submit` function,
which makes the edit by the rules of `watchtui.core.edits`: those rules, not the
form, decide what record results. The form returns the change made, or None
when cancelled or when the edit would change nothing (it says so). A refused
edit keeps the form open with the reason. `tab` moves between fields, `enter`
(from any field, a choice too) or `ctrl+s` saves, `escape` cancels, and says so
when something had been typed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Generic, TypeVar

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.validation import ValidationResult, Validator
from textual.widget import Widget
from textual.widgets import Button, Input, Label, Static

from watchtui.app.screens.once import OnceModalScreen
from watchtui.app.text import plain
from watchtui.app.widgets.choice import Choice
from watchtui.core.clock import typed_day
from watchtui.core.errors import ModelError, Unchanged
from watchtui.core.model import MAX_COUNT
from watchtui.core.storage.document import Change

__all__ = [
    "Check",
    "FormScreen",
    "day_problem",
    "optional_int",
    "refusal",
    "whole_number",
]

Draft = TypeVar("Draft")


class Check(Validator):
    """A validator from a function that returns the problem, or None when all is well."""

    def __init__(self, problem: Callable[[str], str | None]) -> None:
        super().__init__()
        self.problem = problem

    def validate(self, value: str) -> ValidationResult:
        reason = self.problem(value)
        return self.failure(reason) if reason else self.success()


def refusal(check: Callable[[], object]) -> str | None:
    """Why the watchlist's rules refuse what `check` tries (its ModelError), or None:
    a field is checked as it is typed by the rule that would refuse it on save."""
    try:
        check()
    except ModelError as problem:
        return str(problem)
    return None


def whole_number(label: str, *, optional: bool = False, at_most: int | None = None) -> Check:
    def problem(value: str) -> str | None:
        text = value.strip()
        if not text:
            return None if optional else f"{label} is needed"
        if not (text.isascii() and text.isdigit()):  # "²" and "٣" are digits to isdigit
            return f"{label} must be a whole number, 0 or more"
        if len(text) > 10 or int(text) > MAX_COUNT:
            return f"{label} cannot be more than {MAX_COUNT}"
        if at_most is not None and int(text) > at_most:
            return f"{label} cannot be more than {at_most}"
        return None

    return Check(problem)


def optional_int(value: str) -> int | None:
    return int(value) if value.strip() else None


def day_problem(value: str) -> str | None:
    """Why `value` is not a day written as 2025-03-14 (empty is no day)."""
    try:
        typed_day(value)
    except ValueError as error:
        return str(error)
    return None


class FormScreen(OnceModalScreen[Change | None], Generic[Draft]):
    """A modal form; subclasses give the fields and build the draft from them."""

    BINDINGS = [
        Binding("escape", "cancel", "Cancel"),
        Binding("ctrl+s", "submit", "Save"),
        # Inputs submit on enter themselves; this is enter on a choice (status,
        # confidence), which would otherwise do nothing and leave the form open.
        Binding("enter", "submit", "Save", show=False),
        # Priority: the focus moves as tab arrives, so the characters typed right
        # after it go to the next field, not (still queued) to this one.
        Binding("tab", "app.focus_next", "Next", show=False, priority=True),
        Binding("shift+tab", "app.focus_previous", "Previous", show=False, priority=True),
    ]

    VERTICAL_BREAKPOINTS = [(0, "-short"), (30, "-tall")]
    """Below 30 rows the fields sit line under line, so that a form (its buttons
    too) fits a 24-row terminal."""

    DEFAULT_CSS = """
    FormScreen {
        align: center middle;
        &.-short .field { margin-top: 0; }
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
    _as_opened: list[str] = []
    """What the fields held when the form opened."""

    def __init__(self, submit: Callable[[Draft], Change]) -> None:
        super().__init__()
        self.submit = submit
        """Makes the edit from the draft; ModelError if refused, Unchanged if nothing to do."""

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="form") as form:
            form.border_title = Text(self.form_title)  # holds a show's title: not markup
            form.border_subtitle = "enter or ctrl+s save · esc cancel · tab next"
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
        self._as_opened = self._typed()
        inputs = list(self.query(Input))
        if not inputs:  # closed by a key typed ahead before it was ever shown
            return
        first = inputs[0]
        self.set_focus(first)  # at once, for the keys typed before the form was drawn
        first.cursor_position = len(first.value)

    def on_key(self, event: events.Key) -> None:
        """A key typed while the form was opening reached the form, not its field (a
        field never lets a character through): the field gets it, in the order typed."""
        field = self.focused
        if isinstance(field, Input) and event.is_printable and event.character:
            event.stop()
            field.post_message(events.Key(event.key, event.character))

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
        try:
            change = self.submit(self.draft())
        except Unchanged as unchanged:
            self.notify(str(unchanged), timeout=3, markup=False)
            self.dismiss(None)
            return
        except ModelError as problem:
            error = self.query_one("#form-error", Static)
            error.update(plain(str(problem)))
            error.remove_class("-empty")
            return
        self.dismiss(change)

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        if self._typed() != self._as_opened:
            self.app.notify("Cancelled: nothing was saved.", timeout=3)
        self.dismiss(None)

    def _typed(self) -> list[str]:
        """What every field holds: inputs and choices."""
        return [field.value for field in self.query(Input)] + [
            choice.value for choice in self.query(Choice)
        ]

    def draft(self) -> Draft:
        """The record the fields describe, as typed."""
        raise NotImplementedError

    def value(self, field_id: str) -> str:
        return self.query_one(f"#{field_id}", Input).value
