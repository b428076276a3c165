"""The shows list's index: kept in title order by small updates, filtered by typed text."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from helpers.strategies import shows, texts, watchlists
from watchtui.core.model import Confidence, Season, Show, Watchlist, replace, title_key
from watchtui.core.state import SeasonState
from watchtui.core.storage.document import Change, Document
from watchtui.core.views import (
    ShowFilter,
    ShowIndex,
    StandingCache,
    highlight_counts,
    standing_of,
)

TODAY = date(2024, 6, 1)


def folded(show: Show) -> str:
    return f"{show.title}\n{show.original_title}".casefold()


def assert_index_holds(index: ShowIndex, watchlist: Watchlist) -> None:
    """Every show of the watchlist, each once, in title order (returning shows, which
    the list puts first, are tests/test_radar.py's concern)."""
    listed = index.shows
    assert len(index) == len(watchlist.shows)
    assert sorted(map(id, listed)) == sorted(map(id, watchlist.shows))
    keys = [folded(show) for show in listed]
    assert keys == sorted(keys)


# One step of a session: rename a show, add one, delete one, or undo the last step.
_steps = st.lists(
    st.tuples(st.sampled_from(["rename", "add", "delete", "undo"]), st.integers(0, 50), texts),
    max_size=12,
)


@settings(suppress_health_check=[HealthCheck.too_slow])
@given(watchlists(max_shows=6), _steps, st.data())
def test_updates_keep_the_index_equal_to_a_fresh_one(
    watchlist: Watchlist, steps: list[tuple[str, int, str]], data: st.DataObject
) -> None:
    document = Document(Path("never-written.toml"), watchlist, None)  # changes stay in memory
    index = ShowIndex(watchlist.shows)
    for step, pick, title in steps:
        current = watchlist.shows
        if step == "undo":
            last = document.take_back()
            for change in reversed(last.changes if last is not None else ()):
                index.update(change.after, change.before)
            continue
        taken = title.strip() and watchlist.find(title) is not None
        if step == "add" and title.strip() and not taken:
            applied = document.apply(Change("add", None, data.draw(shows(title))))
        elif step == "rename" and current and title.strip() and not taken:
            old = current[pick % len(current)]
            applied = document.apply(Change("rename", old, replace(old, title=title)))
        elif step == "delete" and current:
            applied = document.apply(Change("delete", current[pick % len(current)], None))
        else:
            continue
        index.update(applied.before, applied.after)
        assert_index_holds(index, watchlist)
    assert_index_holds(index, watchlist)
    fresh = ShowIndex(watchlist.shows)
    assert [title_key(s.title) for s in index.select(ShowFilter.ALL, "", StandingCache(TODAY))] == [
        title_key(s.title) for s in fresh.select(ShowFilter.ALL, "", StandingCache(TODAY))
    ]


def test_a_show_not_in_the_index_cannot_leave_it() -> None:
    index = ShowIndex([Show("Dark")])
    try:
        index.update(Show("Dark"), None)  # equal, but not the same object
    except ValueError as error:
        assert "Dark" in str(error)
    else:
        raise AssertionError("an unknown show left the index")
    assert len(index) == 1


def test_the_filter_searches_both_titles_ignoring_case() -> None:
    squid = Show("Squid Game", original_title="오징어 게임")
    school = Show("All of Us Are Dead", original_title="지금 우리 학교는")
    dark = Show("Dark")
    index = ShowIndex([squid, school, dark])
    standings = StandingCache(TODAY)
    assert index.select(ShowFilter.ALL, "", standings) == [school, dark, squid]
    assert index.select(ShowFilter.ALL, "  DARK ", standings) == [dark]
    assert index.select(ShowFilter.ALL, "학교", standings) == [school]
    assert index.select(ShowFilter.ALL, "a", standings) == [school, dark, squid]
    assert index.select(ShowFilter.ALL, "zz", standings) == []


def test_the_hinted_filter_keeps_shows_whose_next_season_is_only_hinted() -> None:
    hinted = Show("Hinted", seasons=(Season(1, window="late 2024", confidence=Confidence.HINTED),))
    confirmed = Show("Confirmed", seasons=(Season(1, window="late 2024"),))
    index = ShowIndex([hinted, confirmed])
    standings = StandingCache(TODAY)
    assert index.select(ShowFilter.HINTED, "", standings) == [hinted]
    assert index.select(ShowFilter.UPCOMING, "", standings) == [confirmed]
    assert index.select(ShowFilter.HINTED, "conf", standings) == []


def test_a_forgotten_show_is_worked_out_again() -> None:
    standings = StandingCache(TODAY)
    show = Show("Hinted", seasons=(Season(1, window="late 2024", confidence=Confidence.HINTED),))
    first = standings.get(show)
    assert standings.get(show) is first  # cached
    standings.forget(show)
    standings.forget(show)  # twice is harmless
    again = standings.get(show)
    assert again == first and again is not first


@settings(suppress_health_check=[HealthCheck.too_slow])
@given(watchlists())
def test_highlight_counts_agree_with_the_standings_cache(watchlist: Watchlist) -> None:
    """The count a worker thread makes from the shows alone is the cached one."""
    cache = StandingCache(TODAY)
    states = [cache.get(show).state for show in watchlist.shows]
    expected = (states.count(SeasonState.HINTED), states.count(SeasonState.OVERDUE))
    fresh = StandingCache(TODAY)
    assert highlight_counts(tuple(watchlist.shows), TODAY) == expected
    assert all(fresh.get(show) == standing_of(show, TODAY) for show in watchlist.shows)
