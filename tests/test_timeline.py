"""The upcoming timeline: which seasons, in which group, in which order, on boundary days."""

from __future__ import annotations

from datetime import date

import pytest

from watchtui.core.model import Confidence, Season, Show, Status
from watchtui.core.state import SeasonState
from watchtui.core.timeline import (
    OVERDUE_LABEL,
    READY_LABEL,
    TBA_LABEL,
    GroupKind,
    TimelineEntry,
    build_timeline,
)
from watchtui.core.windows import Precision

DAY = date(2026, 3, 14)
HINTED = Confidence.HINTED
CONFIRMED = Confidence.CONFIRMED


def _show(title: str, *seasons: Season, status: Status = Status.WATCHING) -> Show:
    return Show(title=title, status=status, seasons=seasons)


def _only(shows: list[Show], today: date = DAY) -> TimelineEntry:
    (entry,) = build_timeline(shows, today).entries
    return entry


# ---------------------------------------------------------------------------
# Boundary days


@pytest.mark.parametrize(
    ("window", "state", "kind", "days_left"),
    [
        ("2026-03-13", SeasonState.RELEASED, GroupKind.READY, None),  # yesterday
        ("2026-03-14", SeasonState.RELEASED, GroupKind.READY, None),  # today: out today
        ("2026-03-15", SeasonState.UPCOMING, GroupKind.MONTH, 1),  # tomorrow
        ("2026-04-01", SeasonState.UPCOMING, GroupKind.MONTH, 18),
        ("March 2026", SeasonState.UPCOMING, GroupKind.MONTH, None),  # a month still running
        ("February 2026", SeasonState.RELEASED, GroupKind.READY, None),  # a month that ended
    ],
)
def test_confirmed_windows_around_today(
    window: str, state: SeasonState, kind: GroupKind, days_left: int | None
) -> None:
    entry = _only([_show("Show", Season(2, window=window, confidence=CONFIRMED))])
    assert entry.state is state
    assert entry.days_left == days_left
    timeline = build_timeline([_show("Show", Season(2, window=window))], DAY)
    assert timeline.groups[0].kind is kind


@pytest.mark.parametrize(
    ("window", "state", "group"),
    [
        ("2026-03-14", SeasonState.HINTED, "March 2026"),  # a hinted day, today: still a hint
        ("2026-03-13", SeasonState.OVERDUE, OVERDUE_LABEL),  # ended yesterday
        ("March 2026", SeasonState.HINTED, "March 2026"),
        ("Q1 2026", SeasonState.HINTED, "Q1 2026"),
        ("winter 2026", SeasonState.HINTED, "Q1 2026"),
        ("2025", SeasonState.OVERDUE, OVERDUE_LABEL),
        ("late 2025", SeasonState.OVERDUE, OVERDUE_LABEL),
        ("early 2026", SeasonState.HINTED, "2026"),
    ],
)
def test_hinted_windows_around_today(window: str, state: SeasonState, group: str) -> None:
    entry = _only([_show("Show", Season(1, window=window, confidence=HINTED))])
    assert (entry.state, entry.group) == (state, group)
    assert entry.days_left is None  # only a confirmed day counts down


def test_a_hint_that_ends_today_is_not_yet_overdue() -> None:
    season = Season(2, window="2024", confidence=Confidence.RUMORED)
    on_the_day = _only([_show("All of Us Are Dead", season)], date(2024, 12, 31))
    assert on_the_day.state is SeasonState.HINTED and on_the_day.group == "2024"
    next_day = _only([_show("All of Us Are Dead", season)], date(2025, 1, 1))
    assert next_day.state is SeasonState.OVERDUE and next_day.group == OVERDUE_LABEL
    assert next_day.note == "rumored for 2024, still unconfirmed"


def test_days_left_counts_down_to_the_day() -> None:
    show = _show("The Bear", Season(5, window="2026-06-25", confidence=CONFIRMED))
    assert _only([show], date(2026, 6, 23)).days_left == 2
    assert _only([show], date(2026, 6, 24)).days_left == 1
    assert _only([show], date(2026, 6, 24)).note == "tomorrow"
    on_the_day = _only([show], date(2026, 6, 25))
    assert on_the_day.state is SeasonState.RELEASED and on_the_day.days_left is None


# ---------------------------------------------------------------------------
# Sections and order


def test_sections_come_in_order_overdue_ready_dated_tba() -> None:
    shows = [
        _show("Zeta", Season(1)),  # TBA
        _show("Alpha", Season(1, window="2027-01-10")),
        _show("Beta", Season(1, episodes=8, watched=3, window="2025-06-01")),
        _show("Gamma", Season(2, window="2025", confidence=HINTED)),
        _show("Delta", Season(4, window="TBA", confidence=HINTED)),
    ]
    timeline = build_timeline(shows, DAY)
    assert [(g.kind, g.label) for g in timeline.groups] == [
        (GroupKind.OVERDUE, OVERDUE_LABEL),
        (GroupKind.READY, READY_LABEL),
        (GroupKind.MONTH, "January 2027"),
        (GroupKind.TBA, TBA_LABEL),
    ]
    assert [(e.show_title, e.season_number) for e in timeline.entries] == [
        ("Gamma", 2),
        ("Beta", 1),
        ("Alpha", 1),
        ("Delta", 4),  # TBA ones by title
        ("Zeta", 1),
    ]
    beta = timeline.entries[1]
    assert beta.note == "3 of 8 episodes watched"
    assert timeline.group(GroupKind.TBA) is timeline.groups[-1]
    assert timeline.group(GroupKind.QUARTER) is None


def test_groups_are_ordered_by_the_day_all_in_them_are_due() -> None:
    windows = [
        "2027",
        "Q4 2026",
        "December 2026",
        "2026",
        "H1 2026",
        "early 2026",
        "April 2026",
        "winter 2026",
        "Q1 2026",
        "March 2026",
        "2026-03-31",
        "fall 2026",
    ]
    show = _show(
        "Show", *(Season(n, window=w, confidence=HINTED) for n, w in enumerate(windows, 1))
    )
    timeline = build_timeline([show], date(2026, 1, 15))
    assert [(g.label, g.start, g.end) for g in timeline.groups] == [
        ("March 2026", date(2026, 3, 1), date(2026, 3, 31)),
        ("Q1 2026", date(2026, 1, 1), date(2026, 3, 31)),
        ("April 2026", date(2026, 4, 1), date(2026, 4, 30)),
        ("December 2026", date(2026, 12, 1), date(2026, 12, 31)),
        ("Q4 2026", date(2026, 10, 1), date(2026, 12, 31)),
        ("2026", date(2026, 1, 1), date(2026, 12, 31)),
        ("2027", date(2027, 1, 1), date(2027, 12, 31)),
    ]
    by_group = {g.label: [e.window for e in g.entries] for g in timeline.groups}
    assert by_group["March 2026"] == ["March 2026", "2026-03-31"]  # by window start
    assert by_group["Q1 2026"] == ["winter 2026", "Q1 2026"]  # same start: show, then number
    assert by_group["Q4 2026"] == ["Q4 2026", "fall 2026"]
    assert by_group["2026"] == ["early 2026", "H1 2026", "2026"]  # same start: shorter first
    assert [g.kind for g in timeline.groups] == [
        GroupKind.MONTH,
        GroupKind.QUARTER,
        GroupKind.MONTH,
        GroupKind.MONTH,
        GroupKind.QUARTER,
        GroupKind.YEAR,
        GroupKind.YEAR,
    ]


def test_entries_across_shows_are_ordered_by_window_start() -> None:
    shows = [
        _show("b", Season(1, window="2026-05-20")),
        _show("A", Season(1, window="2026-05-02")),
        _show("c", Season(1, window="May 2026", confidence=HINTED)),
        _show("B", Season(2, window="2026-05-02")),
    ]
    (group,) = build_timeline(shows, DAY).groups
    assert group.label == "May 2026"
    assert [(e.show_title, e.season_number) for e in group.entries] == [
        ("c", 1),  # the month starts on the 1st
        ("A", 1),
        ("B", 2),
        ("b", 1),
    ]


def test_what_is_left_out() -> None:
    shows = [
        _show("Dropped", Season(1, window="2026-05-01"), status=Status.DROPPED),
        _show("Seen", Season(1, episodes=6, watched=6, window="2026-01-01")),
        _show("Finished", Season(1, finished=date(2026, 1, 2), window="2026-05-01")),
        _show("Paused", Season(1, window="2026-05-01"), status=Status.PAUSED),
        _show("Completed", Season(7, window="2027"), status=Status.COMPLETED),
    ]
    timeline = build_timeline(shows, DAY)
    assert [e.show_title for e in timeline.entries] == ["Paused", "Completed"]
    assert build_timeline([], DAY).groups == ()


def test_an_entry_carries_what_a_screen_shows() -> None:
    show = _show(
        "All of Us Are Dead",
        Season(
            0,
            title="Behind the scenes",
            window="H2 2026",
            confidence=Confidence.RUMORED,
            source="a fan account",
        ),
    )
    entry = _only([show])
    assert entry == TimelineEntry(
        show_title="All of Us Are Dead",
        season_number=0,
        season_title="Behind the scenes",
        season_label="Specials",
        window="H2 2026",
        confidence=Confidence.RUMORED,
        source="a fan account",
        state=SeasonState.HINTED,
        start=date(2026, 7, 1),
        end=date(2026, 12, 31),
        precision=Precision.HALF,
        days_left=None,
        group="2026",
        watched=0,
        episodes=None,
    )
    assert entry.note == "1 Jul – 31 Dec 2026"
    tba = _only([_show("X", Season(3))])
    assert (tba.note, tba.start, tba.precision, tba.group) == ("no window yet", None, None, "TBA")


def test_year_end_month_and_quarter_groups() -> None:
    shows = [_show("S", Season(1, window="2026-12-31"), Season(2, window="Q4 2026"))]
    timeline = build_timeline(shows, DAY)
    assert [(g.label, g.start, g.end) for g in timeline.groups] == [
        ("December 2026", date(2026, 12, 1), date(2026, 12, 31)),
        ("Q4 2026", date(2026, 10, 1), date(2026, 12, 31)),
    ]
    assert timeline.entries[0].days_left == (date(2026, 12, 31) - DAY).days
