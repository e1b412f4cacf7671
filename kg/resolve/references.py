"""References back to actors already named: pronouns ("hij", "die"),
definite descriptions ("de militante beweging", "de Chinese hoofdstad",
"de Venezolaanse regering") and events named by a cue noun ("de parade")."""

from __future__ import annotations

from spacy.tokens import Span, Token

from kg.events import matching_event
from kg.gazetteer import Gazetteer
from kg.lexicon import Lexicon, load_lexicon
from kg.profiles import profile
from kg.records import Actor, Mention
from kg.resolve.mentions import Resolution
from kg.resolve.new_names import nationality_forms
from kg.resolve.pronouns import bound_pronoun
from kg.resolve.roles import demonym_key
from kg.resolve.sets import plural_verb

#: How many sentences back a pronoun may find its antecedent as a mere mention.
PRONOUN_REACH = 5


def references(result: Resolution, gazetteer: Gazetteer, lexicon: Lexicon, lang: str) -> None:
    """Pronouns and definite descriptions, resolved to a salient earlier actor."""
    doc = result.doc
    pronouns = profile(lang).person_pronouns
    sentences = list(doc.sents)
    for index, sent in enumerate(sentences):
        for token in sent:
            taken = result.by_token.get(token.i)
            if taken is not None and (
                _capitalised_description(taken, token, lexicon, lang)
                or (
                    taken.how == "new"
                    and taken.text == token.text
                    and _elided_name(result, token, lang)
                )
            ):
                result.remove(taken)  # "de Golfstaat", "the North": a description, no new name
            if token.i in result.by_token or token.i in result.sets:
                continue
            lower = token.text.lower()
            if lower in profile(lang).demonstrative_subjects and _opens_clause(token):
                # "Die waarschuwde dat ...": a demonstrative shifts to the person
                # mentioned last, where "hij" would keep to the subject
                earlier = [
                    m for m in result.mentions if m.start < token.idx and m.actor.kind == "Person"
                ]
                actor = earlier[-1].actor if earlier else None
                if actor:
                    result.add(doc[token.i : token.i + 1], actor, "pronoun")
            elif (elided := _elided_name(result, token, lang)) is not None:
                # "the North" after North Korea, "the South" after South Sudan
                result.add(doc[token.i : token.i + 1], elided, "description")
            elif token.pos_ in ("PRON", "DET") and (
                bound := bound_pronoun(result, sentences, index, token, gazetteer)
            ):
                # "it", "its", "het"; "we" in a quote; "thanked X for his support"
                result.add(doc[token.i : token.i + 1], bound, "pronoun")
            elif token.pos_ == "PRON" or (token.pos_ == "DET" and lower in pronouns):
                gender = pronouns.get(lower)
                if gender is None or (lower in ("ze", "zij") and plural_verb(token)):
                    continue
                actor = _antecedent(result, sentences, index, token, ("Person",), gender)
                if actor:
                    result.add(doc[token.i : token.i + 1], actor, "pronoun")
            elif token.pos_ == "NOUN" or (
                token.pos_ == "PROPN" and lexicon.description(lang, token.lower_)
            ):
                described = lexicon.description(lang, token.lemma_.lower())
                if lexicon.described_as(lang, token.lemma_, "only") or (
                    lexicon.described_as(lang, token.lemma_, "set")
                    and "Number=Plur" in str(token.morph)
                ):
                    continue  # "the allies", "de staten": a set or nothing (sets.py)
                if lexicon.described_as(lang, token.lemma_, "modified"):
                    continue  # "Turkish troops": institutions(), with a demonym only
                owner = _owning_state(token, result)  # "Kenya's capital"
                if described is None or not (_definite(token) or (described[1] and owner)):
                    continue
                kind, capital = described
                demonym = next(
                    (
                        demonym_key(c, gazetteer, result)
                        for c in token.children
                        if c.dep_ == "amod" and demonym_key(c, gazetteer, result)
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
                            demonym_key(c, gazetteer, result)
                            for c in token.children
                            if c.dep_ == "amod" and demonym_key(c, gazetteer, result)
                        ),
                        owner,
                    )
                    city = (
                        gazetteer.actors.get(gazetteer_capital(gazetteer, state)) if state else None
                    )
                    if city:
                        result.add(doc[token.i : token.i + 1], city, "description")
                        result.metonyms[token.i] = gazetteer.actors[state]
                    continue
                if lexicon.described_as(lang, token.lemma_, "topic") and not any(
                    c.dep_.startswith("nmod") for c in token.children
                ):
                    # "the regime": the state the article is about, not the last one named
                    actor = _topic(result, token, kind)
                elif _introduced_as_new(token):
                    continue  # "recognised the new government": another one than named
                else:
                    # "Spain recognised the government": not Spain's own
                    excluded = _co_arguments(token, result)
                    actor = _antecedent(result, sentences, index, token, (kind,), None, excluded)
                if actor:
                    result.add(doc[token.i : token.i + 1], actor, "description")


#: Adjectives that make a description a new referent, not one named before.
NEW_REFERENT = frozenset(
    {"new", "nieuw", "nieuwe", "interim", "future", "toekomstig", "toekomstige"}
)


def _introduced_as_new(token: Token) -> bool:
    return any(c.dep_ == "amod" and c.lower_ in NEW_REFERENT for c in token.children)


def _co_arguments(token: Token, result: Resolution) -> tuple[Actor, ...]:
    """The actors of the subject of the verb a noun is the object of: a definite
    description there does not refer back to them ("Spain and Portugal recognised
    the government" is no government of theirs)."""
    verb = token.head
    if token.dep_ not in ("obj", "iobj") or verb.i == token.i:
        return ()
    found = []
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if verb.dep_ == "conj" and verb.head.i < verb.i:
        subjects.append(verb.head)  # "Chile and Peru recognised", parsed with Chile as root
    for subject in subjects:
        for word in [subject] + [c for c in subject.children if c.dep_ == "conj"]:
            actor = result.actor_at(word)
            if actor is not None:
                found.append(actor)
    return tuple(found)


#: Compass words that, capitalised and definite, stand for a state named with
#: them: "the North" for North Korea (the English name's start, or the Dutch one's).
ELIDED_NAMES = {
    "en": {"north": ("North ", ""), "south": ("South ", "")},
    "nl": {"noorden": ("", "Noord-"), "zuiden": ("", "Zuid-")},
}


def _elided_name(result: Resolution, token: Token, lang: str) -> Actor | None:
    prefixes = ELIDED_NAMES.get(lang, {}).get(token.lower_)
    if prefixes is None or not token.text[:1].isupper():
        return None
    doc = token.doc
    if token.i == 0 or doc[token.i - 1].lower_ not in ("the", "het"):
        return None
    if token.i + 1 < len(doc) and doc[token.i + 1].text[:1].isupper():
        return None  # "the North Korean leader", "the North Atlantic"
    english, dutch = prefixes
    for mention in reversed(result.mentions):
        actor = mention.actor
        if mention.start >= token.idx or actor.kind != "State":
            continue
        if (english and actor.name.startswith(english)) or (
            dutch and (actor.name_nl or "").startswith(dutch)
        ):
            return actor
    return None


def _capitalised_description(mention: Mention, token: Token, lexicon: Lexicon, lang: str) -> bool:
    """A new one-word "name" that is a capitalised description noun ("de Golfstaat")."""
    return (
        mention.how == "new"
        and mention.text == token.text
        and lexicon.description(lang, token.lower_) is not None
        and _definite(token)
    )


def _topic(result: Resolution, token: Token, kind: str) -> Actor | None:
    """The actor of ``kind`` named most often before ``token`` (the first of equals)."""
    counts: dict[str, int] = {}
    actors: dict[str, Actor] = {}
    for mention in result.mentions:
        if mention.start < token.idx and mention.actor.kind == kind:
            counts[mention.actor.key] = counts.get(mention.actor.key, 0) + 1
            actors.setdefault(mention.actor.key, mention.actor)
    if not counts:
        return None
    return actors[max(counts, key=lambda key: counts[key])]


def institutions(result: Resolution, gazetteer: Gazetteer, lexicon: Lexicon, lang: str) -> None:
    """A state's institutions and collectives by its demonym or name: "Turkish
    troops", "de Russische delegatie", "US troops", "Iran's army" (descriptions
    flagged modified); and its people as a definite plural, "the Americans",
    "de Russen", which news uses for the state."""
    doc = result.doc
    for token in doc[1:]:
        demonym_key(token, gazetteer, result)  # "North Korean": "North" is no name
    for token in doc:
        if token.i in result.by_token or token.i in result.sets:
            continue
        state = None
        if _institution_noun(token, lexicon, lang):
            states = _states_beside(token, result, gazetteer)
            if len(states) > 1:
                result.sets[token.i] = tuple(states)  # "the Russian and Turkish troops"
                continue
            state = states[0] if states else None
        elif (
            token.pos_ in ("PROPN", "NOUN")
            and "Number=Plur" in str(token.morph)
            and any(c.dep_ == "det" and c.lower_ in ("de", "the") for c in token.children)
        ):
            key = next(filter(None, map(gazetteer.demonym, nationality_forms(token))), None)
            state = gazetteer.actors.get(key or "")
        if state is not None and state.kind in ("State", "Organization"):
            result.add(doc[token.i : token.i + 1], state, "description")


def _institution_noun(token: Token, lexicon: Lexicon, lang: str) -> bool:
    """A noun for a state's institution or forces ("troops", "de delegatie"), also
    as the head of a Dutch compound ("grondtroepen", "de bezettingsmacht")."""
    if lexicon.described_as(lang, token.lemma_, "modified") or lexicon.described_as(
        lang, token.lower_, "modified"
    ):
        return True
    if lang != "nl" or token.pos_ != "NOUN":
        return False
    word = token.lower_
    return any(
        lexicon.described_as(lang, word[i:].lstrip("-"), "modified")
        for i in range(3, len(word) - 3)
    )


def _states_beside(token: Token, result: Resolution, gazetteer: Gazetteer) -> list[Actor]:
    """The states the demonyms ("Turkse troepen", "Russian and Turkish troops")
    or names ("US troops", "Iran's army", "de troepen van de VS en Frankrijk")
    beside a noun name, coordinated ones included ("US, French and Turkish forces")."""
    states: list[Actor] = []
    for child in token.children:
        before = child.i < token.i and child.dep_ in ("amod", "compound", "nmod:poss")
        after = child.dep_.startswith("nmod") and any(
            c.dep_ == "case" and c.lower_ in ("van", "of") for c in child.children
        )
        if not (before or after):
            continue
        for word in [child] + [c for c in child.children if c.dep_ == "conj"]:
            actor = gazetteer.actors.get(demonym_key(word, gazetteer, result) or "")
            if actor is None and word.dep_ != "amod":
                actor = result.metonyms.get(word.i) or result.actor_at(word)
            if actor is not None and actor.kind == "State" and actor not in states:
                states.append(actor)
    return states


def names_a_people(token: Token, result: Resolution) -> bool:
    """Whether the token is a state's people ("de Mexicanen", "the Americans"), which
    stands for the state as an actor but, asked or warned, is its populace."""
    mention = result.by_token.get(token.i)
    if mention is None or mention.how != "description" or mention.actor.kind != "State":
        return False
    lexicon = load_lexicon()
    return not _institution_noun(token, lexicon, result.document.lang) and any(
        result.facts.by_demonym(form) for form in nationality_forms(token)
    )


def events(result: Resolution, gazetteer: Gazetteer, lang: str) -> None:
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


def _owning_state(token: Token, result: Resolution) -> str | None:
    """The state a noun is possessed by ("Kenya's capital", "de hoofdstad van
    Kenia"), as a key, or None."""
    for child in token.children:
        mention = result.by_token.get(child.i)
        owned = child.dep_ == "nmod:poss" or (
            child.dep_ == "nmod" and any(c.lower_ in ("of", "van") for c in child.children)
        )
        if owned and mention is not None and mention.actor.kind == "State":
            return mention.actor.key
    return None


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
    excluded: tuple[Actor, ...] = (),
) -> Actor | None:
    """The most salient fitting actor before ``token``: a subject earlier in
    the same sentence, else the nearest fitting mention in that sentence, else
    the subject of one of the two previous sentences, else the latest mention
    within the last PRONOUN_REACH sentences; never one of ``excluded``."""

    def fits(mention: Mention) -> bool:
        actor = mention.actor
        if actor.kind not in kinds or actor in excluded:
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
    # the latest mention, if it is recent: a pronoun does not reach back past a few
    # sentences (nor, in a file of several stories, into another story)
    reach = sentences[max(0, index - PRONOUN_REACH)].start_char
    return before[-1].actor if before[-1].start >= reach else None


def _is_subject(result: Resolution, mention: Mention) -> bool:
    span = result.doc.char_span(mention.start, mention.end, alignment_mode="expand")
    return span is not None and span.root.dep_.startswith("nsubj")
