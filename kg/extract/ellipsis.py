"""Predicate ellipsis: "Norway recognised Kosovo in 2008. Ireland did the same a
week later." The subject of an ellipsis verb (``ontology/lexicon/ellipsis.tsv``:
"deed hetzelfde", "followed suit", "volgde het voorbeeld van X"; the agents of
"they were joined by A and B") inherits the
relations and objects of the nearest clause before it that states an event: in
the same sentence, else in the two before. "het voorbeeld van Spanje" names whose
clause is meant. Inherited statements are less sure than stated ones.
"""

from __future__ import annotations

import csv
import functools
from collections.abc import Iterator, Sequence
from dataclasses import replace

from spacy.tokens import Span, Token

from kg.dates import YEAR, clause_dates, clause_tokens
from kg.extract import confidence as conf
from kg.extract import rules
from kg.extract.arguments import actor_of, is_passive, preposition
from kg.extract.states import sentence_offsets
from kg.extract.subjects import subjects_of
from kg.lexicon import normalise
from kg.profiles import profile
from kg.records import Document, Relation
from kg.resolve import Resolution
from kg.resources import ontology_file

#: Relations that are no event one can do in turn.
STATES = frozenset({"leaderOf", "memberOf", "childOf", "succeeds", "locatedIn"})
#: How many sentences back an antecedent may be.
REACH = 2
#: At most this many statements are inherited from one antecedent clause.
MOST = 3


@functools.cache
def ellipsis_verbs() -> dict[tuple[str, str], frozenset[str]]:
    table: dict[tuple[str, str], frozenset[str]] = {}
    with ontology_file("lexicon/ellipsis.tsv").open(encoding="utf-8") as handle:
        for row in csv.reader(handle, delimiter="\t"):
            if row and not row[0].startswith("#"):
                words = row[2].split("|") if len(row) > 2 and row[2] else []
                table[(row[0], normalise(row[1]))] = frozenset(w.lower() for w in words)
    return table


def ellipsis_marker(verb: Token, lang: str) -> Token | None:
    """The word that makes ``verb`` elliptical ("hetzelfde", "suit"), or the verb
    itself for verbs elliptical on their own ("nadoen"); None otherwise."""
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    words = ellipsis_verbs().get((lang, normalise(verb.lemma_)))
    if words is None:
        return None
    if not words:
        return verb
    if "@passive" in words:
        return verb if is_passive(verb) else None
    return next((c for c in verb.children if c.lower_ in words or c.lemma_.lower() in words), None)


def ellipsis_relations(
    sent: Span,
    stated: Sequence[Relation],
    earlier: Sequence[Sequence[Relation]],
    document: Document,
    resolution: Resolution,
) -> Iterator[Relation]:
    """Statements inherited by the subjects of the ellipsis verbs of ``sent``;
    ``stated`` are the sentence's own relations, ``earlier`` those of the
    sentences before it, oldest first."""
    for verb in sent:
        marker = ellipsis_marker(verb, document.lang)
        if marker is None:
            continue
        doers = {a.actor.key: a.actor for a in subjects_of(verb, resolution, document.lang)}
        if not doers:
            continue
        model = _model(marker, resolution, document.lang)
        antecedent = _antecedent([stated, *reversed(earlier[-REACH:])], set(doers), model)
        # "a week later" counts from the antecedent, not from the article's date:
        # only a year said in the clause replaces the antecedent's date
        explicit = any(YEAR.match(t.text) for t in clause_tokens(verb))
        dates = clause_dates(verb, document.date) if explicit else []
        start, end = sentence_offsets(sent, document)
        for relation in antecedent:
            for doer in doers.values():
                if doer.key == relation.object.key:
                    continue
                for date in dates or [relation.date]:
                    yield replace(
                        relation,
                        sentence=sent.text.strip(),
                        subject=doer,
                        date=date,
                        confidence=round(min(relation.confidence, conf.ELLIPSIS), 2),
                        start=start,
                        end=end,
                        trigger=f"{verb.text} {marker.text}" if marker != verb else verb.text,
                        rule=rules.ELLIPSIS,
                    )


def _model(marker: Token, resolution: Resolution, lang: str) -> set[str]:
    """ "het voorbeeld van Spanje", "followed Spain's lead": whose deed is copied."""
    found = set()
    for child in marker.children:
        if child.dep_ == "nmod:poss" or (
            child.dep_.startswith("nmod") and preposition(child) in profile(lang).of_prepositions
        ):
            found |= {a.actor.key for a in actor_of(child, resolution)}
    return found


def _antecedent(
    sentences: Sequence[Sequence[Relation]], doers: set[str], model: set[str]
) -> list[Relation]:
    """The events of the nearest sentence that has some by another actor: those of
    its most confident doer (or of the model named), one per relation and object."""
    for relations in sentences:
        events = [
            r
            for r in relations
            if r.relation not in STATES
            and r.subject.key not in doers
            and (not model or r.subject.key in model)
            and r.confidence > conf.ELLIPSIS_ANTECEDENT
        ]
        if not events:
            continue
        main = max(events, key=lambda r: r.confidence).subject.key
        chosen: dict[tuple[str, str], Relation] = {}
        for relation in events:
            if relation.subject.key == main:
                chosen.setdefault((relation.relation, relation.object.key), relation)
        return list(chosen.values())[:MOST]
    return []
