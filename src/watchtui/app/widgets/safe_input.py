"""A text field that shows control characters as stand-ins, keeps them as typed, and
edits in the order the keys were typed.

Textual's Input draws its value as it is: an escape sequence in a title being
edited would reach the terminal. This one draws every line through
`core.text.printable`, so the screen shows `␛[2J` while the value, and the file,
keep exactly what was typed or pasted.

Its editing keys (backspace, ←, ctrl+u) act as they arrive, before the characters
typed after them (`own_keys`).
"""

from __future__ import annotations

from rich.segment import Segment
from textual import events
from textual.strip import Strip
from textual.widgets import Input

from watchtui.app.widgets.own_keys import act_at_once
from watchtui.core.text import printable, unsafe

__all__ = ["SafeInput"]


class SafeInput(Input):
    async def on_key(self, event: events.Key) -> None:
        await act_at_once(self, event, Input)

    def render_line(self, y: int) -> Strip:
        strip = super().render_line(y)
        if not any(unsafe(segment.text) for segment in strip):
            return strip
        width = strip.cell_length
        shown = [Segment(printable(segment.text), segment.style) for segment in strip]
        return Strip(shown).crop_extend(0, width, None)
