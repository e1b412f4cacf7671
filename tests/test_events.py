"""Events the gazetteer does not list, named by rule; known events remembered
months later where the sentence names their city."""

from __future__ import annotations

import pytest

from kg.events import matching_event, ordinal_words, session_event
from kg.records import Actor

ASSEMBLY = Actor(
    "united_nations_general_assembly", "United Nations General Assembly", "Organization"
)


@pytest.mark.parametrize(
    ("number", "words"),
    [(1, "First"), (12, "Twelfth"), (60, "Sixtieth"), (73, "Seventy-third"), (81, "Eighty-first")],
)
def test_ordinal_words(number, words):
    assert ordinal_words(number) == words


@pytest.mark.parametrize(
    ("date", "session"),
    [
        ("2018-09-25", "Seventy-third session of the United Nations General Assembly"),
        ("2019-03-10", "Seventy-third session of the United Nations General Assembly"),
        ("2019-09-24", "Seventy-fourth session of the United Nations General Assembly"),
    ],
)
def test_the_general_assembly_is_its_session_at_the_article_date(date, session):
    assert session_event(ASSEMBLY, date).name == session


def test_no_session_without_a_date_or_for_other_bodies():
    assert session_event(ASSEMBLY, None) is None
    assert session_event(ASSEMBLY, "2018") is None
    assert session_event(Actor("nato", "NATO", "Organization"), "2018-09-25") is None


def test_a_summit_months_ago_is_remembered_by_its_city():
    # the 2018 Singapore summit (June), named in September with its city
    words = ("summit", "summit")
    assert (
        matching_event(words, "en", "2018-09-29", {"singapore"}, set()) == "singapore_summit_2018"
    )
    assert matching_event(words, "en", "2018-09-29", {"united_states"}, set()) is None
    assert matching_event(words, "en", "2020-09-29", {"singapore"}, set()) is None


def mentions(text, lang, date):
    from kg.ingest import parse_article
    from kg.nlp import load
    from kg.resolve import resolve

    document = parse_article(f"date {date}\n\n{text}\n", "t", lang=lang)
    result = resolve(load(lang)(document.text), document)
    return [(m.text, m.actor.name) for m in result.mentions]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "lang", "date", "mention", "event"),
    [
        (
            "Het Turkse referendum verdeelde het land.",
            "nl",
            "2017-04-20",
            "referendum",
            "2017 Turkish referendum",
        ),
        (
            "Voters in Ireland rejected the referendum.",
            "en",
            "2024-03-10",
            "referendum",
            "2024 Irish referendum",
        ),
        (
            "De G20-top in Osaka begon vrijdag.",
            "nl",
            "2019-06-28",
            "G20-top",
            "2019 G20 Osaka summit",
        ),
        # a year in the sentence names the event, not the article's
        (
            "In mei 2015 stemde Ierland in een referendum over het huwelijk.",
            "nl",
            "2024-01-10",
            "referendum",
            "2015 Irish referendum",
        ),
        (
            "Leaders met at the NATO summit in Brussels in May 2017.",
            "en",
            "2024-01-10",
            "summit",
            "2017 NATO Brussels summit",
        ),
        (
            "De ministers spraken op de Algemene Vergadering van de Verenigde Naties.",
            "nl",
            "2021-09-22",
            "Algemene Vergadering van de Verenigde Naties",
            "Seventy-sixth session of the United Nations General Assembly",
        ),
    ],
)
def test_an_event_named_by_rule(text, lang, date, mention, event):
    assert (mention, event) in mentions(text, lang, date)


@pytest.mark.slow
def test_a_summit_of_a_mountain_is_no_event():
    found = mentions(
        "The G20 summit in Osaka began. He climbed the summit of the hill.", "en", "2019-06-28"
    )
    assert [m for m in found if m[1].endswith("summit")] == [("summit", "2019 G20 Osaka summit")]


@pytest.mark.slow
def test_last_years_general_assembly_is_last_years_session():
    found = mentions(
        "Last year he told the UN General Assembly that war was near.", "en", "2018-09-29"
    )
    assert (
        "UN General Assembly",
        "Seventy-second session of the United Nations General Assembly",
    ) in found


@pytest.mark.slow
def test_a_listed_summit_named_months_later_and_top_as_an_adjective():
    found = mentions(
        "After the June summit in Singapore, the top diplomat spoke again.", "en", "2018-09-29"
    )
    assert ("summit", "2018 North Korea–United States Singapore Summit") in found
    assert not any(text == "top" for text, _ in found)
