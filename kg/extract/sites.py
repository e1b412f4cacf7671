"""Where a lexicon predicate stands and what is read there: the records that the
strategies (``kg.extract.predicates``, ``kg.extract.nouns``) and the vetoes
(``kg.extract.vetoes``) of the lexicon's predicates pass between them."""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

from spacy.tokens import Token

from kg.extract.arguments import Argument
from kg.lexicon import Lexicon, Predicate
from kg.records import Actor
from kg.resolve import Resolution


@dataclass(frozen=True)
class Site:
    """A word of the lexicon in its sentence: the predicate it states, the word
    that governs a relation noun ("beloofde" of "beloofde steun"), the relative
    clause that carries one ("de wapenstilstand die ze met X sloten": its verb and
    its doer) and the actors the predicate's slots name."""

    token: Token
    predicate: Predicate
    governor: Token | None
    relative: tuple[Token, Token] | None
    objects: list[Argument]
    lang: str
    resolution: Resolution
    lexicon: Lexicon


class Found(NamedTuple):
    """What a strategy found: the rule it is (``kg.extract.rules``), who does it
    and to whom, where the strategy says (None: the actors the slots name)."""

    rule: str
    subjects: list[Argument]
    objects: list[Argument] | None = None


@dataclass(frozen=True)
class Pair:
    """One candidate statement: the arguments as found, the relation they state
    and the actors the statement is about (a capital's state, a leader's state)."""

    subject: Argument
    obj: Argument
    relation: str
    subject_actor: Actor
    object_actor: Actor
