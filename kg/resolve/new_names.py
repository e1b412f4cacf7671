"""Proper names the gazetteer does not know become new actors: where such a name
begins and ends, which words before it are no part of it (titles, nationality
and party nouns, time words), what it names, and which earlier person a short
mention of it ("Ri", "Moualem") refers back to."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from difflib import SequenceMatcher

from spacy.tokens import Doc, Span, Token

from kg.dates import dates_in, is_time_word
from kg.gazetteer import Gazetteer
from kg.lexicon import Lexicon, function_words, load_lexicon
from kg.profiles import any_language, profiles
from kg.records import Actor, Mention
from kg.resolve.mentions import Resolution
from kg.resolve.names import is_particle
from kg.resolve.spelling import spelling_key

#: How alike a first name must be to a known person's to be theirs, spelt otherwise.
GIVEN_NAME_SIMILARITY = 0.6


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
        # an office of several words opening it: "Prime Minister Giorgia Meloni"
        office = next(
            (e - b for b, e in result.role_spans.values() if b == span.start and e <= span.end), 0
        )
        if office and office == len(span):
            continue  # the office alone ("Prime Minister" tagged as a name)
        skip = office or (1 if titled else 0)
        titled = titled or bool(office)
        if _is_time_word(span) or not any(c.isalpha() for c in span.text):
            continue
        if _named_thing(span, lexicon, lang):
            continue
        if len(span) == 1 and span[0].is_stop:
            continue  # a capitalised function word ("De") the tagger took for a name
        if (
            _opens_sentence(span)
            and (lang, span.text.lower()) in function_words()
            and spelling_key(span.text) not in surnames
        ):
            continue  # "Amper enkele uren later ...": an adverb opening the sentence
        if len(span) == 1 and span[0].pos_ == "X" and spelling_key(span.text) not in surnames:
            continue  # a foreign word alone ("Save the Children") says too little
        if len(span) == 1 and span.start in result.modifiers:
            continue  # "Ryanair-vliegtuig": a thing of a known actor, not a new name
        if len(span) == 1 and any(map(gazetteer.demonym, nationality_forms(span[0]))):
            continue  # "de Mexicanen", "the Americans": a people, no new name
        if len(span) == 1 and (span.start in result.roles or "Number=Plur" in str(span[0].morph)):
            continue  # "Commissievoorzitter" is an office, "Europeanen" a plural: not names
        name = span[skip:]
        known = surnames.get(spelling_key(span[-1].text)) if len(name) == 1 else None
        if known is None and len(name) == 1 and name[0].pos_ == "PROPN":
            known = _office_holder_by_surname(name.text, gazetteer, result.document.date)
        before = result.by_token.get(span.start - 1)
        if before is not None and span.text in before.actor.name.split():
            known = before.actor  # the rest of a name split by a longer alias match
        elif span.start >= 2 and is_particle(doc[span.start - 1]):
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
        name = span[skip:]  # the span may have grown just above
        kind = "Person" if title else _kind_by_words(name, lexicon, lang)
        actor = _new_actor(name, kind)
        result.add(span, actor, "new")
        if actor.kind == "Person":
            _remember_surname(surnames, name.text, actor)


def _opens_sentence(span: Span) -> bool:
    """Whether only punctuation (an opening quote) stands before the span in its sentence."""
    return len(span) == 1 and all(t.is_punct for t in span.doc[span.sent.start : span.start])


def _office_holder_by_surname(word: str, gazetteer: Gazetteer, date: str | None) -> Actor | None:
    """ "Sánchez" with no first name before it: the one office-holder of the article's
    date with that surname, if exactly one (news names leaders by surname alone)."""
    if date is None:
        return None
    found = _holders_by_surname(gazetteer, date).get(spelling_key(word), [])
    return found[0] if len(found) == 1 else None


def _holders_by_surname(gazetteer: Gazetteer, date: str) -> dict[str, list[Actor]]:
    """Office-holders of ``date`` by the spelling key of their surname (cached)."""
    index = _SURNAME_INDEX.get(date)
    if index is None:
        index = {}
        for actor in gazetteer.office_holders(date):
            if actor.kind == "Person" and " " in actor.name:
                surname = actor.name.rsplit(" ", 1)[1]
                index.setdefault(spelling_key(surname), []).append(actor)
        if len(_SURNAME_INDEX) > 256:
            _SURNAME_INDEX.clear()
        _SURNAME_INDEX[date] = index
    return index


#: Office-holders by surname spelling key, per article date (a cache).
_SURNAME_INDEX: dict[str, dict[str, list[Actor]]] = {}


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
        while inner < len(doc) and inner - end < 2 and is_particle(doc[inner]):
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
    slug = actor_slug(name)
    if kind_by_word == "Person" or (kind_by_word in ("Place", "Organization") and len(span) > 1):
        return Actor(key=f"new/{slug}", name=name, kind=kind_by_word)
    kind = (
        "Person"
        if len(span) >= 2 and all(t.text[:1].isupper() or is_particle(t) for t in span)
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


def _after_locative(span: Span) -> bool:
    """Whether a name is the object of a place preposition: the word before it,
    or a case word of any of its tokens (the parser may head the name anywhere)."""
    before = span.doc[span.start - 1] if span.start > span.sent.start else None
    places = any_language("place_prepositions")
    if before is not None and before.lower_ in places:
        return True
    return any(c.dep_ == "case" and c.lower_ in places for t in span for c in t.children)


def actor_slug(name: str) -> str:
    """A readable ASCII key for a new actor's name, distinct for distinct names:
    transliterated by anyascii ("Søren Østergaard" -> soren_ostergaard, "Владимир
    Путин" -> vladimir_putin); a name with no letters to spell gets a content hash."""
    from anyascii import anyascii

    slug = re.sub(r"[^a-z0-9]+", "_", anyascii(name).lower()).strip("_")
    return slug or "unnamed_" + hashlib.sha1(name.encode("utf-8")).hexdigest()[:10]


def _ascii(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()


def nationality_forms(token: Token) -> list[str]:
    """The adjectives a nationality noun may come from, for the demonym table:
    "Americans" -> American; "Amerikaan" -> Amerikaans, "Rus" -> Russisch,
    "Duitser" -> Duits, "Syriër" -> Syrisch, "Chinees" -> Chinees."""
    lemma = token.lemma_
    if lemma[:1].islower():
        lemma = lemma[:1].upper() + lemma[1:]
    for p in profiles():
        for ending in p.lemma_plural_endings:
            if lemma == token.text and lemma.endswith(ending) and len(lemma) > 5:
                # a plural the lemmatizer left alone ("Mexicanen"): its singular, "Mexicaan"
                lemma = _open_syllable(lemma[: -len(ending)])
    forms = [lemma]
    for p in profiles():
        for ending, adjective in p.demonym_endings:
            if lemma.endswith(ending):
                forms.append(lemma[: len(lemma) - len(ending)] + adjective)
    for p in profiles():
        for ending in p.plural_endings:
            if token.text.endswith(ending):
                forms.append(token.text[: -len(ending)])  # "Americans", "Israelis"
    return forms


def _open_syllable(stem: str) -> str:
    """A stem whose last syllable was open before a plural ending, its vowel
    written double again: "Mexican" (from "Mexicanen") -> "Mexicaan"."""
    if stem[-2] in "aeiou" and stem[-3] not in "aeiou":
        return stem[:-1] + stem[-2] + stem[-1]
    return stem
