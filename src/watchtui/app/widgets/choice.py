"""A one-line choice among a few words: left/right (or h/l, space) pick, enter submits.

Forms use it for a show's status and a window's confidence: every option is
visible at once, so the user sees what else they could pick, and it takes one
row where a RadioSet takes one per option.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget

from watchtui.app.widgets.own_keys import act_at_once

__all__ = ["Choice"]


class Choice(Widget, can_focus=True):
    DEFAULT_CSS = """
    Choice {
        height: 1;
        width: 1fr;
        padding: 0 1;
        background: $surface;
        & > .choice--chosen { background: $primary-muted; color: $text; text-style: bold; }
        &:focus > .choice--chosen { background: $block-cursor-background;
                                    color: $block-cursor-foreground; }
        & > .choice--other { color: $text-muted; }
    }
    """

    COMPONENT_CLASSES = {"choice--chosen", "choice--other"}

    BINDINGS = [
        Binding("left,h", "move(-1)", "Previous", show=False),
        Binding("right,l,space", "move(1)", "Next", show=False),
    ]

    value: reactive[str] = reactive("")

    class Changed(Message):
        def __init__(self, choice: Choice, value: str) -> None:
            self.choice = choice
            self.value = value
            super().__init__()

        @property
        def control(self) -> Choice:
            return self.choice

    def __init__(self, options: Sequence[str], value: str, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.options = list(options)
        self.set_reactive(Choice.value, value if value in self.options else self.options[0])

    async def on_key(self, event: events.Key) -> None:
        await act_at_once(self, event, Choice)  # before a tab typed after it moves the focus

    def action_move(self, step: int) -> None:
        index = self.options.index(self.value)
        self.value = self.options[(index + step) % len(self.options)]

    def watch_value(self, value: str) -> None:
        self.post_message(self.Changed(self, value))

    def _separator(self) -> str:
        """ " · " between the options, or a single space where that would not leave
        room for all of them (a status field at 80 columns)."""
        wide = sum(len(option) + 2 for option in self.options) + 3 * (len(self.options) - 1)
        return " · " if wide <= self.content_size.width else " "

    def on_click(self, event: events.Click) -> None:
        offset = event.x - 1
        gap = len(self._separator())
        for option in self.options:
            if 0 <= offset < len(option) + 2:
                self.value = option
                return
            offset -= len(option) + 2 + gap

    def render(self) -> Text:
        chosen = self.get_component_rich_style("choice--chosen", partial=True)
        other = self.get_component_rich_style("choice--other", partial=True)
        text = Text(no_wrap=True, overflow="ellipsis")
        separator = self._separator()
        for index, option in enumerate(self.options):
            if index:
                text.append(separator, style=other)
            text.append(f" {option} ", style=chosen if option == self.value else other)
        return text
