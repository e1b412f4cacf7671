"""Parse repairs around names: lists of titled names and datelines."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from kg.ingest import parse_article
from kg.pipeline import extract_document
from kg.records import Document
from kg.resolve import resolve

VOCAB = spacy.blank("nl").vocab


def test_every_titled_name_of_a_list_becomes_a_conjunct_of_the_first():
    # "Premier Mark Rutte , kanselier Olaf Scholz en president Emmanuel Macron spraken",
    # parsed as the models do: the second name hangs on the first as an apposition
    # and the third on the second as a compound
    words = (
        "premier Mark Rutte , kanselier Olaf Scholz en president Emmanuel Macron spraken".split()
    )
    heads = [1, 11, 1, 5, 5, 1, 5, 9, 9, 5, 9, 11]
    deps = [
        "nmod",
        "nsubj",
        "flat",
        "punct",
        "nmod",
        "appos",
        "flat",
        "cc",
        "nmod",
        "compound",
        "flat",
        "ROOT",
    ]
    pos = [
        "NOUN",
        "PROPN",
        "PROPN",
        "PUNCT",
        "NOUN",
        "PROPN",
        "PROPN",
        "CCONJ",
        "NOUN",
        "PROPN",
        "PROPN",
        "VERB",
    ]
    doc = Doc(
        VOCAB,
        words=words,
        heads=heads,
        deps=deps,
        pos=pos,
        sent_starts=[i == 0 for i in range(len(words))],
    )
    document = Document(id="t", text=doc.text, lang="nl", date="2022-06-01")
    resolve(doc, document)
    assert doc[1].dep_ == "nsubj" and doc[1].head.i == 11
    assert (doc[5].head.i, doc[5].dep_) == (1, "conj")
    assert (doc[9].head.i, doc[9].dep_) == (1, "conj")
    assert doc[7].head.i == 9 and doc[7].dep_ == "cc"


def extracted(text, lang, date="2024-05-10"):
    document = parse_article(f"date {date}\n\n{text}\n", "t", lang=lang)
    return {(r.subject.name, r.relation, r.object.name) for r in extract_document(document)}


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        (
            "Australian Prime Minister Anthony Albanese, Japanese Prime Minister Fumio "
            "Kishida and Indian Prime Minister Narendra Modi met in Tokyo.",
            "en",
            {
                ("Anthony Albanese", "meets", "Fumio Kishida"),
                ("Fumio Kishida", "meets", "Narendra Modi"),
            },
        ),
        (
            "De Zweedse premier Ulf Kristersson, de Deense premier Mette Frederiksen en de "
            "Finse president Alexander Stubb spraken in Oslo met elkaar.",
            "nl",
            {
                ("Ulf Kristersson", "meets", "Mette Frederiksen"),
                ("Mette Frederiksen", "meets", "Alexander Stubb"),
            },
        ),
        # a dateline is where the report was filed, not the subject
        (
            "Kampala: President William Ruto and Rwandan President Paul Kagame held talks.",
            "en",
            {("William Ruto", "meets", "Paul Kagame")},
        ),
        (
            "Kampala: president William Ruto en de Rwandese president Paul Kagame voerden "
            "gesprekken.",
            "nl",
            {("William Ruto", "meets", "Paul Kagame")},
        ),
        (
            "ROME (Reuters) - President Maria Conti received Spanish leader Pedro Sánchez on "
            "Monday.",
            "en",
            {("Maria Conti", "meets", "Pedro Sánchez")},
        ),
        (
            "Nairobi: Kenya and Uganda signed a trade deal.",
            "en",
            {("Kenya", "agreesWith", "Uganda")},
        ),
    ],
)
def test_a_list_of_titled_names_all_take_part(text, lang, expected):
    got = extracted(text, lang)
    assert expected <= got, f"missing {expected - got}; got {got}"


@pytest.mark.slow
def test_a_dateline_city_is_no_actor():
    got = extracted("OSLO (Reuters) - Maria Conti received Pedro Sánchez on Monday.", "en")
    assert not any({"Oslo", "OSLO", "Norway"} & {s, o} for s, _, o in got)


@pytest.mark.slow
def test_two_names_side_by_side_are_no_list():
    got = extracted(
        "Talks between Kim and South Korean leader Moon Jae-in went well.", "en", "2018-09-29"
    )
    assert not any(o in ("United States", "South") for _, _, o in got)
    assert not any(s in ("United States", "South") for s, _, _ in got)


@pytest.mark.slow
def test_a_name_particle_taken_for_a_verb_gives_the_clause_back():
    # Dutch "bin" is also a form of "zijn"; the parser made it the root
    got = extracted("Gisteren sprak Tamim bin Hamad met Mohammed bin Zayed over Gaza.", "nl")
    assert ("Tamim bin Hamad Al Thani", "meets", "Mohamed bin Zayed Al Nahyan") in got


def _parsed(words, heads, deps, pos, lemmas):
    doc = Doc(VOCAB, words=words, heads=heads, deps=deps, pos=pos, lemmas=lemmas)
    document = Document(id="t", text=doc.text, lang="nl", date="2024-03-01")
    return doc, document


def test_het_read_as_the_article_of_a_country_is_the_pronoun_subject():
    # "Japan zegt dat het Oekraïne steunt ." with "het" as Oekraïne's article
    doc, document = _parsed(
        "Japan zegt dat het Oekraïne steunt .".split(),
        [1, 1, 5, 4, 5, 1, 1],
        "nsubj ROOT mark det nsubj ccomp punct".split(),
        "PROPN VERB SCONJ DET PROPN VERB PUNCT".split(),
        "Japan zeggen dat het Oekraïne steunen .".split(),
    )
    resolve(doc, document)
    assert (doc[3].dep_, doc[3].head.i) == ("nsubj", 5)
    assert (doc[4].dep_, doc[4].head.i) == ("obj", 5)


def test_two_countries_read_as_one_name_are_subject_and_object():
    # "Frankrijk zei dat Duitsland Oekraïne steunt ." with Oekraïne flat on Duitsland
    doc, document = _parsed(
        "Frankrijk zei dat Duitsland Oekraïne steunt .".split(),
        [1, 1, 5, 5, 3, 1, 1],
        "nsubj ROOT mark nsubj flat ccomp punct".split(),
        "PROPN VERB SCONJ PROPN PROPN VERB PUNCT".split(),
        "Frankrijk zeggen dat Duitsland Oekraïne steunen .".split(),
    )
    resolve(doc, document)
    assert (doc[4].dep_, doc[4].head.i) == ("obj", 5)


def test_unknown_names_side_by_side_stay_one_name():
    # "Het Centrum Rampenpreventie waarschuwde ." : two unknown words, one name
    doc, document = _parsed(
        "Het Centrum Rampenpreventie waarschuwde .".split(),
        [1, 3, 1, 3, 3],
        "det nsubj flat ROOT punct".split(),
        "DET PROPN PROPN VERB PUNCT".split(),
        "het Centrum Rampenpreventie waarschuwen .".split(),
    )
    resolve(doc, document)
    assert doc[2].dep_ == "flat"
