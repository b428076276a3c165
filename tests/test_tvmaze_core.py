"""The TVmaze client, its cache, the records read from TVmaze's JSON, its dates, and how a
show is filled in from them."""

from __future__ import annotations

import json
import time
from datetime import date
from email.utils import formatdate
from typing import Any

import pytest
from dateutil import tz
from hypothesis import given
from hypothesis import strategies as st

from tvmaze_server import TVmaze, fixture, tvmaze
from watchtui.core.errors import OnlineError
from watchtui.core.model import Ids, Show, Watchlist
from watchtui.core.tvmaze import service
from watchtui.core.tvmaze.cache import max_age
from watchtui.core.tvmaze.client import TVmazeClient
from watchtui.core.tvmaze.dates import local_day, projected_end, relative
from watchtui.core.tvmaze.fill import cast_notes, new_show, refreshed, season_facts
from watchtui.core.tvmaze.records import day, decode_search, decode_show

__all__ = ["tvmaze"]

TODAY = date(2025, 6, 15)


class Clock:
    """A clock the test moves, and a sleep that only notes how long it was asked for."""

    def __init__(self) -> None:
        self.now = time.time()
        self.slept: list[float] = []

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.slept.append(seconds)


def client(clock: Clock | None = None) -> TVmazeClient:
    clock = clock or Clock()
    return TVmazeClient(sleep=clock.sleep, clock=clock)


# The client ---------------------------------------------------------------------------


def test_a_429_waits_as_long_as_retry_after_says_then_retries(tvmaze: TVmaze) -> None:
    clock = Clock()
    tvmaze.reply("/shows/1", status=429, headers={"Retry-After": "2"})
    when = formatdate(clock.now + 5, usegmt=True)
    tvmaze.reply("/shows/1", status=429, headers={"Retry-After": when}, then=True)
    tvmaze.reply("/shows/1", {"id": 1, "name": "Dark"}, then=True)
    with client(clock) as tv:
        answer = tv.get("/shows/1")
    assert answer.found and json.loads(answer.body)["name"] == "Dark"
    assert clock.slept[0] == 2.0
    assert 4.0 <= clock.slept[1] <= 5.0  # an HTTP date: the time until then
    assert tvmaze.count("/shows/1") == 3


def test_a_retry_after_longer_than_the_bound_is_not_waited(tvmaze: TVmaze) -> None:
    clock = Clock()
    tvmaze.reply("/shows/1", status=429, headers={"Retry-After": "3600"})
    with client(clock) as tv, pytest.raises(OnlineError, match="TVmaze asks to wait 3600 s"):
        tv.get("/shows/1")
    assert clock.slept == []


def test_answers_are_kept_for_their_max_age(tvmaze: TVmaze) -> None:
    clock = Clock()
    tvmaze.reply("/shows/1", {"id": 1}, headers={"Cache-Control": "public, max-age=3600"})
    tvmaze.reply("/shows/2", {"id": 2}, headers={"Cache-Control": "no-store"})
    tvmaze.reply("/shows/3", status=404)  # a miss is kept too: TVmaze sends it a max-age
    with client(clock) as tv:
        for _ in range(2):
            for number in (1, 2, 3):
                tv.get(f"/shows/{number}")
        assert [tvmaze.count(f"/shows/{n}") for n in (1, 2, 3)] == [1, 2, 1]
        clock.now += 3601
        tv.get("/shows/1")
        assert tvmaze.count("/shows/1") == 2
    with client(clock) as again:  # a new process: the cache is on disk
        assert again.get("/shows/1").found and tvmaze.count("/shows/1") == 2


@pytest.mark.parametrize(
    ("header", "seconds"),
    [
        ("public, max-age=3600", 3600),
        ("max-age=60, must-revalidate", 60),
        ('max-age="120"', 120),
        ("private, no-cache, max-age=60", 0),
        ("no-store", 0),
        ("public", 0),
        (None, 0),
        ("s-maxage=60", 0),
    ],
)
def test_max_age_is_read_off_cache_control(header: str | None, seconds: int) -> None:
    assert max_age(header) == seconds


def test_a_cache_file_that_cannot_be_read_is_ignored(tvmaze: TVmaze) -> None:
    tvmaze.reply("/shows/1", {"id": 1})
    with client() as tv:
        tv.get("/shows/1")
        for kept in tv.cache.folder.iterdir():
            kept.write_bytes(b"\x00not json")
        assert tv.get("/shows/1").found
    assert tvmaze.count("/shows/1") == 2


def test_lookup_by_imdb_or_thetvdb_id_follows_the_redirect(tvmaze: TVmaze) -> None:
    tvmaze.reply("/lookup/shows?imdb=tt0000001", status=404)
    tvmaze.redirect("/lookup/shows?thetvdb=371980", "/shows/44933", status=302)
    tvmaze.reply("/shows/44933", file="lookup_imdb_tt11280740.json")
    with client() as tv:
        assert service.find_id(tv, Ids(imdb="tt0000001", tvdb=371980)) == 44933
        assert service.find_id(tv, Ids(imdb="tt0000001")) is None
        assert service.find_id(tv, Ids(tvmaze=5, imdb="tt0000001")) == 5


def test_refreshing_many_shows_refetches_only_what_updates_says_changed(
    tvmaze: TVmaze,
) -> None:
    clock = Clock()
    tvmaze.show(44933)
    tvmaze.show(8652)
    with client(clock) as tv:
        service.current_shows(tv, [44933, 8652])
        assert tvmaze.count("/shows/") == 2
        service.current_shows(tv, [44933, 8652])  # within the max-age: nothing asked
        assert len(tvmaze.requests) == 2
        clock.now += 2 * 3600  # stale now; TVmaze says only 44933 changed since
        tvmaze.reply("/updates/shows?since=day", {"44933": int(clock.now) - 60})
        shows = service.current_shows(tv, [44933, 8652])
    assert tvmaze.requests[-2:] == [
        "/updates/shows?since=day",
        "/shows/44933?embed[]=seasons&embed[]=cast&embed[]=episodes",
    ]
    assert shows[8652].title == "Unité 9" and shows[44933].title == "Severance"


# The records ----------------------------------------------------------------------------


def test_search_results_keep_tvmazes_order_and_nulls() -> None:
    found = decode_search(json.dumps(fixture("search_unite.json")).encode())
    assert [(tv.id, tv.title, tv.channel) for tv in found] == [
        (8652, "Unité 9", "ICI Radio-Canada Télé"),
        (37790, "Élite", "Netflix"),  # a web channel, no network
    ]


def test_an_answer_of_the_wrong_shape_is_an_online_error() -> None:
    for body in (b"<html>", b"[]", b'{"name": "no id"}', b'{"id": "seven"}', b""):
        with pytest.raises(OnlineError, match="TVmaze sent an answer"):
            decode_show(body)


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text() | st.floats(allow_nan=False),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
    max_leaves=20,
)
show_keys = st.sampled_from(
    ["id", "name", "premiered", "network", "webChannel", "externals", "_embedded", "schedule"]
)


@given(st.integers(0, 10**6), st.dictionaries(show_keys, json_values, max_size=8))
def test_any_json_is_a_show_or_an_online_error(tvmaze_id: int, data: dict[str, Any]) -> None:
    try:
        show = decode_show(json.dumps({"id": tvmaze_id, **data}).encode())
    except OnlineError:
        return
    season_facts(show, TODAY)  # whatever was read, filling it in does not fail
    cast_notes(show)


@given(st.text(max_size=30))
def test_day_reads_any_text_as_a_date_or_none(text: str) -> None:
    result = day(text)
    assert result is None or isinstance(result, date)


# Dates ----------------------------------------------------------------------------------


def test_an_airstamp_is_the_day_it_is_where_the_user_is() -> None:
    stamp = "2014-09-16T23:30:00-03:00"
    assert local_day(stamp, tz.gettz("America/Halifax")) == date(2014, 9, 16)
    assert local_day(stamp, tz.UTC) == date(2014, 9, 17)
    assert local_day(stamp, tz.gettz("Asia/Seoul")) == date(2014, 9, 17)
    assert local_day("", tz.UTC) is None and local_day("soon", tz.UTC) is None


def test_a_weekly_season_ends_its_episode_count_of_weeks_later() -> None:
    assert projected_end(date(2025, 1, 17), 10) == date(2025, 3, 21)
    assert projected_end(date(2025, 1, 17), 1) == date(2025, 1, 17)


@pytest.mark.parametrize(
    ("day_", "words"),
    [
        (date(2025, 6, 15), "today"),
        (date(2025, 6, 18), "in 3 days"),
        (date(2025, 7, 6), "in 3 weeks"),
        (date(2025, 9, 1), "in 2 months"),
        (date(2027, 1, 1), "in 1 year"),
        (date(2025, 4, 10), "2 months ago"),
    ],
)
def test_relative_wording(day_: date, words: str) -> None:
    assert relative(day_, TODAY) == words


def test_relative_wording_of_an_overdue_hint() -> None:
    assert relative(date(2025, 3, 31), TODAY, overdue=True) == "2 months overdue"


# Filling in ---------------------------------------------------------------------------


def severance() -> Any:
    return fixture("show_44933_embedded.json")


def test_seasons_without_a_number_or_seen_twice_are_left_out() -> None:
    data = severance()
    seasons = data["_embedded"]["seasons"]
    seasons.append({**seasons[0], "number": None})
    seasons.append({**seasons[1], "premiereDate": "1999-01-01"})  # season 2 again
    facts = season_facts(decode_show(json.dumps(data).encode()), TODAY)
    assert [(f.number, f.window, f.episodes) for f in facts] == [
        (1, "2022-02-18", 9),
        (2, "2025-01-17", 10),
        (3, "", None),
    ]


def test_a_weekly_season_without_an_end_date_gets_a_projected_one() -> None:
    data = severance()
    data["_embedded"]["seasons"][2].update(premiereDate="2026-01-16", episodeOrder=10)
    third = season_facts(decode_show(json.dumps(data).encode()), TODAY)[2]
    assert (third.end, third.projected) == (date(2026, 3, 20), True)


def test_a_new_show_takes_the_users_title_and_tvmazes_details() -> None:
    tv = decode_show(json.dumps(severance()).encode())
    change = new_show(Watchlist(), "  Severance (Apple) ", tv, today=TODAY)
    show = change.after
    assert show is not None and change.before is None
    assert (show.title, show.network, show.added) == ("Severance (Apple)", "Apple TV+", TODAY)
    assert show.ids == Ids(tvmaze=44933, imdb="tt11280740", tvdb=371980)
    assert [(s.number, s.window, s.source) for s in show.seasons] == [
        (1, "2022-02-18", "TVmaze"),
        (2, "2025-01-17", "TVmaze"),
        (3, "", ""),
    ]


def test_a_refresh_never_touches_what_the_user_wrote() -> None:
    tv = decode_show(json.dumps(severance()).encode())
    mine = Show(title="Severance", network="AppleTV", ids=Ids(tvmaze=44933, imdb="tt999"))
    change, findings = refreshed(mine, tv, today=TODAY)
    assert change is not None and change.after is not None
    assert change.after.network == "AppleTV"
    assert change.after.ids == Ids(tvmaze=44933, imdb="tt999", tvdb=371980)
    assert [f.change for f in findings][:1] == ["ids"]
    again, nothing = refreshed(change.after, tv, today=TODAY)
    assert (again, nothing) == (None, [])
