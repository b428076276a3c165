"""`watchtui list` and `watchtui upcoming`: the watchlist as aligned text or JSON."""

from __future__ import annotations

import argparse
import json
import sys

from watchtui.cli.arguments import Commands, day
from watchtui.cli.files import read
from watchtui.cli.output import (
    has_window,
    json_safe,
    season_name,
    shown,
    state_word,
    table,
    terminal_width,
)
from watchtui.core.changes import SinceChange, changes_since
from watchtui.core.clock import today
from watchtui.core.filters import ShowFilter
from watchtui.core.formats.json import timeline_json, watchlist_json
from watchtui.core.state import SeasonState, season_state, state_glyph
from watchtui.core.timeline import Timeline, build_timeline
from watchtui.core.views import ShowIndex, StandingCache

__all__ = ["FILTERS", "register"]

# Each filter with what it keeps, for --help.
FILTERS: dict[str, str] = {
    which.value: which.description + " (the default)" * (which is ShowFilter.ALL)
    for which in ShowFilter
}


def register(commands: Commands) -> None:
    listing = commands.add(
        "list",
        "list the shows, with each one's next season",
        cmd_list,
        epilog="states for --filter:\n"
        + "\n".join(f"  {name:<11}{meaning}" for name, meaning in FILTERS.items())
        + "\n\n--json prints the shape described in docs/json.md.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    listing.add_argument(
        "--filter",
        choices=list(FILTERS),
        default="all",
        metavar="STATE",
        help="only the shows in this state (listed below)",
    )
    listing.add_argument(
        "--search",
        metavar="TEXT",
        default="",
        help="only the shows whose title matches, best first (accents, case and "
        'a leading "The" do not matter)',
    )
    shape = listing.add_mutually_exclusive_group()
    shape.add_argument("--json", action="store_true", help="print JSON, seasons included")
    shape.add_argument(
        "--titles",
        action="store_true",
        help="print only the titles, one a line, in the same order (for scripts and "
        "shell completion)",
    )

    upcoming = commands.add("upcoming", "the seasons to come, by window start", cmd_upcoming)
    upcoming.add_argument("--json", action="store_true", help="print JSON (docs/json.md)")
    upcoming.add_argument(
        "--since",
        metavar="DATE",
        type=day,
        help="instead, what changed after DATE (2025-03-14) and by today: seasons "
        "released, hints gone overdue, claims confirmed or contradicted",
    )


def cmd_list(args: argparse.Namespace) -> int:
    watchlist = read(args)
    day = today()
    which = ShowFilter(args.filter)
    # The screen's order (by title; with a search, the best matches first). JSON keeps
    # the file's order, as docs/json.md says, but for a search's.
    shows = ShowIndex(watchlist.shows).select(which, args.search, StandingCache(day))
    if args.json and not args.search.strip():
        shows = [show for show in watchlist.shows if which.matches(show, day)]
    if args.json:
        sys.stdout.write(json_safe(watchlist_json(watchlist, shows, day)))
        return 0
    if args.titles:
        sys.stdout.writelines(f"{shown(show.title)}\n" for show in shows)
        return 0
    if not shows:
        if not args.search.strip():  # a search that finds nothing prints nothing
            print("no shows" if args.filter == "all" else f"no shows are {args.filter}")
        return 0
    rows = [["TITLE", "STATUS", "WATCHED", "NEXT", "WINDOW", "CONFIDENCE", "STATE"]]
    for show in shows:
        numbered = [s for s in show.seasons if s.number != 0]
        done = sum(1 for s in numbered if season_state(s, day) is SeasonState.WATCHED)
        found = which.season_of(show, day)  # for `ready`, the season out and not yet watched
        following: list[str] = ["-", "-", "-", "-"]
        if found is not None:
            season, state = found
            following = [
                season_name(season),
                shown(season.window.strip()) if has_window(season) else "TBA",
                season.confidence.value if has_window(season) else "-",
                state_word(state),
            ]
        rows.append(
            [
                shown(show.title),
                show.status.value,
                f"{done}/{len(numbered)}",
                *following,
            ]
        )
    # Cut first the season's title, then the show's; then leave out the watched count
    # and the status; the window last.
    steps = [(3, 8), (0, 10), (2, None), (1, None), (0, 6), (4, 9)]
    fitted = table(rows, fit=terminal_width(), steps=steps)
    print("\n".join(fitted))
    return 0


def _timeline_lines(timeline: Timeline) -> list[str]:
    rows: list[list[str]] = []
    starts: dict[int, str] = {}
    for group in timeline.groups:
        starts[len(rows)] = group.label
        for entry in group.entries:
            season = entry.season_label
            if entry.season_title:
                season = f"{season}: {shown(entry.season_title)}"
            rows.append(
                [
                    state_glyph(entry.state),
                    shown(entry.show_title),
                    season,
                    shown(entry.window.strip()) if entry.start else "TBA",
                    entry.confidence.value if entry.start else "",
                    entry.note,
                    shown(entry.source),
                ]
            )
    # Cut first the source, then the note and the show's title; then leave out the
    # note; the season's title and the window last.
    steps = [(6, 6), (5, 10), (1, 10), (5, None), (1, 6), (2, 8), (3, 9)]
    aligned = table(rows, indent="  ", fit=terminal_width(), steps=steps)
    lines: list[str] = []
    for index, line in enumerate(aligned):
        if index in starts:
            if lines:
                lines.append("")
            lines.append(starts[index])
        lines.append(line)
    return lines


def _since_lines(changes: list[SinceChange]) -> list[str]:
    rows = [["SHOW", "SEASON", "CHANGE", "WINDOW", "CONFIDENCE", "SOURCE"]]
    for change in changes:
        rows.append(
            [
                shown(change.show),
                "Specials" if change.season == 0 else f"Season {change.season}",
                change.change.value,
                shown(change.window) or "TBA",
                change.confidence.value,
                shown(change.source),
            ]
        )
    # Cut first the source, then the show's title; then leave out the confidence.
    steps = [(5, 6), (0, 10), (4, None), (5, None)]
    return table(rows, fit=terminal_width(), steps=steps)


def cmd_upcoming(args: argparse.Namespace) -> int:
    day = today()
    if args.since is not None:
        changes = changes_since(read(args).shows, args.since, day)
        if args.json:
            text = json.dumps([c.as_json() for c in changes], ensure_ascii=False, indent=2)
            sys.stdout.write(json_safe(text + "\n"))
            return 0
        if not changes:
            print(f"nothing changed since {args.since.isoformat()}")
            return 0
        print("\n".join(_since_lines(changes)))
        return 0
    timeline = build_timeline(read(args).shows, day)
    if args.json:
        sys.stdout.write(json_safe(timeline_json(timeline)))
        return 0
    lines = _timeline_lines(timeline)
    print("\n".join(lines) if lines else "nothing upcoming: no season is waiting")
    return 0
