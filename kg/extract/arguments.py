"""Arguments of a predicate: the actors a noun phrase stands for (conjuncts,
sets, names in apposition, the owner of a thing) and the facts of the parse that
``kg.extract.subjects`` (who does it) and ``kg.extract.objects`` (to whom) read:
prepositions, passives, infinitives, requests, misattached words."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from kg.extract import confidence as conf
from kg.lexicon import load_lexicon, names_members
from kg.profiles import any_language
from kg.records import Actor
from kg.resolve import Resolution

PASSIVE_SUBJECT = "nsubj:pass"
PLACE_KINDS = {"City", "Place"}


@dataclass(frozen=True)
class Argument:
    """An actor filling a slot, and how sure we are it belongs there."""

    actor: Actor
    token: Token
    weight: float = conf.AS_PARSED
    owner: bool = False  # stands for a thing the actor owns: "de wapens van Duitsland"


def actor_of(token: Token, resolution: Resolution, depth: int = 0) -> list[Argument]:
    """The actors a noun phrase headed by ``token`` refers to (conjuncts included)."""
    arguments = []
    actor = resolution.actor_at(token)
    members = resolution.sets.get(token.i)
    if members:
        # "both countries", "they", "Sino-Indian": every actor of the set
        arguments.extend(Argument(member, token, conf.SET_MEMBER) for member in members)
    elif actor is not None and (named := _person_in_apposition(token, resolution)):
        # "China's top official, Wang Yi": the name says who the institution noun means
        arguments.extend(named)
    elif actor is not None:
        arguments.append(Argument(actor, token))
        mention = resolution.by_token[token.i]
        if mention.how == "role" and "Number=Plur" in str(token.morph):
            # "leiders uit de VS, West-Europa of Japan": every body named
            for child in token.children:
                if child.dep_.startswith("nmod") and resolution.actor_at(child) == actor:
                    arguments.extend(
                        a
                        for c in child.children
                        if c.dep_ == "conj"
                        for a in actor_of(c, resolution, depth + 1)
                    )
        # "D66-politicus X en EU-ambassadeur Y": the parser may hang the second
        # pair on the first name rather than on the office before it
        for child in token.children:
            if child.dep_ == "appos":
                arguments.extend(
                    a
                    for c in child.children
                    if c.dep_ == "conj"
                    for a in actor_of(c, resolution, depth + 1)
                )
    else:
        # A name in apposition says who is meant ("China's top official, Wang Yi";
        # "tien Europeanen, onder wie X"); failing that, the owner of the thing
        # ("het Amerikaanse voorstel").
        for child in token.children:
            if child.dep_ in ("appos", "flat") or (
                child.dep_.startswith("nmod") and _inclusion(child)
            ):
                arguments.extend(actor_of(child, resolution, depth + 1))
        if not arguments and token.pos_ == "NOUN":
            arguments.extend(_name_after_comma(token, resolution))
        owner = owner_of(token, resolution) if depth == 0 and not arguments else None
        if owner is not None:
            arguments.append(Argument(owner.actor, owner.token, conf.OWNER_OF_THING, owner=True))
        elif not arguments and resolution.roles.get(token.i, ("", ""))[1]:
            # an office whose holder is unknown stands for its body:
            # "doodde de Hamasleider" is an attack on Hamas
            body = resolution.facts.actor(resolution.roles[token.i][1])
            if body is not None:
                arguments.append(Argument(body, token, conf.BODY_OF_OFFICE))
    for child in token.children:
        if child.dep_ != "conj":
            continue
        conjunct = actor_of(child, resolution, depth + 1)
        if not conjunct and child.pos_ == "ADJ" and arguments:
            # "US, French and Turkish forces", parsed as demonyms coordinated
            # with the first name: each names its state
            state = resolution.facts.by_demonym(child.text)
            if state is not None and state.kind == "State":
                conjunct = [Argument(state, child, conf.DEMONYM_CONJUNCT)]
        arguments.extend(conjunct)
    return arguments


def _person_in_apposition(token: Token, resolution: Resolution) -> list[Argument]:
    """A person named in apposition to a noun that stands for a state or body
    ("de Chinese functionaris, Wang Yi")."""
    mention = resolution.by_token.get(token.i)
    if mention is None or mention.how != "description":
        return []
    named = [
        Argument(person, child)
        for child in token.children
        if child.dep_ == "appos"
        and (person := resolution.actor_at(child)) is not None
        and person.kind == "Person"
    ]
    return named or _name_after_comma(token, resolution)


def _inclusion(phrase: Token) -> bool:
    """ "onder wie X", "including X", "zoals X", "such as X" (the parser makes
    "zoals" a marker, "such as" a fixed preposition)."""
    return names_members(phrase)


def _name_after_comma(noun: Token, resolution: Resolution) -> list[Argument]:
    """ "China's top foreign affairs official, Wang Yi,": a person named right after
    a noun and a comma is in apposition with it, wherever the parser hung the name."""
    doc = noun.doc
    if noun.i + 2 >= len(doc) or doc[noun.i + 1].text != ",":
        return []
    mention = resolution.by_token.get(noun.i + 2)
    if mention is None or mention.actor.kind != "Person":
        return []
    return [Argument(mention.actor, doc[noun.i + 2], conf.NAME_AFTER_COMMA)]


def owner_of(token: Token, resolution: Resolution, depth: int = 0) -> Argument | None:
    """The actor a thing belongs to ("het Amerikaanse voorstel", "zijn profiel",
    "de signalen van Trump"); not for role nouns, whose demonym is a nationality."""
    if token.pos_ != "NOUN" or token.i in resolution.roles:
        return None
    for child in token.children:
        if child.dep_ in ("nmod:poss", "det") and resolution.actor_at(child):
            return Argument(resolution.actor_at(child), child)  # type: ignore[arg-type]
        if child.dep_ == "amod":
            named = resolution.facts.by_demonym(child.text)  # "het Amerikaanse voorstel"
            if named is not None:
                return Argument(named, child)
    if token.i in resolution.modifiers and "-" in token.text:
        # "een Ryanair-vliegtuig": the thing belongs to the actor named in the compound
        return Argument(resolution.modifiers[token.i], token, conf.OWNER_INDIRECT)
    for child in token.children:
        if child.dep_.startswith("nmod") and preposition(child) in ("van", "of"):
            actor = resolution.actor_at(child)
            if actor is not None:
                return Argument(actor, child)
            # "the withdrawal of French troops": the owner of what it is "of"
            if child.pos_ == "NOUN" and not depth:
                inner = owner_of(child, resolution, depth=1)
                if inner is not None:
                    return Argument(inner.actor, inner.token, conf.OWNER_INDIRECT)
    return None


def preposition(token: Token) -> str:
    for child in token.children:
        if child.dep_ == "case":
            return child.lemma_.lower()
    return ""


def is_bare(phrase: Token) -> bool:
    """A noun phrase without a preposition of its own ("case")."""
    return not any(c.dep_ == "case" for c in phrase.children)


def is_relative_pronoun(token: Token) -> bool:
    """ "die", "who", "which": the pronoun that opens a relative clause."""
    return "PronType=Rel" in str(token.morph) or token.lower_ in any_language("relative_pronouns")


def hung_on_root_name(verb: Token, resolution: Resolution) -> bool:
    """A verb the parser hung on the name before it, the sentence's root ("Blinken
    also met with ...", "Trump, die vorig jaar dreigde ..., loofde Kim"): the name
    is the verb's subject, and a "subject" after the verb is its object."""
    head = verb.head
    return (
        verb.dep_ in ("conj", "parataxis")
        and head.dep_ == "ROOT"
        and head.i < verb.i
        and resolution.actor_at(head) is not None
    )


def with_preposition(head: Token, prepositions: tuple[str, ...]) -> list[Token]:
    return [
        child
        for child in head.children
        if (child.dep_.startswith(("obl", "nmod")) and preposition(child) in prepositions)
    ]


def requesting(verb: Token, lang: str) -> bool:
    """A verb of asking or urging in the lexicon ("oproepen", "urge", "vragen")."""
    if verb.pos_ not in ("VERB", "AUX"):
        return False
    lexicon = load_lexicon()
    lemma = verb.lemma_.lower()
    particles = particles_of(verb)
    lemmas = [
        lemma,
        *(p + lemma for p in particles),
        *(p + lemma.split("_")[-1] for p in particles),
    ]
    return any(
        p.relation_for("State") == "requests"
        for word in lemmas
        for p in lexicon.predicate(lang, "VERB", word)
    )


#: What may follow a preposition: the start of its noun phrase.
PHRASE_STARTS = {"DET", "NOUN", "PROPN", "ADJ", "NUM", "PRON"}


def particles_of(verb: Token) -> list[str]:
    """A verb's separable particles: those the parser saw, and a preposition-like
    word stranded after it with no phrase of its own ("riep de EU op om ...":
    "op" followed by "om" is the particle of "oproepen", not a preposition)."""
    found = [c.lower_ for c in verb.children if c.dep_ == "compound:prt"]
    doc = verb.doc
    for word in doc[verb.i + 1 : verb.sent.end - 1]:
        if word.pos_ in ("VERB", "AUX") and word.dep_ != "aux":
            break  # the next clause
        if word.pos_ == "ADP" and word.dep_ == "case" and doc[word.i + 1].pos_ not in PHRASE_STARTS:
            found.append(word.lower_)
    return found


def addressees(verb: Token, lang: str) -> list[Token]:
    """Who a verb of asking addresses: its object, or the second "subject" the
    parser may make of it ("riep de EU op"), or the noun an infinitive hangs on
    ("urged the EU to impose")."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    return [
        c
        for c in verb.children
        if c.dep_ in ("obj", "iobj") or (c.dep_ == "nsubj" and c != subjects[0])
    ]


def fronted_object(verb: Token) -> Token | None:
    """Two direct objects and no subject ("Macron bezocht Moskou" parsed obj-V-obj):
    the one before the verb is the subject, as Dutch and English main clauses
    put it first. None where the parse has a subject or no such pair."""
    if is_passive(verb) or any(c.dep_.startswith(("nsubj", "csubj")) for c in verb.children):
        return None
    objects = [c for c in verb.children if c.dep_ == "obj"]
    if len(objects) == 2 and objects[0].i < verb.i < objects[1].i:
        return objects[0]
    return None


def infinitival(verb: Token) -> bool:
    """ "(om) te onderhandelen", "to negotiate": takes its subject from its head."""
    return any(c.dep_ == "mark" and c.lower_ in ("te", "om", "to") for c in verb.children)


def is_passive(verb: Token) -> bool:
    return any(c.dep_ in ("aux:pass", PASSIVE_SUBJECT) for c in verb.children)


def target_within(phrase: Token, resolution: Resolution) -> list[Argument]:
    """Actors a non-actor phrase is aimed at: "vergelding tegen Israël"."""
    found = []
    for child in phrase.children:
        aimed = preposition(child) in any_language("target_prepositions")
        if child.dep_.startswith("nmod") and aimed:
            found.extend(
                Argument(a.actor, a.token, conf.TARGET_WITHIN) for a in actor_of(child, resolution)
            )
    return found


def located_in(thing: Token, resolution: Resolution) -> list[Argument]:
    """The state or place a non-actor thing is said to be in ("villages in northern
    Iraq", "doelen in Gaza"): what an attack on the thing hits."""
    if resolution.actor_at(thing) is not None:
        return []
    places = [
        c
        for c in thing.children
        if c.dep_.startswith("nmod") and preposition(c) in ("in", "nabij", "near")
    ]
    # "in het noorden van Irak", "in the north of Iraq": the region's state
    places += [
        g
        for c in places
        if resolution.actor_at(c) is None
        for g in c.children
        if g.dep_.startswith("nmod") and preposition(g) in ("van", "of")
    ]
    return [
        Argument(a.actor, a.token, conf.TARGET_WITHIN)
        for place in places
        for a in actor_of(place, resolution)
        if a.actor.kind in ("State", "City", "Place")
    ]
