"""Keys and legend (`?` or `f1`)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Markdown

__all__ = ["HELP_TEXT", "HelpScreen"]

HELP_TEXT = """\
## Everywhere

| key | does |
|---|---|
| `a` | add a show |
| `/` | filter shows by title as you type (`escape` clears) |
| `f` | cycle the filter: all, hinted, upcoming, watching, completed |
| `u` | upcoming timeline |
| `ctrl+z` | undo the last change (again for the one before) |
| `tab` / `shift+tab` | next / previous pane |
| `ctrl+p` | command palette: jump to a show, run any action |
| `?` / `f1` | this help |
| `q` | quit — everything is already saved |

## Shows pane

| key | does |
|---|---|
| `↑` `↓` / `j` `k` | move; `home` `end` `pgup` `pgdn` too |
| `n` | add a season to this show (number prefilled) |
| `c` | add a cast note to this show |
| `e` / `enter` | edit the show |
| `d` / `delete` | delete the show, after a confirmation |

## Seasons pane

| key | does |
|---|---|
| `w` / `space` | mark the season watched / unwatched |
| `+` / `-` | one episode more / less watched |
| `n` | add a season |
| `e` / `enter` | edit the season |
| `d` / `delete` | delete the season, after a confirmation |

## Cast notes pane

| key | does |
|---|---|
| `c` | add a cast note |
| `e` / `enter` | edit the note |
| `d` / `delete` | delete the note, after a confirmation |

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

Windows are read as days (`2025-03-14`, `March 14, 2025`), months (`March 2025`),
quarters (`Q3 2025`), halves (`H2 2025`), thirds (`early/mid/late 2025`), broadcast
seasons (`winter/spring/summer/fall 2025`), years (`2025`) or `TBA`.
"""


class HelpScreen(ModalScreen[None]):
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

    BINDINGS = [Binding("escape,q,question_mark,f1", "close", "Close")]

    def compose(self) -> ComposeResult:
        with VerticalScroll() as scroll:
            scroll.border_title = "watchtui — keys and marks"
            scroll.border_subtitle = "esc close"
            yield Markdown(HELP_TEXT)

    def on_mount(self) -> None:
        self.query_one(VerticalScroll).focus()

    def action_close(self) -> None:
        self.dismiss(None)
