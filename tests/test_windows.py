"""Release windows: the table of docs/file-format.md, read exactly, and nothing else accepted."""

from __future__ import annotations

import calendar
from datetime import date

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from watchtui.core.errors import ACCEPTED_FORMS, WindowError
from watchtui.core.windows import FIRST_YEAR, LAST_YEAR, Precision, parse_window

P = Precision


@pytest.mark.parametrize(
    ("text", "start", "end", "precision"),
    [
        # a day
        ("2025-03-14", date(2025, 3, 14), date(2025, 3, 14), P.DAY),
        ("March 14, 2025", date(2025, 3, 14), date(2025, 3, 14), P.DAY),
        ("14 Mar 2025", date(2025, 3, 14), date(2025, 3, 14), P.DAY),
        ("Sept 1, 2025", date(2025, 9, 1), date(2025, 9, 1), P.DAY),
        ("Sept 3rd 2025", date(2025, 9, 3), date(2025, 9, 3), P.DAY),
        ("2025 March 14", date(2025, 3, 14), date(2025, 3, 14), P.DAY),
        ("22nd December, 2025.", date(2025, 12, 22), date(2025, 12, 22), P.DAY),
        ("MAY 1 1999", date(1999, 5, 1), date(1999, 5, 1), P.DAY),
        # a month
        ("2025-03", date(2025, 3, 1), date(2025, 3, 31), P.MONTH),
        ("March 2025", date(2025, 3, 1), date(2025, 3, 31), P.MONTH),
        ("Mar 2025", date(2025, 3, 1), date(2025, 3, 31), P.MONTH),
        ("2025-04", date(2025, 4, 1), date(2025, 4, 30), P.MONTH),
        ("Dec 2025", date(2025, 12, 1), date(2025, 12, 31), P.MONTH),
        # quarters
        ("Q1 2025", date(2025, 1, 1), date(2025, 3, 31), P.QUARTER),
        ("Q2 2025", date(2025, 4, 1), date(2025, 6, 30), P.QUARTER),
        ("Q3 2025", date(2025, 7, 1), date(2025, 9, 30), P.QUARTER),
        ("Q4 2025", date(2025, 10, 1), date(2025, 12, 31), P.QUARTER),
        # halves
        ("H1 2025", date(2025, 1, 1), date(2025, 6, 30), P.HALF),
        ("H2 2025", date(2025, 7, 1), date(2025, 12, 31), P.HALF),
        # thirds
        ("early 2025", date(2025, 1, 1), date(2025, 4, 30), P.THIRD),
        ("mid 2025", date(2025, 5, 1), date(2025, 8, 31), P.THIRD),
        ("late 2025", date(2025, 9, 1), date(2025, 12, 31), P.THIRD),
        # broadcast seasons
        ("winter 2025", date(2025, 1, 1), date(2025, 3, 31), P.SEASON),
        ("spring 2025", date(2025, 4, 1), date(2025, 6, 30), P.SEASON),
        ("summer 2025", date(2025, 7, 1), date(2025, 9, 30), P.SEASON),
        ("fall 2025", date(2025, 10, 1), date(2025, 12, 31), P.SEASON),
        ("autumn 2025", date(2025, 10, 1), date(2025, 12, 31), P.SEASON),
        # a year
        ("2025", date(2025, 1, 1), date(2025, 12, 31), P.YEAR),
        # leap years
        ("2024-02-29", date(2024, 2, 29), date(2024, 2, 29), P.DAY),
        ("Feb 2024", date(2024, 2, 1), date(2024, 2, 29), P.MONTH),
        ("2024-02", date(2024, 2, 1), date(2024, 2, 29), P.MONTH),
        ("Feb 2023", date(2023, 2, 1), date(2023, 2, 28), P.MONTH),
        ("February 29, 2024", date(2024, 2, 29), date(2024, 2, 29), P.DAY),
        ("Q1 2024", date(2024, 1, 1), date(2024, 3, 31), P.QUARTER),
    ],
)
def test_each_form_of_the_table_means_its_range(
    text: str, start: date, end: date, precision: Precision
) -> None:
    window = parse_window(text)
    assert window is not None
    assert (window.start, window.end, window.precision) == (start, end, precision)


@pytest.mark.parametrize("text", ["TBA", "TBD", "tba", "tbd", "", "   ", " TbA "])
def test_no_window(text: str) -> None:
    assert parse_window(text) is None


@pytest.mark.parametrize(
    ("variant", "canonical"),
    [
        ("  LATE 2025  ", "late 2025"),
        ("Late   2025", "late 2025"),
        ("q3 2025", "Q3 2025"),
        ("h2 2025", "H2 2025"),
        ("MARCH 14, 2025", "March 14, 2025"),
        ("14   mar   2025", "14 Mar 2025"),
        ("\tSummer 2026\n", "summer 2026"),
        (" 2024 ", "2024"),
        ("AUTUMN 2025", "fall 2025"),
    ],
)
def test_case_and_spaces_do_not_matter(variant: str, canonical: str) -> None:
    assert parse_window(variant) == parse_window(canonical)
    assert parse_window(variant) is not None


@pytest.mark.parametrize(
    "text",
    [
        "2024/13",
        "2025-13",
        "2025-00",
        "2023-02-29",
        "2025-04-31",
        "June 31, 2025",
        "soon",
        "Q5 2025",
        "Q0 2025",
        "H3 2025",
        "late",
        "summer",
        "March 14",
        "March",
        "14 March",
        "next year",
        "late 2025 maybe",
        "2025-03-14T10:00",
        "25",
        "20255",
        "0000",
        "Q1 0000",
        "0000-01",
        "March 2025 2026",
        "Smarch 2025",
        "14th of March 2025",
        "March 14 15 2025",
        "Sept 31, 2025",
        "2025 or 2026",
    ],
)
def test_refused_text_gets_a_message_listing_the_accepted_forms(text: str) -> None:
    with pytest.raises(WindowError) as caught:
        parse_window(text)
    message = str(caught.value)
    assert ACCEPTED_FORMS in message
    for form in ("2025-03-14", "March 2025", "Q3 2025", "H2 2025", "late 2025", "TBA"):
        assert form in message
    assert caught.value.text == text


def test_refused_long_text_is_shortened_in_the_message() -> None:
    with pytest.raises(WindowError) as caught:
        parse_window("x" * 500)
    assert "x" * 39 + "…" in str(caught.value)
    assert "x" * 41 not in str(caught.value)


def test_window_error_is_a_value_error() -> None:
    """Callers that catch ValueError (argparse types, validators) see a refusal too."""
    with pytest.raises(ValueError, match="not a release window"):
        parse_window("soon")


def test_describe() -> None:
    late = parse_window("late 2025")
    day = parse_window("2025-03-14")
    assert late is not None and day is not None
    assert late.describe() == "1 Sep – 31 Dec 2025"
    assert day.describe() == "14 Mar 2025"
    assert late.contains(date(2025, 9, 1)) and late.contains(date(2025, 12, 31))
    assert not late.contains(date(2025, 8, 31)) and not late.contains(date(2026, 1, 1))


# ---------------------------------------------------------------------------
# Properties


@given(st.text())
@example("0000")
@example("March 0000")
@example("٢٠٢٤")
@example("2025-02-30")
@example("Q4 9999")
@example("January 1, 0001")
def test_any_text_is_a_range_or_a_window_error(text: str) -> None:
    try:
        window = parse_window(text)
    except WindowError:
        return
    if window is not None:
        assert window.start <= window.end


_WORDS = st.sampled_from(
    ["march", "mar", "sept", "q1", "h2", "early", "late", "winter", "fall", "tba", "0000",
     "2025", "9999", "14", "31", "1st", "29th", ",", ".", "-", "/", " ", "feb", "of", "the"]
)  # fmt: skip


@given(st.lists(_WORDS, max_size=6).map(" ".join) | st.lists(_WORDS, max_size=6).map("".join))
def test_near_miss_text_is_a_range_or_a_window_error(text: str) -> None:
    """Plain random text rarely looks like a date; these pieces do."""
    try:
        window = parse_window(text)
    except WindowError:
        return
    if window is not None:
        assert window.start <= window.end


years = st.integers(min_value=FIRST_YEAR, max_value=LAST_YEAR)
months = st.integers(min_value=1, max_value=12)
MONTH_NAMES = list(calendar.month_name)
MONTH_ABBRS = list(calendar.month_abbr)


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _case(draw: st.DrawFn, text: str) -> str:
    return draw(st.sampled_from([text, text.upper(), text.lower(), text.title()]))


@st.composite
def written_windows(draw: st.DrawFn) -> tuple[str, date, date, Precision]:
    """A window in one of the table's forms, with the range it must mean."""
    year = draw(years)
    month = draw(months)
    form = draw(
        st.sampled_from(
            ["iso-day", "long-day", "short-day", "iso-month", "long-month", "short-month",
             "quarter", "half", "third", "season", "year"]
        )
    )  # fmt: skip
    if form.endswith("day"):
        day = draw(st.integers(min_value=1, max_value=calendar.monthrange(year, month)[1]))
        the_day = date(year, month, day)
        text = {
            "iso-day": f"{year:04d}-{month:02d}-{day:02d}",
            "long-day": f"{MONTH_NAMES[month]} {day}, {year:04d}",
            "short-day": f"{day} {MONTH_ABBRS[month]} {year:04d}",
        }[form]
        return _case(draw, text), the_day, the_day, P.DAY
    if form.endswith("month"):
        text = {
            "iso-month": f"{year:04d}-{month:02d}",
            "long-month": f"{MONTH_NAMES[month]} {year:04d}",
            "short-month": f"{MONTH_ABBRS[month]} {year:04d}",
        }[form]
        return _case(draw, text), date(year, month, 1), _month_end(year, month), P.MONTH
    if form == "quarter":
        n = draw(st.integers(1, 4))
        first = 3 * n - 2
        text, precision, last = f"Q{n} {year:04d}", P.QUARTER, first + 2
    elif form == "half":
        n = draw(st.integers(1, 2))
        first = 6 * n - 5
        text, precision, last = f"H{n} {year:04d}", P.HALF, first + 5
    elif form == "third":
        part, first = draw(st.sampled_from([("early", 1), ("mid", 5), ("late", 9)]))
        text, precision, last = f"{part} {year:04d}", P.THIRD, first + 3
    elif form == "season":
        name, first = draw(
            st.sampled_from(
                [("winter", 1), ("spring", 4), ("summer", 7), ("fall", 10), ("autumn", 10)]
            )
        )
        text, precision, last = f"{name} {year:04d}", P.SEASON, first + 2
    else:
        text, precision, first, last = f"{year:04d}", P.YEAR, 1, 12
    return _case(draw, text), date(year, first, 1), _month_end(year, last), precision


@given(written_windows(), st.sampled_from(["", " ", "  ", "\t"]))
def test_generated_windows_mean_their_range(
    window: tuple[str, date, date, Precision], padding: str
) -> None:
    text, start, end, precision = window
    parsed = parse_window(f"{padding}{text}{padding}")
    assert parsed is not None
    assert (parsed.start, parsed.end, parsed.precision) == (start, end, precision)


@given(
    written_windows(),
    st.one_of(
        st.integers(min_value=1, max_value=FIRST_YEAR - 1),
        st.integers(min_value=LAST_YEAR + 1, max_value=9999),
    ),
)
def test_a_window_outside_the_years_it_may_name_is_refused(
    window: tuple[str, date, date, Precision], year: int
) -> None:
    text, start, _, _ = window
    wrong = text.replace(f"{start.year:04d}", f"{year:04d}")
    with pytest.raises(WindowError, match=f"between {FIRST_YEAR} and {LAST_YEAR}"):
        parse_window(wrong)


@pytest.mark.parametrize(
    "text",
    ["March 2025th", "2025th March", "March 14th 2025x", "March 1nd 2025", "14rd Mar 2025",
     "March 2025.5", "٢٠٢٥", "２０２５", "Q3 ２０２５", "2025-0３"],
)  # fmt: skip
def test_trailing_junk_and_digits_from_other_scripts_are_refused(text: str) -> None:
    with pytest.raises(WindowError):
        parse_window(text)


@pytest.mark.parametrize(
    "text", ["March 1st 2025", "March 2nd, 2025", "3rd March 2025", "Sept 11th 2025",
             "March 21st 2025", "March 22nd 2025", "March 13th 2025"]
)  # fmt: skip
def test_days_with_the_right_ordinal_suffix_are_read(text: str) -> None:
    parsed = parse_window(text)
    assert parsed is not None and parsed.precision is Precision.DAY
