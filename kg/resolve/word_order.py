"""Repair who does what to whom where a clause names two actors around its verb.

A declarative main clause puts its subject before the finite verb: in English
always, in Dutch (a verb-second language) unless something else is put first.
When a clause opens with one actor's bare name, the finite verb follows and
another actor's name follows the verb ("Rusland beschuldigde Oekraïne van
sabotage", "Poetin noemde Zelensky een crimineel"), the first is the subject and
the second the object. Dutch allows the reverse order, but news almost never uses
it with two names, and the shipped Dutch parser, which has seen few such
sentences, often reads them object first. Once the names are resolved, the
labels are set right.

Left alone: questions, passives and copulas; clauses with an infinitive or
clause after the second name, whose object it may be; a first name with a preposition
("Volgens Lavrov bedreigt Finland Rusland": the subject follows the verb); a
pronoun whose case says otherwise ("Dat zei hij", "Hem steunt Rusland"); and
trees where the parser hung either name elsewhere than on the clause's verb.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from kg.records import Mention
from kg.resolve.mentions import Resolution

#: Actors that do things; places and events are no subjects of this pattern.
ACTING_KINDS = frozenset({"Person", "State", "Organization", "Group"})
#: Labels the parser gives the subject and object of such a clause.
NOMINAL_DEPS = frozenset({"nsubj", "obj", "obl", "advmod", "nmod", "appos", "iobj"})


def subject_first(result: Resolution) -> None:
    """Relabel the subject and object of clauses "<actor> <verb> <actor> ..."."""
    for sent in result.doc.sents:
        found = _actor_verb_actor(sent, result)
        if found is None:
            continue
        first, second, clause = found
        if first.dep_ == "nsubj" and second.dep_ in ("obj", "iobj"):
            continue  # already right
        first.dep_ = "nsubj"
        # "legde Iran sancties op": with a second object after it, the name is the
        # indirect one; "Marokko bedankte Spanje": a dative stays one
        later_object = any(c.dep_ == "obj" and c.i > second.i for c in clause.children)
        if second.dep_ != "iobj":
            second.dep_ = "iobj" if later_object else "obj"
        for other in clause.children:
            # no second subject: a subject the parser found elsewhere was an object
            if other.dep_ == "nsubj" and other.i not in (first.i, second.i):
                other.dep_ = "obj"


def _actor_verb_actor(sent: Span, result: Resolution) -> tuple[Token, Token, Token] | None:
    """The heads of the first and second name and the clause's verb, where the
    sentence is "<actor> <finite verb> <actor> ..."; else None."""
    if sent.text.rstrip().endswith("?"):
        return None
    opening = next((t for t in sent if not t.is_punct and not t.is_space), None)
    first = _mention_at(opening, result) if opening is not None else None
    if first is None:
        return None
    first_tokens = _tokens(opening, first, result)
    verb = _next(first_tokens[-1], sent)
    if verb is None or verb.pos_ not in ("VERB", "AUX"):
        return None
    second_start = _next(verb, sent)
    second = _mention_at(second_start, result) if second_start is not None else None
    if second is None or second.actor.key == first.actor.key:
        return None
    if first.actor.kind not in ACTING_KINDS or second.actor.kind not in ACTING_KINDS:
        return None
    # "Rusland heeft Oekraïne aangevallen": the clause's verb is the auxiliary's head
    clause = verb.head if verb.dep_ == "aux" else verb
    if clause.pos_ != "VERB" or any(c.dep_ in ("cop", "aux:pass", "expl") for c in clause.children):
        return None
    first_head = _head(first_tokens)
    second_head = _head(_tokens(second_start, second, result))
    if first_head.head.i != clause.i or second_head.head.i != clause.i:
        return None
    if first_head.dep_ not in NOMINAL_DEPS or second_head.dep_ not in NOMINAL_DEPS:
        return None
    if any(c.dep_ == "case" for c in first_head.children):
        return None  # a prepositional phrase first: the subject follows the verb
    if any(c.dep_ in ("xcomp", "ccomp") and c.i > second_head.i for c in clause.children):
        return None  # "Merkel zegt Litouwen te steunen": the name may be the infinitive's
    if "Acc" in first_head.morph.get("Case") or "Nom" in second_head.morph.get("Case"):
        return None  # "Hem steunde Rusland", "Dat zei hij": case decides
    return first_head, second_head, clause


def _mention_at(token: Token, result: Resolution) -> Mention | None:
    return result.by_token.get(token.i)


def _tokens(start: Token, mention: Mention, result: Resolution) -> list[Token]:
    """The tokens of ``mention`` from ``start`` on."""
    doc, end = start.doc, start.i
    while end + 1 < len(doc) and result.by_token.get(end + 1) is mention:
        end += 1
    return list(doc[start.i : end + 1])


def _next(token: Token, sent: Span) -> Token | None:
    return sent.doc[token.i + 1] if token.i + 1 < sent.end else None


def _head(tokens: list[Token]) -> Token:
    """The token of a name that hangs outside it."""
    inside = {t.i for t in tokens}
    return next((t for t in tokens if t.head.i not in inside or t.head.i == t.i), tokens[0])
