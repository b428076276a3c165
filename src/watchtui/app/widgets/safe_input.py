"""A text field that shows control characters as stand-ins, keeps them as typed, and
edits in the order the keys were typed.

Textual's Input draws its value as it is: an escape sequence in a title being
edited would reach the terminal. This one draws every line through
`core.text.printable`, so the screen shows `␛[2J` while the value, and the file,
keep exactly what was typed or pasted.

Input inserts a character the moment its key arrives, but runs an editing key
(backspace, ←, ctrl+u) through its bindings, which act only once the key has
bubbled up to the app: keys that arrive together, as fast typing or a slow
connection delivers them, were applied out of order ("abcd", backspace twice,
"xy" gave "abcd"). This one runs its own editing keys as they arrive.
"""

from __future__ import annotations

from typing import ClassVar

from rich.segment import Segment
from textual import events
from textual.binding import Binding
from textual.strip import Strip
from textual.widgets import Input

from watchtui.core.text import printable, unsafe

__all__ = ["SafeInput"]


def _editing_keys() -> dict[str, str]:
    """Input's own keys, each to its action (`backspace` → `delete_left`)."""
    return {
        key.strip(): binding.action
        for binding in Input.BINDINGS
        if isinstance(binding, Binding)
        for key in binding.key.split(",")
    }


class SafeInput(Input):
    EDITING: ClassVar[dict[str, str]] = _editing_keys()

    async def on_key(self, event: events.Key) -> None:
        """An editing key acts as it arrives, before the characters typed after it."""
        action = self.EDITING.get(event.key)
        if action is not None:
            event.stop()
            event.prevent_default()
            await self.run_action(action)

    def render_line(self, y: int) -> Strip:
        strip = super().render_line(y)
        if not any(unsafe(segment.text) for segment in strip):
            return strip
        width = strip.cell_length
        shown = [Segment(printable(segment.text), segment.style) for segment in strip]
        return Strip(shown).crop_extend(0, width, None)
