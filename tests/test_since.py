"""What changed since a day: the rules, the remembered last start, and `upcoming --since`."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from app_helpers import list_lines, make_app, notifications, settle
from cli_helpers import run
from watchtui.core.changes import ChangeKind, LastLooked, changes_since, summary
from watchtui.core.model import Claim, Confidence, Season, Show
from watchtui.core.storage.document import Document

TODAY = date(2025, 6, 15)
SINCE = date(2025, 6, 1)
DATA = Path(__file__).parent / "data" / "since.toml"


def changed(shows: list[Show], since: date = SINCE) -> list[tuple[str, int, str, str]]:
    return [
        (c.show, c.season, c.change.value, c.window) for c in changes_since(shows, since, TODAY)
    ]


def test_the_sample_watchlist_lists_each_kind_of_change() -> None:
    shows = Document.open(DATA).watchlist.shows
    assert changed(shows) == [
        ("Andor", 2, "released", "2025-06-10"),
        ("Andor", 2, "confirmed", "mid 2025"),  # the hint, proved right
        ("Severance", 3, "overdue", "2025-06-03"),
        ("Arcane", 3, "contradicted", "2026"),  # the rumour, proved late
    ]


def test_released_means_a_confirmed_start_after_since_and_by_today() -> None:
    def on(day: date) -> Show:
        return Show("S", seasons=(Season(1, window=day.isoformat()),))

    assert changed([on(TODAY)]) == [("S", 1, "released", TODAY.isoformat())]
    assert changed([on(SINCE)]) == []  # out already at the last look
    assert changed([on(TODAY + timedelta(days=1))]) == []  # not out yet
    watched = Show("S", seasons=(Season(1, window="2025-06-10", episodes=1, watched=1),))
    assert changed([watched]) == []


def test_a_hint_goes_overdue_the_day_after_its_window_ends() -> None:
    def ending(day: date) -> Show:
        return Show("S", seasons=(Season(1, window=day.isoformat(), confidence="hinted"),))

    assert changed([ending(SINCE)]) != []  # overdue from 2 June: after the last look
    assert changed([ending(SINCE - timedelta(days=1))]) == []  # overdue by the last look
    assert changed([ending(TODAY)]) == []  # still hinted today


def test_a_confirmation_with_no_hint_before_it_is_reported_itself() -> None:
    show = Show(
        "S",
        seasons=(Season(2, window="2025-10-01", source="HBO", noted=date(2025, 6, 2)),),
    )
    found = changes_since([show], SINCE, TODAY)
    assert [(c.change, c.source) for c in found] == [(ChangeKind.CONFIRMED, "HBO")]
    assert summary(found) == "1 claim confirmed"


def test_nothing_changes_since_today_or_a_later_day() -> None:
    shows = Document.open(DATA).watchlist.shows
    assert changes_since(shows, TODAY, TODAY) == []
    assert changes_since(shows, TODAY + timedelta(days=30), TODAY) == []


@given(
    st.dates(date(2024, 1, 1), date(2025, 6, 14)),
    st.dates(date(2024, 1, 1), date(2025, 6, 14)),
)
def test_a_later_since_finds_no_more_than_an_earlier_one(a: date, b: date) -> None:
    shows = Document.open(DATA).watchlist.shows
    early, late = sorted((a, b))
    wide = {c for c in changes_since(shows, early, TODAY)}
    narrow = {c for c in changes_since(shows, late, TODAY)}
    assert narrow <= wide


@given(st.dates(date(1990, 1, 1), date(2100, 12, 31)), st.sampled_from(list(Confidence)))
def test_every_change_falls_in_the_interval(day: date, confidence: Confidence) -> None:
    season = Season(
        1,
        window=day.isoformat(),
        confidence=confidence,
        noted=day,
        earlier=(Claim(window=str(day.year), confidence=Confidence.HINTED),),
    )
    for change in changes_since([Show("S", seasons=(season,))], SINCE, TODAY):
        if change.change is ChangeKind.OVERDUE:
            assert SINCE <= day < TODAY
        else:
            assert SINCE < day <= TODAY


def test_the_last_start_is_remembered_per_file_outside_the_watchlist(tmp_path: Path) -> None:
    looked = LastLooked()
    first, second = tmp_path / "a.toml", tmp_path / "b.toml"
    assert looked.get(first) is None
    looked.remember(first, SINCE)
    looked.remember(second, TODAY)
    assert LastLooked().get(first) == SINCE
    assert LastLooked().get(second) == TODAY
    assert not looked.file.is_relative_to(tmp_path)  # the state folder, not the watchlist's
    looked.file.write_text("{not json", encoding="utf-8")
    assert LastLooked().get(first) is None  # a damaged state file is no reason to fail


def test_upcoming_since_prints_the_changes(tmp_path: Path) -> None:
    done = run("upcoming", "--since", "2025-06-01", file=DATA, today="2025-06-15")
    assert done.code == 0, done.err
    lines = done.out.splitlines()
    assert lines[0].split() == ["SHOW", "SEASON", "CHANGE", "WINDOW", "CONFIDENCE", "SOURCE"]
    assert "released" in lines[1] and "Andor" in lines[1]
    assert any("contradicted" in line and "rumour site" in line for line in lines)


def test_upcoming_since_json_is_a_list_of_changes() -> None:
    done = run("upcoming", "--since", "2025-06-01", "--json", file=DATA, today="2025-06-15")
    assert done.code == 0, done.err
    found = json.loads(done.out)
    assert found[0] == {
        "show": "Andor",
        "season": 2,
        "change": "released",
        "window": "2025-06-10",
        "confidence": "confirmed",
        "source": "Disney+",
    }
    assert [c["change"] for c in found] == ["released", "confirmed", "overdue", "contradicted"]
    assert (
        json.loads(
            run("upcoming", "--since", "2025-06-15", "--json", file=DATA, today="2025-06-15").out
        )
        == []
    )


def test_upcoming_since_refuses_a_bad_date_in_one_line() -> None:
    done = run("upcoming", "--since", "June", file=DATA, today="2025-06-15")
    assert done.code != 0
    assert "not a date like 2025-03-14" in done.err
    assert "Traceback" not in done.err


async def test_a_second_start_shows_what_changed_and_the_returning_show_on_top(
    tmp_path: Path,
) -> None:
    path = tmp_path / "watchlist.toml"
    path.write_bytes(DATA.read_bytes())
    first = make_app(path, SINCE)
    async with first.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        assert not any("Since you last looked" in text for text in notifications(first))
    second = make_app(path, TODAY)
    async with second.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        shown = "\n".join(notifications(second))
        assert "Since you last looked (2025-06-01)" in shown
        assert "1 season released" in shown and "1 claim contradicted" in shown
        assert "Andor S2: released (2025-06-10)" in shown
        # Mindhunter was completed; its hinted season 3 brings it back to the top.
        top = list_lines(second)[0]
        assert "↻" in top and "Mindhunter" in top and "returning" in top
        assert "returning" not in list_lines(second)[1]
    assert path.read_bytes() == DATA.read_bytes()  # nothing remembered in the watchlist
    third = make_app(path, TODAY)  # started again the same day: nothing new to say
    async with third.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        assert not any("Since you last looked" in text for text in notifications(third))
