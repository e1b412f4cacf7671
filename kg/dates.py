"""Dates of statements: explicit dates and years in the clause, and relative
days ("maandag", "vorige week") resolved against the article's date line.

Dates are strings of the precision the text allows: YYYY, YYYY-MM or YYYY-MM-DD.
Month and weekday names are data (``ontology/lexicon/time.tsv``).
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
import logging
import re

from spacy.tokens import Token

from kg.profiles import any_language
from kg.resources import ontology_file

YEAR = re.compile(r"^(1[89]\d\d|20\d\d)$")
DAY = re.compile(r"^([12]?\d|3[01])$")
#: Dependents that start a clause of their own: their dates are not ours.
CLAUSAL = {"ccomp", "advcl", "acl", "acl:relcl", "parataxis", "conj", "csubj", "xcomp", "list"}


@functools.cache
def _time_words() -> dict[str, tuple[str, str]]:
    words: dict[str, tuple[str, str]] = {}
    with ontology_file("lexicon/time.tsv").open(encoding="utf-8") as handle:
        for row in csv.reader(handle, delimiter="\t"):
            if row and not row[0].startswith("#"):
                words[row[1].lower()] = (row[2], row[3])
    return words


def is_time_word(text: str) -> bool:
    """A month or weekday name (so never an actor)."""
    kind = _time_words().get(text.lower())
    return kind is not None and kind[0] in ("month", "weekday")


log = logging.getLogger(__name__)


def parse_date(value: str | None) -> tuple[int, int | None, int | None] | None:
    if not value:
        return None
    parts = [int(p) for p in value.split("-")]
    return parts[0], parts[1] if len(parts) > 1 else None, parts[2] if len(parts) > 2 else None


def clause_tokens(predicate: Token) -> list[Token]:
    """The predicate's own clause: its subtree without nested clauses."""

    def own(child: Token) -> bool:
        # Coordinated nouns and numbers ("in 2018 en 2019") belong to the clause.
        if child.dep_ == "conj":
            return child.pos_ not in ("VERB", "AUX")
        return child.dep_ not in CLAUSAL

    tokens = [predicate]
    stack = [c for c in predicate.children if own(c)]
    while stack:
        token = stack.pop()
        tokens.append(token)
        stack.extend(c for c in token.children if own(c))
    # An auxiliary's or a light verb's dates count for the noun they govern.
    if (
        predicate.pos_ == "NOUN"
        and predicate.head.i != predicate.i
        and predicate.dep_ in ("obj", "nsubj")
    ):
        head = predicate.head
        for child in head.children:
            if (
                child.dep_ in ("obl", "obl:tmod", "advmod", "nmod:tmod", "obl:npmod")
                and child != predicate
            ):
                tokens.extend(child.subtree)
    # A time phrase right after an event noun is the event's, wherever the parser
    # attached it ("na de ontmoetingen met Trump in 2018": "in 2018" may hang on
    # the main verb; the adjacent, low reading is the usual one).
    elif predicate.pos_ == "NOUN" and predicate.head.i != predicate.i:
        after = predicate.right_edge.i + 1
        for child in predicate.head.children:
            if child.dep_ in ("obl", "obl:tmod", "nmod:tmod") and child.left_edge.i == after:
                tokens.extend(child.subtree)
    return sorted(set(tokens), key=lambda t: t.i)


def dates_in(tokens: list[Token], article_date: str | None) -> list[str]:
    """Every date stated among ``tokens`` (several for "in 2018 en 2019")."""
    words = _time_words()
    found: list[str] = []
    anchor = parse_date(article_date)
    for token in tokens:
        text = token.text.lower()
        if YEAR.match(text) and not _is_quantity(token):
            month = _month_before(token, words)
            day = token.doc[token.i - 2].text if month and token.i > 1 else ""
            if month and DAY.match(day) and _real_day(int(text), month, int(day)):
                found.append(f"{text}-{month:02d}-{int(day):02d}")  # "30 september 2018"
            else:
                found.append(f"{text}-{month:02d}" if month else text)
            continue
        kind = words.get(text)
        if kind is None:
            continue
        if kind[0] == "month":
            day = token.doc[token.i - 1].text if token.i > 0 else ""
            year_next = token.doc[token.i + 1].text if token.i + 1 < len(token.doc) else ""
            if YEAR.match(year_next):
                continue  # "maart 2021": taken with the year
            if anchor:
                month = int(kind[1])
                year = _nearest_year(month, anchor)
                if DAY.match(day):
                    if _real_day(year, month, int(day)):
                        found.append(f"{year}-{month:02d}-{int(day):02d}")
                    else:
                        log.warning("'%s %s' is no date; left out", day, token.text)
                else:
                    found.append(f"{year}-{month:02d}")
        elif kind[0] == "weekday":
            found.append(_weekday(int(kind[1]), anchor, article_date))
        elif kind[0] == "relative" and anchor:
            if kind[1] == "month":
                found.append(f"{anchor[0]}-{anchor[1]:02d}" if anchor[1] else str(anchor[0]))
            elif anchor[2]:
                day = dt.date(*anchor) - dt.timedelta(days=int(kind[1]))  # type: ignore[arg-type]
                found.append(day.isoformat())
    return list(dict.fromkeys(found))


def _nearest_year(month: int, anchor: tuple[int, int | None, int | None]) -> int:
    """The year of a month named without one: the article's, unless that puts it more
    than half a year after the article ("28 december" in a January article is last
    December's; "15 december" in a November one is still this year's)."""
    year, article_month = anchor[0], anchor[1]
    if article_month is not None and month - article_month > 6:
        return year - 1
    return year


def _real_day(year: int, month: int, day: int) -> bool:
    try:
        dt.date(year, month, day)
    except ValueError:
        return False
    return True


def _is_quantity(token: Token) -> bool:
    """ "2018 doden" is a count, not a year."""
    return token.dep_ == "nummod" and token.head.pos_ == "NOUN"


def _month_before(token: Token, words: dict[str, tuple[str, str]]) -> int | None:
    if token.i == 0:
        return None
    kind = words.get(token.doc[token.i - 1].text.lower())
    return int(kind[1]) if kind and kind[0] == "month" else None


def _weekday(weekday: int, anchor: tuple | None, article_date: str | None) -> str:
    """The last such weekday on or before the article's date (news reports
    the recent past); month precision when the date line has no day."""
    if not anchor:
        return ""
    if not anchor[2]:
        return article_date or ""
    day = dt.date(*anchor)
    back = (day.isoweekday() - weekday) % 7
    return (day - dt.timedelta(days=back)).isoformat()


def clause_dates(token: Token, date: str | None) -> list[str]:
    """Dates of the predicate's own clause, else of the clauses that report or
    govern it ("On Thursday, Macron announced that he was withdrawing ..."),
    relative ones resolved against ``date`` (the article's)."""
    node = token
    for _ in range(4):
        found = dates_in(clause_tokens(node), date)
        if found or node.head.i == node.i:
            return found
        if node.pos_ == "NOUN" and node.dep_ in ("obj", "nsubj", "nsubj:pass"):
            node = node.head  # the light verb's clause: clause_tokens covered its modifiers
        elif node.dep_ in ("ccomp", "xcomp", "advcl", "conj", "parataxis", "csubj"):
            node = node.head
        else:
            return found
    return []


def mentioned_periods(words: set[str], article_date: str | None) -> list[tuple[dt.date, dt.date]]:
    """The periods a sentence's words name: its years, or its months (in the year
    it names, else the article's, a month after the article's date being last
    year's). Empty where it names none. ``words`` are lower-cased."""
    names = _time_words()
    years = sorted(int(w) for w in words if YEAR.match(w))
    months = sorted(
        int(names[w][1])
        for w in words
        if w in names and names[w][0] == "month" and w not in any_language("ambiguous_months")
    )
    anchor = parse_date(article_date)
    if not years and not months:
        return []
    if not years:
        if not anchor:
            return []
        year, month = anchor[0], anchor[1] or 12
        years = [year]
        if all(m > month for m in months):
            years = [year - 1]  # news reports the recent past
    if not months:
        return [(dt.date(y, 1, 1), dt.date(y, 12, 31)) for y in years]
    return [
        (dt.date(y, m, 1), dt.date(y + m // 12, m % 12 + 1, 1) - dt.timedelta(days=1))
        for y in years
        for m in months
    ]
