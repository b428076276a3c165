"""Merging shows from elsewhere into the watchlist: the user's own values always win,
watched progress is only ever raised, and nothing is duplicated.

A show brought in is the same as one already there (or brought earlier by the same
file) when they share any id (IMDb, TheTVDB, TMDB, TVmaze, Trakt, MyAnimeList); else
when their titles are the same once case and punctuation are ignored, unless an id
or the year tells them apart. A stand-in title ("TheTVDB 81189 (title unknown …)")
never replaces a real one, and a real one replaces it.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from watchtui.core.formats.incoming import (
    SEEN,
    Entry,
    Incoming,
    is_stand_in,
    normal_title,
)
from watchtui.core.model import (
    CastNote,
    Claim,
    Confidence,
    Ids,
    Season,
    Show,
    Watchlist,
    replace,
    title_key,
)

# ---------------------------------------------------------------------------
# Merging


def _claim_key(claim: Claim) -> tuple[str, Confidence, str, date | None]:
    return claim.window.strip(), claim.confidence, claim.source.strip(), claim.noted


def _earlier(
    kept: tuple[Claim, ...], current: Claim, brought: tuple[Claim, ...]
) -> tuple[Claim, ...]:
    """`kept` (a season's earlier claims) with the claims `brought` from elsewhere that
    it lacks, oldest first: no claim about a date is lost to a merge."""
    seen = {_claim_key(claim) for claim in (*kept, current)}
    added = []
    for claim in brought:
        if claim.says_something and _claim_key(claim) not in seen:
            seen.add(_claim_key(claim))
            added.append(claim)
    if not added:
        return kept
    return tuple(sorted((*kept, *added), key=lambda claim: claim.noted or date.min))


def merge_season(old: Season, new: Season) -> Season:
    """`old` with what `new` adds: missing fields filled, watched progress only raised,
    and every claim about its release `new` holds kept (docs/claims.md): its window
    fills a season with none, with its confidence and source; else it joins the
    earlier claims, as do the ones `new` replaced."""
    episodes = old.episodes if old.episodes is not None else new.episodes
    watched = max(old.watched, new.watched)
    if episodes is not None and watched > episodes:
        if old.episodes is not None:
            watched = old.episodes  # the user's count of episodes stands
        else:
            episodes = None  # the other count is smaller than what was seen: keep unknown
    if not old.window.strip() and new.window.strip():  # their window fills ours
        if old.claim.says_something:  # what was said here with no window is kept
            said = old.with_claim(new.claim)
        else:
            claim = new.claim
            said = replace(
                old,
                window=claim.window,
                confidence=claim.confidence,
                source=claim.source,
                noted=claim.noted,
            )
        earlier = _earlier(said.earlier, said.claim, new.earlier)
    else:  # their source is taken only for the claim that it made
        same = (old.window.strip(), old.confidence) == (new.window.strip(), new.confidence)
        said = replace(old, source=old.source or new.source) if same else old
        earlier = _earlier(old.earlier, said.claim, (*new.earlier, new.claim))
    return replace(
        said,
        title=old.title or new.title,
        episodes=episodes,
        watched=watched,
        finished=old.finished or new.finished,
        earlier=earlier,
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
    extra = {**new.extra, **old.extra}
    seen = [s for s in (old.extra.get(SEEN), new.extra.get(SEEN)) if type(s) is int]
    if seen:
        extra[SEEN] = max(seen)  # progress is only raised
    rated = old.rating is not None
    merged = replace(
        old,
        title=new.title if is_stand_in(old.title) and not is_stand_in(new.title) else old.title,
        original_title=old.original_title or new.original_title,
        network=old.network or new.network,
        notes=old.notes or new.notes,
        added=old.added or new.added,
        rating=old.rating if rated else new.rating,
        rated=old.rated if rated else new.rated,
        ids=merge_ids(old.ids, new.ids),
        seasons=tuple(sorted(seasons.values(), key=lambda s: s.number)),
        cast=tuple(cast),
        extra=extra,
    )
    return old if merged == old else merged


ID_NAMES = tuple(name for name in Ids.__struct_fields__ if name != "extra")


def _ids(show: Show) -> list[tuple[str, object]]:
    return [(name, value) for name in ID_NAMES if (value := getattr(show.ids, name)) is not None]


def _apart(a: Show, b: Show) -> bool:
    """Told apart by an id of the same kind that differs."""
    return any(
        getattr(a.ids, name) is not None
        and getattr(b.ids, name) is not None
        and getattr(a.ids, name) != getattr(b.ids, name)
        for name in ID_NAMES
    )


@dataclass(slots=True)
class MergePlan:
    """The changes an import makes: each a show before (None: new) and after."""

    changes: list[tuple[Show | None, Show]]
    unchanged: int
    extra: dict[str, Any]
    skipped: Counter[str] = field(default_factory=Counter)  # what the merge left out

    @property
    def added(self) -> int:
        return sum(1 for before, _ in self.changes if before is None)

    @property
    def merged(self) -> int:
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


class _Pool:
    """The watchlist's shows and those the import adds, found by id and by title."""

    def __init__(self, shows: list[Show]) -> None:
        self.shows: list[Show] = []
        self.before: list[Show | None] = []
        self.years: list[int | None] = []
        self.by_id: dict[tuple[str, object], int] = {}
        self.by_title: dict[str, list[int]] = {}
        self.by_key: dict[str, int] = {}
        for show in shows:
            self.put(show, None, show)

    def put(self, show: Show, year: int | None, before: Show | None) -> int:
        slot = len(self.shows)
        self.shows.append(show)
        self.before.append(before)
        self.years.append(year)
        self.index(slot, show)
        return slot

    def index(self, slot: int, show: Show) -> None:
        for key in _ids(show):
            self.by_id.setdefault(key, slot)
        self.by_key.setdefault(show.key, slot)
        if not is_stand_in(show.title):
            slots = self.by_title.setdefault(normal_title(show.title), [])
            if slot not in slots:
                slots.append(slot)

    def find(self, entry: Entry) -> int | None:
        show = entry.show
        for key in _ids(show):
            if key in self.by_id:
                return self.by_id[key]
        if is_stand_in(show.title):
            return None
        for slot in self.by_title.get(normal_title(show.title), ()):
            other, year = self.shows[slot], self.years[slot]
            if _apart(other, show) or (year and entry.year and year != entry.year):
                continue
            return slot
        return None

    def free_title(self, show: Show, year: int | None) -> str:
        """Its title, or one made unique with its year or an id (another show has it)."""
        if show.key not in self.by_key:
            return show.title
        named = [f"{year}"] if year else []
        named += [f"{name} {value}" for name, value in _ids(show)]
        for tag in [*named, *(str(n) for n in range(2, 1000))]:
            title = f"{show.title} ({tag})"
            if title_key(title) not in self.by_key:
                return title
        raise AssertionError("no free title")  # pragma: no cover


def plan_merge(watchlist: Watchlist, incoming: Incoming) -> MergePlan:
    """What merging `incoming` into the watchlist changes, without changing it."""
    pool = _Pool(watchlist.shows)
    existing = len(pool.shows)
    touched: list[int] = []
    skipped: Counter[str] = Counter()
    for entry in incoming.entries:
        slot = pool.find(entry)
        show = entry.show
        if slot is None:
            if entry.merge_only:
                skipped["episode of a show not in the watchlist"] += (
                    sum(season.watched for season in show.seasons) or 1
                )
                continue
            if show.added is None and incoming.added is not None:
                show = replace(show, added=incoming.added)
            title = pool.free_title(show, entry.year)
            slot = pool.put(
                replace(show, title=title) if title != show.title else show, entry.year, None
            )
        else:
            current = pool.shows[slot]
            merged = merge_show(current, show)
            if merged.title != current.title and pool.by_key.get(merged.key, slot) != slot:
                merged = replace(merged, title=current.title)  # that name is another show's
            if merged is not current:
                pool.shows[slot] = merged
                pool.index(slot, merged)
            pool.years[slot] = pool.years[slot] or entry.year
        if slot not in touched:
            touched.append(slot)
    changes: list[tuple[Show | None, Show]] = []
    unchanged = 0
    for slot in touched:
        before, after = pool.before[slot], pool.shows[slot]
        if after is not before:
            changes.append((before, after))
        elif slot < existing:
            unchanged += 1
    extra = {k: v for k, v in incoming.extra.items() if k not in watchlist.extra}
    return MergePlan(changes, unchanged, extra, skipped)
