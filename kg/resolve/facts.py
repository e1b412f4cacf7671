"""What extraction may ask about actors: the gazetteer's facts on an article's date.

Resolve reads the gazetteer; extract reads only the resolution it is handed. This
record is the part of the gazetteer that extract's rules ask about, fixed to the
article's date: an actor by key, the state an actor belongs to, the offices a
person holds and the actor an adjective names ("Russische" -> Russia).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import TYPE_CHECKING

from kg.records import Actor

if TYPE_CHECKING:
    from kg.gazetteer import Gazetteer


@dataclass(frozen=True, slots=True)
class ActorFacts:
    """Read-only facts about known actors, as of one article's date."""

    #: every actor the gazetteer knows, by key
    actors: Mapping[str, Actor]
    #: person key -> the (role, organisation key) pairs held on the article's date
    offices: Mapping[str, tuple[tuple[str, str], ...]]
    #: adjective, lower case -> the key of the actor it names ("russische" -> "russia")
    demonyms: Mapping[str, str]

    def actor(self, key: str | None) -> Actor | None:
        """The known actor with this key; None for no key or an unknown one."""
        return self.actors.get(key) if key else None

    def country_of(self, key: str) -> str | None:
        """The key of the state an actor belongs to; a state is its own country."""
        actor = self.actors.get(key)
        if actor is None:
            return None
        return key if actor.kind == "State" else actor.country

    def roles_of(self, person: str) -> tuple[tuple[str, str], ...]:
        """(role, organisation key) pairs ``person`` held on the article's date."""
        return self.offices.get(person, ())

    def by_demonym(self, word: str) -> Actor | None:
        """The actor an adjective names ("Russische" -> Russia), in any case."""
        return self.actor(self.demonyms.get(word.strip().lower()))


def actor_facts(gazetteer: Gazetteer, date: str | None) -> ActorFacts:
    """The facts of ``gazetteer`` on ``date`` (YYYY, YYYY-MM or YYYY-MM-DD; None: today)."""
    # views, not copies: the gazetteer is read-only once loaded, and an article
    # must not pay for copying thousands of actors
    return ActorFacts(
        actors=MappingProxyType(gazetteer.actors),
        offices=MappingProxyType(gazetteer.roles_at(date)),
        demonyms=gazetteer.demonyms(),
    )
