"""The typed records that move between geokg's stages.

Each stage takes and returns these plain, frozen values; only ``kg.store``
turns them into RDF.
"""

from __future__ import annotations

from dataclasses import dataclass

#: Classes of actors, as named in the ontology (``kg:Person`` ...).
ACTOR_CLASSES = ("Person", "State", "Organization", "City", "Place", "Event", "Group")


@dataclass(frozen=True)
class Document:
    """One article, unwrapped into clean text.

    ``text`` is the article body with hard line breaks inside sentences removed
    and headings kept as paragraphs of their own. ``offsets[i]`` is the position
    in the original file of ``text[i]`` (one entry per character, plus one for
    the end), so any span of ``text`` maps back into the source file.
    """

    id: str
    text: str
    lang: str
    date: str | None = None  # YYYY, YYYY-MM or YYYY-MM-DD from the date line
    source: str = ""  # path or URL the article was read from
    title: str | None = None
    headings: tuple[tuple[int, int], ...] = ()  # (start, end) in ``text``
    offsets: tuple[int, ...] = ()

    def source_span(self, start: int, end: int) -> tuple[int, int]:
        """Map a span of ``text`` to the matching span of the original file."""
        if not self.offsets:
            return start, end
        return self.offsets[start], self.offsets[end - 1] + 1 if end > start else self.offsets[
            start
        ]


@dataclass(frozen=True)
class Actor:
    """Something that can stand at either end of a relation.

    ``key`` is the stable local name used in IRIs (``kim_jong_un``); actors the
    gazetteer does not know get a key minted from their name, prefixed ``new/``.
    """

    key: str
    name: str  # canonical English name (English Wikipedia title)
    kind: str  # one of ACTOR_CLASSES
    name_nl: str | None = None
    wikidata: str | None = None  # Q-id, e.g. "Q56226"
    aliases: tuple[tuple[str, str], ...] = ()  # (alias, language tag)
    gender: str | None = None  # "m", "f" for persons where known
    country: str | None = None  # key of the state a person or city belongs to


@dataclass(frozen=True)
class Mention:
    """A span of a document resolved to an actor."""

    actor: Actor
    start: int  # character offsets in Document.text
    end: int
    text: str
    how: str = "name"  # name | metonymy | role | pronoun | description | new


@dataclass(frozen=True)
class Relation:
    """One extracted statement: subject -relation-> object, with its evidence."""

    doc: str
    sentence: str
    subject: Actor
    relation: str  # a relation name of ANNOTATION.md, e.g. "supports"
    object: Actor
    date: str | None = None
    negated: bool = False
    hedged: bool = False
    confidence: float = 0.5
    start: int = 0  # the sentence's span in the original file
    end: int = 0
    trigger: str = ""  # the words that carry the relation ("steun aan")
    rule: str = ""  # the construction that stated it ("verb", "copula.nominal"; kg.extract.rules)
