"""Arguments supplied by the discourse, conservatively: a relation noun that
names no parties ("the negotiations", "de gesprekken") refers to the last event
of the same relation in the text, and whoever a verb of taking part
(``ontology/lexicon/participation.tsv``: "chaired by", "nam deel aan") says takes
part in it has that relation with its parties: "Ethiopia and Eritrea opened talks.
The negotiations are chaired by Kenya." -> Kenya meets Ethiopia and Eritrea.

Only definite nouns bridge, only to the last three sentences, at low confidence.
"""

from __future__ import annotations

import csv
import functools
from collections.abc import Iterator, Sequence

from spacy.tokens import Span, Token

from kg.dates import clause_dates
from kg.extract import confidence as conf
from kg.extract import rules
from kg.extract.arguments import actor_of
from kg.extract.frames import find_predicates
from kg.extract.states import stated as statement
from kg.extract.subjects import subjects_of
from kg.lexicon import Lexicon, normalise
from kg.profiles import any_language
from kg.records import Actor, Document, Relation
from kg.resolve import Resolution
from kg.resources import ontology_file
from kg.vocab import is_symmetric

REACH = 3


@functools.cache
def participation_verbs() -> frozenset[tuple[str, str]]:
    with ontology_file("lexicon/participation.tsv").open(encoding="utf-8") as handle:
        return frozenset(
            (row[0], normalise(row[1]))
            for row in csv.reader(handle, delimiter="\t")
            if row and not row[0].startswith("#")
        )


def bridged_relations(
    sent: Span,
    stated: Sequence[Relation],
    earlier: Sequence[Sequence[Relation]],
    document: Document,
    resolution: Resolution,
    lexicon: Lexicon,
) -> Iterator[Relation]:
    lang = document.lang
    for noun in sent:
        if noun.pos_ != "NOUN" or not _definite(noun) or _has_actor(noun, resolution):
            continue
        relations = {p.relation_for("Person") for p in find_predicates(noun, lang, lexicon)}
        relations = {r for r in relations if is_symmetric(r)}
        verb = noun.head
        if not relations or (lang, normalise(verb.lemma_)) not in participation_verbs():
            continue
        joining = _participants(noun, verb, resolution, lang)
        for relation in relations:
            parties, then = _parties(relation, [*earlier[-REACH:]])
            # the event's date, unless the clause says when they took part
            dates = clause_dates(verb, document.date) or [then]
            for newcomer in joining:
                for party in parties:
                    if party.key == newcomer.key:
                        continue
                    for date in dates:
                        yield statement(
                            sent,
                            document,
                            newcomer,
                            relation,
                            party,
                            trigger=f"{verb.text} … {noun.text}",
                            confidence=conf.BRIDGING,
                            rule=rules.BRIDGING,
                            date=date,
                        )


def _definite(noun: Token) -> bool:
    return any(c.dep_ == "det" and c.lower_ in _definite_words() for c in noun.children)


def _has_actor(noun: Token, resolution: Resolution) -> bool:
    """Whether the noun's own phrase names someone ("de gesprekken met Chili")."""
    return (
        any(resolution.actor_at(t) is not None for t in noun.subtree if t.i != noun.i)
        or resolution.actor_at(noun) is not None
    )


def _participants(noun: Token, verb: Token, resolution: Resolution, lang: str) -> list[Actor]:
    """Who the verb says takes part: its subject or passive agent, where the noun
    is its object, passive subject or prepositional object."""
    if noun.dep_ == "nsubj":
        found = [a for c in verb.children if c.dep_ == "obj" for a in actor_of(c, resolution)]
    else:
        found = subjects_of(verb, resolution, lang)
    actors = {
        a.actor.key: a.actor for a in found if a.actor.kind in ("Person", "State", "Organization")
    }
    return list(actors.values())


def _parties(
    relation: str, sentences: Sequence[Sequence[Relation]]
) -> tuple[list[Actor], str | None]:
    """The parties of the last sentence that states ``relation``, and its date."""
    for relations in reversed(sentences):
        events = [r for r in relations if r.relation == relation and r.confidence > conf.BRIDGING]
        if events:
            parties = {a.key: a for r in events for a in (r.subject, r.object)}
            return list(parties.values()), events[0].date
    return [], None


def _definite_words() -> frozenset[str]:
    """Words that make a noun definite, in any language: articles and demonstratives."""
    return any_language("definite_articles") | any_language("demonstratives")
