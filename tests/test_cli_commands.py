"""The scripting commands, run as a user runs them: output, exit status and the file."""

from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from cli_helpers import TODAY, run, sample_file
from watchtui.core.storage.atomic import backup_paths


def _toml(path: Path) -> dict:
    return tomllib.loads(path.read_text(encoding="utf-8"))


def _show(path: Path, title: str) -> dict:
    return next(show for show in _toml(path)["show"] if show["title"] == title)


# ---------------------------------------------------------------------------
# add, season, watched, cast: a watchlist built from nothing


def test_building_a_watchlist_from_the_command_line(tmp_path: Path) -> None:
    path = tmp_path / "new" / "watchlist.toml"

    added = run("add", "All of Us Are Dead", "--network", "Netflix", file=path)
    assert (added.code, added.err) == (0, "")
    assert added.out == 'added "All of Us Are Dead" (watching)\n'

    first = run("season", "all of us are DEAD", "1", "--episodes", "12", "--window",
                "2022-01-28", "--source", "Netflix", file=path)  # fmt: skip
    assert first.code == 0, first.err
    assert first.out == "All of Us Are Dead: Season 1 added (2022-01-28, confirmed)\n"

    second = run("season", "All of Us Are Dead", "2", "--window", "2024", "--confidence",
                 "hinted", "--source", "BH Entertainment", file=path)  # fmt: skip
    assert second.out == "All of Us Are Dead: Season 2 added (2024, hinted)\n"

    watched = run("watched", "ALL OF US ARE DEAD", "1", file=path)
    assert watched.out == "All of Us Are Dead: Season 1 marked watched\n"

    cast = run("cast", "All of Us Are Dead", "Park Ji-hu", "--role", "Nam On-jo",
               "--note", "returns in season 2", file=path)  # fmt: skip
    assert cast.out == "All of Us Are Dead: cast note for Park Ji-hu added\n"

    show = _show(path, "All of Us Are Dead")
    assert show["network"] == "Netflix"
    assert show["status"] == "watching"
    assert show["added"].isoformat() == TODAY
    one, two = show["season"]
    assert one == {
        "number": 1,
        "episodes": 12,
        "watched": 12,
        "finished": one["finished"],
        "window": "2022-01-28",
        "confidence": "confirmed",
        "source": "Netflix",
        "noted": one["noted"],
    }
    assert one["finished"].isoformat() == TODAY
    assert two["window"] == "2024" and two["confidence"] == "hinted"
    assert two["source"] == "BH Entertainment" and two["noted"].isoformat() == TODAY
    assert show["cast"] == [
        {"name": "Park Ji-hu", "role": "Nam On-jo", "note": "returns in season 2"}
    ]
    listing = run("list", file=path)
    assert "⚠ overdue" in listing.out  # the 2024 hint went stale by TODAY


def test_add_with_status_and_a_duplicate_title(tmp_path: Path) -> None:
    path = tmp_path / "w.toml"
    assert run("add", "Severance", "--status", "paused", file=path).code == 0
    assert _show(path, "Severance")["status"] == "paused"
    before = path.read_bytes()

    again = run("add", "  severance ", file=path)
    assert again.code == 1
    assert again.err == 'watchtui: there is already a show named "Severance"\n'
    assert again.out == ""
    assert path.read_bytes() == before

    empty = run("add", "   ", file=path)
    assert empty.code == 1 and empty.err == "watchtui: a show needs a title\n"
    assert path.read_bytes() == before


def test_season_updates_only_the_options_given(tmp_path: Path) -> None:
    path = sample_file(tmp_path)
    result = run("season", "severance", "3", "--confidence", "confirmed", "--window",
                 "2026-09-18", file=path)  # fmt: skip
    assert result.code == 0, result.err
    assert result.out == (
        "Severance: Season 3 changed (2026-09-18, confirmed); "
        "the claim before it is kept (late 2026, hinted)\n"
    )
    three = _show(path, "Severance")["season"][0]
    assert three["window"] == "2026-09-18"
    assert three["confidence"] == "confirmed"
    assert "source" not in three  # no one was named for the confirmation
    assert three["noted"].isoformat() == TODAY
    assert three["earlier"] == [  # the hint, with who gave it
        {
            "window": "late 2026",
            "confidence": "hinted",
            "source": "Variety, citing people close to the production",
        }
    ]

    episodes = run("season", "Severance", "3", "--episodes", "10", file=path)
    assert episodes.out == "Severance: Season 3 changed (2026-09-18, confirmed)\n"
    three = _show(path, "Severance")["season"][0]
    assert three["episodes"] == 10 and three["window"] == "2026-09-18"

    before = path.read_bytes()
    nothing = run("season", "Severance", "3", file=path)
    assert nothing.code == 0
    assert nothing.out == "Severance: Season 3 unchanged (no option given)\n"
    assert path.read_bytes() == before


def test_season_window_tba_clears_it_and_specials_are_season_zero(tmp_path: Path) -> None:
    path = sample_file(tmp_path)
    cleared = run("season", "Squid Game", "3", "--window", "TBA", file=path)
    assert cleared.out == (
        "Squid Game: Season 3 changed (no window); the claim before it is kept (Q3 2026, rumored)\n"
    )
    assert "window" not in _show(path, "Squid Game")["season"][0]
    assert _show(path, "Squid Game")["season"][0]["earlier"][0]["window"] == "Q3 2026"

    specials = run("season", "Squid Game", "0", "--window", "Dec 2026", file=path)
    assert specials.out == "Squid Game: Specials added (Dec 2026, confirmed)\n"
    assert [s["number"] for s in _show(path, "Squid Game")["season"]] == [0, 3]


def test_season_errors_leave_the_file_alone(tmp_path: Path) -> None:
    path = sample_file(tmp_path)
    before = path.read_bytes()

    unknown = run("season", "Foo", "1", file=path)
    assert (unknown.code, unknown.err) == (1, 'watchtui: no show named "Foo"\n')

    window = run("season", "The Bear", "6", "--window", "soon-ish", file=path)
    assert window.code == 1
    assert window.err.startswith("watchtui: not a release window: 'soon-ish'; use a day")
    assert "Q3 2025" in window.err and window.err.count("\n") == 1

    fewer = run("season", "The Bear", "4", "--episodes", "2", file=path)
    assert fewer.code == 1
    assert fewer.err == ("watchtui: season 4: 3 episodes watched but the season has 2\n")
    assert path.read_bytes() == before


def test_watched_and_undo(tmp_path: Path) -> None:
    path = sample_file(tmp_path)
    done = run("watched", "The Bear", "4", file=path)
    assert done.out == "The Bear: Season 4 marked watched\n"
    four = _show(path, "The Bear")["season"][0]
    assert four["watched"] == 10 and four["finished"].isoformat() == TODAY

    again = run("watched", "The Bear", "4", file=path)
    assert again.out == "The Bear: Season 4 is already watched\n"

    undone = run("watched", "the bear", "4", "--undo", file=path)
    assert undone.out == "The Bear: Season 4 marked unwatched\n"
    four = _show(path, "The Bear")["season"][0]
    assert "finished" not in four and "watched" not in four

    before = path.read_bytes()
    missing = run("watched", "The Bear", "9", file=path)
    assert (missing.code, missing.err) == (1, 'watchtui: "The Bear" has no season 9\n')
    specials = run("watched", "The Bear", "0", file=path)
    assert specials.err == 'watchtui: "The Bear" has no specials\n'
    assert path.read_bytes() == before


def test_undo_never_erases_a_partly_watched_season(tmp_path: Path) -> None:
    path = sample_file(tmp_path)
    before = path.read_bytes()
    refused = run("watched", "The Bear", "4", "--undo", file=path)  # 3 of 10 episodes seen
    assert refused.code == 1 and refused.out == ""
    assert refused.err == (
        "watchtui: Season 4 is only partly watched (3 of 10 episodes seen); "
        "set its watched episodes to 0 to clear them\n"
    )
    never = run("watched", "Squid Game", "3", "--undo", file=path)
    assert (never.code, never.out) == (0, "Squid Game: Season 3 is not marked watched\n")
    assert path.read_bytes() == before


def test_watched_episodes_for_a_partly_watched_season(tmp_path: Path) -> None:
    path = sample_file(tmp_path)
    five = run("watched", "The Bear", "4", "--episodes", "5", file=path)
    assert (five.code, five.err) == (0, "")
    assert five.out == "The Bear: Season 4, 5 of 10 episodes watched\n"
    four = _show(path, "The Bear")["season"][0]
    assert four["watched"] == 5 and "finished" not in four

    last = run("watched", "The Bear", "4", "--episodes", "10", file=path)
    assert last.out == "The Bear: Season 4, 10 of 10 episodes watched\n"
    assert _show(path, "The Bear")["season"][0]["finished"].isoformat() == TODAY
    assert "The Bear" not in run("list", "--filter", "ready", file=path).out

    back = run("watched", "The Bear", "4", "--episodes", "9", file=path)
    assert back.out == "The Bear: Season 4, 9 of 10 episodes watched\n"
    assert "finished" not in _show(path, "The Bear")["season"][0]

    unknown = run("watched", "Squid Game", "3", "--episodes", "1", file=path)
    assert unknown.out == "Squid Game: Season 3, 1 episode watched\n"

    before = path.read_bytes()
    same = run("watched", "The Bear", "4", "--episodes", "9", file=path)
    assert (same.code, same.out) == (0, "The Bear: Season 4 already has 9 episodes watched\n")
    over = run("watched", "The Bear", "4", "--episodes", "11", file=path)
    assert over.code == 1
    assert over.err == "watchtui: Season 4 has 10 episodes, so 11 cannot be watched\n"
    assert path.read_bytes() == before

    cleared = run("watched", "The Bear", "4", "--episodes", "0", file=path)
    assert cleared.out == "The Bear: Season 4, 0 of 10 episodes watched\n"
    assert "watched" not in _show(path, "The Bear")["season"][0]


def test_a_window_said_again_is_not_noted_again(tmp_path: Path) -> None:
    path = sample_file(tmp_path)
    before = path.read_bytes()
    same = run("season", "All of Us Are Dead", "2", "--window", " 2024 ", "--confidence",
               "hinted", file=path)  # fmt: skip
    assert (same.code, same.out) == (0, "All of Us Are Dead: Season 2 unchanged\n")
    assert path.read_bytes() == before

    dated = run("season", "All of Us Are Dead", "2", "--window", "2026", "--noted",
                "2026-02-14", file=path)  # fmt: skip
    assert dated.out == (
        "All of Us Are Dead: Season 2 changed (2026, hinted); "
        "the claim before it is kept (2024, hinted)\n"
    )
    two = _show(path, "All of Us Are Dead")["season"][1]
    assert (two["window"], two["noted"].isoformat()) == ("2026", "2026-02-14")
    assert "source" not in two  # the agency said 2024, not 2026
    assert two["tags"] == ["agency", "instagram"]  # a key watchtui does not know, kept

    confirmed = run("season", "All of Us Are Dead", "2", "--confidence", "confirmed",
                    "--source", "Netflix", file=path)  # fmt: skip
    assert confirmed.code == 0, confirmed.err
    two = _show(path, "All of Us Are Dead")["season"][1]
    assert (two["source"], two["noted"].isoformat()) == ("Netflix", TODAY)
    assert [claim["window"] for claim in two["earlier"]] == ["2024", "2026"]


def test_cast_adds_then_changes_the_note_with_that_name(tmp_path: Path) -> None:
    path = sample_file(tmp_path)
    changed = run("cast", "All of Us Are Dead", "park ji-hu", "--note", "confirmed for S2",
                  file=path)  # fmt: skip
    assert changed.out == "All of Us Are Dead: cast note for Park Ji-hu changed\n"
    added = run("cast", "All of Us Are Dead", "Lee Jae-kyoo", "--role", "Director", file=path)
    assert added.out == "All of Us Are Dead: cast note for Lee Jae-kyoo added\n"
    cast = _show(path, "All of Us Are Dead")["cast"]
    assert cast == [
        {
            "name": "Park Ji-hu",
            "role": "Nam On-jo",
            "note": "confirmed for S2",
            "agency": "BH Entertainment",  # a key watchtui does not know, kept
        },
        {"name": "Lee Jae-kyoo", "role": "Director"},
    ]
    unknown = run("cast", "Nobody", "X", file=path)
    assert (unknown.code, unknown.err) == (1, 'watchtui: no show named "Nobody"\n')


def test_changes_keep_unknown_keys_and_make_a_backup(tmp_path: Path) -> None:
    path = sample_file(tmp_path)
    original = path.read_bytes()
    assert run("watched", "Squid Game", "3", file=path).code == 0
    document = _toml(path)
    assert document["owner"] == "kim"
    assert _show(path, "All of Us Are Dead")["score"] == 8.5
    assert backup_paths(path)[0].read_bytes() == original


def test_watchtui_file_environment_variable_is_used(tmp_path: Path) -> None:
    path = sample_file(tmp_path)
    result = run("add", "Arcane", file=path, env_file=True)
    assert result.code == 0
    assert _show(path, "Arcane")["status"] == "watching"
    assert "Arcane" in run("list", file=path, env_file=True).out


# ---------------------------------------------------------------------------
# list and upcoming, as text


def test_list_is_aligned_plain_text(tmp_path: Path) -> None:
    result = run("list", file=sample_file(tmp_path))
    assert result.code == 0 and result.err == ""
    assert result.out.splitlines() == [
        "TITLE               STATUS     WATCHED  NEXT      WINDOW      CONFIDENCE  STATE",
        "All of Us Are Dead  watching   1/2      Season 2  2024        hinted      ⚠ overdue",
        "Dark                completed  1/1      -         -           -           -",
        "Lost Cause          dropped    0/1      Season 2  March 2026  confirmed   ● upcoming",
        "Severance           paused     0/2      Season 3  late 2026   hinted      ◇ hinted",
        "Squid Game          planned    0/1      Season 3  Q3 2026     rumored     ◇ hinted",
        "The Bear            watching   0/2      Season 5  2026-03-02  confirmed   ● upcoming",
    ]


def test_list_aligns_wide_characters_and_prints_user_text_literally(tmp_path: Path) -> None:
    path = tmp_path / "w.toml"
    path.write_text(
        'version = 1\n[[show]]\ntitle = "오징어 게임"\n'
        '[[show]]\ntitle = "[bold]x[/] \\u001b[31m"\n',
        encoding="utf-8",
    )
    lines = run("list", file=path).out.splitlines()
    # The widest title takes 16 columns (ESC shown as ␛); the Korean one takes 11
    # (each syllable two).
    assert lines[2].startswith("오징어 게임" + " " * 7 + "watching")
    assert lines[1].startswith("[bold]x[/] ␛[31m  watching")
    assert "\x1b" not in "".join(lines)


@pytest.mark.parametrize(
    ("state", "titles"),
    [
        (
            "all",
            ["All of Us Are Dead", "Dark", "Lost Cause", "Severance", "Squid Game", "The Bear"],
        ),
        ("hinted", ["All of Us Are Dead", "Severance", "Squid Game"]),
        ("overdue", ["All of Us Are Dead"]),
        ("upcoming", ["Lost Cause", "The Bear"]),
        ("ready", ["The Bear"]),
        ("watching", ["All of Us Are Dead", "The Bear"]),
        ("planned", ["Squid Game"]),
        ("paused", ["Severance"]),
        ("completed", ["Dark"]),
        ("dropped", ["Lost Cause"]),
    ],
)
def test_list_filters(tmp_path: Path, state: str, titles: list[str]) -> None:
    result = run("list", "--filter", state, file=sample_file(tmp_path))
    assert result.code == 0
    assert [line.split("  ")[0] for line in result.out.splitlines()[1:]] == titles


def test_list_ready_names_the_season_out_and_not_yet_watched(tmp_path: Path) -> None:
    result = run("list", "--filter", "ready", file=sample_file(tmp_path))
    assert result.out.splitlines() == [
        "TITLE     STATUS    WATCHED  NEXT      WINDOW      CONFIDENCE  STATE",
        "The Bear  watching  0/2      Season 4  2025-06-25  confirmed   ▶ released",
    ]


def test_list_filter_with_no_match_and_an_empty_watchlist(tmp_path: Path) -> None:
    assert run("list", "--filter", "tba", file=sample_file(tmp_path)).out == "no shows are tba\n"
    missing = tmp_path / "none.toml"
    assert run("list", file=missing).out == "no shows\n"
    assert not missing.exists()  # reading never creates the file


def test_upcoming_as_text(tmp_path: Path) -> None:
    result = run("upcoming", file=sample_file(tmp_path))
    assert result.code == 0 and result.err == ""
    source = "BH Entertainment Instagram post listing Park Ji-hu's 2024 projects"
    assert result.out.splitlines() == [
        "Overdue — hinted, still unconfirmed",
        "  ⚠  All of Us Are Dead  Season 2  2024        hinted     "
        f"hinted for 2024, still unconfirmed  {source}",
        "",
        "Ready to watch",
        "  ▶  The Bear            Season 4  2025-06-25  confirmed  "
        "3 of 10 episodes watched            FX",
        "",
        "March 2026",
        "  ●  The Bear            Season 5  2026-03-02  confirmed  "
        "tomorrow                            FX press release",
        "",
        "Q3 2026",
        "  ◇  Squid Game          Season 3  Q3 2026     rumored    "
        "1 Jul – 30 Sep 2026                 fan forum",
        "",
        "2026",
        "  ◇  Severance           Season 3  late 2026   hinted     "
        "1 Sep – 31 Dec 2026                 Variety, citing people close to the production",
        "",
        "TBA",
        "  ·  Severance           Season 4  TBA                    no window yet",
    ]


def test_upcoming_with_nothing_to_come(tmp_path: Path) -> None:
    result = run("upcoming", file=tmp_path / "empty.toml")
    assert (result.code, result.out) == (0, "nothing upcoming: no season is waiting\n")


# ---------------------------------------------------------------------------
# Exit statuses


def test_a_broken_watchlist_file_is_exit_1_with_its_line(tmp_path: Path) -> None:
    path = tmp_path / "w.toml"
    path.write_text('version = 1\n\n[[show]]\ntitle = "X"\nstatus = "bored"\n', encoding="utf-8")
    before = path.read_bytes()
    for args in (["list"], ["upcoming"], ["add", "Y"], ["export", "--format", "csv"]):
        result = run(*args, file=path)
        assert result.code == 1, args
        assert result.err.startswith(f"{path}:5: status must be one of watching"), result.err
        assert result.out == ""
    assert path.read_bytes() == before


@pytest.mark.parametrize(
    "args",
    [
        ["list", "--filter", "bogus"],
        ["add"],
        ["add", "X", "--status", "binging"],
        ["season", "X", "two"],
        ["season", "X", "-1"],
        ["season", "X", "1", "--confidence", "sure"],
        ["season", "X", "1", "--episodes", "-3"],
        ["season", "X", "1", "--noted", "last week"],
        ["watched", "X"],
        ["watched", "X", "1", "--episodes", "-1"],
        ["watched", "X", "1", "--episodes", "2", "--undo"],
        ["export"],
        ["export", "--format", "xml"],
        ["import"],
        ["import", "f.csv", "--format", "letterboxd"],
        ["frobnicate"],
    ],
)
def test_bad_usage_is_exit_2(tmp_path: Path, args: list[str]) -> None:
    path = sample_file(tmp_path)
    before = path.read_bytes()
    result = run(*args, file=path if args[0] != "frobnicate" else None)
    assert result.code == 2
    assert "usage: watchtui" in result.err
    assert result.out == ""
    assert path.read_bytes() == before


def test_help_lists_the_filter_states(tmp_path: Path) -> None:
    result = run("list", "--help")
    assert result.code == 0
    for state in ("all", "hinted", "overdue", "upcoming", "tba", "ready", "watching",
                  "planned", "paused", "completed", "dropped"):  # fmt: skip
        assert f"\n  {state} " in result.out
    assert "docs/json.md" in result.out


def test_a_bad_today_is_a_user_error(tmp_path: Path) -> None:
    result = run("list", file=sample_file(tmp_path), today="tomorrow")
    assert result.code == 1
    assert result.err == "watchtui: WATCHTUI_TODAY must be a date like 2025-03-14, not 'tomorrow'\n"


def test_file_option_before_the_command(tmp_path: Path) -> None:
    path = sample_file(tmp_path)
    result = run("--file", str(path), "list", "--filter", "paused")
    assert result.code == 0, result.err
    assert result.out.splitlines()[1].startswith("Severance ")


def test_commands_do_not_import_textual(tmp_path: Path) -> None:
    """`watchtui list` in a script stays fast: the screen's toolkit is never loaded."""
    path = sample_file(tmp_path)
    probe = (
        "import sys\n"
        "from watchtui.cli import main\n"
        "for args in (['list'], ['upcoming', '--json'], ['export', '--format', 'ics']):\n"
        f"    assert main([*args[:1], '--file', {str(path)!r}, *args[1:]]) == 0\n"
        "assert not [m for m in sys.modules if m.split('.')[0] == 'textual'], 'textual'\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=False, timeout=60
    )
    assert done.returncode == 0, done.stderr
