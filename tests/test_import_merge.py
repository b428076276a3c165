"""`watchtui import` of the other trackers' exports: merged by id, never duplicated,
re-imports adding nothing, --dry-run and --json, and refusals that change nothing."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

from cli_helpers import run, sample_file
from watchtui.core.formats.incoming import stand_in_title
from watchtui.core.storage.atomic import load

DATA = Path(__file__).parent / "data" / "imports"


def _zip(folder: Path, target: Path) -> Path:
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for file in sorted(folder.rglob("*")):
            if file.is_file():
                archive.write(file, file.relative_to(folder).as_posix())
    return target


def _numbers(source: Path, path: Path, *more: str) -> dict[str, object]:
    result = run("import", str(source), "--json", *more, file=path)
    assert result.code == 0 and result.err == "", result.err
    numbers: dict[str, object] = json.loads(result.out)
    return numbers


def test_two_sources_of_one_show_merge_by_id_and_the_real_title_wins(tmp_path: Path) -> None:
    path = tmp_path / "w.toml"
    trakt = _zip(DATA / "trakt_export", tmp_path / "trakt.zip")
    first = _numbers(DATA / "tvtime_2020", path)
    assert (first["added"], first["merged"], first["skipped"]) == (3, 0, 1)
    assert load(path).watchlist.find(stand_in_title(81189)) is not None
    second = _numbers(trakt, path)
    assert (second["added"], second["merged"], second["skipped"]) == (3, 1, 2)
    assert second["skipped_because"] == {"movie": 2}
    watchlist = load(path).watchlist
    assert watchlist.find(stand_in_title(81189)) is None  # named by the later import
    bad = watchlist.find("Breaking Bad")
    assert bad is not None
    assert (bad.ids.tvdb, bad.ids.trakt, bad.extra["episodes_seen"], bad.rating) == (
        81189,
        1388,
        62,
        10,
    )
    # A stand-in never replaces a real title; nothing is duplicated.
    third = _numbers(DATA / "tvtime_2020", path)
    assert (third["added"], third["merged"]) == (0, 0)
    titles = [show.title for show in load(path).watchlist.shows]
    assert titles.count("Breaking Bad") == 1 and len(titles) == len(set(titles)) == 6


def test_importing_the_same_export_twice_adds_nothing(tmp_path: Path) -> None:
    path = sample_file(tmp_path)
    for source in (
        _zip(DATA / "tvtime_2024", tmp_path / "tvtime.zip"),
        DATA / "yamtrack.csv",
        DATA / "seriesguide-shows-backup.json",
        DATA / "tmdb_ratings.csv",
        DATA / "mal_api.json",
        DATA / "imdb_ratings_old.csv",
    ):
        run("import", str(source), file=path)
        saved = path.read_bytes()
        again = run("import", str(source), file=path)
        assert again.code == 0 and again.out.endswith("; nothing to change\n"), again.out
        assert " 0 added, 0 merged" in again.out
        assert path.read_bytes() == saved


def test_dry_run_reports_the_same_numbers_and_writes_nothing(tmp_path: Path) -> None:
    path = sample_file(tmp_path)
    before = path.read_bytes()
    source = DATA / "imdb_list_current.csv"
    dry = _numbers(source, path, "--dry-run")
    assert path.read_bytes() == before
    text = run("import", str(source), "--dry-run", file=path)
    assert text.out.endswith(
        "1 added, 1 merged, 0 already up to date; 1 movie skipped (dry run: nothing written)\n"
    )
    real = _numbers(source, path)
    assert {k: v for k, v in dry.items() if k not in ("dry_run", "written")} == {
        k: v for k, v in real.items() if k not in ("dry_run", "written")
    }
    assert (dry["written"], real["written"]) == (False, True)


def test_the_trakt_profile_and_its_e_mail_are_never_printed(tmp_path: Path) -> None:
    result = run("import", str(DATA / "trakt_export"), file=tmp_path / "w.toml")
    assert result.code == 0
    assert "secret-address" not in result.out + result.err
    assert "secret-address" not in (tmp_path / "w.toml").read_text(encoding="utf-8")


def test_a_damaged_zip_is_one_line_exit_1_and_changes_nothing(tmp_path: Path) -> None:
    path = sample_file(tmp_path)
    before = path.read_bytes()
    whole = _zip(DATA / "trakt_export", tmp_path / "t.zip").read_bytes()
    cut = tmp_path / "cut.zip"
    cut.write_bytes(whole[:-200])
    result = run("import", str(cut), file=path)
    assert (result.code, result.out) == (1, "")
    assert result.err.startswith(f"{cut}: a damaged ZIP file") and result.err.count("\n") == 1
    assert path.read_bytes() == before


def test_a_zip_with_a_damaged_member_is_refused(tmp_path: Path) -> None:
    source = _zip(DATA / "tvtime_2024", tmp_path / "t.zip")
    data = bytearray(source.read_bytes())
    at = data.index(b"followed_tv_show.csv") + len("followed_tv_show.csv") + 4
    data[at : at + 8] = b"\xff" * 8  # inside the compressed data: a bad CRC or stream
    source.write_bytes(bytes(data))
    path = sample_file(tmp_path)
    before = path.read_bytes()
    result = run("import", str(source), file=path)
    assert result.code == 1 and result.err.count("\n") == 1, result.err
    assert "damaged" in result.err
    assert path.read_bytes() == before


def test_a_csv_of_something_else_is_refused_naming_the_formats(tmp_path: Path) -> None:
    path = sample_file(tmp_path)
    before = path.read_bytes()
    source = DATA / "letterboxd_diary.csv"
    result = run("import", str(source), file=path)
    assert result.code == 1
    assert result.err == (
        f"{source}: not an export watchtui can import (it reads IMDb, Trakt, TV Time, "
        "Yamtrack, SeriesGuide, TMDB, MyAnimeList, watchtui JSON)\n"
    )
    assert path.read_bytes() == before


def test_list_json_shows_the_ids_and_rating(tmp_path: Path) -> None:
    path = tmp_path / "w.toml"
    run("import", str(DATA / "seriesguide-shows-backup.json"), file=path)
    shows = json.loads(run("list", "--json", file=path).out)["shows"]
    carbon = next(show for show in shows if show["title"] == "Altered Carbon")
    assert carbon["ids"]["tvdb"] == 332331 and carbon["ids"]["imdb"] == "tt2261227"
    assert carbon["rating"] == 9
