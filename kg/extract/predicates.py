"""Relations stated by the words of the lexicon: verbs ("afwijzen") and relation
nouns ("steun aan", "sancties tegen"), with their dates (negation and hedging:
``kg.extract.modality``).

``predicate_relations`` reads one word of the lexicon in four steps:

1. ``vetoes.CLAUSE_VETOES``: the word states no such act here (a naming verb, a
   threat or a request of the act, a benefit withheld);
2. who and to whom: the first of ``ARGUMENT_STRATEGIES`` that applies, each naming
   its rule (``kg.extract.rules``):

   1. ``participle``: "de door Iran gesteunde milities" (``verb.participle``)
   2. ``between``: "de top tussen A en B" (``noun.between``)
   3. ``verb_or_adjective``: the subjects of the verb (``kg.extract.subjects``;
      ``verb``, ``adjective``)
   4. ``agent_noun``: "Turkey is an ally of ...", "Turkey's ally Azerbaijan" (``noun.agent``)
   5. ``relative_clause``: "de wapenstilstand die ze met X sloten" (``noun.relative``)
   6. ``relation_noun``: the strategies of ``kg.extract.nouns.noun_subjects``

   the objects being those the slots name (``kg.extract.objects``) unless the
   strategy says; then a ``reverse`` predicate and a place "visiting" a person
   swap them, and where no object is found ``OBJECT_FALLBACKS`` are tried in order:
   ``anaphoric_objects`` (``verb.anaphoric_object``), ``bare_objects``
   (``verb.bare_object``), ``complement_objects`` (``verb.complement_object``);
3. ``vetoes.FINDING_VETOES`` on what was found, then the pairs: every subject with
   every object, every pair "between A, B and C" (``+pairwise``) or among the
   subjects of "ontmoetten elkaar" (``+reciprocal``), and an accord both ways
   (``+mutual``);
4. per pair, the relation it states (``relation_of``), ``vetoes.PAIR_VETOES``, and
   the statement with its confidence, plus the request a rejection answers
   (``+answered``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from spacy.tokens import Span, Token

from kg.dates import clause_dates
from kg.extract import confidence as conf
from kg.extract import rules, vetoes
from kg.extract.arguments import (
    PLACE_KINDS,
    Argument,
    actor_of,
    infinitival,
    is_bare,
    owner_of,
    preposition,
    target_within,
    with_preposition,
)
from kg.extract.attribution_words import is_advice
from kg.extract.frames import infinitival_complements
from kg.extract.modality import modality
from kg.extract.nouns import anaphoric_object, noun_subjects, relative_light_verb
from kg.extract.objects import object_slot_empty, objects_of
from kg.extract.participles import participle_arguments
from kg.extract.reversals import binds_both_ways, changers, reversed_relation
from kg.extract.sites import Found, Pair, Site
from kg.extract.states import sentence_offsets
from kg.extract.subjects import subjects_of
from kg.lexicon import Lexicon, Predicate, names_members
from kg.profiles import any_language
from kg.records import Actor, Document, Relation
from kg.resolve import ActorFacts, Resolution
from kg.vocab import is_symmetric

#: Relations that answer a proposal: its author requested what is answered.
ANSWERS = frozenset({"agreesWith", "rejects"})
PLACE_RELATIONS = {"visits", "locatedIn"}
#: The object slot filled from the infinitival complement ("threatened to destroy X").
COMPLEMENT_OBJECT = "xobj"
#: Relations between states: a leader at one end stands for the state when the
#: other end is a state ("Kim ... de banden met China" is North Korea's ties).
STATE_LEVEL = {"cooperatesWith", "allyOf", "atWarWith"}
LEADER_ROLES = ("head_of_state", "head_of_government", "leader", "supreme_leader")

#: A strategy for a predicate's arguments: what it finds, or None where it does not apply.
ArgumentStrategy = Callable[[Site], Found | None]
#: An object fallback: the objects it finds for these subjects.
ObjectFallback = Callable[[Site, list[Argument]], list[Argument]]
#: A statement to make: subject, object and the rule that found them.
Stated = tuple[Argument, Argument, str]


# ---- relations ------------------------------------------------------------


def predicate_relations(
    token: Token,
    predicate: Predicate,
    sent: Span,
    document: Document,
    resolution: Resolution,
    lexicon: Lexicon,
) -> Iterator[Relation]:
    site = site_of(token, predicate, document.lang, resolution, lexicon)
    if any(veto(site) for veto in vetoes.CLAUSE_VETOES):
        return
    found = arguments_of(site)
    if any(veto(site, found) for veto in vetoes.FINDING_VETOES):
        return
    pairs = paired(site, found)
    if not pairs:
        return
    governor = site.governor
    negated, hedged = modality(token, governor, predicate, site.lang, lexicon)
    dates = clause_dates(token, document.date) or [document.date]
    start, end = sentence_offsets(sent, document)
    trigger = token.text if governor is None else f"{governor.text} … {token.text}"
    for subject, obj, rule in pairs:
        pair = pair_of(site, subject, obj)
        if any(veto(site, pair) for veto in vetoes.PAIR_VETOES):
            continue
        confidence = _confidence(predicate, subject, obj, governor)
        for who, what, whom, is_negated, is_hedged, by_rule in _statements(
            site, pair, negated, hedged, rule
        ):
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


def site_of(
    token: Token, predicate: Predicate, lang: str, resolution: Resolution, lexicon: Lexicon
) -> Site:
    """The predicate on ``token`` with the word that governs a relation noun: the
    word it hangs on, or the verb of a relative clause on it ("de wapenstilstand
    die ze met X hadden gesloten")."""
    governor = token.head if predicate.pos == "NOUN" and token.head.i != token.i else None
    relative = relative_light_verb(token) if predicate.pos == "NOUN" else None
    if relative is not None:
        governor = relative[0]
    objects = objects_of(token, predicate, resolution, governor)
    return Site(token, predicate, governor, relative, objects, lang, resolution, lexicon)


# ---- who and to whom ------------------------------------------------------------


def participle(site: Site) -> Found | None:
    """ "de door Iran gesteunde milities": the noun is the object, the agent the subject."""
    if site.predicate.pos != "VERB" or "obj" not in site.predicate.objects:
        return None
    found = participle_arguments(site.token, site.resolution, site.lang)
    return None if found is None else Found(rules.VERB_PARTICIPLE, *found)


def between(site: Site) -> Found | None:
    """ "de top tussen A en B": the first party the subject, the others the objects."""
    if site.predicate.pos != "NOUN":
        return None
    phrases = with_preposition(site.token, tuple(any_language("between_prepositions")))
    if not phrases:
        return None
    members = [a for p in phrases for a in actor_of(p, site.resolution)]
    if len(members) < 2:
        return Found(rules.NOUN_BETWEEN, [])
    return Found(rules.NOUN_BETWEEN, members[:1], members[1:])


def verb_or_adjective(site: Site) -> Found | None:
    """A verb's or an adjective's subjects (``kg.extract.subjects``)."""
    if site.predicate.pos not in ("VERB", "ADJ"):
        return None
    rule = rules.VERB if site.predicate.pos == "VERB" else rules.ADJECTIVE
    return Found(rule, subjects_of(site.token, site.resolution, site.lang))


def agent_noun(site: Site) -> Found | None:
    """An agent noun ("voorstander", "ally") and whom it is said of; a partner's
    owner is the other partner ("Turkey's ally Azerbaijan", "de Russische
    bondgenoot"), though "zijn Tsjechische tegenstander" (a sports rival) says
    nothing of the state."""
    if not site.predicate.agent:
        return None
    subjects = _agent_subjects(site.token, site.resolution)
    partner = site.predicate.relation in ("allyOf", "cooperatesWith")
    owner = owner_of(site.token, site.resolution) if not site.objects and partner else None
    return Found(rules.NOUN_AGENT, subjects, None if owner is None else [owner])


def relative_clause(site: Site) -> Found | None:
    """ "de wapenstilstand die ze met X sloten": the doer of the relative clause."""
    if site.relative is None:
        return None
    return Found(rules.NOUN_RELATIVE, actor_of(site.relative[1], site.resolution))


def relation_noun(site: Site) -> Found | None:
    """A relation noun's subjects, by the strategies of ``noun_subjects``."""
    return noun_subjects(site.token, site.predicate, site.resolution, site.lang, site.lexicon)


#: The strategies, in the order they are tried; ``relation_noun`` always applies.
ARGUMENT_STRATEGIES: tuple[ArgumentStrategy, ...] = (
    participle,
    between,
    verb_or_adjective,
    agent_noun,
    relative_clause,
    relation_noun,
)


def anaphoric_objects(site: Site, subjects: list[Argument]) -> list[Argument]:
    """ "heeft die aanbiedingen afgewezen": the author of an offer made before."""
    if not subjects or not _verb_with_object(site):
        return []
    return anaphoric_object(site.token, subjects, site.resolution, site.lang)


def bare_objects(site: Site, subjects: list[Argument]) -> list[Argument]:
    """A bare noun phrase labelled ``obl`` after the verb (no preposition) is its
    object misparsed: "riep Rusland op ... te"."""
    if not _verb_with_object(site):
        return []
    verb = site.token
    return [
        Argument(a.actor, a.token, conf.MISPARSED)
        for c in verb.children
        if c.dep_ == "obl" and c.i > verb.i and is_bare(c)
        for a in actor_of(c, site.resolution)
    ]


def complement_objects(site: Site, subjects: list[Argument]) -> list[Argument]:
    """Who a verb's infinitival complement is aimed at, for the slot ``xobj``: its
    object ("dreigde Noord-Korea te vernietigen") or the target of what it does
    ("threatened to impose tariffs on China", "sancties op te leggen aan China")."""
    if COMPLEMENT_OBJECT not in site.predicate.objects:
        return []
    resolution = site.resolution
    found = []
    for clause in infinitival_complements(site.token):
        objects = [c for c in clause.children if c.dep_ == "obj"]
        direct = [a for c in objects for a in actor_of(c, resolution)]
        # the "on"/"aan" phrase names the target only where the object is a thing
        targets = [
            a
            for c in clause.children
            if c.dep_.startswith("obl") and preposition(c) in any_language("target_prepositions")
            for a in actor_of(c, resolution)
        ]
        within = [a for c in objects for a in target_within(c, resolution)]
        found.extend(direct or within or targets)
    return found


#: Where no object is found, these are tried in order, each with its rule.
OBJECT_FALLBACKS: tuple[tuple[str, ObjectFallback], ...] = (
    (rules.VERB_ANAPHORIC_OBJECT, anaphoric_objects),
    (rules.VERB_BARE_OBJECT, bare_objects),
    (rules.VERB_COMPLEMENT_OBJECT, complement_objects),
)


def _verb_with_object(site: Site) -> bool:
    return site.predicate.pos == "VERB" and "obj" in site.predicate.objects


def arguments_of(site: Site) -> Found:
    """Who does it and to whom, and the rule that found them."""
    found = next(f for strategy in ARGUMENT_STRATEGIES if (f := strategy(site)) is not None)
    rule, subjects = found.rule, found.subjects
    objects = site.objects if found.objects is None else found.objects
    if site.predicate.reverse:
        subjects, objects = objects, subjects
    if _place_visits_person(site.predicate, subjects, objects):
        subjects, objects = objects, subjects
    for fallback_rule, fallback in OBJECT_FALLBACKS:
        if objects:
            break
        objects = fallback(site, subjects)
        rule = fallback_rule if objects else rule
    return Found(rule, subjects, objects)


def paired(site: Site, found: Found) -> list[Stated]:
    """The statements to make: every subject with every object; every pair of the
    parties "between A, B and C"; each pair among two or more subjects of a two-way
    predicate with nothing in its object slots ("Trump en Kim ontmoetten elkaar");
    and an accord both ways."""
    rule, subjects, objects = found.rule, found.subjects, found.objects or []
    pairs = [(s, o) for s in subjects for o in objects]
    if rule == rules.NOUN_BETWEEN and len(subjects) == 1 and len(objects) >= 2:
        pairs, rule = _every_pair(subjects + objects), rules.derived(rule, rules.PAIRWISE)
    elif not objects and _reciprocal_subjects(site, subjects):
        pairs, rule = _every_pair(subjects), rules.derived(rule, rules.RECIPROCAL)
    stated = [(s, o, rule) for s, o in pairs]
    if binds_both_ways(site):
        stated += [(o, s, rules.derived(rule, rules.MUTUAL)) for s, o in pairs]
    return stated


def _every_pair(members: list[Argument]) -> list[tuple[Argument, Argument]]:
    return [(a, b) for i, a in enumerate(members) for b in members[i + 1 :]]


# ---- each pair ----------------------------------------------------------------------


def relation_of(site: Site, obj: Argument) -> str:
    """The relation the predicate states of this object: by its kind, as a verb
    governing or modifying a relation noun leaves it ("verbrak de banden"), and a
    warning that tells its addressee what to do a request."""
    relation = site.predicate.relation_for(obj.actor.kind)
    for changer in changers(site.token, site.governor):
        changed = reversed_relation(relation, changer, site.lang, site.lexicon)
        if changed != relation:
            relation = changed
            break
    if relation == "threatens" and is_advice(site.token, site.lang) and _tells_to(site.token, obj):
        relation = "requests"  # "waarschuwde X om weg te blijven": X is to act
    return relation


def pair_of(site: Site, subject: Argument, obj: Argument) -> Pair:
    """A subject and an object with the relation they state and the actors the
    statement is about: a capital standing for its state, a leader for his state in
    a relation between states."""
    relation = relation_of(site, obj)
    subject_actor = _as_actor(subject, relation, site.resolution, role="subject")
    object_actor = _as_actor(obj, relation, site.resolution, role="object")
    if relation in STATE_LEVEL:
        subject_actor, object_actor = (
            _state_of_leader(subject_actor, object_actor, site.resolution.facts),
            _state_of_leader(object_actor, subject_actor, site.resolution.facts),
        )
    return Pair(subject, obj, relation, subject_actor, object_actor)


def _statements(
    site: Site, pair: Pair, negated: bool, hedged: bool, rule: str
) -> list[tuple[Actor, str, Actor, bool, bool, str]]:
    """The pair's statement, and the request its author made where a rejection or
    an acceptance answers a proposal ("Pyongyang heeft die aanbiedingen afgewezen":
    Trump had made the offers)."""
    subject, relation, obj = pair.subject_actor, pair.relation, pair.object_actor
    statements = [(subject, relation, obj, negated, hedged, rule)]
    request = _request_answered(pair.obj, relation, site.lang, site.lexicon)
    if request is not None:
        answered = rules.derived(rule, rules.ANSWERED)
        statements.append((obj, "requests", subject, False, request == "offer", answered))
    return statements


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


def _reciprocal_subjects(site: Site, subjects: list[Argument]) -> bool:
    """Two or more subjects of a predicate that holds between them (meets,
    cooperatesWith, an accord) with nothing else in its object slots."""
    token, predicate, governor = site.token, site.predicate, site.governor
    two_way = predicate.mutual or is_symmetric(predicate.relation_for("Person"))
    # A verb reciprocal by itself ("werkten samen") needs no "elkaar", but then
    # only actors the gazetteer knows: two footballers also work together.
    known = not any(a.actor.key.startswith("new/") for a in subjects)
    return (
        two_way
        and len({a.actor.key for a in subjects}) >= 2
        and ((predicate.reciprocal and known) or object_slot_empty(token, predicate, governor))
    )


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


def _state_of_leader(actor: Actor, other: Actor, facts: ActorFacts) -> Actor:
    if actor.kind != "Person" or other.kind != "State":
        return actor
    for role, org in facts.roles_of(actor.key):
        state = facts.actor(org)
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
