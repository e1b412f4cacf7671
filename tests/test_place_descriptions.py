"""A capital named by its state ("Kenya's capital", "de hoofdstad van Kenia")
or set off by a comma ("the capital, Nairobi"), and a town unknown to the
gazetteer "in X, <state>", lie in that state."""

from __future__ import annotations

import pytest

from kg.api import extract_text


def _located(text: str, lang: str) -> set[tuple[str, str]]:
    return {
        (r.subject.name, r.object.name)
        for r in extract_text(text, lang=lang, date="2019-05-02")
        if r.relation == "locatedIn"
    }


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("en", "Protesters marched through Kenya's capital on Monday.", ("Nairobi", "Kenya")),
        ("en", "Protesters marched through the capital of Kenya.", ("Nairobi", "Kenya")),
        ("nl", "Betogers trokken door de hoofdstad van Kenia.", ("Nairobi", "Kenya")),
        ("en", "Voters in the capital, Nairobi, were angry.", ("Nairobi", "Kenya")),
        ("nl", "Kiezers in de hoofdstad, Nairobi, waren boos.", ("Nairobi", "Kenya")),
        ("en", "Ruto voted in Molatovo, Kenya, on Sunday.", ("Molatovo", "Kenya")),
        ("nl", "Ruto stemde zondag in Molatovo, Kenia.", ("Molatovo", "Kenya")),
    ],
)
def test_a_place_described_by_its_state_lies_in_it(lang, text, expected):
    assert expected in _located(text, lang)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Ruto met Molatovo, Kenya's envoy, on Sunday."),
        ("en", "Talks in Molatovo, Kenya and Uganda failed."),
    ],
)
def test_no_town_where_the_name_is_no_place_or_a_list_goes_on(lang, text):
    assert not {p for p in _located(text, lang) if p[0] == "Molatovo"}
