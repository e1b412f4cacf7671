"""Relations stated by what an actor is said to be: predicate nominals ("Portugal
en Brazilië zijn bondgenoten", "Japan is an ally of the US", "Finland is lid van
de NAVO") and offices given by a verb of appointing ("werd benoemd tot premier
van X", "was elected president of X").

Shared things ("een gezamenlijke verklaring van A en B", "a joint exercise")
relate their authors. The nouns and verbs are data (``ontology/lexicon/predicatives.tsv``); offices
and their relation come from the lexicon's roles. Relative clauses on a
predicate nominal ("one of the few countries that recognised X") are handled
where subjects are found (``subjects.copula_subject``).
"""

from __future__ import annotations

import csv
import functools
import re
from collections.abc import Iterator

from spacy.tokens import Span, Token

from kg.dates import clause_dates
from kg.extract import confidence as conf
from kg.extract import rules
from kg.extract.arguments import Argument, actor_of, preposition
from kg.extract.modality import modality
from kg.extract.states import stated, stated_in_clause
from kg.extract.subjects import subjects_of
from kg.lexicon import Lexicon, Predicate, normalise
from kg.profiles import any_language, profile
from kg.records import Actor, Document, Relation
from kg.resolve import Resolution
from kg.resources import ontology_file
from kg.vocab import is_symmetric

#: Who can be allies and partners: states and bodies, not people ("a close ally
#: of Trump" is a political stance the scheme does not annotate as allyOf).
BODIES = ("State", "Organization", "Group")
#: Copulas that a parser may take for the verb of a clause.
#: Where a verb of appointing puts the office: "tot/als premier", "elected president".
OFFICE_DEPS = ("obj", "xcomp", "obl", "obl:arg", "advcl", "oprd")


@functools.cache
def predicatives() -> dict[tuple[str, str, str], str]:
    """(lang, kind, lemma) -> relation (empty for verbs of appointing)."""
    table: dict[tuple[str, str, str], str] = {}
    with ontology_file("lexicon/predicatives.tsv").open(encoding="utf-8") as handle:
        for row in csv.reader(handle, delimiter="\t"):
            if row and not row[0].startswith("#"):
                table[(row[0], row[1], normalise(row[2]))] = row[3] if len(row) > 3 else ""
    return table


def copular_relations(
    sent: Span, document: Document, resolution: Resolution, lexicon: Lexicon
) -> Iterator[Relation]:
    lang = document.lang
    table = predicatives()
    for token in sent:
        if any(c.dep_ == "cop" for c in token.children):
            subjects = [
                a for c in token.children if c.dep_ == "nsubj" for a in actor_of(c, resolution)
            ]
            if not subjects and token.dep_ == "acl:relcl":
                # "Ivanov, die tegen het referendum is": the relative pronoun's antecedent
                subjects = actor_of(token.head, resolution)
            stance = table.get((lang, "adposition", preposition(token)))
            if stance and subjects:
                yield from _stance(token, stance, subjects, document, resolution)
                continue
            if not subjects:
                continue
            # "NAVO-bondgenoten": the part after the hyphen names what they are
            lemma = normalise(token.lemma_)
            relation = table.get((lang, "nominal", lemma)) or table.get(
                (lang, "nominal", normalise(re.split(r"[-_]", token.lemma_)[-1]))
            )
            if relation:
                yield from _nominal(token, relation, subjects, document, resolution, lexicon)
            else:
                yield from _office(token, token, subjects, document, resolution, lexicon)
        elif token.lemma_ in any_language("copulas") and token.pos_ in ("VERB", "AUX"):
            # "Hongarije is tegen Oekraïne" parsed with "is" as the verb and the
            # phrase as its oblique
            for phrase in (c for c in token.children if c.dep_ == "obl"):
                stance = table.get((lang, "adposition", preposition(phrase)))
                if stance:
                    subjects = subjects_of(token, resolution, lang)
                    yield from _stance(phrase, stance, subjects, document, resolution)
        elif token.pos_ == "VERB" and (lang, "appoint", normalise(token.lemma_)) in table:
            appointees = _appointees(token, resolution)
            for office in (c for c in token.children if c.dep_ in OFFICE_DEPS):
                yield from _office(office, token, appointees, document, resolution, lexicon)


def _stance(
    noun: Token,
    relation: str,
    subjects: list[Argument],
    document: Document,
    resolution: Resolution,
) -> Iterator[Relation]:
    """ "Ivanov is tegen het referendum", "Hungary is against the plan of the EU": a
    stance taken by copula and adposition towards an actor or event."""
    objects = actor_of(noun, resolution)
    for subject in subjects:
        for obj in objects:
            if subject.actor.key == obj.actor.key or obj.actor.kind in ("City", "Place"):
                continue
            yield from stated_in_clause(
                noun,
                document,
                subject.actor,
                relation,
                obj.actor,
                trigger=preposition(noun),
                confidence=conf.COPULA_STANCE,
                rule=rules.COPULA_STANCE,
            )


def joint_relations(sent: Span, document: Document, resolution: Resolution) -> Iterator[Relation]:
    """ "een gezamenlijke verklaring van Kim en Trump", "a joint statement issued
    by A and B", "A and B held a joint exercise": the relation among the authors."""
    lang = document.lang
    table = predicatives()
    for noun in sent:
        relation = table.get((lang, "joint", normalise(noun.lemma_)))
        if not relation or not any(
            c.dep_ == "amod" and (lang, "joint", normalise(c.lemma_)) in table
            for c in noun.children
        ):
            continue
        parties = _parties(_authors(noun, resolution, lang), resolution)
        pairs = [(a, b) for i, a in enumerate(parties) for b in parties[i + 1 :]]
        if relation == "agreesWith":
            pairs += [(b, a) for a, b in pairs]
        for subject, obj in pairs:
            if subject.kind not in ("Person", *BODIES) or obj.kind not in ("Person", *BODIES):
                continue
            for date in clause_dates(noun, document.date) or [document.date]:
                yield stated(
                    sent,
                    document,
                    subject,
                    relation,
                    obj,
                    trigger=noun.text,
                    confidence=conf.COPULA_JOINT,
                    rule=rules.COPULA_JOINT,
                    date=date,
                )


def _authors(noun: Token, resolution: Resolution, lang: str) -> list[Argument]:
    """Whose the shared thing is: its "van"/"of"/"door"/"by" phrase, the agent of
    a participle on it ("issued by"), or the subject of the verb it is the object of."""
    by = ("van", "door", "of", "by")
    phrases = [c for c in noun.children if c.dep_.startswith("nmod") and preposition(c) in by]
    phrases += [
        p
        for c in noun.children
        if c.dep_ in ("acl", "amod") and c.pos_ == "VERB"
        for p in c.children
        if p.dep_.startswith("obl") and preposition(p) in by
    ]
    found = [a for p in phrases for a in actor_of(p, resolution)]
    if not found and noun.dep_ == "obj" and noun.head.pos_ == "VERB":
        found = subjects_of(noun.head, resolution, lang)
    return found


def _nominal(
    noun: Token,
    relation: str,
    subjects: list[Argument],
    document: Document,
    resolution: Resolution,
    lexicon: Lexicon,
) -> Iterator[Relation]:
    """ "A en B zijn (NAVO-)bondgenoten", "A is een bondgenoot van B"."""
    partners = [
        a
        for c in noun.children
        if c.dep_ == "nmod:poss"
        or (c.dep_.startswith("nmod") and preposition(c) in profile(document.lang).of_prepositions)
        for a in actor_of(c, resolution)
    ]
    parties = _parties(subjects, resolution)
    pairs = [(s, p) for s in parties for p in _parties(partners, resolution)]
    if not partners and is_symmetric(relation):
        pairs = [(a, b) for i, a in enumerate(parties) for b in parties[i + 1 :]]
    negated, hedged = _modality(noun, relation, document.lang, lexicon)
    dates = clause_dates(noun, document.date) or [document.date]
    sent = noun.sent
    for subject, obj in pairs:
        if subject.key == obj.key or subject.kind not in BODIES or obj.kind not in BODIES:
            continue
        for date in dates:
            yield stated(
                sent,
                document,
                subject,
                relation,
                obj,
                trigger=noun.text,
                confidence=conf.COPULA_NOMINAL,
                rule=rules.COPULA_NOMINAL,
                negated=negated,
                hedged=hedged,
                date=date,
            )
    org = _organisation_modifier(noun, resolution)
    if org is None:
        return
    for member in parties:
        if member.kind == "State":
            for date in dates:
                yield stated(
                    sent,
                    document,
                    member,
                    "memberOf",
                    org,
                    trigger=noun.text,
                    confidence=conf.COPULA_BODY,
                    rule=rules.COPULA_BODY,
                    negated=negated,
                    hedged=hedged,
                    date=date,
                )


def _office(
    office: Token,
    predicate: Token,
    holders: list[Argument],
    document: Document,
    resolution: Resolution,
    lexicon: Lexicon,
) -> Iterator[Relation]:
    """ "X is lid van de NAVO", "werd benoemd tot premier van Y": the holder
    takes the office's relation (roles.tsv) to its organisation or state."""
    if office.i not in resolution.roles:
        return
    mention = resolution.by_token.get(office.i)
    if mention is not None and mention.how != "role":
        return  # "X is president Macron": a name, not an office
    role, org_key = resolution.roles[office.i]
    relation = lexicon.roles.get(role)
    org = resolution.facts.actor(org_key)
    if relation not in ("leaderOf", "memberOf") or org is None:
        return
    negated, hedged = _modality(predicate, relation, document.lang, lexicon)
    dates = clause_dates(predicate, document.date) or [document.date]
    for holder in holders:
        actor = holder.actor
        if actor.key == org.key:
            continue
        if actor.kind != "Person" and not (
            relation == "memberOf"
            and actor.kind in ("State", "Organization")
            and org.kind != "State"
        ):
            continue  # a state is a member of a body, never a leader
        for date in dates:
            yield stated(
                office.sent,
                document,
                actor,
                relation,
                org,
                trigger=office.text,
                confidence=conf.COPULA_OFFICE,
                rule=rules.COPULA_OFFICE,
                negated=negated,
                hedged=hedged,
                date=date,
                undated=office.i in resolution.former,  # "was de vorige president"
            )


def _appointees(verb: Token, resolution: Resolution) -> list[Argument]:
    """Who is appointed: the passive subject, or the object that is an actor."""
    for deps in (("nsubj:pass",), ("obj", "iobj")):
        found = [
            a
            for c in verb.children
            if c.dep_ in deps and c.i not in resolution.roles
            for a in actor_of(c, resolution)
        ]
        if found:
            return found
    return []


def _parties(arguments: list[Argument], resolution: Resolution) -> list[Actor]:
    """The actors of the arguments, a capital standing for its state."""
    found = [resolution.metonyms.get(a.token.i) or a.actor for a in arguments]
    return list({a.key: a for a in found}.values())


def _organisation_modifier(noun: Token, resolution: Resolution) -> Actor | None:
    """ "NATO allies", "NAVO-bondgenoten", "EU-partners": the body they belong to."""
    for child in noun.children:
        if child.dep_ in ("compound", "amod", "nmod") and child.i < noun.i:
            actor = resolution.actor_at(child)
            if actor is not None and actor.kind == "Organization":
                return actor
    actor = resolution.modifiers.get(noun.i)
    return actor if actor is not None and actor.kind == "Organization" else None


def _modality(head: Token, relation: str, lang: str, lexicon: Lexicon) -> tuple[bool, bool]:
    """Negation and hedging of the copular clause, as for any predicate."""
    return modality(head, None, Predicate(head.lemma_, "NOUN", relation, ()), lang, lexicon)
