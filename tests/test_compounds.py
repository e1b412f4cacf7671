"""geokg_compounds: lemmas in the treebank's convention, learnt from a small table."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from kg.compounds import CompoundLemmas

#: (form, lemma, UPOS) as a treebank would give them; written for these tests.
TABLE = [
    ("geeft", "aan_geven", "VERB"),
    ("aangeven", "aan_geven", "VERB"),
    ("geven", "geven", "VERB"),
    ("geeft", "geven", "VERB"),
    ("gegeven", "geven", "VERB"),
    ("geschat", "schatten", "VERB"),
    ("schatten", "schatten", "VERB"),
    ("inschatten", "in_schatten", "VERB"),
    ("staat", "staan", "VERB"),
    ("vaststaan", "vast_staan", "VERB"),
    ("zorg", "zorg", "NOUN"),
    ("dossier", "dossier", "NOUN"),
    ("dossiers", "dossier", "NOUN"),
    ("gezondheid", "gezondheid", "NOUN"),
    ("profielen", "profiel", "NOUN"),
    ("profiel", "profiel", "NOUN"),
    ("topman", "topman", "NOUN"),
    ("compacte", "compact", "ADJ"),
    ("compacte", "compact", "ADJ"),
    ("werk", "door_werken", "VERB"),  # "werk ... door": the form lacks the particle
    ("werk", "werk", "NOUN"),
    ("groep", "groep", "NOUN"),
]


@pytest.fixture(scope="module")
def nlp():
    return spacy.blank("nl")


@pytest.fixture(scope="module")
def lemmas(nlp):
    component = CompoundLemmas(nlp)
    component.learn(TABLE)
    return component


def make(nlp, words, pos, lemmas, heads=None, deps=None):
    return Doc(nlp.vocab, words=words, pos=pos, lemmas=lemmas, heads=heads, deps=deps)


def test_a_separated_particle_joins_the_verb_lemma(nlp, lemmas):
    doc = make(
        nlp,
        ["Zij", "geeft", "het", "aan", "."],
        ["PRON", "VERB", "PRON", "ADP", "PUNCT"],
        ["zij", "geven", "het", "aan", "."],
        heads=[1, 1, 1, 1, 1],
        deps=["nsubj", "ROOT", "obj", "compound:prt", "punct"],
    )
    assert lemmas(doc)[1].lemma_ == "aan_geven"


def test_a_fixed_prepositional_phrase_is_no_particle(nlp, lemmas):
    # "aan" heads nothing but is followed by its noun phrase: "geeft aan de man"
    doc = make(
        nlp,
        ["Zij", "geeft", "aan", "de", "man"],
        ["PRON", "VERB", "ADP", "DET", "NOUN"],
        ["zij", "geven", "aan", "de", "man"],
        heads=[1, 1, 1, 4, 1],
        deps=["nsubj", "ROOT", "compound:prt", "det", "obl"],
    )
    assert lemmas(doc)[1].lemma_ == "geven"


def test_a_particle_the_sentence_does_not_show_is_dropped(nlp, lemmas):
    doc = make(
        nlp,
        ["Het", "staat", "."],
        ["PRON", "VERB", "PUNCT"],
        ["het", "vast_staan", "."],
        heads=[1, 1, 1],
        deps=["nsubj", "ROOT", "punct"],
    )
    assert lemmas(doc)[1].lemma_ == "staan"


def test_a_particle_inside_the_form_stays(nlp, lemmas):
    doc = make(
        nlp,
        ["Zij", "inschatten"],
        ["PRON", "VERB"],
        ["zij", "in_schatten"],
        heads=[1, 1],
        deps=["nsubj", "ROOT"],
    )
    assert lemmas(doc)[1].lemma_ == "in_schatten"


def test_an_unknown_participle_of_a_particle_verb(nlp, lemmas):
    doc = make(nlp, ["ingeschat"], ["VERB"], ["ingeschat"])
    assert lemmas(doc)[0].lemma_ == "in_schatten"


def test_an_edit_tree_split_of_unknown_parts_is_undone_and_redone(nlp, lemmas):
    doc = make(nlp, ["zorgdossier"], ["NOUN"], ["zorgdoss_ier"])
    assert lemmas(doc)[0].lemma_ == "zorg_dossier"


def test_a_compound_is_split_from_its_form_when_the_lemma_slipped(nlp, lemmas):
    doc = make(nlp, ["gezondheidsprofielen"], ["NOUN"], ["gezondheidsprofie"])
    assert lemmas(doc)[0].lemma_ == "gezondheid_profiel"


def test_hyphenated_common_nouns_join_with_underscores(nlp, lemmas):
    doc = make(
        nlp,
        ["NS-topman", "GGD-en", "Zorg-dossiers"],
        ["NOUN", "NOUN", "NOUN"],
        ["NS-topman", "GGD-en", "Zorg-dossiers"],
    )
    assert [t.lemma_ for t in lemmas(doc)] == ["NS_topman", "GGD", "zorg_dossier"]


def test_a_sentence_capital_does_not_hide_a_known_word(nlp, lemmas):
    doc = make(nlp, ["Compacte", "Compacte"], ["ADJ", "PROPN"], ["Compacte", "Compacte"])
    assert [t.lemma_ for t in lemmas(doc)] == ["compact", "Compacte"]


def test_a_verb_form_without_its_particle_is_no_compound_part(nlp, lemmas):
    # "werk" was seen as "door_werken" (separated), which must not split "werkgroep"
    doc = make(nlp, ["werkgroep"], ["NOUN"], ["werkgroep"])
    assert lemmas(doc)[0].lemma_ == "werk_groep"


def test_tables_survive_the_disk(nlp, lemmas, tmp_path):
    lemmas.to_disk(tmp_path)
    again = CompoundLemmas(nlp).from_disk(tmp_path)
    assert (
        again.separable
        == lemmas.separable
        == {"aan_geven", "in_schatten", "vast_staan", "door_werken"}
    )
    doc = make(nlp, ["ingeschat"], ["VERB"], ["ingeschat"])
    assert again(doc)[0].lemma_ == "in_schatten"


def test_a_strong_past_form_the_lemmatizer_kept_gets_its_infinitive(nlp, lemmas):
    # "Zij gaven het aan ." with the lemmatizer's "gaven" left as it was
    doc = make(
        nlp,
        ["Zij", "gaven", "het", "aan", "."],
        ["PRON", "VERB", "PRON", "ADP", "PUNCT"],
        ["zij", "gaven", "het", "aan", "."],
        heads=[1, 1, 1, 1, 1],
        deps=["nsubj", "ROOT", "obj", "compound:prt", "punct"],
    )
    assert lemmas(doc)[1].lemma_ == "aan_geven"  # "geven", then its particle


def test_a_noun_spelt_like_a_strong_past_form_is_left_alone(nlp, lemmas):
    doc = make(nlp, ["de", "sloten"], ["DET", "NOUN"], ["de", "sloot"])
    assert lemmas(doc)[1].lemma_ == "sloot"
