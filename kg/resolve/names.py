"""Names: gazetteer aliases (multi-word, case-aware, possessive "Kims"), seats
of power, capitals that may stand for their state, datelines, actors named as
modifiers ("Russische", "Ryanair-vliegtuig"), and unknown names as new actors."""

from __future__ import annotations

import functools
import re
import unicodedata
from collections import Counter
from difflib import SequenceMatcher

import spacy
from spacy.lang.en.stop_words import STOP_WORDS as EN_STOP_WORDS
from spacy.lang.nl.stop_words import STOP_WORDS as NL_STOP_WORDS
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans
from spacy.vocab import Vocab

from kg.dates import dates_in, is_time_word
from kg.gazetteer import Gazetteer, load_gazetteer
from kg.lexicon import Lexicon, load_lexicon
from kg.records import Actor, Mention
from kg.resolve.mentions import Resolution
from kg.resolve.spelling import ARTICLES, spelling_index, spelling_key, spelling_keys

#: How alike a first name must be to a known person's to be theirs, spelt otherwise.
GIVEN_NAME_SIMILARITY = 0.6
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
    chosen = filter_spans(spans + otherwise)
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
    i = 0
    while i < len(doc):
        if not doc[i].text[:1].isupper():
            i += 1
            continue
        end = i + 1
        while end < len(doc):
            word = doc[end]
            same_sentence = word.sent.start == doc[i].sent.start
            if (word.text[:1].isupper() and same_sentence) or _particle(word):
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


def new_names(result: Resolution, gazetteer: Gazetteer, lexicon: Lexicon, lang: str) -> None:
    """Proper names the gazetteer does not know become new actors; a surname
    alone refers back to the last person with that surname. A title before a
    name is no part of it, a name after "orkaan" or "operatie" is no actor, and a
    name's last word may say it is a place or an organisation (names.tsv)."""
    doc = result.doc
    surnames: dict[str, Actor] = {}
    for mention in result.mentions:
        if mention.actor.kind == "Person":
            _remember_surname(surnames, mention.text, mention.actor)
    i = 0
    while i < len(doc):
        token = doc[i]
        if i in result.by_token or not token.text[:1].isupper():
            i += 1
            continue
        if token.pos_ not in ("PROPN", "X") or token.is_stop or _nationality_noun(token, gazetteer):
            # a surname the tagger took for another word ("Moualem added") is
            # still the person named in full before; anything else is no name
            known = surnames.get(spelling_key(token.text)) if not token.is_stop else None
            if known is not None and token.pos_ in ("ADJ", "NOUN", "PROPN", "VERB"):
                result.add(doc[i : i + 1], known, "name")
            i += 1
            continue
        end = _name_end(doc, i, i + 1, result)
        start = i
        # any anchor date will do: only whether the word is a date word matters
        while start < end - 1 and dates_in([doc[start]], "2000-01-01"):
            start += 1  # "Yesterday Omar bin Tariq": a time word opening the sentence
        span = doc[start:end]
        i = end
        # a title or an office stays in the mention (the parser may head the name on
        # it) but is no part of the name: "Eerwaarde David Johnson" is David Johnson,
        # "D66-politicus Sjoerd Sjoerdsma" (tagged as a name) is Sjoerd Sjoerdsma
        title = len(span) > 1 and lexicon.name_word(lang, span[0].text) == "title"
        titled = title or (len(span) > 1 and span.start in result.roles)
        if _is_time_word(span) or not any(c.isalpha() for c in span.text):
            continue
        if _named_thing(span, lexicon, lang):
            continue
        if len(span) == 1 and span[0].is_stop:
            continue  # a capitalised function word ("De") the tagger took for a name
        if len(span) == 1 and span[0].pos_ == "X" and spelling_key(span.text) not in surnames:
            continue  # a foreign word alone ("Save the Children") says too little
        if len(span) == 1 and span.start in result.modifiers:
            continue  # "Ryanair-vliegtuig": a thing of a known actor, not a new name
        if len(span) == 1 and (span.start in result.roles or "Number=Plur" in str(span[0].morph)):
            continue  # "Commissievoorzitter" is an office, "Europeanen" a plural: not names
        name = span[1:] if titled else span
        known = surnames.get(spelling_key(span[-1].text)) if len(name) == 1 else None
        before = result.by_token.get(span.start - 1)
        if before is not None and span.text in before.actor.name.split():
            known = before.actor  # the rest of a name split by a longer alias match
        elif span.start >= 2 and _particle(doc[span.start - 1]):
            before = result.by_token.get(span.start - 2)
            if before is not None and before.actor.kind == "Person":
                # "Emir Tamim bin Hamad": the patronymic of the person just named
                known, span = before.actor, doc[span.start - 1 : span.end]
        after = result.by_token.get(span.end)
        if after is not None and after.actor.kind == "Person" and len(name) == 1:
            if " " in after.text or _same_given_name(name.text, after.actor):
                known = after.actor  # a first name spelt otherwise: "Aleksander Loekasjenko"
            else:
                # a bare surname after another first name is another person of that
                # surname: "Eduardo Rodríguez Veltzé" is not Delcy Rodríguez
                end = max(end, _end_token(doc, after))
                result.remove(after)
                end = _name_end(doc, span.start, end, result)
                span, i = doc[span.start : end], end
        if known:
            result.add(span, known, "name")
            continue
        name = span[1:] if titled else span  # the span may have grown just above
        kind = "Person" if title else _kind_by_words(name, lexicon, lang)
        actor = _new_actor(name, kind)
        result.add(span, actor, "new")
        if actor.kind == "Person":
            _remember_surname(surnames, name.text, actor)


def _remember_surname(surnames: dict[str, Actor], text: str, actor: Actor) -> None:
    """Index a person named in full by the name a later short mention uses: the
    last word ("Al-Muallem", also as "Muallem"), or the first where it is the
    family name, as in Korean names with a hyphenated given name ("Ri Yong-ho")."""
    words = text.split()
    if len(words) < 2 and actor.name == text:
        return
    surnames[spelling_key(words[-1])] = actor
    parts = actor.name.split()
    if len(parts) >= 2 and re.fullmatch(r"[A-Z][a-z]+-[a-z]+", parts[-1]):
        surnames[spelling_key(parts[0])] = actor


def _name_end(doc: Doc, start: int, end: int, result: Resolution) -> int:
    """Where a name from ``start`` that runs up to ``end`` really ends: further
    name words, and particles or a glued hyphen before one ("Staffan de Mistura",
    "Walid al-Moualem"). Dutch "van" is also "of": it joins only a first name to
    the rest ("Dries van Agt", not "Chief Executive van Sainsbury's")."""
    while end < len(doc):
        if _loose_name_word(doc[end], result):
            end += 1
            continue
        inner = end
        while inner < len(doc) and inner - end < 2 and _particle(doc[inner]):
            inner += 1
        if doc[end].lower_ == "van" and (end - start > 1 or _not_given_name(doc[start], result)):
            break
        if inner > end and inner < len(doc) and _loose_name_word(doc[inner], result):
            end = inner + 1
        else:
            break
    return end


def _not_given_name(token: Token, result: Resolution) -> bool:
    """An office or a word that says what a name names ("Universiteit van
    Michigan", "Golf van Mexico"), so no given name before "van"."""
    return (
        token.i in result.roles or load_lexicon().name_words.get(("nl", token.lower_)) is not None
    )


def _particle(token: Token) -> bool:
    """A lower-case word or a hyphen inside a name ("bin", "al", "de", "-")."""
    if token.text in ("-", "‐"):
        return token.i > 0 and not token.doc[token.i - 1].whitespace_ and not token.whitespace_
    return token.text in NAME_PARTICLES


def _nationality_noun(token: Token, gazetteer: Gazetteer) -> bool:
    """A noun for a national ("Zweed", "Amerikaan", "Duitser", "Fransman",
    "Briton"), which comes before a name ("de Zweed Carl Bildt") but is none:
    a demonym itself, or one with its adjective ending or person suffix taken off."""
    word = token.text
    if token.i + 1 >= len(token.doc) or not token.doc[token.i + 1].text[:1].isupper():
        return False
    stems = [word, word + "s", word + "se"]
    if word.endswith("er"):
        stems.append(word[:-2])
    if word.endswith("man"):
        stems.append(word[:-3])
    return any(gazetteer.demonym(stem) for stem in stems)


def _end_token(doc: Doc, mention: Mention) -> int:
    """The index of the token just past a mention."""
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    return span.end if span is not None else 0


def _loose_name_word(token: Token, result: Resolution) -> bool:
    """A capitalised proper-name word no mention has taken yet; the parser's flat
    relation says so where the tagger took a surname for a noun ("Maxine Waters")."""
    name_like = token.pos_ in ("PROPN", "X") or (
        token.dep_ == "flat" and token.pos_ in ("NOUN", "ADJ")
    )
    return name_like and token.text[:1].isupper() and token.i not in result.by_token


def _same_given_name(word: str, actor: Actor) -> bool:
    """Whether ``word`` is the actor's given name, perhaps spelt otherwise
    ("Aleksander" for "Alexander", "Vladimir" for "Wladimir")."""
    given = _ascii(actor.name.split()[0]).lower()
    return SequenceMatcher(None, _ascii(word).lower(), given).ratio() >= GIVEN_NAME_SIMILARITY


def _is_time_word(span: Span) -> bool:

    return all(is_time_word(token.text) for token in span)


def _kind_by_words(name: Span, lexicon: Lexicon, lang: str) -> str | None:
    """What a name's words say it names: its last word ("Stille Oceaan", "Delta
    Authority Group") or, as the exact word, its first ("Golf van Mexico", "Punta
    Eugenia", "Universiteit van Gent")."""
    first = lexicon.name_words.get((lang, name[0].text.lower()))
    last = lexicon.name_word(lang, name[-1].text)
    for kind in (last, first):
        if kind in ("Place", "Organization"):
            return kind
    return None


def _named_thing(span: Span, lexicon: Lexicon, lang: str) -> bool:
    """Whether a noun just before the name, or its first word, says it names no
    actor: "orkaan Rosa", "hurricane Rosa", "Operatie Midnight Hammer"."""
    if span.start > span.sent.start:
        before = span.doc[span.start - 1]
        return before.pos_ == "NOUN" and lexicon.name_word(lang, before.lemma_) == "thing"
    # at the start of a sentence the noun is capitalised and may be taken into the
    # name; only the exact word counts there (a first name is never one of them)
    return lexicon.name_words.get((lang, span[0].lower_)) == "thing"


def _new_actor(span: Span, kind_by_word: str | None = None) -> Actor:
    """A new actor for a name; ``kind_by_word`` is what its words say it is (a
    title makes a person, a last word such as "Oceaan" a place)."""
    name = " ".join(span.text.split())  # "al-Moualem" keeps its hyphen
    slug = re.sub(r"[^a-z0-9]+", "_", _ascii(name).lower()).strip("_") or "unnamed"
    if kind_by_word == "Person" or (kind_by_word in ("Place", "Organization") and len(span) > 1):
        return Actor(key=f"new/{slug}", name=name, kind=kind_by_word)
    kind = (
        "Person"
        if len(span) >= 2 and all(t.text[:1].isupper() or _particle(t) for t in span)
        else "Organization"
    )
    head = span.root.head
    if (
        head.i not in range(span.start, span.end)
        and head.pos_ == "NOUN"
        and span.root.dep_ in ("appos", "flat", "nmod")
    ):
        kind = "Person" if len(span) >= 2 else kind
    if len(span) >= 2 and _after_locative(span):
        kind = "Place"  # "in Nueva Esperanza", "naar Port Harcourt": a place, not a person
    return Actor(key=f"new/{slug}", name=name, kind=kind)


#: Prepositions that take a place, not a person, as their object.
LOCATIVE = frozenset({"in", "naar", "te", "nabij", "near", "outside", "buiten", "into"})


def _after_locative(span: Span) -> bool:
    """Whether a name is the object of a place preposition: the word before it,
    or a case word of any of its tokens (the parser may head the name anywhere)."""
    before = span.doc[span.start - 1] if span.start > span.sent.start else None
    if before is not None and before.lower_ in LOCATIVE:
        return True
    return any(c.dep_ == "case" and c.lower_ in LOCATIVE for t in span for c in t.children)


def _ascii(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
