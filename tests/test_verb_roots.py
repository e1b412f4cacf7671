"""The verb-root repair: verbs taken for adjectives or noun compounds (English, Dutch)."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from kg.verb_roots import verb_roots

VOCAB = spacy.blank("en").vocab


def test_an_irregular_past_taken_for_a_compound_becomes_the_root():
    # "Chile froze ties with Peru ." as the English parser misreads it
    doc = Doc(
        VOCAB,
        words=["Chile", "froze", "ties", "with", "Peru", "."],
        heads=[1, 2, 2, 4, 2, 2],
        deps=["compound", "compound", "ROOT", "case", "nmod", "punct"],
        pos=["PROPN", "NOUN", "NOUN", "ADP", "PROPN", "PUNCT"],
        lemmas=["Chile", "froze", "tie", "with", "Peru", "."],
    )
    verb_roots(doc)
    assert [(t.dep_, t.head.text) for t in doc[:3]] == [
        ("nsubj", "froze"),
        ("ROOT", "froze"),
        ("obj", "froze"),
    ]
    assert (doc[1].pos_, doc[1].lemma_) == ("VERB", "freeze")


def test_a_capitalised_name_part_that_is_also_a_past_form_is_left_alone():
    # "the UK Met Office": "Met" is part of a name
    doc = Doc(
        VOCAB,
        words=["UK", "Met", "Office", "."],
        heads=[1, 2, 2, 2],
        deps=["compound", "compound", "ROOT", "punct"],
        pos=["PROPN", "PROPN", "PROPN", "PUNCT"],
    )
    verb_roots(doc)
    assert doc[2].dep_ == "ROOT" and doc[1].dep_ == "compound"


def test_a_dutch_finite_verb_read_as_a_participle_becomes_the_root():
    # "Chili bedreigde Peru met sancties ." as the Dutch parser misreads it: the verb
    # a participle of "Peru", "Chili" its possessor
    doc = Doc(
        spacy.blank("nl").vocab,
        words=["Chili", "bedreigde", "Peru", "met", "sancties", "."],
        heads=[2, 2, 2, 4, 2, 2],
        deps=["nmod:poss", "amod", "ROOT", "case", "nmod", "punct"],
        pos=["PROPN", "VERB", "PROPN", "ADP", "NOUN", "PUNCT"],
    )
    verb_roots(doc)
    assert [(t.dep_, t.head.text) for t in doc[:3]] == [
        ("nsubj", "bedreigde"),
        ("ROOT", "bedreigde"),
        ("obj", "bedreigde"),
    ]


def test_an_english_possessor_before_a_participle_is_no_subject():
    # "Chile's elected president": a possessive, not a clause
    doc = Doc(
        VOCAB,
        words=["Chile", "'s", "elected", "president", "."],
        heads=[3, 0, 3, 3, 3],
        deps=["nmod:poss", "case", "amod", "ROOT", "punct"],
        pos=["PROPN", "PART", "VERB", "NOUN", "PUNCT"],
    )
    verb_roots(doc)
    assert doc[3].dep_ == "ROOT" and doc[2].dep_ == "amod"


def test_a_dutch_participle_after_a_copula_stays_an_adjective():
    # "Chili en Peru zijn vergeten bondgenoten .": "zijn" mislabelled, the
    # participle an adjective of the predicate noun
    doc = Doc(
        spacy.blank("nl").vocab,
        words=["Chili", "en", "Peru", "zijn", "vergeten", "bondgenoten", "."],
        heads=[5, 2, 0, 5, 5, 5, 5],
        deps=["nsubj", "cc", "conj", "advmod", "amod", "ROOT", "punct"],
        pos=["PROPN", "CCONJ", "PROPN", "AUX", "VERB", "NOUN", "PUNCT"],
    )
    verb_roots(doc)
    assert doc[5].dep_ == "ROOT" and doc[4].dep_ == "amod"
