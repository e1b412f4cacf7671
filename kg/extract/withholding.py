"""Threats of withholding: a warning that something an actor wants will not be
there for it ("warned that there will be no loans for Hungary until ...",
"waarschuwde dat er geen steun voor Servië komt") threatens that actor.

Kept narrow for precision: a verb of warning, a reported clause, and in it a
benefit noun under "no"/"geen" with the actor after "for"/"voor". The words are
data: ``warning`` and ``benefit`` in ``ontology/lexicon/attribution.tsv``.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

from kg.dates import clause_dates
from kg.extract import confidence as conf
from kg.extract import rules
from kg.extract.arguments import actor_of, preposition
from kg.extract.attribution_words import is_word
from kg.extract.states import stated
from kg.extract.subjects import subjects_of
from kg.profiles import any_language
from kg.records import Document, Relation
from kg.resolve import Resolution

#: Who can threaten and be threatened.
ACTORS = frozenset({"State", "Organization", "Group", "Person"})
#: The determiners that deny a thing is there.
#: The prepositions of whom a benefit is for.


def withholding_relations(
    sent: Span, document: Document, resolution: Resolution
) -> Iterator[Relation]:
    lang = document.lang
    for verb in sent:
        if verb.pos_ != "VERB" or not is_word("warning", verb, lang):
            continue
        warners = [a for a in subjects_of(verb, resolution, lang) if a.actor.kind in ACTORS]
        if not warners:
            continue
        for clause in (c for c in verb.children if c.dep_ == "ccomp"):
            for noun in _withheld(clause, lang):
                phrases = [
                    c
                    for n in [noun, *(c for c in noun.children if c.dep_ == "conj")]
                    for c in n.children
                    if c.dep_.startswith("nmod")
                ]
                for phrase in phrases:
                    if preposition(phrase) not in any_language("benefactive_prepositions"):
                        continue
                    for target in actor_of(phrase, resolution):
                        for warner in warners:
                            if target.actor.key == warner.actor.key:
                                continue
                            if target.actor.kind not in ACTORS:
                                continue
                            for date in clause_dates(verb, document.date) or [document.date]:
                                yield stated(
                                    sent,
                                    document,
                                    warner.actor,
                                    "threatens",
                                    target.actor,
                                    trigger=f"{verb.text} … {noun.text}",
                                    confidence=conf.WITHHOLDING,
                                    rule=rules.WITHHOLDING,
                                    date=date,
                                )


def withheld(noun: Token, lang: str) -> bool:
    """Whether ``noun`` is a benefit a warning denies: what it states is the
    warner's threat, not that the benefit was (not) given."""
    while noun.dep_ == "conj" and noun.head.pos_ == "NOUN":
        noun = noun.head  # "no loans or aid": the negation covers both
    clause = noun if noun.dep_ == "ccomp" else noun.head
    return (
        clause.dep_ == "ccomp"
        and clause.head.pos_ == "VERB"
        and is_word("warning", clause.head, lang)
        and noun in _withheld(clause, lang)
    )


def _withheld(clause: Token, lang: str) -> list[Token]:
    """The benefit nouns a reported clause denies: its head ("there will be no
    loans") or its subject ("er komen geen leningen")."""
    candidates = [clause] + [c for c in clause.children if c.dep_ == "nsubj"]
    return [
        noun
        for noun in candidates
        if noun.pos_ == "NOUN"
        and is_word("benefit", noun, lang)
        and any(
            c.lower_ in any_language("none_determiners") for c in noun.children if c.dep_ == "det"
        )
    ]
