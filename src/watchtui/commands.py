"""Commands for scripts: list, upcoming, add, season, watched, cast, export, import.

Each command is thin: it reads arguments, asks the core, and prints. Changes go
through a Document, so they follow the screen's rules (validation, atomic save,
conflict check, backups). Human output is plain aligned text; `--json` output is
the stable shape of docs/json.md. Textual is never imported here.
"""

from __future__ import annotations

import argparse
import os
import secrets
import sys
import unicodedata
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import Any

from watchtui.cli import UserError
from watchtui.core.clock import today
from watchtui.core.document import Change, Document
from watchtui.core.ical import calendar_text
from watchtui.core.imports import ImportFormat, plan_merge, read_import
from watchtui.core.interchange import timeline_json, watchlist_csv, watchlist_json
from watchtui.core.locations import resolve_file
from watchtui.core.model import (
    CastNote,
    Confidence,
    Season,
    Show,
    Status,
    Watchlist,
    replace,
    title_key,
)
from watchtui.core.state import SeasonState, next_season, season_state, state_glyph
from watchtui.core.timeline import Timeline, build_timeline
from watchtui.core.windows import parse_window

__all__ = ["FILTERS", "register"]

FileOption = Callable[[argparse.ArgumentParser], None]

# Each filter with what it keeps, for --help and for the code that applies it.
FILTERS: dict[str, str] = {
    "all": "every show (the default)",
    "hinted": "the next season has a hinted or rumored window (overdue ones too)",
    "overdue": "the next season's hint has passed with no confirmation",
    "upcoming": "the next season has a confirmed window still ahead",
    "tba": "the next season has no window yet",
    "ready": "a season is out and not yet watched",
    **{status.value: f"shows you marked {status.value}" for status in Status},
}


def register(commands: Any, file_option: FileOption) -> None:
    """Add the scripting commands to the `watchtui` parser."""

    def command(
        name: str, help: str, handler: Callable[[argparse.Namespace], int], **kw: Any
    ) -> Any:
        parser = commands.add_parser(name, help=help, description=help[:1].upper() + help[1:], **kw)
        file_option(parser)
        parser.set_defaults(handler=handler)
        return parser

    listing = command(
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
    listing.add_argument("--json", action="store_true", help="print JSON, seasons included")

    upcoming = command("upcoming", "the seasons to come, by window start", cmd_upcoming)
    upcoming.add_argument("--json", action="store_true", help="print JSON (docs/json.md)")

    add = command("add", "add a show", cmd_add)
    add.add_argument("title", metavar="TITLE")
    add.add_argument("--network", metavar="N", default="", help="network or platform")
    add.add_argument(
        "--status",
        metavar="S",
        choices=[s.value for s in Status],
        default=Status.WATCHING.value,
        help=f"one of {', '.join(s.value for s in Status)} (default: watching)",
    )

    season = command(
        "season",
        "add a season to a show, or change the one with that number",
        cmd_season,
        epilog="Only the options given change an existing season. A window is "
        "written as said: 2025-03-14, March 2025, Q3 2025, H2 2025, late 2025, "
        "summer 2025, 2025, or TBA.",
    )
    season.add_argument("title", metavar="TITLE")
    season.add_argument("number", metavar="NUMBER", type=_whole_number, help="0 for specials")
    season.add_argument("--episodes", metavar="N", type=_whole_number, help="how many episodes")
    season.add_argument("--window", metavar="TEXT", help='release window, e.g. "late 2025"')
    season.add_argument(
        "--confidence",
        metavar="C",
        choices=[c.value for c in Confidence],
        help="confirmed, hinted or rumored (a new season: confirmed)",
    )
    season.add_argument("--source", metavar="TEXT", help="who said it")

    watched = command("watched", "mark a season watched (or unwatched with --undo)", cmd_watched)
    watched.add_argument("title", metavar="TITLE")
    watched.add_argument("number", metavar="NUMBER", type=_whole_number)
    watched.add_argument("--undo", action="store_true", help="mark it unwatched")

    cast = command("cast", "add a cast note to a show (or change the one with that name)", cmd_cast)
    cast.add_argument("title", metavar="TITLE")
    cast.add_argument("name", metavar="NAME")
    cast.add_argument("--role", metavar="R", help="the role played, or the crew job")
    cast.add_argument("--note", metavar="TEXT", help="a free note")

    export = command(
        "export",
        "write the watchlist as JSON, CSV or iCalendar",
        cmd_export,
        epilog="json: every field, read back losslessly by `watchtui import`. "
        "csv: one row per season. ics: each unreleased season with a window as an "
        "all-day event; hinted and rumored ones are tentative.",
    )
    export.add_argument(
        "--format", required=True, choices=["json", "csv", "ics"], help="json, csv or ics"
    )
    export.add_argument("-o", "--output", metavar="FILE", help="write here (default: stdout)")

    importing = command(
        "import",
        "merge shows from a watchtui JSON export, an IMDb list CSV or a Trakt export",
        cmd_import,
        epilog="Shows are matched by title, ignoring case: nothing is duplicated, "
        "watched progress is never lowered and your own values are kept. A file "
        "that is not what it claims changes nothing.",
    )
    importing.add_argument("source", metavar="FILE", help="the file to import")
    importing.add_argument(
        "--format",
        choices=[f.value for f in ImportFormat],
        default=ImportFormat.AUTO.value,
        help="what the file is (default: auto, told from its content)",
    )


def _whole_number(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if value < 0:
        raise argparse.ArgumentTypeError(f"must be 0 or more, not {value}")
    return value


# ---------------------------------------------------------------------------
# Plain text


def _shown(text: str) -> str:
    """User text as typed, with control characters made visible so they cannot drive the
    terminal or break a line."""
    if text.isprintable():
        return text
    return "".join(
        ch if ch.isprintable() or ch == " " else ch.encode("unicode_escape").decode("ascii")
        for ch in text
    )


def _width(text: str) -> int:
    """Columns a text takes in a terminal: wide East Asian characters take two."""
    total = 0
    for character in text:
        if unicodedata.combining(character) or unicodedata.category(character) == "Cf":
            continue
        total += 2 if unicodedata.east_asian_width(character) in ("W", "F") else 1
    return total


def _table(rows: Sequence[Sequence[str]], indent: str = "") -> list[str]:
    """Rows as aligned columns (two spaces apart), trailing spaces trimmed."""
    if not rows:
        return []
    widths = [max(_width(row[i]) for row in rows) for i in range(len(rows[0]))]
    lines = []
    for row in rows:
        cells = [cell + " " * (widths[i] - _width(cell)) for i, cell in enumerate(row)]
        lines.append((indent + "  ".join(cells)).rstrip())
    return lines


def _state_word(state: SeasonState) -> str:
    return f"{state_glyph(state)} {state.value}"


def _season_name(season: Season) -> str:
    return f"{season.label}: {_shown(season.title)}" if season.title else season.label


# ---------------------------------------------------------------------------
# Reading


def _path(args: argparse.Namespace) -> Path:
    return resolve_file(args.file)


def _read(args: argparse.Namespace) -> Watchlist:
    """The watchlist, for a command that only reads (a large file opens from the cache)."""
    return Document.open(_path(args)).watchlist


def _commit(document: Document, change: Change) -> None:
    document.commit(change)


def _find(document: Document, title: str) -> Show:
    show = document.watchlist.find(title)
    if show is None:
        raise UserError(f'no show named "{_shown(title)}"')
    return show


def _keeps(show: Show, name: str, day: date) -> bool:
    if name == "all":
        return True
    if name in {status.value for status in Status}:
        return show.status.value == name
    if name == "ready":
        return any(season_state(s, day) is SeasonState.RELEASED for s in show.seasons)
    found = next_season(show, day)
    state = found[1] if found else None
    if name == "hinted":
        return state in (SeasonState.HINTED, SeasonState.OVERDUE)
    return state is not None and state.value == name


def cmd_list(args: argparse.Namespace) -> int:
    watchlist = _read(args)
    day = today()
    shows = [show for show in watchlist.shows if _keeps(show, args.filter, day)]
    if args.json:
        sys.stdout.write(watchlist_json(watchlist, shows, day))
        return 0
    if not shows:
        print("no shows" if args.filter == "all" else f"no shows are {args.filter}")
        return 0
    rows = [["TITLE", "STATUS", "WATCHED", "NEXT", "WINDOW", "CONFIDENCE", "STATE"]]
    for show in shows:
        numbered = [s for s in show.seasons if s.number != 0]
        done = sum(1 for s in numbered if season_state(s, day) is SeasonState.WATCHED)
        found = next_season(show, day)
        following: list[str] = ["-", "-", "-", "-"]
        if found is not None:
            season, state = found
            following = [
                _season_name(season),
                _shown(season.window.strip()) if _has_window(season) else "TBA",
                season.confidence.value if _has_window(season) else "-",
                _state_word(state),
            ]
        rows.append(
            [
                _shown(show.title),
                show.status.value,
                f"{done}/{len(numbered)}",
                *following,
            ]
        )
    print("\n".join(_table(rows)))
    return 0


def _timeline_lines(timeline: Timeline) -> list[str]:
    rows: list[list[str]] = []
    starts: dict[int, str] = {}
    for group in timeline.groups:
        starts[len(rows)] = group.label
        for entry in group.entries:
            season = entry.season_label
            if entry.season_title:
                season = f"{season}: {_shown(entry.season_title)}"
            rows.append(
                [
                    state_glyph(entry.state),
                    _shown(entry.show_title),
                    season,
                    _shown(entry.window.strip()) if entry.start else "TBA",
                    entry.confidence.value if entry.start else "",
                    entry.note,
                    _shown(entry.source),
                ]
            )
    aligned = _table(rows, indent="  ")
    lines: list[str] = []
    for index, line in enumerate(aligned):
        if index in starts:
            if lines:
                lines.append("")
            lines.append(starts[index])
        lines.append(line)
    return lines


def cmd_upcoming(args: argparse.Namespace) -> int:
    day = today()
    timeline = build_timeline(_read(args).shows, day)
    if args.json:
        sys.stdout.write(timeline_json(timeline))
        return 0
    lines = _timeline_lines(timeline)
    print("\n".join(lines) if lines else "nothing upcoming: no season is waiting")
    return 0


# ---------------------------------------------------------------------------
# Changing


def cmd_add(args: argparse.Namespace) -> int:
    document = Document.open(_path(args))
    show = Show(
        title=args.title.strip(),
        network=args.network.strip(),
        status=Status(args.status),
        added=today(),
    )
    _commit(document, Change(f"add {show.title}", None, show))
    print(f'added "{_shown(show.title)}" ({show.status.value})')
    return 0


def _has_window(season: Season) -> bool:
    return parse_window(season.window) is not None


def _window_words(season: Season) -> str:
    if not _has_window(season):
        return "no window"
    return f"{_shown(season.window.strip())}, {season.confidence.value}"


def cmd_season(args: argparse.Namespace) -> int:
    document = Document.open(_path(args))
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
            print(f"{_shown(show.title)}: {existing.label} unchanged (no option given)")
            return 0
        season = replace(existing, **changes)
        verb = "changed"
    updated = show.with_season(season, replacing=existing)
    _commit(document, Change(f"{verb} {season.label} of {show.title}", show, updated))
    print(f"{_shown(show.title)}: {season.label} {verb} ({_window_words(season)})")
    return 0


def cmd_watched(args: argparse.Namespace) -> int:
    document = Document.open(_path(args))
    show = _find(document, args.title)
    season = show.season(args.number)
    if season is None:
        label = "specials" if args.number == 0 else f"season {args.number}"
        raise UserError(f'"{_shown(show.title)}" has no {label}')
    watched = season_state(season, today()) is SeasonState.WATCHED
    if args.undo:
        if not watched and season.watched == 0:
            print(f"{_shown(show.title)}: {season.label} is not marked watched")
            return 0
        changed, word = season.marked_unwatched(), "unwatched"
    else:
        if watched:
            print(f"{_shown(show.title)}: {season.label} is already watched")
            return 0
        changed, word = season.marked_watched(today()), "watched"
    updated = show.with_season(changed, replacing=season)
    _commit(document, Change(f"mark {season.label} of {show.title} {word}", show, updated))
    print(f"{_shown(show.title)}: {season.label} marked {word}")
    return 0


def cmd_cast(args: argparse.Namespace) -> int:
    document = Document.open(_path(args))
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
            print(f"{_shown(show.title)}: cast note for {_shown(existing.name)} unchanged")
            return 0
        verb = "changed"
    updated = show.with_cast(note, replacing=existing)
    _commit(document, Change(f"{verb} cast note {note.name} of {show.title}", show, updated))
    print(f"{_shown(show.title)}: cast note for {_shown(note.name)} {verb}")
    return 0


# ---------------------------------------------------------------------------
# Export and import


def _write_file(path: Path, data: bytes) -> None:
    """Replace `path` whole, so a calendar reading it never sees half a file."""
    temp = path.with_name(f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}.part")
    try:
        with open(temp, "xb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, path)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise


def cmd_export(args: argparse.Namespace) -> int:
    path = _path(args)
    watchlist = Document.open(path).watchlist
    day = today()
    if args.format == "json":
        text = watchlist_json(watchlist, watchlist.shows, day)
    elif args.format == "csv":
        text = watchlist_csv(watchlist.shows, day)
        if args.output:
            text = "\ufeff" + text  # so spreadsheets open it as UTF-8
    else:
        text = calendar_text(build_timeline(watchlist.shows, day))
    data = text.encode("utf-8")
    if not args.output:
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return 0
    output = Path(args.output).expanduser()
    if output.exists() and output.resolve() == path.resolve():
        raise UserError(f"{output}: that is the watchlist file itself; export elsewhere")
    _write_file(output, data)
    print(f"exported {len(watchlist.shows)} show{'s' * (len(watchlist.shows) != 1)} to {output}")
    return 0


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'s' * (count != 1)}"


def cmd_import(args: argparse.Namespace) -> int:
    source = Path(args.source).expanduser()
    path = _path(args)
    if source.exists() and path.exists() and source.resolve() == path.resolve():
        raise UserError(f"{source}: that is the watchlist file itself")
    incoming = read_import(source, source.read_bytes(), ImportFormat(args.format), today())
    document = Document.open(path)
    plan = plan_merge(document.watchlist, incoming)
    parts = [
        f"{_plural(plan.added, 'new show')}",
        f"{plan.updated} updated",
        f"{plan.unchanged} already up to date",
    ]
    if incoming.skipped:
        parts.append(f"{_plural(incoming.skipped, 'item')} skipped (not series)")
    summary = f"{source} ({incoming.format.value}): " + ", ".join(parts)
    if not plan.changes and not plan.extra:
        print(f"{summary}; nothing to change")
        return 0
    # One save for the whole import: all of it lands, or (on a conflict) none of it.
    plan.apply(document.watchlist)
    document.save()
    print(summary)
    return 0
