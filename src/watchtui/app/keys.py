"""Every key of the main screen, in one table.

The screen's and the panes' bindings, the Footer, the help screen, the command
palette's commands and the README's key table (checked by a test) all come from
`COMMANDS`: a key is added, moved or renamed here and nowhere else.

Each command says where it applies: in any pane of the main screen, or only in
some panes, where it acts on the focused pane's selected item. The Footer
shows, for the focused pane, the commands whose `footer` names that pane; it
has to fit 80 columns, so the screen-wide commands are not all shown in every
pane (they all work there, and all are in the help and the palette).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from enum import StrEnum

from textual.binding import Binding, BindingType

__all__ = [
    "COMMANDS",
    "Command",
    "Pane",
    "command",
    "help_markdown",
    "key_text",
    "pane_bindings",
    "readme_rows",
    "screen_bindings",
    "typed_in_filter",
]


class Pane(StrEnum):
    """The main screen's panes, as the focus moves through them."""

    SHOWS = "shows"
    SEASONS = "seasons"
    CAST = "cast"


EVERYWHERE = frozenset(Pane)
ITEM_ACTIONS = frozenset({"edit", "delete", "toggle_watched", "episode", "history"})
"""Pane actions on the pane's selected item: unavailable when it has none."""


@dataclass(frozen=True, slots=True)
class Command:
    keys: tuple[str, ...]
    """Key names as Textual spells them; the first is the one the Footer shows."""
    action: str
    """The action run, with its parameters: `episode(1)`."""
    label: str
    """A word or two for the Footer."""
    help: str
    """What it does, for the help screen, the palette and the README."""
    panes: frozenset[Pane] = frozenset()
    """The panes whose own command it is, on their selection; none: screen-wide."""
    footer: frozenset[Pane] = frozenset()
    """The panes whose Footer shows it."""
    palette: str = ""
    """Its title in the command palette; empty: not offered there."""
    textual: bool = False
    """Textual's own action (focus moves, the palette): the panes bind the focus
    moves again, so that they too run in the order typed."""

    @property
    def screen_wide(self) -> bool:
        return not self.panes

    @property
    def name(self) -> str:
        """The action without its parameters."""
        return self.action.partition("(")[0]


_SHOWS, _SEASONS, _CAST = Pane.SHOWS, Pane.SEASONS, Pane.CAST


def _in(*panes: Pane) -> frozenset[Pane]:
    return frozenset(panes)


COMMANDS: tuple[Command, ...] = (
    # The focused pane's item first: the Footer lists the pane's keys first.
    Command(
        ("e", "enter"), "edit", "Edit", "edit the selected item of the focused pane",
        EVERYWHERE, footer=EVERYWHERE, palette="Edit",
    ),
    Command(
        ("d", "delete"), "delete", "Delete", "delete the selected item, after a confirmation",
        EVERYWHERE, footer=EVERYWHERE, palette="Delete",
    ),
    Command(
        ("w", "space"), "toggle_watched", "Watched",
        "mark the selected season watched / unwatched",
        _in(_SEASONS), footer=_in(_SEASONS), palette="Toggle watched",
    ),
    Command(
        ("plus", "equals_sign"), "episode(1)", "+1", "one episode more watched",
        _in(_SEASONS), footer=_in(_SEASONS), palette="One more episode",
    ),
    Command(
        ("minus",), "episode(-1)", "-1", "one episode less watched",
        _in(_SEASONS), footer=_in(_SEASONS), palette="One episode less",
    ),
    Command(
        ("h",), "history", "History",
        "the selected season's window claims, oldest first, with their verdicts",
        _in(_SEASONS), palette="Claim history",
    ),
    Command(
        ("a",), "add_show", "Show+", "add a show",
        footer=_in(_SHOWS, _CAST), palette="Add a show",
    ),
    Command(
        ("n",), "add_season", "Season+", "add a season to the selected show (its number prefilled)",
        footer=_in(_SHOWS, _SEASONS), palette="Add a season",
    ),
    Command(
        ("c",), "add_cast", "Cast+", "add a cast note to the selected show",
        footer=_in(_SHOWS, _CAST), palette="Add a cast note",
    ),
    Command(
        ("r",), "refresh", "Refresh", "refresh the selected show from TVmaze (data: TVmaze.com)",
        palette="Refresh from TVmaze",
    ),
    Command(
        ("R",), "refresh(True)", "Refresh all",
        "refresh every show with a TVmaze, IMDb or TheTVDB id from TVmaze, with progress",
        palette="Refresh all from TVmaze",
    ),
    Command(
        ("ctrl+z",), "undo", "Undo", "undo the last change (repeat for earlier ones)",
        footer=EVERYWHERE, palette="Undo",
    ),
    Command(
        ("ctrl+y",), "redo", "Redo", "redo what undo took back (until the next change)",
        palette="Redo",
    ),
    Command(
        ("slash",), "find", "Find", "filter shows by title as you type", palette="Find",
    ),
    Command(("escape",), "clear_find", "Clear", "clear the title filter"),
    Command(
        ("f",), "cycle_filter", "Filter",
        "cycle the filter: all, hinted, upcoming, watching, completed", palette="Cycle filter",
    ),
    Command(
        ("u",), "upcoming", "Upcoming",
        "upcoming timeline: overdue hints, ready to watch, then by month, quarter, year",
        palette="Upcoming timeline",
    ),
    Command(
        ("i",), "import_export", "Import",
        "import another tracker's export (IMDb, Trakt, TV Time, …): a preview, then confirm",
        palette="Import…",
    ),
    Command(("up", "k"), "cursor_up", "Up", "move up in the focused pane", EVERYWHERE),
    Command(("down", "j"), "cursor_down", "Down", "move down in the focused pane", EVERYWHERE),
    Command(("home", "g"), "first", "First", "go to the first row of the focused pane", EVERYWHERE),
    Command(("end", "G"), "last", "Last", "go to the last row of the focused pane", EVERYWHERE),
    Command(("pageup",), "page_up", "Page up", "one page up", EVERYWHERE),
    Command(("pagedown",), "page_down", "Page down", "one page down", EVERYWHERE),
    Command(("tab",), "app.focus_next", "Next", "next pane", textual=True),
    Command(("shift+tab",), "app.focus_previous", "Previous", "previous pane", textual=True),
    Command(
        ("question_mark", "f1"), "help", "Help", "keys and the meaning of the marks",
        footer=EVERYWHERE, palette="Help",
    ),
    Command(
        ("ctrl+p",), "app.command_palette", "Palette",
        "command palette: jump to a show by name, run any action", textual=True,
    ),
    Command(("q",), "quit", "Quit", "quit (everything is already saved)", footer=EVERYWHERE),
)  # fmt: skip
"""Every key of the main screen, in the order the Footer and the help list them."""

_SHOWN = {
    "slash": "/",
    "question_mark": "?",
    "plus": "+",
    "equals_sign": "=",
    "minus": "-",
    "up": "↑",
    "down": "↓",
    "pageup": "pgup",
    "pagedown": "pgdn",
}


def command(action: str) -> Command:
    """The command that runs an action."""
    return next(command for command in COMMANDS if command.action == action)


def key_text(key: str) -> str:
    """A key as a person reads it: `/` for slash, `pgup` for pageup."""
    return _SHOWN.get(key, key)


_CHARACTERS = {"slash", "question_mark", "plus", "minus", "equals_sign", "space"}


def _typed(key: str) -> bool:
    """Whether a key types a character into a text field."""
    return len(key) == 1 or key in _CHARACTERS


def _binding(
    command: Command, action: str, show: bool, *, priority: bool = True, typing: bool = False
) -> Binding:
    """A command's binding (of one of its keys, or all). Every key of the main screen
    is a priority binding: Textual runs it as the key arrives, in the order typed,
    so a key that opens a form or moves the focus has done so before the keys typed
    after it are handed on (typed fast, a new show's title would otherwise reach
    the shows list, where `e` edits and `d` deletes). With `typing` (the title
    filter may have the focus), the Footer shows a key that types nothing (`f1`
    for help, not `?`), where the command has one."""
    first = command.keys[0]
    if typing:
        first = next((key for key in command.keys if not _typed(key)), first)
    # The Footer shows the first key, even when a base widget bound another one first
    # (a table's enter); Textual's own display for a modifier: ^z.
    display = None if "+" in first else key_text(first)
    return Binding(
        ",".join(command.keys),
        action,
        command.label,
        show=show,
        key_display=display,
        tooltip=command.help,
        priority=priority,
    )


def pane_bindings(pane: Pane) -> list[BindingType]:
    """A pane's bindings: its own commands, and every screen-wide one.

    All of them are priority bindings, so that on the main screen every key runs
    as it arrives, in the order typed (see `_binding`). A screen-wide command is
    bound again by each pane, to the screen's action, with its Footer showing the
    ones `footer` names for it.
    """
    bindings: list[BindingType] = []
    for command in COMMANDS:
        if command.action == "app.command_palette":
            continue  # Textual's own, already a priority binding
        if command.screen_wide:
            action = command.action if command.textual else f"screen.{command.action}"
            bindings.append(_binding(command, action, pane in command.footer))
        elif pane in command.panes:
            bindings.append(_binding(command, command.action, pane in command.footer))
    return bindings


def screen_bindings() -> list[BindingType]:
    """The main screen's bindings, for when no pane has the focus (the title filter
    does, or nothing: a filter that matches no show hides the list): the
    screen-wide commands, not priority bindings, so that the filter gets the
    characters typed into it. The Footer shows those the Shows pane shows; while
    the filter has the focus, the screen hides the ones it would type instead
    (`typed_in_filter`).

    A key of one pane (the Seasons pane's `w`) pressed elsewhere says where it
    works, rather than doing nothing or acting on an item the user is not looking at.
    """
    bindings: list[BindingType] = []
    for command in COMMANDS:
        if command.textual:
            if command.action != "app.command_palette":  # the focus moves: at once,
                bindings.append(_binding(command, command.action, False))  # see _binding
            continue
        if command.screen_wide:
            shown = Pane.SHOWS in command.footer
            bindings.append(_binding(command, command.action, shown, priority=False, typing=True))
        elif len(command.panes) == 1:
            (pane,) = command.panes
            hint = f"elsewhere('{pane.value}')"
            bindings.append(_binding(command, hint, False, priority=False))
    return bindings


def typed_in_filter(action: str) -> bool:
    """Whether every key of a screen-wide action types a character, which the title
    filter takes as typed (`q`, `a`): not that action while the filter has the
    focus (help is: `f1`)."""
    return action in _TYPED_IN_FILTER


_TYPED_IN_FILTER = frozenset(
    command.name
    for command in COMMANDS
    if command.screen_wide and all(_typed(key) for key in command.keys)
)


def _keys_cell(command: Command) -> str:
    return " / ".join(f"`{key_text(key)}`" for key in command.keys)


def readme_rows() -> Iterator[tuple[tuple[str, ...], str]]:
    """Each command's keys as shown and what it does: the README's key table."""
    for command in COMMANDS:
        yield tuple(key_text(key) for key in command.keys), command.help


def help_markdown() -> str:
    """The help screen's key tables: the screen-wide keys, those of every pane, then
    those of one pane."""
    sections: list[tuple[str, frozenset[Pane]]] = [
        ("Everywhere", frozenset()),
        ("In each pane", EVERYWHERE),
        *((f"{_TITLES[pane]} pane", frozenset({pane})) for pane in Pane),
    ]
    parts = []
    for title, panes in sections:
        rows = [
            f"| {_keys_cell(command)} | {command.help} |"
            for command in COMMANDS
            if command.panes == panes
        ]
        if rows:
            parts.append(f"## {title}\n\n| key | does |\n|---|---|\n" + "\n".join(rows))
    return "\n\n".join(parts) + "\n"


_TITLES = {Pane.SHOWS: "Shows", Pane.SEASONS: "Seasons", Pane.CAST: "Cast notes"}
