"""Who does what a relation noun names, and with whom, where the noun's own
phrase does not say; also a relative clause that carries a relation noun ("de
wapenstilstand die ze met X sloten") and the author of an offer named earlier
("heeft die aanbiedingen afgewezen").

``noun_subjects`` tries these strategies in order, each naming its rule; the
first that applies decides:

1. ``received``: the giver, for the object of a verb of receiving ("kreeg lof van
   Japan"; ``noun.received``, the receiver the object)
2. ``named_set``: the pair or set the noun names ("Sino-Indian talks"; ``noun``)
3. ``own_doer``: its possessor, demonym or "van" phrase ("de Israëlische aanval"; ``noun``)
4. ``sought``: the owner of the bid it completes ("Serbia's membership bid"; ``noun.sought``)
5. ``light_verb``: the subject of the verb it is the object of ("Kim beloofde
   steun"; ``noun.light_verb``)
6. ``member_never_guessed``: no one for a membership (``noun``)
7. ``reported``: the subject of the clause that reports it ("liet zien dat de banden
   ..."; ``noun.reported``)
8. ``nearest``: the nearest actor before it (``noun.nearest``)
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from kg.extract import confidence as conf
from kg.extract import rules
from kg.extract.arguments import (
    PLACE_KINDS,
    Argument,
    actor_of,
    is_relative_pronoun,
    owner_of,
    preposition,
    with_preposition,
)
from kg.extract.sites import Found
from kg.extract.subjects import subjects_of
from kg.lexicon import Lexicon, Predicate, load_lexicon
from kg.profiles import any_language, profile
from kg.resolve import Resolution

#: A strategy: what it finds, or None where it does not apply.
NounStrategy = Callable[[Token, Predicate, Resolution, str, Lexicon], Found | None]
#: Prepositions of a place where something happens, not of who does it.


def relative_light_verb(noun: Token) -> tuple[Token, Token] | None:
    """The verb of a relative clause on a relation noun that has the noun as its
    object, and the one who does it: "de wapenstilstand die ze met X hadden
    gesloten", "the truce they had agreed with X". Dutch leaves open which of
    "die" and the name is the subject ("die Egypte had gesloten"); a relation noun
    is the thing done, so the name is. Their prepositional objects are the noun's."""
    for clause in noun.children:
        if clause.dep_ != "acl:relcl" or clause.pos_ != "VERB":
            continue
        core = [c for c in clause.children if c.dep_ in ("nsubj", "obj")]
        doers = [c for c in core if not is_relative_pronoun(c)]
        if len(doers) == 1 and (len(core) == 1 or any(is_relative_pronoun(c) for c in core)):
            return clause, doers[0]
    return None


def _governed(noun: Token) -> bool:
    """The object of a verb ("beloofde steun", "kreeg lof")."""
    return noun.dep_ == "obj" and noun.head.pos_ in ("VERB", "AUX")


def received(
    noun: Token, predicate: Predicate, resolution: Resolution, lang: str, lexicon: Lexicon
) -> Found | None:
    """The object of a verb of receiving ("kreeg lof van Japan", "received praise
    from Biden"): the giver ("van"/"from" on the noun or the verb) does it, to the
    verb's subject."""
    head = noun.head
    if not _governed(noun) or not lexicon.is_receive(lang, head.lemma_):
        return None
    sources = tuple(sorted(any_language("source_prepositions")))
    agents = with_preposition(noun, (*profile(lang).of_prepositions, *sources))
    agents += with_preposition(head, sources)
    givers = [a for t in agents for a in actor_of(t, resolution)]
    return Found(rules.NOUN_RECEIVED, givers, subjects_of(head, resolution, lang))


def named_set(
    noun: Token, predicate: Predicate, resolution: Resolution, lang: str, lexicon: Lexicon
) -> Found | None:
    """The pair or set the noun names: "Sino-Indian talks", "de Grieks-Turkse
    betrekkingen", "hun gesprekken", or names itself: "het VS-China-akkoord"."""
    if noun.i in resolution.sets:
        return Found(rules.NOUN, actor_of(noun, resolution))
    for child in noun.children:
        if child.dep_ in ("amod", "compound", "nmod:poss", "det") and child.i in resolution.sets:
            return Found(rules.NOUN, actor_of(child, resolution))
    return None


def own_doer(
    noun: Token, predicate: Predicate, resolution: Resolution, lang: str, lexicon: Lexicon
) -> Found | None:
    """The noun's own possessor, demonym or "van" phrase ("de Israëlische aanval",
    "de aanval van Rusland"), unless the "van" phrase is its object slot. It comes
    before the subject of the verb: in "de NAVO veroordeelde de aanval van Rusland"
    Russia attacks."""
    own = owner_of(noun, resolution)
    of = profile(lang).of_prepositions
    if own is None or (preposition(own.token) in of and any(p in of for p in predicate.objects)):
        return None
    return Found(rules.NOUN, [Argument(own.actor, own.token, conf.NOUN_OWN)])


def sought(
    noun: Token, predicate: Predicate, resolution: Resolution, lang: str, lexicon: Lexicon
) -> Found | None:
    """The seeker, where the noun completes a noun of seeking ("Serbia's membership
    bid", "de Macedonische aanvraag voor lidmaatschap")."""
    seeker = _sought_by(noun, resolution, lang, lexicon)
    return None if seeker is None else Found(rules.NOUN_SOUGHT, [seeker])


def light_verb(
    noun: Token, predicate: Predicate, resolution: Resolution, lang: str, lexicon: Lexicon
) -> Found | None:
    """The subject of the verb the noun is the object of ("Kim beloofde steun")."""
    subjects = subjects_of(noun.head, resolution, lang) if _governed(noun) else []
    return Found(rules.NOUN_LIGHT_VERB, subjects) if subjects else None


def member_never_guessed(
    noun: Token, predicate: Predicate, resolution: Resolution, lang: str, lexicon: Lexicon
) -> Found | None:
    """No one: a member is named with its membership, never guessed nearby."""
    return Found(rules.NOUN, []) if predicate.relation == "memberOf" else None


def reported(
    noun: Token, predicate: Predicate, resolution: Resolution, lang: str, lexicon: Lexicon
) -> Found | None:
    """The subject of the clause that reports the noun's clause ("liet zien dat de
    banden ... werden versterkt")."""
    head = noun.head
    if not (noun.dep_.startswith("nsubj") and head.dep_ in ("ccomp", "xcomp")):
        return None
    if head.head.i == head.i:
        return None
    subjects = subjects_of(head.head, resolution, lang)
    if not subjects:
        return None
    return Found(
        rules.NOUN_REPORTED, [Argument(a.actor, a.token, conf.NOUN_REPORTED) for a in subjects]
    )


def nearest(
    noun: Token, predicate: Predicate, resolution: Resolution, lang: str, lexicon: Lexicon
) -> Found | None:
    """The nearest actor before the noun ("steun aan Moskou in de oorlog tegen
    Oekraïne"): a guess."""
    argument = nearest_actor_before(noun, resolution)
    return None if argument is None else Found(rules.NOUN_NEAREST, [argument])


#: The strategies, in the order they are tried.
NOUN_SUBJECT_STRATEGIES: tuple[NounStrategy, ...] = (
    received,
    named_set,
    own_doer,
    sought,
    light_verb,
    member_never_guessed,
    reported,
    nearest,
)


def noun_subjects(
    noun: Token, predicate: Predicate, resolution: Resolution, lang: str, lexicon: Lexicon
) -> Found:
    """Who does what a relation noun names, and the rule that says how it was
    found: the first of ``NOUN_SUBJECT_STRATEGIES`` that finds it, else no one."""
    for strategy in NOUN_SUBJECT_STRATEGIES:
        found = strategy(noun, predicate, resolution, lang, lexicon)
        if found is not None:
            return found
    return Found(rules.NOUN, [])


def _sought_by(noun: Token, resolution: Resolution, lang: str, lexicon: Lexicon) -> Argument | None:
    """The one who seeks what the noun names, where the noun completes a noun of
    seeking ("de Macedonische aanvraag voor lidmaatschap", "Serbia's membership
    bid"): the owner of the bid, application or plan, not the nearest name."""
    head = noun.head
    if head.i == noun.i or head.pos_ != "NOUN" or not noun.dep_.startswith(("nmod", "compound")):
        return None
    if lexicon.modifier(lang, head.lemma_, "head") != "hedge":
        return None
    owner = owner_of(head, resolution)
    return Argument(owner.actor, owner.token, conf.SEEKER) if owner is not None else None


def nearest_actor_before(token: Token, resolution: Resolution) -> Argument | None:
    """The closest actor mentioned before ``token`` in its sentence, passing over
    a place ("pledged in Singapore") and a modifier of another thing ("NATO and
    EU membership with ... the agreement with Greece"), which do nothing."""
    for i in range(token.i - 1, token.sent.start - 1, -1):
        candidate = token.doc[i]
        actor = resolution.metonyms.get(i) or resolution.actor_at(candidate)
        if actor is None or actor.kind in PLACE_KINDS or _locative(candidate):
            continue
        if _modifies_a_thing(candidate, resolution):
            continue
        return Argument(actor, candidate, conf.NOUN_NEAREST)
    return None


def _locative(token: Token) -> bool:
    """A name in a phrase of place: "in Singapore", "te Brussel", "at the UN"."""
    phrase = token
    while phrase.dep_ in ("flat", "compound", "fixed") and phrase.head.i != phrase.i:
        phrase = phrase.head
    return preposition(phrase) in any_language("locative_prepositions")


def _modifies_a_thing(token: Token, resolution: Resolution) -> bool:
    """ "EU" in "EU membership", "Russische" in "Russische gasleveringen": a name
    that modifies a noun which is neither an actor nor an office."""
    while token.dep_ == "conj" and token.head.i < token.i:
        token = token.head  # "NATO and EU membership": as its first conjunct
    head = token.head
    return (
        token.dep_ in ("compound", "amod")
        and head.i > token.i
        and head.pos_ == "NOUN"
        and resolution.actor_at(head) is None
        and head.i not in resolution.roles
    )


def anaphoric_object(
    token: Token, subjects: list[Argument], resolution: Resolution, lang: str
) -> list[Argument]:
    """ "heeft die aanbiedingen afgewezen": an object that is a proposal, offer
    or demand without an author of its own refers to one made earlier in the
    sentence or the one before ("signalen van Trump")."""
    lexicon = load_lexicon()
    taken = {a.actor.key for a in subjects}
    for child in token.children:
        if child.dep_ != "obj" or not lexicon.is_proposal(lang, child.lemma_):
            continue
        sentences = [token.sent]
        if token.sent.start > 0:
            sentences.insert(0, token.doc[token.sent.start - 1].sent)
        for sent in reversed(sentences):
            for other in sent:
                if other.i == child.i or not lexicon.is_proposal(lang, other.lemma_):
                    continue
                owner = owner_of(other, resolution)
                if owner is not None and owner.actor.key not in taken:
                    return [Argument(owner.actor, owner.token, conf.ANAPHORIC_AUTHOR)]
    return []
