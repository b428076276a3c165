"""What the three panes share: their bindings come from the command table, and
their own commands act on their selected item by telling the screen.

A pane never changes the watchlist: it posts a message naming the item (the
show, season or cast note under its cursor) and the screen carries it out.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.message import Message

from watchtui.app.keys import ITEM_ACTIONS, Pane
from watchtui.core.model import CastNote, Season, Show

__all__ = ["Item", "ItemPane", "PaneRequest"]

Item = Show | Season | CastNote


class PaneRequest(Message):
    """A pane's command on its item: `edit`, `delete`, `toggle_watched` or `episode`."""

    def __init__(self, action: str, item: Item, step: int = 0) -> None:
        self.action = action
        self.item = item
        self.step = step
        super().__init__()


if TYPE_CHECKING:
    from textual.widget import Widget as _Base
else:
    _Base = object  # a mixin: Textual takes a widget's CSS from its first widget base


class ItemPane(_Base):
    """A pane with a selected item: mixed into a widget, before it, by the panes.
    Subclasses set PANE and BINDINGS and give `item`."""

    PANE: Pane = Pane.SHOWS

    _had_item: bool | None = None

    @property
    def item(self) -> Item | None:
        """The item under the cursor, if any."""
        raise NotImplementedError

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ITEM_ACTIONS:
            return self.item is not None or None  # None: shown, dimmed
        return True

    def item_moved(self) -> None:
        """Refresh the Footer when the pane gains or loses an item (only then: a
        refresh recomposes the whole Footer)."""
        has_item = self.item is not None
        if has_item != self._had_item:
            self._had_item = has_item
            self.refresh_bindings()

    def _request(self, action: str, step: int = 0) -> None:
        item = self.item
        if item is not None:
            self.post_message(PaneRequest(action, item, step))

    def action_edit(self) -> None:
        self._request("edit")

    def action_delete(self) -> None:
        self._request("delete")
