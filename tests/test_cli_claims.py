"""`watchtui season` adding claims, `watchtui history` and `watchtui sources`, run for real."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from cli_helpers import TODAY, run, sample_file


def _json(*args: str, file: Path, today: str = TODAY) -> Any:
    result = run(*args, "--json", file=file, today=today)
    assert (result.code, result.err) == (0, "")
    return json.loads(result.out)


def test_a_hint_recorded_then_confirmed_shows_as_right_with_its_source(tmp_path: Path) -> None:
    path = tmp_path / "watchlist.toml"
    assert run("add", "Severance", "--network", "Apple TV+", file=path).code == 0
    hint = run("season", "severance", "3", "--window", "late 2026", "--confidence", "hinted",
               "--source", "Variety", "--noted", "2026-01-20", file=path)  # fmt: skip
    assert hint.out == "Severance: Season 3 added (late 2026, hinted)\n"
    pending = _json("history", "Severance", "3", file=path)
    assert pending == [
        {
            "window": "late 2026",
            "confidence": "hinted",
            "source": "Variety",
            "noted": "2026-01-20",
            "verdict": "pending",
            "extra": {},
        }
    ]

    confirmed = run("season", "Severance", "3", "--window", "2026-10-09", "--confidence",
                    "confirmed", "--source", "Apple TV+ press release", file=path,
                    today="2026-06-01")  # fmt: skip
    assert confirmed.out == (
        "Severance: Season 3 changed (2026-10-09, confirmed); "
        "the claim before it is kept (late 2026, hinted)\n"
    )
    history = _json("history", "Severance", "3", file=path, today="2026-06-01")
    assert [(c["window"], c["source"], c["noted"], c["verdict"]) for c in history] == [
        ("late 2026", "Variety", "2026-01-20", "right"),
        ("2026-10-09", "Apple TV+ press release", "2026-06-01", "right"),
    ]
    text = run("history", "Severance", "3", file=path, today="2026-06-01")
    assert text.out.splitlines() == [
        "Severance, Season 3: 2 claims, oldest first",
        "NOTED       WINDOW      CONFIDENCE   SOURCE                   VERDICT",
        "2026-01-20  late 2026   ◇ hinted     Variety                  ✓ right",
        "2026-06-01  2026-10-09  ● confirmed  Apple TV+ press release  ✓ right (current)",
    ]
    sources = _json("sources", file=path)
    assert {s["source"]: (s["claims"], s["right"], s["wrong"]) for s in sources} == {
        "Variety": (1, 1, 0),
        "Apple TV+ press release": (1, 1, 0),
    }


def test_history_lists_claims_aligned_oldest_first_and_marks_the_current_one(
    tmp_path: Path,
) -> None:
    path = sample_file(tmp_path)
    run("season", "All of Us Are Dead", "2", "--window", "2026-05-01", "--confidence",
        "confirmed", "--source", "Netflix", "--noted", "2026-02-20", file=path)  # fmt: skip
    lines = run("history", "all of us are dead", "2", file=path).out.splitlines()
    assert lines[0] == "All of Us Are Dead, Season 2: 2 claims, oldest first"
    header, hint, confirmation = lines[1:]
    assert header.split() == ["NOTED", "WINDOW", "CONFIDENCE", "SOURCE", "VERDICT"]
    assert hint.startswith("2024-04-23  2024        ◇ hinted     BH Entertainment Instagram")
    assert hint.endswith("« early")  # 2024 ended before 1 May 2026
    assert confirmation.startswith("2026-02-20  2026-05-01  ● confirmed  Netflix")
    assert confirmation.endswith("✓ right (current)")
    assert hint.index("« early") == confirmation.index("✓ right")  # one column


def test_history_of_a_season_nothing_was_said_about_and_of_a_missing_one(tmp_path: Path) -> None:
    path = sample_file(tmp_path)
    quiet = run("history", "Dark", "1", file=path)
    assert quiet.out.splitlines()[-1].endswith("✓ right (current)")  # the confirmed day itself
    run("season", "Dark", "2", "--episodes", "8", file=path)
    nothing = run("history", "Dark", "2", file=path)
    assert nothing.out == "Dark, Season 2: nothing said about its release window yet\n"
    assert _json("history", "Dark", "2", file=path) == []
    missing = run("history", "Dark", "9", file=path)
    assert (missing.code, missing.out, missing.err) == (1, "", 'watchtui: "Dark" has no season 9\n')
    unknown = run("history", "Nope", "1", file=path)
    assert (unknown.code, unknown.err) == (1, 'watchtui: no show named "Nope"\n')


def test_history_shows_control_characters_escaped(tmp_path: Path) -> None:
    path = tmp_path / "watchlist.toml"
    path.write_text(
        '[[show]]\ntitle = "X"\n[[show.season]]\nnumber = 1\nwindow = "2026"\n'
        'source = "evil\\u001b[31m red"\nconfidence = "rumored"\n',
        encoding="utf-8",
    )
    out = run("history", "X", "1", file=path).out
    assert "\x1b" not in out and "evil␛[31m red" in out


def test_sources_count_every_claim_of_a_source_whatever_its_spelling(tmp_path: Path) -> None:
    path = sample_file(tmp_path)
    run("season", "Squid Game", "3", "--window", "2026-06-27", "--confidence", "confirmed",
        "--source", " netflix ", file=path)  # fmt: skip
    run("season", "Severance", "3", "--window", "2027", "--source", "FAN FORUM",
        "--confidence", "rumored", file=path)  # fmt: skip
    records = {r["source"]: r for r in _json("sources", file=path)}
    assert records["fan forum"] == {  # as first written; Squid Game's rumor was early
        "source": "fan forum",
        "claims": 2,
        "right": 0,
        "wrong": 1,
        "early": 0,
        "late": 1,
        "pending": 1,
        "overdue": 0,
    }
    # "Netflix" (All of Us Are Dead S1) and " netflix " (Squid Game S3) are one source.
    assert (records["Netflix"]["claims"], records["Netflix"]["right"]) == (2, 2)
    text = run("sources", file=path).out.splitlines()
    assert text[0].split() == ["SOURCE", "CLAIMS", "RIGHT", "WRONG", "PENDING", "OVERDUE"]
    # Most claims first, then by name; the others have one claim each.
    assert [line.split("  ")[0] for line in text[1:]] == [
        "fan forum",
        "Netflix",
        "BH Entertainment Instagram post listing Park Ji-hu's 2024 projects",
        "FX",
        "FX press release",
        "Variety, citing people close to the production",
    ]


def test_sources_of_a_watchlist_with_no_sources(tmp_path: Path) -> None:
    path = tmp_path / "watchlist.toml"
    assert run("sources", file=path).out == "no claim names a source yet\n"
    assert _json("sources", file=path) == []


def test_season_noted_dates_a_new_claim_and_defaults_to_today(tmp_path: Path) -> None:
    path = sample_file(tmp_path)
    run("season", "The Bear", "5", "--window", "2026-06-24", "--source", "FX", file=path)
    run("season", "The Bear", "5", "--window", "2026-06-25", "--source", "FX",
        "--noted", "2026-02-27", file=path)  # fmt: skip
    history = _json("history", "The Bear", "5", file=path)
    assert [(c["window"], c["noted"]) for c in history] == [
        ("2026-03-02", None),
        ("2026-06-24", TODAY),
        ("2026-06-25", "2026-02-27"),
    ]
    bad = run("season", "The Bear", "5", "--noted", "yesterday", file=path)
    assert bad.code == 2 and "not a date like 2025-03-14" in bad.err
