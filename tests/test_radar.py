"""The returning radar: a completed show with a new season comes back to the top."""

from __future__ import annotations

import time
from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from helpers.strategies import shows
from watchtui.core.model import Confidence, Season, Show, Status, replace
from watchtui.core.state import is_returning
from watchtui.core.timeline import build_timeline
from watchtui.core.views import ShowFilter, ShowIndex, StandingCache, standing_of

TODAY = date(2025, 6, 15)


def finished(number: int) -> Season:
    return Season(number, episodes=8, watched=8, window="2020-01-01")


def completed(title: str, *new: Season) -> Show:
    return Show(title, status=Status.COMPLETED, seasons=(finished(1), *new))


def test_a_completed_show_with_a_hinted_new_season_is_returning() -> None:
    show = completed("Dark", Season(2, window="late 2025", confidence=Confidence.HINTED))
    assert is_returning(show, TODAY)
    assert standing_of(show, TODAY).returning


def test_confirmed_rumored_overdue_and_released_seasons_count_too() -> None:
    for new in (
        Season(2, window="2025-09-01"),
        Season(2, window="2026", confidence=Confidence.RUMORED),
        Season(2, window="2024", confidence=Confidence.HINTED),  # overdue
        Season(2, window="2025-03-01"),  # out, not yet watched
    ):
        assert is_returning(completed("Dark", new), TODAY), new


def test_not_returning_without_a_window_when_watched_or_not_completed() -> None:
    assert not is_returning(completed("Dark"), TODAY)
    assert not is_returning(completed("Dark", Season(2)), TODAY)  # TBA: nothing to go on
    assert not is_returning(completed("Dark", Season(0, window="2025-09-01")), TODAY)
    assert not is_returning(completed("Dark", finished(2)), TODAY)
    watching = Show("Dark", seasons=(finished(1), Season(2, window="2025-09-01")))
    assert not is_returning(watching, TODAY)


def test_returning_shows_come_first_in_title_order_and_a_search_keeps_its_ranks() -> None:
    hinted = Season(2, window="late 2025", confidence=Confidence.HINTED)
    listed = [
        Show("Andor"),
        completed("Zorro", hinted),
        completed("Barry"),
        completed("Mindhunter", hinted),
    ]
    index = ShowIndex(listed)
    cache = StandingCache(TODAY)
    titles = [s.title for s in index.select(ShowFilter.ALL, "", cache)]
    assert titles == ["Mindhunter", "Zorro", "Andor", "Barry"]
    assert [s.title for s in index.select(ShowFilter.ALL, "barry", cache)] == ["Barry"]


@given(st.data(), st.integers(0, 6))
def test_the_order_is_a_stable_partition_of_the_title_order(data: st.DataObject, n: int) -> None:
    drawn = [data.draw(shows(f"Show {k}")) for k in range(n)]
    # Half the shows completed, so that returning ones turn up often.
    listed = [replace(s, status=Status.COMPLETED) if k % 2 else s for k, s in enumerate(drawn)]
    ordered = ShowIndex(listed).select(ShowFilter.ALL, "", StandingCache(TODAY))
    flags = [is_returning(show, TODAY) for show in ordered]
    assert flags == sorted(flags, reverse=True)  # every returning show before the rest
    by_title = ShowIndex(listed).shows
    for flag in (True, False):
        part = [s for s in ordered if is_returning(s, TODAY) is flag]
        assert part == [s for s in by_title if is_returning(s, TODAY) is flag]


def test_the_timeline_marks_the_rows_of_a_returning_show() -> None:
    back = completed("Dark", Season(2, window="late 2025", confidence=Confidence.HINTED))
    other = Show("Andor", seasons=(Season(2, window="late 2025", confidence=Confidence.HINTED),))
    entries = {e.show_title: e for e in build_timeline([back, other], TODAY).entries}
    assert entries["Dark"].returning
    assert not entries["Andor"].returning


def test_ordering_10000_shows_stays_fast() -> None:
    hinted = Season(2, window="late 2025", confidence=Confidence.HINTED)
    many = [
        completed(f"Show {n:05}", hinted) if n % 7 == 0 else completed(f"Show {n:05}")
        for n in range(10_000)
    ]
    index, cache = ShowIndex(many), StandingCache(TODAY)
    index.select(ShowFilter.ALL, "", cache)  # the first pass fills the cache
    started = time.perf_counter()
    ordered = index.select(ShowFilter.ALL, "", cache)
    assert time.perf_counter() - started < 0.05
    assert ordered[0].title == "Show 00000" and ordered[1].title == "Show 00007"
