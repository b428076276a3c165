"""Small modal questions: confirm a deletion, resolve a file changed on disk."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Static

from watchtui.app.screens.once import OnceModalScreen

__all__ = ["ConfirmScreen", "ConflictChoice", "ConflictScreen"]

_DIALOG_CSS = """
    align: center middle;
    & > Vertical {
        width: 64;
        max-width: 100%;
        height: auto;
        border: thick $error;
        background: $panel;
        padding: 1 2;
    }
    & .buttons { height: auto; margin-top: 1; align-horizontal: right; }
    & .buttons Button { margin-left: 1; }
"""


class ConfirmScreen(OnceModalScreen[bool]):
    """Ask before something destructive; `y` confirms, `n` or escape does not.

    The focus starts on the safe button: enter alone never deletes.
    """

    DEFAULT_CSS = "ConfirmScreen {" + _DIALOG_CSS + "}"

    BINDINGS = [
        Binding("y", "answer(True)", "Yes"),
        Binding("n,escape", "answer(False)", "No"),
    ]

    def __init__(self, question: Text, yes: str = "Delete", *, undoable: bool = True) -> None:
        super().__init__()
        self.question = question
        self.yes = yes
        self.undoable = undoable
        """Whether ctrl+z takes the answer back (not so for quitting)."""

    def compose(self) -> ComposeResult:
        with Vertical() as box:
            box.border_title = "Confirm"
            yield Static(self.question)
            hint = "y: yes · n or esc: no" + (" — ctrl+z undoes it afterwards" * self.undoable)
            yield Static(Text(hint, "dim"))
            with Horizontal(classes="buttons"):
                yield Button("Keep", id="no")
                yield Button(self.yes, variant="error", id="yes")

    def on_mount(self) -> None:
        self.query_one("#no", Button).focus()

    def action_answer(self, answer: bool) -> None:
        self.dismiss(answer)

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")


class ConflictChoice:
    RELOAD = "reload"
    OVERWRITE = "overwrite"
    CANCEL = "cancel"


class ConflictScreen(OnceModalScreen[str]):
    """The file changed on disk since it was read: the user decides, nothing is lost silently.

    The focus starts on Cancel: enter alone keeps the change unsaved, and neither
    drops it nor writes over the other program's.
    """

    DEFAULT_CSS = "ConflictScreen {" + _DIALOG_CSS + "}"

    BINDINGS = [
        Binding("r", "choose('reload')", "Reload"),
        Binding("o", "choose('overwrite')", "Overwrite"),
        Binding("c,escape", "choose('cancel')", "Cancel"),
    ]

    def __init__(self, path: str) -> None:
        super().__init__()
        self.path = path

    def compose(self) -> ComposeResult:
        with Vertical() as box:
            box.border_title = "The file changed on disk"
            yield Static(
                Text.assemble(
                    (self.path, "bold"),
                    " was changed by another program since watchtui read it.\n\n",
                    ("r", "bold"),
                    " reload it (your last change is dropped)\n",
                    ("o", "bold"),
                    " overwrite it with what you see here (the change made on disk is lost)\n",
                    ("c", "bold"),
                    " cancel: keep your change unsaved for now",
                )
            )
            with Horizontal(classes="buttons"):
                yield Button("Cancel", id="cancel")
                yield Button("Overwrite", variant="error", id="overwrite")
                yield Button("Reload", variant="primary", id="reload")

    def on_mount(self) -> None:
        self.query_one("#cancel", Button).focus()

    def action_choose(self, choice: str) -> None:
        self.dismiss(choice)

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id or ConflictChoice.CANCEL)
