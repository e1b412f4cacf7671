"""Events that actors attend: summits, parades, inaugurations, conferences.

News rarely names an event by its title; it says "de militaire parade in
Beijing" or "the summit". An event of ``ontology/gazetteer/facts/events.tsv``
is recognised where one of its cue nouns is used, the month or year the
sentence names (else the article's date, within a few weeks) falls on the
event, and the sentence names the event's city or
country, or one of its marks ("G20", "NAVO").
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
import itertools
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from spacy.tokens import Span, Token

from kg.dates import mentioned_periods, parse_date
from kg.lexicon import names_members, normalise
from kg.profiles import any_language
from kg.records import Actor
from kg.resources import ontology_file

if TYPE_CHECKING:  # kg.resolve imports this module
    from kg.gazetteer import Gazetteer
    from kg.resolve.mentions import Resolution

#: How far from the event an article may be dated and still mean it.
WINDOW = dt.timedelta(days=45)
#: How long after an event a sentence naming its city may still mean it.
LOOKBACK = dt.timedelta(days=365)


@dataclass(frozen=True)
class EventCue:
    key: str
    city: str
    country: str
    start: dt.date
    end: dt.date
    cues: dict[str, frozenset[str]]  # lang -> cue lemmas
    marks: frozenset[str]


@functools.cache
def event_cues() -> tuple[EventCue, ...]:
    rows = []
    with ontology_file("gazetteer/facts/events.tsv").open(encoding="utf-8") as handle:
        lines = (line for line in handle if not line.startswith("#"))
        for row in csv.DictReader(lines, delimiter="\t"):
            rows.append(
                EventCue(
                    key=row["key"],
                    city=row["city"],
                    country=row["country"],
                    start=dt.date.fromisoformat(row["start"]),
                    end=dt.date.fromisoformat(row["end"]),
                    cues={
                        "nl": frozenset(normalise(c) for c in row["cues_nl"].split("|") if c),
                        "en": frozenset(normalise(c) for c in row["cues_en"].split("|") if c),
                    },
                    marks=frozenset(m.lower() for m in row["marks"].split("|") if m),
                )
            )
    return tuple(rows)


def _day(value: str | None) -> dt.date | None:
    parsed = parse_date(value)
    if parsed is None:
        return None
    year, month, day = parsed
    return dt.date(year, month or 1, day or 1)


def matching_event(
    words: tuple[str, ...],
    lang: str,
    article_date: str | None,
    sentence_keys: set[str],
    sentence_words: set[str],
) -> str | None:
    """The key of the event a cue noun refers to, or None.

    ``words`` are the noun's lemma and form; ``sentence_keys`` the actor keys
    mentioned in the sentence (the place), ``sentence_words`` its lower-cased
    words (the marks).
    """
    day = _day(article_date)
    if day is None:
        return None
    # a month or year in the sentence beats the article's date ("the June summit")
    periods = mentioned_periods(sentence_words, article_date)
    cues = {normalise(word) for word in words}
    candidates = [
        event
        for event in event_cues()
        if cues & event.cues.get(lang, frozenset())
        and (
            (event.city and event.city in sentence_keys)
            or event.country in sentence_keys
            or event.marks & sentence_words
        )
    ]
    if periods:
        found = [e for e in candidates if any(a <= e.end and e.start <= b for a, b in periods)]
    else:
        found = [e for e in candidates if e.start - WINDOW <= day <= e.end + WINDOW]
        if not found:
            # news looks back: "the summit in Singapore" months later, where the
            # city is named and no other such event of the past year fits
            past = [
                e
                for e in candidates
                if e.city and e.city in sentence_keys and e.end <= day <= e.end + LOOKBACK
            ]
            found = sorted(past, key=lambda e: e.end)[-1:]  # the latest such event
    return found[0].key if len(found) == 1 else None


# -- events the gazetteer does not list, named by rule ------------------------------------
# (the rules are documented in ontology/gazetteer/README.md, "Events named by rule")

#: Cue lemmas of a summit and of a referendum, by language.
SUMMIT_CUES = {
    "en": frozenset({"summit"}),
    "nl": frozenset({"top", "topontmoeting", "topconferentie", "topbijeenkomst"}),
}
REFERENDUM_CUES = {
    "en": frozenset({"referendum", "plebiscite"}),
    "nl": frozenset({"referendum", "plebisciet", "volksraadpleging", "volksstemming"}),
}

#: Bodies that meet in numbered annual sessions: key -> (title, first year, opening month).
#: Session N of the UN General Assembly opens in September of 1945 + N.
ANNUAL_SESSIONS = {"united_nations_general_assembly": ("United Nations General Assembly", 1945, 9)}

_UNITS = (
    "zeroth first second third fourth fifth sixth seventh eighth ninth tenth eleventh "
    "twelfth thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth"
).split()
_TENS = "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()
_TENTHS = (
    "_ _ twentieth thirtieth fortieth fiftieth sixtieth seventieth eightieth ninetieth".split()
)


def ordinal_words(number: int) -> str:
    """ "Seventy-third" for 73 (1 to 99), as Wikipedia titles spell session numbers."""
    if number < 20:
        word = _UNITS[number]
    elif number % 10 == 0:
        word = _TENTHS[number // 10]
    else:
        word = f"{_TENS[number // 10]}-{_UNITS[number % 10]}"
    return word.capitalize()


def session_event(body: Actor, article_date: str | None) -> Actor | None:
    """The session of an annually meeting body that an article of this date
    means ("the UN General Assembly" in late September 2018 is its seventy-third
    session), or None where the body has no numbered sessions or the date is unknown."""
    rule = ANNUAL_SESSIONS.get(body.key)
    parsed = parse_date(article_date)
    day = _day(article_date)
    if rule is None or day is None or parsed is None or parsed[1] is None:
        return None  # a year alone does not say which session
    title, first_year, month = rule
    number = day.year - first_year - (1 if day.month < month else 0)
    if not 1 <= number < 100:
        return None
    name = f"{ordinal_words(number)} session of the {title}"
    return Actor(key=f"new/{body.key}_session_{number}", name=name, kind="Event")


def unnamed_events(result: Resolution, gazetteer: Gazetteer) -> None:
    """Name the summits and referendums the gazetteer does not list, and make a
    mention of an annually meeting body its session at the article's date."""
    date = result.document.date
    for mention in list(result.mentions):
        if mention.actor.key not in ANNUAL_SESSIONS or mention.how != "name":
            continue  # the body named, not a description resolved to it ("leaders")
        span = result.doc.char_span(mention.start, mention.end, alignment_mode="expand")
        session = session_event(mention.actor, _year_back(span, date) if span else date)
        if span is not None and session is not None:
            result.remove(mention)
            result.add(span, session, "description")
    year = date[:4] if date else None
    if year is None:
        return
    last: dict[str, Actor] = {}  # the last event of each kind: "the referendum" again
    for token in result.doc:
        # the tagger may take "summit" for an adjective; "NAVO-top" is a compound
        if token.pos_ in ("VERB", "AUX", "ADP", "DET") or token.i in result.by_token:
            continue
        lemma = re.split(r"[_\-]", token.lemma_.lower())[-1]
        lang = result.document.lang
        kind = (
            "summit"
            if lemma in SUMMIT_CUES.get(lang, ())
            else "referendum"
            if lemma in REFERENDUM_CUES.get(lang, ())
            else ""
        )
        if not kind or (lang == "nl" and token.pos_ != "NOUN"):
            continue  # Dutch "top" is a summit only as a noun
        actor = _listed(token, result, gazetteer) or _named_by_rule(
            kind, token, result, gazetteer, _year_said(token.sent, date) or year
        )
        if actor is None and _bare(token, lemma):
            actor = last.get(kind)  # "the summit" again, after a named one
        if actor is not None:
            last[kind] = actor
            result.add(result.doc[token.i : token.i + 1], actor, "description")


#: A year written out: "in juni 2019", "the 2019 summit".
YEAR = re.compile(r"^(19|20)\d\d$")


def _year_said(sent: Span, date: str | None) -> str | None:
    """The one year a sentence names ("in juni 2019"), else the year before the
    article's where it says "last year"; None if it names none or several."""
    years = {t.text for t in sent if YEAR.match(t.text)}
    if len(years) == 1:
        return years.pop()
    if years:
        return None
    back = _year_back(sent, date)
    return back[:4] if back and back != date else None


def _year_back(span: Span, date: str | None) -> str | None:
    """The article date, a year earlier where the sentence says "last year"."""
    words = [t.lower_ for t in span.sent]
    # "last year" / "vorig jaar": the sentence is about the year before the article's
    last, year = any_language("last_words"), any_language("year_words")
    said = any(a in last and b in year for a, b in itertools.pairwise(words))
    if not said or not date:
        return date
    return f"{int(date[:4]) - 1}{date[4:]}"


def _named_by_rule(
    kind: str, token: Token, result: Resolution, gazetteer: Gazetteer, year: str
) -> Actor | None:
    """ "<year> <demonym> referendum" from a state modifying or located by the
    noun; "<year> [<organisation>] [<city>] summit" from an organisation modifying
    it ("NAVO-top", "the G20 summit") and a city it is in ("in Osaka")."""
    linked = [
        token.i,
        *(c.i for c in token.children),
        *(g.i for c in token.children for g in c.children),
        token.i - 1,  # "the NATO summit", however the parser hung "NATO"
    ]
    actors = [a for i in linked if (a := _actor_at(result, i)) is not None]
    if kind == "referendum":
        state = next((a for a in actors if a.kind == "State"), None)
        # a national vote is held in its state, where the noun itself names it
        held_in = state.key if state is not None else None
        if state is None:
            # "Voters in Ireland rejected the referendum": the one state in the sentence
            named = {a.key: a for t in token.sent if (a := _state_named(result, t, gazetteer))}
            state = next(iter(named.values())) if len(named) == 1 else None
        adjective = gazetteer.adjective(state.key) if state else None
        if state is None or adjective is None:
            return None
        return Actor(
            key=f"new/{year}_{state.key}_referendum",
            name=f"{year} {adjective} referendum",
            kind="Event",
            country=held_in,
        )
    org = next((a for a in actors if a.kind == "Organization"), None)
    city = next((a for a in actors if a.kind == "City"), None)
    if org is None and city is None:
        return None
    words = [year, *(a.name for a in (org, city) if a is not None), "summit"]
    key = "_".join([year, *(a.key for a in (org, city) if a is not None), "summit"])
    return Actor(key=f"new/{key}", name=" ".join(words), kind="Event")


def _listed(token: Token, result: Resolution, gazetteer: Gazetteer) -> Actor | None:
    """A listed event that a cue the tagger took for another word class refers
    to ("the June summit in Singapore", "summit" tagged ADJ)."""
    sent = token.sent
    keys = {m.actor.key for i in range(sent.start, sent.end) if (m := result.by_token.get(i))}
    keys |= {a.key for i, a in result.metonyms.items() if sent.start <= i < sent.end}
    words = {t.lower_ for t in sent}
    document = result.document
    key = matching_event((token.lemma_, token.text), document.lang, document.date, keys, words)
    return gazetteer.actors.get(key) if key else None


def _state_named(result: Resolution, token: Token, gazetteer: Gazetteer) -> Actor | None:
    """The state a token names: a mention, a modifier or a demonym ("Macedonians")."""
    actor = _actor_at(result, token.i)
    if actor is None and token.text[:1].isupper():
        key = gazetteer.demonym(token.text) or gazetteer.demonym(token.lemma_)
        actor = gazetteer.actors.get(key) if key else None
    return actor if actor is not None and actor.kind == "State" else None


def _bare(token: Token, lemma: str) -> bool:
    """A cue noun with nothing of its own after it ("the summit", not "the summit
    of the mountain"); Dutch "top" alone is too often a mountain top or a peak."""
    if token.lang_ == "nl" and token.lower_ == "top":
        return False
    # "the referendum, including Zaev": members hung on the noun by a misattachment
    return not any(
        c.dep_.startswith(("nmod", "acl")) and not names_members(c) for c in token.children
    )


def _actor_at(result: Resolution, i: int) -> Actor | None:
    """The actor a token names, as a mention or as a modifier ("Macedonische")."""
    mention = result.by_token.get(i)
    return mention.actor if mention is not None else result.modifiers.get(i)
