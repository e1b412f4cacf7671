"""Meetings named in an adjunct: "At a summit in Brussels, Macron and Scholz
agreed ...", "Tijdens een top in Brussel spraken Macron en Scholz af ...". A
noun of meeting (a lexicon noun of ``meets``) with no parties of its own, in a
phrase of time or place on a clause with two or more subjects, says that they
met there.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

from kg.dates import clause_dates
from kg.extract import confidence as conf
from kg.extract import rules
from kg.extract.arguments import PLACE_KINDS, preposition
from kg.extract.frames import find_predicates
from kg.extract.states import stated
from kg.extract.subjects import subjects_of
from kg.lexicon import Lexicon
from kg.profiles import any_language
from kg.records import Document, Relation
from kg.resolve import Resolution

#: Prepositions that place a clause at an occasion.
PARTIES = ("Person", "State", "Organization")


def adjunct_meetings(
    sent: Span, document: Document, resolution: Resolution, lexicon: Lexicon
) -> Iterator[Relation]:
    lang = document.lang
    for noun in sent:
        if noun.pos_ != "NOUN" or not noun.dep_.startswith(("obl", "nmod")):
            continue
        occasion = preposition(noun) in any_language("occasion_prepositions")
        if not occasion or _names_parties(noun, resolution):
            continue
        if not any(
            p.relation_for("Person") == "meets" for p in find_predicates(noun, lang, lexicon)
        ):
            continue
        clause = noun.head
        if clause.pos_ not in ("VERB", "AUX"):
            continue
        parties = list(
            {
                a.actor.key: a.actor
                for a in subjects_of(clause, resolution, lang)
                if a.actor.kind in PARTIES
            }.values()
        )
        for i, first in enumerate(parties):
            for second in parties[i + 1 :]:
                for date in clause_dates(clause, document.date) or [document.date]:
                    yield stated(
                        sent,
                        document,
                        first,
                        "meets",
                        second,
                        trigger=noun.text,
                        confidence=conf.ADJUNCT_MEETING,
                        rule=rules.ADJUNCT_MEETING,
                        date=date,
                    )


def _names_parties(noun: Token, resolution: Resolution) -> bool:
    """Whether the noun's phrase names someone other than a place ("de top met
    Xi"): then the noun's own arguments say who met."""
    for token in noun.subtree:
        actor = resolution.actor_at(token) if token.i != noun.i else None
        if actor is not None and actor.kind not in PLACE_KINDS and actor.kind != "State":
            return True
        if actor is not None and actor.kind == "State" and preposition(token) != "in":
            return True
    return False
