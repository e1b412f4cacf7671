"""geokg_auxiliaries: AUX exactly where a verb attaches as aux, aux:pass or cop."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from kg.auxiliaries import auxiliaries_from_function


def test_pos_follows_the_verbs_function():
    nlp = spacy.blank("nl")
    # "Zij heeft een plan en is gekozen": main-verb "heeft" tagged AUX, passive "is" VERB
    doc = Doc(
        nlp.vocab,
        words=["Zij", "heeft", "een", "plan", "en", "is", "gekozen"],
        pos=["PRON", "AUX", "DET", "NOUN", "CCONJ", "VERB", "VERB"],
        heads=[1, 1, 3, 1, 6, 6, 1],
        deps=["nsubj", "ROOT", "det", "obj", "cc", "aux:pass", "conj"],
    )
    assert [t.pos_ for t in auxiliaries_from_function(doc)] == [
        "PRON",
        "VERB",
        "DET",
        "NOUN",
        "CCONJ",
        "AUX",
        "VERB",
    ]


def test_an_unparsed_doc_is_left_alone():
    nlp = spacy.blank("nl")
    doc = Doc(nlp.vocab, words=["Zij", "heeft", "gelijk"], pos=["PRON", "AUX", "ADJ"])
    assert [t.pos_ for t in auxiliaries_from_function(doc)] == ["PRON", "AUX", "ADJ"]


def test_the_dutch_pipeline_runs_it_after_the_parser():
    from kg.nlp import load

    names = load("nl").pipe_names
    assert names.index("parser") < names.index("geokg_auxiliaries")
