"""Search on the screen forgives: the shows filter (`/`) and the palette's jump to a
show find "Shōgun" from "shogun" and put the whole title first."""

from __future__ import annotations

from pathlib import Path

from app_helpers import SIZE, demo_file, list_lines, make_app, press, settle, type_text
from watchtui.app.screens.main import MainScreen
from watchtui.app.widgets.show_list import ShowList

__all__ = ["demo_file"]  # the fixture, imported for pytest


def _with_office(path: Path) -> Path:
    with path.open("a", encoding="utf-8") as file:
        for title in ("Office Hours", "Back at the Office", "The Office"):
            file.write(f'\n[[show]]\ntitle = "{title}"\n')
    return path


async def test_the_filter_forgives_accents_and_the_article_and_ranks_the_whole_title_first(
    demo_file: Path,
) -> None:
    app = make_app(_with_office(demo_file))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "slash")
        await type_text(pilot, "SHOGUN")
        assert [line[3:].split("  ")[0] for line in list_lines(app)] == ["Shōgun"]
        await press(pilot, "ctrl+u")
        await type_text(pilot, "the office")
        titles = [line[3:].rstrip() for line in list_lines(app)]
        assert titles == ["The Office", "Office Hours", "Back at the Office"]
        await press(pilot, "enter")  # to the list, the best match selected
        assert app.screen.query_one(ShowList).current.title == "The Office"


async def test_the_palette_jumps_to_the_show_the_title_means(demo_file: Path) -> None:
    app = make_app(_with_office(demo_file))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        for typed, title in [("office", "The Office"), ("shogun", "Shōgun"), ("葬送", "Frieren")]:
            await press(pilot, "ctrl+p")
            await type_text(pilot, typed)
            await settle(pilot)
            await pilot.pause(0.3)  # the palette lists its hits in batches, 0.25 s apart
            await press(pilot, "enter")
            await settle(pilot)
            assert isinstance(app.screen, MainScreen)
            assert app.screen.query_one(ShowList).current.title.startswith(title), typed
