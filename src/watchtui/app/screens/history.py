"""The history of a season's window (`h` on the Seasons pane): every claim about it,
oldest first, with how sure it was, who said it, when, and what became of it."""

from __future__ import annotations

from datetime import date

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import DataTable, Static

from watchtui.app.keys import command
from watchtui.app.text import plain, printable
from watchtui.app.widgets.show_table import fit_widths
from watchtui.core.claims import Verdict, confidence_glyph, judge, real_date, verdict_glyph
from watchtui.core.model import Confidence, Season, Show

__all__ = ["HistoryScreen"]

_COLUMNS = ("Noted", "Window", "Confidence", "Verdict", "Source")

_VERDICT_CLASS = {
    Verdict.RIGHT: "history--right",
    Verdict.EARLY: "history--wrong",
    Verdict.LATE: "history--wrong",
    Verdict.OVERDUE: "history--wrong",
    Verdict.PENDING: "history--quiet",
    Verdict.NONE: "history--quiet",
}

_CONFIDENCE_STYLE = {
    Confidence.CONFIRMED: "",
    Confidence.HINTED: "bold",
    Confidence.RUMORED: "italic",
}


class HistoryScreen(ModalScreen[None]):
    """A season's claims, oldest first, the current one last; escape closes it."""

    DEFAULT_CSS = """
    HistoryScreen {
        align: center middle;
        & > Vertical {
            width: 110;
            max-width: 100%;
            height: auto;
            max-height: 90%;
            border: thick $primary;
            background: $panel;
            padding: 0 1;
        }
        & #summary { height: auto; margin-bottom: 1; }
        & DataTable { height: auto; max-height: 20; background: $panel; overflow-x: hidden; }
        & #legend { height: auto; margin-top: 1; color: $text-muted; }
        & > .history--right { color: $success; text-style: bold; }
        & > .history--wrong { color: $error; text-style: bold; }
        & > .history--quiet { color: $text-muted; }
    }
    """

    COMPONENT_CLASSES = {"history--right", "history--wrong", "history--quiet"}

    # The key that opens it closes it too.
    BINDINGS = [Binding(",".join(("escape", "q", *command("history").keys)), "close", "Close")]

    def __init__(self, show: Show, season: Season, today: date) -> None:
        super().__init__()
        self.show = show
        self.season = season
        self.today = today

    def compose(self) -> ComposeResult:
        with Vertical() as box:
            box.border_title = f"{printable(self.show.title)} — {self.season.label}: history"
            box.border_subtitle = "esc close"
            yield Static(self._summary(), id="summary")
            yield DataTable(cursor_type="row", show_cursor=False, id="claims")
            yield Static(
                "Verdicts: ✓ right (the real date fell in the window) · « early / » late "
                "(the window ended before / started after it) · … pending (no real date "
                "yet) · ⚠ overdue (a hint whose window ended unconfirmed) · · none (no window)",
                id="legend",
            )

    def _summary(self) -> Text:
        claims = self.season.claims
        if not claims:
            return Text("Nothing has been said about this season's release window yet.", "dim")
        real = real_date(self.season)
        count = f"{len(claims)} claim{'s' * (len(claims) != 1)}, oldest first. "
        if real is None:
            return Text.assemble(count, ("The real date is not known yet.", "dim"))
        how = "finished watching" if real == self.season.finished else "the confirmed day"
        return Text.assemble(count, "Real date: ", (real.isoformat(), "bold"), f" ({how}).")

    def on_mount(self) -> None:
        self.fill()

    def fill(self) -> None:
        table = self.query_one(DataTable)
        rows: list[list[Text]] = []
        for judged in judge(self.season, self.today):
            claim = judged.claim
            style = self.get_component_rich_style(_VERDICT_CLASS[judged.verdict], partial=True)
            verdict = f"{verdict_glyph(judged.verdict)} {judged.verdict.value}"
            has_window = claim.range is not None
            rows.append(
                [
                    Text(claim.noted.isoformat() if claim.noted else "—"),
                    plain(claim.window.strip()) if has_window else Text("TBA", style="dim"),
                    Text(
                        f"{confidence_glyph(claim.confidence)} {claim.confidence.value}",
                        style=_CONFIDENCE_STYLE[claim.confidence],
                    ),
                    Text(verdict + " (now)" * judged.current, style=style),
                    plain(claim.source) if claim.source.strip() else Text("—", style="dim"),
                ]
            )
        # The box is 110 columns wide, less its border and padding.
        room = min(self.app.size.width, 110) - 4 - 1
        widths = fit_widths(_COLUMNS, rows, room, table.cell_padding)
        for label, width in zip(_COLUMNS, widths, strict=True):
            table.add_column(label, width=width)
        for row in rows:
            table.add_row(*row)

    def action_close(self) -> None:
        self.dismiss(None)
