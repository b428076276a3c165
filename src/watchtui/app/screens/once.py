"""Screens that close once: keys queued behind the one that closed a screen must not
close the screen below it too.

A fast `enter enter` (or `d`, `tab`, `enter` typed ahead of the screen) reaches a
form or a question twice: Textual's `dismiss` would then run the answer's
callback again and pop the screen underneath, the main screen itself, which stops
the app. Every screen that answers with `dismiss` derives from one of these.
"""

from __future__ import annotations

from typing import TypeVar

from textual.await_complete import AwaitComplete
from textual.screen import ModalScreen, Screen

__all__ = ["OnceModalScreen", "OnceScreen"]

R = TypeVar("R")


class OnceScreen(Screen[R]):
    """A screen whose `dismiss` acts only the first time, and only while it is on top."""

    closing = False

    def dismiss(self, result: R | None = None) -> AwaitComplete:
        if self.closing or not self.is_active:
            return AwaitComplete()
        self.closing = True
        return super().dismiss(result)


class OnceModalScreen(ModalScreen[R]):
    """A modal screen whose `dismiss` acts only the first time, and only while on top."""

    closing = False

    def dismiss(self, result: R | None = None) -> AwaitComplete:
        if self.closing or not self.is_active:
            return AwaitComplete()
        self.closing = True
        return super().dismiss(result)
