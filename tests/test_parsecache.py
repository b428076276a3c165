"""The parse cache: it gives back exactly what the file says, or nothing."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from hypothesis import HealthCheck, given, settings

from helpers.strategies import watchlists
from watchtui.core import parsecache
from watchtui.core.codec import dump_watchlist, parse_watchlist, split_show_blocks
from watchtui.core.document import CACHE_FROM_SHOWS, Document
from watchtui.core.model import Season, Show, Watchlist

HERE = Path("watchlist.toml")


@settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow])
@given(watchlists())
def test_a_cached_watchlist_equals_the_parsed_one(watchlist: Watchlist) -> None:
    text = dump_watchlist(watchlist)
    data = text.encode("utf-8")
    parsed = parse_watchlist(text, HERE)
    blocks = split_show_blocks(text)
    parsecache.store(HERE, data, parsed, blocks)
    cached = parsecache.load(HERE, data)
    # Unknown keys holding dates or times cannot be marshalled: such files are not cached.
    if cached is not None:
        assert cached == (parsed, blocks)
        assert [type(show) for show in cached[0].shows] == [Show] * len(parsed.shows)


def test_the_cache_is_ignored_once_the_file_changes(tmp_path: Path) -> None:
    path = tmp_path / "watchlist.toml"
    watchlist = Watchlist([Show("Dark", seasons=(Season(1, episodes=10, watched=10),))])
    data = dump_watchlist(watchlist).encode("utf-8")
    parsecache.store(path, data, watchlist, None)
    assert parsecache.load(path, data) == (watchlist, None)
    edited = data.replace(b"Dark", b"Dork")
    assert parsecache.load(path, edited) is None


def test_a_damaged_cache_is_ignored(tmp_path: Path) -> None:
    path = tmp_path / "watchlist.toml"
    watchlist = Watchlist([Show("Dark")])
    data = dump_watchlist(watchlist).encode("utf-8")
    parsecache.store(path, data, watchlist, None)
    (entry,) = (parsecache.locations.cache_dir() / "parsed").iterdir()
    for damage in (b"", b"\x00garbage", entry.read_bytes()[:-7]):
        entry.write_bytes(damage)
        assert parsecache.load(path, data) is None


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
