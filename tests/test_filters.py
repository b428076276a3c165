"""One filter vocabulary for `list --filter`, the screen's `f` and the palette."""

from __future__ import annotations

from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from helpers.strategies import watchlists
from watchtui.core.filters import FILTER_CYCLE, ShowFilter, ready_season
from watchtui.core.model import Confidence, Season, Show, Status, Watchlist
from watchtui.core.state import SeasonState, next_season
from watchtui.core.views import ShowFilter as ViewsShowFilter
from watchtui.core.views import StandingCache

TODAY = date(2026, 3, 1)

BEAR = Show(
    "The Bear",
    seasons=(
        Season(4, episodes=10, watched=3, window="2025-06-25"),
        Season(5, window="2026-03-02"),
    ),
)
SCHOOL = Show(
    "All of Us Are Dead",
    status=Status.PLANNED,
    seasons=(
        Season(1, episodes=12, watched=12),
        Season(2, window="2024", confidence=Confidence.HINTED),
    ),
)
SQUID = Show(
    "Squid Game",
    status=Status.PAUSED,
    seasons=(Season(3, window="Q3 2026", confidence=Confidence.RUMORED),),
)
SEVERANCE = Show("Severance", status=Status.COMPLETED, seasons=(Season(4),))
SHOWS = [BEAR, SCHOOL, SQUID, SEVERANCE]


def kept(which: ShowFilter) -> list[str]:
    return [show.title for show in SHOWS if which.matches(show, TODAY)]


def test_the_names_are_the_ones_the_command_line_and_the_screen_use() -> None:
    assert [which.value for which in ShowFilter] == [
        "all", "hinted", "overdue", "upcoming", "tba", "ready",
        "watching", "planned", "paused", "completed", "dropped",
    ]  # fmt: skip
    statuses = [which.value for which in ShowFilter][-len(Status) :]
    assert statuses == [status.value for status in Status]
    assert ViewsShowFilter is ShowFilter  # the screen imports it from views
    assert all(which.description for which in ShowFilter)
    assert ShowFilter.PAUSED.description == "shows you marked paused"


def test_each_filter_keeps_what_it_says() -> None:
    assert kept(ShowFilter.ALL) == ["The Bear", "All of Us Are Dead", "Squid Game", "Severance"]
    assert kept(ShowFilter.HINTED) == ["All of Us Are Dead", "Squid Game"]
    assert kept(ShowFilter.OVERDUE) == ["All of Us Are Dead"]
    assert kept(ShowFilter.UPCOMING) == ["The Bear"]
    assert kept(ShowFilter.TBA) == ["Severance"]
    assert kept(ShowFilter.READY) == ["The Bear"]
    assert kept(ShowFilter.WATCHING) == ["The Bear"]
    assert kept(ShowFilter.PLANNED) == ["All of Us Are Dead"]
    assert kept(ShowFilter.PAUSED) == ["Squid Game"]
    assert kept(ShowFilter.COMPLETED) == ["Severance"]
    assert kept(ShowFilter.DROPPED) == []


def test_ready_is_about_the_season_out_and_not_yet_watched() -> None:
    assert ShowFilter.READY.season_of(BEAR, TODAY) == (BEAR.seasons[0], SeasonState.RELEASED)
    assert ShowFilter.UPCOMING.season_of(BEAR, TODAY) == (BEAR.seasons[1], SeasonState.UPCOMING)
    assert ShowFilter.READY.season_of(SCHOOL, TODAY) is None
    specials = Show("X", seasons=(Season(0, window="2020"), Season(2, window="2021")))
    assert ready_season(specials, TODAY) is specials.seasons[1]  # a numbered season first
    only = Show("Y", seasons=(Season(0, window="2020"), Season(1, episodes=1, watched=1)))
    assert ready_season(only, TODAY) is only.seasons[0]


def test_f_cycles_five_filters_and_comes_back_to_all() -> None:
    seen = [ShowFilter.ALL]
    while (following := seen[-1].next()) is not ShowFilter.ALL:
        seen.append(following)
    assert tuple(seen) == FILTER_CYCLE
    assert [which.value for which in seen] == ["all", "hinted", "upcoming", "watching", "completed"]
    assert ShowFilter.OVERDUE.next() is ShowFilter.ALL  # chosen elsewhere: f starts over


@given(watchlists(max_shows=6), st.sampled_from(ShowFilter), st.dates())
def test_the_screens_cached_standings_agree_with_the_filter(
    watchlist: Watchlist, which: ShowFilter, today: date
) -> None:
    standings = StandingCache(today)
    for show in watchlist.shows:
        assert standings.matches(show, which) == which.matches(show, today)
        if which.uses_next_season:
            found = next_season(show, today)
            assert which.season_of(show, today) == found
