"""The upcoming timeline at 80×24: every row shows its window, its confidence and a
source mark, long titles are cut and push nothing off, the cursor steps over the
group labels, and enter shows the whole row, then goes to the show."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from app_helpers import make_app, press, screen_lines, settle, table_rows
from watchtui.app.screens.main import MainScreen
from watchtui.app.screens.upcoming import EntryDetails, TimelineTable, UpcomingScreen
from watchtui.app.widgets.show_list import ShowList

TODAY = date(2026, 12, 2)
LONG = "The Extraordinarily Long-Winded Chronicles of the Northern Kingdoms and Beyond"
WIDE = "지금 우리 학교는 그리고 아주 아주 긴 제목의 드라마"

WATCHLIST = f"""\
version = 1

[[show]]
title = "{LONG}"

[[show.season]]
number = 2
window = "2026"
confidence = "rumored"
source = "A fan forum thread that goes on for a very long time about nothing much"
noted = 2026-03-04

[[show]]
title = "{WIDE}"

[[show.season]]
number = 3
window = "2027-02-14"
confidence = "confirmed"
source = "Netflix"
noted = 2026-11-30

[[show]]
title = "Kingdom"

[[show.season]]
number = 3
window = "2025"
confidence = "hinted"
source = "Writer's interview"
noted = 2024-05-01

[[show]]
title = "Dark"

[[show.season]]
number = 4
window = "late 2027"
confidence = "hinted"
"""


def watchlist(folder: Path) -> Path:
    path = folder / "watchlist.toml"
    path.write_text(WATCHLIST, encoding="utf-8")
    return path


async def test_every_row_fits_80_columns_with_window_confidence_and_source_mark(
    tmp_path: Path,
) -> None:
    app = make_app(watchlist(tmp_path), TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await press(pilot, "u")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, UpcomingScreen)
        by_show = {row[1][:5]: row for row in table_rows(app, "#timeline") if row[2]}
        assert set(by_show) == {"The E", "지금 우리", "Kingd", "Dark"}
        for cut in (by_show["The E"][1], by_show["지금 우리"][1]):
            assert cut.endswith("…") and len(cut) < 30  # cut, not pushing the columns off
        # The window and the confidence in full; the source cut, or a mark that there is one.
        assert by_show["The E"][3:5] == ["2026", "rumored"]  # rumored, not hinted
        assert by_show["지금 우리"][3:5] == ["2027-02-14", "confirmed"]
        assert by_show["Kingd"][3:5] == ["2025", "hinted"]
        assert by_show["Dark"][3:] == ["late 2027", "hinted", ""]  # no source, no mark
        marks = [by_show[key][5] for key in ("The E", "지금 우리", "Kingd")]
        assert marks in (["✓"] * 3, ["A fan forum…", "Netflix", "Writer's in…"]), marks
        lines = screen_lines(app)
        assert all(len(line) <= 80 for line in lines)
        assert any("rumored" in line and "A fan forum" in line for line in lines)


async def test_the_cursor_steps_over_group_labels_both_ways(tmp_path: Path) -> None:
    app = make_app(watchlist(tmp_path), TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await press(pilot, "u")
        await pilot.pause()
        table = app.screen.query_one(TimelineTable)
        seen = [table.cursor_row]
        for key in ["down"] * 5 + ["up"] * 5 + ["j", "k", "end", "home", "pagedown"]:
            await press(pilot, key)
            await pilot.pause()
            seen.append(table.cursor_row)
        rows = table_rows(app, "#timeline")
        assert all(rows[row][2] for row in seen), "the cursor stopped on a group label"
        entries = [n for n, row in enumerate(rows) if row[2]]
        assert seen[:4] == entries  # down goes season by season
        assert seen[4] == entries[-1]  # and stops at the last
        assert seen[9] == entries[0]


async def test_enter_shows_the_whole_row_then_goes_to_the_show(tmp_path: Path) -> None:
    path = watchlist(tmp_path)
    before = path.read_bytes()
    app = make_app(path, TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await press(pilot, "u")
        await pilot.pause()
        rows = table_rows(app, "#timeline")
        assert rows[1][1] == "Kingdom"  # overdue first
        await press(pilot, "down")  # the rumored one, its title cut on the table
        await press(pilot, "enter")
        await pilot.pause()
        assert isinstance(app.screen, EntryDetails)
        text = "\n".join(screen_lines(app))
        words = " ".join(text.replace("│", " ").replace("█", " ").split())
        assert "A fan forum thread that goes on for a very long time about nothing" in words
        assert LONG in words
        assert "2026-03-04" in text and "rumored (not confirmed)" in text
        await press(pilot, "escape")
        assert isinstance(app.screen, UpcomingScreen)
        await press(pilot, "enter", "enter")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        assert app.screen.query_one(ShowList).current.title == LONG
    assert path.read_bytes() == before
