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

The Dutch tagger also often takes the verb between two names for a third part of
one name ("Rutte feliciteerde Biden": three names in a row, "flat"); a lower-case
word there that is a form of a verb the lexicon knows is made the clause's verb.

Left alone: questions, passives and copulas; clauses with an infinitive or
clause after the second name, whose object it may be; a first name with a preposition
("Volgens Lavrov bedreigt Finland Rusland": the subject follows the verb); a
pronoun whose case says otherwise ("Dat zei hij", "Hem steunt Rusland"); and
trees where the parser hung either name elsewhere than on the clause's verb.
"""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from kg.compounds import strong_verb_forms
from kg.lexicon import Lexicon
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


# -- a verb read as part of a name ---------------------------------------------------------

#: Endings of Dutch weak verb forms: past plural and singular, present singular.
WEAK_ENDINGS = ("den", "ten", "de", "te", "t")


def verbs_read_as_names(result: Resolution, lexicon: Lexicon) -> None:
    """ "Rutte feliciteerde Biden met zijn zege", tagged as three names in a row:
    the lower-case word between two actors' names is the verb of the clause they
    open, where it is a form of a Dutch verb the lexicon knows."""
    if result.document.lang != "nl":
        return  # the English tagger reads these clauses right
    for sent in result.doc.sents:
        found = _verb_between_names(sent, result, lexicon)
        if found is not None:
            _make_clause(*found)


def _verb_between_names(
    sent: Span, result: Resolution, lexicon: Lexicon
) -> tuple[list[Token], Token, str, list[Token]] | None:
    opening = next((t for t in sent if not t.is_punct and not t.is_space), None)
    first = _mention_at(opening, result) if opening is not None else None
    if first is None or sent.text.rstrip().endswith("?"):
        return None
    first_tokens = _tokens(opening, first, result)
    word = _next(first_tokens[-1], sent)
    if word is None or word.pos_ in ("VERB", "AUX") or not (word.is_alpha and word.is_lower):
        return None
    second_start = _next(word, sent)
    second = _mention_at(second_start, result) if second_start is not None else None
    if second is None or second.actor.key == first.actor.key:
        return None
    if first.actor.kind not in ACTING_KINDS or second.actor.kind not in ACTING_KINDS:
        return None
    lemma = dutch_verb_lemma(word.lower_, lexicon)
    if lemma is None:
        return None
    names = [*first_tokens, word, *_tokens(second_start, second, result)]
    if not any(t.head.i == t.i for t in names):
        return None  # the names hang in a larger clause: not this misreading
    return first_tokens, word, lemma, _tokens(second_start, second, result)


def dutch_verb_lemma(form: str, lexicon: Lexicon) -> str | None:
    """The infinitive of a Dutch finite verb form the lexicon knows, by the strong
    verbs' table or the spelling rules of weak verbs ("feliciteerde" ->
    "feliciteren", "bespotte" -> "bespotten", "leefde" -> "leven"), else None."""
    candidates = [strong_verb_forms().get(form, "")]
    for ending in WEAK_ENDINGS:
        if form.endswith(ending) and len(form) > len(ending) + 2:
            candidates += _infinitives(form[: -len(ending)])
    known = (
        c
        for c in candidates
        if c and (lexicon.predicate("nl", "VERB", c) or lexicon.is_naming_verb("nl", c))
    )
    return next(known, None)


def _infinitives(stem: str) -> list[str]:
    """Infinitives a weak verb's stem may come from: a long vowel written single
    before "-en" ("feliciteer" -> "feliciteren"), a short one with its consonant
    doubled ("bespot" -> "bespotten"), a final f or s voiced ("leef" -> "leven")."""
    stems = {stem}
    long_vowel = re.search(r"(aa|ee|oo|uu)([^aeiou])$", stem)
    if long_vowel:
        stems.add(stem[: long_vowel.start()] + long_vowel.group(1)[0] + long_vowel.group(2))
    voiced = {"f": "v", "s": "z"}
    stems |= {s[:-1] + voiced[s[-1]] for s in list(stems) if s[-1] in voiced}
    found = [s + "en" for s in stems]
    if re.search(r"[^aeiou][aeiou][^aeiouwj]$", stem):
        found.append(stem + stem[-1] + "en")
    return found


def _make_clause(first: list[Token], verb: Token, lemma: str, second: list[Token]) -> None:
    """Hang the two names on the verb as subject and object; what hung on the
    names after the verb ("met zijn zege") hangs on the verb."""
    names = {t.i for t in (*first, verb, *second)}
    top = next(t for t in (*first, verb, *second) if t.head.i == t.i)
    loose = [
        t for t in top.doc[verb.i + 1 : top.sent.end] if t.i not in names and t.head.i in names
    ]
    verb.pos_, verb.lemma_ = "VERB", lemma
    verb.head, verb.dep_ = verb, "ROOT"
    for name, dep in ((first, "nsubj"), (second, "obj")):
        head = name[0]
        head.head, head.dep_ = verb, dep
        for token in name[1:]:
            if token.head.i not in {t.i for t in name}:
                token.head, token.dep_ = head, "flat"
    for token in loose:
        token.head = verb
        if token.dep_ == "nmod":
            token.dep_ = "obl"
