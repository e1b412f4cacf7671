"""Where people are and where places lie, from locative phrases beyond a
visiting verb:

* a known foreign person "in <country>" in a copular clause ("Lula was vorige
  week in China") or where they met or talked ("had in Kenia een ontmoeting met
  Ruto") visits that country (cities are ``states.place_relations``'s);
* leaving or coming back from a foreign place ("He left Pyongyang", "Returning
  from Mombasa, Macron ...") means having been there: a visit;
* stacked locatives ("in Mombasa in Kenya", "in Birkenhead, Merseyside") and a
  place noun with a demonym ("the Kenyan city of Mombasa", "de Keniaanse stad
  Mombasa") say the place lies in the other.

Verbs of leaving are data: ``ontology/lexicon/departures.tsv``.
"""

from __future__ import annotations

import csv
import functools
from collections.abc import Iterator

from spacy.tokens import Span, Token

from kg.dates import clause_dates
from kg.extract import confidence as conf
from kg.extract import rules
from kg.extract.arguments import PLACE_KINDS, preposition
from kg.extract.frames import find_predicates
from kg.extract.states import stated
from kg.extract.subjects import subjects_of
from kg.lexicon import Lexicon, load_lexicon, normalise
from kg.records import Actor, Document, Relation
from kg.resolve import Resolution
from kg.resources import ontology_file

#: Encounters that happen where the people are: "met X in Kenya", "held talks in China".
ENCOUNTERS = frozenset({"meets", "agreesWith", "cooperatesWith", "attends"})
#: Places that hold others: a state, or a region the gazetteer types as a place.
CONTAINERS = frozenset({"State", "Place"})


@functools.cache
def departures() -> dict[tuple[str, str], tuple[str, ...]]:
    """(lang, verb lemma) -> where the place is: "obj" or prepositions."""
    table: dict[tuple[str, str], tuple[str, ...]] = {}
    with ontology_file("lexicon/departures.tsv").open(encoding="utf-8") as handle:
        for row in csv.reader(handle, delimiter="\t"):
            if row and not row[0].startswith("#"):
                table[(row[0], normalise(row[1]))] = tuple(row[2].split(","))
    return table


def is_departure(verb: Token, lang: str) -> bool:
    return (lang, normalise(verb.lemma_)) in departures()


def locative_relations(
    sent: Span, document: Document, resolution: Resolution, lexicon: Lexicon
) -> Iterator[Relation]:
    yield from country_visits(sent, document, resolution, lexicon)
    yield from departure_visits(sent, document, resolution)
    yield from stacked_places(sent, document, resolution)


def country_visits(
    sent: Span, document: Document, resolution: Resolution, lexicon: Lexicon
) -> Iterator[Relation]:
    for token in sent:
        mention = resolution.by_token.get(token.i)
        if mention is None or mention.actor.kind != "State" or preposition(token) != "in":
            continue
        clause = _locative_clause(token, document.lang, lexicon)
        if clause is None:
            continue
        for person in _visitors(clause, mention.actor, resolution, document.lang):
            for date in clause_dates(clause, document.date) or [document.date]:
                yield stated(
                    sent,
                    document,
                    person,
                    "visits",
                    mention.actor,
                    trigger=token.text,
                    confidence=conf.LOCATIVE_VISIT,
                    rule=rules.LOCATIVE_VISIT,
                    date=date,
                )


def _locative_clause(place: Token, lang: str, lexicon: Lexicon) -> Token | None:
    """The clause an "in <country>" phrase locates, where it says where someone
    was: a copular clause ("was in China", "was vorige week in China") or an
    encounter ("had in Kenia een ontmoeting", "met Ruto in Kenya"). Not "the war
    in Ukraine" (the phrase is a noun's) nor "intervened in Syria" (the verb's
    argument)."""
    head = place if any(c.dep_ == "cop" for c in place.children) else place.head
    on_verb = place.dep_.startswith("obl")
    if head.pos_ == "PROPN" and place.dep_ == "nmod" and head.head.pos_ == "VERB":
        # "met Lula in Brazil", the phrase hung on the name: names take no other "in"
        head, on_verb = head.head, True
    if any(c.dep_ == "cop" for c in head.children):
        return head
    if head.pos_ not in ("VERB", "AUX") or not on_verb:
        return None
    words = [head, *(c for c in head.children if c.dep_ == "obj")]
    relations = {
        p.relation_for("Person") for word in words for p in find_predicates(word, lang, lexicon)
    }
    if any("in" in p.objects for p in find_predicates(head, lang, lexicon)):
        return None
    return head if relations & ENCOUNTERS else None


def _visitors(clause: Token, place: Actor, resolution: Resolution, lang: str) -> list[Actor]:
    """Known people of another country than ``place``'s among the clause's subjects."""
    facts = resolution.facts
    country = facts.country_of(place.key)
    found = []
    subjects = subjects_of(clause, resolution, lang)
    if not subjects and "VerbForm=Fin" not in str(clause.morph):
        # "Returning from Mombasa, Macron told ...": a participle without a subject
        # takes the main clause's, wherever the parser hung the two
        main = [clause.head] if clause.head.i != clause.i else []
        main += [c for c in clause.children if c.dep_ in ("parataxis", "advcl")]
        subjects = next((args for m in main if (args := subjects_of(m, resolution, lang))), [])
    for subject in subjects:
        person = subject.actor
        if person.kind != "Person" or country is None:
            continue
        home = facts.country_of(person.key)
        if home is not None and home != country:
            found.append(person)
    return found


def departure_visits(sent: Span, document: Document, resolution: Resolution) -> Iterator[Relation]:
    """ "He left Pyongyang", "keerde terug uit Peking": one had been there."""
    lang = document.lang
    for verb in sent:
        slots = departures().get((lang, normalise(verb.lemma_)))
        if verb.pos_ != "VERB" or not slots:
            continue
        places = [
            c
            for c in verb.children
            if (c.dep_ == "obj" and "obj" in slots)
            or (c.dep_.startswith("obl") and preposition(c) in slots)
        ]
        for place in places:
            actor = resolution.actor_at(place)
            if actor is None or actor.kind not in PLACE_KINDS:
                continue  # "left the EU", "verliet Rusland": a state left is no visit
            for person in _visitors(verb, actor, resolution, lang):
                for date in clause_dates(verb, document.date) or [document.date]:
                    yield stated(
                        sent,
                        document,
                        person,
                        "visits",
                        actor,
                        trigger=verb.text,
                        confidence=conf.LOCATIVE_DEPARTURE,
                        rule=rules.LOCATIVE_DEPARTURE,
                        date=date,
                    )


def stacked_places(sent: Span, document: Document, resolution: Resolution) -> Iterator[Relation]:
    """ "in Mombasa in Kenya", "in Birkenhead, Merseyside", "de Keniaanse stad
    Mombasa": the first place lies in the second."""
    doc = sent.doc
    for token in sent:
        place = resolution.by_token.get(token.i)
        if place is None:
            continue
        # a name the gazetteer does not know, "in" a place: a town ("in Strumica, Macedonia")
        town = place.how == "new" and preposition(doc[place_start(token, resolution)]) in (
            "in",
            "te",
        )
        if not town and (place.actor.kind not in PLACE_KINDS or place.how != "name"):
            continue
        if token.i + 1 < len(doc) and resolution.by_token.get(token.i + 1) is place:
            continue  # not the mention's last word
        if town:
            container = _container_after(token, place.actor, sent, resolution, city=True)
            if container is None or container.kind != "State":
                continue
        else:
            container = _container_after(token, place.actor, sent, resolution) or _demonym_before(
                token, resolution
            )
        if container is None or container.key == place.actor.key:
            continue
        known = resolution.facts.country_of(place.actor.key)
        if container.kind == "State" and known is not None and known != container.key:
            continue  # "Paris, Texas" is no Paris in France; trust only what agrees
        yield stated(
            sent,
            document,
            place.actor,
            "locatedIn",
            container,
            trigger=token.text,
            confidence=conf.LOCATIVE_STACKED,
            rule=rules.LOCATIVE_STACKED,
        )


def place_start(token: Token, resolution: Resolution) -> int:
    """The first word of the mention a word ends."""
    first = token
    while first.i > 0 and resolution.by_token.get(first.i - 1) is resolution.by_token.get(token.i):
        first = token.doc[first.i - 1]
    return first.i


def _container_after(
    token: Token, place: Actor, sent: Span, resolution: Resolution, *, city: bool = False
) -> Actor | None:
    """A state or region right after the place: "in Kenya", or for a city ", Kenya",
    unless a list goes on ("in Afrika, Azië, Afghanistan en ...")."""
    doc = token.doc
    i = token.i + 1
    if i + 1 >= sent.end or doc[i].lower_ not in (",", "in"):
        return None
    if doc[i].text == "," and ((place.kind != "City" and not city) or _listed(token, resolution)):
        return None
    mention = resolution.by_token.get(i + 1)
    if mention is None or mention.actor.kind not in CONTAINERS:
        return None
    end = i + 1
    while end + 1 < sent.end and resolution.by_token.get(end + 1) is mention:
        end += 1
    after = doc[end + 1] if end + 1 < sent.end else None
    if doc[i].text == "," and after is not None:
        following = doc[end + 2] if end + 2 < sent.end else None
        if after.lower_ in ("en", "and", "or", "of") or (
            after.text == "," and following is not None and following.i in resolution.by_token
        ):
            return None  # "in Paris, Kenia en Uganda": a list, not a location
    return mention.actor


def _listed(token: Token, resolution: Resolution) -> bool:
    """Whether a name follows another across a comma: "Rome, Parijs, Kenia"."""
    doc = token.doc
    first = token
    while first.i > 0 and resolution.by_token.get(first.i - 1) is resolution.by_token.get(token.i):
        first = doc[first.i - 1]
    return first.i > 1 and doc[first.i - 1].text == "," and (first.i - 2) in resolution.by_token


def _demonym_before(token: Token, resolution: Resolution) -> Actor | None:
    """ "de Keniaanse (haven)stad Mombasa", "the Kenyan coastal city of Mombasa"."""
    doc = token.doc
    noun = doc[token.i - 1] if token.i > 0 else None
    if noun is not None and noun.lower_ in ("of", "van") and token.i > 1:
        noun = doc[token.i - 2]
    if noun is None or noun.pos_ != "NOUN":
        return None
    described = load_lexicon().description(resolution.document.lang, noun.lemma_)
    if described is None or described[0] not in PLACE_KINDS:
        return None
    for child in noun.children:
        if child.dep_ == "amod" and child.i < noun.i:
            state = resolution.facts.by_demonym(child.text)
            if state is not None and state.kind == "State":
                return state
    return None
