"""Labelling: "Biden noemde Poetin een oorlogsmisdadiger" accuses Putin, "Xi
called Putin his dear friend" supports him.

A verb of naming (lexicon/labelling.tsv: "noemen", "bestempelen als", "call",
"brand") whose clause holds an actor and a pejorative noun or adjective
("terrorist", "dictator", "agressor") states that its subject accuses that actor;
with a laudatory noun ("vriend", "bondgenoot", "ally") that it supports him.
The parser reads these clauses in many ways (the actor as object or even as a
second subject, the label as object, xcomp, or an "als"/"voor" phrase), so the
pattern asks only for the three parts among the verb's dependents.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

from kg.extract import confidence as conf
from kg.extract import rules
from kg.extract.arguments import Argument, actor_of
from kg.extract.states import stated
from kg.extract.subjects import subjects_of
from kg.lexicon import Lexicon
from kg.records import Actor, Document, Relation
from kg.resolve import Resolution

#: Where the parser puts the one named and the label.
NAMED = ("obj", "iobj", "nsubj")
LABEL = ("obj", "xcomp", "advcl", "obl", "obl:arg", "obl:unmarked", "acl")


def labelling_relations(
    sent: Span, document: Document, resolution: Resolution, lexicon: Lexicon
) -> Iterator[Relation]:
    lang = document.lang
    for verb in sent:
        if verb.pos_ != "VERB" or not lexicon.is_naming_verb(lang, verb.lemma_):
            continue
        kinds = {_label_kind(c, lang, lexicon) for c in verb.children if c.dep_ in LABEL}
        relation = "accuses" if "pejorative" in kinds else "supports"
        if not kinds & {"pejorative", "laudatory"}:
            continue
        subjects = sorted(subjects_of(verb, resolution, lang), key=lambda a: a.token.i)
        if not subjects:
            continue
        accuser = subjects[0]
        for child in verb.children:
            bare = child.dep_ == "obl" and not any(g.dep_ == "case" for g in child.children)
            if (child.dep_ not in NAMED and not bare) or child.i == accuser.token.i:
                continue  # a bare "obl" is the object misparsed: "noemde Trump een vriend"
            if _label_kind(child, lang, lexicon) is not None:
                continue  # the label itself: "a friend of America" names no one labelled
            for named in actor_of(child, resolution):
                subject, obj = (
                    _state_for_capital(accuser, resolution),
                    _state_for_capital(named, resolution),
                )
                if subject.key == obj.key:
                    continue
                yield stated(
                    sent,
                    document,
                    subject,
                    relation,
                    obj,
                    trigger=verb.text,
                    confidence=conf.LABEL,
                    rule=rules.LABEL,
                )


def _label_kind(label: Token, lang: str, lexicon: Lexicon) -> str | None:
    """ "pejorative" where the word or an adjective of it condemns ("een
    terroristische staat"), else "laudatory" where the noun praises ("een goede
    vriend"), else None."""
    words = [label, *(c for c in label.children if c.dep_ == "amod")]
    kinds = [lexicon.label_kind(lang, w.lemma_) for w in words]
    return "pejorative" if "pejorative" in kinds else lexicon.label_kind(lang, label.lemma_)


def _state_for_capital(argument: Argument, resolution: Resolution) -> Actor:
    """A capital in an actor's slot is its state ("Teheran" is Iran)."""
    return resolution.metonyms.get(argument.token.i) or argument.actor
