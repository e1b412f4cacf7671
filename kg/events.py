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
from dataclasses import dataclass

from kg.dates import mentioned_periods, parse_date
from kg.lexicon import normalise
from kg.resources import ontology_file

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
            found = [
                e
                for e in candidates
                if e.city and e.city in sentence_keys and e.end <= day <= e.end + LOOKBACK
            ]
    return found[0].key if len(found) == 1 else None
