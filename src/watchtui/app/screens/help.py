"""Keys and legend (`?` or `f1`); the keys come from the command table."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Markdown

from watchtui.app.keys import command, help_markdown
from watchtui.app.screens.once import OnceModalScreen

__all__ = ["HELP_TEXT", "HelpScreen"]

HELP_TEXT = (
    help_markdown()
    + """
## Forms

`tab` next field · `enter` save · `escape` cancel · `←` `→` pick a status or a
confidence. Problems show under their field; nothing is saved until all are fixed.

## What the marks mean

| mark | state | meaning |
|---|---|---|
| `◇` | hinted | next season hinted (an agency, an interview) or rumored, unconfirmed |
| `⚠` | overdue | that hinted window has ended with no confirmation: the hint went stale |
| `●` | upcoming | confirmed by the network or studio, not out yet |
| `·` | tba | no window yet |
| `▶` | released | out, not finished watching |
| `✓` | watched | finished |

`↺2` beside a season's window: two earlier claims about it are kept; `h` lists
them with their verdicts (`✓` right, `«` early, `»` late, `…` pending).

Windows are read as days (`2025-03-14`, `March 14, 2025`), months (`March 2025`),
quarters (`Q3 2025`), halves (`H2 2025`), thirds (`early/mid/late 2025`), broadcast
seasons (`winter/spring/summer/fall 2025`), years (`2025`) or `TBA`.
"""
)


class HelpScreen(OnceModalScreen[None]):
    DEFAULT_CSS = """
    HelpScreen {
        align: center middle;
        & > VerticalScroll {
            width: 90;
            max-width: 100%;
            height: 90%;
            border: thick $primary;
            background: $panel;
            padding: 0 1;
        }
    }
    """

    # The keys that open it close it too.
    BINDINGS = [Binding(",".join(("escape", "q", *command("help").keys)), "close", "Close")]

    def compose(self) -> ComposeResult:
        with VerticalScroll() as scroll:
            scroll.border_title = "watchtui — keys and marks"
            scroll.border_subtitle = "esc close"
            yield Markdown(HELP_TEXT)

    def on_mount(self) -> None:
        self.query_one(VerticalScroll).focus()

    def action_close(self) -> None:
        self.dismiss(None)
