"""`watchtui check`: validate the file and list its problems."""

from __future__ import annotations

import argparse

from watchtui.cli.arguments import Commands
from watchtui.cli.files import path_of
from watchtui.core.clock import today
from watchtui.core.errors import UserError
from watchtui.core.state import SeasonState, season_state
from watchtui.core.storage.atomic import load

__all__ = ["register"]


def register(commands: Commands) -> None:
    commands.add_plain("check", "validate the file and list its problems", cmd_check)


def cmd_check(args: argparse.Namespace) -> int:
    path = path_of(args)
    if not path.exists():
        raise UserError(f"{path}: no such file")
    loaded = load(path)
    day = today()
    states = [
        season_state(season, day) for show in loaded.watchlist.shows for season in show.seasons
    ]
    hinted = states.count(SeasonState.HINTED)
    overdue = states.count(SeasonState.OVERDUE)
    shows = len(loaded.watchlist.shows)
    print(
        f"{path}: ok — {shows} show{'s' * (shows != 1)}, {len(states)} season"
        f"{'s' * (len(states) != 1)}, {hinted} hinted, {overdue} overdue"
    )
    return 0
