"""Who does what a verb says: its subjects, read from a UD parse and robust to
its common errors.

``subjects_of`` tries these strategies in order; the first that applies decides,
even where it finds no actor (a passive without its agent has no subject to guess):

1. ``passive_agents``: the "door"/"by" phrase of a passive ("werd door Rusland aangevallen")
2. ``name_before_verb``: the sentence's root name the parser hung the verb on
   ("Blinken also met with ...")
3. ``own_subject``: the verb's own subject, the first actor of two ("Rusland viel
   Oekraïne aan"), the antecedent of a relative pronoun ("X, die ... afwees")
4. ``auxiliary_subject``: a subject the parser hung on the auxiliary
5. ``bare_oblique_subject``: a bare noun phrase before the verb labelled ``obl``
6. ``fronted_object_subject``: of two objects around the verb, the one before it
7. ``relative_antecedent``: what a relative clause without a subject is on
8. ``asked``: the one a request addresses ("urged the EU to impose sanctions")
9. ``raised_subject``: the subject of a passive raising verb ("they are expected to sign")

Failing all, a coordinated or controlled verb shares the subject of its head
(``shares_subject``: "Hij lachte mee, beloofde steun", "weigerde te praten").
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from kg.extract import confidence as conf
from kg.extract.arguments import (
    PASSIVE_SUBJECT,
    Argument,
    actor_of,
    addressees,
    fronted_object,
    hung_on_root_name,
    infinitival,
    is_bare,
    is_passive,
    is_relative_pronoun,
    preposition,
    requesting,
    with_preposition,
)
from kg.profiles import profile
from kg.resolve import Resolution

#: A strategy: the subjects it finds, or None where it does not apply.
SubjectStrategy = Callable[[Token, Resolution, str], list[Argument] | None]
#: How many heads up a verb without a subject may look for one it shares.
CONTROL_DEPTH = 3


def _subject_children(verb: Token) -> list[Token]:
    return [c for c in verb.children if c.dep_ in ("nsubj", "csubj")]


def _misparsed(arguments: list[Argument]) -> list[Argument]:
    return [Argument(a.actor, a.token, conf.MISPARSED) for a in arguments]


def passive_agents(verb: Token, resolution: Resolution, lang: str) -> list[Argument] | None:
    """A passive's subject is its agent, "door Rusland", "by Russia" (or no one)."""
    if not is_passive(verb):
        return None
    agents = with_preposition(verb, profile(lang).agent_prepositions)
    return [arg for agent in agents for arg in actor_of(agent, resolution)]


def name_before_verb(verb: Token, resolution: Resolution, lang: str) -> list[Argument] | None:
    """A verb the parser hung on the name before it, the sentence's root, with no
    subject of its own before it ("Trump, die ..., loofde Kim"): the name."""
    if not hung_on_root_name(verb, resolution):
        return None
    if any(c.i < verb.i for c in _subject_children(verb)):
        return None
    return _misparsed(actor_of(verb.head, resolution))


def own_subject(verb: Token, resolution: Resolution, lang: str) -> list[Argument] | None:
    """The verb's own subject. With two "subjects" ("Rusland viel Oekraïne aan")
    the first actor is the subject; a phrase after "als" says what one was ("Als
    NSA stond hij Carter bij"); a relative pronoun stands for what its clause is on."""
    subjects = _subject_children(verb)
    candidates = [c for c in subjects if not (len(subjects) > 1 and _after_as(c))]
    for child in candidates:
        if verb.dep_ == "acl:relcl" and is_relative_pronoun(child):
            return _antecedent(verb, resolution)  # "X, die ... afwees"
        found = actor_of(child, resolution)
        if found or len(subjects) == 1:
            return found  # of two "subjects" one may be no actor (a misread word)
    return [] if candidates else None


def auxiliary_subject(verb: Token, resolution: Resolution, lang: str) -> list[Argument] | None:
    """A subject attached to the auxiliary instead of the verb (a common misparse)."""
    for aux in verb.children:
        if aux.dep_ == "aux":
            for child in aux.children:
                if child.dep_ == "nsubj":
                    return actor_of(child, resolution)
    return None


def bare_oblique_subject(verb: Token, resolution: Resolution, lang: str) -> list[Argument] | None:
    """A bare noun phrase before the verb labelled ``obl`` (no preposition) is a
    core argument the parser mislabelled: with no subject elsewhere, the subject."""
    for child in verb.children:
        if child.dep_ == "obl" and is_bare(child) and child.i < verb.i:
            bare = actor_of(child, resolution)
            if bare:
                return _misparsed(bare)
    return None


def fronted_object_subject(verb: Token, resolution: Resolution, lang: str) -> list[Argument] | None:
    """Two objects and no subject ("Macron bezocht Moskou" read obj-V-obj): the
    one before the verb."""
    fronted = fronted_object(verb)
    return None if fronted is None else _misparsed(actor_of(fronted, resolution))


def relative_antecedent(verb: Token, resolution: Resolution, lang: str) -> list[Argument] | None:
    """A relative or participial clause without a subject of its own speaks of
    what it is on ("de landen die ... erkenden")."""
    return _antecedent(verb, resolution) if verb.dep_ in ("acl:relcl", "acl") else None


def asked(verb: Token, resolution: Resolution, lang: str) -> list[Argument] | None:
    """What one is asked to do, the one asked is to do (object control): "urged
    the EU to impose sanctions", "riep de EU op om sancties in te stellen"."""
    if verb.dep_ not in ("xcomp", "ccomp", "advcl", "acl") or not infinitival(verb):
        return None
    addressed = addressees(verb.head, lang) if requesting(verb.head, lang) else []
    return [a for t in addressed for a in actor_of(t, resolution)] if addressed else None


def raised_subject(verb: Token, resolution: Resolution, lang: str) -> list[Argument] | None:
    """ "they are expected to sign", "worden geacht te tekenen": the subject of the
    passive the infinitive completes."""
    if verb.dep_ != "xcomp" or not is_passive(verb.head):
        return None
    raised = [c for c in verb.head.children if c.dep_ == PASSIVE_SUBJECT]
    return [a for c in raised for a in actor_of(c, resolution)] if raised else None


#: The strategies, in the order they are tried.
SUBJECT_STRATEGIES: tuple[SubjectStrategy, ...] = (
    passive_agents,
    name_before_verb,
    own_subject,
    auxiliary_subject,
    bare_oblique_subject,
    fronted_object_subject,
    relative_antecedent,
    asked,
    raised_subject,
)


def subjects_of(verb: Token, resolution: Resolution, lang: str, seen: int = 0) -> list[Argument]:
    """The subjects of a verb: its own, or those of the verb it is coordinated
    with or controlled by ("Hij lachte ..., beloofde steun", "weigerde te praten")."""
    for strategy in SUBJECT_STRATEGIES:
        found = strategy(verb, resolution, lang)
        if found is not None:
            return found
    if shares_subject(verb) and seen < CONTROL_DEPTH:
        return subjects_of(verb.head, resolution, lang, seen + 1)
    return []


def shares_subject(verb: Token) -> bool:
    """A verb without a subject of its own shares that of the verb it is
    coordinated or juxtaposed with, or the infinitive that completes it."""
    controlled = verb.dep_ in ("conj", "xcomp", "parataxis") or (
        verb.dep_ in ("ccomp", "advcl") and infinitival(verb)
    )
    return controlled and verb.head.i != verb.i


def _antecedent(clause: Token, resolution: Resolution) -> list[Argument]:
    """What a relative clause is on: the subject of the copula its nominal is the
    predicate of ("A is een van de landen die ..."), else the nominal itself."""
    return copula_subject(clause.head, resolution) or actor_of(clause.head, resolution)


def _after_as(token: Token) -> bool:
    """A noun phrase right after "als"/"as": a role, not a participant."""
    first = token.left_edge
    return first.i > 0 and token.doc[first.i - 1].lower_ in ("als", "as")


def copula_subject(noun: Token, resolution: Resolution) -> list[Argument]:
    """The subject of the copula a predicate nominal belongs to, so that a relative
    clause on it speaks of that subject: "Kenia en Ghana zijn de eerste landen die
    ... erkenden", "Kenya is one of the few countries that recognised ...". It
    comes before what the nominal itself resolves to ("landen" as a description
    of the last country named)."""
    nominal = noun
    if (
        not any(c.dep_ == "cop" for c in nominal.children)
        and noun.dep_.startswith("nmod")
        and preposition(noun) in ("van", "of")
    ):
        nominal = noun.head  # "een van de landen", "one of the countries"
    if not any(c.dep_ == "cop" for c in nominal.children):
        return []
    return [
        Argument(a.actor, a.token, conf.COPULA_SUBJECT)
        for c in nominal.children
        if c.dep_ == "nsubj"
        for a in actor_of(c, resolution)
    ]
