"""`watchtui list --search`, title arguments that forgive, and output that fits the
terminal's width (or COLUMNS), piped or not."""

from __future__ import annotations

import json
from pathlib import Path

from cli_helpers import run, sample_file
from watchtui.cli.output import width

WIDE = """\
version = 1

[[show]]
title = "Shōgun"
network = "FX"

[[show.season]]
number = 2
window = "2026"
confidence = "hinted"
source = "FX chief John Landgraf at the Television Critics Association press tour"
noted = 2025-08-01

[[show]]
title = "The Office"

[[show]]
title = "Office Space Stories: An Extremely Long Title That Goes On And On"

[[show.season]]
number = 1
window = "2026-05-01"
confidence = "confirmed"

[[show]]
title = "지금 우리 학교는 그리고 아주 긴 제목"

[[show.season]]
number = 2
window = "2026"
confidence = "rumored"
source = "한국 연예 뉴스 사이트의 아주 긴 출처 설명입니다"
"""


def wide_file(folder: Path) -> Path:
    return sample_file(folder, WIDE)


def titles(out: str) -> list[str]:
    return [line.split("  ")[0] for line in out.splitlines()[1:]]


def test_list_search_forgives_accents_case_and_the_article_and_ranks_the_best_first(
    tmp_path: Path,
) -> None:
    path = wide_file(tmp_path)
    assert titles(run("list", "--search", "SHOGUN", file=path).out) == ["Shōgun"]
    office = run("list", "--search", "office", file=path)
    assert office.code == 0
    assert titles(office.out) == [
        "The Office",
        "Office Space Stories: An Extremely Long Title That Goes On And On",
    ]
    document = json.loads(run("list", "--search", "office", "--json", file=path).out)
    assert [show["title"] for show in document["shows"]] == titles(office.out)
    only = run("list", "--search", "office", "--titles", file=path, columns=20)
    assert only.out.splitlines() == titles(office.out)  # whole, however narrow
    everything = run("list", "--titles", file=path).out.splitlines()
    assert everything == titles(run("list", file=path).out)
    assert run("list", "--titles", "--json", file=path).code == 2


def test_list_search_with_no_match_prints_nothing(tmp_path: Path) -> None:
    path = wide_file(tmp_path)
    nothing = run("list", "--search", "breaking bad", file=path)
    assert (nothing.code, nothing.out, nothing.err) == (0, "", "")
    document = json.loads(run("list", "--search", "breaking bad", "--json", file=path).out)
    assert document["shows"] == []


def test_a_title_argument_forgives_and_an_ambiguous_one_names_the_candidates(
    tmp_path: Path,
) -> None:
    path = wide_file(tmp_path)
    before = path.read_bytes()
    ambiguous = run("watched", "offic", "1", file=path)
    assert ambiguous.code == 1 and ambiguous.out == ""
    assert ambiguous.err.count("\n") == 1
    assert ambiguous.err.startswith('watchtui: "offic" matches 2 shows: "The Office", "Office')
    assert ambiguous.err.endswith("; give more of the title\n")
    assert path.read_bytes() == before

    exact = run("season", "office", "1", "--window", "2027", file=path)  # "The Office" exactly
    assert exact.code == 0, exact.err
    assert exact.out == "The Office: Season 1 added (2027, confirmed)\n"

    accents = run("season", "shogun", "2", "--confidence", "confirmed", file=path)
    assert accents.out.startswith("Shōgun: Season 2 changed (2026, confirmed)")


def test_list_and_upcoming_fit_columns_counting_wide_characters_as_two(tmp_path: Path) -> None:
    path = wide_file(tmp_path)
    for columns in (60, 80, 100):
        for command in ("list", "upcoming"):
            result = run(command, file=path, columns=columns)
            assert result.code == 0, result.err
            lines = result.out.splitlines()
            assert lines and all(width(line) <= columns for line in lines), (command, columns)
    at_60 = run("list", file=path, columns=60).out
    assert "Office Space Stories: An Extremely Long Title That Goes On And On" not in at_60
    assert "…" in at_60 and "지금" in at_60
    upcoming = run("upcoming", file=path, columns=80).out
    for word in ("rumored", "hinted", "confirmed", "2026-05-01"):
        assert word in upcoming  # the window and the confidence are never cut
    roomy = run("upcoming", file=path, columns=300).out
    assert "John Landgraf at the Television Critics Association press tour" in roomy


def test_piped_output_with_no_columns_set_fits_80(tmp_path: Path) -> None:
    result = run("upcoming", file=wide_file(tmp_path), columns=None)
    assert result.code == 0
    assert max(width(line) for line in result.out.splitlines()) <= 80
