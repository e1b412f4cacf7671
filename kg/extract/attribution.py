"""Criticism by attribution and evaluation: who says that an actor does wrong.

* "Volgens Litouwen saboteert Wit-Rusland de afspraken", "according to X, Y
  violated the truce": a clause of wrongdoing (or of a hostile act of the
  lexicon) attributed to a source is the source's accusation of its subject.
* A condemnatory adjective said of an actor or of what it does ("het optreden
  van Rusland is onaanvaardbaar", "Russia's reckless actions", "were on Syrian
  soil illegally") accuses that actor, when a speaker is known: the subject of a
  verb of saying that reports it, or the speaker named after the quote it stands
  in, in its sentence or one of the next two ('"...", aldus Macron', '"..." said
  Macron').
* A reported clause of obligation is a request: "China vindt dat de VN
  Pyongyang moet belonen" -> China requests the UN.

The words are data: ``ontology/lexicon/attribution.tsv``.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

from kg.dates import clause_dates
from kg.extract import confidence as conf
from kg.extract import rules
from kg.extract.arguments import Argument, actor_of, owner_of, preposition
from kg.extract.attribution_words import attribution_words
from kg.extract.attribution_words import is_word as _is
from kg.extract.frames import find_predicates
from kg.extract.states import stated
from kg.extract.subjects import subjects_of
from kg.lexicon import Lexicon
from kg.records import Actor, Document, Relation
from kg.resolve import Resolution

QUOTES = frozenset({'"', "“", "”", "'", "‘", "’", "«", "»", "„"})
#: Relations of the lexicon that, attributed to a source, are its accusation.
HOSTILE = frozenset({"attacks", "coerces", "threatens", "sanctions", "mobilizesAgainst"})
#: Who can accuse and be accused.
ACTORS = frozenset({"Person", "State", "Organization", "Group"})
#: How many sentences after a quoted one may name its speaker.
QUOTE_REACH = 2


def attribution_relations(
    sent: Span, document: Document, resolution: Resolution, lexicon: Lexicon
) -> Iterator[Relation]:
    lang = document.lang
    for token in sent:
        if (
            token.pos_ in ("VERB", "AUX")
            and token.dep_ != "amod"
            and (_is("wrongdoing", token, lang) or _hostile(token, lang, lexicon))
        ):
            accusers, rule = _sources(token, resolution, lang), rules.ATTRIBUTION_ACCORDING_TO
            if not accusers and _is("wrongdoing", token, lang):
                accusers, rule = speakers(token, resolution, lang), rules.ATTRIBUTION_REPORTED
            targets = subjects_of(token, resolution, lang)
        elif _is("condemnation", token, lang) and (
            token.pos_ in ("ADJ", "NOUN", "ADV") or token.dep_ == "amod"
        ):  # a participle used as an adjective: "the occupying forces"
            accusers = speakers(token, resolution, lang)
            targets = _condemned(token, resolution, lang)
            rule = rules.ATTRIBUTION_CONDEMNATION
        else:
            continue
        negated = any(lexicon.modifier(lang, c.lemma_, "dep") == "negate" for c in token.children)
        yield from _between_states(
            accusers,
            targets,
            "accuses",
            token,
            token.text,
            sent,
            document,
            resolution,
            rule,
            negated,
        )


def directive_relations(
    sent: Span, document: Document, resolution: Resolution
) -> Iterator[Relation]:
    """ "China en Rusland vinden dat de Veiligheidsraad Pyongyang moet belonen",
    "the US has said Pyongyang must give up its weapons", "told the Council that
    enforcement must continue": a reported clause of obligation is its speaker's
    request of the clause's subject, or else of the one addressed."""
    lang = document.lang
    for verb in sent:
        if verb.pos_ not in ("VERB", "AUX") or not (
            _is("speech", verb, lang) or _is("opinion", verb, lang)
        ):
            continue
        speakers_ = [a for a in subjects_of(verb, resolution, lang) if a.actor.kind in ACTORS]
        for clause in _reported_clauses(verb):
            if not _obligation(clause, lang):
                continue
            subjects = [c for c in clause.children if c.dep_ == "nsubj"] or _stray_subject(
                verb, clause
            )
            addressees = _addressees(verb, resolution)
            if addressees and all(c.pos_ == "PRON" for c in subjects):
                # "zei tegen Rusland dat het moest vertrekken": the one told
                targets = addressees
            else:
                targets = [a for c in subjects for a in actor_of(c, resolution)] or addressees
            trigger = f"{verb.text} … {clause.text}"
            yield from _between_states(
                speakers_,
                targets,
                "requests",
                verb,
                trigger,
                sent,
                document,
                resolution,
                rules.ATTRIBUTION_DIRECTIVE,
            )


def _between_states(
    speakers_: list[Argument],
    targets: list[Argument],
    relation: str,
    token: Token,
    trigger: str,
    sent: Span,
    document: Document,
    resolution: Resolution,
    rule: str,
    negated: bool = False,
) -> Iterator[Relation]:
    """What a speaker says of a target, between the states they stand for, dated by
    the clause (at the confidence of what is reported)."""
    for speaker in speakers_:
        for target in targets:
            subject, obj = _state(speaker, resolution), _state(target, resolution)
            if subject.key == obj.key or obj.kind not in ACTORS:
                continue
            for date in clause_dates(token, document.date) or [document.date]:
                yield stated(
                    sent,
                    document,
                    subject,
                    relation,
                    obj,
                    trigger=trigger,
                    confidence=conf.ATTRIBUTION,
                    rule=rule,
                    negated=negated,
                    date=date,
                )


def _stray_subject(verb: Token, clause: Token) -> list[Token]:
    """ "vinden dat de Veiligheidsraad Pyongyang moet belonen": where the parser
    hangs the clause's nouns on the verb of saying (``dep``), the first is its
    subject, as a subordinate clause puts the subject first."""
    nouns = [
        c
        for c in verb.children
        if c.dep_ == "dep" and c.pos_ in ("PROPN", "NOUN") and verb.i < c.i < clause.i
    ]
    return nouns[:1]


def _obligation(clause: Token, lang: str) -> bool:
    """A clause of obligation: a deontic auxiliary ("must leave"), or the modal
    heading its infinitive, as the Dutch parser has it ("dat het moest vertrekken")."""
    if any(c.dep_ == "aux" and _is("deontic", c, lang) for c in clause.children):
        return True
    return _is("deontic", clause, lang) and any(c.dep_ == "xcomp" for c in clause.children)


def _reported_clauses(verb: Token) -> list[Token]:
    """What a verb of saying reports: its complement or juxtaposed clause, or the
    quote after its colon, which the parser may make a sentence of its own
    ('zei tegen de Raad: "De sancties moeten ..."')."""
    clauses = [c for c in verb.children if c.dep_ in ("ccomp", "parataxis")]
    doc, end = verb.doc, verb.sent.end
    if any(t.text == ":" and t.head.i == verb.i for t in verb.sent) and end < len(doc):
        clauses.append(doc[end].sent.root)
    return clauses


def _addressees(verb: Token, resolution: Resolution) -> list[Argument]:
    """Who is told: "told the Council", "zei tegen de Veiligheidsraad"."""
    return [
        a
        for c in verb.children
        if c.dep_ in ("obj", "iobj")
        or (c.dep_.startswith("obl") and preposition(c) in ("tegen", "to"))
        for a in actor_of(c, resolution)
    ]


def _hostile(verb: Token, lang: str, lexicon: Lexicon) -> bool:
    return any(p.relation_for("State") in HOSTILE for p in find_predicates(verb, lang, lexicon))


def _sources(verb: Token, resolution: Resolution, lang: str) -> list[Argument]:
    """ "volgens Litouwen", "according to Lithuania" on the clause."""
    sources = attribution_words().get((lang, "source"), frozenset())
    return [
        a
        for c in verb.children
        if c.dep_.startswith("obl") and preposition(c) in sources
        for a in actor_of(c, resolution)
        if a.actor.kind in ACTORS
    ]


def _condemned(word: Token, resolution: Resolution, lang: str) -> list[Argument]:
    """Who a condemnatory word is said of: the subject of its copula ("Rusland is
    roekeloos") or the owner of that subject ("het optreden van Rusland"), the
    owner of the noun it modifies ("Russia's reckless actions"), or the subject of
    the verb it modifies ("were on Syrian soil illegally")."""
    if word.dep_ == "amod":
        nouns = [word.head]
    elif word.dep_ == "advmod" and word.head.pos_ in ("VERB", "AUX"):
        return subjects_of(word.head, resolution, lang)
    elif word.dep_ == "advmod" and any(c.dep_ == "cop" for c in word.head.children):
        # "were on Ukrainian soil illegally": the subject of the copular predicate
        nouns = [c for c in word.head.children if c.dep_ == "nsubj"]
    else:
        nouns = [c for c in word.children if c.dep_ == "nsubj"]
        if not nouns and word.pos_ == "NOUN" and not any(c.dep_ == "cop" for c in word.children):
            nouns = [word]  # a label for an actor: "de Russische bezetter"
    found: list[Argument] = []
    for noun in nouns:
        actors = actor_of(noun, resolution)
        if not actors:
            owner = owner_of(noun, resolution)
            actors = [owner] if owner is not None else []
        found.extend(actors)
    return found


def speakers(token: Token, resolution: Resolution, lang: str) -> list[Argument]:
    """Who says what ``token`` says: the subject of a verb of saying that
    reports its clause, else the speaker named right after the quote it stands in."""
    node = token
    while node.head.i != node.i:
        child, node = node, node.head
        if child.dep_.startswith(("nsubj", "csubj")) and _is("speech", node, lang):
            break  # the speaker's own words ("Macron said ..."), not reported ones
        if _is("speech", node, lang) and child.dep_ in (
            "ccomp",
            "parataxis",
            "obj",
            "iobj",  # the one told: "told the occupying forces to leave"
            "advcl",
        ):
            found = [a for a in subjects_of(node, resolution, lang) if a.actor.kind in ACTORS]
            if found:
                return found
    if not _quoted(token):
        return []
    return _speaker_after_quote(token, resolution, lang)


def _quoted(token: Token) -> bool:
    """Whether an odd number of quote marks opens before ``token`` in its
    sentence and the two before it."""
    sent = token.sent
    start = sent.start
    for _ in range(QUOTE_REACH):
        if start == 0:
            break
        start = token.doc[start - 1].sent.start
    marks = sum(1 for t in token.doc[start : token.i] if t.text in QUOTES)
    return marks % 2 == 1


def _speaker_after_quote(token: Token, resolution: Resolution, lang: str) -> list[Argument]:
    """'"...", aldus Macron', '"...", said Macron', '"...", Macron said': the first
    closing quote after ``token`` followed by a verb of saying (or "aldus")."""
    doc = token.doc
    end = token.sent.end
    for _ in range(QUOTE_REACH):
        if end < len(doc):
            end = doc[end].sent.end
    for i in range(token.i + 1, end):
        if doc[i].text not in QUOTES:
            continue
        for word in doc[i + 1 : min(i + 5, end)]:
            if not _is("speech", word, lang):
                continue
            if word.pos_ in ("VERB", "AUX"):
                found = subjects_of(word, resolution, lang)
            else:  # "aldus Macron": the name after it
                found = actor_of(doc[word.i + 1], resolution) if word.i + 1 < end else []
            return [a for a in found if a.actor.kind in ACTORS]
        return []  # the quote closes without a speaker
    return []


def _state(argument: Argument, resolution: Resolution) -> Actor:
    """A capital in an actor's slot is its state."""
    return resolution.metonyms.get(argument.token.i) or argument.actor
