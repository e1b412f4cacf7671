"""Find the actors an article talks about and link every mention to one of them.

Runs after the spaCy pipeline, over a whole article (coreference needs the
article): gazetteer names (multi-word, case-aware, possessive "Kims"), seats
of power ("het Kremlin"), capitals that may stand for their state (decided
later, by the role the capital plays in a relation), role descriptions resolved
at the article's date ("de Chinese president"), pronouns and definite
descriptions ("hij", "de militante beweging"), and unknown proper names, which
become new actors.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass, field

import spacy
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans
from spacy.vocab import Vocab

from kg.events import matching_event
from kg.gazetteer import Gazetteer, load_gazetteer
from kg.lexicon import Lexicon, load_lexicon
from kg.records import Actor, Document, Mention

# Person pronouns by language: lemma or lower form -> gender ("m"/"f").
PRONOUNS = {
    "nl": {"hij": "m", "hem": "m", "zijn": "m", "zij": "f", "ze": "f", "haar": "f"},
    "en": {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f"},
}
# Demonstratives that, opening a sentence as its subject, point back to a person.
DEMONSTRATIVE_SUBJECTS = {"nl": ("die", "deze")}
# Roles whose holder a bare "leider"/"leader" most likely means, in this order.
LEADER_ROLES = ("leader", "head_of_government", "head_of_state")
POSSESSIVE = re.compile(r"^(.+?)(?:['’]s|['’]|s)$")


@dataclass
class Resolution:
    """The mentions of one article, indexed by token."""

    doc: Doc
    document: Document
    mentions: list[Mention] = field(default_factory=list)
    by_token: dict[int, Mention] = field(default_factory=dict)
    #: capitals and other places that may stand for a state: token -> state actor
    metonyms: dict[int, Actor] = field(default_factory=dict)
    #: role nouns: token -> (role, organisation or state key)
    roles: dict[int, tuple[str, str]] = field(default_factory=dict)
    #: words that name an actor as a modifier: "Ryanair-vliegtuig", "Russische"
    modifiers: dict[int, Actor] = field(default_factory=dict)

    def add(self, span: Span, actor: Actor, how: str) -> Mention:
        mention = Mention(actor, span.start_char, span.end_char, span.text, how)
        self.mentions.append(mention)
        for token in span:
            self.by_token.setdefault(token.i, mention)
        return mention

    def actor_names(self) -> set[str]:
        """Canonical names of every actor the article refers to, in any way."""
        names = {m.actor.name for m in self.mentions}
        names |= {a.name for a in self.metonyms.values()}
        names |= {a.name for a in self.modifiers.values()}
        gazetteer = load_gazetteer()
        names |= {
            gazetteer.actors[org].name for _, org in self.roles.values() if org in gazetteer.actors
        }
        return names

    def actor_at(self, token: Token) -> Actor | None:
        mention = self.by_token.get(token.i)
        return mention.actor if mention else None


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
    for word, key in load_gazetteer().seats_of_power():
        # "het Kremlin", "het Witte Huis": matched like names, resolved to the state
        patterns.setdefault(key, []).append(make_doc(word))
    for key, docs in patterns.items():
        matcher.add(key, docs)
    return matcher, single, frozenset(short)


def resolve(doc: Doc, document: Document) -> Resolution:
    """Link the mentions of ``doc`` (the parsed ``document``) to actors."""
    gazetteer = load_gazetteer()
    lexicon = load_lexicon()
    lang = document.lang
    result = Resolution(doc, document)
    _names(result, gazetteer, lang)
    _datelines(result)
    _modifiers(result, gazetteer, lang)
    _find_roles(result, gazetteer, lexicon, lang)
    _new_names(result, gazetteer)
    _assign_roles(result, gazetteer)
    _references(result, gazetteer, lexicon, lang)
    _events(result, gazetteer, lang)
    result.mentions.sort(key=lambda m: m.start)
    return result


def _names(result: Resolution, gazetteer: Gazetteer, lang: str) -> None:
    doc = result.doc
    matcher, single, short = _matchers(lang, doc.vocab)
    spans = []
    for match_id, start, end in matcher(doc):
        span = Span(doc, start, end, label=match_id)
        # Names are capitalised in news text; short names match in their exact case.
        if span.text[:1].isupper() and (len(span.text) > 4 or span.text in short):
            spans.append(span)
    taken: set[int] = set()
    for span in filter_spans(spans):
        _add_name(result, span, span.label_, gazetteer)
        taken.update(range(span.start, span.end))
    # Possessives and genitives not in the gazetteer as such: "Kims", "Maduro's".
    for token in doc:
        if token.i in taken or not token.text[:1].isupper():
            continue
        match = POSSESSIVE.match(token.text)
        if match and match.group(1).lower() in single:
            _add_name(result, doc[token.i : token.i + 1], single[match.group(1).lower()], gazetteer)
        elif token.i + 1 < len(doc) and doc[token.i + 1].text in ("'s", "’s"):
            key = single.get(token.text.lower())
            if key:
                _add_name(result, doc[token.i : token.i + 1], key, gazetteer)


def _modifiers(result: Resolution, gazetteer: Gazetteer, lang: str) -> None:
    """Demonyms ("Russische") and compound parts ("Ryanair-vliegtuig",
    "NAVO-top") that name an actor while modifying something else."""
    index = _alias_index(lang)
    for token in result.doc:
        if token.i in result.by_token:
            continue
        key = gazetteer.demonym(token.text) if token.pos_ in ("ADJ", "PROPN") else None
        if key is None and "-" in token.text[1:-1]:
            head = token.text.split("-", 1)[0]
            if len(head) >= 2 and head[0].isupper():
                key = index.get(head.lower())
        if key is not None and key in gazetteer.actors:
            result.modifiers[token.i] = gazetteer.actors[key]


def _datelines(result: Resolution) -> None:
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


def _find_roles(result: Resolution, gazetteer: Gazetteer, lexicon: Lexicon, lang: str) -> None:
    """Role nouns: "de Chinese president", "premier van Israël", "Hamasleider",
    "D66-politicus": the role and the state or organisation it belongs to."""
    office_words = {**lexicon.offices.get(lang, {}), **gazetteer.office_words(lang)}
    for token in result.doc:
        role, org = _role_of(token, office_words, gazetteer, result)
        if role:
            result.roles[token.i] = (role, org or "")


def _assign_roles(result: Resolution, gazetteer: Gazetteer) -> None:
    """A role noun beside a name refers to that person (the extractor states
    leaderOf/memberOf); a role noun alone is its holder at the article's date;
    a plural one ("de Europese leiders") is the body itself."""
    date = result.document.date
    for index, (role, org) in sorted(result.roles.items()):
        token = result.doc[index]
        if token.i in result.by_token:
            continue
        named = _named_holder(token, result)
        if named is not None:
            result.by_token[token.i] = named
            continue
        if not org or token.pos_ not in ("NOUN", "PROPN"):
            continue
        span = result.doc[token.i : token.i + 1]
        if "Number=Plur" in str(token.morph):
            if org in gazetteer.actors:
                result.add(span, gazetteer.actors[org], "role")
            continue
        holders = gazetteer.holders_for_word(token.lemma_.lower().replace("_", ""), org, date)
        if not holders:
            for candidate in LEADER_ROLES if role == "leader" else (role,):
                holders = gazetteer.holders(candidate, org, date)
                if holders:
                    break
        if len(holders) == 1:
            result.add(span, holders[0], "role")


def _role_of(
    token: Token, office_words: dict[str, str], gazetteer: Gazetteer, result: Resolution
) -> tuple[str | None, str | None]:
    """The role a noun names and the state or organisation it is a role of."""
    lower = token.text.lower()
    lemma = token.lemma_.lower().replace("_", "")
    role = office_words.get(lower) or office_words.get(lemma)
    if role is None:
        # Compounds: "Hamasleider", "EU-ambassadeur", "D66-politicus".
        for i in range(2, len(lower) - 3):
            rest = lower[i:].lstrip("-")
            if rest not in office_words:
                continue
            head = token.text[:i].rstrip("-")
            key = _alias_key(head, gazetteer, result.document.lang)
            if key is None and head.endswith("s"):  # linking s: "Raadsvoorzitter"
                key = _alias_key(head[:-1], gazetteer, result.document.lang)
            if key:
                return office_words[rest], key
            return office_words[rest], None  # an office all the same ("Commissievoorzitter")
        return None, None
    for child in token.children:
        if child.dep_ in ("amod", "compound") or child.dep_.startswith("nmod"):
            key = gazetteer.demonym(child.text)
            if key is None and child.dep_.startswith("nmod") and result.actor_at(child):
                key = result.actor_at(child).key  # type: ignore[union-attr]
            if key:
                return role, key
    if token.i > 0:
        return role, gazetteer.demonym(token.doc[token.i - 1].text)
    return role, None


def _alias_key(text: str, gazetteer: Gazetteer, lang: str) -> str | None:
    table = _alias_index(lang)
    return table.get(text.lower())


@functools.cache
def _alias_index(lang: str) -> dict[str, str]:
    gazetteer = load_gazetteer()
    index: dict[str, str] = {}
    for alias, key in gazetteer.alias_table(lang):
        index.setdefault(alias.lower(), key)
    return index


def _named_holder(token: Token, result: Resolution) -> Mention | None:
    """The named person a role noun is in apposition with ("president Xi")."""
    for child in token.children:
        if child.dep_ in ("appos", "flat", "nmod", "compound") and child.i in result.by_token:
            mention = result.by_token[child.i]
            if mention.actor.kind == "Person":
                return mention
    nxt = token.i + 1
    if nxt < len(token.doc) and nxt in result.by_token:
        mention = result.by_token[nxt]
        if mention.actor.kind == "Person":
            return mention
    if token.dep_ in ("appos", "flat") and token.head.i in result.by_token:
        mention = result.by_token[token.head.i]
        if mention.actor.kind == "Person":
            return mention
    return None


def _new_names(result: Resolution, gazetteer: Gazetteer) -> None:
    """Proper names the gazetteer does not know become new actors; a surname
    alone refers back to the last person with that surname."""
    doc = result.doc
    surnames: dict[str, Actor] = {}
    for mention in result.mentions:
        if mention.actor.kind == "Person":
            surnames[mention.text.split()[-1].lower()] = mention.actor
    i = 0
    while i < len(doc):
        token = doc[i]
        if token.pos_ != "PROPN" or i in result.by_token or not token.text[:1].isupper():
            i += 1
            continue
        end = i + 1
        while (
            end < len(doc)
            and doc[end].pos_ == "PROPN"
            and end not in result.by_token
            and doc[end].text[:1].isupper()
        ):
            end += 1
        span = doc[i:end]
        i = end
        if _is_time_word(span) or not any(c.isalpha() for c in span.text):
            continue
        if len(span) == 1 and span.start in result.modifiers:
            continue  # "Ryanair-vliegtuig": a thing of a known actor, not a new name
        if len(span) == 1 and (span.start in result.roles or "Number=Plur" in str(span[0].morph)):
            continue  # "Commissievoorzitter" is an office, "Europeanen" a plural: not names
        known = surnames.get(span[-1].text.lower()) if len(span) == 1 else None
        before = result.by_token.get(span.start - 1)
        if before is not None and span.text in before.actor.name.split():
            known = before.actor  # the rest of a name split by a longer alias match
        after = result.by_token.get(span.end)
        if after is not None and after.actor.kind == "Person" and len(span) == 1:
            known = after.actor  # a first name spelt otherwise: "Aleksander Loekasjenko"
        if known:
            result.add(span, known, "name")
            continue
        actor = _new_actor(span)
        result.add(span, actor, "new")
        if actor.kind == "Person":
            surnames[span[-1].text.lower()] = actor


def _is_time_word(span: Span) -> bool:
    from kg.dates import is_time_word

    return all(is_time_word(token.text) for token in span)


def _new_actor(span: Span) -> Actor:
    name = " ".join(token.text for token in span)
    slug = re.sub(r"[^a-z0-9]+", "_", _ascii(name).lower()).strip("_") or "unnamed"
    kind = (
        "Person" if len(span) >= 2 and all(t.text[:1].isupper() for t in span) else "Organization"
    )
    head = span.root.head
    if (
        head.i not in range(span.start, span.end)
        and head.pos_ == "NOUN"
        and span.root.dep_ in ("appos", "flat", "nmod")
    ):
        kind = "Person" if len(span) >= 2 else kind
    return Actor(key=f"new/{slug}", name=name, kind=kind)


def _ascii(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()


def _references(result: Resolution, gazetteer: Gazetteer, lexicon: Lexicon, lang: str) -> None:
    """Pronouns and definite descriptions, resolved to a salient earlier actor."""
    doc = result.doc
    pronouns = PRONOUNS.get(lang, {})
    sentences = list(doc.sents)
    for index, sent in enumerate(sentences):
        for token in sent:
            if token.i in result.by_token:
                continue
            lower = token.text.lower()
            if lower in DEMONSTRATIVE_SUBJECTS.get(lang, ()) and _opens_clause(token):
                # "Die waarschuwde dat ...": a demonstrative shifts to the person
                # mentioned last, where "hij" would keep to the subject
                earlier = [
                    m for m in result.mentions if m.start < token.idx and m.actor.kind == "Person"
                ]
                actor = earlier[-1].actor if earlier else None
                if actor:
                    result.add(doc[token.i : token.i + 1], actor, "pronoun")
            elif token.pos_ == "PRON" or (token.pos_ == "DET" and lower in pronouns):
                gender = pronouns.get(lower)
                if gender is None or (lower in ("ze", "zij") and _plural_verb(token)):
                    continue
                actor = _antecedent(result, sentences, index, token, ("Person",), gender)
                if actor:
                    result.add(doc[token.i : token.i + 1], actor, "pronoun")
            elif token.pos_ == "NOUN":
                described = lexicon.description(lang, token.lemma_.lower())
                if described is None or not _definite(token):
                    continue
                kind, capital = described
                demonym = next(
                    (
                        gazetteer.demonym(c.text)
                        for c in token.children
                        if c.dep_ == "amod" and gazetteer.demonym(c.text)
                    ),
                    None,
                )
                if kind == "State" and demonym in gazetteer.actors:
                    # "de Venezolaanse regering", "het Chinese regime": the state
                    result.add(doc[token.i : token.i + 1], gazetteer.actors[demonym], "description")
                    continue
                if capital:
                    state = next(
                        (
                            gazetteer.demonym(c.text)
                            for c in token.children
                            if c.dep_ == "amod" and gazetteer.demonym(c.text)
                        ),
                        None,
                    )
                    city = (
                        gazetteer.actors.get(gazetteer_capital(gazetteer, state)) if state else None
                    )
                    if city:
                        result.add(doc[token.i : token.i + 1], city, "description")
                        result.metonyms[token.i] = gazetteer.actors[state]
                    continue
                actor = _antecedent(result, sentences, index, token, (kind,), None)
                if actor:
                    result.add(doc[token.i : token.i + 1], actor, "description")


def _events(result: Resolution, gazetteer: Gazetteer, lang: str) -> None:
    """Cue nouns that refer to a known event ("de militaire parade in Beijing")."""
    for sent in result.doc.sents:
        keys = {
            m.actor.key
            for i in range(sent.start, sent.end)
            if (m := result.by_token.get(i)) is not None
        }
        keys |= {state.key for i, state in result.metonyms.items() if sent.start <= i < sent.end}
        words = {t.lower_ for t in sent}
        for token in sent:
            if token.pos_ != "NOUN" or token.i in result.by_token:
                continue
            cue = (token.lemma_, token.text)
            key = matching_event(cue, lang, result.document.date, keys, words)
            if key is not None and key in gazetteer.actors:
                result.add(result.doc[token.i : token.i + 1], gazetteer.actors[key], "description")


def gazetteer_capital(gazetteer: Gazetteer, state: str) -> str:
    """The key of a state's capital city ('' if unknown)."""
    for key, actor in gazetteer.actors.items():
        if actor.kind == "City" and gazetteer.capital_of(key) == state:
            return key
    return ""


def _opens_clause(token: Token) -> bool:
    return token.i == token.sent.start and token.dep_ == "nsubj" and token.pos_ == "PRON"


def _plural_verb(token: Token) -> bool:
    head = token.head
    return "Number=Plur" in str(head.morph) or any(
        "Number=Plur" in str(c.morph) for c in head.children if c.dep_ in ("aux", "cop")
    )


def _definite(token: Token) -> bool:
    return any(
        c.dep_ == "det"
        and c.lower_ in ("de", "het", "die", "dat", "deze", "dit", "the", "this", "that")
        for c in token.children
    )


def _antecedent(
    result: Resolution,
    sentences: list[Span],
    index: int,
    token: Token,
    kinds: tuple[str, ...],
    gender: str | None,
) -> Actor | None:
    """The most salient fitting actor before ``token``: a subject earlier in
    the same sentence, else the nearest fitting mention in that sentence, else
    the subject of one of the two previous sentences, else the latest mention."""

    def fits(mention: Mention) -> bool:
        actor = mention.actor
        if actor.kind not in kinds:
            return False
        return not (gender and actor.gender and actor.gender != gender)

    before = [m for m in result.mentions if m.start < token.idx and fits(m) and m.how != "pronoun"]
    if not before:
        return None
    sent = sentences[index]
    same = [m for m in before if m.start >= sent.start_char]
    for mention in same:
        if _is_subject(result, mention):
            return mention.actor
    if same:
        return same[-1].actor
    for back in (1, 2):
        if index - back < 0:
            break
        earlier = sentences[index - back]
        for mention in before:
            if earlier.start_char <= mention.start < earlier.end_char and _is_subject(
                result, mention
            ):
                return mention.actor
    return before[-1].actor


def _is_subject(result: Resolution, mention: Mention) -> bool:
    span = result.doc.char_span(mention.start, mention.end, alignment_mode="expand")
    return span is not None and span.root.dep_.startswith("nsubj")


def with_state(actor: Actor, result: Resolution, token: Token) -> Actor:
    """The state a capital stands for, when the capital is used as an actor."""
    state = result.metonyms.get(token.i)
    return state if state is not None else actor
