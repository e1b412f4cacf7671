"""References to several actors at once. "Both countries", "the two sides",
"de beide landen", "the allies" and plural pronouns ("they", "ze") stand for
the actors an earlier coordination named ("Peru and Chile ..."); a hyphenated
pair ("Sino-Indian talks", "de Grieks-Turkse betrekkingen") names two parties
itself. The set goes to ``Resolution.sets``, and the relation rules treat it as
coordinated actors (symmetric and reciprocal expansion included)."""

from __future__ import annotations

from spacy.tokens import Token

from kg.gazetteer import Gazetteer
from kg.lexicon import Lexicon
from kg.profiles import any_language, any_language_map, profile
from kg.records import Actor
from kg.resolve.mentions import Resolution
from kg.resolve.names import alias_key

#: What a set may gather: actors that act, not places or events.
SET_KINDS = frozenset({"State", "Organization", "Group", "Person"})
#: How many sentences back a set noun finds its coordination; a pronoun, one.
NOUN_REACH = 2
PRONOUN_REACH = 1
#: Dependents that restrict a plural noun to members it names itself ("the
#: countries of the EU", "de landen die ... erkenden"): no reference back.
RESTRICTIVE = ("nmod", "acl", "appos")


def sets(result: Resolution, gazetteer: Gazetteer, lexicon: Lexicon, lang: str) -> None:
    """Fill ``result.sets``: hyphenated pairs, then set nouns and plural pronouns."""
    pairs(result, gazetteer, lang)
    groups = coordinations(result)
    sentence_of = {t.i: n for n, sent in enumerate(result.doc.sents) for t in sent}
    for token in result.doc:
        if token.i in result.by_token or token.i in result.sets:
            continue
        reach, kind, count = _set_reference(token, lexicon, lang, gazetteer)
        if not reach:
            continue
        here = sentence_of[token.i]
        for end, actors in reversed(groups):
            if end >= token.i:
                continue
            if here - sentence_of[end] > reach:
                break
            if count and len(actors) != count:
                continue
            if kind and any(a.kind != kind for a in actors):
                continue
            if reach == PRONOUN_REACH and any(a.key.startswith("new/") for a in actors):
                continue  # "they" after two unknown names: teams, firms, anyone
            result.sets[token.i] = actors
            groups.append((token.i, actors))  # "they" may refer on to it
            break


def _set_reference(
    token: Token, lexicon: Lexicon, lang: str, gazetteer: Gazetteer
) -> tuple[int, str, int]:
    """How far back ``token`` may refer to a set, the kind its members must be
    ("" for any) and how many there must be (0 for any); reach 0: no set."""
    lower = token.lower_
    if token.pos_ in ("PRON", "DET") and lower in profile(lang).plural_pronouns:
        if lower in ("ze", "zij") and not plural_verb(token):
            return 0, "", 0  # "ze zei": she
        return PRONOUN_REACH, "", 0
    if token.pos_ != "NOUN":
        return 0, "", 0
    # "de NAVO-bondgenoten": a set noun after a hyphen (the lemma may join by "_")
    lemma = token.lemma_.replace("_", "-").rsplit("-", 1)[-1]
    word = token.lower_.rsplit("-", 1)[-1]
    # a noun inflects for number only: a form other than its lemma is plural
    plural = "Number=P" in str(token.morph) or word != lemma.lower()  # Plur, Ptan
    if not plural or not lexicon.described_as(lang, lemma, "set"):
        return 0, "", 0
    kind = lexicon.description(lang, lemma)
    words = [c for c in token.children if c.dep_ in ("det", "nummod", "amod", "advmod")]
    if any(
        c.lower_ in any_language("generic_quantifiers") or gazetteer.demonym(c.text) for c in words
    ):
        return 0, "", 0  # "other countries", "de Europese landen"
    if any(c.dep_.startswith(RESTRICTIVE) for c in token.children):
        return 0, "", 0
    counts = any_language_map("set_counts")
    count = next((counts[c.lower_] for c in words if c.lower_ in counts), 0)
    if not count and not any(c.lower_ in any_language("plural_definites") for c in words):
        return 0, "", 0  # "countries", "two countries": new, not given
    return NOUN_REACH, (kind[0] if kind and kind[0] in SET_KINDS else ""), count


def plural_verb(token: Token) -> bool:
    """Whether the verb of a subject pronoun is plural ("ze zeiden", "zij hebben")."""
    head = token.head
    return "Number=Plur" in str(head.morph) or any(
        "Number=Plur" in str(c.morph) for c in head.children if c.dep_ in ("aux", "cop")
    )


def coordinations(result: Resolution) -> list[tuple[int, tuple[Actor, ...]]]:
    """Coordinated actors ("Peru and Chile", "Trump en Kim") and named pairs, as
    (last token, actors), in text order. Every conjunct must be an actor: "Peru
    and the rest of the world" is no set of known members."""
    groups: dict[int, tuple[Actor, ...]] = {i: a for i, a in result.sets.items()}
    for token in result.doc:
        if token.dep_ == "conj" or not any(c.dep_ == "conj" for c in token.children):
            continue
        conjuncts = _conjuncts(token)
        actors: list[Actor] = []
        # capitals stand for their states as subjects ("Washington and Beijing
        # agreed"), not as places ("visits to Colombo and Jaffna")
        metonyms = result.metonyms if token.dep_.startswith("nsubj") else {}
        for conjunct in conjuncts:
            actor = metonyms.get(conjunct.i) or result.actor_at(conjunct)
            mention = result.by_token.get(conjunct.i)
            if (
                actor is None
                or actor.kind not in SET_KINDS
                or (mention and mention.how == "pronoun")
            ):
                break
            if actor.key.startswith("new/") and actor.kind != "Person":
                break  # an unknown name's kind is a guess: "Kilinochchi" may be a town
            if actor not in actors:
                actors.append(actor)
        else:
            if len(actors) >= 2:
                groups[max(c.i for c in conjuncts)] = tuple(actors)
    return sorted(groups.items())


def _conjuncts(token: Token) -> list[Token]:
    found = [token]
    for child in token.children:
        if child.dep_ == "conj":
            found.extend(_conjuncts(child))
    return found


def pairs(result: Resolution, gazetteer: Gazetteer, lang: str) -> None:
    """Hyphenated pairs of demonyms or names: "Sino-Indian", "Grieks-Turkse",
    "US-China", "US-North Korean" (one token or several, as the tokenizer cut
    them): every part an actor, two or more of them. A part the name finder took
    for a new name ("Sino") is no actor of its own."""
    doc = result.doc
    # the words' texts and spacing once, not a Token object per look
    texts = [t.text for t in doc]
    glued = [not t.whitespace_ for t in doc]
    i = 0
    while i < len(doc):
        end = i + 1
        while end < len(doc) and glued[end - 1] and "-" in (texts[end - 1][-1:] + texts[end][:1]):
            end += 1  # tokens glued around a hyphen: "Sino" "-" "Indian"
        if end == i + 1 and "-" not in texts[i]:
            i = end  # no hyphen, no pair
            continue
        text = doc[i:end].text
        if end < len(doc) and "-" in text:
            # the last part may be two words: "US-North Korean"
            wider = text + " " + doc[end].text
            if gazetteer.demonym(wider.rsplit("-", 1)[1]):
                text, end = wider, end + 1
        actors = _pair_actors(text, gazetteer, lang) if "-" in text else []
        head = text.rsplit("-", 1)[-1]
        if not actors and end == i + 1 and text.count("-") >= 2 and head.islower():
            # a Dutch compound of the parties and a head noun: "het VS-China-akkoord"
            actors = _pair_actors(text.rsplit("-", 1)[0], gazetteer, lang)
        if len(actors) >= 2:
            for token in doc[i:end]:
                mention = result.by_token.get(token.i)
                if mention is not None and mention.how == "new":
                    result.remove(mention)
                result.sets[token.i] = tuple(actors)
        i = end


def _pair_actors(text: str, gazetteer: Gazetteer, lang: str) -> list[Actor]:
    actors: list[Actor] = []
    for part in text.split("-"):
        key = gazetteer.demonym(part) or alias_key(part, gazetteer, lang)
        actor = gazetteer.actors.get(key or "")
        if actor is None or actor.kind not in ("State", "Organization") or actor in actors:
            return []
        actors.append(actor)
    return actors
