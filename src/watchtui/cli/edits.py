"""`watchtui add`, `season`, `watched` and `cast`: changes to the watchlist.

Each change is made by the edit rules of `watchtui.core.edits`, the ones the
screen follows, and saved through a Document (validation, atomic save, conflict
check, backups). An edit that would change nothing is said on stdout, status 0.
"""

from __future__ import annotations

import argparse
from typing import Any

from watchtui.cli.arguments import Commands, day, whole_number
from watchtui.cli.files import commit, open_document, show_named
from watchtui.cli.output import shown, window_words
from watchtui.core import edits
from watchtui.core.clock import today
from watchtui.core.errors import ModelError
from watchtui.core.model import CastNote, Confidence, Season, Show, Status, replace

__all__ = ["register"]


def register(commands: Commands) -> None:
    add = commands.add("add", "add a show", cmd_add)
    add.add_argument("title", metavar="TITLE")
    add.add_argument("--network", metavar="N", default="", help="network or platform")
    add.add_argument(
        "--status",
        metavar="S",
        choices=[s.value for s in Status],
        default=Status.WATCHING.value,
        help=f"one of {', '.join(s.value for s in Status)} (default: watching)",
    )
    online = add.add_mutually_exclusive_group()
    online.add_argument(
        "--tvmaze", metavar="ID", type=whole_number, help="fill it in from this TVmaze show"
    )
    online.add_argument(
        "--lookup", action="store_true", help="fill it in from TVmaze's best match for TITLE"
    )

    season = commands.add(
        "season",
        "add a season to a show, or change the one with that number",
        cmd_season,
        epilog="Only the options given change an existing season. A new --window, "
        "--confidence or --source is a new claim: the season's current one is kept "
        "among its earlier claims (watchtui history shows them), and its source stays "
        "only if the window and confidence do. A window is written as said: "
        "2025-03-14, March 2025, Q3 2025, H2 2025, late 2025, summer 2025, 2025, or TBA.",
    )
    season.add_argument("title", metavar="TITLE")
    season.add_argument("number", metavar="NUMBER", type=whole_number, help="0 for specials")
    season.add_argument("--episodes", metavar="N", type=whole_number, help="how many episodes")
    season.add_argument("--window", metavar="TEXT", help='release window, e.g. "late 2025"')
    season.add_argument(
        "--confidence",
        metavar="C",
        choices=[c.value for c in Confidence],
        help="confirmed, hinted or rumored (a new season: confirmed)",
    )
    season.add_argument("--source", metavar="TEXT", help="who said it")
    season.add_argument(
        "--noted",
        metavar="DATE",
        type=day,
        help="when the claim was noted, as 2025-03-14 (default: today, for a new claim)",
    )

    watched = commands.add(
        "watched",
        "mark a season watched (unwatched with --undo, partly watched with --episodes)",
        cmd_watched,
        epilog="Marking watched sees every episode; --undo only unmarks a season "
        "watched in full, so that progress is never lost by accident (--episodes 0 "
        "clears it). Seeing the last episode with --episodes marks the season watched, "
        "finished today or --on the day given.",
    )
    watched.add_argument("title", metavar="TITLE")
    watched.add_argument("number", metavar="NUMBER", type=whole_number)
    how = watched.add_mutually_exclusive_group()
    how.add_argument("--undo", action="store_true", help="mark it unwatched")
    how.add_argument("--episodes", metavar="K", type=whole_number, help="K episodes seen so far")
    watched.add_argument(
        "--on",
        metavar="DATE",
        type=day,
        help="the day it was finished, as 2025-03-14 (default: today)",
    )

    cast = commands.add(
        "cast", "add a cast note to a show (or change the one with that name)", cmd_cast
    )
    cast.add_argument("title", metavar="TITLE")
    cast.add_argument("name", metavar="NAME")
    cast.add_argument("--role", metavar="R", help="the role played, or the crew job")
    cast.add_argument("--note", metavar="TEXT", help="a free note")


def _unchanged(show: Show, reason: edits.Unchanged) -> int:
    """Nothing to change is not an error: say so, exit status 0."""
    print(f"{shown(show.title)}: {shown(str(reason))}")
    return 0


def cmd_add(args: argparse.Namespace) -> int:
    if args.tvmaze is not None or args.lookup:
        from watchtui.cli.online import cmd_add_online

        return cmd_add_online(args)
    document = open_document(args)
    draft = Show(title=args.title, network=args.network, status=Status(args.status))
    change = edits.add_show(document.watchlist, draft, today=today())
    commit(document, change)
    show = change.after
    assert show is not None
    print(f'added "{shown(show.title)}" ({show.status.value})')
    return 0


def cmd_season(args: argparse.Namespace) -> int:
    document = open_document(args)
    show = show_named(document.watchlist, args.title)
    confidence = None if args.confidence is None else Confidence(args.confidence)
    existing = show.season(args.number)
    try:
        if existing is None:
            given: dict[str, Any] = {
                name: value
                for name, value in (
                    ("episodes", args.episodes),
                    ("window", args.window),
                    ("confidence", confidence),
                    ("source", args.source),
                )
                if value is not None
            }
            draft = replace(Season(args.number), **given)
            change = edits.add_season(
                document.watchlist, show, draft, today=today(), noted=args.noted
            )
            verb = "added"
        else:
            options = (args.episodes, args.window, confidence, args.source, args.noted)
            if all(option is None for option in options):
                print(f"{shown(show.title)}: {existing.label} unchanged (no option given)")
                return 0
            draft = edits.claimed(
                existing, window=args.window, confidence=confidence, source=args.source
            )
            if args.episodes is not None:
                draft = replace(draft, episodes=args.episodes)
            change = edits.edit_season(
                document.watchlist, show, existing, draft, today=today(), noted=args.noted
            )
            verb = "changed"
    except edits.Unchanged as reason:
        return _unchanged(show, reason)
    commit(document, change)
    assert change.after is not None
    season = edits.find_season(change.after, args.number)
    kept = ""
    if existing is not None and len(season.earlier) > len(existing.earlier):
        kept = f"; the claim before it is kept ({window_words(existing)})"
    print(f"{shown(show.title)}: {season.label} {verb} ({window_words(season)}){kept}")
    return 0


def cmd_watched(args: argparse.Namespace) -> int:
    if args.undo and args.on is not None:  # refused before the file is read
        raise ModelError("--on is the day a season was finished: it does not go with --undo")
    document = open_document(args)
    show = show_named(document.watchlist, args.title)
    season = edits.find_season(show, args.number)
    day_now = today()
    try:
        if args.episodes is not None:
            change = edits.set_watched_episodes(
                document.watchlist, show, season, args.episodes, today=day_now, on=args.on
            )
        elif args.undo:
            change = edits.mark_unwatched(document.watchlist, show, season, today=day_now)
        else:
            change = edits.mark_watched(document.watchlist, show, season, today=day_now, on=args.on)
    except edits.Unchanged as reason:
        return _unchanged(show, reason)
    commit(document, change)
    if args.episodes is None:
        word = "unwatched" if args.undo else "watched"
        on = "" if args.on is None else f", finished {args.on.isoformat()}"
        print(f"{shown(show.title)}: {season.label} marked {word}{on}")
        return 0
    assert change.after is not None
    now = edits.find_season(change.after, args.number)
    seen = f"{now.watched} of {now.episodes}" if now.episodes is not None else f"{now.watched}"
    print(f"{shown(show.title)}: {season.label}, {seen} episode{'s' * (seen != '1')} watched")
    return 0


def cmd_cast(args: argparse.Namespace) -> int:
    document = open_document(args)
    show = show_named(document.watchlist, args.title)
    existing = edits.find_cast_note(show, args.name)
    try:
        if existing is None:
            draft = CastNote(name=args.name, role=args.role or "", note=args.note or "")
            change = edits.add_cast_note(document.watchlist, show, draft)
            verb = "added"
        else:
            draft = replace(
                existing,
                role=existing.role if args.role is None else args.role,
                note=existing.note if args.note is None else args.note,
            )
            change = edits.edit_cast_note(document.watchlist, show, existing, draft)
            verb = "changed"
    except edits.Unchanged as reason:
        return _unchanged(show, reason)
    commit(document, change)
    name = existing.name if existing is not None else args.name.strip()
    print(f"{shown(show.title)}: cast note for {shown(name)} {verb}")
    return 0
