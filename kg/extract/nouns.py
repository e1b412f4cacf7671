"""Who does what a relation noun names, and with whom, where the noun's own
phrase does not say: the possessor or demonym ("de Israëlische aanval"), the
light verb's subject ("Kim beloofde steun"), a relative clause ("de
wapenstilstand die ze met X sloten"), the nearest actor before it, or the
author of an offer named earlier ("heeft die aanbiedingen afgewezen")."""

from __future__ import annotations

from spacy.tokens import Token

from kg.extract import confidence as conf
from kg.extract.arguments import (
    OF_PREPOSITIONS,
    PLACE_KINDS,
    RELATIVE_PRONOUNS,
    Argument,
    actor_of,
    owner_of,
    preposition,
)
from kg.extract.subjects import subjects_of
from kg.lexicon import Lexicon, Predicate, load_lexicon
from kg.resolve import Resolution

#: Prepositions of a place where something happens, not of who does it.
LOCATIVE_PREPOSITIONS = {"in", "te", "at", "near", "nabij"}


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
        doers = [c for c in core if not _relative(c)]
        if len(doers) == 1 and (len(core) == 1 or any(_relative(c) for c in core)):
            return clause, doers[0]
    return None


def _relative(token: Token) -> bool:
    return "PronType=Rel" in str(token.morph) or token.lower_ in RELATIVE_PRONOUNS


def noun_subjects(
    noun: Token, predicate: Predicate, resolution: Resolution, lang: str, lexicon: Lexicon
) -> tuple[list[Argument], bool]:
    """Who does what a relation noun names: its possessor or demonym ("de
    Israëlische aanval") or its "van" phrase, else the subject of the verb it is
    the object of ("Kim beloofde steun"), the subject of the clause that reports
    it ("liet zien dat de banden ... werden versterkt"), or else the nearest actor
    before it ("steun aan Moskou in de oorlog tegen Oekraïne"). The flag says the
    light verb is a verb of receiving ("kreeg steun van"), which swaps the roles."""
    head = noun.head
    governed = noun.dep_ == "obj" and head.pos_ in ("VERB", "AUX")
    if governed and lexicon.is_receive(lang, head.lemma_):
        return subjects_of(head, resolution, lang), True
    # "Sino-Indian talks", "de Grieks-Turkse betrekkingen", "hun gesprekken": the
    # pair or set it names; "het VS-China-akkoord" names it itself
    if noun.i in resolution.sets:
        return actor_of(noun, resolution), False
    for child in noun.children:
        if child.dep_ in ("amod", "compound", "nmod:poss", "det") and child.i in resolution.sets:
            return actor_of(child, resolution), False
    # The noun's own agent comes before the subject of the verb it is the object
    # of: in "de NAVO veroordeelde de aanval van Rusland" Russia attacks.
    own = owner_of(noun, resolution)
    of = OF_PREPOSITIONS.get(lang, ())
    if own is not None and not (
        preposition(own.token) in of and any(p in of for p in predicate.objects)
    ):
        return [Argument(own.actor, own.token, conf.NOUN_OWN)], False
    sought = _sought_by(noun, resolution, lang, lexicon)
    if sought is not None:
        return [sought], False
    if governed:
        subjects = subjects_of(head, resolution, lang)
        if subjects:
            return subjects, False
    if predicate.relation == "memberOf":
        return [], False  # a member is named with its membership, never guessed nearby
    if noun.dep_.startswith("nsubj") and head.dep_ in ("ccomp", "xcomp") and head.head.i != head.i:
        subjects = subjects_of(head.head, resolution, lang)
        if subjects:
            return [Argument(a.actor, a.token, conf.NOUN_REPORTED) for a in subjects], False
    nearest = nearest_actor_before(noun, resolution)
    return ([nearest] if nearest else []), False


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
    return preposition(phrase) in LOCATIVE_PREPOSITIONS


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
