"""The words of attribution and criticism (``ontology/lexicon/attribution.tsv``):
sources, verbs of saying and opinion, wrongdoing, condemnation, obligation,
advice and the populace. Read here so that every extraction module can ask without cycles."""

from __future__ import annotations

import csv
import functools

from spacy.tokens import Token

from kg.lexicon import normalise
from kg.resources import ontology_file


@functools.cache
def attribution_words() -> dict[tuple[str, str], frozenset[str]]:
    """(lang, kind) -> words."""
    table: dict[tuple[str, str], set[str]] = {}
    with ontology_file("lexicon/attribution.tsv").open(encoding="utf-8") as handle:
        for row in csv.reader(handle, delimiter="\t"):
            if row and not row[0].startswith("#"):
                table.setdefault((row[0], row[1]), set()).add(normalise(row[2]))
    return {key: frozenset(words) for key, words in table.items()}


def is_word(kind: str, token: Token, lang: str) -> bool:
    """Whether ``token`` is a word of ``kind`` in attribution.tsv."""
    words = attribution_words().get((lang, kind), frozenset())
    return normalise(token.lemma_) in words or token.lower_ in words


def is_advice(verb: Token, lang: str) -> bool:
    """ "waarschuwen", "warn": a warning that may request rather than threaten."""
    return is_word("advice", verb, lang)


def is_populace(argument_token: Token, lang: str) -> bool:
    """ "Syrian refugees", "Russische burgers": the noun an owner stands in names
    a country's people, not its government or forces."""
    noun = argument_token.head
    return noun.i != argument_token.i and is_word("populace", noun, lang)
