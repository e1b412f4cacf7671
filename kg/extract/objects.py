"""To whom a predicate is done: its objects, by the slots the lexicon lists, read
from a UD parse and robust to its common errors.

``objects_of`` reads the predicate's slots in the lexicon's order; the first slot
that names an actor decides. How each slot is read:

- ``obj``/``iobj``: the strategies ``DIRECT_OBJECT_STRATEGIES``, tried in order
  until one names an actor: ``direct_objects`` (as parsed), then the misparses
  ``subject_after_root_name`` ("Trump, die ..., loofde Kim"), ``second_subject``
  ("Rusland viel Oekraïne aan"), ``second_subject_of_governor`` ("Blok zegt de
  ambassadeur op het matje te roepen"), ``place_of_target`` ("shelled villages
  in northern Iraq", attacks only) and ``name_as_predicate`` ("to visit Pyongyang"
  read as xcomp);
- ``ccomp``: ``reported_subjects`` ("waarschuwde dat de EU ...");
- ``compound``: ``compound_bodies`` ("NATO membership", "het EU-lidmaatschap");
- any other slot is a preposition: ``prepositional_objects`` ("steun aan Moskou").

Where no slot names an actor, ``OBJECT_FALLBACKS`` in order: ``threatened_target``
("dreigde Noord-Korea te vernietigen") and ``light_verb_recipients`` ("zegden Israël
militaire steun toe").
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from kg.extract import confidence as conf
from kg.extract.arguments import (
    PASSIVE_SUBJECT,
    Argument,
    actor_of,
    fronted_object,
    hung_on_root_name,
    infinitival,
    is_bare,
    is_passive,
    located_in,
    target_within,
    with_preposition,
)
from kg.lexicon import Predicate
from kg.profiles import any_language
from kg.resolve import Resolution

#: Prepositions of a recipient, which a light verb may express as its indirect object.
#: "ontmoetten elkaar", "met elkaar", "met mekaar"; English "each other", "one another"

#: A strategy for the ``obj``/``iobj`` slot: the verb, the slot, the predicate.
DirectObjectStrategy = Callable[[Token, str, Predicate, Resolution], list[Argument]]
#: A fallback where no slot names an actor: the predicate's word, its governor.
ObjectFallback = Callable[[Token, Predicate, Resolution, Token | None], list[Argument]]


def objects_of(
    token: Token, predicate: Predicate, resolution: Resolution, governor: Token | None
) -> list[Argument]:
    """The objects of a predicate, by the slots the lexicon lists, in order."""
    for slot in predicate.objects:
        found = slot_fillers(slot, token, predicate, resolution, governor)
        if found:
            return found
    for fallback in OBJECT_FALLBACKS:
        found = fallback(token, predicate, resolution, governor)
        if found:
            return found
    return []


def slot_fillers(
    slot: str, token: Token, predicate: Predicate, resolution: Resolution, governor: Token | None
) -> list[Argument]:
    """The actors in one slot of the predicate on ``token``."""
    if slot == "ccomp":
        return reported_subjects(token, resolution)
    if slot == "compound":
        return compound_bodies(token, resolution)
    if slot in ("obj", "iobj"):
        for strategy in DIRECT_OBJECT_STRATEGIES:
            found = strategy(token, slot, predicate, resolution)
            if found:
                return found
        return []
    return prepositional_objects(slot, token, governor, resolution)


# ---- the obj/iobj slot --------------------------------------------------------


def _object_deps(verb: Token, slot: str) -> tuple[str, ...]:
    """The labels the slot has in the parse: a passive's object is its subject."""
    if is_passive(verb):
        return (PASSIVE_SUBJECT,)
    return ("obj", "iobj") if slot == "obj" else ("iobj",)


def direct_objects(
    verb: Token, slot: str, predicate: Predicate, resolution: Resolution
) -> list[Argument]:
    """The objects as parsed (a passive's subject), not a fronted "object" that
    is the subject."""
    deps, fronted = _object_deps(verb, slot), fronted_object(verb)
    return [
        a for c in verb.children if c.dep_ in deps and c != fronted for a in actor_of(c, resolution)
    ]


def _actors(tokens: list[Token], resolution: Resolution) -> list[Argument]:
    return [a for t in tokens for a in actor_of(t, resolution)]


def _subjects(verb: Token) -> list[Token]:
    return [c for c in verb.children if c.dep_ == "nsubj"]


def subject_after_root_name(
    verb: Token, slot: str, predicate: Predicate, resolution: Resolution
) -> list[Argument]:
    """A verb hung on the root name before it, whose subject is that name: a
    "subject" after the verb is its object ("Trump, die ..., loofde Kim")."""
    if not hung_on_root_name(verb, resolution):
        return []
    return _actors([c for c in _subjects(verb) if c.i > verb.i], resolution)


def second_subject(
    verb: Token, slot: str, predicate: Predicate, resolution: Resolution
) -> list[Argument]:
    """Of two "subjects" the second is the object, a misparse common with two
    names ("Rusland viel Oekraïne aan")."""
    return _actors(_subjects(verb)[1:], resolution)


def second_subject_of_governor(
    verb: Token, slot: str, predicate: Predicate, resolution: Resolution
) -> list[Argument]:
    """The same on the verb an infinitive completes: "Blok zegt de ambassadeur op
    het matje te roepen", the object read as a second subject of "zegt"."""
    if verb.dep_ != "xcomp" or not infinitival(verb):
        return []
    return _actors([c for c in _subjects(verb.head)[1:] if c.i < verb.i], resolution)


def place_of_target(
    verb: Token, slot: str, predicate: Predicate, resolution: Resolution
) -> list[Argument]:
    """An attack on things in a place is an attack on the place ("shelled villages
    in northern Iraq", "struck targets in Gaza")."""
    if predicate.relation_for("State") != "attacks":
        return []
    deps = _object_deps(verb, slot)
    return [a for c in verb.children if c.dep_ in deps for a in located_in(c, resolution)]


def name_as_predicate(
    verb: Token, slot: str, predicate: Predicate, resolution: Resolution
) -> list[Argument]:
    """A name after a verb without an object, read as its predicate ("recognised
    Somaliland", "to visit Pyongyang" as xcomp): the object."""
    if is_passive(verb) or any(c.dep_ == "obj" for c in verb.children):
        return []
    return _actors(
        [c for c in verb.children if c.dep_ == "xcomp" and c.pos_ == "PROPN" and c.i > verb.i],
        resolution,
    )


#: The strategies for the ``obj``/``iobj`` slot, in the order they are tried.
DIRECT_OBJECT_STRATEGIES: tuple[DirectObjectStrategy, ...] = (
    direct_objects,
    subject_after_root_name,
    second_subject,
    second_subject_of_governor,
    place_of_target,
    name_as_predicate,
)


# ---- the other slots ------------------------------------------------------------


def reported_subjects(verb: Token, resolution: Resolution) -> list[Argument]:
    """ "waarschuwde dat de EU ...": the one a warning is about, the subject of the
    clause it reports."""
    return [
        Argument(a.actor, a.token, conf.CLAUSE_SUBJECT)
        for clause in verb.children
        if clause.dep_ == "ccomp"
        for child in clause.children
        if child.dep_.startswith("nsubj")
        for a in actor_of(child, resolution)
    ]


def compound_bodies(noun: Token, resolution: Resolution) -> list[Argument]:
    """ "NATO membership", "het EU-lidmaatschap": the body in the noun's compound."""
    found = _actors([c for c in noun.children if c.dep_ == "compound"], resolution)
    if "-" in noun.text and noun.i in resolution.modifiers:
        found.append(Argument(resolution.modifiers[noun.i], noun, conf.COMPOUND_BODY))
    return found


def prepositional_objects(
    slot: str, token: Token, governor: Token | None, resolution: Resolution
) -> list[Argument]:
    """The actors of the slot's preposition on the predicate or its governor, or,
    by a common attachment ambiguity, on their object ("withdrew its troops from
    Mali"); inside a phrase that is no actor, its target ("dreigde met vergelding
    tegen Israël")."""
    found = []
    for head in [token] + ([governor] if governor is not None else []):
        places = [head] + [c for c in head.children if c.dep_ == "obj"]
        for child in (c for place in places for c in with_preposition(place, (slot,))):
            found.extend(actor_of(child, resolution) or target_within(child, resolution))
    return found


# ---- where no slot names an actor -------------------------------------------


def threatened_target(
    verb: Token, predicate: Predicate, resolution: Resolution, governor: Token | None
) -> list[Argument]:
    """ "dreigde (om) Noord-Korea te vernietigen", "threatened to destroy X": the
    target of a threat is the object of what is threatened."""
    if predicate.relation_for("State") != "threatens" or "obj" not in predicate.objects:
        return []
    return _actors(
        [
            c
            for clause in verb.children
            if clause.dep_ in ("xcomp", "ccomp") and infinitival(clause)
            for c in clause.children
            if c.dep_ == "obj"
        ],
        resolution,
    )


def light_verb_recipients(
    noun: Token, predicate: Predicate, resolution: Resolution, governor: Token | None
) -> list[Argument]:
    """ "zegden Israël militaire steun toe", "legde Hongarije een boete op": the
    light verb's indirect object receives what the noun names."""
    recipients = any_language("recipient_prepositions")
    if governor is None or not any(slot in recipients for slot in predicate.objects):
        return []
    return _actors(indirect_objects(governor), resolution)


#: What is tried where no slot names an actor, in order.
OBJECT_FALLBACKS: tuple[ObjectFallback, ...] = (threatened_target, light_verb_recipients)


def indirect_objects(verb: Token) -> list[Token]:
    """A verb's indirect objects, also where the parser labelled one a second
    subject or a bare oblique ("gaf Oekraïne steun": no preposition)."""
    subjects = _subjects(verb)
    return [
        c
        for c in verb.children
        if c.dep_ == "iobj"
        or (c.dep_ == "nsubj" and c != subjects[0])
        or (c.dep_ == "obl" and is_bare(c) and c.i > verb.i)
    ]


# ---- reciprocals ------------------------------------------------------------------


def object_slot_empty(token: Token, predicate: Predicate, governor: Token | None) -> bool:
    """Whether nothing but a reciprocal fills the predicate's object slots: true of
    "Trump en Kim ontmoetten elkaar", "X and Y met", "sloten een akkoord"; not of
    "spraken met journalisten", whose object is no actor but is there. A verb
    without a direct object slot needs the reciprocal said: "Biden en Trump spraken
    in Detroit" gave two speeches, "spraken met elkaar" a talk."""
    heads = [token] + ([governor] if governor is not None else [])
    if predicate.pos == "VERB" and "obj" not in predicate.objects:
        said = [c for head in heads for c in head.children if _reciprocal(c)]
        if not said:
            return False
    for slot in predicate.objects:
        if slot in ("obj", "iobj"):
            fillers = [c for c in token.children if c.dep_ in ("obj", "iobj")]
        elif slot == "ccomp":
            fillers = [c for c in token.children if c.dep_ == "ccomp"]
        else:
            fillers = [c for head in heads for c in with_preposition(head, (slot,))]
        # "doorgaan met hun gesprekken": the noun is no object of itself
        if any(not _reciprocal(f) and f.i != token.i for f in fillers):
            return False
    return True


def _reciprocal(token: Token) -> bool:
    """ "elkaar", "each other" (not the "other" of "other leaders"), or a phrase
    around one ("met elkaar")."""
    return _is_reciprocal_word(token) or any(_is_reciprocal_word(c) for c in token.children)


def _is_reciprocal_word(token: Token) -> bool:
    reciprocals = any_language("reciprocals")
    if token.lower_ in reciprocals:
        return True
    previous = token.doc[token.i - 1].lower_ if token.i > 0 else ""
    return f"{previous} {token.lower_}" in reciprocals
