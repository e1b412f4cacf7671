"""Participles that carry a relation inside a noun phrase: "the Russia-backed
separatists", "Iranian-backed militias", "de door Iran gesteunde milities".

An attributive past participle is passive: the noun it modifies is the
object of the verb, and its agent is the "door"/"by" phrase or the actor
joined to it by a hyphen. The parser reads these phrases in many ways (the
hyphenated actor as the participle's subject, the participle as the root), so
the pattern asks for the words in their order, not for one attachment.
"""

from __future__ import annotations

from spacy.tokens import Token

from kg.extract import confidence as conf
from kg.extract.arguments import Argument, actor_of, owner_of, with_preposition
from kg.profiles import profile
from kg.resolve import Resolution

#: Words that may stand between the participle and its noun: "Russian-backed Syrian forces".
BETWEEN = ("ADJ", "DET")
#: Dependents that make a participle the predicate of a clause.
CLAUSE_DEPENDENTS = {"aux", "aux:pass", "cop", "nsubj", "nsubj:pass"}


def participle_arguments(
    token: Token, resolution: Resolution, lang: str
) -> tuple[list[Argument], list[Argument]] | None:
    """(agents, patients) of an attributive participle, or None where ``token``
    is not one or names no agent."""
    if "VerbForm=Part" not in str(token.morph):
        return None
    hyphened = _hyphened_actor(token, resolution)
    noun = _modified_noun(token, strict=hyphened is None)
    if noun is None:
        return None
    if hyphened is not None:
        agents = [hyphened]
    elif any(c.dep_ in CLAUSE_DEPENDENTS for c in token.children):
        return None  # "was backed by Russia", "heeft ... gesteund": a clause of its own
    else:
        phrases = with_preposition(token, profile(lang).agent_prepositions)
        agents = [
            a for phrase in phrases if phrase.i < token.i for a in actor_of(phrase, resolution)
        ]
    if not agents:
        return None
    patients = actor_of(noun, resolution)
    if not patients:
        owner = owner_of(noun, resolution)
        patients = (
            [Argument(owner.actor, owner.token, conf.PARTICIPLE_OWNER)] if owner is not None else []
        )
    return agents, patients


def _modified_noun(token: Token, strict: bool) -> Token | None:
    """The noun right after the participle, over adjectives ("gesteunde Syrische
    troepen"); ``strict``: only where the parse does not hang the participle
    elsewhere (a hyphened compound, "Iran-backed Hezbollah", is clear enough)."""
    doc = token.doc
    for i in range(token.i + 1, min(token.i + 4, len(doc))):
        word = doc[i]
        if word.pos_ in ("NOUN", "PROPN"):
            if strict and token.dep_ in ("amod", "acl") and token.head.i != word.i:
                return None  # the parse hangs the participle elsewhere
            return word
        if word.pos_ not in BETWEEN:
            return None
    return None


def _hyphened_actor(token: Token, resolution: Resolution) -> Argument | None:
    """ "Russia-backed", "Iranian-backed": the actor written before a hyphen."""
    doc = token.doc
    if token.i < 2 or doc[token.i - 1].text != "-" or doc[token.i - 1].whitespace_:
        return None
    word = doc[token.i - 2]
    if word.whitespace_:
        return None
    actor = resolution.actor_at(word) or resolution.modifiers.get(word.i)
    return Argument(actor, word, conf.HYPHENED_AGENT) if actor is not None else None
