"""Who attends an event and where it is held: actors "during" or "at" it, present
at it, addressing it, speaking to it, meeting on its sidelines, or its parties
("the summit between A and B"); the words are ``ontology/lexicon/attendance.tsv``."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

from kg.extract import confidence as conf
from kg.extract import rules
from kg.extract.arguments import PLACE_KINDS, Argument, actor_of, preposition
from kg.extract.states import stated
from kg.extract.subjects import subjects_of
from kg.lexicon import Lexicon
from kg.profiles import any_language
from kg.records import Actor, Document, Relation
from kg.resolve import Resolution


def event_relations(
    sent: Span, document: Document, resolution: Resolution, lexicon: Lexicon
) -> Iterator[Relation]:
    """Who attends an event and where it is: "Tijdens de parade in Beijing stond
    Kim naast Xi" (both attend; the parade is in Beijing); "er waren geen leiders
    uit de VS aanwezig" (the US did not attend the event the article is about)."""
    for token in sent:
        event = resolution.by_token.get(token.i)
        if event is None or event.actor.kind != "Event":
            continue
        for child in token.children:
            place = resolution.actor_at(child)
            if (
                place is not None
                and (place.kind in PLACE_KINDS or place.kind == "State")  # "de top in Singapore"
                and preposition(child) in ("in", "te")
            ):
                yield stated(
                    sent,
                    document,
                    event.actor,
                    "locatedIn",
                    place,
                    trigger=child.text,
                    confidence=conf.ATTENDANCE_PLACE,
                    rule=rules.ATTENDANCE_PLACE,
                )
        if resolution.by_token.get(token.head.i) is event and token.head.i != token.i:
            continue  # one word of the event's name stands for all of it: its head
        held_in = resolution.facts.actor(event.actor.country)
        if event.actor.key.startswith("new/") and held_in is not None:
            # an event named by rule after its state ("the Macedonian referendum")
            yield stated(
                sent,
                document,
                event.actor,
                "locatedIn",
                held_in,
                trigger=token.text,
                confidence=conf.ATTENDANCE_COUNTRY,
                rule=rules.ATTENDANCE_COUNTRY,
            )
        yield from _attending(sent, document, resolution, lexicon, token, event.actor)
        if lexicon.attendance.get((document.lang, preposition(token))) != "during":
            continue
        if lexicon.attendance.get((document.lang, token.head.lemma_.lower())) == "speech":
            continue  # "praised the speech at the summit": the speaker's, in _attending
        clause = token.head
        while clause.pos_ not in ("VERB", "AUX") and clause.head.i != clause.i:
            clause = clause.head
        for argument in _clause_actors(clause, resolution, document.lang):
            yield stated(
                sent,
                document,
                argument.actor,
                "attends",
                event.actor,
                trigger=token.text,
                confidence=conf.ATTENDANCE_DURING,
                rule=rules.ATTENDANCE_DURING,
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
            negated = any(c.lower_ in any_language("none_determiners") for c in child.children)
            for argument in actor_of(child, resolution):
                if argument.actor.kind in ("Person", "State", "Organization"):
                    yield stated(
                        sent,
                        document,
                        argument.actor,
                        "attends",
                        event_actor,
                        trigger=token.text,
                        negated=negated,
                        confidence=conf.ATTENDANCE_PRESENT,
                        rule=rules.ATTENDANCE_PRESENT,
                    )


def _attending(
    sent: Span,
    document: Document,
    resolution: Resolution,
    lexicon: Lexicon,
    token: Token,
    event: Actor,
) -> Iterator[Relation]:
    """Who attends an event by what they do there: address it ("told the
    assembly", "sprak de top toe"), meet on its margins ("on the sidelines of
    the summit"), or are its parties ("the summit between A and B")."""
    lang = document.lang
    head = token.head
    found: list[tuple[Argument, str]] = []
    # the event addressed: "told the assembly", "spoke to it"; not "spoke about it"
    addressed = token.dep_ in ("obj", "iobj") or preposition(token) in ("to", "tot")
    # "Rutte vertelde de Vergadering": a second "subject" after the verb is its object
    addressed |= token.dep_ == "nsubj" and any(
        c.dep_ == "nsubj" and c.i < head.i < token.i for c in head.children
    )
    if addressed and head.pos_ == "VERB" and _attendance_of_verb(head, lexicon, lang) == "address":
        found += [(a, head.text) for a in _speakers(head, resolution, lang)]
    if lexicon.attendance.get((lang, head.lemma_.lower())) == "speech" and preposition(token) in (
        "to",
        "at",
        "before",
        "voor",
        "tot",
        "bij",
        "op",
    ):
        found += [(a, head.text) for a in _speech_givers(head, resolution, lang)]
    if lexicon.attendance.get((lang, head.lemma_.lower())) == "margin" and preposition(token) in (
        "of",
        "van",
    ):
        clause = head
        while clause.pos_ not in ("VERB", "AUX") and clause.head.i != clause.i:
            clause = clause.head
        met = [c for c in clause.children if c.dep_ in ("obj", "iobj")]
        people = _clause_actors(clause, resolution, lang)
        people += [a for c in met for a in actor_of(c, resolution) if a.actor.kind == "Person"]
        found += [(a, head.text) for a in people]
    unheld = any(
        lexicon.attendance.get((lang, c.lower_)) == "unheld"
        for c in token.children
        if c.dep_ == "amod"
    )
    for child in token.children:
        if unheld or lexicon.attendance.get((lang, preposition(child))) != "between":
            continue
        # "between the two leaders": people only; "between the US and North Korea"
        # names the sides, whose delegates the sentence does not name
        found += [(a, child.text) for a in actor_of(child, resolution) if a.actor.kind == "Person"]
    seen: set[str] = set()
    for argument, trigger in found:
        if argument.actor.key in seen or argument.actor.kind != "Person":
            continue  # people speak and meet there; "Syria told the assembly" names no one
        seen.add(argument.actor.key)
        yield stated(
            sent,
            document,
            argument.actor,
            "attends",
            event,
            trigger=trigger,
            confidence=conf.ATTENDANCE_ACT,
            rule=rules.ATTENDANCE_ACT,
        )


def _speech_givers(speech: Token, resolution: Resolution, lang: str) -> list[Argument]:
    """Who gives a speech: its possessor ("Ri's speech"), or the subject of the
    clause it says how ("In a speech to the assembly, X called for ...")."""
    owners = [c for c in speech.children if c.dep_ == "nmod:poss"]
    if owners:
        return [a for c in owners for a in actor_of(c, resolution)]
    if preposition(speech) not in ("in", "during", "tijdens"):
        return []  # "praised the speech at the summit": a listener, maybe far away
    clause = speech.head
    while clause.pos_ not in ("VERB", "AUX") and clause.head.i != clause.i:
        clause = clause.head
    return list(subjects_of(clause, resolution, lang))


def _attendance_of_verb(verb: Token, lexicon: Lexicon, lang: str) -> str | None:
    """The attendance kind of a verb, with its separable particle ("sprak ... toe")."""
    particle = "".join(c.lower_ for c in verb.children if c.dep_ == "compound:prt")
    # the lemma, else the form: the lemmatiser misses some ("Addressing")
    for word in (verb.lemma_.lower(), verb.lower_):
        kind = lexicon.attendance.get((lang, particle + word))
        if kind:
            return kind
    return None


def _speakers(verb: Token, resolution: Resolution, lang: str) -> list[Argument]:
    """Who speaks: the verb's subjects, or for a fronted participle without one
    ("Addressing the assembly, X said") the subjects of the clause it modifies."""
    found = list(subjects_of(verb, resolution, lang))
    if found or verb.tag_ != "VBG":
        return found
    if verb.dep_ == "advcl":
        return list(subjects_of(verb.head, resolution, lang))
    clauses = [c for c in verb.children if c.dep_ in ("parataxis", "advcl") and c.i > verb.i]
    return [a for c in clauses[:1] for a in subjects_of(c, resolution, lang)]


def _clause_actors(clause: Token, resolution: Resolution, lang: str) -> list[Argument]:
    """The people and states a clause is about: subjects and their companions."""
    found = list(subjects_of(clause, resolution, lang))
    companions = [c for c in clause.children if c.dep_.startswith("obl")]
    # "schouder aan schouder met X": the phrase may hang one level down
    companions += [g for c in companions for g in c.children if g.dep_.startswith("nmod")]
    for child in companions:
        if preposition(child) in ("met", "with", "naast", "beside", "alongside"):
            found.extend(actor_of(child, resolution))
        elif child.dep_ == "obl:agent" and clause.dep_ == "acl":
            # "a statement issued by A and B at the summit": the doers were there
            found.extend(actor_of(child, resolution))
    return [a for a in found if a.actor.kind in ("Person", "State")]


def _latest_event(resolution: Resolution, token: Token) -> Actor | None:
    events = [m for m in resolution.mentions if m.actor.kind == "Event" and m.start < token.idx]
    return events[-1].actor if events else None
