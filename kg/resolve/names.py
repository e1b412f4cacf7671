"""Names: gazetteer aliases (multi-word, case-aware, possessive "Kims", spelt
otherwise), seats of power, capitals that may stand for their state, datelines,
and actors named as modifiers ("Russische", "Ryanair-vliegtuig"). Unknown names
become new actors in kg.resolve.new_names."""

from __future__ import annotations

import functools
import re
from collections import Counter

import spacy
from spacy.lang.en.stop_words import STOP_WORDS as EN_STOP_WORDS
from spacy.lang.nl.stop_words import STOP_WORDS as NL_STOP_WORDS
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans
from spacy.vocab import Vocab

from kg.gazetteer import Gazetteer, load_gazetteer
from kg.resolve.mentions import Resolution
from kg.resolve.spelling import ARTICLES, spelling_index, spelling_keys

#: Lower-case words inside names: articles, patronymic and nobiliary particles.
NAME_PARTICLES = ARTICLES | {
    "bin",
    "ibn",
    "bint",
    "abu",
    "de",
    "van",
    "der",
    "den",
    "von",
    "da",
    "di",
    "du",
    "la",
    "le",
}
POSSESSIVE = re.compile(r"^(.+?)(?:['’]s|['’]|s)$")


@functools.cache
def _matchers(lang: str, vocab: Vocab) -> tuple[PhraseMatcher, dict[str, str], frozenset[str]]:
    """A phrase matcher over every alias (by lowercase form), the table of
    one-word aliases (for possessives) and the short aliases that must match
    in their exact case ("VS", "EU", "Xi")."""
    make_doc = spacy.blank(lang, vocab=vocab).make_doc
    matcher = PhraseMatcher(vocab, attr="LOWER")
    single: dict[str, str] = {}
    short: set[str] = set()
    patterns: dict[str, list[Doc]] = {}
    for alias, key in load_gazetteer().alias_table(lang):
        if len(alias) < 2:
            continue
        patterns.setdefault(key, []).append(make_doc(alias))
        if " " not in alias:
            single.setdefault(alias.lower(), key)
        if len(alias) <= 4:
            short.add(alias)
            if _spoken_acronym(alias):
                short.add(alias.capitalize())  # Dutch writes "Navo", "Opec"
    for word, key in load_gazetteer().seats_of_power():
        # "het Kremlin", "het Witte Huis": matched like names, resolved to the state
        patterns.setdefault(key, []).append(make_doc(word))
    for key, docs in patterns.items():
        matcher.add(key, docs)
    return matcher, single, frozenset(short)


def _dateline_word(span: Span) -> bool:
    """A short place name in capitals opening a dateline: "ROME (Reuters) -", "OSLO:"."""
    doc = span.doc
    after = doc[span.end].text if span.end < len(doc) else ""
    return span.text.isupper() and span.start == span.sent.start and after in ("(", "-", "–", ":")


def _spoken_acronym(alias: str) -> bool:
    """An acronym said as a word ("NAVO", "OPEC", not "CDA"), which Dutch and some
    English news write with one capital: four or more letters, two vowels at least,
    and not a word in its own right ("WHO")."""
    vowels = sum(c in "AEIOU" for c in alias)
    word = alias.lower()
    return (
        alias.isalpha()
        and alias.isupper()
        and len(alias) >= 4
        and vowels >= 2
        and word not in NL_STOP_WORDS
        and word not in EN_STOP_WORDS
    )


def names(result: Resolution, gazetteer: Gazetteer, lang: str) -> None:
    doc = result.doc
    matcher, single, short = _matchers(lang, doc.vocab)
    spans = []
    for match_id, start, end in matcher(doc):
        span = Span(doc, start, end, label=match_id)
        # Names are capitalised in news text; short names match in their exact case.
        if span.text[:1].isupper() and (
            len(span.text) > 4 or span.text in short or _dateline_word(span)
        ):
            spans.append(span)
    taken: set[int] = set()
    # names spelt otherwise compete with the exact ones, the longer winning: "Emir
    # Tamim bin Hamad bin Khalifa Al Thani" is the emir, not his father named in it
    otherwise = [Span(doc, s.start, s.end, label=key) for s, key in _spelt_otherwise(doc, lang)]
    chosen = [
        s for s in filter_spans(spans + otherwise) if not _head_of_a_longer_name(s, gazetteer, lang)
    ]
    for span, key in zip(chosen, _local_namesakes(chosen, gazetteer, lang), strict=True):
        _add_name(result, span, key, gazetteer)
        taken.update(range(span.start, span.end))
    # Possessives and genitives not in the gazetteer as such: "Kims", "Maduro's".
    for token in doc:
        if token.i in taken or not token.text[:1].isupper():
            continue
        match = POSSESSIVE.match(token.text)
        glued = token.text[:-1] if token.text.endswith(".") and len(token.text) > 2 else ""
        if glued and glued.lower() in single and (len(glued) > 4 or glued in short):
            # "de VN." at the end of a sentence: the tokenizer kept the full stop
            _add_name(result, doc[token.i : token.i + 1], single[glued.lower()], gazetteer)
        elif match and match.group(1).lower() in single:
            _add_name(result, doc[token.i : token.i + 1], single[match.group(1).lower()], gazetteer)
        elif token.i + 1 < len(doc) and doc[token.i + 1].text in ("'s", "’s"):
            key = single.get(token.text.lower())
            if key:
                _add_name(result, doc[token.i : token.i + 1], key, gazetteer)


def _head_of_a_longer_name(span: Span, gazetteer: Gazetteer, lang: str) -> bool:
    """A one-word organisation name that ends a longer capitalised name the
    gazetteer does not know: "Congress" in "Indian National Congress", "Council" in
    "National Security Council" is another body. A demonym, a title or an office
    before it ("the Iraqi Parliament", "President Bush") keeps the name."""
    if len(span) != 1 or gazetteer.actors[span.label_].kind != "Organization":
        return False
    before = span.start - 1
    if before < span.sent.start:
        return False
    word = span.doc[before]
    if not (word.is_alpha and word.text[:1].isupper()) or before == span.sent.start:
        return False
    office_words = gazetteer.office_words(lang)
    return not (
        gazetteer.demonym(word.text)
        or word.lower_ in office_words
        or alias_key(word.text, gazetteer, lang)
    )


def _spelt_otherwise(doc: Doc, lang: str) -> list[tuple[Span, str]]:
    """Names the gazetteer knows under another spelling ("Kasym-Zjomart Tokajev",
    "Walid al-Moualem", "Ri Yong Ho"): every stretch of a run of name words whose
    spelling key is an alias's (the caller keeps the longest). One word alone
    counts only when tagged a name."""
    index = spelling_index(lang)
    found = []
    for start, end in _name_runs(doc):
        for i in range(start, end):
            for j in range(i + 1, end + 1):
                span = doc[i:j]
                if span[-1].lower_ in NAME_PARTICLES or not span[-1].text[:1].isalnum():
                    continue
                if len(span) == 1 and (
                    span[0].pos_ != "PROPN" or span[0].is_stop or end - start > 1
                ):
                    continue  # one word of a longer name ("Ayman al-Zawahiri") is not a name
                key = next((index[k] for k in spelling_keys(span.text) if k in index), None)
                if key is not None:
                    found.append((span, key))
    return found


def _name_runs(doc: Doc) -> list[tuple[int, int]]:
    """Runs of capitalised words, with the particles and hyphens between them
    ("Walid al - Moualem")."""
    runs = []
    # each word's capital and sentence once (Token.sent walks the sentence each time)
    capital = [t.text[:1].isupper() for t in doc]
    sentence = [0] * len(doc)
    for sent in doc.sents:
        sentence[sent.start : sent.end] = [sent.start] * len(sent)
    i = 0
    while i < len(doc):
        if not capital[i]:
            i += 1
            continue
        end = i + 1
        while end < len(doc):
            word = doc[end]
            same_sentence = sentence[end] == sentence[i]
            if (capital[end] and same_sentence) or is_particle(word):
                end += 1
            else:
                break
        runs.append((i, end))
        i = end
    return runs


def _local_namesakes(spans: list[Span], gazetteer: Gazetteer, lang: str) -> list[str]:
    """The actor key of each name span, preferring a local namesake.

    "de Socialistische Partij" in an article about Venezuela is the Venezuelan
    ruling party (whose full name contains it), not the Dutch party of that name:
    an organisation whose country the article never mentions otherwise gives way
    to an organisation of a country it does mention, one of whose names contains
    the name as written.
    """
    countries = [gazetteer.country_of(span.label_) for span in spans]
    keys = []
    for i, span in enumerate(spans):
        key, actor = span.label_, gazetteer.actors[span.label_]
        others = Counter(c for j, c in enumerate(countries) if c and j != i)
        if actor.kind == "Organization" and actor.country and not others[actor.country]:
            text = f" {span.text.lower()} "
            for alias, other, country in _organisation_names(lang):
                if other != key and others[country] and text in f" {alias} ":
                    key = other
                    break
        keys.append(key)
    return keys


@functools.cache
def _organisation_names(lang: str) -> tuple[tuple[str, str, str], ...]:
    """(lowercase name, key, country) of every organisation that has a country."""
    gazetteer = load_gazetteer()
    return tuple(
        (alias.lower(), key, actor.country)
        for alias, key in gazetteer.alias_table(lang)
        if (actor := gazetteer.actors[key]).kind == "Organization" and actor.country
    )


def modifiers(result: Resolution, gazetteer: Gazetteer, lang: str) -> None:
    """Demonyms ("Russische") and compound parts ("Ryanair-vliegtuig",
    "NAVO-top") that name an actor while modifying something else."""
    index = alias_index(lang)
    for token in result.doc:
        if token.i in result.by_token:
            continue
        following = result.doc[token.i + 1] if token.i + 1 < len(result.doc) else None
        pair = gazetteer.demonym(f"{token.text} {following.text}") if following else None
        if pair is not None and pair in gazetteer.actors and following.i not in result.by_token:
            # "South Korean": one adjective of two words
            result.modifiers[token.i] = result.modifiers[following.i] = gazetteer.actors[pair]
            continue
        key = gazetteer.demonym(token.text) if token.pos_ in ("ADJ", "PROPN") else None
        if key is None and "-" in token.text[1:-1]:
            # the longest known head: "Al-Qaeda-gelieerde" is Al-Qaeda, not "Al"
            parts = token.text.split("-")
            for cut in range(len(parts) - 1, 0, -1):
                head = "-".join(parts[:cut])
                if len(head) >= 2 and head[0].isupper() and head.lower() in index:
                    key = index[head.lower()]
                    break
        if key is not None and key in gazetteer.actors:
            result.modifiers[token.i] = gazetteer.actors[key]


def datelines(result: Resolution) -> None:
    """ "JERUZALEM (ANP/AFP) - ...": a capitalised place opening a paragraph is
    where the report was filed, never an actor standing for its state."""
    for sent in result.doc.sents:
        first = sent[0]
        if first.is_upper and len(first) > 2 and first.i in result.metonyms:
            following = first.doc[first.i + 1].text if first.i + 1 < len(first.doc) else ""
            if following in ("(", "-", "–", "—", ":"):
                del result.metonyms[first.i]


def _add_name(result: Resolution, span: Span, key: str, gazetteer: Gazetteer) -> None:
    actor = gazetteer.actors[key]
    seat = gazetteer.metonym(span.text)
    if seat and not seat[1] and seat[0] in gazetteer.actors:
        result.add(span, gazetteer.actors[seat[0]], "metonymy")
        return
    result.add(span, actor, "name")
    if actor.kind == "City":
        state = gazetteer.metonym(span.text)
        state_key = state[0] if state else gazetteer.capital_of(key)
        if state_key and state_key in gazetteer.actors:
            for token in span:
                result.metonyms[token.i] = gazetteer.actors[state_key]


def alias_key(text: str, gazetteer: Gazetteer, lang: str) -> str | None:
    table = alias_index(lang)
    return table.get(text.lower())


@functools.cache
def alias_index(lang: str) -> dict[str, str]:
    gazetteer = load_gazetteer()
    index: dict[str, str] = {}
    for alias, key in gazetteer.alias_table(lang):
        index.setdefault(alias.lower(), key)
    return index


def is_particle(token: Token) -> bool:
    """A lower-case word or a hyphen inside a name ("bin", "al", "de", "-")."""
    if token.text in ("-", "‐"):
        return token.i > 0 and not token.doc[token.i - 1].whitespace_ and not token.whitespace_
    return token.text in NAME_PARTICLES
