"""The resolution of one article: its mentions, indexed by token, what else the
resolver learned about words (metonyms, roles, modifiers) and the facts about
actors that extraction may ask (the hand-over from resolve to extract)."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from kg.records import Actor, Document, Mention
from kg.resolve.facts import ActorFacts


@dataclass
class Resolution:
    """The mentions of one article, indexed by token."""

    doc: Doc
    document: Document
    #: what the gazetteer knows on the article's date: extract asks this, never the gazetteer
    facts: ActorFacts
    mentions: list[Mention] = field(default_factory=list)
    by_token: dict[int, Mention] = field(default_factory=dict)
    #: capitals and other places that may stand for a state: token -> state actor
    metonyms: dict[int, Actor] = field(default_factory=dict)
    #: role nouns: token -> (role, organisation or state key)
    roles: dict[int, tuple[str, str]] = field(default_factory=dict)
    #: offices of several words: head token -> (start, end) of the phrase
    role_spans: dict[int, tuple[int, int]] = field(default_factory=dict)
    #: role nouns of an office held before ("de voormalige president"): no holder
    #: at the article's date is meant, and a named one held it undated
    former: set[int] = field(default_factory=set)
    #: words that name an actor as a modifier: "Ryanair-vliegtuig", "Russische"
    modifiers: dict[int, Actor] = field(default_factory=dict)
    #: words that refer to several actors at once: "both countries", "they",
    #: "Sino-Indian": token -> the actors, in text order
    sets: dict[int, tuple[Actor, ...]] = field(default_factory=dict)

    def add(self, span: Span, actor: Actor, how: str) -> Mention:
        mention = Mention(actor, span.start_char, span.end_char, span.text, how)
        self.mentions.append(mention)
        for token in span:
            self.by_token.setdefault(token.i, mention)
        return mention

    def remove(self, mention: Mention) -> None:
        """Take a mention back (a later, better reading of the same words)."""
        self.mentions.remove(mention)
        for i, found in list(self.by_token.items()):
            if found is mention:
                del self.by_token[i]

    def actor_names(self) -> set[str]:
        """Canonical names of every actor the article refers to, in any way."""
        names = {m.actor.name for m in self.mentions}
        names |= {a.name for a in self.metonyms.values()}
        names |= {a.name for a in self.modifiers.values()}
        names |= {a.name for members in self.sets.values() for a in members}
        names |= {org.name for _, key in self.roles.values() if (org := self.facts.actor(key))}
        return names

    def actor_at(self, token: Token) -> Actor | None:
        mention = self.by_token.get(token.i)
        return mention.actor if mention else None
