"""The import/export core in-process: iCalendar text rules, JSON values, merging."""

from __future__ import annotations

import csv
import io
import json
from datetime import UTC, date, datetime, time, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from helpers.strategies import seasons
from watchtui.core.errors import ImportFileError
from watchtui.core.formats.containers import csv_table, json_items, open_source
from watchtui.core.formats.ical import escape_text, event_uid, fold_line
from watchtui.core.formats.incoming import ImportFormat, Incoming
from watchtui.core.formats.json import (
    decode_json_value,
    encode_json_value,
    read_watchtui_json,
    watchlist_json,
)
from watchtui.core.imports import detect, read_import
from watchtui.core.merge import merge_season, merge_show, plan_merge
from watchtui.core.model import (
    CastNote,
    Claim,
    Confidence,
    Ids,
    Season,
    Show,
    Status,
    Watchlist,
)

# ---------------------------------------------------------------------------
# iCalendar text


def test_escape_text() -> None:
    assert escape_text("a\\b;c,d\ne\r\nf") == "a\\\\b\\;c\\,d\\ne\\nf"
    assert escape_text("plain: text") == "plain: text"  # colons need no escape in a value


def test_fold_line_at_75_octets() -> None:
    line = "DESCRIPTION:" + "x" * 200
    folded = fold_line(line).split("\r\n")
    assert [len(part.encode()) for part in folded] == [
        75,
        75,
        64,
    ]  # 212 octets: 75, then 74 + the leading space, twice
    assert all(part.startswith(" ") for part in folded[1:])
    assert "".join(part.removeprefix(" ") for part in folded) == line
    assert fold_line("SUMMARY:short") == "SUMMARY:short"
    assert fold_line("X" * 75) == "X" * 75


def test_fold_line_never_splits_a_character() -> None:
    line = "SUMMARY:" + "학교" * 40  # three octets each
    parts = fold_line(line).split("\r\n")
    assert len(parts[0].encode()) == 74  # 8 + 22 × 3: one more would make 77
    for part in parts:
        assert len(part.encode()) <= 75
        part.encode().decode("utf-8")
    assert "".join(p.removeprefix(" ") for p in parts) == line


@given(st.text(min_size=0, max_size=400))
def test_fold_line_keeps_any_text(text: str) -> None:
    line = "DESCRIPTION:" + escape_text(text)
    parts = fold_line(line).split("\r\n ")
    assert "".join(parts) == line
    assert all(len(part.encode("utf-8")) <= (75 if i == 0 else 74) for i, part in enumerate(parts))
    assert all(part for part in parts)


def test_uids_depend_on_title_ignoring_case_and_on_number_only() -> None:
    assert event_uid("Squid Game", 2) == event_uid("  squid GAME ", 2)
    assert event_uid("Squid Game", 2) != event_uid("Squid Game", 3)
    assert event_uid("Squid Game", 2) != event_uid("Squid Games", 2)
    assert event_uid("Squid Game", 2).endswith("@watchtui")


# ---------------------------------------------------------------------------
# JSON values for keys watchtui does not know


@pytest.mark.parametrize(
    "value",
    [
        date(2024, 4, 23),
        datetime(2026, 2, 1, 10, 0, tzinfo=UTC),
        datetime(2026, 2, 1, 10, 0, tzinfo=timezone(timedelta(hours=9))),
        datetime(2026, 2, 1, 10, 0, 30, 123000),
        time(7, 30),
        float("inf"),
        -float("inf"),
        {"$date": "not a tag, a table"},
        {"nested": [date(2020, 1, 1), {"$table": 1}], "n": 1.5, "b": True, "s": "x"},
        [],
        "$date",
    ],
)
def test_json_values_come_back_as_they_were(value: Any) -> None:
    encoded = encode_json_value(value)
    decoded = decode_json_value(json.loads(json.dumps(encoded)))
    assert decoded == value and type(decoded) is type(value)


def test_nan_comes_back_as_nan() -> None:
    decoded = decode_json_value(json.loads(json.dumps(encode_json_value(float("nan")))))
    assert decoded != decoded


def test_a_bad_tag_is_an_error_naming_the_key() -> None:
    document = {"shows": [{"title": "X", "extra": {"when": {"$date": "yesterday"}}}]}
    with pytest.raises(ImportFileError) as caught:
        read_watchtui_json(document, Path("x.json"))
    assert str(caught.value).startswith("x.json: shows[0].extra: Invalid isoformat string")


def test_extra_may_not_shadow_a_field() -> None:
    document = {"shows": [{"title": "X", "extra": {"status": "odd"}}]}
    with pytest.raises(ImportFileError, match=r"shows\[0\]\.extra: 'status' is a field"):
        read_watchtui_json(document, Path("x.json"))


def test_watchlist_json_round_trip_in_process() -> None:
    show = Show(
        title="Arcane",
        original_title="Arcane: League of Legends",
        status=Status.COMPLETED,
        notes="two seasons\nand done",
        added=date(2021, 11, 6),
        seasons=(
            Season(
                1,
                title="Act 1",
                episodes=9,
                watched=9,
                finished=date(2021, 11, 21),
                window="November 2021",
                source="Netflix",
                extra={"k": [1, 2]},
            ),
            Season(2, window="2024-11-09", confidence=Confidence.CONFIRMED, noted=date(2024, 5, 1)),
        ),
        cast=(CastNote("Hailee Steinfeld", "Vi", extra={"since": date(2021, 1, 1)}),),
        ids=Ids(imdb="tt11126994"),
    )
    watchlist = Watchlist([show], {"owner": "kim"})
    text = watchlist_json(watchlist, watchlist.shows, date(2026, 1, 1))
    again = read_watchtui_json(json.loads(text), Path("x.json"))
    assert again.shows == [show]
    assert again.extra == {"owner": "kim"}


# ---------------------------------------------------------------------------
# Detecting the format


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('{"watchtui": 1, "shows": []}', ImportFormat.JSON),
        ('{"shows": []}', ImportFormat.JSON),
        ("[]", ImportFormat.TRAKT),
        ('{"watched": [], "username": "x"}', ImportFormat.TRAKT),
        ('  \n{"watchlist": []}', ImportFormat.TRAKT),
        ("Position,Const,Created,Title,Title Type\n", ImportFormat.IMDB),
        ("Const,Your Rating,Date Rated,Title,URL,Title Type\n", ImportFormat.IMDB),
        ("TMDb ID,IMDb ID,Type,Name,Release Date\n", ImportFormat.TMDB),
        ("media_id,source,media_type,title,image\n", ImportFormat.YAMTRACK),
        ("tv_show_id,is_followed,nb_episodes_seen\n", ImportFormat.TVTIME),
        ('[{"title": "Dark", "tvdb_id": 1, "seasons": []}]', ImportFormat.SERIESGUIDE),
        ('{"data": [], "paging": {}}', ImportFormat.MAL),
        ("<?xml version='1.0'?><myanimelist></myanimelist>", ImportFormat.MAL),
    ],
)
def test_detect_format(tmp_path: Path, text: str, expected: ImportFormat) -> None:
    (tmp_path / "f").write_text(text, encoding="utf-8")
    with open_source(tmp_path / "f") as source:
        assert detect(source.members[0]).format is expected


@pytest.mark.parametrize("text", ['{"username": "x"}', "Title,Year\n", "", "42"])
def test_detect_format_refuses_other_files(tmp_path: Path, text: str) -> None:
    (tmp_path / "f").write_text(text, encoding="utf-8")
    with pytest.raises(ImportFileError, match="not an export watchtui can import"):
        read_import(tmp_path / "f", date(2026, 3, 1))


_JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=5), inner),
    max_leaves=10,
)


@given(st.lists(_JSON_VALUES, max_size=8), st.sampled_from([0, 2, None]))
def test_json_items_streams_any_list_back_whole(items: list[Any], indent: int | None) -> None:
    data = json.dumps(items, indent=indent, ensure_ascii=False).encode("utf-8")
    assert list(json_items(io.BytesIO(data), Path("f"))) == items


def test_json_items_names_the_line_of_a_broken_item() -> None:
    data = b'[\n  {"a": 1},\n  {"a": 2,}\n]'
    with pytest.raises(ImportFileError, match="not valid JSON") as caught:
        list(json_items(io.BytesIO(data), Path("f")))
    assert caught.value.line == 3


_CELLS = st.text(st.characters(exclude_characters="\x00", exclude_categories=("Cs",)), max_size=8)


@given(st.lists(st.lists(_CELLS, min_size=2, max_size=2), max_size=6))
def test_csv_table_gives_every_row_back(rows: list[list[str]]) -> None:
    text = io.StringIO()
    csv.writer(text).writerows([["a", "b"], *rows])
    table = csv_table(io.BytesIO(text.getvalue().encode("utf-8")), Path("f"))
    kept = [row for row in rows if any(cell.strip() for cell in row)]
    assert table.header == ["a", "b"]
    assert [row for _, row in table.rows] == kept


# ---------------------------------------------------------------------------
# Merging


def test_merge_season_only_raises_progress() -> None:
    mine = Season(1, episodes=10, watched=6, window="2025-01-01", source="FX")
    theirs = Season(1, episodes=12, watched=4, window="2026", confidence=Confidence.HINTED)
    merged = merge_season(mine, theirs)
    assert (merged.episodes, merged.watched, merged.window, merged.source) == (
        10,
        6,
        "2025-01-01",
        "FX",
    )
    assert merged.confidence is Confidence.CONFIRMED


def test_merge_season_never_beyond_the_users_episode_count() -> None:
    merged = merge_season(Season(1, episodes=8, watched=2), Season(1, watched=10))
    assert (merged.episodes, merged.watched) == (8, 8)


def test_merge_season_keeps_unknown_count_when_theirs_is_too_small() -> None:
    merged = merge_season(Season(1, watched=10), Season(1, episodes=8, watched=8))
    assert (merged.episodes, merged.watched) == (None, 10)


def test_merge_season_fills_a_missing_window_with_its_confidence() -> None:
    theirs = Season(
        2,
        window="late 2026",
        confidence=Confidence.HINTED,
        source="Variety",
        noted=date(2026, 1, 2),
    )
    merged = merge_season(Season(2, watched=0), theirs)
    assert (merged.window, merged.confidence, merged.source, merged.noted) == (
        "late 2026",
        Confidence.HINTED,
        "Variety",
        date(2026, 1, 2),
    )


def test_merge_season_keeps_the_claims_brought_and_credits_no_source_wrongly() -> None:
    hint = Claim("2025", Confidence.HINTED, "agency post", date(2024, 4, 23))
    mine = Season(2, window="2025-01-31", noted=date(2024, 12, 1))
    theirs = Season(
        2, window="late 2025", source="Variety", noted=date(2024, 9, 1), earlier=(hint,)
    )
    merged = merge_season(mine, theirs)
    assert (merged.window, merged.source) == ("2025-01-31", "")  # Variety said late 2025
    assert merged.earlier == (hint, theirs.claim)  # oldest first, none lost
    assert merge_season(merged, theirs) == merged

    doubted = Season(2, confidence=Confidence.RUMORED, source="a fan forum")
    filled = merge_season(doubted, theirs)
    assert (filled.window, filled.source, filled.noted) == ("late 2025", "Variety", theirs.noted)
    assert filled.earlier == (doubted.claim, hint)


@given(seasons(1), seasons(1))
def test_merging_a_season_keeps_every_claim_and_twice_is_once(mine: Season, theirs: Season) -> None:
    merged = merge_season(mine, theirs)
    said = {_said(claim) for claim in merged.claims}
    for claim in (*mine.claims, *theirs.claims):
        if claim.says_something:
            assert _said(claim) in said
    assert merge_season(merged, theirs) == merged


def _said(claim: Claim) -> tuple[str, Confidence, date | None]:
    """A claim without its source: a source is kept only with the claim it made."""
    return claim.window.strip(), claim.confidence, claim.noted


def test_merge_season_keeps_the_finished_date() -> None:
    mine = Season(1, episodes=3, watched=3, finished=date(2020, 1, 1))
    assert merge_season(mine, Season(1, finished=date(2024, 1, 1))).finished == date(2020, 1, 1)
    assert merge_season(Season(1), Season(1, finished=date(2024, 1, 1))).finished == date(
        2024, 1, 1
    )


def test_merge_show_returns_the_same_object_when_nothing_is_new() -> None:
    show = Show("Dark", network="Netflix", seasons=(Season(1, episodes=10, watched=10),))
    assert merge_show(show, Show("DARK", status=Status.PLANNED)) is show


def test_plan_merge_counts_and_does_not_change_the_watchlist() -> None:
    dark = Show("Dark", seasons=(Season(1, watched=2),))
    bear = Show("The Bear")
    watchlist = Watchlist([dark, bear])
    incoming = Incoming(ImportFormat.TRAKT, added=date(2026, 3, 1))
    for show in (Show("dark", seasons=(Season(1, watched=5),)), Show("the bear"), Show("Arcane")):
        incoming.add(show)
    plan = plan_merge(watchlist, incoming)
    assert (plan.added, plan.merged, plan.unchanged) == (1, 1, 1)
    assert watchlist.shows == [dark, bear]  # planning changes nothing
    plan.apply(watchlist)
    assert [s.title for s in watchlist.shows] == ["Dark", "The Bear", "Arcane"]
    assert watchlist.shows[0].seasons[0].watched == 5
    assert watchlist.shows[2].added == date(2026, 3, 1)
    assert watchlist.shows[0].added is None  # a show that was there was not added today
