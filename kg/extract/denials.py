"""Denials of an accusation made before ("Morocco accused Algeria of espionage.
Algeria denied the allegations."): the denier rejects the accuser, as the
annotation conventions say ("denying an accusation -> rejects, denier -> accuser").

A denial verb (denials.tsv) states a relation only where, in its sentence or the
REACH sentences before, an accusation of the denier (or of the denier's state) was
stated; what is denied is either named by an accusation noun without an author of
its own ("the allegations", "de beschuldigingen") or said in a complement clause
("ontkende dat het spioneerde"). An authored one ("rejected Morocco's claims") is
the lexicon's plain verb reading.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from spacy.tokens import Span, Token

from kg.extract import confidence as conf
from kg.extract import rules
from kg.extract.arguments import owner_of
from kg.extract.frames import verb_particles
from kg.extract.states import stated_in_clause
from kg.extract.subjects import subjects_of
from kg.lexicon import denial_words, normalise
from kg.profiles import any_language
from kg.records import Actor, Document, Relation
from kg.resolve import ActorFacts, Resolution

#: How many sentences back the accusation that is denied may stand.
REACH = 2


def denial_relations(
    sent: Span,
    stated_here: Sequence[Relation],
    earlier: Sequence[Sequence[Relation]],
    document: Document,
    resolution: Resolution,
) -> Iterator[Relation]:
    """``stated_here``: the sentence's own statements; ``earlier``: those of the
    sentences before it, oldest first."""
    lang = document.lang
    for verb in sent:
        if not _denies_an_accusation(verb, resolution, lang):
            continue
        accusations = [r for r in stated_here if r.relation == "accuses"]
        accusations += [r for rs in earlier[-REACH:] for r in rs if r.relation == "accuses"]
        for denier in subjects_of(verb, resolution, lang):
            accuser = _accuser_of(denier.actor, accusations, resolution.facts)
            if accuser is None or accuser.key == denier.actor.key:
                continue
            yield from stated_in_clause(
                verb,
                document,
                denier.actor,
                "rejects",
                accuser,
                trigger=verb.text,
                confidence=conf.DENIAL,
                rule=rules.DENIAL,
            )


def _denies_an_accusation(verb: Token, resolution: Resolution, lang: str) -> bool:
    """A denial verb whose object is an accusation noun without an author, or
    whose content is a complement clause; never a negated one ("did not deny")."""
    if verb.pos_ not in ("VERB", "AUX") or any(
        c.dep_ == "advmod" and c.lower_ in any_language("negations") for c in verb.children
    ):
        return False
    words = denial_words()
    lemma = normalise(verb.lemma_.replace("_", ""))
    names = {lemma} | {normalise(p + verb.lemma_.split("_")[-1]) for p in verb_particles(verb)}
    if not any(words.get((lang, name)) == "verb" for name in names):
        return False
    for child in verb.children:
        if child.dep_ == "obj":
            # the form too: the lemmatizer mangles some plurals ("aantijgingen")
            form = child.lower_
            forms = {normalise(child.lemma_), form, form.removesuffix("en"), form.removesuffix("s")}
            named = any(words.get((lang, f)) == "noun" for f in forms)
            return named and owner_of(child, resolution) is None
    return any(c.dep_ == "ccomp" for c in verb.children)


def _accuser_of(denier: Actor, accusations: Sequence[Relation], facts: ActorFacts) -> Actor | None:
    """The author of the latest accusation of ``denier`` or of the state it speaks for."""
    country = facts.country_of(denier.key)
    for relation in reversed(accusations):
        if relation.object.key in (denier.key, country):
            return relation.subject
    return None
