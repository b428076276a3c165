"""`watchtui history` and `watchtui sources`: what was said about release windows, by
whom, and how it turned out (docs/claims.md)."""

from __future__ import annotations

import argparse
import json
import sys

from watchtui.cli.arguments import Commands, whole_number
from watchtui.cli.files import read
from watchtui.cli.output import plural, shown, table
from watchtui.core import edits
from watchtui.core.claims import confidence_glyph, judge, track_records, verdict_glyph
from watchtui.core.clock import today
from watchtui.core.formats.json import claim_json

__all__ = ["register"]


def register(commands: Commands) -> None:
    history = commands.add(
        "history",
        "the claims about a season's release window, oldest first, with their verdicts",
        cmd_history,
        epilog="Verdicts: right (the real date fell in the window), early or late (it "
        "ended before, or started after, the real date), pending (the real date is not "
        "known yet), overdue (a hint whose window ended unconfirmed), none (no window). "
        "--json prints the shape described in docs/json.md.",
    )
    history.add_argument("title", metavar="TITLE")
    history.add_argument("number", metavar="NUMBER", type=whole_number, help="0 for specials")
    history.add_argument("--json", action="store_true", help="print JSON (docs/json.md)")

    sources = commands.add(
        "sources",
        "each source's track record: its claims, how many were right, wrong or pending",
        cmd_sources,
        epilog="Sources are the same ignoring case and outer spaces. Wrong counts the "
        "claims whose window ended before (early) or started after (late) the real "
        "date. --json prints the shape described in docs/json.md.",
    )
    sources.add_argument("--json", action="store_true", help="print JSON (docs/json.md)")


def _print_json(value: object) -> None:
    sys.stdout.write(json.dumps(value, ensure_ascii=False, indent=2) + "\n")


def cmd_history(args: argparse.Namespace) -> int:
    watchlist = read(args)
    show = edits.find_show(watchlist, args.title)
    season = edits.find_season(show, args.number)
    judged = judge(season, today())
    if args.json:
        _print_json([claim_json(j) for j in judged])
        return 0
    name = f"{shown(show.title)}, {season.label}"
    if not judged:
        print(f"{name}: nothing said about its release window yet")
        return 0
    print(f"{name}: {plural(len(judged), 'claim')}, oldest first")
    rows = [["NOTED", "WINDOW", "CONFIDENCE", "SOURCE", "VERDICT"]]
    for j in judged:
        claim = j.claim
        rows.append(
            [
                claim.noted.isoformat() if claim.noted else "-",
                shown(claim.window.strip()) if claim.range is not None else "TBA",
                f"{confidence_glyph(claim.confidence)} {claim.confidence.value}",
                shown(claim.source.strip()) or "-",
                f"{verdict_glyph(j.verdict)} {j.verdict.value}" + " (current)" * j.current,
            ]
        )
    print("\n".join(table(rows)))
    return 0


def cmd_sources(args: argparse.Namespace) -> int:
    records = track_records(read(args).shows, today())
    if args.json:
        _print_json(
            [
                {
                    "source": r.source,
                    "claims": r.claims,
                    "right": r.right,
                    "wrong": r.wrong,
                    "early": r.early,
                    "late": r.late,
                    "pending": r.pending,
                    "overdue": r.overdue,
                }
                for r in records
            ]
        )
        return 0
    if not records:
        print("no claim names a source yet")
        return 0
    rows = [["SOURCE", "CLAIMS", "RIGHT", "WRONG", "PENDING", "OVERDUE"]]
    for r in records:
        counts = (r.claims, r.right, r.wrong, r.pending, r.overdue)
        rows.append([shown(r.source), *(str(count) for count in counts)])
    print("\n".join(table(rows)))
    return 0
