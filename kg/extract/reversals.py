"""What a governing verb makes of the relation a noun states: ties cut are a
sanction ("verbrak de banden met"), sanctions eased a concession, an accord left
("stapte uit het akkoord") binds no one any more."""

from __future__ import annotations

from spacy.tokens import Token

from kg.extract.frames import verb_particles
from kg.extract.sites import Site
from kg.lexicon import Lexicon, normalise, verb_lemma_candidates


def reversed_relation(relation: str, governor: Token, lang: str, lexicon: Lexicon) -> str:
    """The relation as the governing verb leaves it: ties cut are a sanction
    ("verbrak de banden met"), sanctions eased a concession."""
    particles = []
    if governor.pos_ in ("ADV", "ADP") and governor.head.pos_ == "VERB":
        # "walked away from the deal": the noun hung on the particle
        particles, governor = [governor.lower_], governor.head
    lemmas = [normalise(governor.lemma_), *verb_lemma_candidates(governor.lower_, lang)]
    particles += verb_particles(governor)
    # "zegde het verdrag ... op", "pulled out of the deal": with the particle too
    lemmas += [joined for p in particles for lemma in lemmas for joined in (p + lemma, lemma + p)]
    for lemma in lemmas:
        reversed_to = lexicon.reversal(lang, lemma, relation)
        if reversed_to:
            return reversed_to
    return relation


def changers(token: Token, governor: Token | None) -> list[Token]:
    """Verbs that may change what a relation noun states: the one governing it and
    one modifying it ("relations soured", parsed as a participle of the noun)."""
    if token.pos_ not in ("NOUN", "PROPN"):
        return []
    modifiers = [c for c in token.children if c.dep_ in ("acl", "acl:relcl") and c.pos_ == "VERB"]
    return ([governor] if governor is not None else []) + modifiers


def binds_both_ways(site: Site) -> bool:
    """An accord between A and B binds both ways; leaving it ("stapte uit") does not."""
    governor = site.governor
    return site.predicate.mutual and (
        governor is None
        or reversed_relation("agreesWith", governor, site.lang, site.lexicon) == "agreesWith"
    )
