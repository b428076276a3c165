"""TV Time's GDPR export: CSV tables, in a ZIP, a folder, or one by one.

Tables are told by their columns, so renamed files still read:

- shows, 2020 shape (`user_tv_show_data.csv`): `tv_show_id` (a TheTVDB id),
  `is_followed`, `is_favorited`, `nb_episodes_seen`; no names;
- followed shows, 2024–26 (`followed_tv_show.csv`): `tv_show_id`, `tv_show_name`,
  `active`, `archived`;
- tracking records, 2024–26 (`tracking-prod-records-v2.csv`): `s_id`, `series_name`,
  `season_number`, `episode_number`, and `key` starting `watch-episode-`,
  `rewatch-episode-` or `user-series-` (with `is_followed`, `is_for_later`,
  `is_archived`);
- seen episodes (`seen_episode.csv`, `seen_episode_latest.csv`): used where they
  name the show and the season, else only counted: a table of episodes alone
  brings no show.

A show known only by its TheTVDB id gets a stand-in title that says so.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from watchtui.core.formats.containers import Table
from watchtui.core.formats.incoming import (
    SEEN,
    ImportFormat,
    Incoming,
    Seen,
    day_of,
    seasons_from,
    seen_episode,
    stand_in_title,
    whole,
)
from watchtui.core.model import Ids, Show, Status


def is_tvtime(header: list[str]) -> bool:
    names = set(header)
    return "tv_show_id" in names or {"s_id", "key"} <= names or "episode_id" in names


@dataclass(slots=True)
class _Show:
    tvdb: int
    name: str = ""
    recorded: bool = False  # a table of shows lists it
    followed: bool | None = None
    for_later: bool = False
    archived: bool = False
    count: int | None = None  # episodes seen, without season detail
    seen: Seen = field(default_factory=dict)
    added: date | None = None

    @property
    def status(self) -> Status | None:
        seen = bool(self.seen) or bool(self.count)
        if self.archived or (self.followed is False and seen):
            return Status.DROPPED
        if self.followed is False and not seen:
            return None
        if self.for_later or not seen:
            return Status.PLANNED
        return Status.WATCHING


def _yes(text: str) -> bool:
    return text.strip().lower() in ("1", "true", "t", "yes")


class TvTimeReader:
    def __init__(self, today: date) -> None:
        self.today = today
        self.shows: dict[int, _Show] = {}
        self.loose = 0  # seen episodes that name no show
        self.movies = 0

    def show(self, tvdb: int) -> _Show:
        return self.shows.setdefault(tvdb, _Show(tvdb))

    def read(self, table: Table) -> None:
        names = set(table.header)
        if {"s_id", "key"} <= names:
            self.tracking(table)
        elif "tv_show_id" in names and ("season_number" in names or "episode_id" in names):
            self.episodes(table, "tv_show_id")
        elif "tv_show_id" in names:
            self.show_table(table)
        else:
            self.episodes(table, None)

    def cells(self, table: Table, row: list[str]) -> dict[str, str]:
        return {name: row[n].strip() for n, name in enumerate(table.header) if n < len(row)}

    def show_table(self, table: Table) -> None:
        for _, row in table.rows:
            cell = self.cells(table, row)
            tvdb = whole(cell.get("tv_show_id", ""))
            if tvdb is None:
                continue
            show = self.show(tvdb)
            show.recorded = True
            show.name = show.name or cell.get("tv_show_name", "") or cell.get("name", "")
            if "is_followed" in cell:
                show.followed = _yes(cell["is_followed"])
            elif "active" in cell:
                show.followed = _yes(cell["active"])
            show.archived = show.archived or _yes(cell.get("archived", ""))
            count = whole(cell.get("nb_episodes_seen", ""))
            if count is not None:
                show.count = max(show.count or 0, count)
            show.added = show.added or day_of(cell.get("created_at", ""))

    def tracking(self, table: Table) -> None:
        for _, row in table.rows:
            cell = self.cells(table, row)
            key = cell.get("key", "")
            if "movie" in key:
                self.movies += key.startswith("watch-")
                continue
            tvdb = whole(cell.get("s_id", ""))
            if tvdb is None:
                continue
            show = self.show(tvdb)
            show.recorded = True
            show.name = show.name or cell.get("series_name", "")
            if key.startswith("user-series-"):
                show.followed = _yes(cell.get("is_followed", "1"))
                show.for_later = _yes(cell.get("is_for_later", ""))
                show.archived = _yes(cell.get("is_archived", ""))
                show.added = show.added or day_of(cell.get("created_at", ""))
            elif key.startswith("watch-episode-"):
                self.episode(show, cell)

    def episode(self, show: _Show, cell: dict[str, str]) -> bool:
        season = whole(cell.get("season_number", ""))
        number = whole(cell.get("episode_number", ""))
        if season is None or number is None:
            return False
        day = day_of(cell.get("created_at", "") or cell.get("updated_at", ""))
        seen_episode(show.seen, season, number, day)
        return True

    def episodes(self, table: Table, show_column: str | None) -> None:
        for _, row in table.rows:
            cell = self.cells(table, row)
            tvdb = whole(cell.get(show_column, "")) if show_column else None
            if tvdb is None or not self.episode(self.show(tvdb), cell):
                self.loose += 1

    def result(self) -> Incoming:
        incoming = Incoming(ImportFormat.TVTIME, added=self.today)
        recorded = any(show.recorded for show in self.shows.values())
        for show in self.shows.values():
            status = show.status
            if status is None:
                incoming.skip("show neither followed nor seen")
                continue
            extra = {SEEN: show.count} if show.count and not show.seen else {}
            incoming.add(
                Show(
                    title=show.name or stand_in_title(show.tvdb),
                    ids=Ids(tvdb=show.tvdb),
                    status=status,
                    added=show.added,
                    seasons=seasons_from(show.seen),
                    extra=extra,
                ),
                merge_only=not show.recorded,
            )
        if not recorded:
            incoming.skip("seen episode without its show", self.loose)
        incoming.skip("movie", self.movies)
        return incoming
