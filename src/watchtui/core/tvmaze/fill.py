"""A show filled in from TVmaze, and a show brought up to date with it.

What TVmaze says becomes edits of `watchtui.core.edits`, the ones a person
makes, so that the rules stay in one place: a season is added with
`add_season`, its episode count set with `edit_season`, its premiere day
recorded as a confirmed window from the source `TVmaze` with
`set_window_claim`, the ids with `fill_ids`, the cast with `add_cast_note`.
Those edits are made on a scratch watchlist holding only the show; the result
is one Change (one undo) for the real watchlist.

A refresh only adds: a season TVmaze knows and the show lacks, an episode count
or a window the season lacks, a network or an id the show lacks. A window the
person wrote is never changed: where TVmaze's premiere day falls outside it,
the refresh reports a contradiction instead.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from functools import partial

from watchtui.core import edits
from watchtui.core.errors import ModelError
from watchtui.core.model import CastNote, Confidence, Ids, Season, Show, Status, Watchlist, replace
from watchtui.core.storage.document import Change
from watchtui.core.tvmaze.dates import local_day, projected_end
from watchtui.core.tvmaze.records import TVShow, day
from watchtui.core.windows import parse_window

__all__ = [
    "SOURCE",
    "Finding",
    "SeasonFacts",
    "cast_notes",
    "ids_of",
    "new_show",
    "refreshed",
    "season_facts",
]

SOURCE = "TVmaze"
"""The source of every window filled in from TVmaze."""


@dataclass(frozen=True, slots=True)
class SeasonFacts:
    """What TVmaze knows of one season."""

    number: int
    episodes: int | None
    premiere: date | None
    end: date | None
    projected: bool = False
    """`end` is projected from a weekly schedule, not given by TVmaze."""

    @property
    def window(self) -> str:
        return self.premiere.isoformat() if self.premiere else ""


@dataclass(frozen=True, slots=True)
class Finding:
    """One thing a refresh did or found: a change, or a contradiction left for the person."""

    show: str
    season: int | None
    change: str
    """`season` (added), `episodes`, `window`, `network`, `ids` or `contradiction`."""
    value: object
    """What TVmaze gave: a window's day, a count, a name, the ids."""
    yours: str = ""
    """For a contradiction: the window the person has, and how sure it is."""

    def json(self) -> dict[str, object]:
        shown: dict[str, object] = {
            "show": self.show,
            "season": self.season,
            "change": self.change,
            "value": self.value,
        }
        if self.change == "contradiction":
            shown["yours"] = self.yours
        return shown


def _count(value: int | None) -> int | None:
    return value if value is not None and 0 <= value < 2**31 else None


def season_facts(tv: TVShow, today: date) -> list[SeasonFacts]:
    """TVmaze's seasons that have a number, in order, each once.

    The episode count is TVmaze's episode order; when it has none, the episodes
    it lists for a season that has ended are counted (a running season's list may
    not be complete). A season with no premiere date takes its first episode's:
    the local day of its airstamp, else its air date.
    """
    episodes: dict[int, list[tuple[date | None, int]]] = {}
    for episode in tv.episodes:
        if episode.season is not None and episode.number is not None:
            aired = local_day(episode.airstamp) or day(episode.airdate)
            episodes.setdefault(episode.season, []).append((aired, episode.number))
    facts: dict[int, SeasonFacts] = {}
    for season in tv.seasons:
        number = _count(season.number)
        if number is None or number in facts:
            continue
        listed = episodes.get(number, [])
        premiere = day(season.premiere_date) or min(
            (aired for aired, _ in listed if aired is not None), default=None
        )
        end = day(season.end_date)
        count = _count(season.episode_order)
        if count is None and listed and end is not None and end <= today:
            count = len(listed)
        projected = False
        if end is None and premiere is not None and count and tv.weekly:
            end, projected = projected_end(premiere, count), True
        facts[number] = SeasonFacts(number, count, premiere, end, projected)
    return sorted(facts.values(), key=lambda facts: facts.number)


def ids_of(tv: TVShow) -> Ids:
    externals = tv.externals
    imdb = (externals.imdb or "").strip() if externals else ""
    tvdb = _count(externals.thetvdb) if externals else None
    return Ids(tvmaze=_count(tv.id), imdb=imdb or None, tvdb=tvdb or None)


def cast_notes(tv: TVShow) -> list[CastNote]:
    """The cast as notes: the person's name, the character as the role. A person who
    plays several characters gets one note, the roles joined with " / "."""
    roles: dict[str, tuple[str, list[str]]] = {}
    for credit in tv.cast:
        name = (credit.person.name or "").strip() if credit.person else ""
        if not name:
            continue
        role = (credit.character.name or "").strip() if credit.character else ""
        _, held = roles.setdefault(name.casefold(), (name, []))
        if role and role not in held:
            held.append(role)
    return [CastNote(name=name, role=" / ".join(held)) for name, held in roles.values()]


class _Scratch:
    """A watchlist of one show, changed edit by edit."""

    def __init__(self, show: Show) -> None:
        self.show = show
        self.watchlist = Watchlist([show])

    def do(self, edit: Callable[[Watchlist, Show], Change]) -> bool:
        """Make an edit; False if it changes nothing or the rules refuse it."""
        try:
            change = edit(self.watchlist, self.show)
        except ModelError:  # Unchanged included: nothing to do
            return False
        assert change.after is not None
        self.watchlist.replace(self.show, change.after)
        self.show = change.after
        return True

    def season(self, number: int) -> Season:
        return edits.find_season(self.show, number)


def _confirm(scratch: _Scratch, number: int, window: str, today: date) -> bool:
    """Record TVmaze's premiere day as the season's confirmed window: one edit."""
    return scratch.do(
        lambda w, s: edits.set_window_claim(
            w,
            s,
            edits.find_season(s, number),
            today=today,
            window=window,
            confidence=Confidence.CONFIRMED,
            source=SOURCE,
            noted=today,
        )
    )


def _add_season(scratch: _Scratch, facts: SeasonFacts, today: date) -> list[tuple[str, object]]:
    done: list[tuple[str, object]] = []
    draft = Season(facts.number, episodes=facts.episodes)
    if not scratch.do(lambda w, s: edits.add_season(w, s, draft, today=today)):
        return done
    done.append(("season", facts.number))
    if facts.episodes is not None:
        done.append(("episodes", facts.episodes))
    if facts.premiere and _confirm(scratch, facts.number, facts.window, today):
        done.append(("window", facts.window))
    return done


def new_show(
    watchlist: Watchlist,
    title: str,
    tv: TVShow,
    *,
    today: date,
    status: Status = Status.WATCHING,
    network: str = "",
) -> Change:
    """Add a show filled in from TVmaze: network, ids, seasons and cast.

    Seasons with a premiere day get it as a confirmed window; those announced
    without a date get no window.
    """
    draft = Show(title=title, network=network or tv.channel, status=status, ids=ids_of(tv))
    added = edits.add_show(watchlist, draft, today=today)
    assert added.after is not None
    scratch = _Scratch(added.after)
    for facts in season_facts(tv, today):
        _add_season(scratch, facts, today)
    for note in cast_notes(tv):
        scratch.do(partial(_add_note, note=note))
    return Change(added.description, None, scratch.show)


def _add_note(watchlist: Watchlist, show: Show, *, note: CastNote) -> Change:
    return edits.add_cast_note(watchlist, show, note)


def _set_episodes(
    watchlist: Watchlist, show: Show, *, number: int, count: int, today: date
) -> Change:
    season = edits.find_season(show, number)
    draft = replace(season, episodes=count)
    return edits.edit_season(watchlist, show, season, draft, today=today)


def _window_words(season: Season) -> str:
    return f"{season.window.strip()} ({season.confidence.value})"


def refreshed(show: Show, tv: TVShow, *, today: date) -> tuple[Change | None, list[Finding]]:
    """The show brought up to date with TVmaze (None: nothing to change), and what was
    done or found. Nothing the person wrote is removed or rewritten."""
    scratch = _Scratch(show)
    found: list[tuple[int | None, str, object, str]] = []
    filling_network = not show.network.strip() and tv.channel
    if filling_network and scratch.do(
        lambda w, s: edits.edit_show(w, s, replace(s, network=tv.channel))
    ):
        found.append((None, "network", tv.channel, ""))
    before = scratch.show.ids
    if scratch.do(lambda w, s: edits.fill_ids(w, s, ids_of(tv))):
        after = scratch.show.ids
        added = {n: getattr(after, n) for n in ("tvmaze", "imdb", "tvdb")}
        added = {n: v for n, v in added.items() if getattr(before, n) != v}
        found.append((None, "ids", added, ""))
    for facts in season_facts(tv, today):
        season = scratch.show.season(facts.number)
        if season is None:
            found.extend(
                (facts.number, what, value, "")
                for what, value in _add_season(scratch, facts, today)
            )
            continue
        if season.episodes is None and facts.episodes is not None:
            setting = partial(_set_episodes, number=facts.number, count=facts.episodes, today=today)
            if scratch.do(setting):
                found.append((facts.number, "episodes", facts.episodes, ""))
        if facts.premiere is None:
            continue
        season = scratch.season(facts.number)
        span = parse_window(season.window)
        if span is None:
            if _confirm(scratch, facts.number, facts.window, today):
                found.append((facts.number, "window", facts.window, ""))
        elif not span.contains(facts.premiere):
            found.append((facts.number, "contradiction", facts.window, _window_words(season)))
    findings = [
        Finding(show.title, number, what, value, yours) for number, what, value, yours in found
    ]
    if scratch.show == show:
        return None, findings
    return Change(f"refresh {show.title} from TVmaze", show, scratch.show), findings
