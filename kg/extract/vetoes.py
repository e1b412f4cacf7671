"""Vetoes: where the lexicon's predicates state nothing, though a word of the
lexicon and its arguments are there. Each is a named test with the reason it
drops what it drops; ``kg.extract.predicates`` applies them in three places:

``CLAUSE_VETOES``, before any argument is read (the word states no such act):

1. ``names_something``: "called Putin a war criminal" is no phone call (labels.py)
2. ``threat_stated``: "dreigde met een aanval op": the threat is stated, no attack
3. ``only_asked_or_threatened``: "urged the EU to impose sanctions", "threatened to
   attack": the request or threat is stated, not the act
4. ``benefit_withheld``: "warned there will be no aid for Syria" is a threat
   (withholding.py)

``FINDING_VETOES``, on the arguments found:

1. ``guessed_party_to_accord``: an accord binds two named parties; one guessed
   from nearby is no party

``PAIR_VETOES``, on each subject and object paired:

1. ``no_relation``: "de betrekkingen verslechterden": no cooperation stated
2. ``relation_acted_on``: "blocked the recognition of Kosovo": the noun says what happened
3. ``same_actor``: an actor does nothing to itself (a leader and his state)
4. ``not_between_states``: a relation only states hold with states
5. ``aid_to_no_body``: "stuurde een steekpass naar Sané" is no aid
6. ``place_as_partner``: "handelsbetrekkingen met Azië": a region makes no accord or alliance
7. ``member_of_no_body``: "they were joined by Italy": one joins a body, not a state
8. ``attends_no_event``: "took part in NATO's exercises" attends no organisation
9. ``traveller_leaves``: "Pompeo left Pyongyang": a traveller leaves a place
10. ``met_through_a_thing``: "ontving wapens van Duitsland": one meets no one by a
    thing of theirs
11. ``request_to_own_people``: "called on Syrian refugees to come home", an agency
    "warned the Mexicans": a request of a people, or of one's own, is no foreign one
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from kg.extract import rules
from kg.extract.arguments import PLACE_KINDS, infinitival
from kg.extract.attribution_words import is_populace
from kg.extract.frames import COMPLEMENT_DEPS, find_predicates
from kg.extract.reversals import binds_both_ways, reversed_relation
from kg.extract.sites import Found, Pair, Site
from kg.extract.withholding import withheld
from kg.lexicon import NO_RELATION, Lexicon
from kg.records import Actor
from kg.resolve import ActorFacts
from kg.resolve.references import names_a_people

#: What a "bodies" predicate can have as its object.
BODIES = frozenset({"State", "Organization", "Group"})
#: Relations only actors hold with each other, never a region or other place.
BETWEEN_ACTORS = frozenset({"cooperatesWith", "allyOf", "agreesWith", "concedesTo", "memberOf"})

ClauseVeto = Callable[[Site], bool]
FindingVeto = Callable[[Site, Found], bool]
PairVeto = Callable[[Site, Pair], bool]


# ---- the clause -------------------------------------------------------------------


def names_something(site: Site) -> bool:
    """A verb of naming with what it names someone: "called Putin a war criminal"."""
    verb = site.token
    if site.predicate.pos != "VERB" or not site.lexicon.is_naming_verb(site.lang, verb.lemma_):
        return False
    objects = [c for c in verb.children if c.dep_ in ("obj", "iobj")]
    return len(objects) > 1 or any(_predicative_noun(c) for c in verb.children)


def _predicative_noun(child: Token) -> bool:
    """What someone is called: "a criminal" as xcomp, or "a friend" as a bare noun
    phrase ("obl:unmarked"), which unlike "Sunday" has an article or possessor."""
    if child.pos_ != "NOUN":
        return False
    if child.dep_ == "xcomp":
        return True
    return child.dep_ == "obl:unmarked" and any(
        g.dep_ in ("det", "nmod:poss") for g in child.children
    )


def threat_stated(site: Site) -> bool:
    """The verb governing a relation noun threatens it ("dreigen met een aanval")."""
    governor = site.governor
    return (
        governor is not None
        and governor.pos_ == "VERB"
        and any(
            p.relation == "threatens" for p in find_predicates(governor, site.lang, site.lexicon)
        )
    )


def only_asked_or_threatened(site: Site) -> bool:
    """The predicate's clause (a relation noun's: its governor's) says what a
    request asks of someone else or what a threat holds out."""
    clause = site.token if site.governor is None else site.governor
    return _asked_or_threatened(clause, site.lang, site.lexicon)


def _asked_or_threatened(verb: Token, lang: str, lexicon: Lexicon) -> bool:
    """An infinitival clause that says what a request asks of someone else ("urged
    the EU to impose sanctions", "riep Iran op te onderhandelen") or what a threat
    holds out ("threatened to attack Iran")."""
    if verb.dep_ not in COMPLEMENT_DEPS or not infinitival(verb):
        return False
    head = verb.head
    if head.pos_ in ("NOUN", "PROPN") and head.dep_ in ("obj", "iobj"):
        head = head.head  # "urged the EU to ...", the clause hung on the object
    if head.i == verb.i or head.pos_ not in ("VERB", "AUX"):
        return False
    relations = {p.relation for p in find_predicates(head, lang, lexicon)}
    # someone else is asked: an object of the request, or the clause's own subject
    # where the parser made one of it ("warned Greece not to ...")
    asked = any(
        c.dep_ in ("obj", "iobj", "obl", "obl:arg")
        and c.i != verb.i
        and c.pos_ in ("PROPN", "NOUN", "PRON")
        for c in head.children
    ) or any(c.dep_ == "nsubj" for c in verb.children)
    return "threatens" in relations or (asked and "requests" in relations)


def benefit_withheld(site: Site) -> bool:
    """A benefit a warning denies ("no loans for Hungary"): the warner's threat."""
    return withheld(site.token, site.lang)


#: Tried before any argument is read.
CLAUSE_VETOES: tuple[ClauseVeto, ...] = (
    names_something,
    threat_stated,
    only_asked_or_threatened,
    benefit_withheld,
)


# ---- the arguments found -------------------------------------------------------------


def guessed_party_to_accord(site: Site, found: Found) -> bool:
    """An accord binds two named parties; one guessed from nearby is no party."""
    return found.rule == rules.NOUN_NEAREST and binds_both_ways(site)


#: Tried on the arguments found, before they are paired.
FINDING_VETOES: tuple[FindingVeto, ...] = (guessed_party_to_accord,)


# ---- each pair --------------------------------------------------------------------------


def no_relation(site: Site, pair: Pair) -> bool:
    """ "de betrekkingen verslechterden": the noun's relation undone, none stated."""
    return pair.relation == NO_RELATION


def relation_acted_on(site: Site, pair: Pair) -> bool:
    """The object stands for the owner of a relation noun the verb ends or undoes
    ("blokkeerde de erkenning van Kosovo"): the noun's own reading, so changed, is
    the statement."""
    if not pair.obj.owner:
        return False
    verb, noun = site.token, pair.obj.token.head
    if noun.i == verb.i or noun.head.i != verb.i:
        return False
    return any(
        reversed_relation(p.relation_for("State"), verb, site.lang, site.lexicon)
        != p.relation_for("State")
        for p in find_predicates(noun, site.lang, site.lexicon)
    )


def same_actor(site: Site, pair: Pair) -> bool:
    """An actor does nothing to itself (a leader and the state he stands for)."""
    return pair.subject_actor.key == pair.object_actor.key


def not_between_states(site: Site, pair: Pair) -> bool:
    """A predicate that only states hold ("states" in the lexicon) between others."""
    return site.predicate.states and not (
        pair.subject_actor.kind == pair.object_actor.kind == "State"
    )


def aid_to_no_body(site: Site, pair: Pair) -> bool:
    """ "stuurde een steekpass naar Sané" is no aid: a "bodies" predicate's object
    is a state, organisation or group."""
    return site.predicate.bodies and pair.object_actor.kind not in BODIES


def place_as_partner(site: Site, pair: Pair) -> bool:
    """ "handelsbetrekkingen met Azië": a region makes no accord or alliance."""
    kinds = (pair.subject_actor.kind, pair.object_actor.kind)
    return pair.relation in BETWEEN_ACTORS and "Place" in kinds


def member_of_no_body(site: Site, pair: Pair) -> bool:
    """ "they were joined by Italy": one joins a body, not a state."""
    return pair.relation == "memberOf" and pair.object_actor.kind not in ("Organization", "Group")


def attends_no_event(site: Site, pair: Pair) -> bool:
    """ "took part in NATO's exercises" attends no organisation."""
    return site.predicate.events and pair.object_actor.kind != "Event"


def traveller_leaves(site: Site, pair: Pair) -> bool:
    """ "Pompeo left Pyongyang": a person leaving a city or place travels; a retreat
    is a state's, an army's or a party's."""
    return (
        pair.relation == "retreatsFrom"
        and pair.subject.actor.kind == "Person"
        and pair.obj.actor.kind in PLACE_KINDS
    )


def met_through_a_thing(site: Site, pair: Pair) -> bool:
    """ "ontving wapens van Duitsland": one meets no one by a thing of theirs."""
    return pair.obj.owner and pair.relation in ("meets", "visits")


def request_to_own_people(site: Site, pair: Pair) -> bool:
    """ "called on Syrian refugees to come home", an agency "warned the Mexicans": a
    people is asked nothing as a state, nor a state by a body of its own."""
    if pair.relation != "requests":
        return False
    obj = pair.obj
    return (obj.owner and is_populace(obj.token, site.lang)) or (
        names_a_people(obj.token, site.resolution)
        and _domestic(pair.subject.actor, obj.actor, site.resolution.facts)
    )


def _domestic(speaker: Actor, state: Actor, facts: ActorFacts) -> bool:
    """Whether ``speaker`` speaks at home in ``state``: a body of it, or one unknown
    ("Het Nationale Centrum voor Rampenpreventie"), which is no foreign power."""
    return speaker.key.startswith("new/") or facts.country_of(speaker.key) == state.key


#: Tried on each pair, in order.
PAIR_VETOES: tuple[PairVeto, ...] = (
    no_relation,
    relation_acted_on,
    same_actor,
    not_between_states,
    aid_to_no_body,
    place_as_partner,
    member_of_no_body,
    attends_no_event,
    traveller_leaves,
    met_through_a_thing,
    request_to_own_people,
)
