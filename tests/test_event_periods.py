"""Which known event a cue noun means: the sentence's own month or year beats
the article's date, and a sentence naming the city may look back a year."""

from __future__ import annotations

import datetime as dt

import pytest

from kg.dates import mentioned_periods
from kg.events import matching_event

SUMMIT = ("summit", "summit")


def test_a_month_without_a_year_is_the_last_such_month_before_the_article():
    assert mentioned_periods({"in", "june"}, "2018-09-29") == [
        (dt.date(2018, 6, 1), dt.date(2018, 6, 30))
    ]
    assert mentioned_periods({"in", "november"}, "2019-02-01") == [
        (dt.date(2018, 11, 1), dt.date(2018, 11, 30))
    ]


def test_month_words_that_are_also_verbs_name_no_period():
    assert mentioned_periods({"they", "may", "march"}, "2019-02-01") == []


@pytest.mark.parametrize(
    ("words", "article", "expected"),
    [
        # months after the event, the sentence's "June" says which summit
        ({"the", "june", "summit", "in", "singapore"}, "2018-09-29", "singapore_summit_2018"),
        # a year named that is not the event's: another summit
        ({"the", "summit", "in", "singapore", "2019"}, "2019-09-29", None),
        # no date in the sentence, the city named, within a year after: that summit
        ({"a", "summit", "in", "singapore"}, "2018-10-20", "singapore_summit_2018"),
        # more than a year after, nothing said of when: unknown
        ({"a", "summit", "in", "singapore"}, "2020-10-20", None),
    ],
)
def test_the_sentence_date_beats_the_article_date(words, article, expected):
    assert matching_event(SUMMIT, "en", article, {"singapore"}, words) == expected


def test_a_day_month_and_year_give_the_full_date():
    from kg.dates import dates_in
    from tests.test_constructions import parse

    doc, _ = parse(
        ["Zij", "stemden", "op", "30", "september", "2018", "."],
        [1, 1, 5, 5, 5, 1, 1],
        ["nsubj", "ROOT", "case", "nummod", "compound", "obl", "punct"],
        ["PRON", "VERB", "ADP", "NUM", "NOUN", "NUM", "PUNCT"],
        ["zij", "stemmen", "op", "30", "september", "2018", "."],
    )
    assert dates_in(list(doc), "2018-10-01") == ["2018-09-30"]


@pytest.mark.parametrize(
    ("day", "month", "article", "expected"),
    [
        ("28", "december", "2025-01-10", ["2024-12-28"]),  # last December, not next
        ("15", "december", "2025-11-20", ["2025-12-15"]),  # a coming date stays this year
        ("3", "maart", "2025-03-10", ["2025-03-03"]),
        ("30", "februari", "2025-03-10", []),  # no such day: left out
    ],
)
def test_a_day_and_month_without_a_year_take_the_nearest_year(day, month, article, expected):
    from kg.dates import dates_in
    from tests.test_constructions import parse

    doc, _ = parse(
        ["Zij", "spraken", "op", day, month, "."],
        [1, 1, 4, 4, 1, 1],
        ["nsubj", "ROOT", "case", "nummod", "obl", "punct"],
        ["PRON", "VERB", "ADP", "NUM", "NOUN", "PUNCT"],
        ["zij", "spreken", "op", day, month, "."],
    )
    assert dates_in(list(doc), article) == expected
