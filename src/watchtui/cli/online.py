"""`watchtui lookup`, `refresh` and `add --tvmaze ID / --lookup`: shows filled in from TVmaze.

Everything TVmaze is asked is asked before anything changes: a failure (no
connection, a timeout, an error from TVmaze) is one line on stderr naming
TVmaze, exit status 1, and the watchlist file as it was, byte for byte.
Data from TVmaze.com (CC BY-SA 4.0).
"""

from __future__ import annotations

import argparse
import json
from datetime import date
from typing import TYPE_CHECKING

from watchtui.cli.arguments import Commands
from watchtui.cli.files import commit, open_document
from watchtui.cli.output import plural, shown, table
from watchtui.core import edits
from watchtui.core.clock import today
from watchtui.core.errors import UserError
from watchtui.core.model import Confidence, Show, Status, Watchlist

if TYPE_CHECKING:
    from watchtui.core.tvmaze.client import TVmazeClient
    from watchtui.core.tvmaze.fill import Finding, SeasonFacts
    from watchtui.core.tvmaze.records import TVShow

__all__ = ["cmd_add_online", "register"]


def register(commands: Commands) -> None:
    lookup = commands.add(
        "lookup",
        "search TVmaze for a show: its TVmaze id, title, premiere, network and status",
        cmd_lookup,
        epilog="Candidates come best match first. Data from TVmaze.com (CC BY-SA 4.0).",
    )
    lookup.add_argument("query", metavar="QUERY")
    lookup.add_argument("--json", action="store_true", help="print JSON (docs/tvmaze.md)")

    refresh = commands.add(
        "refresh",
        "bring shows up to date with TVmaze: new seasons, missing episode counts and windows",
        cmd_refresh,
        epilog="Only shows with a TVmaze, IMDb or TheTVDB id are refreshed. Nothing you "
        "wrote is removed or rewritten: where TVmaze's premiere day falls outside your "
        "window, the refresh says so and leaves your window as it is.",
    )
    refresh.add_argument("title", metavar="TITLE", nargs="?", help="one show (default: all)")
    refresh.add_argument("--json", action="store_true", help="print the changes as JSON")


def _client() -> TVmazeClient:
    from watchtui.core.tvmaze.client import TVmazeClient

    return TVmazeClient()


def _premiered(tv: TVShow) -> str:
    from watchtui.core.tvmaze.records import day

    premiered = day(tv.premiered)
    return premiered.isoformat() if premiered else ""


def cmd_lookup(args: argparse.Namespace) -> int:
    from watchtui.core.tvmaze import service

    with _client() as client:
        found = service.search(client, args.query)
    rows = [
        {
            "tvmaze": tv.id,
            "title": tv.title,
            "premiered": _premiered(tv) or None,
            "network": tv.channel or None,
            "status": tv.status or None,
        }
        for tv in found
    ]
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return 0
    if not rows:
        print(f"TVmaze knows no show matching {shown(args.query.strip())!r}")
        return 0
    lines = [["TVMAZE", "TITLE", "PREMIERED", "NETWORK", "STATUS"]]
    lines += [[shown(str(row[key] or "-")) for key in row] for row in rows]
    print("\n".join(table(lines)))
    return 0


# Adding ----------------------------------------------------------------------------


def cmd_add_online(args: argparse.Namespace) -> int:
    """`watchtui add TITLE --tvmaze ID` or `--lookup`."""
    from watchtui.core.tvmaze import fill, service

    document = open_document(args)
    document.watchlist.check_title(args.title)  # refused before going online
    with _client() as client:
        tvmaze_id = args.tvmaze
        if tvmaze_id is None:
            match = service.best_match(client, args.title)
            if match is None:
                raise UserError(f"TVmaze knows no show matching {args.title.strip()!r}")
            tvmaze_id = match.id
        tv = service.show(client, tvmaze_id)
    day = today()
    change = fill.new_show(
        document.watchlist,
        args.title,
        tv,
        today=day,
        status=Status(args.status),
        network=args.network,
    )
    commit(document, change)
    show = change.after
    assert show is not None
    print(
        f'added "{shown(show.title)}" ({show.status.value}) from TVmaze {tv.id} '
        f"({shown(tv.title)}): {plural(len(show.seasons), 'season')}, "
        f"{plural(len(show.cast), 'cast note')}"
    )
    print("\n".join(_season_lines(show, fill.season_facts(tv, day), day)))
    return 0


def _season_lines(show: Show, facts: list[SeasonFacts], day: date) -> list[str]:
    from watchtui.core.tvmaze.dates import relative

    rows = []
    for season_facts in facts:
        season = show.season(season_facts.number)
        if season is None:
            continue
        count = plural(season.episodes, "episode") if season.episodes is not None else "-"
        when = season.window.strip() or "no date yet"
        if season_facts.premiere is not None:
            when += f" ({relative(season_facts.premiere, day)})"
        end = ""
        if season_facts.end is not None and season_facts.end >= day:
            about = "about " if season_facts.projected else ""
            end = f"ends {about}{season_facts.end.isoformat()}"
        rows.append([season.label, count, shown(when), end])
    return table(rows, indent="  ")


# Refreshing --------------------------------------------------------------------------


def _has_ids(show: Show) -> bool:
    ids = show.ids
    return ids.tvmaze is not None or bool(ids.imdb and ids.imdb.strip()) or ids.tvdb is not None


def cmd_refresh(args: argparse.Namespace) -> int:
    from watchtui.core.tvmaze import fill, service

    document = open_document(args)
    watchlist = document.watchlist
    if args.title is not None:
        shows = [edits.find_show(watchlist, args.title)]
        if not _has_ids(shows[0]):
            raise UserError(
                f'"{shown(shows[0].title)}" has no TVmaze, IMDb or TheTVDB id to refresh it by; '
                f"add it with `watchtui add TITLE --tvmaze ID`, or give it ids in the file"
            )
    else:
        shows = [show for show in watchlist.shows if _has_ids(show)]
    unknown: list[Show] = []
    with _client() as client:
        known: dict[int, Show] = {}
        for show in shows:
            tvmaze_id = service.find_id(client, show.ids)
            if tvmaze_id is None:
                unknown.append(show)
            else:
                known.setdefault(tvmaze_id, show)
        if args.title is not None:
            data = {tvmaze_id: service.show(client, tvmaze_id) for tvmaze_id in known}
        else:
            data = service.current_shows(client, list(known))
    day = today()
    findings: list[Finding] = []
    changes = []
    for tvmaze_id, show in known.items():
        change, found = fill.refreshed(show, data[tvmaze_id], today=day)
        findings += found
        if change is not None:
            changes.append(change)
    for change in changes:
        document.apply(change)
    if changes:
        document.save()
    if args.json:
        print(json.dumps([finding.json() for finding in findings], ensure_ascii=False, indent=2))
        return 0
    lines = [_finding_line(document.watchlist, finding, day) for finding in findings]
    if not findings:
        lines.append(f"nothing new from TVmaze ({plural(len(known), 'show')} checked)")
    lines += [f"{shown(show.title)}: TVmaze does not know this show's ids" for show in unknown]
    if args.title is None and len(shows) < len(watchlist.shows):
        skipped = len(watchlist.shows) - len(shows)
        lines.append(f"{plural(skipped, 'show')} without a TVmaze, IMDb or TheTVDB id skipped")
    print("\n".join(lines))
    return 0


def _finding_line(watchlist: Watchlist, finding: Finding, day: date) -> str:
    from watchtui.core.tvmaze.dates import relative
    from watchtui.core.tvmaze.records import day as as_day

    show = watchlist.find(finding.show)
    title = shown(finding.show)
    season = show.season(finding.season) if show and finding.season is not None else None
    where = f"{title}: {season.label}" if season else title
    value = finding.value
    if finding.change == "season":
        return f"{where} added"
    if finding.change == "episodes":
        return f"{where}: {plural(int(str(value)), 'episode')}"
    if finding.change in ("window", "contradiction"):
        premiere = as_day(str(value))
        when = f"{value} ({relative(premiere, day)})" if premiere else str(value)
        if finding.change == "window":
            return f"{where}: window {when}, confirmed, from TVmaze"
        line = f"{where}: TVmaze says {when}, outside your window {shown(finding.yours)}"
        span = season.range if season else None
        hint = season is not None and season.confidence is not Confidence.CONFIRMED
        if season is not None and hint and span is not None and span.end < day:
            line += f", {relative(span.end, day, overdue=True)}"
        return line
    if finding.change == "network":
        return f"{where}: network {shown(str(value))}"
    if isinstance(value, dict):
        value = ", ".join(f"{name} {shown(str(number))}" for name, number in value.items())
    return f"{where}: ids {value}"
