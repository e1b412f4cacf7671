"""Reported speech: requests by telling or calling on someone to act, accusations
in what a speaker says, and who is not the state when asked. Sentences written
for these tests."""

from __future__ import annotations

import pytest

from kg.ingest import parse_article
from kg.pipeline import extract_document

pytestmark = pytest.mark.slow


def triples(text, lang, date="2024-03-01"):
    document = parse_article(f"date {date}\n\n{text}\n", "t", lang=lang)
    return {(r.subject.name, r.relation, r.object.name) for r in extract_document(document)}


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # "call on X to ...": a request of X
        (
            "Merkel called on Poland to keep its promises.",
            "en",
            ("Angela Merkel", "requests", "Poland"),
        ),
        (
            "Angela Merkel spoke in Berlin. She called on Poland to respect the ruling.",
            "en",
            ("Angela Merkel", "requests", "Poland"),
        ),
        # a reported obligation whose pronoun subject is the one addressed
        (
            "Duitsland zei tegen Rusland dat het zijn troepen moest terugtrekken.",
            "nl",
            ("Germany", "requests", "Russia"),
        ),
        (
            "Merkel zei tegen Poetin dat hij moest vertrekken.",
            "nl",
            ("Angela Merkel", "requests", "Vladimir Putin"),
        ),
        (
            "Germany told Russia that it must withdraw its troops.",
            "en",
            ("Germany", "requests", "Russia"),
        ),
        # the parser hangs the clause's subject on the verb of opinion ("dep")
        (
            "Japan vindt dat de Veiligheidsraad van de VN Pyongyang moet straffen voor "
            "de afgevuurde raketten.",
            "nl",
            ("Japan", "requests", "United Nations Security Council"),
        ),
        # a state's forces told to leave stand for the state
        ("Merkel told Russian troops to leave.", "en", ("Angela Merkel", "requests", "Russia")),
        # condemnation of a copular predicate's subject
        (
            "Poland said Russian troops were in Belarus illegally.",
            "en",
            ("Poland", "accuses", "Russia"),
        ),
    ],
)
def test_reported_requests_and_accusations(text, lang, expected):
    assert expected in triples(text, lang)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        # to call on someone is also to visit them: no infinitive, no request
        ("Merkel called on Macron in Paris.", "en"),
        # a country's people asked to act are not the state
        ("Merkel called on Syrian refugees to come home.", "en"),
        ("Merkel urged Polish citizens to vote.", "en"),
        ("Merkel riep Syrische vluchtelingen op om terug te keren.", "nl"),
    ],
)
def test_no_request_of_the_state(text, lang):
    assert not {t for t in triples(text, lang) if t[1] == "requests"}


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        (
            "The European Union has warned that there will be no loans or aid for Hungary "
            "until it changes the law.",
            "en",
            ("European Union", "threatens", "Hungary"),
        ),
        (
            "De Europese Unie waarschuwde dat er geen leningen voor Hongarije komen "
            "zolang de wet niet verandert.",
            "nl",
            ("European Union", "threatens", "Hungary"),
        ),
    ],
)
def test_a_warning_that_a_benefit_is_withheld_threatens(text, lang, expected):
    found = triples(text, lang)
    assert expected in found
    # what is withheld under a warning states no (non-)aid
    assert not {t for t in found if t[1] == "aids"}


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        # said, not warned; and a benefit that will be there
        ("The European Union said that there will be no loans for Hungary this year.", "en"),
        ("The European Union warned that there will be new loans for Hungary.", "en"),
    ],
)
def test_no_threat_without_a_warning_of_withholding(text, lang):
    assert not {t for t in triples(text, lang) if t[1] == "threatens"}


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # a label of aggression for the forces a speaker addresses or speaks of
        (
            "Poland told the occupying Russian forces to withdraw.",
            "en",
            ("Poland", "accuses", "Russia"),
        ),
        (
            "Polen zei dat de Russische bezetter moet vertrekken.",
            "nl",
            ("Poland", "accuses", "Russia"),
        ),
        ("Duda said Russia was the aggressor.", "en", ("Andrzej Duda", "accuses", "Russia")),
    ],
)
def test_a_label_of_aggression_in_reported_speech_accuses(text, lang, expected):
    assert expected in triples(text, lang)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        # the narrator's words: no speaker, no accusation
        ("The occupying Russian forces left Crimea.", "en"),
        ("De Russische bezetter verliet de Krim.", "nl"),
    ],
)
def test_a_label_without_a_speaker_accuses_no_one(text, lang):
    assert not {t for t in triples(text, lang) if t[1] == "accuses"}
