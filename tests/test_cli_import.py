"""`watchtui import`: IMDb lists, Trakt exports and our own JSON, merged without harm."""

from __future__ import annotations

import json
import shutil
from datetime import date
from pathlib import Path

import pytest

from cli_helpers import DATA, SAMPLE, TODAY, run, sample_file
from watchtui.core.model import Claim, Ids, Season, Show, Status, Watchlist
from watchtui.core.storage.atomic import load


def _shows(path: Path) -> dict[str, Show]:
    return {show.title: show for show in load(path).watchlist.shows}


def _progress(watchlist: Watchlist) -> dict[tuple[str, int], tuple[int, date | None]]:
    return {
        (show.key, season.number): (season.watched, season.finished)
        for show in watchlist.shows
        for season in show.seasons
    }


# ---------------------------------------------------------------------------
# IMDb


def test_imdb_watchlist_series_become_planned_shows(tmp_path: Path) -> None:
    path = tmp_path / "w.toml"
    source = DATA / "imdb_watchlist.csv"
    result = run("import", str(source), file=path)
    assert result.code == 0, result.err
    assert result.out == (
        f"{source} (IMDb): 6 added, 0 merged, 0 already up to date; 1 episode, 2 movies skipped\n"
    )
    shows = _shows(path)
    assert list(shows) == [
        "All of Us Are Dead",
        "Breaking Bad",
        "Love, Death & Robots",
        "Planet Earth",  # a TV Mini Series
        "The Crown",
        "The Witcher",
    ]
    assert all(show.status is Status.PLANNED for show in shows.values())
    assert all(show.seasons == () and show.original_title == "" for show in shows.values())
    assert shows["All of Us Are Dead"].added == date(2024, 4, 23)  # the day it was listed
    assert shows["Breaking Bad"].notes == "Everyone says so, finally"


def test_imdb_list_with_original_titles(tmp_path: Path) -> None:
    path = tmp_path / "w.toml"
    source = DATA / "imdb_list_with_original_title.csv"
    result = run("import", str(source), "--format", "imdb", file=path)
    assert result.code == 0, result.err
    assert "6 added" in result.out and "1 episode, 1 movie skipped" in result.out
    shows = _shows(path)
    assert {title: show.original_title for title, show in shows.items()} == {
        "All of Us Are Dead": "지금 우리 학교는",
        "Money Heist": "La casa de papel",
        "Dark": "",  # the same as the title
        "Squid Game": "오징어 게임",
        "Chernobyl": "",
        "Arcane": "Arcane: League of Legends",
    }
    assert shows["All of Us Are Dead"].notes == (
        "Agency post lists Park Ji-hu's 2024 projects.\nSeason 2 hinted for 2024."
    )


def test_imdb_merge_fills_gaps_and_keeps_the_users_values(tmp_path: Path) -> None:
    path = sample_file(tmp_path)
    before = load(path).watchlist
    source = DATA / "imdb_list_with_original_title.csv"
    result = run("import", str(source), file=path)
    assert result.code == 0, result.err
    assert result.out == (
        f"{source} (IMDb): 3 added, 3 merged, 0 already up to date; 1 episode, 1 movie skipped\n"
    )
    shows = _shows(path)
    assert len(shows) == 9  # nothing duplicated: titles matched ignoring case
    dead = shows["All of Us Are Dead"]
    assert dead.status is Status.WATCHING  # not lowered to planned
    assert dead.added == date(2024, 4, 23)
    assert dead.notes.startswith("Agency post")  # it had none
    assert dead.seasons == before.find("All of Us Are Dead").seasons  # type: ignore[union-attr]
    assert shows["Squid Game"].original_title == "오징어 게임"
    assert shows["Dark"].added == date(2023, 4, 4)  # it had no date added
    assert shows["Dark"].status is Status.COMPLETED
    assert list(shows)[-3:] == ["Money Heist", "Chernobyl", "Arcane"]  # new ones at the end
    assert load(path).watchlist.extra == before.extra

    saved = path.read_bytes()
    again = run("import", str(source), file=path)
    assert again.out == (
        f"{source} (IMDb): 0 added, 0 merged, 6 already up to date; "
        "1 episode, 1 movie skipped; nothing to change\n"
    )
    assert path.read_bytes() == saved  # not even rewritten


def test_imdb_rows_of_one_series_make_one_show_and_two_of_a_title_stay_two(
    tmp_path: Path,
) -> None:
    source = tmp_path / "list.csv"
    header = (DATA / "imdb_watchlist.csv").read_text(encoding="utf-8").splitlines()[0]
    source.write_text(
        f"{header}\n"
        "1,tt386676,2024-01-01,2024-01-01,,The Office,u,TV Series,9,22,2005,Comedy,1,2005-03-24,\n"
        "2,tt290978,2024-01-02,2024-01-02,UK,the office,u,TV Series,8,30,2001,Comedy,1,"
        "2001-07-09,\n"
        "3,tt386676,2024-01-03,2024-01-03,again,The Office,u,TV Series,9,22,2005,Comedy,1,"
        "2005-03-24,\n",
        encoding="utf-8",
    )
    path = tmp_path / "w.toml"
    result = run("import", str(source), file=path)
    assert "2 added," in result.out
    us, uk = load(path).watchlist.shows
    assert (us.title, us.ids.imdb, us.added) == ("The Office", "tt386676", date(2024, 1, 1))
    # Same title, another IMDb id: another show, told apart by its year.
    assert (uk.title, uk.ids.imdb, uk.notes) == ("the office (2001)", "tt290978", "UK")


# ---------------------------------------------------------------------------
# Trakt


def test_trakt_watched_shows_bring_watched_episodes(tmp_path: Path) -> None:
    path = tmp_path / "w.toml"
    source = DATA / "trakt_watched_shows.json"
    result = run("import", str(source), file=path)
    assert result.code == 0, result.err
    assert result.out == f"{source} (Trakt): 3 added, 0 merged, 0 already up to date\n"
    shows = _shows(path)
    assert list(shows) == ["All of Us Are Dead", "The Bear", "Chernobyl"]
    assert all(show.status is Status.WATCHING for show in shows.values())
    assert all(show.added == date.fromisoformat(TODAY) for show in shows.values())
    assert shows["All of Us Are Dead"].seasons == (Season(1, watched=12),)
    # Episode 1 of season 3 is listed twice: seen once.
    # Season 1 seen from first to last, and a later one begun: watched, finished the
    # day its last episode was seen.
    assert shows["The Bear"].seasons == (
        Season(1, watched=8, finished=date(2022, 6, 27)),
        Season(3, watched=1),
    )


def test_trakt_watchlist_shows_are_planned(tmp_path: Path) -> None:
    path = tmp_path / "w.toml"
    source = DATA / "trakt_watchlist.json"
    result = run("import", str(source), "--format", "trakt", file=path)
    assert result.code == 0, result.err
    assert result.out == (
        f"{source} (Trakt): 3 added, 0 merged, 0 already up to date; 1 movie skipped\n"
    )
    shows = _shows(path)
    assert list(shows) == ["Squid Game", "Arcane", "the bear"]
    assert all(show.status is Status.PLANNED for show in shows.values())
    assert shows["Squid Game"].added == date(2024, 4, 23)  # listed_at
    assert shows["Arcane"].seasons == (Season(2),)  # a season on the watchlist


def test_trakt_export_object_with_watched_watchlist_and_history(tmp_path: Path) -> None:
    path = tmp_path / "w.toml"
    source = DATA / "trakt_export.json"
    result = run("import", str(source), file=path)
    assert result.code == 0, result.err
    assert "4 added" in result.out and "1 movie skipped" in result.out
    shows = _shows(path)
    assert {title: show.status.value for title, show in shows.items()} == {
        "All of Us Are Dead": "watching",
        "The Bear": "watching",
        "Squid Game": "planned",
        "Arcane": "planned",
    }
    # The history adds the first episode of season 2 to what the watched list says.
    assert shows["All of Us Are Dead"].seasons == (
        Season(1, watched=12, finished=date(2022, 2, 10)),
        Season(2, watched=1),
    )


def test_trakt_merge_raises_progress_and_never_lowers_it(tmp_path: Path) -> None:
    path = sample_file(
        tmp_path,
        SAMPLE
        + """
[[show]]
title = "CHERNOBYL"
status = "completed"

[[show.season]]
number = 1
episodes = 5
watched = 5
finished = 2019-06-03
""",
    )
    before = load(path).watchlist
    source = DATA / "trakt_watched_shows.json"
    result = run("import", str(source), file=path)
    assert result.code == 0, result.err
    # Every show is updated: all three gain their Trakt ids.
    assert result.out == f"{source} (Trakt): 0 added, 3 merged, 0 already up to date\n"
    after = load(path).watchlist
    assert len(after.shows) == len(before.shows)
    chernobyl = after.find("Chernobyl")
    assert chernobyl is not None and chernobyl.title == "CHERNOBYL"  # the user's spelling
    assert chernobyl.ids == Ids(imdb="tt7366338", tvdb=360893, tmdb=87108, trakt=137178)
    assert chernobyl.seasons == before.find("chernobyl").seasons  # type: ignore[union-attr]
    assert chernobyl.status is Status.COMPLETED
    bear = after.find("The Bear")
    assert bear is not None
    assert [(s.number, s.watched, s.episodes) for s in bear.seasons] == [
        (1, 8, None),  # new from Trakt
        (3, 1, None),
        (4, 3, 10),  # the user's, untouched
        (5, 0, None),
    ]
    assert bear.season(5) == before.find("The Bear").season(5)  # type: ignore[union-attr]


def test_trakt_raises_progress_on_a_season_the_user_has(tmp_path: Path) -> None:
    path = sample_file(
        tmp_path,
        'version = 1\n[[show]]\ntitle = "The Bear"\n'
        '[[show.season]]\nnumber = 1\nepisodes = 8\nwatched = 2\nwindow = "2022-06-23"\n'
        '[[show.season]]\nnumber = 3\nepisodes = 10\nwindow = "2024-06-26"\nsource = "FX"\n',
    )
    source = tmp_path / "one.json"
    document = json.loads((DATA / "trakt_watched_shows.json").read_text(encoding="utf-8"))
    source.write_text(json.dumps([document[1]]), encoding="utf-8")
    assert run("import", str(source), file=path).code == 0
    bear = load(path).watchlist.shows[0]
    assert [(s.number, s.watched, s.episodes, s.window, s.source) for s in bear.seasons] == [
        (1, 8, 8, "2022-06-23", ""),
        (3, 1, 10, "2024-06-26", "FX"),
    ]


def test_every_sample_merged_in_turn_never_duplicates_or_lowers(tmp_path: Path) -> None:
    path = sample_file(tmp_path)
    progress = _progress(load(path).watchlist)
    for name in (
        "trakt_export.json",
        "imdb_watchlist.csv",
        "trakt_watched_shows.json",
        "imdb_list_with_original_title.csv",
        "trakt_watchlist.json",
    ):
        assert run("import", str(DATA / name), file=path).code == 0, name
        watchlist = load(path).watchlist
        keys = [show.key for show in watchlist.shows]
        assert len(keys) == len(set(keys)), name
        now = _progress(watchlist)
        for season, (watched, finished) in progress.items():
            assert now[season][0] >= watched, (name, season)
            assert finished is None or now[season][1] == finished, (name, season)
        progress = now
    assert len(load(path).watchlist.shows) == 6 + 1 + 5 + 1 + 1 + 0


# ---------------------------------------------------------------------------
# Our own JSON into a watchlist that has shows


def test_json_import_merges_into_an_existing_watchlist(tmp_path: Path) -> None:
    source = tmp_path / "other.json"
    source.write_text(
        json.dumps(
            {
                "watchtui": 1,
                "shows": [
                    {
                        "title": "all of us are dead",
                        "status": "dropped",
                        "seasons": [
                            {"number": 1, "watched": 3, "finished": None},
                            {"number": 2, "window": "2025", "confidence": "confirmed"},
                            {"number": 3, "window": "late 2027", "confidence": "rumored"},
                        ],
                        "cast": [{"name": "PARK JI-HU", "role": "x"}, {"name": "Yoon Chan-young"}],
                    },
                    {"title": "Arcane"},
                ],
            }
        ),
        encoding="utf-8",
    )
    path = sample_file(tmp_path)
    before = load(path).watchlist.find("All of Us Are Dead")
    assert before is not None
    result = run("import", str(source), file=path)
    assert result.out == f"{source} (watchtui JSON): 1 added, 1 merged, 0 already up to date\n"
    dead = load(path).watchlist.find("All of Us Are Dead")
    assert dead is not None
    assert dead.status is Status.WATCHING
    assert dead.seasons[0] == before.seasons[0]
    two, was = dead.seasons[1], before.seasons[1]
    assert two.claim == was.claim  # a window the user has is not overwritten
    assert two.earlier == (*was.earlier, Claim("2025"))  # the file's claim is kept
    assert dead.seasons[2].window == "late 2027"
    assert [note.name for note in dead.cast] == ["Park Ji-hu", "Yoon Chan-young"]
    arcane = load(path).watchlist.find("Arcane")
    assert arcane is not None and arcane.status is Status.WATCHING and arcane.added is None


# ---------------------------------------------------------------------------
# Files that are not what they claim: exit 1, a line or key, and nothing changed

_IMDB_HEADER = (
    "Position,Const,Created,Modified,Description,Title,URL,Title Type,IMDb Rating,"
    "Runtime (mins),Year,Genres,Num Votes,Release Date,Directors"
)
_ROW = "1,tt1,2024-01-01,2024-01-01,,Dark,u,TV Series,8,60,2017,Drama,1,2017-12-01,"


@pytest.mark.parametrize(
    ("name", "content", "format", "problem"),
    [
        (
            "short.csv",
            f'{_IMDB_HEADER}\n{_ROW}\n"2","tt2",\n{_ROW}\n',
            "auto",
            ":3: expected 15 columns as in the header, found 3",
        ),
        (
            "quoted.csv",
            f'{_IMDB_HEADER}\n1,tt1,2024-01-01,2024-01-01,"two\nlines",Dark,u,TV Series\n',
            "imdb",
            ":2: expected 15 columns as in the header, found 8",
        ),
        (
            "untitled.csv",
            f"{_IMDB_HEADER}\n{_ROW}\n{_ROW.replace('Dark', '')}\n",
            "imdb",
            ":3: the series tt1 has no title",
        ),
        (
            "letterboxd.csv",
            "Date,Name,Year,Letterboxd URI\n2024-01-01,Dune,2021,https://boxd.it/x\n",
            "imdb",
            ':1: not an IMDb list export: the header has no "Const" column',
        ),
        (
            "notes.txt",
            "buy milk\nwatch Dark\n",
            "auto",
            ": not an export watchtui can import (it reads IMDb, Trakt, TV Time, Yamtrack, "
            "SeriesGuide, TMDB, MyAnimeList, watchtui JSON)",
        ),
        (
            "broken.json",
            '{\n  "shows": [\n    {"title": "X",}\n  ]\n}\n',
            "auto",
            ":3: not valid JSON",
        ),
        (
            "trakt_null_title.json",
            json.dumps([{"show": {"title": "Dark"}}, {"show": {"title": None}, "seasons": []}]),
            "auto",
            ": [1].show.title: expected the show's title, found null",
        ),
        (
            "trakt_episode.json",
            json.dumps(
                {
                    "watched": [
                        {
                            "show": {"title": "Dark"},
                            "seasons": [{"number": 1, "episodes": [{"number": "one"}]}],
                        }
                    ]
                }
            ),
            "trakt",
            ': watched[0].seasons[0].episodes[0].number: expected a number 0 or more, found "one"',
        ),
        (
            "trakt_not.json",
            json.dumps([{"title": "Dark"}]),
            "trakt",
            ': [0]: not a Trakt show entry: it has no "show" object',
        ),
        (
            "bad_window.json",
            json.dumps(
                {
                    "watchtui": 1,
                    "shows": [
                        {
                            "title": "Dark",
                            "seasons": [{"number": 1}, {"number": 2, "window": "soonish"}],
                        }
                    ],
                }
            ),
            "auto",
            ": shows[0].seasons[1].window: not a release window: 'soonish'; use a day",
        ),
        (
            "twice.json",
            json.dumps({"shows": [{"title": "Dark"}, {"title": "DARK"}]}),
            "json",
            ': shows[1].title: a second show titled "DARK"',
        ),
        (
            "over.json",
            json.dumps(
                {
                    "shows": [
                        {"title": "Dark", "seasons": [{"number": 1, "episodes": 2, "watched": 5}]}
                    ]
                }
            ),
            "json",
            ": shows[0].seasons[0]: season 1: 5 episodes watched but the season has 2",
        ),
        (
            "trakt_as_ours.json",
            (DATA / "trakt_watchlist.json").read_text(encoding="utf-8"),
            "json",
            ": (top level): expected an object, found a list",
        ),
        (
            "nul.csv",
            f"{_IMDB_HEADER}\n{_ROW}\n{_ROW.replace('Dark', 'DarkNUL')}\n",
            "imdb",
            ":3: the file holds NUL bytes",
        ),
        (
            "latin1.csv",
            _IMDB_HEADER + "\n" + _ROW.replace("Dark", "Caf\xe9"),
            "auto",
            ":2: not UTF-8",
        ),
    ],
)
def test_a_bad_import_file_changes_nothing(
    tmp_path: Path, name: str, content: str, format: str, problem: str
) -> None:
    source = tmp_path / name
    if name == "latin1.csv":
        source.write_bytes(content.encode("latin-1"))
    elif name == "nul.csv":
        source.write_bytes(content.encode("utf-8").replace(b"NUL", b"\x00"))
    else:
        source.write_text(content, encoding="utf-8")
    path = sample_file(tmp_path)
    before = path.read_bytes()
    result = run("import", str(source), "--format", format, file=path)
    assert result.code == 1
    assert result.out == ""
    assert result.err.startswith(f"{source}{problem}"), result.err
    assert result.err.count("\n") == 1
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([name, "watchlist.toml"])


def test_a_bad_import_into_no_watchlist_creates_no_file(tmp_path: Path) -> None:
    source = tmp_path / "x.json"
    source.write_text("[1, 2]", encoding="utf-8")
    path = tmp_path / "w.toml"
    result = run("import", str(source), file=path)
    assert result.code == 1
    assert result.err == f"{source}: [0]: expected an entry object, found the number 1\n"
    assert not path.exists()


def test_importing_a_file_that_does_not_exist(tmp_path: Path) -> None:
    path = sample_file(tmp_path)
    result = run("import", str(tmp_path / "nope.csv"), file=path)
    assert result.code == 1
    assert result.err == f"watchtui: {tmp_path / 'nope.csv'}: No such file or directory\n"


def test_importing_the_watchlist_itself_is_refused(tmp_path: Path) -> None:
    path = sample_file(tmp_path)
    result = run("import", str(path), file=path)
    assert result.code == 1
    assert result.err == f"watchtui: {path}: that is the watchlist file itself\n"


def test_auto_detection_reads_a_copy_whatever_its_name(tmp_path: Path) -> None:
    for name, kind in (
        ("imdb_watchlist.csv", "IMDb"),
        ("trakt_watchlist.json", "Trakt"),
        ("trakt_export.json", "Trakt"),
    ):
        copy = tmp_path / f"download-{kind}"
        shutil.copy(DATA / name, copy)
        result = run("import", str(copy), file=tmp_path / f"{name}.toml")
        assert result.code == 0, result.err
        assert result.out.startswith(f"{copy} ({kind}): ")
