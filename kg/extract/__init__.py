"""Relation extraction: dependency patterns over UD parses, driven by the lexicon.

For every word the lexicon knows (a verb such as "afwijzen", a noun such as
"steun"), the subject and object are found through the parse: subjects,
passive agents ("door"), direct and indirect objects, prepositional objects
attached to the word or to the light verb that governs it ("beloofde steun aan
Moskou"), coordination on either side, subjects shared by coordinated or
controlled verbs. Role nouns beside names state leaderOf/memberOf; calling an
actor a "terrorist" or "dictator" accuses it. Negation,
hedging and dates come from the clause.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc, Span

from kg import vocab
from kg.extract import confidence as conf
from kg.extract.adjuncts import adjunct_meetings
from kg.extract.attendance import event_relations
from kg.extract.attribution import attribution_relations, directive_relations
from kg.extract.bridging import bridged_relations
from kg.extract.copula import copular_relations, joint_relations
from kg.extract.denials import denial_relations
from kg.extract.ellipsis import ellipsis_relations
from kg.extract.frames import find_predicates
from kg.extract.labels import labelling_relations
from kg.extract.locatives import locative_relations
from kg.extract.predicates import predicate_relations
from kg.extract.states import (
    affiliations,
    group_members,
    kin_relations,
    place_relations,
    role_relations,
    set_memberships,
)
from kg.extract.withholding import withholding_relations
from kg.lexicon import Lexicon, load_lexicon
from kg.records import Document, Relation
from kg.resolve import Resolution

__all__ = ["extract"]

#: Below this confidence a relation between two actors unknown to the gazetteer is dropped.
WEAK = conf.WEAK


def extract(doc: Doc, document: Document, resolution: Resolution) -> list[Relation]:
    """All relations stated in ``doc``, one ``Relation`` per (pair, date)."""
    lexicon = load_lexicon()
    found: dict[tuple, Relation] = {}
    earlier: list[list[Relation]] = []
    for sent in doc.sents:
        stated = list(sentence_relations(sent, document, resolution, lexicon))
        # what the discourse supplies: "Ierland deed hetzelfde", "de gesprekken"
        stated += ellipsis_relations(sent, stated, earlier, document, resolution)
        stated += bridged_relations(sent, stated, earlier, document, resolution, lexicon)
        stated += denial_relations(sent, stated, earlier, document, resolution)
        earlier.append(stated)
        for relation in stated:
            if _weak_between_unknowns(relation):
                continue
            if not vocab.fits(relation.relation, relation.subject.kind, relation.object.kind):
                continue  # the ontology's domain and range: only a person leads, ...
            key = (
                relation.subject.key,
                relation.relation,
                relation.object.key,
                relation.date,
                relation.negated,
                relation.hedged,
                relation.start,
            )
            if key not in found or found[key].confidence < relation.confidence:
                found[key] = relation
    return list(found.values())


def _weak_between_unknowns(relation: Relation) -> bool:
    """A weakly read relation between two names the gazetteer does not know
    ("Scott Pittman was denied by the feet of McGregor"): more likely a misreading
    of a text about something else than news, so it is not stated."""
    unknown = all(a.key.startswith("new/") for a in (relation.subject, relation.object))
    return unknown and relation.confidence < WEAK


def sentence_relations(
    sent: Span, document: Document, resolution: Resolution, lexicon: Lexicon
) -> Iterator[Relation]:
    lang = document.lang
    for token in sent:
        for predicate in find_predicates(token, lang, lexicon):
            yield from predicate_relations(token, predicate, sent, document, resolution, lexicon)
    yield from role_relations(sent, document, resolution, lexicon)
    yield from kin_relations(sent, document, resolution, lexicon)
    yield from place_relations(sent, document, resolution)
    yield from affiliations(sent, document, resolution)
    yield from group_members(sent, document, resolution, lexicon)
    yield from set_memberships(sent, document, resolution, lexicon)
    yield from event_relations(sent, document, resolution, lexicon)
    yield from labelling_relations(sent, document, resolution, lexicon)
    yield from copular_relations(sent, document, resolution, lexicon)
    yield from joint_relations(sent, document, resolution)
    yield from locative_relations(sent, document, resolution, lexicon)
    yield from adjunct_meetings(sent, document, resolution, lexicon)
    yield from attribution_relations(sent, document, resolution, lexicon)
    yield from directive_relations(sent, document, resolution)
    yield from withholding_relations(sent, document, resolution)
