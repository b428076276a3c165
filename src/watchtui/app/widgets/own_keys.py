"""Keys a widget binds for itself act the moment they arrive, in the order typed.

Textual runs a widget's (non-priority) binding once its key has bubbled up to the
app, and looks the key up in the focus chain as it stands *then*. Keys that
arrive together (fast typing, a slow connection) overtake it: the characters a
text field inserts at once go first ("Dakr", backspace twice, "rk" gave "Dakr"),
and a priority key typed after it (tab) has already moved the focus, so `→` on a
choice moved the cursor in the next field instead. A widget whose `on_key` calls
`act_at_once` runs the bindings of one class (Input's editing keys, a Choice's
arrows) as their keys arrive; its other keys (a scroll binding a base class
adds, say) go the usual way, so that the screen's bindings still see them.
"""

from __future__ import annotations

from functools import cache

from textual import events
from textual.binding import Binding
from textual.widget import Widget

__all__ = ["act_at_once", "own_keys"]


@cache
def own_keys(widget_type: type[Widget]) -> dict[str, str]:
    """The keys the class itself binds (not its bases), each to its action."""
    return {
        key.strip(): binding.action
        for binding in widget_type.__dict__.get("BINDINGS", [])
        if isinstance(binding, Binding)
        for key in binding.key.split(",")
    }


async def act_at_once(widget: Widget, event: events.Key, owner: type[Widget]) -> None:
    """Run the binding `owner` (widget's class or a base) has for the key, now; other
    keys go on as usual."""
    action = own_keys(owner).get(event.key)
    if action is not None:
        event.stop()
        event.prevent_default()
        await widget.run_action(action)
