"""Each export format, as its service writes it, read into shows: ids, progress,
status, ratings; movies and other items counted and skipped."""

from __future__ import annotations

import gzip
import shutil
import zipfile
from datetime import date
from pathlib import Path

import pytest

from watchtui.core.errors import ImportFileError
from watchtui.core.formats.incoming import SEEN, ImportFormat, Incoming, stand_in_title
from watchtui.core.imports import read_import
from watchtui.core.model import Ids, Season, Show, Status

DATA = Path(__file__).parent / "data" / "imports"
TODAY = date(2026, 3, 1)


def _read(path: Path) -> Incoming:
    return read_import(path, TODAY)


def _by_title(incoming: Incoming) -> dict[str, Show]:
    return {show.title: show for show in incoming.shows}


def _zip(folder: Path, target: Path) -> Path:
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for file in sorted(folder.rglob("*")):
            if file.is_file():
                archive.write(file, file.relative_to(folder).as_posix())
    return target


# IMDb ---------------------------------------------------------------------------


def test_imdb_old_ratings_header_tv_series_spelled_as_ids_duplicates_once() -> None:
    incoming = _read(DATA / "imdb_ratings_old.csv")
    assert incoming.format is ImportFormat.IMDB
    assert incoming.skipped == {"movie": 1, "episode": 1}
    bad = [e for e in incoming.entries if e.show.title == "Breaking Bad"]
    assert len(bad) == 2  # the repeated row, merged into one show by its id on import
    show = bad[0].show
    assert (show.ids, show.rating, show.rated, show.status, bad[0].year) == (
        Ids(imdb="tt0903747"),
        10,
        date(2019, 8, 1),
        Status.WATCHING,
        2008,
    )


def test_imdb_current_header_with_original_title_and_no_final_newline() -> None:
    shows = _by_title(_read(DATA / "imdb_list_current.csv"))
    assert set(shows) == {"Squid Game", "The Wire"}
    assert shows["Squid Game"].original_title == "오징어 게임"
    assert shows["Squid Game"].rating == 8
    assert shows["The Wire"].status is Status.PLANNED


# Trakt --------------------------------------------------------------------------


def _trakt_checks(incoming: Incoming) -> None:
    shows = _by_title(incoming)
    assert set(shows) == {"Breaking Bad", "The Bear", "Severance", "All of Us Are Dead"}
    assert incoming.skipped == {"movie": 2}  # Dune in three files, Dune: Part Two once
    bad = shows["Breaking Bad"]
    assert bad.ids == Ids(imdb="tt0903747", tvdb=81189, tmdb=1396, trakt=1388)
    # watched-shows.json has no seasons: the history files (split in two) give them.
    assert bad.seasons == (
        Season(1, watched=2, finished=date(2019, 5, 2)),
        Season(2, watched=1),
    )
    assert (bad.status, bad.rating, bad.rated) == (Status.WATCHING, 10, date(2019, 8, 1))
    assert shows["Severance"].status is Status.PLANNED
    assert shows["Severance"].added == date(2024, 4, 23)
    assert shows["All of Us Are Dead"].status is Status.PLANNED  # from a custom list


def test_trakt_export_as_a_folder_and_as_a_zip_one_folder_down(tmp_path: Path) -> None:
    _trakt_checks(_read(DATA / "trakt_export"))
    _trakt_checks(_read(_zip(DATA / "trakt_export", tmp_path / "trakt.zip")))


def test_trakt_user_profile_is_never_read(tmp_path: Path) -> None:
    folder = tmp_path / "export"
    shutil.copytree(DATA / "trakt_export" / "export", folder)
    (folder / "user-profile.json").write_text("{ not json at all", encoding="utf-8")
    _trakt_checks(_read(folder))  # a broken profile changes nothing: it is not opened


def test_trakt_single_history_file_streams_every_entry() -> None:
    shows = _by_title(_read(DATA / "trakt_export" / "export" / "watched-history-2.json"))
    assert shows["The Bear"].seasons == (Season(1, watched=2),)


# TV Time ------------------------------------------------------------------------


def test_tvtime_2020_shows_known_by_thetvdb_id_get_a_stand_in_title() -> None:
    incoming = _read(DATA / "tvtime_2020")
    shows = {show.ids.tvdb: show for show in incoming.shows}
    assert set(shows) == {81189, 121361, 73739}
    assert incoming.skipped == {"show neither followed nor seen": 1}
    bad = shows[81189]
    assert (
        bad.title
        == stand_in_title(81189)
        == ("TheTVDB 81189 (title unknown: run watchtui refresh)")
    )
    assert (bad.status, bad.extra[SEEN], bad.seasons) == (Status.WATCHING, 62, ())
    assert bad.added == date(2019, 5, 1)
    assert shows[121361].status is Status.PLANNED
    assert shows[73739].status is Status.DROPPED  # unfollowed after 25 episodes


def test_tvtime_2024_zip_with_names_seasons_and_tables_it_does_not_need(tmp_path: Path) -> None:
    incoming = _read(_zip(DATA / "tvtime_2024", tmp_path / "tvtime.zip"))
    assert incoming.format is ImportFormat.TVTIME
    assert incoming.skipped == {"movie": 1}
    shows = _by_title(incoming)
    assert set(shows) == {"지금 우리 학교는", "Breaking Bad", "Severance"}
    dead = shows["지금 우리 학교는"]
    assert dead.ids == Ids(tvdb=366524)
    assert dead.seasons == (Season(1, watched=3),)  # a rewatch is not a second episode
    assert shows["Breaking Bad"].status is Status.DROPPED  # archived
    assert shows["Breaking Bad"].seasons[0].finished == date(2019, 5, 2)
    assert shows["Severance"].status is Status.PLANNED  # for later


def test_a_table_of_seen_episodes_alone_brings_no_show() -> None:
    incoming = _read(DATA / "tvtime_2020" / "seen_episode.csv")
    assert incoming.shows == []
    assert incoming.skipped == {"seen episode without its show": 2}


# Yamtrack, SeriesGuide, TMDB, MyAnimeList ---------------------------------------


def test_yamtrack_shows_seasons_episodes_anime_and_skipped_items() -> None:
    incoming = _read(DATA / "yamtrack.csv")
    assert incoming.skipped == {"movie": 1, "game": 1}
    shows = _by_title(incoming)
    bad = shows["Breaking Bad"]
    assert (bad.ids, bad.status, bad.rating, bad.notes) == (
        Ids(tmdb=1396),
        Status.WATCHING,
        10,
        "best show",
    )
    assert bad.seasons == (
        Season(1, watched=7, finished=date(2019, 5, 5)),
        Season(2, watched=2),
    )
    assert shows["오징어 게임"].status is Status.PLANNED
    titan = shows["Shingeki no Kyojin"]
    assert (titan.ids, titan.status, titan.seasons[0].watched) == (
        Ids(mal=16498),
        Status.COMPLETED,
        25,
    )


def test_seriesguide_backup_every_id_watched_flags_and_hidden_shows() -> None:
    shows = _by_title(_read(DATA / "seriesguide-shows-backup.json"))
    carbon = shows["Altered Carbon"]
    assert carbon.ids == Ids(imdb="tt2261227", tvdb=332331, tmdb=68421, trakt=122265)
    assert (carbon.network, carbon.rating, carbon.notes) == ("Netflix", 9, "Note text")
    assert carbon.seasons == (
        Season(1, episodes=2, watched=2, finished=date(2021, 3, 1)),
        Season(2, episodes=2, watched=1),  # a skipped episode is not watched
    )
    assert carbon.status is Status.WATCHING
    assert shows["Dark"].status is Status.DROPPED  # hidden


def test_tmdb_episode_rows_never_give_a_show_their_ids() -> None:
    incoming = _read(DATA / "tmdb_ratings.csv")
    assert incoming.skipped == {"movie": 1}
    squid, *rest = incoming.entries
    assert squid.show.title == "오징어 게임"  # non-Latin, intact
    assert squid.show.ids == Ids(tmdb=93405, imdb="tt10919420")  # not an episode's
    assert (squid.show.rating, squid.show.seasons) == (9, (Season(1, watched=2),))
    # Breaking Bad has only an episode row: merged into a show of that name, never added.
    (bad,) = rest
    assert bad.merge_only and bad.show.ids == Ids()


def test_tmdb_watchlist_shows_are_planned_with_the_day_listed() -> None:
    shows = _by_title(_read(DATA / "tmdb_watchlist.csv"))
    assert shows["South Park"].status is Status.PLANNED
    assert shows["South Park"].added == date(2023, 7, 10)


def test_mal_xml_export_gzipped(tmp_path: Path) -> None:
    source = tmp_path / "animelist_1700000000_-_1234567.xml.gz"
    source.write_bytes(gzip.compress((DATA / "animelist.xml").read_bytes()))
    incoming = _read(source)
    assert incoming.skipped == {"movie": 1}
    shows = _by_title(incoming)
    titan = shows["Shingeki no Kyojin"]
    assert titan.seasons == (Season(1, episodes=25, watched=25, finished=date(2014, 3, 1)),)
    assert (titan.ids, titan.status, titan.rating) == (Ids(mal=16498), Status.COMPLETED, 9)
    frieren = shows["Sousou no Frieren"]
    assert (frieren.status, frieren.seasons[0].watched, frieren.rating) == (
        Status.WATCHING,
        7,
        None,
    )


def test_mal_xml_with_a_document_type_is_refused(tmp_path: Path) -> None:
    source = tmp_path / "animelist.xml"
    source.write_text(
        '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><myanimelist>'
        "<anime><series_title>&a;</series_title></anime></myanimelist>",
        encoding="utf-8",
    )
    with pytest.raises(ImportFileError, match="document type or entities: refused"):
        _read(source)


def test_mal_api_json() -> None:
    incoming = _read(DATA / "mal_api.json")
    shows = _by_title(incoming)
    assert incoming.skipped == {"movie": 1}
    assert shows["Sousou no Frieren"].seasons == (Season(1, episodes=28, watched=12),)
    assert shows["Fullmetal Alchemist: Brotherhood"].status is Status.PLANNED


# Containers and files that are not exports ----------------------------------------


def test_a_damaged_zip_is_refused(tmp_path: Path) -> None:
    whole = _zip(DATA / "tvtime_2024", tmp_path / "whole.zip").read_bytes()
    cut = tmp_path / "cut.zip"
    cut.write_bytes(whole[: len(whole) // 2])
    with pytest.raises(ImportFileError, match="damaged ZIP"):
        _read(cut)


def test_a_zip_of_nothing_known_is_refused(tmp_path: Path) -> None:
    source = tmp_path / "photos.zip"
    with zipfile.ZipFile(source, "w") as archive:
        archive.writestr("notes.txt", "buy milk\n")
        archive.writestr("diary.csv", (DATA / "letterboxd_diary.csv").read_text())
    with pytest.raises(ImportFileError, match="nothing in this ZIP watchtui can import"):
        _read(source)


def test_a_csv_of_something_else_names_the_formats_known() -> None:
    with pytest.raises(ImportFileError) as caught:
        _read(DATA / "letterboxd_diary.csv")
    assert str(caught.value) == (
        f"{DATA / 'letterboxd_diary.csv'}: not an export watchtui can import (it reads IMDb, "
        "Trakt, TV Time, Yamtrack, SeriesGuide, TMDB, MyAnimeList, watchtui JSON)"
    )


def test_an_encrypted_zip_is_refused(tmp_path: Path) -> None:
    data = bytearray(_zip(DATA / "tvtime_2024", tmp_path / "plain.zip").read_bytes())
    at = data.index(b"PK\x01\x02")  # the first entry of the central directory
    data[at + 8] |= 0x1  # its "encrypted" flag
    locked = tmp_path / "locked.zip"
    locked.write_bytes(bytes(data))
    with pytest.raises(ImportFileError, match="the ZIP is encrypted"):
        _read(locked)


def test_every_trakt_id_is_kept_even_of_databases_watchtui_has_no_key_for(
    tmp_path: Path,
) -> None:
    source = tmp_path / "watchlist.json"
    source.write_text(
        '[{"listed_at": "2024-01-01T00:00:00.000Z", "type": "show", "show": {"title": "Lost",'
        ' "year": 2004, "ids": {"trakt": 511, "slug": "lost-2004", "tvdb": 73739,'
        ' "imdb": "tt0411008", "tmdb": 4607, "tvrage": 7244}}}]',
        encoding="utf-8",
    )
    (lost,) = _read(source).shows
    assert lost.ids == Ids(
        imdb="tt0411008", tvdb=73739, tmdb=4607, trakt=511, extra={"tvrage": 7244}
    )
