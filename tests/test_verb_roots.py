"""The English verb-root repair for irregular past forms taken for noun compounds."""

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
