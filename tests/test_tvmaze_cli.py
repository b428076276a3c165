"""`watchtui lookup`, `add --tvmaze / --lookup` and `refresh` against a local server
replaying TVmaze's answers (tests/data/tvmaze/).

Most run the command's entry point in the test's process (a new process per
command would cost a third of a second each); the `watchtui` executable itself
is run for adding a show and for the failures.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
import tomllib
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from cli_helpers import Result, run
from tvmaze_server import TVmaze, fixture, refused_url, tvmaze
from watchtui.cli.main import main

__all__ = ["tvmaze"]

TODAY = "2025-06-15"

USER_FILE = """\
version = 1

[[show]]
title = "Severance"
status = "watching"
notes = "Watch with Sam"

[show.ids]
tvmaze = 44933

[[show.season]]
number = 1
episodes = 9
watched = 9
finished = 2022-04-10
window = "2022-02-18"
confidence = "confirmed"
source = "Apple TV+"
noted = 2022-01-10

[[show.season]]
number = 2
watched = 4
window = "late 2024"
confidence = "hinted"
source = "Variety"
noted = 2024-05-01

[[show.season]]
number = 4
window = "2027"
confidence = "rumored"
source = "a fan forum"
"""


def watchlist(path: Path) -> dict[str, Any]:
    return tomllib.loads(path.read_text(encoding="utf-8"))


def seasons(path: Path, title: str = "Severance") -> dict[int, dict[str, Any]]:
    show = next(s for s in watchlist(path)["show"] if s["title"] == title)
    return {season["number"]: season for season in show.get("season", [])}


def executable(*args: str, file: Path | None = None) -> Result:
    """The `watchtui` command, in its own process."""
    return run(*args, file=file, today=TODAY)


@pytest.fixture
def watch(capsys: pytest.CaptureFixture[str]) -> Callable[..., Result]:
    """The `watchtui` command's entry point, in this process (today is TODAY, from conftest)."""

    def command(*args: str, file: Path | None = None) -> Result:
        capsys.readouterr()
        argv = [args[0], *(["--file", str(file)] if file else []), *args[1:]]
        code = main(argv)
        out, err = capsys.readouterr()
        return Result(code, out, err)

    return command


# lookup -----------------------------------------------------------------------------


def test_lookup_lists_candidates_in_tvmazes_order(
    watch: Callable[..., Result], tvmaze: TVmaze
) -> None:
    tvmaze.reply("/search/shows?q=severance", file="search_severance.json")
    result = watch("lookup", "severance", "--json")
    assert result.code == 0, result.err
    assert json.loads(result.out) == [
        {
            "tvmaze": 44933,
            "title": "Severance",
            "premiered": "2022-02-18",
            "network": "Apple TV+",
            "status": "Running",
        },
        {
            "tvmaze": 71990,
            "title": "Severance",
            "premiered": None,
            "network": "tvN",
            "status": "To Be Determined",
        },
    ]
    table = watch("lookup", "severance").out.splitlines()
    assert table[0].split() == ["TVMAZE", "TITLE", "PREMIERED", "NETWORK", "STATUS"]
    assert table[1].split()[:3] == ["44933", "Severance", "2022-02-18"]
    assert table[2].index("tvN") == table[1].index("Apple TV+")  # aligned columns


def test_lookup_shows_non_ascii_names_as_they_are(
    watch: Callable[..., Result], tvmaze: TVmaze
) -> None:
    tvmaze.reply("/search/shows?q=unité", file="search_unite.json")
    result = watch("lookup", "unité")
    assert result.code == 0, result.err
    lines = result.out.splitlines()
    assert "Unité 9" in lines[1] and "ICI Radio-Canada Télé" in lines[1]
    assert "Élite" in lines[2] and "Netflix" in lines[2]


def test_lookup_with_no_match_prints_an_empty_list(
    watch: Callable[..., Result], tvmaze: TVmaze
) -> None:
    tvmaze.reply("/search/shows?q=aoeu htns", data=[])
    result = watch("lookup", "aoeu htns", "--json")
    assert (result.code, result.out.strip(), result.err) == (0, "[]", "")


# add --------------------------------------------------------------------------------


def test_add_with_a_tvmaze_id_fills_in_the_show(tvmaze: TVmaze, tmp_path: Path) -> None:
    tvmaze.show(44933)
    path = tmp_path / "watchlist.toml"
    result = executable("add", "Severance", "--tvmaze", "44933", file=path)
    assert result.code == 0, result.err
    assert "3 seasons, 5 cast notes" in result.out
    show = watchlist(path)["show"][0]
    assert show["network"] == "Apple TV+"
    assert show["ids"] == {"tvmaze": 44933, "imdb": "tt11280740", "tvdb": 371980}
    assert show["season"][0] == {
        "number": 1,
        "episodes": 9,
        "window": "2022-02-18",
        "confidence": "confirmed",
        "source": "TVmaze",
        "noted": date(2025, 6, 15),
    }
    assert show["season"][1]["window"] == "2025-01-17"
    assert show["season"][2] == {"number": 3}  # announced without a date: no window
    cast = {note["name"]: note.get("role") for note in show["cast"]}
    assert cast["Adam Scott"] == "Mark Scout"
    assert cast["Britt Lower"] == "Helly R. / Helena Eagan"  # one note, both characters
    assert len(show["cast"]) == 5


def test_add_lookup_takes_the_best_match_with_non_ascii_names(
    watch: Callable[..., Result], tvmaze: TVmaze, tmp_path: Path
) -> None:
    tvmaze.reply("/singlesearch/shows?q=Unité 9", file="singlesearch_unite_9.json")
    tvmaze.show(8652)
    path = tmp_path / "watchlist.toml"
    result = watch("add", "Unité 9", "--lookup", "--status", "planned", file=path)
    assert result.code == 0, result.err
    show = watchlist(path)["show"][0]
    assert (show["title"], show["status"]) == ("Unité 9", "planned")
    assert show["network"] == "ICI Radio-Canada Télé"
    numbered = seasons(path, "Unité 9")
    # No episode order: the episodes TVmaze lists for a season that has ended are counted.
    assert (numbered[1]["episodes"], numbered[2]["episodes"]) == (4, 3)
    # A season dated only by its episodes: its first airstamp's day where the user is (UTC).
    assert numbered[3]["window"] == "2014-09-17" and "episodes" not in numbered[3]
    names = [note["name"] for note in show["cast"]]
    assert names == ["Guylaine Tremblay", "Céline Bonnier", "Ève Landry", "Anonymous"]


def test_add_lookup_with_no_match_changes_nothing(
    watch: Callable[..., Result], tvmaze: TVmaze, tmp_path: Path
) -> None:
    path = tmp_path / "watchlist.toml"
    path.write_text(USER_FILE, encoding="utf-8")
    before = path.read_bytes()
    tvmaze.reply("/singlesearch/shows?q=Aoeu Htns", status=404)  # empty body, as TVmaze
    result = watch("add", "Aoeu Htns", "--lookup", file=path)
    assert result.code == 1
    assert result.err == "watchtui: TVmaze knows no show matching 'Aoeu Htns'\n"
    assert path.read_bytes() == before


def test_add_refuses_a_taken_title_before_asking_tvmaze(
    watch: Callable[..., Result], tvmaze: TVmaze, tmp_path: Path
) -> None:
    path = tmp_path / "watchlist.toml"
    path.write_text(USER_FILE, encoding="utf-8")
    result = watch("add", "severance", "--tvmaze", "44933", file=path)
    assert result.code == 1 and "already a show" in result.err
    assert tvmaze.requests == []


# refresh ----------------------------------------------------------------------------


def severance_with_season_3(premiere: str | None, episodes: int | None) -> dict[str, Any]:
    data = fixture("show_44933_embedded.json")
    third = data["_embedded"]["seasons"][2]
    third["premiereDate"], third["episodeOrder"] = premiere, episodes
    return data


def test_refresh_adds_seasons_and_reports_contradictions(
    watch: Callable[..., Result], tvmaze: TVmaze, tmp_path: Path
) -> None:
    path = tmp_path / "watchlist.toml"
    path.write_text(USER_FILE, encoding="utf-8")
    tvmaze.show(44933, severance_with_season_3("2026-01-16", 10))
    result = watch("refresh", "--json", file=path)
    assert result.code == 0, result.err
    assert json.loads(result.out) == [
        {"show": "Severance", "season": None, "change": "network", "value": "Apple TV+"},
        {
            "show": "Severance",
            "season": None,
            "change": "ids",
            "value": {"imdb": "tt11280740", "tvdb": 371980},
        },
        {"show": "Severance", "season": 2, "change": "episodes", "value": 10},
        {
            "show": "Severance",
            "season": 2,
            "change": "contradiction",
            "value": "2025-01-17",
            "yours": "late 2024 (hinted)",
        },
        {"show": "Severance", "season": 3, "change": "season", "value": 3},
        {"show": "Severance", "season": 3, "change": "episodes", "value": 10},
        {"show": "Severance", "season": 3, "change": "window", "value": "2026-01-16"},
    ]
    after = seasons(path)
    original = tomllib.loads(USER_FILE)["show"][0]["season"]
    assert after[1] == original[0]  # the user's own window, source and watched data kept
    assert after[2] == {**original[1], "episodes": 10}  # the hint stays the current window
    assert after[4] == original[2]  # a season TVmaze does not know is left alone
    assert after[3]["window"] == "2026-01-16" and after[3]["source"] == "TVmaze"
    assert watchlist(path)["show"][0]["notes"] == "Watch with Sam"


def test_refresh_twice_changes_nothing_the_second_time(
    watch: Callable[..., Result], tvmaze: TVmaze, tmp_path: Path
) -> None:
    path = tmp_path / "watchlist.toml"
    path.write_text(USER_FILE.replace('"late 2024"', '"Q1 2025"'), encoding="utf-8")
    tvmaze.show(44933, severance_with_season_3(None, None))
    first = watch("refresh", "Severance", "--json", file=path)
    assert first.code == 0, first.err
    changes = json.loads(first.out)
    assert {"show": "Severance", "season": 3, "change": "season", "value": 3} in changes
    assert not any(change["change"] == "window" for change in changes)  # undated: no window
    assert seasons(path)[3] == {"number": 3}
    saved = path.read_bytes()
    second = watch("refresh", "Severance", "--json", file=path)
    assert (second.code, second.out.strip()) == (0, "[]")
    assert path.read_bytes() == saved
    assert "nothing new from TVmaze" in watch("refresh", file=path).out


def test_refresh_fills_a_missing_window_and_says_so(
    watch: Callable[..., Result], tvmaze: TVmaze, tmp_path: Path
) -> None:
    path = tmp_path / "watchlist.toml"
    text = USER_FILE.replace('window = "late 2024"\nconfidence = "hinted"\n', "")
    path.write_text(text, encoding="utf-8")
    tvmaze.show(44933)
    result = watch("refresh", "Severance", file=path)
    assert result.code == 0, result.err
    assert "Severance: Season 2: window 2025-01-17 (4 months ago), confirmed, from TVmaze" in (
        result.out
    )
    season = seasons(path)[2]
    assert (season["window"], season["confidence"], season["source"]) == (
        "2025-01-17",
        "confirmed",
        "TVmaze",
    )


def test_refresh_says_how_long_a_contradicted_hint_is_overdue(
    watch: Callable[..., Result], tvmaze: TVmaze, tmp_path: Path
) -> None:
    path = tmp_path / "watchlist.toml"
    path.write_text(USER_FILE, encoding="utf-8")
    tvmaze.show(44933)
    out = watch("refresh", "Severance", file=path).out
    assert (
        "Severance: Season 2: TVmaze says 2025-01-17 (4 months ago), outside your window "
        "late 2024 (hinted), 5 months overdue"
    ) in out


def test_refresh_finds_a_show_by_its_imdb_id_through_the_redirect(
    watch: Callable[..., Result], tvmaze: TVmaze, tmp_path: Path
) -> None:
    path = tmp_path / "watchlist.toml"
    path.write_text(USER_FILE.replace("tvmaze = 44933", 'imdb = "tt11280740"'), encoding="utf-8")
    tvmaze.redirect("/lookup/shows?imdb=tt11280740", "/shows/44933", status=301)
    tvmaze.reply("/shows/44933", file="lookup_imdb_tt11280740.json")
    tvmaze.show(44933)
    result = watch("refresh", "--json", file=path)
    assert result.code == 0, result.err
    assert tvmaze.requests[:2] == ["/lookup/shows?imdb=tt11280740", "/shows/44933"]
    ids = watchlist(path)["show"][0]["ids"]
    assert ids == {"imdb": "tt11280740", "tvdb": 371980, "tvmaze": 44933}


def test_refresh_of_a_show_without_ids_is_refused(
    watch: Callable[..., Result], tvmaze: TVmaze, tmp_path: Path
) -> None:
    path = tmp_path / "watchlist.toml"
    path.write_text(USER_FILE.replace("[show.ids]\ntvmaze = 44933\n", ""), encoding="utf-8")
    result = watch("refresh", "Severance", file=path)
    assert result.code == 1 and "no TVmaze, IMDb or TheTVDB id" in result.err
    assert tvmaze.requests == []


def test_refresh_within_the_max_age_asks_tvmaze_nothing(
    watch: Callable[..., Result], tvmaze: TVmaze, tmp_path: Path
) -> None:
    path = tmp_path / "watchlist.toml"
    tvmaze.show(44933)
    assert watch("add", "Severance", "--tvmaze", "44933", file=path).code == 0
    assert tvmaze.count("/shows/44933") == 1
    result = watch("refresh", "--json", file=path)
    assert (result.code, result.out.strip()) == (0, "[]")
    assert tvmaze.count("/shows/44933") == 1  # answered from the cache


def test_a_429_is_waited_out_as_retry_after_says(
    watch: Callable[..., Result], tvmaze: TVmaze, tmp_path: Path
) -> None:
    path = tmp_path / "watchlist.toml"
    tvmaze.show(44933, status=429, headers={"Retry-After": "1"})
    tvmaze.show(44933, then=True)
    started = time.monotonic()
    result = watch("add", "Severance", "--tvmaze", "44933", file=path)
    assert result.code == 0, result.err
    assert result.err == ""  # no retry chatter
    assert time.monotonic() - started >= 1.0
    assert tvmaze.count("/shows/44933") == 2
    assert watchlist(path)["show"][0]["ids"]["tvmaze"] == 44933


# Failures ---------------------------------------------------------------------------

FAILURES = {
    "refused": ("", "TVmaze could not be reached: connection refused"),
    "500": ("500", "TVmaze answered with an error (HTTP 500)"),
    "slow": ("slow", "TVmaze did not answer within 0.5 s"),
    "busy": ("429", "TVmaze is answering too many requests (HTTP 429); try again later"),
    "garbage": ("html", "TVmaze sent an answer watchtui cannot read"),
}


def _fail(tvmaze: TVmaze, how: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WATCHTUI_TVMAZE_TIMEOUT", "0.5")
    if how == "":
        monkeypatch.setenv("WATCHTUI_TVMAZE_URL", refused_url())
    for request in (
        "/shows/44933?embed[]=seasons&embed[]=cast&embed[]=episodes",
        "/search/shows?q=severance",
    ):
        if how == "500":
            tvmaze.reply(request, status=500, data={"name": "Internal Server Error"})
        elif how == "slow":
            tvmaze.reply(request, data=[], delay=1.5)
        elif how == "429":
            tvmaze.reply(request, status=429, headers={"Retry-After": "0"})
        elif how == "html":
            tvmaze.reply(request, headers={"Content-Type": "text/html"})
            tvmaze.routes[request][0].body = b"<html><body>Bad gateway</body></html>"


@pytest.mark.parametrize("command", ["add", "refresh", "lookup"])
@pytest.mark.parametrize("how", list(FAILURES), ids=list(FAILURES))
def test_a_failure_is_one_line_and_leaves_the_file_as_it_was(
    watch: Callable[..., Result],
    tvmaze: TVmaze,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    command: str,
    how: str,
) -> None:
    condition, message = FAILURES[how]
    _fail(tvmaze, condition, monkeypatch)
    path = tmp_path / "watchlist.toml"
    path.write_text(USER_FILE.replace('"Severance"', '"Severance (US)"', 1), encoding="utf-8")
    before = path.read_bytes()
    args = {
        "add": ("add", "Severance", "--tvmaze", "44933"),
        "refresh": ("refresh",),
        "lookup": ("lookup", "severance"),
    }[command]
    result = watch(*args, file=path)
    assert result.code == 1
    assert result.err.count("\n") == 1 and result.err.startswith(f"watchtui: {message}")
    assert result.out == ""
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["watchlist.toml"]  # no backup, no temp


def test_the_command_fails_with_one_line_and_status_1_when_offline(
    tvmaze: TVmaze, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("WATCHTUI_TVMAZE_URL", refused_url())
    path = tmp_path / "watchlist.toml"
    path.write_text(USER_FILE, encoding="utf-8")
    before = path.read_bytes()
    result = executable("refresh", "Severance", file=path)
    assert result.code == 1
    assert result.err == "watchtui: TVmaze could not be reached: connection refused\n"
    assert path.read_bytes() == before


def test_commands_that_stay_offline_do_not_import_the_http_client(tmp_path: Path) -> None:
    path = tmp_path / "watchlist.toml"
    path.write_text(USER_FILE, encoding="utf-8")
    probe = (
        "import sys\n"
        "from watchtui.cli import main\n"
        f"assert main(['list', '--file', {str(path)!r}]) == 0\n"
        "print(sorted({m.split('.')[0] for m in sys.modules} & {'httpx', 'dateutil'}))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, timeout=60
    )
    assert done.stdout.splitlines()[-1] == "[]"
