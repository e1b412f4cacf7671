"""What geokg knows of a language beyond its spaCy pipeline: one profile per language.

The function words the rules look for (prepositions by role, pronouns,
determiners, copulas, negations, time words) and the suffix rules of nationality
nouns live in ``ontology/languages/<lang>.toml``, one file per language, read
here into a frozen ``Profile``. Code asks the profile instead of holding words,
so that adding a language is adding a profile (``ontology/languages/README.md``
says what else it needs).

>>> profile("nl").agent_prepositions, profile("en").negations >= {"not", "never"}
(('door',), True)

A rule that does not yet know which language its sentence is in reads the words
of every language at once:

>>> sorted(any_language("conjunctions"))
['and', 'en']
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, fields
from functools import cache
from types import MappingProxyType

from kg.errors import DataError
from kg.resources import ontology_file

#: The languages with a profile, in the order their rules are tried.
LANGUAGES = ("nl", "en")


@dataclass(frozen=True)
class Profile:
    """One language's function words and suffix rules (see ontology/languages/README.md)."""

    lang: str
    name: str
    # prepositions, by the role of the phrase they open
    agent_prepositions: tuple[str, ...]  # the agent of a passive: "door", "by"
    of_prepositions: tuple[str, ...]  # the owner or agent of a noun: "van", "of"
    target_prepositions: frozenset[str]  # the target of an act: "tegen", "against"
    recipient_prepositions: frozenset[str]  # who receives: "aan", "to"
    benefactive_prepositions: frozenset[str]  # on whose behalf: "voor", "for"
    between_prepositions: frozenset[str]  # "tussen", "between"
    locative_prepositions: frozenset[str]  # a place phrase after a noun: "in", "at"
    place_prepositions: frozenset[str]  # take a place, never a person: "naar", "into"
    occasion_prepositions: frozenset[str]  # an occasion: "tijdens", "during"
    source_prepositions: frozenset[str]  # where something comes from: "van", "from"
    origin_prepositions: frozenset[str]  # whose a person or office is: "uit", "from"
    # pronouns and determiners
    relative_pronouns: frozenset[str]
    demonstratives: frozenset[str]
    definite_articles: frozenset[str]
    plural_definites: frozenset[str]  # open a definite plural: "de", "these"
    demonstrative_subjects: frozenset[str]  # a demonstrative that is a clause's subject
    body_subject_pronouns: frozenset[str]  # a state or organisation as subject: "het", "it"
    body_possessives: frozenset[str]  # its: "zijn", "its"
    person_possessives: frozenset[str]  # his, her
    person_pronouns: Mapping[str, str]  # lemma or lower form -> gender, "m" or "f"
    plural_pronouns: frozenset[str]  # they, them, their
    first_person_plural: frozenset[str]  # we, us, our: in a quote, the speaker's side
    set_counts: Mapping[str, int]  # number words that count a set: "both" -> 2
    generic_quantifiers: frozenset[str]  # make a plural new or generic: "other", "veel"
    reciprocals: frozenset[str]  # "elkaar", "each other" (words joined by a space)
    conjunctions: frozenset[str]  # "en", "and"
    # verbs and negation
    copulas: frozenset[str]  # lemmas
    empty_subject_verbs: frozenset[str]  # lemmas whose "it" is no actor: "seem"
    negations: frozenset[str]  # adverbs that negate a clause
    none_determiners: frozenset[str]  # "geen", "no"
    # word formation
    keeping_prefixes: frozenset[str]  # a prefix that keeps a verb's meaning: "re", "her"
    demonym_endings: tuple[tuple[str, str], ...]  # (noun ending, adjective ending)
    lemma_plural_endings: tuple[str, ...]  # plural endings the lemmatizer keeps
    plural_endings: tuple[str, ...]  # plural endings of the written form
    # time words
    last_words: frozenset[str]  # "vorig", "last"
    year_words: frozenset[str]  # "jaar", "year"
    ambiguous_months: frozenset[str]  # month names that are common words: "may"


#: The fields every profile file must give, in order.
FIELDS = tuple(f.name for f in fields(Profile))


@cache
def profile(lang: str) -> Profile:
    """The profile of ``lang`` ("nl", "en"); ``DataError`` if it has none or it is incomplete."""
    if lang not in LANGUAGES:
        raise DataError(f"no language profile for {lang!r}: add ontology/languages/{lang}.toml")
    name = f"languages/{lang}.toml"
    try:
        with ontology_file(name).open("rb") as fh:
            data = tomllib.load(fh)
    except (OSError, tomllib.TOMLDecodeError) as err:
        raise DataError(f"cannot read {name}: {err}") from err
    missing = [f for f in FIELDS if f not in data]
    unknown = sorted(set(data) - set(FIELDS))
    if missing or unknown:
        raise DataError(f"{name}: missing fields {missing}, unknown fields {unknown}")
    if data["lang"] != lang:
        raise DataError(f"{name}: says lang = {data['lang']!r}")
    values = {}
    for f in fields(Profile):
        value = data[f.name]
        if f.name == "demonym_endings":
            value = tuple((str(ending), str(adjective)) for ending, adjective in value)
        elif str(f.type).startswith("tuple"):
            value = tuple(value)
        elif str(f.type).startswith("frozenset"):
            value = frozenset(value)
        elif str(f.type).startswith("Mapping"):
            value = MappingProxyType(dict(value))
        values[f.name] = value
    return Profile(**values)


def profiles() -> tuple[Profile, ...]:
    """Every language's profile, in the order of ``LANGUAGES``."""
    return tuple(profile(lang) for lang in LANGUAGES)


@cache
def any_language_map(field: str) -> Mapping:
    """The table of ``field`` in every language, merged (a word's entry in an
    earlier language of ``LANGUAGES`` wins)."""
    merged: dict = {}
    for p in reversed(profiles()):
        merged.update(getattr(p, field))
    return MappingProxyType(merged)


@cache
def any_language(field: str) -> frozenset[str]:
    """The words of ``field`` in every language: for a rule that matches a word
    whatever the language of its sentence ("en" or "and" joins a chain either way)."""
    return frozenset(word for p in profiles() for word in getattr(p, field))
