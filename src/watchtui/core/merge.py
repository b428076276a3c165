"""Merging shows from elsewhere into the watchlist: the user's own values always win,
watched progress is only ever raised, and nothing is duplicated.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from watchtui.core.formats.incoming import Incoming
from watchtui.core.model import (
    CastNote,
    Ids,
    Season,
    Show,
    Watchlist,
    replace,
    title_key,
)

# ---------------------------------------------------------------------------
# Merging


def merge_season(old: Season, new: Season) -> Season:
    """`old` with what `new` adds: missing fields filled, watched progress only raised."""
    episodes = old.episodes if old.episodes is not None else new.episodes
    watched = max(old.watched, new.watched)
    if episodes is not None and watched > episodes:
        if old.episodes is not None:
            watched = old.episodes  # the user's count of episodes stands
        else:
            episodes = None  # the other count is smaller than what was seen: keep unknown
    window_from_new = not old.window.strip() and bool(new.window.strip())
    return replace(
        old,
        title=old.title or new.title,
        episodes=episodes,
        watched=watched,
        finished=old.finished or new.finished,
        window=new.window if window_from_new else old.window,
        confidence=new.confidence if window_from_new else old.confidence,
        source=old.source or new.source,
        noted=(new.noted if window_from_new else old.noted) or old.noted,
        extra={**new.extra, **old.extra},
    )


def merge_ids(old: Ids, new: Ids) -> Ids:
    """`old` with the ids only `new` knows; an id the user has is never replaced."""
    if not new:
        return old
    filled = {
        name: getattr(new, name)
        for name in Ids.__struct_fields__
        if name != "extra" and getattr(old, name) is None and getattr(new, name) is not None
    }
    extra = {**new.extra, **old.extra}
    if not filled and extra == old.extra:
        return old
    return replace(old, extra=extra, **filled)


def merge_show(old: Show, new: Show) -> Show:
    """`old` with what `new` adds; the user's own values always win."""
    seasons = {season.number: season for season in old.seasons}
    for season in new.seasons:
        present = seasons.get(season.number)
        seasons[season.number] = season if present is None else merge_season(present, season)
    names = {title_key(note.name) for note in old.cast}
    cast: list[CastNote] = list(old.cast)
    for note in new.cast:
        if title_key(note.name) not in names:
            names.add(title_key(note.name))
            cast.append(note)
    merged = replace(
        old,
        original_title=old.original_title or new.original_title,
        network=old.network or new.network,
        notes=old.notes or new.notes,
        added=old.added or new.added,
        ids=merge_ids(old.ids, new.ids),
        seasons=tuple(sorted(seasons.values(), key=lambda s: s.number)),
        cast=tuple(cast),
        extra={**new.extra, **old.extra},
    )
    return old if merged == old else merged


@dataclass(slots=True)
class MergePlan:
    """The changes an import makes: each a show before (None: new) and after."""

    changes: list[tuple[Show | None, Show]]
    unchanged: int
    extra: dict[str, Any]

    @property
    def added(self) -> int:
        return sum(1 for before, _ in self.changes if before is None)

    @property
    def updated(self) -> int:
        return len(self.changes) - self.added

    def apply(self, watchlist: Watchlist) -> None:
        """Make the changes, in one pass: an import of thousands of shows stays quick.

        The plan already holds one show per title (ignoring case), so the title check
        `Watchlist.add` makes for each show, over every show, is not needed again.
        """
        where = {id(show): index for index, show in enumerate(watchlist.shows)}
        for before, after in self.changes:
            if before is None:
                watchlist.shows.append(after)
            else:
                watchlist.shows[where[id(before)]] = after
        watchlist.extra.update(self.extra)


def plan_merge(watchlist: Watchlist, incoming: Incoming) -> MergePlan:
    """What merging `incoming` into the watchlist changes, without changing it."""
    existing = {show.key: show for show in watchlist.shows}
    result: dict[str, Show] = {}
    order: list[str] = []
    matched: set[str] = set()
    for show in incoming.shows:
        key = show.key
        current = result.get(key, existing.get(key))
        if key in existing:
            matched.add(key)
        if current is None:
            if show.added is None and incoming.added is not None:
                show = replace(show, added=incoming.added)
            result[key] = show
            order.append(key)
        else:
            merged = merge_show(current, show)
            if key not in result:
                order.append(key)
            result[key] = merged
    changes: list[tuple[Show | None, Show]] = []
    for key in order:
        before = existing.get(key)
        after = result[key]
        if after is not before:
            changes.append((before, after))
    extra = {k: v for k, v in incoming.extra.items() if k not in watchlist.extra}
    return MergePlan(changes, len(matched) - sum(1 for b, _ in changes if b is not None), extra)
