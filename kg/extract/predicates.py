"""Relations stated by the words of the lexicon: verbs ("afwijzen") and relation
nouns ("steun aan", "sancties tegen"), with their negation, hedging and dates."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

from kg.dates import clause_dates
from kg.extract import confidence as conf
from kg.extract import rules
from kg.extract.arguments import (
    OF_PREPOSITIONS,
    PLACE_KINDS,
    TARGET_PREPOSITIONS,
    Argument,
    actor_of,
    infinitival,
    owner_of,
    preposition,
    requesting,
    target_within,
    with_preposition,
)
from kg.extract.attribution_words import is_advice, is_populace
from kg.extract.frames import (
    COMPLEMENT_DEPS,
    find_predicates,
    infinitival_complements,
    verb_particles,
)
from kg.extract.nouns import anaphoric_object, noun_subjects, relative_light_verb
from kg.extract.objects import object_slot_empty, objects_of
from kg.extract.participles import participle_arguments
from kg.extract.states import sentence_offsets
from kg.extract.subjects import subjects_of
from kg.extract.withholding import withheld
from kg.gazetteer import load_gazetteer
from kg.lexicon import (
    NO_RELATION,
    Lexicon,
    Predicate,
    names_members,
    normalise,
    verb_lemma_candidates,
)
from kg.records import Actor, Document, Relation
from kg.resolve import Resolution
from kg.resolve.references import names_a_people
from kg.vocab import is_symmetric

BETWEEN = {"tussen", "between"}
#: Relations that answer a proposal: its author requested what is answered.
ANSWERS = frozenset({"agreesWith", "rejects"})
#: What a "bodies" predicate can have as its object.
BODIES = frozenset({"State", "Organization", "Group"})
PLACE_RELATIONS = {"visits", "locatedIn"}
#: The object slot filled from the infinitival complement ("threatened to destroy X").
COMPLEMENT_OBJECT = "xobj"
#: Relations between states: a leader at one end stands for the state when the
#: other end is a state ("Kim ... de banden met China" is North Korea's ties).
STATE_LEVEL = {"cooperatesWith", "allyOf", "atWarWith"}
#: Relations only actors hold with each other, never a region or other place.
BETWEEN_ACTORS = frozenset({"cooperatesWith", "allyOf", "agreesWith", "concedesTo", "memberOf"})
LEADER_ROLES = ("head_of_state", "head_of_government", "leader", "supreme_leader")


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
    # "de aanvraag voor lidmaatschap", "a membership bid": only sought
    if (
        predicate.pos == "NOUN"
        and governor is not None
        and governor.pos_ == "NOUN"
        and lexicon.modifier(lang, governor.lemma_, "head") == "hedge"
    ):
        hedged = True
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
    if _only_asked_or_threatened(token if governor is None else governor, lang, lexicon):
        return  # "urged the EU to impose sanctions", "threatened to attack": not done
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
        rule = rules.VERB_PARTICIPLE
    elif between:
        members = [a for b in between for a in actor_of(b, resolution)]
        rule = rules.NOUN_BETWEEN
        if len(members) >= 2:
            subjects, objects, swap = members[:1], members[1:], False
        else:
            subjects, swap = [], False
    elif predicate.pos in ("VERB", "ADJ"):
        subjects, swap = subjects_of(token, resolution, lang), False
        rule = rules.VERB if predicate.pos == "VERB" else rules.ADJECTIVE
    elif predicate.agent:
        subjects, swap = _agent_subjects(token, resolution), False
        rule = rules.NOUN_AGENT
        # "Turkey's ally Azerbaijan": the owner is the ally's partner; "zijn
        # Tsjechische tegenstander" (a sports rival) says nothing of the state
        partner = predicate.relation in ("allyOf", "cooperatesWith")
        owner = owner_of(token, resolution) if not objects and partner else None
        if owner is not None:
            objects = [owner]  # "Turkey's ally Azerbaijan", "de Russische bondgenoot"
    elif relative is not None:
        subjects, swap = actor_of(relative[1], resolution), False
        rule = rules.NOUN_RELATIVE
    else:
        subjects, swap = noun_subjects(token, predicate, resolution, lang, lexicon)
        rule = _noun_rule(token, subjects, resolution, lang)
    if swap:
        # "kreeg lof van Japan", "received praise from Biden": on the noun or the verb
        agents = with_preposition(token, (*OF_PREPOSITIONS.get(lang, ()), "van", "from"))
        agents += with_preposition(token.head, ("van", "from"))
        objects, subjects = subjects, [a for t in agents for a in actor_of(t, resolution)]
        rule = rules.NOUN_RECEIVED
    if predicate.reverse:
        subjects, objects = objects, subjects
    if _place_visits_person(predicate, subjects, objects):
        subjects, objects = objects, subjects
    if subjects and not objects and predicate.pos == "VERB" and "obj" in predicate.objects:
        objects = anaphoric_object(token, subjects, resolution, lang)
        rule = rules.VERB_ANAPHORIC_OBJECT if objects else rule
    if not objects and predicate.pos == "VERB" and "obj" in predicate.objects:
        objects = _bare_objects(token, resolution)
        rule = rules.VERB_BARE_OBJECT if objects else rule
    if not objects and COMPLEMENT_OBJECT in predicate.objects:
        objects = _complement_objects(token, resolution)
        rule = rules.VERB_COMPLEMENT_OBJECT if objects else rule
    pairs = [(s, o) for s in subjects for o in objects]
    if between and len(subjects) == 1 and len(objects) >= 2:
        # "de top tussen Brazilië, Argentinië en Chili": every pair of the parties
        members = subjects + objects
        pairs = [(a, b) for i, a in enumerate(members) for b in members[i + 1 :]]
        rule = rules.derived(rule, rules.PAIRWISE)
    if not objects and _reciprocal_subjects(token, predicate, subjects, governor):
        # "Trump en Kim ontmoetten elkaar", "India en Pakistan sloten een akkoord"
        pairs = [(a, b) for i, a in enumerate(subjects) for b in subjects[i + 1 :]]
        rule = rules.derived(rule, rules.RECIPROCAL)
    # an accord between A and B binds both ways; leaving it ("stapte uit") does not
    stated_pairs = len(pairs)  # those after are the reverse of an accord (rules.MUTUAL)
    accord = predicate.mutual and (
        governor is None or _reversed("agreesWith", governor, lang, lexicon) == "agreesWith"
    )
    if accord and rule == rules.NOUN_NEAREST:
        return  # an accord binds two named parties; one guessed from nearby is no party
    if accord:
        pairs += [(o, s) for s, o in pairs]
    if not pairs or withheld(token, lang):
        return  # "warned there will be no aid for Syria" is a threat (withholding.py)
    negated, hedged = modality(token, governor, predicate, lang, lexicon)
    dates = clause_dates(token, document.date) or [document.date]
    start, end = sentence_offsets(sent, document)
    trigger = token.text if governor is None else f"{governor.text} … {token.text}"
    for n, (subject, obj) in enumerate(pairs):
        relation = predicate.relation_for(obj.actor.kind)
        for changer in _changers(token, governor):
            changed = _reversed(relation, changer, lang, lexicon)
            if changed != relation:
                relation = changed
                break
        if relation == NO_RELATION:
            continue  # "de betrekkingen verslechterden": no cooperation stated
        if obj.owner and _acts_on_relation(token, obj, lang, lexicon):
            continue  # "blocked the recognition of Kosovo": the noun says what happened
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
        if relation in BETWEEN_ACTORS and "Place" in (subject_actor.kind, object_actor.kind):
            continue  # "handelsbetrekkingen met Azië": a region makes no accord or alliance
        if relation == "memberOf" and object_actor.kind not in ("Organization", "Group"):
            continue  # "they were joined by Italy": one joins a body, not a state
        if predicate.events and object_actor.kind != "Event":
            continue  # "took part in NATO's exercises" attends no organisation
        if relation == "retreatsFrom" and _departure(subject, obj):
            continue  # "Pompeo left Pyongyang": a traveller leaves a place
        if obj.owner and relation in ("meets", "visits"):
            continue  # "ontving wapens van Duitsland": one meets no one by a thing of theirs
        if relation == "requests" and (
            (obj.owner and is_populace(obj.token, lang))
            or (names_a_people(obj.token, resolution) and _domestic(subject.actor, obj.actor))
        ):
            continue  # "called on Syrian refugees to come home", an agency "warned the Mexicans"
        confidence = _confidence(predicate, subject, obj, governor)
        rule_of_pair = rule if n < stated_pairs else rules.derived(rule, rules.MUTUAL)
        statements = [(subject_actor, relation, object_actor, negated, hedged, rule_of_pair)]
        request = _request_answered(obj, relation, lang, lexicon)
        if request is not None:
            # "Pyongyang heeft die aanbiedingen afgewezen": Trump had made the offers
            statements.append(
                (
                    object_actor,
                    "requests",
                    subject_actor,
                    False,
                    request == "offer",
                    rules.derived(rule_of_pair, rules.ANSWERED),
                )
            )
        for who, what, whom, is_negated, is_hedged, by_rule in statements:
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
                    rule=by_rule,
                )


def _noun_rule(noun: Token, subjects: list[Argument], resolution: Resolution, lang: str) -> str:
    """Which of ``noun_subjects``' ways found a relation noun's subjects, read off
    where the first stands: in the noun's own phrase (possessor, demonym, "van",
    the pair it names), the owner of the bid it completes, the subject of the verb
    it is the object of, of the clause that reports it, or the nearest actor before
    it. (When those ways become strategies of their own, each should name its rule.)"""
    if not subjects or noun.left_edge.i <= subjects[0].token.i <= noun.right_edge.i:
        return rules.NOUN
    head = noun.head
    first = subjects[0].token
    if head.pos_ == "NOUN" and first.head.i == head.i and first.i != noun.i:
        return rules.NOUN_SOUGHT  # the owner of the bid the noun completes
    if noun.dep_ == "obj" and head.pos_ in ("VERB", "AUX") and subjects_of(head, resolution, lang):
        return rules.NOUN_LIGHT_VERB
    if noun.dep_.startswith("nsubj") and head.dep_ in ("ccomp", "xcomp") and head.head.i != head.i:
        return rules.NOUN_REPORTED
    return rules.NOUN_NEAREST


def _agent_subjects(noun: Token, resolution: Resolution) -> list[Argument]:
    """Who an agent noun names ("voorstander", "ally", "opponent"): the name it
    is in apposition to ("Zaev, een voorstander van ..."), the subject of the
    copula it is the predicate of ("Turkey is an ally of ..."), or the names in
    apposition to it or included in it ("supporters, onder wie Zaev")."""
    if noun.dep_ in ("appos", "parataxis", "list") and noun.head.i < noun.i:
        return actor_of(noun.head, resolution)
    if any(c.dep_ == "cop" for c in noun.children):
        return [a for c in noun.children if c.dep_ == "nsubj" for a in actor_of(c, resolution)]
    # "supporters of the referendum, including Zaev": the parser may hang the
    # members on the noun's own object phrase
    phrases = [noun] + [c for c in noun.children if c.dep_.startswith("nmod")]
    return [
        a
        for phrase in phrases
        for c in phrase.children
        if (phrase is noun and c.dep_ in ("appos", "flat"))
        or (c.dep_.startswith(("nmod", "acl", "appos")) and names_members(c))
        for a in actor_of(c, resolution)
    ]


def _bare_objects(verb: Token, resolution: Resolution) -> list[Argument]:
    """A bare noun phrase labelled ``obl`` after the verb (no preposition) is its
    object misparsed: "riep Rusland op ... te"."""
    return [
        Argument(a.actor, a.token, conf.MISPARSED)
        for c in verb.children
        if c.dep_ == "obl" and c.i > verb.i and not any(g.dep_ == "case" for g in c.children)
        for a in actor_of(c, resolution)
    ]


def _complement_objects(verb: Token, resolution: Resolution) -> list[Argument]:
    """Who a verb's infinitival complement is aimed at, for the slot ``xobj``: its
    object ("dreigde Noord-Korea te vernietigen") or the target of what it does
    ("threatened to impose tariffs on China", "sancties op te leggen aan China")."""
    found = []
    for clause in infinitival_complements(verb):
        objects = [c for c in clause.children if c.dep_ == "obj"]
        direct = [a for c in objects for a in actor_of(c, resolution)]
        # the "on"/"aan" phrase names the target only where the object is a thing
        targets = [
            a
            for c in clause.children
            if c.dep_.startswith("obl") and preposition(c) in TARGET_PREPOSITIONS
            for a in actor_of(c, resolution)
        ]
        within = [a for c in objects for a in target_within(c, resolution)]
        found.extend(direct or within or targets)
    return found


def _departure(subject: Argument, obj: Argument) -> bool:
    """A person leaving a city or place (before metonymy) travels; a retreat is a
    state's, an army's or a party's."""
    return subject.actor.kind == "Person" and obj.actor.kind in PLACE_KINDS


def _changers(token: Token, governor: Token | None) -> list[Token]:
    """Verbs that may change what a relation noun states: the one governing it and
    one modifying it ("relations soured", parsed as a participle of the noun)."""
    if token.pos_ not in ("NOUN", "PROPN"):
        return []
    modifiers = [c for c in token.children if c.dep_ in ("acl", "acl:relcl") and c.pos_ == "VERB"]
    return ([governor] if governor is not None else []) + modifiers


def _acts_on_relation(verb: Token, obj: Argument, lang: str, lexicon: Lexicon) -> bool:
    """Whether a verb's object stands for the owner of a relation noun the verb
    ends or undoes ("blokkeerde de erkenning van Kosovo"): the noun's own reading,
    so changed, is the statement."""
    noun = obj.token.head
    if noun.i == verb.i or noun.head.i != verb.i:
        return False
    return any(
        _reversed(p.relation_for("State"), verb, lang, lexicon) != p.relation_for("State")
        for p in find_predicates(noun, lang, lexicon)
    )


def _only_asked_or_threatened(verb: Token, lang: str, lexicon: Lexicon) -> bool:
    """An infinitival clause that says what a request asks of someone else ("urged
    the EU to impose sanctions", "riep Iran op te onderhandelen") or what a threat
    holds out ("threatened to attack Iran"): the request or the threat is stated,
    not the act."""
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
    # A verb reciprocal by itself ("werkten samen") needs no "elkaar", but then
    # only actors the gazetteer knows: two footballers also work together.
    known = not any(a.actor.key.startswith("new/") for a in subjects)
    return (
        two_way
        and len({a.actor.key for a in subjects}) >= 2
        and ((predicate.reciprocal and known) or object_slot_empty(token, predicate, governor))
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
    particles = []
    if governor.pos_ in ("ADV", "ADP") and governor.head.pos_ == "VERB":
        # "walked away from the deal": the noun hung on the particle
        particles, governor = [governor.lower_], governor.head
    lemmas = [normalise(governor.lemma_), *verb_lemma_candidates(governor.lower_, lang)]
    particles += verb_particles(governor)
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


def _domestic(speaker: Actor, state: Actor) -> bool:
    """Whether ``speaker`` speaks at home in ``state``: a body of it, or one unknown
    ("Het Nationale Centrum voor Rampenpreventie"), which is no foreign power."""
    return speaker.key.startswith("new/") or load_gazetteer().country_of(speaker.key) == state.key


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
    if predicate.pos == "VERB":
        base = conf.VERB
    else:
        base = conf.NOUN_GOVERNED if governor is not None else conf.NOUN_ALONE
    score = base * subject.weight * obj.weight
    for argument in (subject, obj):
        if argument.actor.key.startswith("new/"):
            score *= conf.UNKNOWN_ACTOR
    return round(min(score, conf.CEILING), 2)
