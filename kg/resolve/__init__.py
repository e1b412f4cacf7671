"""Find the actors an article talks about and link every mention to one of them.

Runs after the spaCy pipeline, over a whole article (coreference needs the
article): gazetteer names (multi-word, case-aware, possessive "Kims"), seats
of power ("het Kremlin"), capitals that may stand for their state (decided
later, by the role the capital plays in a relation), role descriptions resolved
at the article's date ("de Chinese president"), party-member nouns ("de
Republikein X"), a state's institutions and people ("Turkish troops", "de
Amerikanen"), references to several actors at once ("both countries", "they",
"Sino-Indian"), pronouns and definite descriptions ("hij", "it", "de
militante beweging", "the kingdom"), counterparts ("zijn Franse ambtgenoot"),
"we" in a quote (the speaker's state), and unknown proper names, which become
new actors.

The resolution also carries what extraction needs to know about actors (their
states, the offices held on the article's date, demonyms: ``ActorFacts``), so
that extraction never reads the gazetteer itself.
"""

from __future__ import annotations

from spacy.tokens import Doc

from kg.events import unnamed_events
from kg.gazetteer import load_gazetteer
from kg.lexicon import load_lexicon
from kg.records import Document
from kg.resolve.chains import repair
from kg.resolve.facts import ActorFacts, actor_facts
from kg.resolve.mentions import Resolution
from kg.resolve.names import datelines, modifiers, names
from kg.resolve.new_names import new_names
from kg.resolve.pronouns import quote_pronouns
from kg.resolve.references import events, institutions, references
from kg.resolve.roles import assign_roles, counterparts, find_roles, party_members
from kg.resolve.sets import sets
from kg.resolve.word_order import subject_first, verbs_read_as_names

__all__ = ["ActorFacts", "Resolution", "resolve"]


def resolve(doc: Doc, document: Document) -> Resolution:
    """Link the mentions of ``doc`` (the parsed ``document``) to actors."""
    gazetteer = load_gazetteer()
    lexicon = load_lexicon()
    lang = document.lang
    result = Resolution(doc, document, actor_facts(gazetteer, document.date))
    names(result, gazetteer, lang)
    datelines(result)
    modifiers(result, gazetteer, lang)
    find_roles(result, gazetteer, lexicon, lang)
    new_names(result, gazetteer, lexicon, lang)
    assign_roles(result, gazetteer)
    repair(result)
    verbs_read_as_names(result, lexicon)
    subject_first(result)
    party_members(result, gazetteer, lang)
    institutions(result, gazetteer, lexicon, lang)
    sets(result, gazetteer, lexicon, lang)
    references(result, gazetteer, lexicon, lang)
    counterparts(result, gazetteer, lexicon, lang)
    quote_pronouns(result, gazetteer)
    events(result, gazetteer, lang)
    unnamed_events(result, gazetteer)
    result.mentions.sort(key=lambda m: m.start)
    return result
