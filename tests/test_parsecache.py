"""The parse cache: it gives back exactly what the file says, or nothing."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from helpers.strategies import watchlists
from watchtui.core import parsecache
from watchtui.core.codec import (
    WatchlistFileError,
    dump_show,
    dump_watchlist,
    parse_watchlist,
    reparse_changed_blocks,
    split_show_blocks,
)
from watchtui.core.document import CACHE_FROM_SHOWS, Document
from watchtui.core.model import Season, Show, Watchlist

HERE = Path("watchlist.toml")


def cached_for(path: Path, data: bytes) -> tuple[Watchlist, list[str] | None] | None:
    """What the cache gives for exactly these file bytes (None: nothing usable)."""
    entry = parsecache.read(path)
    return entry.load(data) if entry is not None else None


@settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow])
@given(watchlists())
def test_a_cached_watchlist_equals_the_parsed_one(watchlist: Watchlist) -> None:
    text = dump_watchlist(watchlist)
    data = text.encode("utf-8")
    parsed = parse_watchlist(text, HERE)
    blocks = split_show_blocks(text)
    parsecache.store(HERE, data, parsed, blocks)
    cached = cached_for(HERE, data)
    # Unknown keys holding dates or times cannot be marshalled: such files are not cached.
    if cached is not None:
        assert cached == (parsed, blocks)
        assert [type(show) for show in cached[0].shows] == [Show] * len(parsed.shows)


def test_the_cache_is_ignored_once_the_file_changes(tmp_path: Path) -> None:
    path = tmp_path / "watchlist.toml"
    watchlist = Watchlist([Show("Dark", seasons=(Season(1, episodes=10, watched=10),))])
    data = dump_watchlist(watchlist).encode("utf-8")
    parsecache.store(path, data, watchlist, None)
    assert cached_for(path, data) == (watchlist, None)
    edited = data.replace(b"Dark", b"Dork")
    assert cached_for(path, edited) is None


def test_a_damaged_cache_is_ignored(tmp_path: Path) -> None:
    path = tmp_path / "watchlist.toml"
    watchlist = Watchlist([Show("Dark")])
    data = dump_watchlist(watchlist).encode("utf-8")
    parsecache.store(path, data, watchlist, None)
    (entry,) = (parsecache.locations.cache_dir() / "parsed").iterdir()
    for damage in (b"", b"\x00garbage", entry.read_bytes()[:-7]):
        entry.write_bytes(damage)
        assert cached_for(path, data) is None


def test_a_large_file_opens_from_the_cache_with_the_same_shows(tmp_path: Path) -> None:
    path = tmp_path / "watchlist.toml"
    shows = [
        Show(f"Show {n}", added=date(2024, 1, 1), seasons=(Season(1, window="late 2025"),))
        for n in range(CACHE_FROM_SHOWS)
    ]
    path.write_text(dump_watchlist(Watchlist(shows)), encoding="utf-8")
    first = Document.open(path)  # parses, and writes the cache
    assert any((parsecache.locations.cache_dir() / "parsed").iterdir())
    second = Document.open(path)  # from the cache
    assert second.watchlist == first.watchlist
    assert second.text() == path.read_text(encoding="utf-8")
    assert Document.open(path, use_cache=False).watchlist == second.watchlist


def _large_file(path: Path) -> list[Show]:
    shows = [
        Show(
            f"Show {n:03d}",
            added=date(2024, 1, 1),
            seasons=(Season(1, window="late 2025", source="an interview"),),
        )
        for n in range(CACHE_FROM_SHOWS)
    ]
    path.write_text(dump_watchlist(Watchlist(shows)), encoding="utf-8")
    Document.open(path)  # writes the cache
    return shows


def test_a_hand_edit_reparses_only_the_edited_show(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "watchlist.toml"
    _large_file(path)
    text = path.read_text(encoding="utf-8")
    text = text.replace('title = "Show 007"', 'title = "Show Seven" # renamed by hand', 1)
    text = text.replace("version = 1\n", "version = 1\n# my watchlist\ntheme = 'dark'\n", 1)
    text += '\n[[show]]\ntitle = "Added By Hand"\n[[show.season]]\nnumber = 1\nwindow = "Q3 2026"\n'
    path.write_text(text, encoding="utf-8")
    expected = Document.open(path, use_cache=False).watchlist

    def no_full_parse(*_: object) -> None:
        raise AssertionError("the whole file was parsed again")

    monkeypatch.setattr("watchtui.core.document.parse_watchlist", no_full_parse)
    document = Document.open(path)
    assert document.watchlist == expected
    assert document.watchlist.extra == {"theme": "dark"}
    assert [s.title for s in document.watchlist.shows][7] == "Show Seven"
    assert document.watchlist.shows[-1].seasons[0].window == "Q3 2026"
    # The cache now holds the edited file: the next start needs no parsing at all.
    assert cached_for(path, path.read_bytes()) == (expected, split_show_blocks(text))


@pytest.mark.parametrize(
    ("edit", "problem"),
    [
        (('window = "late 2025"', 'window = "soonish"'), "soonish"),
        (('title = "Show 010"', 'title = "show 003"'), "two shows are titled"),
        (('title = "Show 010"', "title = 10"), "title must be text"),
        (("[[show.season]]", "[[show.season]]\nnumber = "), "not valid TOML"),
    ],
)
def test_a_bad_hand_edit_is_reported_as_a_whole_parse_reports_it(
    tmp_path: Path, edit: tuple[str, str], problem: str
) -> None:
    path = tmp_path / "watchlist.toml"
    _large_file(path)
    text = path.read_text(encoding="utf-8")
    start = text.index('title = "Show 010"')
    path.write_text(text[:start] + text[start:].replace(*edit, 1), encoding="utf-8")
    with pytest.raises(WatchlistFileError) as cached:
        Document.open(path)
    with pytest.raises(WatchlistFileError) as uncached:
        Document.open(path, use_cache=False)
    assert str(cached.value) == str(uncached.value)
    assert problem in str(cached.value)
    assert f"{path}:" in str(cached.value)  # path:line


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow])
@given(watchlists(), watchlists(max_shows=3), st.data())
def test_reparsing_changed_blocks_equals_a_whole_parse(
    before: Watchlist, others: Watchlist, data: st.DataObject
) -> None:
    """Known blocks from one file, applied to a file sharing some of its shows."""
    known = dict(zip(map(dump_show, before.shows), before.shows, strict=True))
    kept = data.draw(st.lists(st.sampled_from(before.shows), unique_by=id)) if before.shows else []
    titles = {show.key for show in kept}
    after = Watchlist(
        [*kept, *(show for show in others.shows if show.key not in titles)], others.extra
    )
    text = dump_watchlist(after)
    blocks = split_show_blocks(text)
    if not blocks:
        return
    reparsed = reparse_changed_blocks(text, HERE, blocks, known)
    try:
        parsed = parse_watchlist(text, HERE)
    except WatchlistFileError:
        assert reparsed is None
        return
    assert reparsed is None or reparsed == parsed


def test_a_deferred_cache_is_written_when_the_document_is_remembered(tmp_path: Path) -> None:
    path = tmp_path / "watchlist.toml"
    shows = [Show(f"Show {n:03d}") for n in range(CACHE_FROM_SHOWS)]
    path.write_text(dump_watchlist(Watchlist(shows)), encoding="utf-8")
    document = Document.open(path, defer_cache=True)
    assert parsecache.read(path) is None  # nothing written while opening
    document.remember()
    cached = cached_for(path, path.read_bytes())
    assert cached is not None and cached[0] == document.watchlist
    document.remember()  # a second time is harmless
    assert cached_for(path, path.read_bytes()) is not None
