"""Arguments of a predicate: who does it (subjects, passive agents, light-verb
and clause subjects, owners) and to whom (objects, prepositional objects, the
author of an offer), read from a UD parse and robust to its common errors."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from kg.extract import confidence as conf
from kg.gazetteer import load_gazetteer
from kg.lexicon import Predicate, load_lexicon, names_members
from kg.records import Actor
from kg.resolve import Resolution

PASSIVE_SUBJECT = "nsubj:pass"
AGENT_PREPOSITIONS = {"nl": ("door",), "en": ("by",)}
OF_PREPOSITIONS = {"nl": ("van",), "en": ("of",)}
#: Prepositions of a recipient, which a light verb may express as its indirect object.
RECIPIENT_PREPOSITIONS = {"aan", "voor", "to", "for"}
TARGET_PREPOSITIONS = {"tegen", "op", "aan", "jegens", "against", "on", "at", "toward", "towards"}
RELATIVE_PRONOUNS = {"die", "dat", "wie", "welke", "who", "which", "that"}
#: "ontmoetten elkaar", "met elkaar", "met mekaar"; English "each other", "one another"
RECIPROCALS = {"elkaar", "mekaar", "elkander"}
ENGLISH_RECIPROCALS = {("each", "other"), ("one", "another")}
DEMONSTRATIVES = {"die", "dat", "deze", "dit", "those", "these", "that", "this"}
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
            body = load_gazetteer().actors.get(resolution.roles[token.i][1])
            if body is not None:
                arguments.append(Argument(body, token, conf.BODY_OF_OFFICE))
    for child in token.children:
        if child.dep_ != "conj":
            continue
        conjunct = actor_of(child, resolution, depth + 1)
        if not conjunct and child.pos_ == "ADJ" and arguments:
            # "US, French and Turkish forces", parsed as demonyms coordinated
            # with the first name: each names its state
            state = load_gazetteer().actors.get(load_gazetteer().demonym(child.text) or "")
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
    gazetteer = load_gazetteer()
    for child in token.children:
        if child.dep_ in ("nmod:poss", "det") and resolution.actor_at(child):
            return Argument(resolution.actor_at(child), child)  # type: ignore[arg-type]
        if child.dep_ == "amod":
            key = gazetteer.demonym(child.text)
            if key and key in gazetteer.actors:
                return Argument(gazetteer.actors[key], child)
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


def with_preposition(head: Token, prepositions: tuple[str, ...]) -> list[Token]:
    return [
        child
        for child in head.children
        if (child.dep_.startswith(("obl", "nmod")) and preposition(child) in prepositions)
    ]


def _hung_on_root_name(verb: Token, resolution: Resolution) -> bool:
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


def subjects_of(verb: Token, resolution: Resolution, lang: str, seen: int = 0) -> list[Argument]:
    """The subjects of a verb: its own, or those of the verb it is coordinated
    with or controlled by ("Hij lachte ..., beloofde steun", "weigerde te praten")."""
    if is_passive(verb):
        agents = with_preposition(verb, AGENT_PREPOSITIONS.get(lang, ()))
        return [arg for agent in agents for arg in actor_of(agent, resolution)]
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "csubj")]
    if _hung_on_root_name(verb, resolution) and all(c.i > verb.i for c in subjects):
        return [Argument(a.actor, a.token, conf.MISPARSED) for a in actor_of(verb.head, resolution)]
    tried = False
    for child in subjects:
        if len(subjects) > 1 and _after_as(child):
            continue  # "Als NSA stond hij Carter bij": "als NSA" says what he was
        # With two "subjects" ("Rusland viel Oekraïne aan"), the first is the subject.
        if child.dep_ in ("nsubj", "csubj"):
            if (verb.dep_ == "acl:relcl" and "PronType=Rel" in str(child.morph)) or (
                verb.dep_ == "acl:relcl" and child.lower_ in RELATIVE_PRONOUNS
            ):
                # "X, die ... afwees"; "A is een van de landen die B erkenden"
                return copula_subject(verb.head, resolution) or actor_of(verb.head, resolution)
            found = actor_of(child, resolution)
            tried = True
            if found or len(subjects) == 1:
                return found  # of two "subjects" one may be no actor (a misread word)
    if tried:
        return []
    # A subject attached to the auxiliary instead of the verb (a common misparse).
    for aux in verb.children:
        if aux.dep_ == "aux":
            for child in aux.children:
                if child.dep_ == "nsubj":
                    return actor_of(child, resolution)
    # A bare noun phrase labelled obl (no preposition) is a core argument the
    # parser mislabelled: with no subject elsewhere, it is the subject.
    for child in verb.children:
        if child.dep_ == "obl" and not any(c.dep_ == "case" for c in child.children):
            bare = actor_of(child, resolution)
            if bare and child.i < verb.i:
                return [Argument(a.actor, a.token, conf.MISPARSED) for a in bare]
    fronted = fronted_object(verb)
    if fronted is not None:
        return [Argument(a.actor, a.token, conf.MISPARSED) for a in actor_of(fronted, resolution)]
    if verb.dep_ == "acl:relcl" or verb.dep_ == "acl":
        return copula_subject(verb.head, resolution) or actor_of(verb.head, resolution)
    # "urged the EU to impose sanctions", "riep de EU op om sancties in te
    # stellen": what one is asked to do, the one asked is to do (object control)
    if verb.dep_ in ("xcomp", "ccomp", "advcl", "acl") and infinitival(verb):
        asked = addressees(verb.head, lang) if requesting(verb.head, lang) else []
        if asked:
            return [a for t in asked for a in actor_of(t, resolution)]
    # A verb without a subject of its own shares that of the verb it is
    # coordinated or juxtaposed with ("Hij lachte mee, beloofde steun").
    controlled = verb.dep_ in ("conj", "xcomp", "parataxis") or (
        verb.dep_ in ("ccomp", "advcl") and infinitival(verb)
    )
    if verb.dep_ == "xcomp" and is_passive(verb.head):
        # "they are expected to sign", "worden geacht te tekenen": the raised subject
        raised = [c for c in verb.head.children if c.dep_ == PASSIVE_SUBJECT]
        if raised:
            return [a for c in raised for a in actor_of(c, resolution)]
    if controlled and verb.head.i != verb.i and seen < 3:
        return subjects_of(verb.head, resolution, lang, seen + 1)
    return []


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


def _after_as(token: Token) -> bool:
    """A noun phrase right after "als"/"as": a role, not a participant."""
    first = token.left_edge
    return first.i > 0 and token.doc[first.i - 1].lower_ in ("als", "as")


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


def objects_of(
    token: Token, predicate: Predicate, resolution: Resolution, governor: Token | None
) -> list[Argument]:
    """The objects of a predicate, by the slots the lexicon lists, in order."""
    heads = [token] + ([governor] if governor is not None else [])
    for slot in predicate.objects:
        found: list[Argument] = []
        for head in heads:
            if slot == "ccomp":
                # "waarschuwde dat de EU ...": the one the warning is about
                for clause in token.children:
                    if clause.dep_ == "ccomp" and head.i == token.i:
                        for child in clause.children:
                            if child.dep_.startswith("nsubj"):
                                found.extend(
                                    Argument(a.actor, a.token, conf.CLAUSE_SUBJECT)
                                    for a in actor_of(child, resolution)
                                )
                continue
            if slot == "compound":
                # "NATO membership", "het EU-lidmaatschap": the body in the noun's compound
                if head.i != token.i:
                    continue
                for child in token.children:
                    if child.dep_ == "compound":
                        found.extend(actor_of(child, resolution))
                if "-" in token.text and token.i in resolution.modifiers:
                    found.append(Argument(resolution.modifiers[token.i], token, conf.COMPOUND_BODY))
                continue
            if slot in ("obj", "iobj"):
                if head.i != token.i:
                    continue
                deps = ("obj", "iobj") if slot == "obj" else ("iobj",)
                if is_passive(token):
                    deps = (PASSIVE_SUBJECT,)
                fronted = fronted_object(token)
                for child in token.children:
                    if child.dep_ in deps and child != fronted:
                        found.extend(actor_of(child, resolution))
                subjects = [c for c in token.children if c.dep_ == "nsubj"]
                if not found and _hung_on_root_name(token, resolution):
                    for child in subjects:
                        if child.i > token.i:  # "Trump, die ..., loofde Kim"
                            found.extend(actor_of(child, resolution))
                if not found and len(subjects) >= 2:
                    # A misparse common with two names: "Rusland viel Oekraïne aan".
                    for child in subjects[1:]:
                        found.extend(actor_of(child, resolution))
                if not found and token.dep_ == "xcomp" and infinitival(token):
                    # the same on the governing verb: "Blok zegt de ambassadeur op het
                    # matje te roepen", the object read as a second subject of "zegt"
                    outer = [c for c in token.head.children if c.dep_ == "nsubj"]
                    for child in outer[1:]:
                        if child.i < token.i:
                            found.extend(actor_of(child, resolution))
                if not found and predicate.relation_for("State") == "attacks":
                    # "shelled villages in northern Iraq": the place the things hit are in
                    found.extend(
                        a
                        for child in token.children
                        if child.dep_ in deps
                        for a in located_in(child, resolution)
                    )
                if (
                    not found
                    and not is_passive(token)
                    and not any(c.dep_ == "obj" for c in token.children)
                ):
                    # a name after the verb read as its predicate ("recognised
                    # Somaliland", "to visit Pyongyang" as xcomp): the object
                    for child in token.children:
                        if child.dep_ == "xcomp" and child.pos_ == "PROPN" and child.i > token.i:
                            found.extend(actor_of(child, resolution))
            else:
                # The phrase may hang on the verb or, by a common attachment
                # ambiguity, on its object ("withdrew its troops from Mali").
                places = [head] + [c for c in head.children if c.dep_ == "obj"]
                for child in (c for place in places for c in with_preposition(place, (slot,))):
                    actors = actor_of(child, resolution)
                    # "dreigde met vergelding tegen Israël": the target inside the phrase
                    found.extend(actors or target_within(child, resolution))
        if found:
            return found
    if predicate.relation_for("State") == "threatens" and "obj" in predicate.objects:
        # "dreigde (om) Noord-Korea te vernietigen", "threatened to destroy X": the
        # target is the object of what is threatened
        for clause in token.children:
            if clause.dep_ in ("xcomp", "ccomp") and infinitival(clause):
                found.extend(
                    a for c in clause.children if c.dep_ == "obj" for a in actor_of(c, resolution)
                )
        if found:
            return found
    if governor is not None and any(slot in RECIPIENT_PREPOSITIONS for slot in predicate.objects):
        # "zegden Israël militaire steun toe", "legde Hongarije een boete op": the
        # light verb's indirect object receives what the noun names
        for child in _indirect_objects(governor):
            found.extend(actor_of(child, resolution))
    return found


def _indirect_objects(verb: Token) -> list[Token]:
    """A verb's indirect objects, also where the parser labelled one a second
    subject or a bare oblique ("gaf Oekraïne steun": no preposition)."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    return [
        c
        for c in verb.children
        if c.dep_ == "iobj"
        or (c.dep_ == "nsubj" and c != subjects[0])
        or (c.dep_ == "obl" and not any(g.dep_ == "case" for g in c.children) and c.i > verb.i)
    ]


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
    if token.lower_ in RECIPROCALS:
        return True
    previous = token.doc[token.i - 1].lower_ if token.i > 0 else ""
    return (previous, token.lower_) in ENGLISH_RECIPROCALS


def target_within(phrase: Token, resolution: Resolution) -> list[Argument]:
    """Actors a non-actor phrase is aimed at: "vergelding tegen Israël"."""
    found = []
    for child in phrase.children:
        if child.dep_.startswith("nmod") and preposition(child) in TARGET_PREPOSITIONS:
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
