"""Relation extraction: dependency patterns over UD parses, driven by the lexicon.

For every word the lexicon knows (a verb such as "afwijzen", a noun such as
"steun"), the subject and object are found through the parse: subjects,
passive agents ("door"), direct and indirect objects, prepositional objects
attached to the word or to the light verb that governs it ("beloofde steun aan
Moskou"), coordination on either side, subjects shared by coordinated or
controlled verbs. Role nouns beside names state leaderOf/memberOf. Negation,
hedging and dates come from the clause.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from kg.dates import clause_tokens, dates_in
from kg.gazetteer import load_gazetteer
from kg.lexicon import Lexicon, Predicate, load_lexicon, normalise
from kg.records import Actor, Document, Relation
from kg.resolve import Resolution
from kg.vocab import is_symmetric

SUBJECT = ("nsubj", "nsubj:pass", "csubj")
PASSIVE_SUBJECT = "nsubj:pass"
AGENT_PREPOSITIONS = {"nl": ("door",), "en": ("by",)}
OF_PREPOSITIONS = {"nl": ("van",), "en": ("of",)}
BETWEEN = {"tussen", "between"}
TARGET_PREPOSITIONS = {"tegen", "op", "aan", "jegens", "against", "on", "at", "toward", "towards"}
RELATIVE_PRONOUNS = {"die", "dat", "wie", "welke", "who", "which", "that"}
DEMONSTRATIVES = {"die", "dat", "deze", "dit", "those", "these", "that", "this"}
PLACE_RELATIONS = {"visits", "locatedIn"}
#: Relations between states: a leader at one end stands for the state when the
#: other end is a state ("Kim ... de banden met China" is North Korea's ties).
STATE_LEVEL = {"cooperatesWith", "allyOf", "atWarWith"}
LEADER_ROLES = ("head_of_state", "head_of_government", "leader", "supreme_leader")
PLACE_KINDS = {"City", "Place"}


@dataclass(frozen=True)
class Argument:
    """An actor filling a slot, and how sure we are it belongs there."""

    actor: Actor
    token: Token
    weight: float = 1.0


def extract(doc: Doc, document: Document, resolution: Resolution) -> list[Relation]:
    """All relations stated in ``doc``, one ``Relation`` per (pair, date)."""
    lexicon = load_lexicon()
    found: dict[tuple, Relation] = {}
    for sent in doc.sents:
        for relation in _sentence_relations(sent, document, resolution, lexicon):
            key = (
                relation.subject.key,
                relation.relation,
                relation.object.key,
                relation.date,
                relation.negated,
                relation.hedged,
                relation.start,
            )
            if key not in found or found[key].confidence < relation.confidence:
                found[key] = relation
    return list(found.values())


def _sentence_relations(
    sent: Span, document: Document, resolution: Resolution, lexicon: Lexicon
) -> Iterator[Relation]:
    lang = document.lang
    for token in sent:
        for predicate in _predicates(token, lang, lexicon):
            yield from _predicate_relations(token, predicate, sent, document, resolution, lexicon)
    yield from _role_relations(sent, document, resolution, lexicon)
    yield from _kin_relations(sent, document, resolution, lexicon)
    yield from _place_relations(sent, document, resolution)
    yield from _affiliations(sent, document, resolution)
    yield from _event_relations(sent, document, resolution, lexicon)


def _predicates(token: Token, lang: str, lexicon: Lexicon) -> tuple[Predicate, ...]:
    if token.pos_ in ("VERB", "AUX"):
        raw = token.lemma_.lower()
        lemma = normalise(raw)
        particles = [c.text.lower() for c in token.children if c.dep_ == "compound:prt"]
        for particle in particles:
            found = lexicon.predicate(lang, "VERB", particle + lemma) or lexicon.predicate(
                lang, "VERB", lemma + particle
            )
            if found:
                return found
        found = lexicon.predicate(lang, "VERB", lemma)
        if not found and "_" in raw and not particles:
            # The treebank lemmatizes "sprak" in "sprak ... uit" as "uit_spreken";
            # without the particle in the sentence it is plain "spreken".
            found = lexicon.predicate(lang, "VERB", raw.rsplit("_", 1)[1])
        return found
    if token.pos_ in ("NOUN", "PROPN"):
        lemma = normalise(token.lemma_)
        found = lexicon.predicate(lang, "NOUN", lemma)
        if not found and lemma.endswith("s"):
            found = lexicon.predicate(lang, "NOUN", lemma[:-1])
        return found
    return ()


# ---- arguments ------------------------------------------------------------


def _actor_of(token: Token, resolution: Resolution, depth: int = 0) -> list[Argument]:
    """The actors a noun phrase headed by ``token`` refers to (conjuncts included)."""
    arguments = []
    actor = resolution.actor_at(token)
    if actor is not None:
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
                        for a in _actor_of(c, resolution, depth + 1)
                    )
    elif depth == 0:
        # A thing owned by an actor: "het Amerikaanse voorstel", "zijn vader".
        owner = _owner(token, resolution)
        if owner is not None:
            arguments.append(Argument(owner.actor, owner.token, 0.7))
    for child in token.children:
        # conjuncts, and the named members of a group: "tien Europeanen, onder wie X"
        if child.dep_ == "conj" or (actor is None and child.dep_ in ("appos", "flat")):
            arguments.extend(_actor_of(child, resolution, depth + 1))
    return arguments


def _owner(token: Token, resolution: Resolution) -> Argument | None:
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
        return Argument(resolution.modifiers[token.i], token, 0.8)
    for child in token.children:
        if (
            child.dep_.startswith("nmod")
            and _preposition(child) in ("van", "of")
            and resolution.actor_at(child)
        ):
            return Argument(resolution.actor_at(child), child)  # type: ignore[arg-type]
    return None


def _preposition(token: Token) -> str:
    for child in token.children:
        if child.dep_ == "case":
            return child.lemma_.lower()
    return ""


def _with_preposition(head: Token, prepositions: tuple[str, ...]) -> list[Token]:
    return [
        child
        for child in head.children
        if (child.dep_.startswith(("obl", "nmod")) and _preposition(child) in prepositions)
    ]


def _subjects(verb: Token, resolution: Resolution, lang: str, seen: int = 0) -> list[Argument]:
    """The subjects of a verb: its own, or those of the verb it is coordinated
    with or controlled by ("Hij lachte ..., beloofde steun", "weigerde te praten")."""
    if _is_passive(verb):
        agents = _with_preposition(verb, AGENT_PREPOSITIONS.get(lang, ()))
        return [arg for agent in agents for arg in _actor_of(agent, resolution)]
    for child in verb.children:
        # With two "subjects" ("Rusland viel Oekraïne aan"), the first is the subject.
        if child.dep_ in ("nsubj", "csubj"):
            if (verb.dep_ == "acl:relcl" and "PronType=Rel" in str(child.morph)) or (
                verb.dep_ == "acl:relcl" and child.lower_ in RELATIVE_PRONOUNS
            ):
                return _actor_of(verb.head, resolution)  # "X, die ... afwees"
            return _actor_of(child, resolution)
    # A subject attached to the auxiliary instead of the verb (a common misparse).
    for aux in verb.children:
        if aux.dep_ == "aux":
            for child in aux.children:
                if child.dep_ == "nsubj":
                    return _actor_of(child, resolution)
    # A bare noun phrase labelled obl (no preposition) is a core argument the
    # parser mislabelled: with no subject elsewhere, it is the subject.
    for child in verb.children:
        if child.dep_ == "obl" and not any(c.dep_ == "case" for c in child.children):
            bare = _actor_of(child, resolution)
            if bare and child.i < verb.i:
                return [Argument(a.actor, a.token, 0.8) for a in bare]
    if verb.dep_ == "acl:relcl" or verb.dep_ == "acl":
        return _actor_of(verb.head, resolution)
    # A verb without a subject of its own shares that of the verb it is
    # coordinated or juxtaposed with ("Hij lachte mee, beloofde steun").
    controlled = verb.dep_ in ("conj", "xcomp", "parataxis") or (
        verb.dep_ in ("ccomp", "advcl") and _infinitival(verb)
    )
    if controlled and verb.head.i != verb.i and seen < 3:
        return _subjects(verb.head, resolution, lang, seen + 1)
    return []


def _infinitival(verb: Token) -> bool:
    """ "(om) te onderhandelen", "to negotiate": takes its subject from its head."""
    return any(c.dep_ == "mark" and c.lower_ in ("te", "om", "to") for c in verb.children)


def _is_passive(verb: Token) -> bool:
    return any(c.dep_ in ("aux:pass", PASSIVE_SUBJECT) for c in verb.children)


def _objects(
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
                                    Argument(a.actor, a.token, 0.7)
                                    for a in _actor_of(child, resolution)
                                )
                continue
            if slot in ("obj", "iobj"):
                if head.i != token.i:
                    continue
                deps = ("obj", "iobj") if slot == "obj" else ("iobj",)
                if _is_passive(token):
                    deps = (PASSIVE_SUBJECT,)
                for child in token.children:
                    if child.dep_ in deps:
                        found.extend(_actor_of(child, resolution))
                subjects = [c for c in token.children if c.dep_ == "nsubj"]
                if not found and len(subjects) >= 2:
                    # A misparse common with two names: "Rusland viel Oekraïne aan".
                    for child in subjects[1:]:
                        found.extend(_actor_of(child, resolution))
            else:
                # The phrase may hang on the verb or, by a common attachment
                # ambiguity, on its object ("withdrew its troops from Mali").
                places = [head] + [c for c in head.children if c.dep_ == "obj"]
                for child in (c for place in places for c in _with_preposition(place, (slot,))):
                    actors = _actor_of(child, resolution)
                    # "dreigde met vergelding tegen Israël": the target inside the phrase
                    found.extend(actors or _target_within(child, resolution))
        if found:
            return found
    return []


def _target_within(phrase: Token, resolution: Resolution) -> list[Argument]:
    """Actors a non-actor phrase is aimed at: "vergelding tegen Israël"."""
    found = []
    for child in phrase.children:
        if child.dep_.startswith("nmod") and _preposition(child) in TARGET_PREPOSITIONS:
            found.extend(Argument(a.actor, a.token, 0.8) for a in _actor_of(child, resolution))
    return found


def _noun_subjects(
    noun: Token, predicate: Predicate, resolution: Resolution, lang: str, lexicon: Lexicon
) -> tuple[list[Argument], bool]:
    """Who does what a relation noun names: the subject of its light verb
    ("Kim beloofde steun"), its possessor or demonym ("de Israëlische aanval"),
    its "van" phrase, the subject of the clause that reports it ("liet zien dat
    de banden ... werden versterkt"), or else the nearest actor before it ("steun
    aan Moskou in de oorlog tegen Oekraïne"). The flag says the light verb is a
    verb of receiving ("kreeg steun van"), which swaps the roles."""
    head = noun.head
    if noun.dep_ == "obj" and head.pos_ in ("VERB", "AUX"):
        if lexicon.is_receive(lang, head.lemma_):
            return _subjects(head, resolution, lang), True
        subjects = _subjects(head, resolution, lang)
        if subjects:
            return subjects, False
    own = _owner(noun, resolution)
    of = OF_PREPOSITIONS.get(lang, ())
    if own is not None and not (
        _preposition(own.token) in of and any(p in of for p in predicate.objects)
    ):
        return [Argument(own.actor, own.token, 0.9)], False
    if noun.dep_.startswith("nsubj") and head.dep_ in ("ccomp", "xcomp") and head.head.i != head.i:
        subjects = _subjects(head.head, resolution, lang)
        if subjects:
            return [Argument(a.actor, a.token, 0.75) for a in subjects], False
    nearest = _nearest_actor_before(noun, resolution)
    return ([nearest] if nearest else []), False


def _nearest_actor_before(token: Token, resolution: Resolution) -> Argument | None:
    """The closest actor mentioned before ``token`` in its sentence."""
    for i in range(token.i - 1, token.sent.start - 1, -1):
        candidate = token.doc[i]
        actor = resolution.metonyms.get(i) or resolution.actor_at(candidate)
        if actor is not None and actor.kind not in PLACE_KINDS:
            return Argument(actor, candidate, 0.65)
    return None


def _anaphoric_object(
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
                owner = _owner(other, resolution)
                if owner is not None and owner.actor.key not in taken:
                    return [Argument(owner.actor, owner.token, 0.6)]
    return []


# ---- flags and dates ------------------------------------------------------


def _flags(
    token: Token, governor: Token | None, predicate: Predicate, lang: str, lexicon: Lexicon
) -> tuple[bool, bool]:
    negated, hedged = predicate.negated, predicate.hedged
    scope = [token] + ([governor] if governor is not None else [])
    for head in scope:
        for child in head.children:
            effect = lexicon.modifier(lang, child.lemma_, "dep")
            if effect is None and child.dep_ == "aux" and "Tense=Past" in str(child.morph):
                effect = lexicon.modifier(lang, child.lemma_, "past")
            if effect is None and child.dep_ == "mark":
                effect = lexicon.modifier(lang, child.lemma_, "mark")
            negated |= effect == "negate"
            hedged |= effect == "hedge"
            # "heeft geen wapens geleverd": a negative determiner on the object
            if child.dep_ == "obj" and child.i != token.i:
                negated |= any(
                    c.dep_ == "det" and lexicon.modifier(lang, c.lemma_, "dep") == "negate"
                    for c in child.children
                )
    # Governing words: "weigerde te ontmoeten", "is bereid te onderhandelen".
    node = scope[-1]
    for _ in range(2):
        if node.dep_ not in ("xcomp", "ccomp", "advcl") or node.head.i == node.i:
            break
        if node.dep_ == "advcl":
            if any(lexicon.modifier(lang, c.lemma_, "mark") == "hedge" for c in node.children):
                hedged = True
            break
        node = node.head
        effect = lexicon.modifier(lang, node.lemma_, "head")
        negated |= effect == "negate"
        hedged |= effect == "hedge"
        for child in node.children:
            if lexicon.modifier(lang, child.lemma_, "dep") == "negate":
                negated = True
    return negated, hedged


# ---- relations ------------------------------------------------------------


def _predicate_relations(
    token: Token,
    predicate: Predicate,
    sent: Span,
    document: Document,
    resolution: Resolution,
    lexicon: Lexicon,
) -> Iterator[Relation]:
    lang = document.lang
    governor = token.head if predicate.pos == "NOUN" and token.head.i != token.i else None
    objects = _objects(token, predicate, resolution, governor)
    between = _with_preposition(token, tuple(BETWEEN)) if predicate.pos == "NOUN" else []
    if between:
        members = [a for b in between for a in _actor_of(b, resolution)]
        if len(members) >= 2:
            subjects, objects, swap = members[:1], members[1:], False
        else:
            subjects, swap = [], False
    elif predicate.pos == "VERB":
        subjects, swap = _subjects(token, resolution, lang), False
    else:
        subjects, swap = _noun_subjects(token, predicate, resolution, lang, lexicon)
    if swap:
        agents = _with_preposition(token, OF_PREPOSITIONS.get(lang, ()))
        agents += _with_preposition(token.head, ("van", "from"))
        objects, subjects = subjects, [a for t in agents for a in _actor_of(t, resolution)]
    if predicate.reverse:
        subjects, objects = objects, subjects
    if subjects and not objects and predicate.pos == "VERB" and "obj" in predicate.objects:
        objects = _anaphoric_object(token, subjects, resolution, lang)
    if not subjects or not objects:
        return
    negated, hedged = _flags(token, governor, predicate, lang, lexicon)
    dates = dates_in(clause_tokens(token), document.date) or [document.date]
    start, end = document.source_span(sent.start_char, sent.end_char)
    trigger = token.text if governor is None else f"{governor.text} … {token.text}"
    for subject in subjects:
        for obj in objects:
            relation = predicate.relation_for(obj.actor.kind)
            subject_actor = _as_actor(subject, relation, resolution, role="subject")
            object_actor = _as_actor(obj, relation, resolution, role="object")
            if relation in STATE_LEVEL:
                subject_actor, object_actor = (
                    _state_of_leader(subject_actor, object_actor, document),
                    _state_of_leader(object_actor, subject_actor, document),
                )
            if subject_actor.key == object_actor.key:
                continue
            if predicate.states and not (subject_actor.kind == object_actor.kind == "State"):
                continue
            confidence = _confidence(predicate, subject, obj, governor)
            for date in dates:
                yield Relation(
                    doc=document.id,
                    sentence=sent.text.strip(),
                    subject=subject_actor,
                    relation=relation,
                    object=object_actor,
                    date=date or None,
                    negated=negated,
                    hedged=hedged,
                    confidence=confidence,
                    start=start,
                    end=end,
                    trigger=trigger,
                )


def _state_of_leader(actor: Actor, other: Actor, document: Document) -> Actor:
    if actor.kind != "Person" or other.kind != "State":
        return actor
    gazetteer = load_gazetteer()
    for role, org in gazetteer.roles_of(actor.key, document.date):
        state = gazetteer.actors.get(org)
        if role in LEADER_ROLES and state is not None and state.kind == "State":
            return state
    return actor


def _as_actor(argument: Argument, relation: str, resolution: Resolution, role: str) -> Actor:
    """A capital standing in an actor's slot is its state (metonymy); as the
    object of a visit or a location it stays the place."""
    if relation in PLACE_RELATIONS and role == "object":
        return argument.actor
    state = resolution.metonyms.get(argument.token.i)
    return state if state is not None else argument.actor


def _confidence(
    predicate: Predicate, subject: Argument, obj: Argument, governor: Token | None
) -> float:
    base = 0.9 if predicate.pos == "VERB" else (0.85 if governor is not None else 0.75)
    score = base * subject.weight * obj.weight
    for argument in (subject, obj):
        if argument.actor.key.startswith("new/"):
            score *= 0.85
    return round(min(score, 0.99), 2)


def _role_relations(
    sent: Span, document: Document, resolution: Resolution, lexicon: Lexicon
) -> Iterator[Relation]:
    """ "de Chinese president Xi Jinping" -> leaderOf; "D66-politicus X" -> memberOf;
    "president Trump" -> leaderOf of the state the gazetteer says he leads."""
    gazetteer = load_gazetteer()
    start, end = document.source_span(sent.start_char, sent.end_char)
    for token in sent:
        if token.i not in resolution.roles:
            continue
        role, org_key = resolution.roles[token.i]
        relation = lexicon.roles.get(role)
        person = resolution.by_token.get(token.i)
        if person is not None and not org_key:
            # "President Trump": the office he holds at the article's date.
            held = gazetteer.roles_of(person.actor.key, document.date)
            org_key = next((o for r, o in held if lexicon.roles.get(r) == relation), "")
        org = gazetteer.actors.get(org_key)
        if relation not in ("leaderOf", "memberOf") or person is None or org is None:
            continue
        if person.actor.kind != "Person":
            continue
        if person.how == "role":
            continue  # "de Chinese president" alone: the holder is inferred, not stated
        yield Relation(
            doc=document.id,
            sentence=sent.text.strip(),
            subject=person.actor,
            relation=relation,
            object=org,
            date=document.date,
            confidence=0.9,
            start=start,
            end=end,
            trigger=token.text,
        )


def _kin_relations(
    sent: Span, document: Document, resolution: Resolution, lexicon: Lexicon
) -> Iterator[Relation]:
    """ "zijn vader Kim Jong-il" -> childOf(he, Kim Jong-il)."""
    start, end = document.source_span(sent.start_char, sent.end_char)
    for token in sent:
        kind = lexicon.kin.get((document.lang, normalise(token.lemma_)))
        if kind is None or token.i in resolution.by_token:
            continue
        owner = next(
            (
                resolution.actor_at(c)
                for c in token.children
                if c.dep_ in ("nmod:poss", "det") and resolution.actor_at(c)
            ),
            None,
        )
        named = next(
            (
                resolution.actor_at(c)
                for c in token.children
                if c.dep_ in ("appos", "flat", "nmod") and resolution.actor_at(c)
            ),
            None,
        )
        if named is None and token.i + 1 < len(token.doc):
            named = resolution.actor_at(token.doc[token.i + 1])
        if owner is None or named is None or owner.key == named.key:
            continue
        if owner.kind != "Person" or named.kind != "Person":
            continue
        child, parent = (owner, named) if kind == "parent" else (named, owner)
        yield Relation(
            doc=document.id,
            sentence=sent.text.strip(),
            subject=child,
            relation="childOf",
            object=parent,
            date=document.date,
            confidence=0.8,
            start=start,
            end=end,
            trigger=token.text,
        )


def _place_relations(sent: Span, document: Document, resolution: Resolution) -> Iterator[Relation]:
    """A capital named by description ("de Chinese hoofdstad") is in its state;
    a person acting "in" a foreign city visits it."""
    gazetteer = load_gazetteer()
    start, end = document.source_span(sent.start_char, sent.end_char)
    for token in sent:
        mention = resolution.by_token.get(token.i)
        if mention is None or mention.actor.kind not in PLACE_KINDS:
            continue
        state = resolution.metonyms.get(token.i)
        base = {
            "doc": document.id,
            "sentence": sent.text.strip(),
            "start": start,
            "end": end,
            "date": document.date,
        }
        if mention.how == "description" and state is not None:
            yield Relation(
                subject=mention.actor,
                relation="locatedIn",
                object=state,
                confidence=0.8,
                trigger=token.text,
                **base,
            )
        elif mention.how == "name" and _after_place_noun(token, document.lang):
            country = gazetteer.actors.get(gazetteer.country_of(mention.actor.key) or "")
            if country is not None and country.key != mention.actor.key:
                yield Relation(
                    subject=mention.actor,
                    relation="locatedIn",
                    object=country,
                    confidence=0.7,
                    trigger=token.text,
                    **base,
                )
        if _preposition(token) not in ("in", "naar"):
            continue
        clause = token.head
        while clause.pos_ not in ("VERB", "AUX") and clause.head.i != clause.i:
            clause = clause.head
        city_country = gazetteer.country_of(mention.actor.key)
        for subject in _subjects(clause, resolution, document.lang):
            person = subject.actor
            if person.kind != "Person" or not city_country:
                continue
            if gazetteer.country_of(person.key) == city_country:
                continue
            yield Relation(
                subject=person,
                relation="visits",
                object=mention.actor,
                confidence=0.6,
                trigger=token.text,
                **base,
            )


def _after_place_noun(token: Token, lang: str) -> bool:
    """ "de hoofdstad Bamako", "de provincie Xinjiang", "the capital Bamako":
    a place noun of the lexicon's descriptions right before the name."""
    if token.i == 0:
        return False
    previous = token.doc[token.i - 1]
    described = load_lexicon().description(lang, previous.lemma_)
    return described is not None and described[0] in PLACE_KINDS


def _affiliations(sent: Span, document: Document, resolution: Resolution) -> Iterator[Relation]:
    """ "Diosdado Cabello van de Socialistische Partij", "zijn collega Joël
    Voordewind van de ChristenUnie": a person "of" an organisation is its member."""
    start, end = document.source_span(sent.start_char, sent.end_char)
    for token in sent:
        org = resolution.actor_at(token)
        if org is None or org.kind not in ("Organization", "Group"):
            continue
        if not token.dep_.startswith("nmod") or _preposition(token) not in ("van", "of"):
            continue
        head = token.head
        people = [resolution.by_token.get(head.i)]
        people += [
            resolution.by_token.get(c.i) for c in head.children if c.dep_ in ("appos", "flat")
        ]
        for person in people:
            if person is None or person.actor.kind != "Person" or person.how == "role":
                continue
            yield Relation(
                doc=document.id,
                sentence=sent.text.strip(),
                subject=person.actor,
                relation="memberOf",
                object=org,
                date=document.date,
                confidence=0.7,
                start=start,
                end=end,
                trigger=token.text,
            )
            break


def _event_relations(
    sent: Span, document: Document, resolution: Resolution, lexicon: Lexicon
) -> Iterator[Relation]:
    """Who attends an event and where it is: "Tijdens de parade in Beijing stond
    Kim naast Xi" (both attend; the parade is in Beijing); "er waren geen leiders
    uit de VS aanwezig" (the US did not attend the event the article is about)."""
    start, end = document.source_span(sent.start_char, sent.end_char)
    base = {
        "doc": document.id,
        "sentence": sent.text.strip(),
        "start": start,
        "end": end,
        "date": document.date,
    }
    for token in sent:
        event = resolution.by_token.get(token.i)
        if event is None or event.actor.kind != "Event":
            continue
        for child in token.children:
            place = resolution.actor_at(child)
            if (
                place is not None
                and place.kind in PLACE_KINDS
                and _preposition(child) in ("in", "te")
            ):
                yield Relation(
                    subject=event.actor,
                    relation="locatedIn",
                    object=place,
                    confidence=0.8,
                    trigger=child.text,
                    **base,
                )
        if lexicon.attendance.get((document.lang, _preposition(token))) != "during":
            continue
        clause = token.head
        while clause.pos_ not in ("VERB", "AUX") and clause.head.i != clause.i:
            clause = clause.head
        for argument in _clause_actors(clause, resolution, document.lang):
            yield Relation(
                subject=argument.actor,
                relation="attends",
                object=event.actor,
                confidence=0.7,
                trigger=token.text,
                **base,
            )
    for token in sent:
        if lexicon.attendance.get((document.lang, token.lemma_.lower())) != "present":
            continue
        event_actor = _latest_event(resolution, token)
        if event_actor is None:
            continue
        for child in token.children:
            if not child.dep_.startswith("nsubj"):
                continue
            negated = any(c.lower_ in ("geen", "no") for c in child.children)
            for argument in _actor_of(child, resolution):
                if argument.actor.kind in ("Person", "State", "Organization"):
                    yield Relation(
                        subject=argument.actor,
                        relation="attends",
                        object=event_actor,
                        negated=negated,
                        confidence=0.6,
                        trigger=token.text,
                        **base,
                    )


def _clause_actors(clause: Token, resolution: Resolution, lang: str) -> list[Argument]:
    """The people and states a clause is about: subjects and their companions."""
    found = list(_subjects(clause, resolution, lang))
    companions = [c for c in clause.children if c.dep_.startswith("obl")]
    # "schouder aan schouder met X": the phrase may hang one level down
    companions += [g for c in companions for g in c.children if g.dep_.startswith("nmod")]
    for child in companions:
        if _preposition(child) in ("met", "with", "naast", "beside", "alongside"):
            found.extend(_actor_of(child, resolution))
    return [a for a in found if a.actor.kind in ("Person", "State")]


def _latest_event(resolution: Resolution, token: Token) -> Actor | None:
    events = [m for m in resolution.mentions if m.actor.kind == "Event" and m.start < token.idx]
    return events[-1].actor if events else None


def symmetric_key(relation: Relation) -> tuple[str, str, str]:
    """(subject, relation, object) with symmetric relations in a fixed order."""
    a, b = relation.subject.key, relation.object.key
    if is_symmetric(relation.relation) and b < a:
        a, b = b, a
    return a, relation.relation, b
