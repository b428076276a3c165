"""The demo tells its story on any day: a live hint, an overdue one, a confirmed
upcoming season and one ready to watch, whatever today is."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from watchtui.app.run import demo_copy
from watchtui.core.demo import DEMO_DAY, demo_text, moved
from watchtui.core.model import Confidence
from watchtui.core.state import SeasonState, next_season, season_state
from watchtui.core.storage.document import Document
from watchtui.core.timeline import GroupKind, build_timeline
from watchtui.core.views import highlight_counts


def _story(path: Path, today: date) -> None:
    shows = Document.open(path).watchlist.shows
    hinted, overdue = highlight_counts(shows, today)
    assert hinted >= 1 and overdue >= 1
    states = {
        show.title: found[1] for show in shows if (found := next_season(show, today)) is not None
    }
    assert states["All of Us Are Dead"] is SeasonState.HINTED  # the hint is live today
    assert SeasonState.UPCOMING in states.values()
    timeline = build_timeline(shows, today)
    kinds = {group.kind for group in timeline.groups}
    assert {GroupKind.OVERDUE, GroupKind.READY} <= kinds
    rows = {(entry.state, entry.confidence) for entry in timeline.entries}
    assert (SeasonState.HINTED, Confidence.HINTED) in rows
    assert (SeasonState.UPCOMING, Confidence.CONFIRMED) in rows
    released = [season_state(s, today) for show in shows for s in show.seasons]
    assert SeasonState.RELEASED in released  # a season ready to watch


@settings(max_examples=25, deadline=None)
@given(st.dates(min_value=date(2000, 1, 1), max_value=date(2099, 12, 31)))
def test_the_demo_tells_its_story_on_any_day(tmp_path_factory, today: date) -> None:
    _story(demo_copy(tmp_path_factory.mktemp("demo"), today), today)


def test_the_demo_on_the_year_s_edges(tmp_path: Path) -> None:
    for n, today in enumerate([date(2026, 1, 1), date(2026, 12, 31), date(2028, 2, 29)]):
        folder = tmp_path / str(n)
        folder.mkdir()
        _story(demo_copy(folder, today), today)


def test_the_bundled_demo_is_as_of_its_own_day_and_moving_it_there_changes_nothing() -> None:
    assert demo_text(DEMO_DAY) == demo_text()
    assert 'window = "2024"' in demo_text()


def test_each_date_keeps_its_distance_in_its_own_unit() -> None:
    text = """added = 2024-05-01
window = "2024-06-11"
window = "November 2024"
window = "late 2023"
window = "TBA"
"""
    assert (
        moved(text, date(2024, 6, 1), date(2026, 12, 2))
        == """added = 2026-11-01
window = "2026-12-12"
window = "May 2027"
window = "late 2025"
window = "TBA"
"""
    )
