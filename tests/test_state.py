"""Derived states on the days where they change, and which shows stand out."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

import pytest

from watchtui.core import clock, edits
from watchtui.core.errors import ModelError
from watchtui.core.model import Confidence, Season, Show, Watchlist
from watchtui.core.state import SeasonState, highlight, next_season, season_state
from watchtui.core.storage.document import Change

S = SeasonState
DAY = timedelta(days=1)


def season(number: int = 1, **fields: Any) -> Season:
    return Season(number=number, **fields)


@pytest.mark.parametrize("confidence", [Confidence.HINTED, Confidence.RUMORED])
def test_hint_is_hinted_through_its_last_day_and_overdue_the_day_after(
    confidence: Confidence,
) -> None:
    hint = season(window="late 2024", confidence=confidence)
    assert season_state(hint, date(2024, 1, 1)) is S.HINTED
    assert season_state(hint, date(2024, 9, 1)) is S.HINTED
    assert season_state(hint, date(2024, 12, 31)) is S.HINTED
    assert season_state(hint, date(2025, 1, 1)) is S.OVERDUE


def test_hinted_day_window_is_overdue_only_after_that_day() -> None:
    hint = season(window="2025-03-14", confidence=Confidence.HINTED)
    assert season_state(hint, date(2025, 3, 14)) is S.HINTED
    assert season_state(hint, date(2025, 3, 15)) is S.OVERDUE


def test_confirmed_month_is_upcoming_on_its_last_day_and_released_the_day_after() -> None:
    confirmed = season(window="March 2025", confidence=Confidence.CONFIRMED)
    assert season_state(confirmed, date(2025, 2, 28)) is S.UPCOMING
    assert season_state(confirmed, date(2025, 3, 1)) is S.UPCOMING
    assert season_state(confirmed, date(2025, 3, 31)) is S.UPCOMING
    assert season_state(confirmed, date(2025, 4, 1)) is S.RELEASED


def test_confirmed_leap_month_ends_on_the_29th() -> None:
    confirmed = season(window="Feb 2024")
    assert season_state(confirmed, date(2024, 2, 29)) is S.UPCOMING
    assert season_state(confirmed, date(2024, 3, 1)) is S.RELEASED


def test_confirmed_quarter_in_december() -> None:
    confirmed = season(window="Q4 2024")
    assert season_state(confirmed, date(2024, 12, 31)) is S.UPCOMING
    assert season_state(confirmed, date(2025, 1, 1)) is S.RELEASED


def test_confirmed_day_is_released_on_that_day() -> None:
    confirmed = season(window="2025-03-14")
    assert season_state(confirmed, date(2025, 3, 13)) is S.UPCOMING
    assert season_state(confirmed, date(2025, 3, 14)) is S.RELEASED
    assert season_state(confirmed, date(2025, 3, 15)) is S.RELEASED


def test_confidence_defaults_to_confirmed() -> None:
    assert season(window="2025-03-14").confidence is Confidence.CONFIRMED


def test_watched_by_finished_date_whatever_the_window() -> None:
    for window, confidence in [("2030", Confidence.CONFIRMED), ("", Confidence.HINTED)]:
        done = season(window=window, confidence=confidence, finished=date(2025, 1, 2))
        assert season_state(done, date(2025, 1, 3)) is S.WATCHED


def test_watched_when_every_known_episode_is_watched() -> None:
    done = season(episodes=8, watched=8, window="late 2030", confidence=Confidence.HINTED)
    assert season_state(done, date(2025, 1, 1)) is S.WATCHED
    assert season_state(season(episodes=8, watched=7), date(2025, 1, 1)) is S.RELEASED


def test_released_when_some_episodes_are_watched_even_if_the_window_is_ahead() -> None:
    started = season(episodes=10, watched=1, window="2030", confidence=Confidence.RUMORED)
    assert season_state(started, date(2025, 1, 1)) is S.RELEASED
    unknown_count = season(watched=3)
    assert season_state(unknown_count, date(2025, 1, 1)) is S.RELEASED


@pytest.mark.parametrize("confidence", list(Confidence))
@pytest.mark.parametrize("window", ["", "TBA", "tbd"])
def test_no_window_is_tba(window: str, confidence: Confidence) -> None:
    assert season_state(season(window=window, confidence=confidence), date(2025, 1, 1)) is S.TBA


def edited(edit: Callable[..., Change], before: Season, *args: Any, today: date) -> Season:
    """The season after an edit of `watchtui.core.edits` on a show holding only it."""
    show = Show("Dark", seasons=(before,))
    after = edit(Watchlist([show]), show, before, *args, today=today).after
    assert after is not None
    return after.seasons[0]


def test_marking_watched_and_unwatched() -> None:
    today = date(2025, 6, 15)
    start = season(episodes=6, watched=2, window="2025-01-01")
    marked = edited(edits.mark_watched, start, today=today)
    assert (marked.finished, marked.watched) == (today, 6)
    assert season_state(marked, today) is S.WATCHED
    cleared = edited(edits.mark_unwatched, marked, today=today)
    assert (cleared.finished, cleared.watched) == (None, 0)
    assert season_state(cleared, today) is S.RELEASED


def test_watching_the_last_episode_finishes_the_season() -> None:
    today = date(2025, 6, 15)
    one_left = season(episodes=3, watched=2)
    done = edited(edits.set_watched_episodes, one_left, 3, today=today)
    assert done.finished == today and season_state(done, today) is S.WATCHED
    assert edited(edits.set_watched_episodes, done, 2, today=today).finished is None
    for beyond in (99, -5):  # refused, not stretched to fit
        with pytest.raises(ModelError):
            edited(edits.set_watched_episodes, one_left, beyond, today=today)


# ---------------------------------------------------------------------------
# Next season and highlights

TODAY = date(2025, 6, 15)


def show(*seasons: Season) -> Show:
    return Show(title="Example", seasons=seasons)


def test_next_season_skips_specials_and_watched_or_released_seasons() -> None:
    example = show(
        season(0, window="2026", confidence=Confidence.HINTED),  # specials
        season(1, finished=date(2024, 1, 1)),  # watched
        season(2, window="2025-01-10"),  # released
        season(3, window="2026", confidence=Confidence.HINTED),
        season(4, window="2027", confidence=Confidence.RUMORED),
    )
    found = next_season(example, TODAY)
    assert found is not None
    assert (found[0].number, found[1]) == (3, S.HINTED)


def test_next_season_is_the_lowest_number_whatever_the_file_order() -> None:
    example = show(
        season(5, window="2027", confidence=Confidence.RUMORED),
        season(2, window="2025-12"),
        season(1, watched=3),
    )
    found = next_season(example, TODAY)
    assert found is not None and found[0].number == 2 and found[1] is S.UPCOMING


def test_no_next_season_when_everything_is_out() -> None:
    assert next_season(show(season(1, finished=TODAY), season(2, watched=1)), TODAY) is None
    assert next_season(show(season(0, window="2030")), TODAY) is None
    assert next_season(show(), TODAY) is None


def test_highlight_for_a_hinted_next_season() -> None:
    example = show(
        season(1, finished=TODAY), season(2, window="2025", confidence=Confidence.HINTED)
    )
    mark = highlight(example, TODAY)
    assert mark is not None
    assert mark.season.number == 2 and mark.state is S.HINTED and not mark.stale
    assert mark.glyph  # a glyph, not only a colour


def test_highlight_for_an_overdue_hint_is_marked_stale() -> None:
    example = show(season(1, window="2024", confidence=Confidence.RUMORED))
    mark = highlight(example, TODAY)
    assert mark is not None and mark.state is S.OVERDUE and mark.stale
    hinted = highlight(show(season(1, window="2026", confidence=Confidence.HINTED)), TODAY)
    assert hinted is not None and hinted.glyph != mark.glyph


@pytest.mark.parametrize(
    "seasons",
    [
        (season(1, window="2025-12"),),  # upcoming
        (season(1, window=""),),  # tba
        (season(1, window="2024-01-01"),),  # released
        (season(1, finished=TODAY),),  # watched
        (season(0, window="2026", confidence=Confidence.HINTED),),  # only specials are hinted
        # the next season is confirmed; a later hinted one does not count
        (season(1, window="2025-12"), season(2, window="2026", confidence=Confidence.HINTED)),
    ],
)
def test_no_highlight_unless_the_next_season_is_hinted_or_overdue(
    seasons: tuple[Season, ...],
) -> None:
    assert highlight(show(*seasons), TODAY) is None


def test_state_changes_exactly_once_across_a_window_end() -> None:
    """Walk every day of two years: a hint turns overdue once, on the day after it ends."""
    hint = season(window="H1 2025", confidence=Confidence.HINTED)
    confirmed = season(window="H1 2025")
    day = date(2024, 7, 1)
    changes: list[tuple[date, S, S]] = []
    before = (season_state(hint, day), season_state(confirmed, day))
    while day < date(2026, 7, 1):
        day += DAY
        now = (season_state(hint, day), season_state(confirmed, day))
        if now != before:
            changes.append((day, *now))
        before = now
    assert changes == [(date(2025, 7, 1), S.OVERDUE, S.RELEASED)]


def test_today_honours_watchtui_today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WATCHTUI_TODAY", " 2024-02-29 ")
    assert clock.today() == date(2024, 2, 29)
    monkeypatch.setenv("WATCHTUI_TODAY", "")
    assert clock.today() == date.today()
    monkeypatch.setenv("WATCHTUI_TODAY", "tomorrow")
    with pytest.raises(clock.TodayError, match="WATCHTUI_TODAY must be a date"):
        clock.today()


def test_tests_run_on_a_fixed_day(today: date) -> None:
    assert clock.today() == today
