"""The edit rules: one function per edit a person makes, for the screen and the command line."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from helpers.strategies import cast_notes, seasons, texts, watchlists
from watchtui.core import edits
from watchtui.core.errors import ModelError, Unchanged
from watchtui.core.model import (
    CastNote,
    Claim,
    Confidence,
    Season,
    Show,
    Status,
    Watchlist,
    replace,
)
from watchtui.core.state import SeasonState, season_state
from watchtui.core.storage.document import Change, Document

TODAY = date(2025, 6, 15)
EARLIER = date(2024, 4, 23)


def said(message: str) -> str:
    """A pattern for exactly this message."""
    return f"^{re.escape(message)}$"


def begins(message: str) -> str:
    return f"^{re.escape(message)}"


def watchlist_of(*shows: Show) -> Watchlist:
    return Watchlist(list(shows))


def after(change: Change) -> Show:
    assert change.after is not None
    return change.after


def season_after(change: Change, number: int) -> Season:
    season = after(change).season(number)
    assert season is not None
    return season


def bear() -> Show:
    return Show(
        "The Bear",
        network="FX",
        seasons=(
            Season(3, episodes=10, watched=10, finished=EARLIER),
            Season(4, episodes=10, watched=3, window="2025-06-25", source="FX"),
            Season(5, window="2026", confidence=Confidence.HINTED, source="Variety", noted=EARLIER),
        ),
        cast=(CastNote("Jeremy Allen White", role="Carmy"),),
    )


# Finding -------------------------------------------------------------------------


def test_finding_a_show_a_season_and_a_note_ignores_case() -> None:
    show = bear()
    watchlist = watchlist_of(show)
    assert edits.find_show(watchlist, "  the BEAR ") is show
    with pytest.raises(ModelError, match=said('no show named "Foo"')):
        edits.find_show(watchlist, "Foo")
    assert edits.find_season(show, 4) is show.seasons[1]
    with pytest.raises(ModelError, match=said('"The Bear" has no season 9')):
        edits.find_season(show, 9)
    with pytest.raises(ModelError, match=said('"The Bear" has no specials')):
        edits.find_season(show, 0)
    assert edits.find_cast_note(show, " jeremy allen WHITE") is show.cast[0]
    assert edits.find_cast_note(show, "Ayo Edebiri") is None


def test_an_edit_of_something_no_longer_there_is_refused() -> None:
    show = bear()
    watchlist = watchlist_of(show)
    stranger = Show("The Bear")  # equal title, not the show in the watchlist
    with pytest.raises(ModelError, match="not in the watchlist"):
        edits.delete_show(watchlist, stranger)
    with pytest.raises(ModelError, match='"The Bear" has no such season 4'):
        edits.mark_watched(watchlist, show, Season(4, episodes=10), today=TODAY)
    with pytest.raises(ModelError, match="no cast note for Jeremy Allen White"):
        edits.delete_cast_note(watchlist, show, CastNote("Jeremy Allen White", role="Carmy"))


# Shows ---------------------------------------------------------------------------


def test_add_show_trims_its_text_and_dates_it_today() -> None:
    watchlist = watchlist_of(bear())
    change = edits.add_show(watchlist, Show("  Severance ", network=" Apple TV+ "), today=TODAY)
    assert change.before is None
    assert after(change) == Show("Severance", network="Apple TV+", added=TODAY)
    assert change.description == "add Severance"
    dated = edits.add_show(watchlist, Show("Dark", added=EARLIER), today=TODAY)
    assert after(dated).added == EARLIER


def test_a_title_taken_or_empty_is_refused_in_the_users_words() -> None:
    watchlist = watchlist_of(bear(), Show("Dark"))
    with pytest.raises(ModelError, match=said('there is already a show named "The Bear"')):
        edits.add_show(watchlist, Show(" the bear "), today=TODAY)
    with pytest.raises(ModelError, match=said('there is already a show named "Dark"')):
        edits.edit_show(watchlist, watchlist.shows[0], Show("DARK"))
    with pytest.raises(ModelError, match=said("a show needs a title")):
        edits.edit_show(watchlist, watchlist.shows[0], replace(watchlist.shows[0], title="  "))


def test_edit_show_changes_its_own_fields_and_keeps_the_rest() -> None:
    show = replace(bear(), added=EARLIER, extra={"rating": 9})
    watchlist = watchlist_of(show)
    change = edits.edit_show(watchlist, show, Show("THE BEAR ", status=Status.PAUSED, notes=" x "))
    new = after(change)
    assert (new.title, new.status, new.notes, new.network) == ("THE BEAR", Status.PAUSED, "x", "")
    assert (new.seasons, new.cast, new.added, new.extra) == (
        show.seasons,
        show.cast,
        EARLIER,
        {"rating": 9},
    )
    assert change.description == "edit The Bear"
    with pytest.raises(Unchanged, match=said("The Bear unchanged")):
        edits.edit_show(watchlist, show, replace(show, title=" The Bear "))


def test_delete_show() -> None:
    show = bear()
    change = edits.delete_show(watchlist_of(show), show)
    assert (change.before, change.after, change.description) == (show, None, "delete The Bear")


# Seasons: the window claim and `noted` --------------------------------------------


def test_a_season_added_with_a_window_is_noted_today_and_tba_is_stored_empty() -> None:
    show = bear()
    watchlist = watchlist_of(show)
    hinted = Season(6, window=" late 2027 ", confidence=Confidence.HINTED, source=" Variety ")
    change = edits.add_season(watchlist, show, hinted, today=TODAY)
    assert season_after(change, 6) == Season(
        6, window="late 2027", confidence=Confidence.HINTED, source="Variety", noted=TODAY
    )
    assert change.description == "add Season 6 to The Bear"
    bare = edits.add_season(watchlist, show, Season(6, episodes=8, window="TBA"), today=TODAY)
    assert season_after(bare, 6) == Season(6, episodes=8)  # nothing said, nothing noted
    dated = edits.add_season(watchlist, show, hinted, today=TODAY, noted=EARLIER)
    assert season_after(dated, 6).noted == EARLIER
    with pytest.raises(ModelError, match=said("The Bear already has season 4")):
        edits.add_season(watchlist, show, Season(4), today=TODAY)
    with pytest.raises(ModelError, match=begins("not a release window: 'soon'; use a day")):
        edits.add_season(watchlist, show, Season(6, window="soon"), today=TODAY)


def test_noted_follows_what_is_said_not_what_is_typed_again() -> None:
    show = bear()
    watchlist = watchlist_of(show)
    five = show.seasons[2]

    def claim(**given: object) -> Season:
        return season_after(edits.set_window_claim(watchlist, show, five, today=TODAY, **given), 5)

    with pytest.raises(Unchanged, match=said("Season 5 unchanged")):
        claim(window=" 2026 ", source="Variety")  # the same claim again: not said anew
    assert claim(confidence=Confidence.RUMORED).noted == TODAY
    assert claim(window="Q3 2026").noted == TODAY
    assert claim(window="Q3 2026", noted=date(2025, 6, 1)).noted == date(2025, 6, 1)
    assert claim(noted=date(2025, 6, 1)).noted == date(2025, 6, 1)  # a date alone re-dates it
    cleared = claim(window="TBA", source="")  # saying "no date now" is a claim too
    assert (cleared.window, cleared.source, cleared.noted) == ("", "", TODAY)
    assert cleared.earlier == (five.claim,)
    episodes = edits.edit_season(watchlist, show, five, replace(five, episodes=8), today=TODAY)
    assert season_after(episodes, 5).noted == EARLIER  # the claim did not change


def test_confirming_a_hint_keeps_it_and_credits_no_one_unless_a_source_is_given() -> None:
    show = bear()
    watchlist = watchlist_of(show)
    five = show.seasons[2]
    confirmed = season_after(
        edits.set_window_claim(
            watchlist, show, five, today=TODAY, window="2026-06-24", confidence=Confidence.CONFIRMED
        ),
        5,
    )
    assert confirmed.claim == Claim("2026-06-24", Confidence.CONFIRMED, "", TODAY)
    assert confirmed.earlier == (Claim("2026", Confidence.HINTED, "Variety", EARLIER),)
    by_fx = season_after(
        edits.set_window_claim(
            watchlist, show, five, today=TODAY, confidence=Confidence.CONFIRMED, source="FX"
        ),
        5,
    )
    assert by_fx.claim == Claim("2026", Confidence.CONFIRMED, "FX", TODAY)
    assert by_fx.claims == (five.claim, by_fx.claim)
    redated = season_after(
        edits.set_window_claim(watchlist, show, five, today=TODAY, noted=date(2024, 5, 1)), 5
    )
    assert (redated.earlier, redated.noted) == ((), date(2024, 5, 1))  # not a new claim


def test_each_new_claim_is_kept_oldest_first_and_undo_takes_back_exactly_one(
    tmp_path: Path,
) -> None:
    path = tmp_path / "watchlist.toml"
    document = Document.open(path)
    document.commit(edits.add_show(document.watchlist, bear(), today=TODAY))
    steps = [
        {"window": "2026", "confidence": Confidence.RUMORED, "source": "fan forum"},
        {"window": "late 2026", "source": "Variety"},
        {"window": "2026-10-02", "confidence": Confidence.CONFIRMED, "source": "FX"},
    ]
    for options in steps:
        show = edits.find_show(document.watchlist, "The Bear")
        five = edits.find_season(show, 5)
        document.commit(
            edits.set_window_claim(document.watchlist, show, five, today=TODAY, **options)
        )
    season = edits.find_season(edits.find_show(Document.open(path).watchlist, "the bear"), 5)
    assert [(c.window, c.confidence.value, c.source) for c in season.claims] == [
        ("2026", "hinted", "Variety"),
        ("2026", "rumored", "fan forum"),
        ("late 2026", "rumored", "Variety"),
        ("2026-10-02", "confirmed", "FX"),
    ]
    document.undo()
    season = edits.find_season(edits.find_show(Document.open(path).watchlist, "the bear"), 5)
    assert [c.window for c in season.claims] == ["2026", "2026", "late 2026"]
    assert season.claim == Claim("late 2026", Confidence.RUMORED, "Variety", TODAY)


def test_an_edit_that_changes_no_claim_keeps_the_history_as_it_is() -> None:
    five = replace(bear().seasons[2], earlier=(Claim("2025", Confidence.RUMORED, "fan forum"),))
    show = replace(bear(), seasons=(*bear().seasons[:2], five))
    change = edits.edit_season(
        watchlist_of(show), show, five, replace(five, episodes=8, title="Finale"), today=TODAY
    )
    assert season_after(change, 5).claims == five.claims
    renumbered = edits.edit_season(
        watchlist_of(show), show, five, replace(five, number=6), today=TODAY
    )
    assert season_after(renumbered, 6).earlier == five.earlier


def test_text_that_did_not_change_is_kept_as_written() -> None:
    written = Season(2, title=" Part 2 ", window="TBA", source=" fan forum ", noted=EARLIER)
    show = Show("Squid Game", seasons=(written,))
    change = edits.edit_season(
        watchlist_of(show), show, written, replace(written, episodes=7), today=TODAY
    )
    assert season_after(change, 2) == replace(written, episodes=7)


def test_edit_season_can_renumber_but_not_onto_another() -> None:
    show = bear()
    watchlist = watchlist_of(show)
    five = show.seasons[2]
    moved = edits.edit_season(watchlist, show, five, replace(five, number=6), today=TODAY)
    assert [s.number for s in after(moved).seasons] == [3, 4, 6]
    assert moved.description == "edit Season 5 of The Bear"
    with pytest.raises(ModelError, match=said("The Bear already has season 4")):
        edits.edit_season(watchlist, show, five, replace(five, number=4), today=TODAY)


def test_delete_season() -> None:
    show = bear()
    change = edits.delete_season(watchlist_of(show), show, show.seasons[0])
    assert [s.number for s in after(change).seasons] == [4, 5]
    assert change.description == "delete Season 3 of The Bear"


# Seasons: episodes and `finished` -------------------------------------------------


def test_finished_follows_the_episode_counts_when_they_change() -> None:
    show = bear()
    watchlist = watchlist_of(show)
    three, four = show.seasons[0], show.seasons[1]
    more = edits.edit_season(watchlist, show, three, replace(three, episodes=12), today=TODAY)
    assert (season_after(more, 3).watched, season_after(more, 3).finished) == (10, None)
    done = edits.edit_season(watchlist, show, four, replace(four, watched=10), today=TODAY)
    assert season_after(done, 4).finished == TODAY


def test_a_hand_written_finished_date_survives_an_unrelated_edit() -> None:
    written = Season(1, episodes=12, finished=EARLIER)  # watched left out by hand
    show = Show("All of Us Are Dead", seasons=(written,))
    change = edits.set_window_claim(watchlist_of(show), show, written, today=TODAY, window="2022")
    assert season_after(change, 1).finished == EARLIER


def test_a_season_marked_watched_before_its_count_was_known_stays_watched() -> None:
    marked = Season(2, finished=EARLIER)
    show = Show("Arcane", seasons=(marked,))
    change = edits.edit_season(
        watchlist_of(show), show, marked, replace(marked, episodes=9), today=TODAY
    )
    assert (season_after(change, 2).watched, season_after(change, 2).finished) == (9, EARLIER)


def test_set_and_step_watched_episodes() -> None:
    show = bear()
    watchlist = watchlist_of(show)
    four = show.seasons[1]
    five = edits.set_watched_episodes(watchlist, show, four, 5, today=TODAY)
    assert season_after(five, 4).watched == 5 and season_after(five, 4).finished is None
    assert five.description == "Season 4 of The Bear episodes 3→5"
    last = edits.set_watched_episodes(watchlist, show, four, 10, today=TODAY)
    assert season_after(last, 4).finished == TODAY
    with pytest.raises(ModelError, match=said("Season 4 has 10 episodes, so 11 cannot be watched")):
        edits.set_watched_episodes(watchlist, show, four, 11, today=TODAY)
    with pytest.raises(ModelError, match=said("episodes watched must be 0 or more")):
        edits.set_watched_episodes(watchlist, show, four, -1, today=TODAY)
    with pytest.raises(Unchanged, match=said("Season 4 already has 3 episodes watched")):
        edits.set_watched_episodes(watchlist, show, four, 3, today=TODAY)

    step = edits.step_watched_episodes(watchlist, show, four, 1, today=TODAY)
    assert season_after(step, 4).watched == 4
    three = show.seasons[0]
    with pytest.raises(Unchanged, match=said("Season 3: no more episodes")):
        edits.step_watched_episodes(watchlist, show, three, 1, today=TODAY)
    lower = edits.step_watched_episodes(watchlist, show, three, -1, today=TODAY)
    assert (season_after(lower, 3).watched, season_after(lower, 3).finished) == (9, None)
    with pytest.raises(Unchanged, match=said("Season 5: no episode watched")):
        edits.step_watched_episodes(watchlist, show, show.seasons[2], -1, today=TODAY)


def test_with_the_count_unknown_only_lowering_it_unfinishes() -> None:
    marked = Season(1, watched=4, finished=EARLIER)
    show = Show("Frieren", seasons=(marked,))
    watchlist = watchlist_of(show)
    up = edits.step_watched_episodes(watchlist, show, marked, 1, today=TODAY)
    assert (season_after(up, 1).watched, season_after(up, 1).finished) == (5, EARLIER)
    down = edits.step_watched_episodes(watchlist, show, marked, -1, today=TODAY)
    assert (season_after(down, 1).watched, season_after(down, 1).finished) == (3, None)


def test_a_finished_day_given_replaces_today() -> None:
    show = bear()
    watchlist = watchlist_of(show)
    three, four, five = show.seasons
    typed = edits.edit_season(
        watchlist, show, four, replace(four, watched=10, finished=EARLIER), today=TODAY
    )
    assert (season_after(typed, 4).watched, season_after(typed, 4).finished) == (10, EARLIER)
    day = date(2024, 5, 1)
    redated = edits.edit_season(watchlist, show, three, replace(three, finished=day), today=TODAY)
    assert season_after(redated, 3).finished == day
    marked = edits.mark_watched(watchlist, show, four, today=TODAY, on=EARLIER)
    assert (season_after(marked, 4).watched, season_after(marked, 4).finished) == (10, EARLIER)
    counted = edits.set_watched_episodes(watchlist, show, four, 10, today=TODAY, on=EARLIER)
    assert season_after(counted, 4).finished == EARLIER
    unknown = edits.edit_season(watchlist, show, five, replace(five, finished=EARLIER), today=TODAY)
    assert season_state(season_after(unknown, 5), TODAY) is SeasonState.WATCHED


def test_a_finished_day_is_refused_after_today_or_with_episodes_left() -> None:
    show = bear()
    watchlist = watchlist_of(show)
    four = show.seasons[1]
    later = TODAY + timedelta(days=1)
    with pytest.raises(ModelError, match=said(f"the finished day {later} is after today")):
        edits.mark_watched(watchlist, show, four, today=TODAY, on=later)
    left = "Season 4 has 3 of 10 episodes watched: only a season watched in full has a finished day"
    with pytest.raises(ModelError, match=said(left)):
        edits.edit_season(watchlist, show, four, replace(four, finished=EARLIER), today=TODAY)
    with pytest.raises(ModelError, match=begins("Season 4 has 5 of 10 episodes watched")):
        edits.set_watched_episodes(watchlist, show, four, 5, today=TODAY, on=EARLIER)


def test_clearing_the_finished_day() -> None:
    marked = Season(1, watched=4, finished=EARLIER)
    counted = Season(2, episodes=8, watched=8, finished=EARLIER)
    show = Show("Frieren", seasons=(marked, counted))
    watchlist = watchlist_of(show)
    unmarked = edits.edit_season(
        watchlist, show, marked, replace(marked, finished=None), today=TODAY
    )
    assert (season_after(unmarked, 1).watched, season_after(unmarked, 1).finished) == (4, None)
    today = edits.edit_season(
        watchlist, show, counted, replace(counted, finished=None), today=TODAY
    )
    assert season_after(today, 2).finished == TODAY


# Watched and unwatched ---------------------------------------------------------------


def test_mark_watched_sees_every_known_episode_today() -> None:
    show = bear()
    watchlist = watchlist_of(show)
    change = edits.mark_watched(watchlist, show, show.seasons[1], today=TODAY)
    four = season_after(change, 4)
    assert (four.watched, four.finished) == (10, TODAY)
    assert change.description == "mark Season 4 of The Bear watched"
    unknown = edits.mark_watched(watchlist, show, show.seasons[2], today=TODAY)
    assert (season_after(unknown, 5).watched, season_after(unknown, 5).finished) == (0, TODAY)
    with pytest.raises(Unchanged, match=said("Season 3 is already watched")):
        edits.mark_watched(watchlist, show, show.seasons[0], today=TODAY)
    counted = Show("Dark", seasons=(Season(1, episodes=10, watched=10),))  # no date, all seen
    with pytest.raises(Unchanged, match=said("Season 1 is already watched")):
        edits.mark_watched(watchlist_of(counted), counted, counted.seasons[0], today=TODAY)


def test_mark_unwatched_only_unmarks_a_season_watched_in_full() -> None:
    show = bear()
    watchlist = watchlist_of(show)
    change = edits.mark_unwatched(watchlist, show, show.seasons[0], today=TODAY)
    assert season_after(change, 3) == Season(3, episodes=10)
    assert change.description == "mark Season 3 of The Bear unwatched"
    partly = "Season 4 is only partly watched (3 of 10 episodes seen)"
    with pytest.raises(ModelError, match=begins(partly)):
        edits.mark_unwatched(watchlist, show, show.seasons[1], today=TODAY)
    with pytest.raises(Unchanged, match=said("Season 5 is not marked watched")):
        edits.mark_unwatched(watchlist, show, show.seasons[2], today=TODAY)


def test_toggle_marks_the_rest_of_a_partly_watched_season_and_unmarks_a_full_one() -> None:
    show = bear()
    watchlist = watchlist_of(show)
    partly = edits.toggle_watched(watchlist, show, show.seasons[1], today=TODAY)
    assert (season_after(partly, 4).watched, season_after(partly, 4).finished) == (10, TODAY)
    full = edits.toggle_watched(watchlist, show, show.seasons[0], today=TODAY)
    assert (season_after(full, 3).watched, season_after(full, 3).finished) == (0, None)


@given(seasons(1))
def test_toggle_never_lowers_progress_unless_the_season_was_watched_in_full(
    season: Season,
) -> None:
    show = Show("Any", seasons=(season,))
    change = edits.toggle_watched(watchlist_of(show), show, season, today=TODAY)
    new = season_after(change, 1)
    if season_state(season, TODAY) is SeasonState.WATCHED:
        assert (new.watched, new.finished) == (0, None)
    else:
        assert new.watched >= season.watched
        assert season_state(new, TODAY) is SeasonState.WATCHED
    assert replace(new, watched=0, finished=None) == replace(season, watched=0, finished=None)


# Cast notes ----------------------------------------------------------------------


def test_cast_notes_one_per_name() -> None:
    show = bear()
    watchlist = watchlist_of(show)
    added = edits.add_cast_note(watchlist, show, CastNote(" Ayo Edebiri ", role=" Sydney "))
    assert after(added).cast[-1] == CastNote("Ayo Edebiri", role="Sydney")
    assert added.description == "add cast note Ayo Edebiri to The Bear"
    with pytest.raises(ModelError, match=begins('"The Bear" already has a cast note for Jeremy')):
        edits.add_cast_note(watchlist, show, CastNote("JEREMY ALLEN WHITE"))
    with pytest.raises(ModelError, match=said("a cast note needs a name")):
        edits.edit_cast_note(watchlist, show, show.cast[0], replace(show.cast[0], name=" "))

    two = after(added)
    watchlist = watchlist_of(two)
    with pytest.raises(ModelError, match="already has a cast note for Jeremy Allen White"):
        edits.edit_cast_note(watchlist, two, two.cast[1], CastNote("jeremy allen white"))
    renamed = edits.edit_cast_note(watchlist, two, two.cast[0], CastNote("JEREMY ALLEN WHITE"))
    assert after(renamed).cast[0] == CastNote("JEREMY ALLEN WHITE")  # its own name, recased
    with pytest.raises(Unchanged, match=said("cast note for Ayo Edebiri unchanged")):
        edits.edit_cast_note(watchlist, two, two.cast[1], replace(two.cast[1], role="Sydney "))
    deleted = edits.delete_cast_note(watchlist, two, two.cast[0])
    assert after(deleted).cast == (two.cast[1],)


# Any sequence of edits can be undone --------------------------------------------------

Edit = Callable[[Watchlist, st.DataObject], Change]


def _pick_show(watchlist: Watchlist, data: st.DataObject) -> Show:
    if not watchlist.shows:
        raise ModelError("no show to edit")
    return data.draw(st.sampled_from(watchlist.shows))


def _pick_season(show: Show, data: st.DataObject) -> Season:
    if not show.seasons:
        raise ModelError("no season to edit")
    return data.draw(st.sampled_from(show.seasons))


def _pick_note(show: Show, data: st.DataObject) -> CastNote:
    if not show.cast:
        raise ModelError("no note to edit")
    return data.draw(st.sampled_from(show.cast))


def _on_season(
    edit: Callable[[Watchlist, Show, Season, st.DataObject], Change],
) -> Edit:
    def run(watchlist: Watchlist, data: st.DataObject) -> Change:
        show = _pick_show(watchlist, data)
        return edit(watchlist, show, _pick_season(show, data), data)

    return run


_windows = st.sampled_from(["", "TBA", "2026", "late 2026", "Q3 2026", "2026-03-14", "soon"])

EDITS: list[Edit] = [
    lambda w, d: edits.add_show(w, Show(d.draw(texts) or "x"), today=TODAY),
    lambda w, d: edits.edit_show(
        w, _pick_show(w, d), Show(d.draw(texts) or "x", status=d.draw(st.sampled_from(Status)))
    ),
    lambda w, d: edits.delete_show(w, _pick_show(w, d)),
    lambda w, d: edits.add_season(
        w, _pick_show(w, d), d.draw(seasons(d.draw(st.integers(0, 60)))), today=TODAY
    ),
    _on_season(
        lambda w, show, season, d: edits.edit_season(
            w, show, season, d.draw(seasons(d.draw(st.integers(0, 60)))), today=TODAY
        )
    ),
    _on_season(lambda w, show, season, d: edits.delete_season(w, show, season)),
    _on_season(lambda w, show, season, d: edits.toggle_watched(w, show, season, today=TODAY)),
    _on_season(lambda w, show, season, d: edits.mark_unwatched(w, show, season, today=TODAY)),
    _on_season(
        lambda w, show, season, d: edits.step_watched_episodes(
            w, show, season, d.draw(st.sampled_from([1, -1])), today=TODAY
        )
    ),
    _on_season(
        lambda w, show, season, d: edits.set_watched_episodes(
            w, show, season, d.draw(st.integers(0, 30)), today=TODAY
        )
    ),
    _on_season(
        lambda w, show, season, d: edits.set_window_claim(
            w,
            show,
            season,
            today=TODAY,
            window=d.draw(st.none() | _windows),
            confidence=d.draw(st.none() | st.sampled_from(Confidence)),
            source=d.draw(st.none() | texts),
        )
    ),
    lambda w, d: edits.add_cast_note(w, _pick_show(w, d), d.draw(cast_notes)),
    lambda w, d: edits.edit_cast_note(
        w, (show := _pick_show(w, d)), _pick_note(show, d), d.draw(cast_notes)
    ),
    lambda w, d: edits.delete_cast_note(w, (show := _pick_show(w, d)), _pick_note(show, d)),
]


@settings(suppress_health_check=[HealthCheck.too_slow])
@given(watchlists(max_shows=4), st.lists(st.sampled_from(EDITS), max_size=12), st.data())
def test_undoing_any_sequence_of_edits_gives_the_watchlist_back(
    watchlist: Watchlist, steps: list[Edit], data: st.DataObject
) -> None:
    original = (list(watchlist.shows), dict(watchlist.extra))
    document = Document(Path("never-written.toml"), watchlist, None)  # changes stay in memory
    applied = 0
    for step in steps:
        try:
            change = step(watchlist, data)
        except ModelError:
            continue  # refused: nothing to undo
        before = list(watchlist.shows)
        document.apply(change)
        applied += 1
        # An edit touches the one show it names; the others stay the very same objects.
        untouched = [show for show in before if show is not change.before]
        assert all(any(show is kept for kept in watchlist.shows) for show in untouched)
    for _ in range(applied):
        assert document.take_back() is not None
    assert document.take_back() is None
    assert (watchlist.shows, watchlist.extra) == original
