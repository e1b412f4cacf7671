"""Relations stated by the words of the lexicon: verbs ("afwijzen") and relation
nouns ("steun aan", "sancties tegen"), with their negation, hedging and dates."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

from kg.dates import clause_dates
from kg.extract.arguments import (
    OF_PREPOSITIONS,
    PLACE_KINDS,
    Argument,
    actor_of,
    infinitival,
    object_slot_empty,
    objects_of,
    particles_of,
    requesting,
    subjects_of,
    with_preposition,
)
from kg.extract.attribution_words import is_advice
from kg.extract.nouns import anaphoric_object, noun_subjects, relative_light_verb
from kg.extract.participles import participle_arguments
from kg.extract.states import sentence_offsets
from kg.gazetteer import load_gazetteer
from kg.lexicon import Lexicon, Predicate, normalise, verb_lemma_candidates
from kg.records import Actor, Document, Relation
from kg.resolve import Resolution
from kg.vocab import is_symmetric

BETWEEN = {"tussen", "between"}
#: Relations that answer a proposal: its author requested what is answered.
ANSWERS = frozenset({"agreesWith", "rejects"})
#: What a "bodies" predicate can have as its object.
BODIES = frozenset({"State", "Organization", "Group"})
#: Compound heads that are mostly figurative: a "woordenoorlog" or "prijzenoorlog"
#: is no war (the lexicon lists "handelsoorlog" itself).
METAPHORICAL_HEADS = frozenset({"oorlog"})
PLACE_RELATIONS = {"visits", "locatedIn"}
#: Relations between states: a leader at one end stands for the state when the
#: other end is a state ("Kim ... de banden met China" is North Korea's ties).
STATE_LEVEL = {"cooperatesWith", "allyOf", "atWarWith"}
LEADER_ROLES = ("head_of_state", "head_of_government", "leader", "supreme_leader")


def find_predicates(token: Token, lang: str, lexicon: Lexicon) -> tuple[Predicate, ...]:
    if token.pos_ in ("VERB", "AUX"):
        raw = token.lemma_.lower()
        lemma = normalise(raw)
        particles = particles_of(token)
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
        for candidate in () if found else verb_lemma_candidates(token.lower_, lang):
            # the lemmatizer slipped on a form the lexicon's verb explains
            found = lexicon.predicate(lang, "VERB", candidate)
            if found:
                break
        return found
    if token.pos_ in ("NOUN", "PROPN"):
        lemma = normalise(token.lemma_)
        found = lexicon.predicate(lang, "NOUN", lemma)
        if not found and lemma.endswith("s"):
            found = lexicon.predicate(lang, "NOUN", lemma[:-1])
        if not found and lang == "nl":
            found = compound_head_predicates(token.lemma_.lower(), lexicon)
        return found
    return ()


def compound_head_predicates(lemma: str, lexicon: Lexicon) -> tuple[Predicate, ...]:
    """A Dutch compound names what its last part names: "droneaanval" and
    "vredes_overeenkomst" are an "aanval" and an "overeenkomst". Where the lemma
    does not mark the parts, the head must be 5 letters or more after 4 or more
    ("verband" is no "band")."""
    if "_" in lemma:
        heads = [lemma.rsplit("_", 1)[1]]
    else:
        heads = [lemma[cut:] for cut in range(4, len(lemma) - 4)]
    for head in heads:
        found = lexicon.predicate("nl", "NOUN", head)
        if found and head not in METAPHORICAL_HEADS:
            return found
    return ()


def modality(
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
    # Asked of someone, not done: "urged the EU to impose sanctions"
    asked = scope[-1]
    if asked.dep_ in ("xcomp", "ccomp", "advcl", "acl") and infinitival(asked):
        # the infinitive may hang on the one asked ("urged the EU to impose")
        asker = asked.head.head if asked.dep_ == "acl" else asked.head
        hedged |= requesting(asker, lang)
    # Governing words: "weigerde te ontmoeten", "is bereid te onderhandelen".
    node = scope[-1]
    for _ in range(2):
        if node.dep_ not in ("xcomp", "ccomp", "advcl") or node.head.i == node.i:
            break
        if node.dep_ == "advcl":
            if any(lexicon.modifier(lang, c.lemma_, "mark") == "hedge" for c in node.children):
                hedged = True
            # "is van plan om ... te bezoeken", "has the intention to": an intention
            # named beside the governing verb
            if any(lexicon.modifier(lang, w.lemma_, "head") == "hedge" for w in _beside(node)):
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


def _beside(clause: Token) -> list[Token]:
    """The words that complete the verb an adverbial clause hangs on ("van plan"
    in "is van plan om ..."), not its subject or the clause itself."""
    verb = clause.head
    words = [c for c in verb.children if c.dep_ in ("compound:prt", "fixed", "obj", "obl")]
    return words + [f for w in words for f in w.children if f.dep_ == "fixed"]


# ---- relations ------------------------------------------------------------


def predicate_relations(
    token: Token,
    predicate: Predicate,
    sent: Span,
    document: Document,
    resolution: Resolution,
    lexicon: Lexicon,
) -> Iterator[Relation]:
    lang = document.lang
    if predicate.pos == "VERB" and _names_something(token, lang, lexicon):
        return  # "called Putin a war criminal" is no phone call (see labels.py)
    governor = token.head if predicate.pos == "NOUN" and token.head.i != token.i else None
    relative = relative_light_verb(token) if predicate.pos == "NOUN" else None
    if relative is not None:
        governor = relative[0]  # "de wapenstilstand die ze met X hadden gesloten"
    if governor is not None and _threatened(governor, lang, lexicon):
        return  # "dreigde met een aanval op": the threat is stated, no attack
    objects = objects_of(token, predicate, resolution, governor)
    between = with_preposition(token, tuple(BETWEEN)) if predicate.pos == "NOUN" else []
    participle = (
        participle_arguments(token, resolution, lang)
        if predicate.pos == "VERB" and "obj" in predicate.objects
        else None
    )
    if participle is not None:
        # "de door Iran gesteunde milities": the noun is the object, the agent the subject
        (subjects, objects), swap = participle, False
    elif between:
        members = [a for b in between for a in actor_of(b, resolution)]
        if len(members) >= 2:
            subjects, objects, swap = members[:1], members[1:], False
        else:
            subjects, swap = [], False
    elif predicate.pos == "VERB":
        subjects, swap = subjects_of(token, resolution, lang), False
    elif relative is not None:
        subjects, swap = actor_of(relative[1], resolution), False
    else:
        subjects, swap = noun_subjects(token, predicate, resolution, lang, lexicon)
    if swap:
        agents = with_preposition(token, OF_PREPOSITIONS.get(lang, ()))
        agents += with_preposition(token.head, ("van", "from"))
        objects, subjects = subjects, [a for t in agents for a in actor_of(t, resolution)]
    if predicate.reverse:
        subjects, objects = objects, subjects
    if _place_visits_person(predicate, subjects, objects):
        subjects, objects = objects, subjects
    if subjects and not objects and predicate.pos == "VERB" and "obj" in predicate.objects:
        objects = anaphoric_object(token, subjects, resolution, lang)
    pairs = [(s, o) for s in subjects for o in objects]
    if between and len(subjects) == 1 and len(objects) >= 2:
        # "de top tussen Brazilië, Argentinië en Chili": every pair of the parties
        members = subjects + objects
        pairs = [(a, b) for i, a in enumerate(members) for b in members[i + 1 :]]
    if not objects and _reciprocal_subjects(token, predicate, subjects, governor):
        # "Trump en Kim ontmoetten elkaar", "India en Pakistan sloten een akkoord"
        pairs = [(a, b) for i, a in enumerate(subjects) for b in subjects[i + 1 :]]
    # an accord between A and B binds both ways; leaving it ("stapte uit") does not
    if predicate.mutual and (
        governor is None or _reversed("agreesWith", governor, lang, lexicon) == "agreesWith"
    ):
        pairs += [(o, s) for s, o in pairs]
    if not pairs:
        return
    negated, hedged = modality(token, governor, predicate, lang, lexicon)
    dates = clause_dates(token, document.date) or [document.date]
    start, end = sentence_offsets(sent, document)
    trigger = token.text if governor is None else f"{governor.text} … {token.text}"
    for subject, obj in pairs:
        relation = predicate.relation_for(obj.actor.kind)
        if governor is not None:
            relation = _reversed(relation, governor, lang, lexicon)
        if relation == "threatens" and is_advice(token, lang) and _tells_to(token, obj):
            relation = "requests"  # "waarschuwde X om weg te blijven": X is to act
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
        if predicate.bodies and object_actor.kind not in BODIES:
            continue  # "stuurde een steekpass naar Sané" is no aid
        if (
            relation == "retreatsFrom"
            and obj.actor.kind in PLACE_KINDS
            and (subject_actor.kind == "Person")
        ):
            continue  # "Pompeo left Pyongyang": a departure (a visit, see locatives.py)
        if obj.owner and relation in ("meets", "visits"):
            continue  # "ontving wapens van Duitsland": one meets no one by a thing of theirs
        confidence = _confidence(predicate, subject, obj, governor)
        statements = [(subject_actor, relation, object_actor, negated, hedged)]
        request = _request_answered(obj, relation, lang, lexicon)
        if request is not None:
            # "Pyongyang heeft die aanbiedingen afgewezen": Trump had made the offers
            statements.append((object_actor, "requests", subject_actor, False, request == "offer"))
        for who, what, whom, is_negated, is_hedged in statements:
            for date in dates:
                yield Relation(
                    doc=document.id,
                    sentence=sent.text.strip(),
                    subject=who,
                    relation=what,
                    object=whom,
                    date=date or None,
                    negated=is_negated,
                    hedged=is_hedged,
                    confidence=confidence,
                    start=start,
                    end=end,
                    trigger=trigger,
                )


def _tells_to(verb: Token, obj: Argument) -> bool:
    """A warning with its addressee and an infinitive the addressee is to carry
    out ("warned X not to intervene", "waarschuwde X om weg te blijven"): advice
    or a demand, not a threat. "threatened to destroy X" (no addressee before the
    infinitive) stays one. The parser may make the addressee the object, a second
    subject, or the subject of the infinitive."""
    complements = [
        c
        for c in verb.children
        if c.dep_ in ("xcomp", "ccomp", "advcl") and infinitival(c) and c.i > obj.token.i
    ]
    if not complements or obj.token.i > verb.i + 3:
        return False
    head = obj.token.head
    if head.i == verb.i:
        subjects = [c for c in verb.children if c.dep_ == "nsubj"]
        return obj.token.dep_ in ("obj", "iobj") or (
            obj.token.dep_ == "nsubj" and subjects[0].i != obj.token.i
        )
    return head in complements and obj.token.dep_ == "nsubj"


def _threatened(governor: Token, lang: str, lexicon: Lexicon) -> bool:
    """Whether the verb governing a relation noun threatens it ("dreigen met")."""
    return governor.pos_ == "VERB" and any(
        p.relation == "threatens" for p in find_predicates(governor, lang, lexicon)
    )


def _request_answered(obj: Argument, relation: str, lang: str, lexicon: Lexicon) -> str | None:
    """ "offer" or "request" when the object of an acceptance or a rejection is the
    author of a proposal, offer or demand ("het Amerikaanse voorstel", "die
    aanbiedingen" of Trump): its author asked whoever answers it."""
    if relation not in ANSWERS:
        return None
    noun = obj.token.head
    if not lexicon.is_proposal(lang, noun.lemma_):
        return None
    return "offer" if lexicon.is_offer(lang, noun.lemma_) else "request"


def _reciprocal_subjects(
    token: Token, predicate: Predicate, subjects: list[Argument], governor: Token | None
) -> bool:
    """Two or more subjects of a predicate that holds between them (meets,
    cooperatesWith, an accord) with nothing else in its object slots."""
    two_way = predicate.mutual or is_symmetric(predicate.relation_for("Person"))
    return (
        two_way
        and len({a.actor.key for a in subjects}) >= 2
        and object_slot_empty(token, predicate, governor)
    )


def _names_something(verb: Token, lang: str, lexicon: Lexicon) -> bool:
    """A verb of naming with what it names someone: "called Putin a war criminal"."""
    if not lexicon.is_naming_verb(lang, verb.lemma_):
        return False
    objects = [c for c in verb.children if c.dep_ == "obj"]
    return len(objects) > 1 or any(c.dep_ == "xcomp" and c.pos_ == "NOUN" for c in verb.children)


def _reversed(relation: str, governor: Token, lang: str, lexicon: Lexicon) -> str:
    """The relation as the governing verb leaves it: ties cut are a sanction
    ("verbrak de banden met"), sanctions eased a concession."""
    lemmas = [normalise(governor.lemma_), *verb_lemma_candidates(governor.lower_, lang)]
    particles = [c.lower_ for c in governor.children if c.dep_ == "compound:prt"]
    # "zegde het verdrag ... op", "pulled out of the deal": with the particle too
    lemmas += [joined for p in particles for lemma in lemmas for joined in (p + lemma, lemma + p)]
    for lemma in lemmas:
        reversed_relation = lexicon.reversal(lang, lemma, relation)
        if reversed_relation:
            return reversed_relation
    return relation


def _place_visits_person(
    predicate: Predicate, subjects: list[Argument], objects: list[Argument]
) -> bool:
    """ "Macron bezocht Moskou" parsed object-verb-subject (Dutch allows it, and the
    parser takes it for unknown names): a city does not visit a person."""
    return (
        predicate.pos == "VERB"
        and predicate.relation_for("City") == "visits"
        and len(subjects) == len(objects) == 1
        and subjects[0].actor.kind in PLACE_KINDS
        and objects[0].actor.kind == "Person"
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
