"""Whether a predicate is negated or hedged where it stands: negators and hedges
on it and its governor ("niet", "would"), a negative determiner on its object ("geen
wapens"), a membership only sought ("de aanvraag voor lidmaatschap"), an act only
asked of someone ("urged the EU to impose sanctions") and the governing words of a
complement ("weigerde te ontmoeten", "is bereid te onderhandelen")."""

from __future__ import annotations

from spacy.tokens import Token

from kg.extract.arguments import infinitival, requesting
from kg.lexicon import Lexicon, Predicate


def modality(
    token: Token, governor: Token | None, predicate: Predicate, lang: str, lexicon: Lexicon
) -> tuple[bool, bool]:
    negated, hedged = predicate.negated, predicate.hedged
    scope = [token] + ([governor] if governor is not None else [])
    for head in scope:
        for child in head.children:
            effect = lexicon.modifier(lang, child.lemma_, "dep")
            if effect is None and child.dep_ == "aux" and "Tense=Past" in str(child.morph):
                effect = lexicon.modifier(lang, child.lemma_, "past")
            if effect is None and child.dep_ == "mark":
                effect = lexicon.modifier(lang, child.lemma_, "mark")
            negated |= effect == "negate"
            hedged |= effect == "hedge"
            # "heeft geen wapens geleverd": a negative determiner on the object
            if child.dep_ == "obj" and child.i != token.i:
                negated |= any(
                    c.dep_ == "det" and lexicon.modifier(lang, c.lemma_, "dep") == "negate"
                    for c in child.children
                )
    # "de aanvraag voor lidmaatschap", "a membership bid": only sought
    if (
        predicate.pos == "NOUN"
        and governor is not None
        and governor.pos_ == "NOUN"
        and lexicon.modifier(lang, governor.lemma_, "head") == "hedge"
    ):
        hedged = True
    # Asked of someone, not done: "urged the EU to impose sanctions"
    asked = scope[-1]
    if asked.dep_ in ("xcomp", "ccomp", "advcl", "acl") and infinitival(asked):
        # the infinitive may hang on the one asked ("urged the EU to impose")
        asker = asked.head.head if asked.dep_ == "acl" else asked.head
        hedged |= requesting(asker, lang)
    # Governing words: "weigerde te ontmoeten", "is bereid te onderhandelen".
    node = scope[-1]
    for _ in range(2):
        if node.dep_ not in ("xcomp", "ccomp", "advcl") or node.head.i == node.i:
            break
        if node.dep_ == "advcl":
            if any(lexicon.modifier(lang, c.lemma_, "mark") == "hedge" for c in node.children):
                hedged = True
            # "is van plan om ... te bezoeken", "has the intention to": an intention
            # named beside the governing verb
            if any(lexicon.modifier(lang, w.lemma_, "head") == "hedge" for w in _beside(node)):
                hedged = True
            break
        node = node.head
        effect = lexicon.modifier(lang, node.lemma_, "head")
        negated |= effect == "negate"
        hedged |= effect == "hedge"
        for child in node.children:
            if lexicon.modifier(lang, child.lemma_, "dep") == "negate":
                negated = True
    return negated, hedged


def _beside(clause: Token) -> list[Token]:
    """The words that complete the verb an adverbial clause hangs on ("van plan"
    in "is van plan om ..."), not its subject or the clause itself."""
    verb = clause.head
    words = [c for c in verb.children if c.dep_ in ("compound:prt", "fixed", "obj", "obl")]
    return words + [f for w in words for f in w.children if f.dep_ == "fixed"]
