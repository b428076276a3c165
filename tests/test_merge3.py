"""The three-way merge of watchlists: changes on either side kept, conflicts named."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from watchtui.core.model import CastNote, Season, Show, replace
from watchtui.core.storage.merge3 import Conflict, merge_extra, merge_shows

TITLES = ["Dark", "Shōgun", "The Office", "Severance", "Mask Girl"]

seasons = st.lists(
    st.builds(
        Season,
        number=st.integers(1, 4),
        episodes=st.just(10),
        watched=st.integers(0, 10),
        window=st.sampled_from(["", "2025", "2026 Q1"]),
    ),
    max_size=3,
    unique_by=lambda s: s.number,
).map(lambda found: tuple(sorted(found, key=lambda s: s.number)))

shows = st.builds(
    Show,
    title=st.sampled_from(TITLES),
    notes=st.sampled_from(["", "great", "slow start"]),
    rating=st.none() | st.integers(1, 10),
    seasons=seasons,
    cast=st.lists(st.builds(CastNote, name=st.sampled_from(["Kim", "Lee"])), max_size=1).map(tuple),
)
watchlists = st.lists(shows, max_size=4, unique_by=lambda show: show.key)


@settings(deadline=None)
@given(watchlists, watchlists)
def test_theirs_unchanged_gives_ours(base: list[Show], ours: list[Show]) -> None:
    merged = merge_shows(base, ours, base)
    assert merged.conflicts == []
    assert merged.shows == ours
    assert merged.taken == set()


@settings(deadline=None)
@given(watchlists, watchlists)
def test_ours_unchanged_gives_theirs(base: list[Show], theirs: list[Show]) -> None:
    merged = merge_shows(base, base, theirs)
    assert merged.conflicts == []
    assert sorted(merged.shows, key=lambda s: s.key) == sorted(theirs, key=lambda s: s.key)


@settings(deadline=None)
@given(watchlists, st.data())
def test_edits_to_different_shows_are_both_kept(base: list[Show], data: st.DataObject) -> None:
    ours, theirs = list(base), list(base)
    for index, show in enumerate(base):
        side = data.draw(st.sampled_from(["ours", "theirs", "neither"]))
        edited = replace(show, notes=show.notes + " (seen)")
        if side == "ours":
            ours[index] = edited
        elif side == "theirs":
            theirs[index] = edited
    merged = merge_shows(base, ours, theirs)
    assert merged.conflicts == []
    for index, show in enumerate(merged.shows):
        assert show.notes == max(ours[index].notes, theirs[index].notes, key=len)


def test_disjoint_fields_and_seasons_of_one_show_merge() -> None:
    base = [Show("Dark", seasons=(Season(1, episodes=10), Season(2, episodes=8)))]
    ours = [
        replace(
            base[0],
            notes="mind-bending",
            seasons=(Season(1, episodes=10, watched=10), Season(2, episodes=8)),
        )
    ]
    theirs = [replace(base[0], rating=9, seasons=(*base[0].seasons, Season(3, window="2026")))]
    merged = merge_shows(base, ours, theirs)
    assert merged.conflicts == []
    [show] = merged.shows
    assert (show.notes, show.rating) == ("mind-bending", 9)
    assert [(s.number, s.watched, s.window) for s in show.seasons] == [
        (1, 10, ""),
        (2, 0, ""),
        (3, 0, "2026"),
    ]
    assert merged.taken == {"dark"}


def test_added_on_both_sides_kept_in_place_and_deleted_on_one_side_deleted() -> None:
    a, b, c = Show("Alpha"), Show("Beta"), Show("Gamma")
    merged = merge_shows([a, b, c], [a, b, c, Show("Ours New")], [a, Show("Their New"), c])
    assert merged.conflicts == []
    assert [s.title for s in merged.shows] == ["Alpha", "Their New", "Gamma", "Ours New"]
    assert merged.taken == {"beta", "their new"}


def test_same_field_changed_differently_is_a_conflict() -> None:
    base = [Show("Dark", seasons=(Season(1, episodes=10),))]
    ours = [replace(base[0], seasons=(Season(1, episodes=10, watched=3),))]
    theirs = [replace(base[0], seasons=(Season(1, episodes=10, watched=5),))]
    merged = merge_shows(base, ours, theirs)
    assert merged.conflicts == [Conflict("Dark", "season 1 watched")]
    assert merged.shows == ours


def test_deleted_on_one_side_and_changed_on_the_other_is_a_conflict() -> None:
    base = [Show("Dark")]
    merged = merge_shows(base, [], [replace(base[0], notes="changed")])
    assert merged.conflicts == [Conflict("Dark", "deleted on one side, changed on the other")]


def test_the_same_change_on_both_sides_is_no_conflict() -> None:
    base = [Show("Dark")]
    same = [replace(base[0], rating=8)]
    assert merge_shows(base, same, list(same)).conflicts == []


def test_top_level_keys_merge_by_key() -> None:
    extra, conflicts = merge_extra({"a": 1}, {"a": 1, "b": 2}, {"c": 3})
    assert (extra, conflicts) == ({"b": 2, "c": 3}, [])
    _, conflicts = merge_extra({"a": 1}, {"a": 2}, {"a": 3})
    assert conflicts == [Conflict("the file", "top-level key a")]
