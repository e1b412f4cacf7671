"""Reference rules on hand-built parses: sets, hyphenated pairs and bound
pronouns, so a rule test never depends on a model's mood. Sentences written
for these tests."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from kg.records import Document
from kg.resolve import resolve

VOCAB = spacy.blank("nl").vocab


def resolved(words, heads, deps, pos, lemmas, morphs=None, lang="nl", date="2023-03-01"):
    doc = Doc(
        VOCAB,
        words=words,
        heads=heads,
        deps=deps,
        pos=pos,
        lemmas=lemmas,
        morphs=morphs or [""] * len(words),
        sent_starts=[i == 0 or words[i - 1] == "." for i in range(len(words))],
    )
    return doc, resolve(doc, Document(id="t", text=doc.text, lang=lang, date=date))


def set_names(result, index):
    return [a.name for a in result.sets.get(index, ())]


# "Peru en Chili spraken . De beide landen tekenden ."
SETS = dict(
    words=["Peru", "en", "Chili", "spraken", ".", "De", "beide", "landen", "tekenden", "."],
    heads=[3, 2, 0, 3, 3, 7, 7, 8, 8, 8],
    deps=["nsubj", "cc", "conj", "ROOT", "punct", "det", "amod", "nsubj", "ROOT", "punct"],
    pos=["PROPN", "CCONJ", "PROPN", "VERB", "PUNCT", "DET", "ADJ", "NOUN", "VERB", "PUNCT"],
    lemmas=["Peru", "en", "Chili", "spreken", ".", "de", "beide", "land", "tekenen", "."],
    morphs=[""] * 7 + ["Number=Plur"] + [""] * 2,
)


def test_a_counted_plural_noun_is_the_set_coordinated_before():
    _, result = resolved(**SETS)
    assert set_names(result, 7) == ["Peru", "Chile"]


def test_a_count_that_does_not_fit_is_no_set():
    words = ["Peru", ",", "Chili", "en", "Bolivia", "spraken", ".", "De", "beide", "landen"]
    words += ["tekenden", "."]
    _, result = resolved(
        words=words,
        heads=[5, 2, 0, 4, 0, 5, 5, 9, 9, 10, 10, 10],
        deps=[
            "nsubj",
            "punct",
            "conj",
            "cc",
            "conj",
            "ROOT",
            "punct",
            "det",
            "amod",
            "nsubj",
            "ROOT",
            "punct",
        ],
        pos=[
            "PROPN",
            "PUNCT",
            "PROPN",
            "CCONJ",
            "PROPN",
            "VERB",
            "PUNCT",
            "DET",
            "ADJ",
            "NOUN",
            "VERB",
            "PUNCT",
        ],
        lemmas=[w.lower() for w in words[:8]] + ["beide", "land", "tekenen", "."],
        morphs=[""] * 9 + ["Number=Plur", "", ""],
    )
    assert 9 not in result.sets


def test_a_generic_plural_is_no_set():
    case = {**SETS, "words": [*SETS["words"][:6], "andere", *SETS["words"][7:]]}
    case["lemmas"] = [*SETS["lemmas"][:6], "ander", *SETS["lemmas"][7:]]
    _, result = resolved(**case)
    assert 7 not in result.sets


def test_a_hyphenated_pair_of_demonyms_names_both():
    # "De Grieks-Turkse betrekkingen verbeterden ."
    _, result = resolved(
        words=["De", "Grieks-Turkse", "betrekkingen", "verbeterden", "."],
        heads=[2, 2, 3, 3, 3],
        deps=["det", "amod", "nsubj", "ROOT", "punct"],
        pos=["DET", "ADJ", "NOUN", "VERB", "PUNCT"],
        lemmas=["de", "grieks-turks", "betrekking", "verbeteren", "."],
    )
    assert set_names(result, 1) == ["Greece", "Turkey"]


def test_a_hyphenated_word_that_is_no_pair_is_no_set():
    # "De Noord-Koreaanse leider sprak ." names one state
    _, result = resolved(
        words=["De", "Noord-Koreaanse", "leider", "sprak", "."],
        heads=[2, 2, 3, 3, 3],
        deps=["det", "amod", "nsubj", "ROOT", "punct"],
        pos=["DET", "ADJ", "NOUN", "VERB", "PUNCT"],
        lemmas=["de", "noord-koreaans", "leider", "spreken", "."],
    )
    assert not result.sets


def test_we_in_a_quote_is_the_speakers_state():
    # "‘ Wij steunen Estland , ’ zei Rutte ."
    doc, result = resolved(
        words=["‘", "Wij", "steunen", "Estland", ",", "’", "zei", "Rutte", "."],
        heads=[2, 2, 2, 2, 2, 2, 2, 6, 2],
        deps=["punct", "nsubj", "ROOT", "obj", "punct", "punct", "parataxis", "nsubj", "punct"],
        pos=["PUNCT", "PRON", "VERB", "PROPN", "PUNCT", "PUNCT", "VERB", "PROPN", "PUNCT"],
        lemmas=["‘", "wij", "steunen", "Estland", ",", "’", "zeggen", "Rutte", "."],
    )
    assert result.actor_at(doc[1]).name == "Netherlands"


def test_a_possessive_in_a_for_phrase_is_the_objects():
    # "Scholz bedankte Biden voor zijn steun ."
    doc, result = resolved(
        words=["Scholz", "bedankte", "Biden", "voor", "zijn", "steun", "."],
        heads=[1, 1, 1, 5, 5, 1, 1],
        deps=["nsubj", "ROOT", "obj", "case", "nmod:poss", "obl", "punct"],
        pos=["PROPN", "VERB", "PROPN", "ADP", "PRON", "NOUN", "PUNCT"],
        lemmas=["Scholz", "bedanken", "Biden", "voor", "zijn", "steun", "."],
    )
    assert result.actor_at(doc[4]).name == "Joe Biden"


def test_zijn_with_a_state_subject_is_the_state():
    # "Frankrijk riep zijn ambassadeur terug ."
    doc, result = resolved(
        words=["Frankrijk", "riep", "zijn", "ambassadeur", "terug", "."],
        heads=[1, 1, 3, 1, 1, 1],
        deps=["nsubj", "ROOT", "nmod:poss", "obj", "compound:prt", "punct"],
        pos=["PROPN", "VERB", "PRON", "NOUN", "ADV", "PUNCT"],
        lemmas=["Frankrijk", "terugroepen", "zijn", "ambassadeur", "terug", "."],
    )
    assert result.actor_at(doc[2]).name == "France"


def test_an_institution_needs_its_demonym():
    # "De Turkse troepen trokken zich terug . De troepen bleven ."
    words = ["De", "Turkse", "troepen", "vertrokken", ".", "De", "troepen", "bleven", "."]
    doc, result = resolved(
        words=words,
        heads=[2, 2, 3, 3, 3, 6, 7, 7, 7],
        deps=["det", "amod", "nsubj", "ROOT", "punct", "det", "nsubj", "ROOT", "punct"],
        pos=["DET", "ADJ", "NOUN", "VERB", "PUNCT", "DET", "NOUN", "VERB", "PUNCT"],
        lemmas=["de", "Turks", "troep", "vertrekken", ".", "de", "troep", "blijven", "."],
        morphs=["", "", "Number=Plur", "", "", "", "Number=Plur", "", ""],
    )
    assert result.actor_at(doc[2]).name == "Turkey"
    assert result.actor_at(doc[6]) is None and 6 not in result.sets
