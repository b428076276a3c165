"""Forgiving search: accents, case, punctuation and a leading article do not matter;
the whole title and its start rank first; a title argument finds one show or says
which ones it could mean."""

from __future__ import annotations

from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from helpers.strategies import texts, watchlists
from watchtui.core.model import Show, Watchlist, replace
from watchtui.core.search import Rank, lookup, normal, query_form, rank, search_text
from watchtui.core.views import ShowFilter, ShowIndex, StandingCache

TODAY = date(2024, 6, 1)

SHOGUN = Show("Shōgun")
OFFICE = Show("The Office")
OFFICE_UK = Show("Office Space Stories")
BACK = Show("Back to the Office")
POST = Show("Post Office Tales")
FRIEREN = Show("Frieren: Beyond Journey's End", original_title="葬送のフリーレン")
AOUAD = Show("All of Us Are Dead", original_title="지금 우리 학교는")
AMELIE = Show("Amélie", original_title="Le Fabuleux Destin d'Amélie Poulain")
A_MAN = Show("A Man on the Inside")

SHOWS = [SHOGUN, OFFICE, OFFICE_UK, BACK, POST, FRIEREN, AOUAD, AMELIE, A_MAN]


def found(query: str, shows: list[Show] = SHOWS) -> list[str]:
    index = ShowIndex(shows)
    return [show.title for show in index.select(ShowFilter.ALL, query, StandingCache(TODAY))]


def test_the_normal_form_drops_accents_case_and_punctuation() -> None:
    assert normal("Shōgun") == "shogun"
    assert normal("  AMÉLIE ") == "amelie"
    assert normal("Frieren: Beyond Journey’s End") == "frieren beyond journeys end"
    assert normal("Ｆｕｌｌ　Ｗｉｄｔｈ") == "full width"  # NFKD folds compatibility forms
    assert query_form("The Office") == "office"
    assert query_form("the") == "the"  # an article alone is what is searched for


def test_accents_case_and_the_leading_article_are_forgiven() -> None:
    assert found("shogun") == ["Shōgun"]
    assert found("SHŌGUN") == ["Shōgun"]
    assert found("amelie") == ["Amélie"]
    assert found("destin d amelie") == ["Amélie"]  # the original title, punctuation aside
    assert found("journeys") == ["Frieren: Beyond Journey's End"]
    assert found("man on the") == ["A Man on the Inside"]
    assert found("a man") == ["A Man on the Inside"]
    assert found("학교") == ["All of Us Are Dead"]
    assert found("フリーレン") == ["Frieren: Beyond Journey's End"]


def test_the_whole_title_then_its_start_then_a_word_then_anywhere() -> None:
    # "The Office" is the whole title (its article aside), then the one starting with
    # the word, then those with a word starting with it; title order within each.
    assert found("office") == [
        "The Office",
        "Office Space Stories",
        "Back to the Office",
        "Post Office Tales",
    ]
    assert found("the office") == found("office")
    assert found("ffice")[0] == "Back to the Office"  # only substrings: title order
    assert found("office tales") == ["Post Office Tales"]
    assert found("tales post") == ["Post Office Tales"]  # every word, in any order


def test_ranks() -> None:
    text = search_text(OFFICE)
    assert rank("office", text) is Rank.EXACT
    assert rank("the office", text) is Rank.EXACT
    assert rank("off", text) is Rank.PREFIX
    assert rank("ffi", text) is Rank.SUBSTRING
    assert rank("office the", text) is Rank.WORDS
    assert rank("bear", text) is None
    assert rank("ins", search_text(A_MAN)) is Rank.WORD


def test_a_filter_and_a_search_together() -> None:
    index = ShowIndex(SHOWS)
    assert index.select(ShowFilter.HINTED, "office", StandingCache(TODAY)) == []


def test_a_title_argument_finds_one_show_or_names_the_candidates() -> None:
    assert lookup(SHOWS, "shogun").show is SHOGUN
    assert lookup(SHOWS, "the office").show is OFFICE
    assert lookup(SHOWS, "OFFICE").show is OFFICE  # exact (article aside) wins over prefixes
    assert lookup(SHOWS, "frieren").show is FRIEREN  # the only match
    assert lookup(SHOWS, "지금 우리 학교는").show is AOUAD
    ambiguous = lookup(SHOWS, "offic")
    assert ambiguous.show is None
    assert sorted(show.title for show in ambiguous.candidates) == sorted(found("offic"))
    nothing = lookup(SHOWS, "nothing like it")
    assert (nothing.show, nothing.candidates) == (None, ())
    assert lookup(SHOWS, "  ").show is None


def test_a_title_as_typed_wins_over_one_that_only_normalises_the_same() -> None:
    plain, accented = Show("Shogun"), Show("Shōgun")
    assert lookup([plain, accented], "Shōgun").show is accented
    assert lookup([plain, accented], "shogun").show is plain
    both = lookup([plain, accented], "SHOGUN ")
    assert both.show is plain  # case and outer spaces aside, it is typed as the file has it
    assert lookup([Show("Office"), OFFICE], "office").show is not None


@settings(suppress_health_check=[HealthCheck.too_slow])
@given(watchlists(max_shows=6), st.lists(st.tuples(st.integers(0, 50), texts), max_size=6), texts)
def test_a_search_after_changes_is_the_search_of_a_fresh_index(
    watchlist: Watchlist, renames: list[tuple[int, str]], query: str
) -> None:
    shows = list(watchlist.shows)
    index = ShowIndex(shows)
    index.ranked(query)  # the search texts are made, then kept up to date by changes
    for pick, title in renames:
        if not shows:
            break
        old = shows[pick % len(shows)]
        new = replace(old, title=title if title.strip() else "x")
        shows[pick % len(shows)] = new
        index.update(old, new)
    fresh = ShowIndex(shows)

    def listed(found: list[tuple[Rank, Show]]) -> list[tuple[Rank, str]]:
        # Shows whose titles differ only in case may come in either order.
        return [(r, f"{s.title}\n{s.original_title}".casefold()) for r, s in found]

    assert listed(index.ranked(query)) == listed(fresh.ranked(query))


@given(texts.filter(str.strip))
def test_a_title_typed_in_full_is_an_exact_match(title: str) -> None:
    assert rank(query_form(title), search_text(Show(title))) is Rank.EXACT
