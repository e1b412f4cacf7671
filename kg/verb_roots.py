"""Repair a parse the shipped pipelines often make of short news clauses.

In "Biden praised Zelensky for his courage" or "Japan lifted sanctions on
Myanmar" the parser (trained on web text, with few such sentences) takes the verb
for an adjective of the next noun and makes that noun the root, with the real
subject hanging on it as ``nsubj``. A noun with a subject but no copula, and a
verb "modifying" it from between the two, is no well-formed clause: the verb is
the root and the noun its object. An irregular past form ("Canada froze ties with
Iran") is often taken for a noun compound of the next noun instead; being a form
of a verb (lexicon/irregular_verbs.tsv), it is repaired the same way. The Dutch
parser makes the same mistake ("Iran bedreigde Israël met vergelding": the verb
read as a participle of "Israël", "Iran" as its possessor).
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Token

from kg.lexicon import irregular_verb_bases

#: Relations that belong to the clause, not to the noun the parser hung them on.
CLAUSE_RELATIONS = frozenset({"punct", "advmod", "advcl", "parataxis", "obl", "obl:tmod", "mark"})


@Language.component("geokg_verb_roots")
def verb_roots(doc: Doc) -> Doc:
    for noun in doc:
        found = _verb_taken_for_adjective(noun)
        if found is None:
            continue
        verb, subject = found
        if ("en", verb.lower_) in irregular_verb_bases():  # "froze", taken for a noun
            verb.pos_, verb.lemma_ = "VERB", irregular_verb_bases()[("en", verb.lower_)]
        clause_parts = [c for c in noun.children if c.dep_ in CLAUSE_RELATIONS]
        verb.head, verb.dep_ = verb, "ROOT"
        noun.head, noun.dep_ = verb, "obj"
        subject.head, subject.dep_ = verb, "nsubj"
        for child in clause_parts:
            child.head = verb
    return doc


def _verb_taken_for_adjective(noun: Token) -> tuple[Token, Token] | None:
    """The verb and subject of "Biden praised Zelensky" parsed with "praised" as
    an adjective of the root noun "Zelensky" and "Biden" as its subject or as a
    compound of it; else None. An adjective has no subject, a root noun with a
    subject needs a copula, and a name compound stands next to its head."""
    if noun.dep_ != "ROOT" or noun.pos_ not in ("NOUN", "PROPN"):
        return None
    children = list(noun.children)
    if any(c.dep_ in ("cop", "aux", "aux:pass") for c in children):
        return None
    verbs = [c for c in children if c.i < noun.i and (_adjective_verb(c) or _past_compound(c))]
    if len(verbs) != 1:
        return None
    verb = verbs[0]
    before = [c for c in [*children, *verb.children] if c.i < verb.i]
    # Dutch has no bare-name possessive ("Iran bedreigde Israël": "Iran" read as
    # the possessor of "Israël"); an English one ends in "'s" and is no subject
    bare_possessor = "nmod:poss" if noun.doc.lang_ == "nl" else ""
    subjects = [c for c in before if c.dep_ == "nsubj"] or [
        c for c in before if c.dep_ in ("compound", bare_possessor) and c.pos_ == "PROPN"
    ]
    if len(subjects) != 1:
        return None
    subject = subjects[0]
    # the verb follows its subject, adverbs and (English) auxiliaries aside ("has
    # expressed solidarity"); Dutch "Pastinaak en aardpeer zijn vergeten groenten"
    # has a copula between, and is no such clause
    between = noun.doc[subject.right_edge.i + 1 : verb.i]
    allowed = ("ADV", "AUX") if noun.doc.lang_ == "en" else ("ADV",)
    return (verb, subject) if all(t.pos_ in allowed for t in between) else None


def _adjective_verb(token: Token) -> bool:
    # a clause "modifying" the noun after it ("acl") is as unlikely as an adjective
    return token.dep_ in ("amod", "acl") and token.pos_ == "VERB"


def _past_compound(token: Token) -> bool:
    """A lower-case irregular past form parsed as a compound: "froze ties"."""
    return (
        token.dep_ == "compound"
        and token.pos_ in ("NOUN", "ADJ", "VERB")
        and token.text.islower()
        and ("en", token.lower_) in irregular_verb_bases()
    )
