"""`watchtui add`, `season`, `watched` and `cast`: changes to the watchlist.

Each change goes through a Document, so it follows the screen's rules
(validation, atomic save, conflict check, backups).
"""

from __future__ import annotations

import argparse
from dataclasses import replace
from typing import Any

from watchtui.cli.arguments import Commands, whole_number
from watchtui.cli.files import commit, open_document
from watchtui.cli.output import UserError, shown, window_words
from watchtui.core.clock import today
from watchtui.core.document import Change, Document
from watchtui.core.model import CastNote, Confidence, Season, Show, Status, title_key
from watchtui.core.state import SeasonState, season_state
from watchtui.core.windows import parse_window

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

    season = commands.add(
        "season",
        "add a season to a show, or change the one with that number",
        cmd_season,
        epilog="Only the options given change an existing season. A window is "
        "written as said: 2025-03-14, March 2025, Q3 2025, H2 2025, late 2025, "
        "summer 2025, 2025, or TBA.",
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

    watched = commands.add(
        "watched", "mark a season watched (or unwatched with --undo)", cmd_watched
    )
    watched.add_argument("title", metavar="TITLE")
    watched.add_argument("number", metavar="NUMBER", type=whole_number)
    watched.add_argument("--undo", action="store_true", help="mark it unwatched")

    cast = commands.add(
        "cast", "add a cast note to a show (or change the one with that name)", cmd_cast
    )
    cast.add_argument("title", metavar="TITLE")
    cast.add_argument("name", metavar="NAME")
    cast.add_argument("--role", metavar="R", help="the role played, or the crew job")
    cast.add_argument("--note", metavar="TEXT", help="a free note")


def _find(document: Document, title: str) -> Show:
    show = document.watchlist.find(title)
    if show is None:
        raise UserError(f'no show named "{shown(title)}"')
    return show


def cmd_add(args: argparse.Namespace) -> int:
    document = open_document(args)
    show = Show(
        title=args.title.strip(),
        network=args.network.strip(),
        status=Status(args.status),
        added=today(),
    )
    commit(document, Change(f"add {show.title}", None, show))
    print(f'added "{shown(show.title)}" ({show.status.value})')
    return 0


def cmd_season(args: argparse.Namespace) -> int:
    document = open_document(args)
    show = _find(document, args.title)
    day = today()
    changes: dict[str, Any] = {}
    if args.episodes is not None:
        changes["episodes"] = args.episodes
    if args.window is not None:
        window = args.window.strip()
        # WindowError carries the parser's message: exit status 1. "TBA" is stored as no window.
        changes["window"] = window if parse_window(window) is not None else ""
    if args.confidence is not None:
        changes["confidence"] = Confidence(args.confidence)
    if args.source is not None:
        changes["source"] = args.source.strip()
    if {"window", "confidence", "source"} & changes.keys():
        changes["noted"] = day
    existing = show.season(args.number)
    if existing is None:
        season = Season(number=args.number, **changes)
        verb = "added"
    else:
        if not changes:
            print(f"{shown(show.title)}: {existing.label} unchanged (no option given)")
            return 0
        season = replace(existing, **changes)
        verb = "changed"
    updated = show.with_season(season, replacing=existing)
    commit(document, Change(f"{verb} {season.label} of {show.title}", show, updated))
    print(f"{shown(show.title)}: {season.label} {verb} ({window_words(season)})")
    return 0


def cmd_watched(args: argparse.Namespace) -> int:
    document = open_document(args)
    show = _find(document, args.title)
    season = show.season(args.number)
    if season is None:
        label = "specials" if args.number == 0 else f"season {args.number}"
        raise UserError(f'"{shown(show.title)}" has no {label}')
    watched = season_state(season, today()) is SeasonState.WATCHED
    if args.undo:
        if not watched and season.watched == 0:
            print(f"{shown(show.title)}: {season.label} is not marked watched")
            return 0
        changed, word = season.marked_unwatched(), "unwatched"
    else:
        if watched:
            print(f"{shown(show.title)}: {season.label} is already watched")
            return 0
        changed, word = season.marked_watched(today()), "watched"
    updated = show.with_season(changed, replacing=season)
    commit(document, Change(f"mark {season.label} of {show.title} {word}", show, updated))
    print(f"{shown(show.title)}: {season.label} marked {word}")
    return 0


def cmd_cast(args: argparse.Namespace) -> int:
    document = open_document(args)
    show = _find(document, args.title)
    name = args.name.strip()
    existing = next((n for n in show.cast if title_key(n.name) == title_key(name)), None)
    if existing is None:
        note = CastNote(name=name, role=(args.role or "").strip(), note=(args.note or "").strip())
        verb = "added"
    else:
        note = replace(
            existing,
            role=existing.role if args.role is None else args.role.strip(),
            note=existing.note if args.note is None else args.note.strip(),
        )
        if note == existing:
            print(f"{shown(show.title)}: cast note for {shown(existing.name)} unchanged")
            return 0
        verb = "changed"
    updated = show.with_cast(note, replacing=existing)
    commit(document, Change(f"{verb} cast note {note.name} of {show.title}", show, updated))
    print(f"{shown(show.title)}: cast note for {shown(note.name)} {verb}")
    return 0
