"""Pronouns bound by the clause around them rather than by salience: "it",
"its" and "het" for states and organisations ("France said it would recall its
ambassador"), "we", "our", "wij", "ons" inside a quote for the speaker's state,
"zijn"/"its" for a state that is the clause's subject, and a possessive in a
"for"-phrase bound to the object ("thanked Biden for his support")."""

from __future__ import annotations

from spacy.tokens import Span, Token

from kg.gazetteer import Gazetteer
from kg.profiles import any_language, profile
from kg.records import Actor
from kg.resolve.mentions import Resolution

BODY_KINDS = ("State", "Organization", "Group")
QUOTES = frozenset({'"', "“", "”", "‘", "’", "„", "«", "»", "'"})


def bound_pronoun(
    result: Resolution, sentences: list[Span], index: int, token: Token, gazetteer: Gazetteer
) -> Actor | None:
    """The actor a pronoun refers to by the clause it stands in, or None (the
    caller then tries the person pronouns)."""
    lang = result.document.lang
    words = profile(lang)
    lower = token.lower_
    if lower in words.person_possessives and token.dep_ in ("nmod:poss", "det"):
        bound = _for_phrase_object(result, token)
        if bound is not None:
            return bound
    if lower in words.body_possessives and token.dep_ in ("nmod:poss", "det"):
        subject = _clause_subject(result, token.head)
        if subject is not None and subject.kind in BODY_KINDS:
            return subject
        if lang == "en":
            return _previous_subject(result, sentences, index, token)
        return None
    if lower in words.body_subject_pronouns and token.dep_ == "nsubj" and token.pos_ == "PRON":
        verb = token.head
        if verb.pos_ != "VERB" or verb.lemma_.lower() in any_language("empty_subject_verbs"):
            return None
        if any(c.dep_ in ("csubj", "expl") for c in verb.children):
            return None
        # "Japan meldt dat het Taiwan zal helpen", "France said it would ...":
        # the subject of the clause this one is reported or subordinated in
        if verb.dep_ in ("ccomp", "advcl", "conj", "parataxis") and verb.head.i != verb.i:
            subject = _clause_subject(result, verb.head)
            if subject is not None and subject.kind in BODY_KINDS:
                return subject
        if lang == "en":
            return _previous_subject(result, sentences, index, token)
    return None


def quote_pronouns(result: Resolution, gazetteer: Gazetteer) -> None:
    """ "we", "our", "wij", "ons" inside a quote: the speaker's state. Run after
    the other pronouns, as the speaker is often one ("'...', he said")."""
    words = profile(result.document.lang).first_person_plural
    for token in result.doc:
        if token.lower_ in words and token.i not in result.by_token and _in_quote(token):
            state = _speaker_state(result, token, gazetteer)
            if state is not None:
                result.add(result.doc[token.i : token.i + 1], state, "pronoun")


def _clause_subject(result: Resolution, word: Token) -> Actor | None:
    """The actor subject of the clause ``word`` is in (walking up to its verb)."""
    node = word
    for _ in range(4):
        if node.pos_ in ("VERB", "AUX") or node.dep_ == "ROOT":
            break
        node = node.head
    for child in node.children:
        if child.dep_ in ("nsubj", "nsubj:pass") and child.i != word.i:
            actor = result.metonyms.get(child.i) or result.actor_at(child)
            if actor is not None:
                return actor
    return None


def _previous_subject(
    result: Resolution, sentences: list[Span], index: int, token: Token
) -> Actor | None:
    """A state or organisation subject earlier in the sentence or in the one
    before ("Iran rejected the plan. It said ..."); English only, where "it"
    is no article."""
    sent = sentences[index]
    candidates = [t for t in sent if t.i < token.i]
    if index > 0:
        candidates = list(sentences[index - 1]) + candidates
    for other in reversed(candidates):
        if not other.dep_.startswith("nsubj"):
            continue
        actor = result.metonyms.get(other.i) or result.actor_at(other)
        if actor is not None:
            # an unknown name's kind is a guess: "it" needs a known state or body
            known = actor.kind in BODY_KINDS and not actor.key.startswith("new/")
            return actor if known else None
    return None


def _for_phrase_object(result: Resolution, possessive: Token) -> Actor | None:
    """ "bedankte Biden voor zijn steun", "praised Lula for his role": in a
    "for"-phrase of a verb with a person object, the possessive is the object's."""
    phrase = possessive.head
    if not phrase.dep_.startswith("obl") or not any(
        c.dep_ == "case" and c.lower_ in any_language("benefactive_prepositions")
        for c in phrase.children
    ):
        return None
    verb = phrase.head
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    # a second "subject" is an object the parser mislabelled ("bedankte Biden")
    for child in [c for c in verb.children if c.dep_ in ("obj", "iobj")] + subjects[1:]:
        if child.dep_ in ("obj", "iobj", "nsubj"):
            actor = result.actor_at(child)
            if actor is not None and actor.kind == "Person":
                return actor
    return None


def _in_quote(token: Token) -> bool:
    """Whether an odd number of quote marks stands before ``token`` in its sentence."""
    marks = sum(1 for t in token.sent if t.i < token.i and t.is_punct and t.text in QUOTES)
    return marks % 2 == 1


def _speaker_state(result: Resolution, token: Token, gazetteer: Gazetteer) -> Actor | None:
    """The state of whoever the sentence says speaks: the subject of a verb
    outside the quote ("'...', said Pompeo"; "Pompeo said: '...'")."""
    for other in token.sent:
        if not other.dep_.startswith("nsubj") or _in_quote(other) or other.is_punct:
            continue
        if other.head.i != other.i and _in_quote(other.head):
            continue
        actor = result.metonyms.get(other.i) or result.actor_at(other)
        if actor is None:
            continue
        if actor.kind in BODY_KINDS:
            return actor
        if actor.kind == "Person":
            return _state_of(actor, result, gazetteer)
    return None


def _state_of(person: Actor, result: Resolution, gazetteer: Gazetteer) -> Actor | None:
    """The state a person holds office in: by the gazetteer, else by a role noun
    the article gave them ("Syrian Foreign Minister X"), else their country."""
    held = gazetteer.roles_of(person.key, result.document.date)
    held += [
        (role, org)
        for index, (role, org) in result.roles.items()
        if (mention := result.by_token.get(index)) is not None and mention.actor == person
    ]
    for _role, org in held:
        state = gazetteer.actors.get(org)
        if state is not None and state.kind == "State":
            return state
    return gazetteer.actors.get(person.country or "")
