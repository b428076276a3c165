"""`watchtui check`: validate the file and list its problems."""

from __future__ import annotations

import argparse
import sys

from watchtui.cli.arguments import Commands
from watchtui.cli.files import path_of
from watchtui.core.clock import today
from watchtui.core.errors import UserError
from watchtui.core.state import SeasonState, season_state
from watchtui.core.storage.problems import find_all
from watchtui.core.text import printable

__all__ = ["register"]


def register(commands: Commands) -> None:
    commands.add_plain("check", "validate the file and list its problems", cmd_check)


def cmd_check(args: argparse.Namespace) -> int:
    """Every problem on its own `path:line: problem` line (exit status 1), or a summary;
    warnings (a misspelt key) as `path:line: warning: …` lines either way."""
    path = path_of(args)
    if not path.exists():
        raise UserError(f"{path}: no such file")
    day = today()
    findings = find_all(path)
    for warning in findings.warnings:
        print(printable(str(warning)), file=sys.stderr)
    if findings.problems:
        for problem in findings.problems:
            print(printable(str(problem)), file=sys.stderr)
        return 1
    states = [season_state(season, day) for show in findings.shows for season in show.seasons]
    hinted = states.count(SeasonState.HINTED)
    overdue = states.count(SeasonState.OVERDUE)
    shows = len(findings.shows)
    print(
        f"{printable(str(path))}: ok — {shows} show{'s' * (shows != 1)}, {len(states)} season"
        f"{'s' * (len(states) != 1)}, {hinted} hinted, {overdue} overdue"
    )
    return 0
