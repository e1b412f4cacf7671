"""Name-calling: "Biden noemde Poetin een oorlogsmisdadiger" accuses Putin.

A verb of naming (lexicon/labelling.tsv: "noemen", "bestempelen als", "call",
"brand") whose clause holds an actor and a pejorative noun or adjective
("terrorist", "dictator", "agressor") states that its subject accuses that actor.
The parser reads these clauses in many ways (the actor as object or even as a
second subject, the label as object, xcomp, or an "als"/"voor" phrase), so the
pattern asks only for the three parts among the verb's dependents.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

from kg.extract.arguments import Argument, actor_of, subjects_of
from kg.extract.states import stated
from kg.lexicon import Lexicon
from kg.records import Actor, Document, Relation
from kg.resolve import Resolution

#: Where the parser puts the one named and the label.
NAMED = ("obj", "iobj", "nsubj")
LABEL = ("obj", "xcomp", "advcl", "obl", "obl:arg", "acl")


def labelling_relations(
    sent: Span, document: Document, resolution: Resolution, lexicon: Lexicon
) -> Iterator[Relation]:
    lang = document.lang
    for verb in sent:
        if verb.pos_ != "VERB" or not lexicon.is_naming_verb(lang, verb.lemma_):
            continue
        if not any(_condemns(c, lang, lexicon) for c in verb.children if c.dep_ in LABEL):
            continue
        subjects = sorted(subjects_of(verb, resolution, lang), key=lambda a: a.token.i)
        if not subjects:
            continue
        accuser = subjects[0]
        for child in verb.children:
            if child.dep_ not in NAMED or child.i == accuser.token.i:
                continue
            for named in actor_of(child, resolution):
                subject, obj = (
                    _state_for_capital(accuser, resolution),
                    _state_for_capital(named, resolution),
                )
                if subject.key == obj.key:
                    continue
                yield stated(
                    sent, document, subject, "accuses", obj, trigger=verb.text, confidence=0.7
                )


def _condemns(label: Token, lang: str, lexicon: Lexicon) -> bool:
    """A pejorative label: the word itself or an adjective of it ("een
    terroristische staat")."""
    words = [label, *(c for c in label.children if c.dep_ == "amod")]
    return any(lexicon.is_pejorative(lang, w.lemma_) for w in words)


def _state_for_capital(argument: Argument, resolution: Resolution) -> Actor:
    """A capital in an actor's slot is its state ("Teheran" is Iran)."""
    return resolution.metonyms.get(argument.token.i) or argument.actor
