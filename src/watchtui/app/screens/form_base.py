"""What every form shares: labelled fields, each checked as it is typed and again
on save, its problem under it, and nothing returned until all are valid.

A form is a ModalScreen that returns the new object, or None when cancelled:
`tab` moves between fields, `enter` saves, `escape` cancels.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Generic, TypeVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.validation import ValidationResult, Validator
from textual.widget import Widget
from textual.widgets import Button, Input, Label, Static

from watchtui.app.screens.once import OnceModalScreen
from watchtui.app.text import plain
from watchtui.core.errors import ModelError, WindowError
from watchtui.core.model import MAX_COUNT

__all__ = ["Check", "FormScreen", "optional_int", "whole_number"]

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


class FormScreen(OnceModalScreen[Result | None], Generic[Result]):
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
        inputs = list(self.query(Input))
        if not inputs:  # closed by a key typed ahead before it was ever shown
            return
        first = inputs[0]
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
