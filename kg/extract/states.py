"""State relations read off the way actors are named: role nouns (leaderOf,
memberOf), family nouns (childOf), places (locatedIn, visits) and affiliations
("X van de ChristenUnie"). Who attends an event is ``kg.extract.attendance``'s."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

from kg.dates import clause_dates
from kg.extract import confidence as conf
from kg.extract import rules
from kg.extract.arguments import PLACE_KINDS, actor_of, preposition
from kg.extract.subjects import subjects_of
from kg.lexicon import Lexicon, load_lexicon, normalise
from kg.records import Actor, Document, Relation
from kg.resolve import Resolution


def sentence_offsets(sent: Span, document: Document) -> tuple[int, int]:
    """Where the sentence lies in the source file, without the layout around it."""
    text = sent.text
    start = sent.start_char + len(text) - len(text.lstrip())
    end = sent.end_char - (len(text) - len(text.rstrip()))
    return document.source_span(start, end)


def stated(
    sent: Span,
    document: Document,
    subject: Actor,
    relation: str,
    obj: Actor,
    *,
    trigger: str,
    confidence: float,
    rule: str,
    negated: bool = False,
    hedged: bool = False,
    date: str | None = None,
    undated: bool = False,
) -> Relation:
    """A relation the sentence states, at ``date`` or else the article's (none if
    ``undated``: "former president X" held it some time before), by ``rule`` (a name
    of ``kg.extract.rules``)."""
    start, end = sentence_offsets(sent, document)
    return Relation(
        doc=document.id,
        sentence=sent.text.strip(),
        subject=subject,
        relation=relation,
        object=obj,
        date=None if undated else date or document.date,
        negated=negated,
        hedged=hedged,
        confidence=confidence,
        start=start,
        end=end,
        trigger=trigger,
        rule=rule,
    )


def stated_in_clause(
    token: Token, document: Document, subject: Actor, relation: str, obj: Actor, **fields
) -> Iterator[Relation]:
    """``stated`` once for each date the clause of ``token`` names, else at the
    article's date ("in juni 2019 ...", "on Monday")."""
    for date in clause_dates(token, document.date) or [document.date]:
        yield stated(token.sent, document, subject, relation, obj, date=date, **fields)


def own_date(token: Token, document: Document) -> str | None:
    """The date of the clause a name or noun stands in ("On Thursday, French
    President Macron ..."), else None (the article's): a date in the relation's
    own clause beats the article date."""
    clause = token
    while clause.pos_ not in ("VERB", "AUX") and clause.head.i != clause.i:
        clause = clause.head
    found = clause_dates(clause, document.date)
    return found[0] if found else None


def role_relations(
    sent: Span, document: Document, resolution: Resolution, lexicon: Lexicon
) -> Iterator[Relation]:
    """ "de Chinese president Xi Jinping" -> leaderOf; "D66-politicus X" -> memberOf;
    "president Trump" -> leaderOf of the state the gazetteer says he leads."""
    facts = resolution.facts
    for token in sent:
        if token.i not in resolution.roles:
            continue
        role, org_key = resolution.roles[token.i]
        relation = lexicon.roles.get(role)
        if relation == "leaderOf" and token.i in resolution.sets:
            # "the leaders of Turkey and Germany": each leads the state he heads
            yield from _set_leaders(sent, document, resolution, token, lexicon)
            continue
        person = resolution.by_token.get(token.i) or _apposed_person(token, resolution)
        if person is not None and not org_key:
            # "President Trump": the office he holds at the article's date.
            held = facts.roles_of(person.actor.key)
            org_key = next((o for r, o in held if lexicon.roles.get(r) == relation), "")
        org = facts.actor(org_key)
        if relation not in ("leaderOf", "memberOf") or person is None or org is None:
            continue
        if person.actor.key == org.key:
            continue
        if person.actor.kind != "Person" and not (
            relation == "memberOf" and person.actor.kind in ("State", "Organization")
        ):
            continue  # states and bodies are members, never leaders
        # "de Chinese president" alone: the holder is inferred (at the article's
        # date), not named, so the relation is a little less sure
        yield stated(
            sent,
            document,
            person.actor,
            relation,
            org,
            trigger=token.text,
            confidence=conf.ROLE_INFERRED if person.how == "role" else conf.ROLE_NAMED,
            rule=rules.ROLE_INFERRED if person.how == "role" else rules.ROLE_NAMED,
            date=own_date(token, document),
            undated=token.i in resolution.former,
        )


def _apposed_person(role: Token, resolution: Resolution):  # -> Mention | None
    """ "Evo Morales, Bolivia's president", "Roberto Calzadilla, een Boliviaanse
    diplomaat": an office set off by a comma after a person's name is theirs (the
    parser may call it an apposition or a conjunct; not with "en"/"and")."""
    head = role.head
    if role.dep_ not in ("appos", "conj") or head.i >= role.i:
        return None
    if any(c.dep_ == "cc" for c in role.children) or role.left_edge.i == 0:
        return None
    if role.doc[role.left_edge.i - 1].text != ",":
        return None
    mention = resolution.by_token.get(head.i)
    if mention is None or mention.actor.kind != "Person" or mention.how == "role":
        return None
    return mention


def _set_leaders(
    sent: Span, document: Document, resolution: Resolution, token: Token, lexicon: Lexicon
) -> Iterator[Relation]:
    facts = resolution.facts
    for member in resolution.sets[token.i]:
        for role, org in facts.roles_of(member.key):
            state = facts.actor(org)
            if (
                lexicon.roles.get(role) == "leaderOf"
                and state is not None
                and state.kind == "State"
            ):
                yield stated(
                    sent,
                    document,
                    member,
                    "leaderOf",
                    state,
                    trigger=token.text,
                    confidence=conf.ROLE_SET,
                    rule=rules.ROLE_SET,
                )
                break


def kin_relations(
    sent: Span, document: Document, resolution: Resolution, lexicon: Lexicon
) -> Iterator[Relation]:
    """ "zijn vader Kim Jong-il" -> childOf(he, Kim Jong-il)."""
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
        yield stated(
            sent,
            document,
            child,
            "childOf",
            parent,
            trigger=token.text,
            confidence=conf.KIN,
            rule=rules.KIN,
            date=own_date(token, document),
        )


def place_relations(sent: Span, document: Document, resolution: Resolution) -> Iterator[Relation]:
    """A capital named by description ("de Chinese hoofdstad") is in its state;
    a person acting "in" a foreign city visits it."""
    facts = resolution.facts
    for token in sent:
        mention = resolution.by_token.get(token.i)
        if mention is None or mention.actor.kind not in PLACE_KINDS:
            continue
        state = resolution.metonyms.get(token.i)
        if mention.how == "description" and state is not None:
            yield stated(
                sent,
                document,
                mention.actor,
                "locatedIn",
                state,
                trigger=token.text,
                confidence=conf.PLACE_CAPITAL,
                rule=rules.PLACE_CAPITAL,
            )
        elif mention.how == "name" and _after_place_noun(token, document.lang):
            country = facts.actor(facts.country_of(mention.actor.key))
            if country is not None and country.key != mention.actor.key:
                yield stated(
                    sent,
                    document,
                    mention.actor,
                    "locatedIn",
                    country,
                    trigger=token.text,
                    confidence=conf.PLACE_NOUN,
                    rule=rules.PLACE_NOUN,
                )
        if preposition(token) not in ("in", "naar"):
            continue
        clause = token.head
        while clause.pos_ not in ("VERB", "AUX") and clause.head.i != clause.i:
            clause = clause.head
        city_country = facts.country_of(mention.actor.key)
        for subject in subjects_of(clause, resolution, document.lang):
            person = subject.actor
            if person.kind != "Person" or not city_country:
                continue
            home = facts.country_of(person.key)
            if home is None or home == city_country:
                continue  # at home, or unknown to the gazetteer: maybe a local, no visitor
            # the visit is when what happened there happened ("On Monday, he met ... in Beijing")
            for date in clause_dates(clause, document.date) or [document.date]:
                yield stated(
                    sent,
                    document,
                    person,
                    "visits",
                    mention.actor,
                    trigger=token.text,
                    confidence=conf.PLACE_IN_CITY,
                    rule=rules.PLACE_IN_CITY,
                    date=date,
                )


def _after_place_noun(token: Token, lang: str) -> bool:
    """ "de hoofdstad Bamako", "de provincie Xinjiang", "the capital, Bamako":
    a place noun of the lexicon's descriptions right before the name, or set
    off from it by a comma (an apposition)."""
    before = token.i - 2 if token.i >= 2 and token.doc[token.i - 1].text == "," else token.i - 1
    if before < 0:
        return False
    previous = token.doc[before]
    described = load_lexicon().description(lang, previous.lemma_)
    return described is not None and described[0] in PLACE_KINDS


def affiliations(sent: Span, document: Document, resolution: Resolution) -> Iterator[Relation]:
    """ "Diosdado Cabello van de Socialistische Partij", "zijn collega Joël
    Voordewind van de ChristenUnie": a person "of" an organisation is its member."""
    for token in sent:
        org = resolution.actor_at(token)
        if org is None or org.kind not in ("Organization", "Group"):
            continue
        if org.key.startswith("new/") and " " not in org.name:
            continue  # a single unknown name ("Ayr", "Rihanna") may be a town, a person, a club
        if not token.dep_.startswith("nmod") or preposition(token) not in ("van", "of"):
            continue
        head = token.head
        if head.i in resolution.roles:
            continue  # "secretaris-generaal van de NAVO": the role says what he is
        people = [resolution.by_token.get(head.i)]
        people += [
            resolution.by_token.get(c.i) for c in head.children if c.dep_ in ("appos", "flat")
        ]
        for person in people:
            if person is None or person.actor.kind != "Person" or person.how == "role":
                continue
            yield stated(
                sent,
                document,
                person.actor,
                "memberOf",
                org,
                trigger=token.text,
                confidence=conf.AFFILIATION,
                rule=rules.AFFILIATION,
            )
            break


def group_members(
    sent: Span, document: Document, resolution: Resolution, lexicon: Lexicon
) -> Iterator[Relation]:
    """ "De Lima Groep, een vereniging van landen met onder andere Brazilië,
    Argentinië en Mexico": the states named in a grouping noun's phrase in
    apposition to an organisation are its members."""
    for token in sent:
        group = resolution.actor_at(token)
        if group is None or group.kind not in ("Organization", "Group"):
            continue
        for noun in token.children:
            if noun.dep_ != "appos" or not lexicon.is_grouping(document.lang, noun.lemma_):
                continue
            for member in _named_within(noun, resolution):
                if member.kind == "State" and member.key != group.key:
                    yield stated(
                        sent,
                        document,
                        member,
                        "memberOf",
                        group,
                        trigger=noun.text,
                        confidence=conf.GROUP_MEMBERS,
                        rule=rules.GROUP_MEMBERS,
                    )


def _named_within(noun: Token, resolution: Resolution) -> list[Actor]:
    """Actors named in a noun's phrase ("van landen met onder andere X, Y en Z"),
    two prepositional phrases deep at most."""
    found: list[Actor] = []
    layer = [noun]
    for _ in range(2):
        layer = [c for t in layer for c in t.children if c.dep_.startswith("nmod")]
        found += [a.actor for t in layer for a in actor_of(t, resolution)]
    return list({a.key: a for a in found}.values())


def set_memberships(
    sent: Span, document: Document, resolution: Resolution, lexicon: Lexicon
) -> Iterator[Relation]:
    """ "the NATO allies", "de twee EU-lidstaten" for states named before: each is
    a member of the body the noun names, and allies are allies of each other."""
    lang = document.lang
    for token in sent:
        members = [m for m in resolution.sets.get(token.i, ()) if m.kind == "State"]
        if len(members) < 2:
            continue
        # "de NAVO-bondgenoten": the noun after the hyphen (the lemma may join by "_")
        lemma = normalise(token.lemma_.replace("_", "-").rsplit("-", 1)[-1])
        allies = any(p.relation == "allyOf" for p in lexicon.predicate(lang, "NOUN", lemma))
        offices = lexicon.offices.get(lang, {})
        member = offices.get(lemma) == "member" or any(
            c.dep_ == "compound" and offices.get(c.lower_) == "member" for c in token.children
        )  # "lidstaten", "EU member states"
        if not (allies or member):
            continue
        body = _body_named_in(token, resolution)
        for member in members if body is not None else ():
            yield stated(
                sent,
                document,
                member,
                "memberOf",
                body,
                trigger=token.text,
                confidence=conf.SET_BODY,
                rule=rules.SET_BODY,
            )
        for i, first in enumerate(members if allies else ()):
            for second in members[i + 1 :]:
                yield stated(
                    sent,
                    document,
                    first,
                    "allyOf",
                    second,
                    trigger=token.text,
                    confidence=conf.SET_ALLIES,
                    rule=rules.SET_ALLIES,
                )


def _body_named_in(noun: Token, resolution: Resolution) -> Actor | None:
    """The organisation in a noun's compound ("NATO allies", "de NAVO-bondgenoten")
    or its "van"/"of" phrase ("de lidstaten van de EU")."""
    candidates = [resolution.modifiers.get(noun.i)] if "-" in noun.text else []
    compounds = [c for c in noun.children if c.dep_ == "compound"]
    compounds += [g for c in compounds for g in c.children if g.dep_ == "compound"]
    candidates += [resolution.actor_at(c) for c in compounds]  # "EU member states"
    for child in noun.children:
        if child.dep_.startswith("nmod") and preposition(child) in ("van", "of"):
            candidates.append(resolution.actor_at(child))
    return next((a for a in candidates if a is not None and a.kind == "Organization"), None)
