"""The relation lexicon loads, is consistent, and explains regular verb forms."""

from __future__ import annotations

import pytest

from kg.lexicon import load_lexicon, normalise, verb_lemma_candidates
from kg.vocab import is_relation


def test_every_predicate_names_a_known_relation():
    lexicon = load_lexicon()
    for predicates in lexicon.predicates.values():
        for predicate in predicates:
            assert all(is_relation(name) for name in predicate.relation.split("/"))
            assert predicate.objects


@pytest.mark.parametrize(
    ("lang", "pos", "lemma", "relation"),
    [
        ("nl", "NOUN", "steun", "supports"),
        ("nl", "VERB", "af_wijzen", "rejects"),
        ("nl", "NOUN", "sanctie", "sanctions"),
        ("en", "VERB", "accuse", "accuses"),
        ("en", "NOUN", "summit", "meets"),
    ],
)
def test_lookup_ignores_compound_marks(lang, pos, lemma, relation):
    assert relation in {p.relation for p in load_lexicon().predicate(lang, pos, lemma)}


def test_meets_or_visits_depends_on_the_object():
    (visit,) = load_lexicon().predicate("nl", "NOUN", "bezoek")
    assert visit.relation_for("Person") == "meets"
    assert visit.relation_for("City") == "visits"


@pytest.mark.parametrize(
    ("form", "lang", "lemma"),
    [
        ("slammed", "en", "slam"),
        ("urged", "en", "urge"),
        ("denied", "en", "deny"),
        ("accuses", "en", "accuse"),
        ("stemt", "nl", "stemmen"),
        ("maakt", "nl", "maken"),
        ("beschuldigde", "nl", "beschuldigen"),
        ("gesteund", "nl", "steunen"),
        ("hief", "nl", "heffen"),
        ("tore", "en", "tear"),
    ],
)
def test_regular_verb_forms_lead_to_their_lemma(form, lang, lemma):
    assert normalise(lemma) in verb_lemma_candidates(form, lang)


def test_negation_and_hedging_words():
    lexicon = load_lexicon()
    assert lexicon.modifier("nl", "niet", "dep") == "negate"
    assert lexicon.modifier("nl", "weigeren", "head") == "negate"
    assert lexicon.modifier("nl", "bereid", "head") == "hedge"
    assert lexicon.modifier("en", "would", "dep") == "hedge"
