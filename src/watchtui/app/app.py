"""The watchtui application: one document, the main screen, the palette, settings."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from functools import partial

from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.command import CommandList, CommandPalette, DiscoveryHit, Hit, Hits, Provider
from textual.content import Content
from textual.fuzzy import Matcher
from textual.screen import Screen

from watchtui.app import settings
from watchtui.app.keys import COMMANDS, key_text
from watchtui.app.screens import main_commands
from watchtui.app.screens.main import MainScreen
from watchtui.app.text import printable
from watchtui.app.widgets.pane import ItemPane
from watchtui.app.widgets.show_list import badge
from watchtui.core.changes import LastLooked, changes_since, summary
from watchtui.core.storage.document import Document

__all__ = ["WatchApp"]

_NOTICE_LINES = 5
"""Changes listed by name in the start notice; the rest are counted."""


class ShowsProvider(Provider):
    """Jump to a show by name from the command palette."""

    def _main(self) -> MainScreen | None:
        screen = self.screen
        return screen if isinstance(screen, MainScreen) else None

    async def discover(self) -> Hits:
        main = self._main()
        if main is None:
            return
        for show in main.query_one("ShowList").shows[:20]:  # type: ignore[attr-defined]
            yield DiscoveryHit(
                Content(f"Show: {printable(show.title)}"),
                partial(main.jump_to, show),
                help=badge(main.standings.get(show), main.today) or None,
            )

    async def search(self, query: str) -> Hits:
        """Shows whose title matches as the filter does (accents, case and a leading
        "The" aside), the whole title or its start first; then fuzzy matches of the
        title's letters, below them."""
        main = self._main()
        if main is None:
            return
        found = main.session.index.ranked(query)
        matched = {id(show) for _, show in found}
        for rank, show in found[:_MOST]:
            yield Hit(
                1.0 - 0.1 * rank,  # fuzzy hits score below these (capped under 0.5)
                Content(printable(show.title)),
                partial(main.jump_to, show),
                text=printable(show.title),
                help=badge(main.standings.get(show), main.today) or "jump to this show",
            )
        matcher = self.matcher(query)
        needle = query.casefold()
        for show in main.session.index.shows:
            if id(show) in matched:
                continue
            title = printable(show.title)
            # The fuzzy matcher is costly; 10,000 titles are first sifted by their letters.
            if not _has_letters(title.casefold(), needle):
                continue
            score = matcher.match(title)
            if score > 0:
                yield Hit(
                    min(score, 1.0) * 0.45,
                    _highlight(matcher, title),
                    partial(main.jump_to, show),
                    text=title,
                    help=badge(main.standings.get(show), main.today) or "jump to this show",
                )


_MOST = 200
"""Ranked matches offered at most (the palette shows a screenful anyway)."""


def _highlight(matcher: Matcher, title: str) -> Content:
    """The title with the matched letters marked; unlike `Matcher.highlight`, not markup."""
    content = Content(title)
    _, offsets = matcher.fuzzy_search.match(matcher.query, title)
    for offset in offsets:
        if not title[offset].isspace():
            content = content.stylize(matcher.match_style, offset, offset + 1)
    return content


def _has_letters(text: str, needle: str) -> bool:
    """True if the needle's characters appear in text in order (what fuzzy matching needs)."""
    position = 0
    for char in needle:
        if char == " ":
            continue
        position = text.find(char, position)
        if position < 0:
            return False
        position += 1
    return True


class Palette(CommandPalette):
    """Textual's command palette, paging safely.

    In Textual 8.2 `pagedown` pressed before the list of commands was first drawn
    raises KeyError inside the list and stops the app; here the list then goes
    to its last (or first) command instead.
    """

    BINDINGS = [
        Binding("pagedown", "page(1)", "Next page", show=False),
        Binding("pageup", "page(-1)", "Previous page", show=False),
    ]

    def action_page(self, direction: int) -> None:
        commands = list(self.query(CommandList))
        if not commands or commands[0].option_count == 0:
            return
        listed = commands[0]
        try:
            if direction > 0:
                listed.action_page_down()  # type: ignore[no-untyped-call]
            else:
                listed.action_page_up()  # type: ignore[no-untyped-call]
        except (KeyError, IndexError):  # not drawn yet: its lines are not known
            (listed.action_last if direction > 0 else listed.action_first)()


class WatchApp(App[None]):
    CSS_PATH = "app.tcss"
    TITLE = "watchtui"
    COMMANDS = App.COMMANDS | {ShowsProvider}
    ENABLE_COMMAND_PALETTE = True

    def __init__(
        self,
        document: Document,
        today: date,
        *,
        remember_theme: bool = True,
        remember_start: bool = True,
    ) -> None:
        super().__init__()
        self.document = document
        self.today = today
        self.remember_theme = remember_theme
        theme = settings.load().get("theme") if remember_theme else None
        if isinstance(theme, str) and theme in self.available_themes:
            self.theme = theme
        self.since: date | None = None
        """The day the app last started on this file (None: never, or the demo)."""
        if remember_start:
            looked = LastLooked()
            self.since = looked.get(document.path)
            looked.remember(document.path, today)

    def on_mount(self) -> None:
        if self.since is not None and self.since < self.today:
            self.call_after_refresh(self.show_since_notice)

    def show_since_notice(self) -> None:
        """What changed since the last start, in a notification that times out (a click
        dismisses it sooner); nothing when nothing changed."""
        assert self.since is not None
        changes = changes_since(self.document.watchlist.shows, self.since, self.today)
        if not changes:
            return
        lines = [summary(changes)]
        for change in changes[:_NOTICE_LINES]:
            season = "Specials" if change.season == 0 else f"S{change.season}"
            window = f" ({change.window})" if change.window else ""
            lines.append(f"{change.show} {season}: {change.change.value}{window}")
        if len(changes) > _NOTICE_LINES:
            lines.append(f"… and {len(changes) - _NOTICE_LINES} more (watchtui upcoming --since)")
        self.notify(
            "\n".join(printable(line) for line in lines),  # titles are data, one line each
            title=f"Since you last looked ({self.since.isoformat()})",
            timeout=12,
            markup=False,
        )

    def action_command_palette(self) -> None:
        open_already = any(isinstance(screen, CommandPalette) for screen in self.screen_stack)
        if self.use_command_palette and not open_already:
            self.push_screen(Palette(id="--command-palette"))

    async def action_quit(self) -> None:
        """Quit (`q`, and `ctrl+q` from anywhere) only once every change is on disk, or
        after the user said to quit without it."""
        main = next((s for s in self.screen_stack if isinstance(s, MainScreen)), None)
        if main is None:
            self.exit()
            return
        await main_commands.quit_when_saved(main)

    def get_default_screen(self) -> Screen[None]:
        return MainScreen(self.document, self.today)

    def watch_theme(self, theme: str) -> None:
        if self.remember_theme and self.is_running:
            settings.save_value("theme", theme)

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        if isinstance(screen, MainScreen):
            yield from _palette_commands(screen)
        yield from super().get_system_commands(screen)


def _palette_commands(screen: MainScreen) -> Iterable[SystemCommand]:
    """The command table's commands that can run now: the screen's, and the focused
    pane's own (run on that pane's selected item)."""
    focused = screen.focused
    for command in COMMANDS:
        if not command.palette:
            continue
        if command.screen_wide:
            target: Screen[None] | ItemPane = screen
        elif isinstance(focused, ItemPane) and focused.PANE in command.panes:
            target = focused
        else:
            continue
        if target.check_action(command.name, ()) is True:
            # The palette reads titles as markup: "[/]" (the find key) would be a
            # closing tag and stop the app, so the key is not in brackets.
            key = key_text(command.keys[0])
            yield SystemCommand(
                f"{command.palette}  ({key})",
                command.help,
                partial(target.run_action, command.action),
            )
