"""Attending an event by what one does there: addressing it, meeting on its
margins, being one of its parties; and not attending one not yet held."""

from __future__ import annotations

import pytest

from kg.api import extract_text

DATE = "2018-09-29"
ASSEMBLY = "Seventy-third session of the United Nations General Assembly"
SINGAPORE = "2018 North Korea–United States Singapore Summit"


def _attends(text: str, lang: str) -> set[tuple[str, str]]:
    return {
        (r.subject.name, r.object.name)
        for r in extract_text(text, lang=lang, date=DATE)
        if r.relation == "attends" and not r.negated
    }


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "en",
            "Boris Johnson told the UN General Assembly that Britain would stay.",
            {("Boris Johnson", ASSEMBLY)},
        ),
        (
            "en",
            "Addressing the UN General Assembly, Emmanuel Macron called for peace.",
            {("Emmanuel Macron", ASSEMBLY)},
        ),
        ("nl", "Rutte sprak de Algemene Vergadering van de VN toe.", {("Mark Rutte", ASSEMBLY)}),
        (
            "en",
            "Mike Pompeo met Lavrov on the sidelines of the U.N. General Assembly.",
            {("Mike Pompeo", ASSEMBLY)},
        ),
        (
            "nl",
            "Rutte ontmoette Xi in de marge van de top in Singapore in juni.",
            {("Mark Rutte", SINGAPORE), ("Xi Jinping", SINGAPORE)},
        ),
        (
            "en",
            "The summit between Trump and Kim in Singapore in June was a success.",
            {("Donald Trump", SINGAPORE), ("Kim Jong-un", SINGAPORE)},
        ),
        (
            "nl",
            "De top tussen Trump en Kim in Singapore in juni was een succes.",
            {("Donald Trump", SINGAPORE), ("Kim Jong-un", SINGAPORE)},
        ),
        (
            "nl",
            "Rutte vertelde de Algemene Vergadering van de VN dat hij blij was.",
            {("Mark Rutte", ASSEMBLY)},
        ),
        (
            "en",
            "In a speech to the UN General Assembly, Macron urged Iran to talk.",
            {("Emmanuel Macron", ASSEMBLY)},
        ),
        (
            "nl",
            "In een toespraak voor de Algemene Vergadering van de VN heeft Rutte de landen"
            " opgeroepen te helpen.",
            {("Mark Rutte", ASSEMBLY)},
        ),
        (
            "en",
            "Merkel said Macron's speech at the UN General Assembly was long.",
            {("Emmanuel Macron", ASSEMBLY)},
        ),
        (
            "en",
            "Macron praised a joint statement issued by Putin and Xi at a summit in Singapore"
            " in June.",
            {("Vladimir Putin", SINGAPORE), ("Xi Jinping", SINGAPORE)},
        ),
    ],
)
def test_attending_by_what_one_does_there(lang, text, expected):
    assert expected <= _attends(text, lang)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Macron spoke about the summit in Singapore in June."),
        ("en", "Syria told the summit in Singapore in June that it wanted peace."),
        ("en", "Trump wants a second summit between Trump and Kim in Singapore in June."),
        ("nl", "Trump wil een tweede top tussen Trump en Kim in Singapore in juni."),
    ],
)
def test_no_attendance_by_talk_about_it_or_of_an_event_not_held(lang, text):
    assert not {a for a in _attends(text, lang) if a[1] == SINGAPORE}


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Voters rejected the Kenyan referendum on Sunday."),
        ("nl", "Kiezers verwierpen zondag het Keniaanse referendum."),
    ],
)
def test_a_referendum_named_after_its_state_is_held_there(lang, text):
    located = {
        (r.subject.name, r.object.name)
        for r in extract_text(text, lang=lang, date=DATE)
        if r.relation == "locatedIn"
    }
    assert ("2018 Kenyan referendum", "Kenya") in located
